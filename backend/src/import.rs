//! `portail import reimbursements FILE.csv`: the fund's feed of reimbursement lines.
//!
//! The format (README, "Importing reimbursements"): UTF-8, `;` between fields, one header row
//! naming the columns (any order), one line per row. A field may be quoted with `"` (a `"`
//! inside is written `""`). Amounts are euros with a decimal comma or point.
//!
//! Reading and checking one row is pure ([`Columns::parse_row`]); [`import`] then finds the
//! people on the roll, stores the valid rows in batches of [`BATCH`] per transaction and
//! reports every invalid one by its line number. A row is stored whole or not at all, and a
//! row whose `external_id` is already stored is left as it is, so importing a file twice
//! stores it once.

use std::collections::HashMap;
use std::io::BufRead;

use portail_shared::nir::NirError;
use portail_shared::reimbursements::history::{self, Status};
use portail_shared::reimbursements::{Date, Exemption};
use portail_shared::{Cents, Nir};
use rusqlite::Connection;

use crate::crypto::Keys;
use crate::db::reimbursements::{Amounts, Detail, NewLine, exemption_code};
use crate::db::{self, DbError, members::MemberId};

/// Valid rows stored per transaction.
pub const BATCH: usize = 10_000;

/// Every column, in the order of [`Field`]; `true` when the column must be in the header.
const COLUMNS: [(&str, bool); 28] = [
    ("external_id", true),
    ("nir", true),
    ("beneficiary_nir", false),
    ("care_date", true),
    ("nature", true),
    ("professional_id", true),
    ("professional", true),
    ("specialty", true),
    ("charged", true),
    ("base", true),
    ("rate", true),
    ("participation", true),
    ("franchise", true),
    ("reimbursed", true),
    ("complementary", false),
    ("remaining", true),
    ("tiers_payant", true),
    ("in_parcours", true),
    ("status", true),
    ("payment_date", true),
    ("payment_ref", true),
    ("reject_reason", true),
    ("paid", false),
    ("recovered", false),
    ("deferred", false),
    ("ald_related", false),
    ("exemption", false),
    ("hospital_daily_charge", false),
];

/// A column, by its place in [`COLUMNS`].
#[derive(Debug, Clone, Copy)]
enum Field {
    ExternalId,
    Nir,
    BeneficiaryNir,
    CareDate,
    Nature,
    ProfessionalId,
    Professional,
    Specialty,
    Charged,
    Base,
    Rate,
    Participation,
    Franchise,
    Reimbursed,
    Complementary,
    Remaining,
    TiersPayant,
    InParcours,
    Status,
    PaymentDate,
    PaymentRef,
    RejectReason,
    Paid,
    Recovered,
    Deferred,
    AldRelated,
    Exemption,
    HospitalDailyCharge,
}

/// Where each column is in the file's rows.
#[derive(Debug, Clone)]
pub struct Columns {
    at: [Option<usize>; COLUMNS.len()],
    width: usize,
}

/// One checked row, before its people are found on the roll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The insured's NIR.
    pub nir: Nir,
    /// Who was cared for, when not the insured.
    pub beneficiary_nir: Option<Nir>,
    /// The line, with [`MemberId`]s still to fill in.
    pub line: NewLine,
}

/// Splits one line of the file into its fields (`;`, optional `"` quoting).
pub fn split(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                    if !matches!(chars.peek(), None | Some(';')) {
                        return Err("text after a closing quote".to_owned());
                    }
                }
            }
            '"' if at_start => quoted = true,
            ';' if !quoted => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
                continue;
            }
            c => field.push(c),
        }
        at_start = false;
    }
    if quoted {
        return Err("a quote is not closed".to_owned());
    }
    fields.push(field);
    Ok(fields)
}

impl Columns {
    /// Reads the header row: every required column once, nothing unknown.
    pub fn parse_header(line: &str) -> Result<Columns, String> {
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        let names = split(line)?;
        let mut at = [None; COLUMNS.len()];
        let mut problems = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let name = name.trim();
            match COLUMNS.iter().position(|(known, _)| *known == name) {
                Some(c) if at[c].is_some() => problems.push(format!("column {name} appears twice")),
                Some(c) => at[c] = Some(i),
                None => problems.push(format!("unknown column {name:?}")),
            }
        }
        for (c, (name, required)) in COLUMNS.iter().enumerate() {
            if *required && at[c].is_none() {
                problems.push(format!("column {name} is missing"));
            }
        }
        if problems.is_empty() {
            Ok(Columns {
                at,
                width: names.len(),
            })
        } else {
            Err(problems.join("; "))
        }
    }

    /// Checks one row and builds its line; every problem of the row is named.
    pub fn parse_row(&self, line: &str, today: Date) -> Result<Row, Vec<String>> {
        let fields = split(line).map_err(|e| vec![e])?;
        if fields.len() != self.width {
            return Err(vec![format!(
                "{} fields where the header has {}",
                fields.len(),
                self.width
            )]);
        }
        let get = |f: Field| -> &str {
            self.at[f as usize]
                .and_then(|i| fields.get(i))
                .map_or("", |s| s.trim())
        };
        let mut problems = Vec::new();
        let mut bad = |problem: String| problems.push(problem);

        let external_ref = get(Field::ExternalId);
        if external_ref.is_empty() {
            bad("external_id is empty".to_owned());
        } else if external_ref.len() > 64 || external_ref.chars().any(char::is_control) {
            bad("external_id must be at most 64 printable characters".to_owned());
        }
        let nir = read_nir(get(Field::Nir), "nir", &mut bad);
        let beneficiary_nir = match get(Field::BeneficiaryNir) {
            "" => None,
            text => read_nir(text, "beneficiary_nir", &mut bad),
        };
        let care_date = date(get(Field::CareDate), "care_date", &mut bad);
        if care_date.is_some_and(|d| d > today) {
            bad("care_date is in the future".to_owned());
        }
        let nature_text = get(Field::Nature);
        if history::parse_nature(nature_text).is_none() {
            bad(format!(
                "nature {nature_text:?} is not a known act (e.g. consultation, medicine:major:3, hospital:2)"
            ));
        }
        let professional = get(Field::Professional);
        if professional.is_empty() {
            bad("professional is empty".to_owned());
        }
        let mut amount = |f: Field, name: &str, required: bool| -> Option<Cents> {
            let text = get(f);
            if text.is_empty() && !required {
                return None;
            }
            match Cents::parse_fr(text) {
                Ok(c) if c.is_negative() => {
                    bad(format!("{name} is negative"));
                    None
                }
                Ok(c) => Some(c),
                Err(_) => {
                    bad(format!("{name} {text:?} is not an amount in euros"));
                    None
                }
            }
        };
        let charged = amount(Field::Charged, "charged", true);
        let base = amount(Field::Base, "base", true);
        let participation = amount(Field::Participation, "participation", true);
        let franchise = amount(Field::Franchise, "franchise", true);
        let reimbursed = amount(Field::Reimbursed, "reimbursed", true);
        let complementary = amount(Field::Complementary, "complementary", false);
        let remaining = amount(Field::Remaining, "remaining", true);
        let paid = amount(Field::Paid, "paid", false);
        let recovered = amount(Field::Recovered, "recovered", false);
        let deferred = amount(Field::Deferred, "deferred", false);
        let hospital = amount(Field::HospitalDailyCharge, "hospital_daily_charge", false);
        // A rate in percent with up to two decimals is a whole number of basis points.
        let rate_text = get(Field::Rate);
        let rate_bp = match Cents::parse_fr(rate_text.trim_end_matches('%')) {
            Ok(Cents(bp)) if (0..=10_000).contains(&bp) => u32::try_from(bp).ok(),
            _ => {
                bad(format!(
                    "rate {rate_text:?} must be a percentage from 0 to 100"
                ));
                None
            }
        };
        if let (Some(base), Some(charged)) = (base, charged)
            && base > charged
        {
            bad("base is more than charged".to_owned());
        }
        if let (Some(reimbursed), Some(base)) = (reimbursed, base)
            && reimbursed > base
        {
            bad("reimbursed is more than base".to_owned());
        }
        let tiers_payant = flag(get(Field::TiersPayant), "tiers_payant", true, &mut bad);
        let in_parcours = flag(get(Field::InParcours), "in_parcours", true, &mut bad);
        let ald_related = flag(get(Field::AldRelated), "ald_related", false, &mut bad);
        let exemption_text = get(Field::Exemption);
        let exemption = match exemption_text {
            "" => None,
            text => {
                let known = [
                    Exemption::Minor,
                    Exemption::Pregnancy,
                    Exemption::Css,
                    Exemption::Ame,
                ]
                .into_iter()
                .map(exemption_code)
                .find(|code| *code == text);
                if known.is_none() {
                    bad(format!(
                        "exemption {text:?} is none of minor, pregnancy, css, ame"
                    ));
                }
                known.map(str::to_owned)
            }
        };
        let status_text = get(Field::Status);
        let status = Status::parse(status_text);
        if status.is_none() {
            bad(format!(
                "status {status_text:?} is none of pending, paid, rejected"
            ));
        }
        let payment_date = match get(Field::PaymentDate) {
            "" => None,
            text => date(text, "payment_date", &mut bad),
        };
        match (status, payment_date) {
            (Some(Status::Paid), None) if get(Field::PaymentDate).is_empty() => {
                bad("a paid line needs its payment_date".to_owned());
            }
            (Some(Status::Pending | Status::Rejected), Some(_)) => {
                bad("only a paid line has a payment_date".to_owned());
            }
            _ => {}
        }
        if let (Some(paid_on), Some(cared)) = (payment_date, care_date)
            && paid_on < cared
        {
            bad("payment_date is before care_date".to_owned());
        }
        let reject_reason = get(Field::RejectReason);
        match status {
            Some(Status::Rejected) => {
                if reject_reason.is_empty() {
                    bad("a rejected line needs its reject_reason".to_owned());
                }
                if reimbursed.is_some_and(|r| r > Cents::ZERO) {
                    bad("a rejected line reimburses nothing".to_owned());
                }
            }
            Some(_) if !reject_reason.is_empty() => {
                bad("only a rejected line has a reject_reason".to_owned());
            }
            _ => {}
        }

        let (
            Some(nir),
            Some(care_date),
            Some(charged),
            Some(base),
            Some(participation),
            Some(franchise),
            Some(reimbursed),
            Some(remaining),
            Some(rate_bp),
            Some(tiers_payant),
            Some(in_parcours),
            Some(status),
            true,
        ) = (
            nir,
            care_date,
            charged,
            base,
            participation,
            franchise,
            reimbursed,
            remaining,
            rate_bp,
            tiers_payant,
            in_parcours,
            status,
            problems.is_empty(),
        )
        else {
            return Err(problems);
        };
        // What was paid, when the feed does not say: under tiers payant the fund pays the
        // professional before deductions and takes them from later payments.
        let deductions = participation + franchise;
        let (default_paid, default_deferred) = match (status, tiers_payant) {
            (Status::Rejected, _) => (Cents::ZERO, Cents::ZERO),
            (_, true) => (reimbursed + deductions, deductions),
            (_, false) => (reimbursed, Cents::ZERO),
        };
        let payment_ref = get(Field::PaymentRef);
        Ok(Row {
            nir,
            beneficiary_nir,
            line: NewLine {
                insured: MemberId(0),
                beneficiary: MemberId(0),
                external_ref: external_ref.to_owned(),
                care_date,
                status,
                payment_date,
                payment_ref: (!payment_ref.is_empty()).then(|| payment_ref.to_owned()),
                amounts: Amounts {
                    charged,
                    base,
                    rate_bp,
                    participation,
                    franchise,
                    reimbursed,
                    paid: paid.unwrap_or(default_paid),
                    recovered: recovered.unwrap_or_default(),
                    deferred: deferred.unwrap_or(default_deferred),
                    complementary,
                    remaining,
                },
                tiers_payant,
                in_parcours,
                detail: Detail {
                    nature: nature_text.to_owned(),
                    professional_id: get(Field::ProfessionalId).to_owned(),
                    professional: professional.to_owned(),
                    specialty: get(Field::Specialty).to_owned(),
                    ald_related: ald_related.unwrap_or(false),
                    exemption,
                    hospital_daily_charge: hospital.unwrap_or_default().0,
                    reject_reason: (!reject_reason.is_empty()).then(|| reject_reason.to_owned()),
                },
            },
        })
    }
}

fn read_nir(text: &str, name: &str, bad: &mut impl FnMut(String)) -> Option<Nir> {
    match Nir::parse(text) {
        Ok(nir) => Some(nir),
        Err(e) => {
            let why = match e {
                NirError::Empty => "is empty",
                NirError::WrongLength { .. } => "must have 15 characters, key included",
                NirError::InvalidCharacter => "holds a character other than digits (and 2A/2B)",
                NirError::Temporary => "is a temporary number (7 or 8)",
                NirError::InvalidSex => "must start with 1 or 2",
                NirError::InvalidMonth => "has an impossible birth month",
                NirError::WrongKey => "has a key that does not match the number",
            };
            bad(format!("{name} {why}"));
            None
        }
    }
}

fn date(text: &str, name: &str, bad: &mut impl FnMut(String)) -> Option<Date> {
    let parsed = Date::parse(text);
    if parsed.is_none() {
        bad(format!("{name} {text:?} is not a date (YYYY-MM-DD)"));
    }
    parsed
}

fn flag(text: &str, name: &str, required: bool, bad: &mut impl FnMut(String)) -> Option<bool> {
    match text {
        "1" => Some(true),
        "0" => Some(false),
        "" if !required => None,
        _ => {
            bad(format!("{name} must be 0 or 1"));
            None
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Report {
    /// Rows read (the header and blank lines not counted).
    pub read: u64,
    /// Rows stored.
    pub inserted: u64,
    /// Rows whose `external_id` was already stored.
    pub already_present: u64,
    /// Rows refused.
    pub invalid: u64,
    /// "Information de paiement" e-mails queued.
    pub notices: u32,
}

/// What the import tells its caller as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// So many rows read so far.
    Progress(u64),
    /// A refused row: its line number in the file (the header is line 1) and why.
    Invalid(u64, String),
}

/// Why an import stopped before the end of the file (rows committed before stay stored).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("reading the file: {0}")]
    Read(#[from] std::io::Error),
    /// The header row is not the documented one.
    #[error("line 1 (header): {0}")]
    Header(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Imports every row of `input` (a whole file, header first) for care up to today (in Paris,
/// at `now`). With
/// `notify` (the portal's public origin, for the link), each new payment is announced to its
/// member by an "information de paiement" e-mail, queued in the same transaction.
pub fn import(
    conn: &mut Connection,
    keys: &Keys,
    input: impl BufRead,
    now: time::OffsetDateTime,
    notify: Option<&str>,
    events: &mut dyn FnMut(Event),
) -> Result<Report, ImportError> {
    let today = crate::clock::paris_day(now);
    let stamp = crate::clock::format(now);
    let mut lines = input.lines();
    let header = lines.next().transpose()?.unwrap_or_default();
    let columns =
        Columns::parse_header(header.trim_end_matches('\r')).map_err(ImportError::Header)?;
    let mut report = Report::default();
    let mut members: HashMap<String, Option<MemberId>> = HashMap::new();
    let mut number: u64 = 1;
    let mut done = false;
    while !done {
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(DbError::from)?;
        let mut stored = 0;
        let mut paid = Vec::new();
        while stored < BATCH {
            let Some(line) = lines.next().transpose()? else {
                done = true;
                break;
            };
            number += 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            report.read += 1;
            if report.read.is_multiple_of(10_000) {
                events(Event::Progress(report.read));
            }
            let outcome = match columns.parse_row(line, today) {
                Err(problems) => Err(problems.join("; ")),
                Ok(row) => place(&tx, keys, &mut members, row)?,
            };
            match outcome {
                Err(why) => {
                    report.invalid += 1;
                    events(Event::Invalid(number, why));
                }
                Ok(line) => match db::reimbursements::insert(&tx, keys, &line, &stamp) {
                    Ok(true) => {
                        report.inserted += 1;
                        stored += 1;
                        if notify.is_some() && line.payment_ref.is_some() {
                            paid.push(line);
                        }
                    }
                    Ok(false) => report.already_present += 1,
                    // A rule the checks above missed: this row only is refused.
                    Err(DbError::Sqlite(rusqlite::Error::SqliteFailure(e, message)))
                        if e.code == rusqlite::ErrorCode::ConstraintViolation =>
                    {
                        report.invalid += 1;
                        events(Event::Invalid(
                            number,
                            format!(
                                "refused by the database ({})",
                                message.unwrap_or_else(|| e.to_string())
                            ),
                        ));
                    }
                    Err(e) => return Err(e.into()),
                },
            }
            if members.len() > 100_000 {
                members.clear();
            }
        }
        if let Some(origin) = notify {
            let lines: Vec<&db::reimbursements::NewLine> = paid.iter().collect();
            report.notices += crate::reimbursements::notify_new_payments(&tx, origin, &lines, now)?;
        }
        tx.commit().map_err(DbError::from)?;
    }
    events(Event::Progress(report.read));
    Ok(report)
}

/// Finds the row's people on the roll: `Ok(Err(why))` when they are not there.
fn place(
    conn: &Connection,
    keys: &Keys,
    members: &mut HashMap<String, Option<MemberId>>,
    mut row: Row,
) -> Result<Result<NewLine, String>, DbError> {
    let mut find = |nir: &Nir| -> Result<Option<MemberId>, DbError> {
        if let Some(found) = members.get(nir.as_str()) {
            return Ok(*found);
        }
        let found = db::members::find_by_nir(conn, keys, nir)?;
        members.insert(nir.as_str().to_owned(), found);
        Ok(found)
    };
    let Some(insured) = find(&row.nir)? else {
        return Ok(Err("nir: no insured person with this NIR".to_owned()));
    };
    let beneficiary = match &row.beneficiary_nir {
        None => insured,
        Some(nir) => match find(nir)? {
            None => return Ok(Err("beneficiary_nir: nobody with this NIR".to_owned())),
            Some(b) => b,
        },
    };
    if beneficiary != insured && !db::reimbursements::is_dependant(conn, insured, beneficiary)? {
        return Ok(Err(
            "beneficiary_nir: not a dependant of the insured person".to_owned(),
        ));
    }
    row.line.insured = insured;
    row.line.beneficiary = beneficiary;
    Ok(Ok(row.line))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "external_id;nir;beneficiary_nir;care_date;nature;professional_id;professional;specialty;charged;base;rate;participation;franchise;reimbursed;complementary;remaining;tiers_payant;in_parcours;status;payment_date;payment_ref;reject_reason";
    const GOOD: &str = "F-1;291056912304511;;2025-03-04;consultation;10001;Dr Faure;Médecin généraliste;30,00;30,00;70;2,00;0;19,00;;11,00;0;1;paid;2025-03-07;PAI-1;";

    fn today() -> Date {
        Date::parse("2025-06-01").unwrap()
    }

    fn columns() -> Columns {
        Columns::parse_header(HEADER).unwrap()
    }

    fn with(field: usize, value: &str) -> String {
        let mut fields = split(GOOD).unwrap();
        fields[field] = value.to_owned();
        fields.join(";")
    }

    fn problems(line: &str) -> String {
        columns().parse_row(line, today()).unwrap_err().join("; ")
    }

    #[test]
    fn a_good_row_becomes_its_line() {
        let row = columns().parse_row(GOOD, today()).unwrap();
        assert_eq!(row.nir.as_str(), "291056912304511");
        assert_eq!(row.beneficiary_nir, None);
        let l = row.line;
        assert_eq!(l.external_ref, "F-1");
        assert_eq!(l.status, Status::Paid);
        assert_eq!(l.payment_date, Date::parse("2025-03-07"));
        assert_eq!(l.amounts.rate_bp, 7000);
        assert_eq!(l.amounts.reimbursed, Cents(1900));
        assert_eq!(l.amounts.paid, Cents(1900));
        assert_eq!(l.amounts.complementary, None);
        assert!(l.in_parcours && !l.tiers_payant);
        assert_eq!(l.detail.nature, "consultation");
        assert_eq!(l.detail.specialty, "Médecin généraliste");
    }

    #[test]
    fn tiers_payant_defers_the_deductions() {
        let row = columns().parse_row(&with(16, "1"), today()).unwrap();
        assert_eq!(row.line.amounts.paid, Cents(2100));
        assert_eq!(row.line.amounts.deferred, Cents(200));
    }

    #[test]
    fn header_must_name_every_required_column_once_and_nothing_else() {
        assert!(Columns::parse_header(&format!("\u{feff}{HEADER}")).is_ok());
        let e = Columns::parse_header("external_id;nir;nir;colour").unwrap_err();
        assert!(e.contains("column nir appears twice"), "{e}");
        assert!(e.contains("unknown column \"colour\""), "{e}");
        assert!(e.contains("column care_date is missing"), "{e}");
        // Optional columns may be left out.
        let short = HEADER
            .replace(";beneficiary_nir", "")
            .replace(";complementary", "");
        assert!(Columns::parse_header(&short).is_ok());
    }

    #[test]
    fn fields_split_on_semicolons_with_quotes() {
        assert_eq!(
            split("a;\"b;c\";\"d\"\"e\";").unwrap(),
            ["a", "b;c", "d\"e", ""]
        );
        assert!(split("a;\"b").is_err());
        assert!(split("\"a\"b;c").is_err());
    }

    #[test]
    fn each_problem_of_a_row_is_named() {
        assert!(
            problems(&with(1, "291056912304512")).contains("nir has a key that does not match")
        );
        assert!(problems(&with(2, "123")).contains("beneficiary_nir must have 15 characters"));
        assert!(
            problems(&with(3, "2025-02-30")).contains("care_date \"2025-02-30\" is not a date")
        );
        assert!(problems(&with(3, "2025-07-01")).contains("care_date is in the future"));
        assert!(problems(&with(4, "massage")).contains("nature \"massage\" is not a known act"));
        assert!(problems(&with(4, "medicine:major")).contains("is not a known act"));
        assert!(problems(&with(6, "")).contains("professional is empty"));
        assert!(problems(&with(8, "-3")).contains("charged is negative"));
        assert!(problems(&with(8, "trente")).contains("charged \"trente\" is not an amount"));
        assert!(problems(&with(9, "40")).contains("base is more than charged"));
        assert!(problems(&with(10, "120")).contains("rate \"120\" must be a percentage"));
        assert!(problems(&with(13, "31")).contains("reimbursed is more than base"));
        assert!(problems(&with(16, "oui")).contains("tiers_payant must be 0 or 1"));
        assert!(problems(&with(18, "lost")).contains("status \"lost\" is none of"));
        assert!(problems(&with(19, "")).contains("a paid line needs its payment_date"));
        assert!(problems(&with(19, "2025-03-01")).contains("payment_date is before care_date"));
        assert!(
            problems(&with(21, "doublon")).contains("only a rejected line has a reject_reason")
        );
        let pending = with(18, "pending");
        let e = problems(&pending);
        assert!(e.contains("only a paid line has a payment_date"), "{e}");
        assert!(problems("a;b").contains("2 fields where the header has 22"));
        // Several problems, one message.
        let e = problems(&with(10, "x").replace("30,00;30,00", "30,00;-1"));
        assert!(
            e.contains("base is negative") && e.contains("rate \"x\""),
            "{e}"
        );
    }

    #[test]
    fn a_rejected_row_needs_its_reason_and_reimburses_nothing() {
        let mut fields = split(GOOD).unwrap();
        fields[18] = "rejected".into();
        fields[19] = String::new();
        assert!(problems(&fields.join(";")).contains("needs its reject_reason"));
        fields[21] = "doublon".into();
        assert!(problems(&fields.join(";")).contains("a rejected line reimburses nothing"));
        fields[13] = "0".into();
        fields[11] = "0".into();
        let row = columns().parse_row(&fields.join(";"), today()).unwrap();
        assert_eq!(row.line.amounts.paid, Cents::ZERO);
        assert_eq!(row.line.detail.reject_reason.as_deref(), Some("doublon"));
    }

    #[test]
    fn rates_and_amounts_take_commas_or_points() {
        let row = columns()
            .parse_row(&with(10, "70.5").replace("19,00", "19.5"), today())
            .unwrap();
        assert_eq!(row.line.amounts.rate_bp, 7050);
        assert_eq!(row.line.amounts.reimbursed, Cents(1950));
    }
}
