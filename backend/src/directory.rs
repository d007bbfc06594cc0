//! `portail import professionals FILE`: the directory of doctors from the RPPS extract.
//!
//! The file is the public "Annuaire santé" extract of practitioners' activities
//! (`PS_LibreAcces_Personne_activite_*.txt`): UTF-8, `|` between fields, one header row. Columns
//! are found by their names (accents, case and spacing do not matter), so the extract's
//! other columns and their order are free. Only doctors (profession code 10) with an RPPS
//! number are kept; a doctor with several places of practice keeps the last one read. The
//! extract does not give the conventionnement sector: an optional `Secteur` column (1, 2 or 3)
//! gives it, otherwise members are not told one. Importing again updates each doctor in place
//! (by RPPS number), so the directory can be refreshed while the portal runs.

use std::io::BufRead;

use portail_shared::text::fold;
use rusqlite::Connection;

use crate::db::professionals::Professional;
use crate::db::{self, DbError};

/// Rows stored per transaction.
pub const BATCH: usize = 10_000;

/// The columns read, by their folded names in the extract.
const RPPS: &str = "identifiant pp";
const PROFESSION: &str = "code profession";
const FAMILY: &str = "nom d'exercice";
const GIVEN: &str = "prenom d'exercice";
const SPECIALTY: &str = "libelle savoir-faire";
const NUMBER: &str = "numero voie (coord. structure)";
const STREET_TYPE: &str = "libelle type de voie (coord. structure)";
const STREET: &str = "libelle voie (coord. structure)";
const POSTAL_CODE: &str = "code postal (coord. structure)";
const CITY: &str = "libelle commune (coord. structure)";
const PHONE: &str = "telephone (coord. structure)";
const SECTOR: &str = "secteur";

const REQUIRED: [&str; 6] = [RPPS, PROFESSION, FAMILY, GIVEN, POSTAL_CODE, CITY];

/// The profession code of doctors in the RPPS.
const DOCTOR: &str = "10";

/// Where each column is in the file.
#[derive(Debug, Clone)]
pub struct Header {
    names: Vec<String>,
}

impl Header {
    /// Reads the header row; names every required column that is missing.
    pub fn parse(line: &str) -> Result<Header, String> {
        let names: Vec<String> = line.split('|').map(fold).collect();
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|c| !names.iter().any(|n| n == c))
            .collect();
        if missing.is_empty() {
            Ok(Header { names })
        } else {
            Err(format!(
                "the header has no column {}: is this the RPPS extract \
                 (PS_LibreAcces_Personne_activite)?",
                missing.join(", ")
            ))
        }
    }

    fn get<'a>(&self, fields: &[&'a str], column: &str) -> &'a str {
        self.names
            .iter()
            .position(|n| n == column)
            .and_then(|i| fields.get(i))
            .map_or("", |f| f.trim())
    }

    /// One row: `Ok(None)` for someone who is not a doctor, `Err` for a doctor's row that
    /// cannot be used (why).
    pub fn parse_row(&self, line: &str) -> Result<Option<Professional>, String> {
        let fields: Vec<&str> = line.split('|').collect();
        if self.get(&fields, PROFESSION) != DOCTOR {
            return Ok(None);
        }
        let rpps = self.get(&fields, RPPS);
        if rpps.len() != 11 || !rpps.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "identifiant PP {rpps:?} is not an 11-digit RPPS number"
            ));
        }
        let family_name = self.get(&fields, FAMILY);
        let given_name = self.get(&fields, GIVEN);
        if family_name.is_empty() {
            return Err(format!("RPPS {rpps}: no family name"));
        }
        let postal_code = self.get(&fields, POSTAL_CODE);
        let city = self.get(&fields, CITY);
        if city.is_empty() {
            return Err(format!("RPPS {rpps}: no town of practice"));
        }
        let specialty = match self.get(&fields, SPECIALTY) {
            "" => "Médecine générale".to_owned(),
            s if fold(s).contains("medecine generale") => "Médecine générale".to_owned(),
            s => capitalised(s),
        };
        let sector = match self.get(&fields, SECTOR) {
            "" => None,
            s => match s.parse::<u8>() {
                Ok(n @ 1..=3) => Some(n),
                _ => return Err(format!("RPPS {rpps}: sector {s:?} is not 1, 2 or 3")),
            },
        };
        let street = [
            self.get(&fields, NUMBER),
            self.get(&fields, STREET_TYPE),
            self.get(&fields, STREET),
        ]
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| capitalised(p))
        .collect::<Vec<_>>()
        .join(" ");
        Ok(Some(Professional {
            id: 0,
            rpps: rpps.to_owned(),
            family_name: capitalised(family_name),
            given_name: capitalised(given_name),
            specialty,
            sector,
            address_line: street,
            postal_code: postal_code.to_owned(),
            city: capitalised(city),
            phone: self.get(&fields, PHONE).to_owned(),
        }))
    }
}

/// "MARIE-CLAIRE DUPONT" → "Marie-Claire Dupont"; mixed case is kept as written.
fn capitalised(text: &str) -> String {
    if text.chars().any(char::is_lowercase) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, ' ' | '-' | '\'' | '’');
    }
    out
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Rows read (header excluded).
    pub read: u64,
    /// Doctors stored (new or updated).
    pub stored: u64,
    /// Rows of other professions, skipped.
    pub others: u64,
    /// Doctors' rows refused, with their line number and why.
    pub refused: Vec<(u64, String)>,
}

/// Reads the extract from `input` into the directory, in batches of [`BATCH`] per transaction;
/// `progress` hears the rows read so far.
pub fn import(
    conn: &mut Connection,
    input: impl BufRead,
    progress: &mut dyn FnMut(u64),
) -> Result<Report, String> {
    let mut lines = input.lines();
    let header = match lines.next() {
        Some(Ok(line)) => Header::parse(line.trim_start_matches('\u{feff}'))?,
        Some(Err(e)) => return Err(format!("cannot read the file: {e}")),
        None => return Err("the file is empty".to_owned()),
    };
    let mut report = Report::default();
    let mut batch: Vec<Professional> = Vec::with_capacity(BATCH);
    let store = |conn: &mut Connection, batch: &mut Vec<Professional>| -> Result<u64, DbError> {
        let tx = conn.transaction()?;
        for p in batch.iter() {
            db::professionals::upsert(&tx, p)?;
        }
        tx.commit()?;
        let n = batch.len() as u64;
        batch.clear();
        Ok(n)
    };
    for (index, line) in lines.enumerate() {
        let number = index as u64 + 2;
        let line = line.map_err(|e| format!("line {number}: cannot be read: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        report.read += 1;
        match header.parse_row(&line) {
            Ok(Some(p)) => batch.push(p),
            Ok(None) => report.others += 1,
            Err(why) => report.refused.push((number, why)),
        }
        if batch.len() == BATCH {
            report.stored += store(conn, &mut batch).map_err(|e| e.to_string())?;
            progress(report.read);
        }
    }
    report.stored += store(conn, &mut batch).map_err(|e| e.to_string())?;
    progress(report.read);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Libellé savoir-faire|Numéro Voie (coord. structure)|Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Code postal (coord. structure)|Libellé commune (coord. Structure)|Téléphone (coord. structure)|";

    #[test]
    fn a_doctors_row_becomes_a_directory_entry() {
        let header = Header::parse(HEADER).expect("header");
        let p = header
            .parse_row("8|10001234567|810001234567|DUPONT-MOREL|MARIE CLAIRE|10|Médecin|Qualifié en Médecine Générale|12|RUE|DES LILAS|44000|NANTES|0240000000|")
            .expect("row")
            .expect("a doctor");
        assert_eq!(p.rpps, "10001234567");
        assert_eq!(
            (p.family_name.as_str(), p.given_name.as_str()),
            ("Dupont-Morel", "Marie Claire")
        );
        assert_eq!(p.specialty, "Médecine générale");
        assert_eq!(p.address_line, "12 Rue Des Lilas");
        assert_eq!(
            (p.postal_code.as_str(), p.city.as_str()),
            ("44000", "Nantes")
        );
        assert_eq!(p.sector, None);
    }

    #[test]
    fn other_professions_are_skipped_and_broken_doctors_refused() {
        let header = Header::parse(HEADER).expect("header");
        assert_eq!(
            header.parse_row("8|10001234568|8|MARTIN|PAUL|60|Infirmier||1|RUE|X|44000|NANTES||"),
            Ok(None)
        );
        assert!(
            header
                .parse_row("8|123|8|MARTIN|PAUL|10|Médecin||1|RUE|X|44000|NANTES||")
                .is_err()
        );
        assert!(
            header
                .parse_row("8|10001234569|8|MARTIN|PAUL|10|Médecin||1|RUE|X|44000|||")
                .is_err()
        );
    }

    #[test]
    fn a_file_without_the_columns_is_named_for_what_it_lacks() {
        let err = Header::parse("external_id;nir;care_date").expect_err("not RPPS");
        assert!(
            err.contains("identifiant pp") && err.contains("PS_LibreAcces"),
            "{err}"
        );
    }

    #[test]
    fn names_in_capitals_read_as_names() {
        assert_eq!(capitalised("SAINT-ÉTIENNE"), "Saint-Étienne");
        assert_eq!(capitalised("D'ARTAGNAN"), "D'Artagnan");
        assert_eq!(capitalised("de la Tour"), "de la Tour");
    }
}
