//! Reimbursement lines: written by the fund's feed (`portail import reimbursements`) and the
//! demo, read by "Mes paiements". What identifies the care is encrypted per line (see
//! `schema/0003_reimbursements.sql`).

use portail_shared::Lang;
use portail_shared::reimbursements::history::{self, Kind, Line, Person, Status};
use portail_shared::reimbursements::{Date, Exemption, Nature};
use portail_shared::{Cents, activation::age_on};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::DbError;
use super::members::MemberId;
use crate::crypto::Keys;

/// One line to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLine {
    /// The insured whose payments these are.
    pub insured: MemberId,
    /// Who was cared for (the insured or a dependant).
    pub beneficiary: MemberId,
    /// The fund's id for the line.
    pub external_ref: String,
    /// Date of care.
    pub care_date: Date,
    /// Where it stands.
    pub status: Status,
    /// When it was paid (paid lines only).
    pub payment_date: Option<Date>,
    /// The payment it belongs to.
    pub payment_ref: Option<String>,
    /// Amounts, as computed by the rules.
    pub amounts: Amounts,
    /// Tiers payant.
    pub tiers_payant: bool,
    /// In the parcours de soins.
    pub in_parcours: bool,
    /// The encrypted part.
    pub detail: Detail,
}

/// A line's amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounts {
    /// Billed.
    pub charged: Cents,
    /// Base de remboursement.
    pub base: Cents,
    /// Rate, basis points.
    pub rate_bp: u32,
    /// Participation forfaitaire.
    pub participation: Cents,
    /// Franchise.
    pub franchise: Cents,
    /// AMO.
    pub reimbursed: Cents,
    /// Paid out for this line (after `recovered`).
    pub paid: Cents,
    /// Earlier deductions withheld from this payment.
    pub recovered: Cents,
    /// Deductions left for later payments.
    pub deferred: Cents,
    /// Complementary insurer's part, when known.
    pub complementary: Option<Cents>,
    /// Reste à charge.
    pub remaining: Cents,
}

/// What identifies the care: health data, stored encrypted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detail {
    /// [`history::nature_code`].
    pub nature: String,
    /// Stable key of the professional (RPPS, FINESS…).
    pub professional_id: String,
    /// Name of the professional or establishment.
    pub professional: String,
    /// Specialty in words.
    pub specialty: String,
    /// Care for an ALD.
    #[serde(default)]
    pub ald_related: bool,
    /// Why deductions were waived (`minor`, `pregnancy`, `css`, `ame`).
    #[serde(default)]
    pub exemption: Option<String>,
    /// Forfait journalier owed to the hospital, cents.
    #[serde(default)]
    pub hospital_daily_charge: i64,
    /// Why a rejected line was rejected.
    #[serde(default)]
    pub reject_reason: Option<String>,
}

/// Code of an exemption in [`Detail::exemption`].
pub fn exemption_code(e: Exemption) -> &'static str {
    match e {
        Exemption::Minor => "minor",
        Exemption::Pregnancy => "pregnancy",
        Exemption::Css => "css",
        Exemption::Ame => "ame",
    }
}

fn parse_exemption(code: &str) -> Option<Exemption> {
    [
        Exemption::Minor,
        Exemption::Pregnancy,
        Exemption::Css,
        Exemption::Ame,
    ]
    .into_iter()
    .find(|e| exemption_code(*e) == code)
}

fn detail_context(external_ref: &str) -> String {
    format!("reimbursements.detail:{external_ref}")
}

/// Stores a line unless its `external_ref` is already there; says whether it was new.
pub fn insert(conn: &Connection, keys: &Keys, line: &NewLine, now: &str) -> Result<bool, DbError> {
    let cipher = encrypt_detail(keys, line)?;
    insert_encrypted(conn, line, &cipher, now)
}

/// Someone whose lines a member may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visible {
    /// On the roll.
    pub member: MemberId,
    /// 1 the insured, 2-19 a dependant.
    pub rank: u8,
    /// Given names.
    pub name: String,
    /// Birth date.
    pub birth_date: String,
}

/// The insured and their dependants who are minors on `today`: the people whose lines the
/// insured sees. A dependant who turned 18 has their own account.
pub fn visible_people(
    conn: &Connection,
    insured: MemberId,
    today: Date,
) -> Result<Vec<Visible>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT id, 1, given_names, birth_date FROM members WHERE id = ?1
         UNION ALL
         SELECT m.id, d.rank, m.given_names, m.birth_date
           FROM dependants d JOIN members m ON m.id = d.dependant_id
          WHERE d.insured_id = ?1 AND (d.until IS NULL OR d.until >= ?2)
         ORDER BY 2",
    )?;
    let rows = statement.query_map(params![insured.0, today.to_string()], |r| {
        Ok(Visible {
            member: MemberId(r.get(0)?),
            rank: r.get(1)?,
            name: r.get::<_, String>(2)?,
            birth_date: r.get(3)?,
        })
    })?;
    let mut people = Vec::new();
    for row in rows {
        let person = row?;
        let minor = Date::parse(&person.birth_date).is_some_and(|birth| {
            age_on(
                (birth.year(), birth.month(), birth.day()),
                (today.year(), today.month(), today.day()),
            ) < 18
        });
        if person.rank == 1 || minor {
            // Only the first given name is shown.
            person
                .name
                .split_whitespace()
                .next()
                .map(str::to_owned)
                .into_iter()
                .for_each(|first| {
                    people.push(Visible {
                        name: first,
                        ..person.clone()
                    });
                });
        }
    }
    Ok(people)
}

/// The people as the page names them.
pub fn persons(people: &[Visible]) -> Vec<Person> {
    people
        .iter()
        .map(|p| Person {
            rank: p.rank,
            name: p.name.clone(),
        })
        .collect()
}

/// The oldest date of care held for these people's lines paid to `insured`.
pub fn held_from(
    conn: &Connection,
    insured: MemberId,
    people: &[Visible],
) -> Result<Option<Date>, DbError> {
    let mut oldest: Option<Date> = None;
    let mut statement = conn.prepare_cached(HELD_FROM_SQL)?;
    for p in people {
        let day: Option<String> =
            statement.query_row(params![insured.0, p.member.0], |r| r.get(0))?;
        if let Some(day) = day.as_deref().and_then(Date::parse) {
            oldest = Some(oldest.map_or(day, |o| o.min(day)));
        }
    }
    Ok(oldest)
}

macro_rules! line_columns {
    () => {
        "id, beneficiary_id, external_ref, care_date, status, payment_date,
    payment_ref, charged_cents, base_cents, rate_bp, participation_cents, franchise_cents,
    reimbursed_cents, paid_cents, recovered_cents, deferred_cents, complementary_cents,
    remaining_cents, tiers_payant, in_parcours, detail_cipher"
    };
}
const LINE_COLUMNS: &str = line_columns!();

/// A stored line read back, with what only the detail page needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The line as the member sees it.
    pub line: Line,
    /// The encrypted part in clear.
    pub detail: Detail,
    /// The beneficiary on the roll.
    pub beneficiary: MemberId,
}

impl Stored {
    /// Why deductions were waived, if they were.
    pub fn exemption(&self) -> Option<Exemption> {
        self.detail.exemption.as_deref().and_then(parse_exemption)
    }

    /// The nature of the act.
    pub fn nature(&self) -> Option<Nature> {
        history::parse_nature(&self.detail.nature)
    }
}

fn read_line(
    r: &rusqlite::Row<'_>,
    keys: &Keys,
    people: &[Visible],
    lang: Lang,
) -> Result<Stored, DbError> {
    let beneficiary = MemberId(r.get(1)?);
    let external_ref: String = r.get(2)?;
    let cipher: Vec<u8> = r.get(20)?;
    let clear = keys.decrypt(&detail_context(&external_ref), &cipher)?;
    let detail: Detail =
        serde_json::from_slice(&clear).map_err(|e| DbError::Data(e.to_string()))?;
    let nature = history::parse_nature(&detail.nature)
        .ok_or_else(|| DbError::Data(format!("stored nature {}", detail.nature)))?;
    let person = people.iter().find(|p| p.member == beneficiary);
    let status_code: String = r.get(4)?;
    let cents = |i: usize| -> rusqlite::Result<Cents> { r.get::<_, i64>(i).map(Cents) };
    let line = Line {
        id: r.get(0)?,
        beneficiary: person.map_or(0, |p| p.rank),
        beneficiary_name: person.map(|p| p.name.clone()).unwrap_or_default(),
        care_date: r.get(3)?,
        professional: detail.professional.clone(),
        specialty: detail.specialty.clone(),
        kind: Kind::of(nature),
        act: history::describe(nature, lang),
        charged: cents(7)?,
        base: cents(8)?,
        rate_bp: r.get(9)?,
        participation: cents(10)?,
        franchise: cents(11)?,
        reimbursed: cents(12)?,
        paid: cents(13)?,
        recovered: cents(14)?,
        deferred: cents(15)?,
        complementary: r.get::<_, Option<i64>>(16)?.map(Cents),
        remaining: cents(17)?,
        tiers_payant: r.get(18)?,
        in_parcours: r.get(19)?,
        status: Status::parse(&status_code)
            .ok_or_else(|| DbError::Data(format!("stored status {status_code}")))?,
        reject_reason: detail.reject_reason.clone(),
        payment_date: r.get(5)?,
        payment_ref: r.get(6)?,
    };
    Ok(Stored {
        line,
        detail,
        beneficiary,
    })
}

/// The lines paid to `insured` for `people`, with a date of care in `from..=to`: lines not
/// paid yet first, then newest first by payment date (rejected lines by date of care).
pub fn list(
    conn: &Connection,
    keys: &Keys,
    insured: MemberId,
    people: &[Visible],
    (from, to): (Date, Date),
    lang: Lang,
) -> Result<Vec<Line>, DbError> {
    let mut statement = conn.prepare_cached(LIST_SQL)?;
    let mut rows = statement.query(params![insured.0, from.to_string(), to.to_string()])?;
    let mut lines = Vec::new();
    while let Some(r) = rows.next()? {
        let beneficiary = MemberId(r.get(1)?);
        if people.iter().any(|p| p.member == beneficiary) {
            lines.push(read_line(r, keys, people, lang)?.line);
        }
    }
    Ok(lines)
}

/// One line, if it is paid to `insured` for one of `people`; `None` otherwise, exactly as
/// for a line that does not exist.
pub fn one(
    conn: &Connection,
    keys: &Keys,
    insured: MemberId,
    people: &[Visible],
    id: i64,
    lang: Lang,
) -> Result<Option<Stored>, DbError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {LINE_COLUMNS} FROM reimbursements WHERE id = ?1 AND insured_id = ?2"
    ))?;
    let mut rows = statement.query(params![id, insured.0])?;
    let Some(r) = rows.next()? else {
        return Ok(None);
    };
    let stored = read_line(r, keys, people, lang)?;
    Ok(people
        .iter()
        .any(|p| p.member == stored.beneficiary)
        .then_some(stored))
}

/// Participations and franchises taken from one person in a year, over every line (whoever
/// was paid). Rejected lines took nothing.
pub fn deductions_in(
    conn: &Connection,
    beneficiary: MemberId,
    year: i32,
) -> Result<(Cents, Cents), DbError> {
    let (participation, franchise): (i64, i64) =
        conn.prepare_cached(DEDUCTIONS_IN_SQL)?.query_row(
            params![
                beneficiary.0,
                format!("{year}-01-01"),
                format!("{year}-12-31")
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
    Ok((Cents(participation), Cents(franchise)))
}

/// How many lines the database holds (for the seed's and import's reports).
pub fn count(conn: &Connection) -> Result<i64, DbError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM reimbursements", [], |r| r.get(0))?)
}

/// A stored line id by its external reference (tests and the import's report).
pub fn id_by_ref(conn: &Connection, external_ref: &str) -> Result<Option<i64>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id FROM reimbursements WHERE external_ref = ?1",
            [external_ref],
            |r| r.get(0),
        )
        .optional()?)
}

/// The query of [`held_from`] (its plan is tested to read the covering index only).
pub const HELD_FROM_SQL: &str =
    "SELECT MIN(care_date) FROM reimbursements WHERE insured_id = ?1 AND beneficiary_id = ?2";

/// The query of [`list`] (its plan is tested to use an index).
pub const LIST_SQL: &str = concat!(
    "SELECT ",
    line_columns!(),
    " FROM reimbursements
          WHERE insured_id = ?1 AND care_date BETWEEN ?2 AND ?3
          ORDER BY status = 'pending' DESC, COALESCE(payment_date, care_date) DESC,
                   payment_ref DESC, care_date DESC, id DESC"
);

/// The query of [`deductions_in`] (its plan is tested to read the covering index only).
pub const DEDUCTIONS_IN_SQL: &str =
    "SELECT COALESCE(SUM(participation_cents), 0), COALESCE(SUM(franchise_cents), 0)
       FROM reimbursements
      WHERE beneficiary_id = ?1 AND care_date BETWEEN ?2 AND ?3 AND status <> 'rejected'";

/// A line's detail, encrypted for its row (so that encryption can run off the writing thread).
pub fn encrypt_detail(keys: &Keys, line: &NewLine) -> Result<Vec<u8>, DbError> {
    let detail = serde_json::to_vec(&line.detail).map_err(|e| DbError::Data(e.to_string()))?;
    Ok(keys.encrypt(&detail_context(&line.external_ref), &detail)?)
}

/// [`insert`] with the detail already encrypted by [`encrypt_detail`] and the creation instant
/// given: says whether the line was new.
pub fn insert_encrypted(
    conn: &Connection,
    line: &NewLine,
    cipher: &[u8],
    created_at: &str,
) -> Result<bool, DbError> {
    let a = &line.amounts;
    let mut statement = conn.prepare_cached(
        "INSERT INTO reimbursements (insured_id, beneficiary_id, external_ref, care_date, status,
             payment_date, payment_ref, charged_cents, base_cents, rate_bp, participation_cents,
             franchise_cents, reimbursed_cents, paid_cents, recovered_cents, deferred_cents,
             complementary_cents, remaining_cents, tiers_payant, in_parcours, detail_cipher,
             created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?21, ?22)
         ON CONFLICT (external_ref) DO NOTHING",
    )?;
    let inserted = statement.execute(params![
        line.insured.0,
        line.beneficiary.0,
        line.external_ref,
        line.care_date.to_string(),
        line.status.code(),
        line.payment_date.map(|d| d.to_string()),
        line.payment_ref,
        a.charged.0,
        a.base.0,
        a.rate_bp,
        a.participation.0,
        a.franchise.0,
        a.reimbursed.0,
        a.paid.0,
        a.recovered.0,
        a.deferred.0,
        a.complementary.map(|c| c.0),
        a.remaining.0,
        line.tiers_payant,
        line.in_parcours,
        cipher,
        created_at,
    ])?;
    Ok(inserted == 1)
}

/// Whether `dependant` is (or was) linked to `insured` as their dependant (the import's
/// household check).
pub fn is_dependant(
    conn: &Connection,
    insured: MemberId,
    dependant: MemberId,
) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM dependants WHERE dependant_id = ?1 AND insured_id = ?2)",
        )?
        .query_row(params![dependant.0, insured.0], |r| r.get(0))?)
}
