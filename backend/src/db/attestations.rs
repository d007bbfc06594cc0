//! Attestations: the fund's signing keys, the register of issued documents, and the facts an
//! attestation certifies.
//!
//! A signing key's secret seed is encrypted (associated data `signing_keys.private:<key id>`);
//! retired keys stay so that old attestations keep verifying. The register keeps, per
//! document, who it was for, when, which key signed it and the SHA-256 of the signed facts:
//! enough to confirm a document the fund issued, without a second copy of the NIR.

use portail_shared::Nir;
use portail_shared::attestation::{self, PublicKey};
use portail_shared::reimbursements::Date;
use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;
use super::members::{self, MemberId};
use crate::crypto::{self, Keys};

fn private_context(key_id: &str) -> String {
    format!("signing_keys.private:{key_id}")
}

fn ald_context(id: i64) -> String {
    format!("ald_periods.label:{id}")
}

/// The key that signs today's attestations, created on first use.
pub fn signing_key(
    conn: &Connection,
    keys: &Keys,
    now: &str,
) -> Result<(String, [u8; 32]), DbError> {
    let active: Option<(String, Vec<u8>)> = conn
        .query_row(
            "SELECT key_id, private_cipher FROM signing_keys
              WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (key_id, cipher) = match active {
        Some(found) => found,
        None => {
            rotate(conn, keys, now)?;
            return signing_key(conn, keys, now);
        }
    };
    let seed: [u8; 32] = keys
        .decrypt(&private_context(&key_id), &cipher)?
        .try_into()
        .map_err(|_| DbError::Data(format!("signing key {key_id} is not 32 bytes")))?;
    Ok((key_id, seed))
}

/// Retires the active key (it keeps verifying) and creates a new one; returns its id.
pub fn rotate(conn: &Connection, keys: &Keys, now: &str) -> Result<String, DbError> {
    let seed = crypto::random_bytes::<32>()?;
    let public = attestation::public_key(&seed);
    let key_id = attestation::key_id(&public);
    conn.execute(
        "UPDATE signing_keys SET retired_at = ?1 WHERE retired_at IS NULL",
        [now],
    )?;
    conn.execute(
        "INSERT INTO signing_keys (key_id, public_key, private_cipher, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![
            key_id,
            public.to_vec(),
            keys.encrypt(&private_context(&key_id), &seed)?,
            now
        ],
    )?;
    Ok(key_id)
}

/// Every key that ever signed, newest first.
pub fn public_keys(conn: &Connection) -> Result<Vec<PublicKey>, DbError> {
    let mut statement = conn.prepare(
        "SELECT key_id, public_key, created_at, retired_at FROM signing_keys
          ORDER BY created_at DESC, rowid DESC",
    )?;
    let rows = statement.query_map([], |r| {
        let public: Vec<u8> = r.get(1)?;
        let created: String = r.get(2)?;
        let retired: Option<String> = r.get(3)?;
        Ok((r.get::<_, String>(0)?, public, created, retired))
    })?;
    let mut keys = Vec::new();
    for row in rows {
        let (key_id, public, created, retired) = row?;
        let public: [u8; 32] = public
            .try_into()
            .map_err(|_| DbError::Data(format!("public key {key_id} is not 32 bytes")))?;
        keys.push(PublicKey {
            key_id,
            public_key: attestation::encode_key(&public),
            created_on: created.chars().take(10).collect(),
            retired_on: retired.map(|r| r.chars().take(10).collect()),
        });
    }
    Ok(keys)
}

/// Opens an entry in the register of issued documents; returns its number.
pub fn open_document(
    conn: &Connection,
    member: MemberId,
    kind: &str,
    issued_at: &str,
    key_id: &str,
) -> Result<u64, DbError> {
    conn.execute(
        "INSERT INTO documents (member_id, kind, issued_at, statement, key_id)
         VALUES (?1, ?2, ?3, '', ?4)",
        params![member.0, kind, issued_at, key_id],
    )?;
    u64::try_from(conn.last_insert_rowid()).map_err(|e| DbError::Data(e.to_string()))
}

/// Records the fingerprint of what document `number` certifies.
pub fn seal_document(conn: &Connection, number: u64, signed_facts: &str) -> Result<(), DbError> {
    let fingerprint = crypto::sha256(signed_facts.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    conn.execute(
        "UPDATE documents SET statement = ?1 WHERE id = ?2",
        params![
            format!("sha256:{fingerprint}"),
            i64::try_from(number).unwrap_or(-1)
        ],
    )?;
    Ok(())
}

/// How many documents of `kind` were issued for `member`.
pub fn issued_count(conn: &Connection, member: MemberId, kind: &str) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM documents WHERE member_id = ?1 AND kind = ?2",
        params![member.0, kind],
        |r| r.get(0),
    )?)
}

/// An exoneration period (ALD) as the attestation prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exoneration {
    /// What it covers, e.g. "Affection de longue durée".
    pub label: String,
    /// First day.
    pub starts_on: String,
    /// Last day, if closed.
    pub ends_on: Option<String>,
}

/// Someone else on the attestation (the insured, or a dependant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relative {
    /// Given names and family name.
    pub name: String,
    /// Birth date.
    pub birth_date: String,
    /// Rank.
    pub rank: u8,
    /// NIR, if the person has their own.
    pub nir: Option<Nir>,
}

/// Everything an attestation states about one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// The person.
    pub member: MemberId,
    /// Family name.
    pub family_name: String,
    /// Given names.
    pub given_names: String,
    /// `F` or `M`.
    pub sex: String,
    /// Birth date.
    pub birth_date: String,
    /// NIR (a newborn may not have one yet).
    pub nir: Option<Nir>,
    /// Fund code.
    pub caisse_code: String,
    /// Rights start.
    pub rights_start: String,
    /// Rights end.
    pub rights_end: Option<String>,
    /// CSS rights end (past or future; the caller judges).
    pub css_until: Option<String>,
    /// Whether a médecin traitant is declared now.
    pub treating_doctor: bool,
    /// Exoneration periods.
    pub exonerations: Vec<Exoneration>,
}

/// The facts about `member`, if on the roll.
pub fn facts(conn: &Connection, keys: &Keys, member: MemberId) -> Result<Option<Facts>, DbError> {
    let row = conn
        .query_row(
            "SELECT family_name, given_names, sex, birth_date, caisse_code, rights_start,
                    rights_end, css_until,
                    EXISTS (SELECT 1 FROM treating_doctors t
                             WHERE t.member_id = members.id AND t.ends_on IS NULL)
               FROM members WHERE id = ?1",
            [member.0],
            |r| {
                Ok(Facts {
                    member,
                    family_name: r.get(0)?,
                    given_names: r.get(1)?,
                    sex: r.get(2)?,
                    birth_date: r.get(3)?,
                    nir: None,
                    caisse_code: r.get(4)?,
                    rights_start: r.get(5)?,
                    rights_end: r.get(6)?,
                    css_until: r.get(7)?,
                    treating_doctor: r.get(8)?,
                    exonerations: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut facts) = row else {
        return Ok(None);
    };
    facts.nir = members::nir_of(conn, keys, member)?;
    let mut statement = conn.prepare(
        "SELECT id, label_cipher, starts_on, ends_on FROM ald_periods
          WHERE member_id = ?1 ORDER BY starts_on",
    )?;
    let rows = statement.query_map([member.0], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    for row in rows {
        let (id, cipher, starts_on, ends_on) = row?;
        let label = String::from_utf8(keys.decrypt(&ald_context(id), &cipher)?)
            .map_err(|_| crypto::CryptoError::Decrypt)?;
        facts.exonerations.push(Exoneration {
            label,
            starts_on,
            ends_on,
        });
    }
    Ok(Some(facts))
}

/// Records an exoneration period for `member` (demo data and the fund's feed).
pub fn add_exoneration(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    label: &str,
    starts_on: &str,
    ends_on: Option<&str>,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO ald_periods (member_id, label_cipher, starts_on, ends_on)
         VALUES (?1, x'', ?2, ?3)",
        params![member.0, starts_on, ends_on],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "UPDATE ald_periods SET label_cipher = ?1 WHERE id = ?2",
        params![keys.encrypt(&ald_context(id), label.as_bytes())?, id],
    )?;
    Ok(())
}

/// Sets the end of Complémentaire santé solidaire rights (demo data and the fund's feed).
pub fn set_css_until(
    conn: &Connection,
    member: MemberId,
    until: Option<Date>,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE members SET css_until = ?1 WHERE id = ?2",
        params![until.map(|d| d.to_string()), member.0],
    )?;
    Ok(())
}

/// The people attached to an attestation: for an insured person their current dependants;
/// for a dependant the insured person(s) they are attached to.
pub fn relatives(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    today: Date,
) -> Result<Vec<Relative>, DbError> {
    let mut statement = conn.prepare(
        "SELECT m.id, m.given_names || ' ' || m.family_name, m.birth_date, d.rank
           FROM dependants d JOIN members m ON m.id = d.dependant_id
          WHERE d.insured_id = ?1 AND (d.until IS NULL OR d.until >= ?2)
         UNION ALL
         SELECT m.id, m.given_names || ' ' || m.family_name, m.birth_date, 1
           FROM dependants d JOIN members m ON m.id = d.insured_id
          WHERE d.dependant_id = ?1 AND (d.until IS NULL OR d.until >= ?2)
         ORDER BY 4, 3",
    )?;
    let rows = statement.query_map(params![member.0, today.to_string()], |r| {
        Ok((
            MemberId(r.get(0)?),
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, u8>(3)?,
        ))
    })?;
    let mut relatives = Vec::new();
    for row in rows {
        let (id, name, birth_date, rank) = row?;
        relatives.push(Relative {
            name,
            birth_date,
            rank,
            nir: members::nir_of(conn, keys, id)?,
        });
    }
    Ok(relatives)
}
