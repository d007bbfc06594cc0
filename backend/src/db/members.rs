//! The fund's roll: insured members and their dependants.

use super::DbError;
use crate::crypto::Keys;
use portail_shared::Nir;
use rusqlite::{Connection, OptionalExtension, params};

/// Identifies a person on the roll.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemberId(pub i64);

/// A person to add to the roll.
#[derive(Debug, Clone)]
pub struct NewMember<'a> {
    /// Social-security number, when the person has one of their own.
    pub nir: Option<&'a Nir>,
    /// Family name (nom de naissance or d'usage).
    pub family_name: &'a str,
    /// Given names.
    pub given_names: &'a str,
    /// `YYYY-MM-DD`.
    pub birth_date: &'a str,
    /// `F` or `M`.
    pub sex: &'a str,
    /// Postal address lines.
    pub address_line1: &'a str,
    /// Postal code.
    pub postal_code: &'a str,
    /// City.
    pub city: &'a str,
    /// The fund's code (caisse).
    pub caisse_code: &'a str,
    /// Start of the rights period, `YYYY-MM-DD`.
    pub rights_start: &'a str,
}

/// Blind-index domain of the NIR column.
pub const NIR_INDEX: &str = "members.nir";

/// Adds a person; the NIR is stored encrypted with its blind index.
pub fn insert(
    conn: &Connection,
    keys: &Keys,
    m: &NewMember<'_>,
    now: &str,
) -> Result<MemberId, DbError> {
    let index = m.nir.map(|n| keys.blind_index(NIR_INDEX, n.as_str()));
    let id: i64 = conn.query_row(
        "INSERT INTO members (nir_index, family_name, given_names, birth_date, sex,
             address_line1, postal_code, city, caisse_code, rights_start, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id",
        params![
            index,
            m.family_name,
            m.given_names,
            m.birth_date,
            m.sex,
            m.address_line1,
            m.postal_code,
            m.city,
            m.caisse_code,
            m.rights_start,
            now
        ],
        |r| r.get(0),
    )?;
    if let Some(nir) = m.nir {
        // The row id is part of the associated data, so the id must exist first.
        let cipher = keys.encrypt(&nir_context(id), nir.as_str().as_bytes())?;
        conn.execute(
            "UPDATE members SET nir_cipher = ?1 WHERE id = ?2",
            params![cipher, id],
        )?;
    }
    Ok(MemberId(id))
}

/// Finds a member by NIR through the blind index.
pub fn find_by_nir(conn: &Connection, keys: &Keys, nir: &Nir) -> Result<Option<MemberId>, DbError> {
    let index = keys.blind_index(NIR_INDEX, nir.as_str());
    Ok(conn
        .query_row(
            "SELECT id FROM members WHERE nir_index = ?1",
            [index],
            |r| r.get(0).map(MemberId),
        )
        .optional()?)
}

/// Reads a member's NIR back in clear (for documents that print it).
pub fn nir_of(conn: &Connection, keys: &Keys, id: MemberId) -> Result<Option<Nir>, DbError> {
    let cipher: Option<Vec<u8>> = conn
        .query_row(
            "SELECT nir_cipher FROM members WHERE id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let Some(cipher) = cipher else {
        return Ok(None);
    };
    let clear = keys.decrypt(&nir_context(id.0), &cipher)?;
    let text = String::from_utf8(clear).map_err(|_| crate::crypto::CryptoError::Decrypt)?;
    Ok(Nir::parse(&text).ok())
}

/// Links a dependant to an insured adult with a rank (02-19).
pub fn link_dependant(
    conn: &Connection,
    dependant: MemberId,
    insured: MemberId,
    rank: u8,
    since: &str,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO dependants (dependant_id, insured_id, rank, since) VALUES (?1, ?2, ?3, ?4)",
        params![dependant.0, insured.0, rank, since],
    )?;
    Ok(())
}

/// How many people the roll holds.
pub fn count(conn: &Connection) -> Result<i64, DbError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM members", [], |r| r.get(0))?)
}

/// The associated data of a member's encrypted NIR (the row id binds it to its row).
pub fn nir_context(id: i64) -> String {
    format!("members.nir_cipher:{id}")
}

/// "Camille Martin": given names then family name, as the roll has them.
pub fn full_name(conn: &Connection, id: MemberId) -> Result<Option<String>, DbError> {
    Ok(conn
        .query_row(
            "SELECT given_names || ' ' || family_name FROM members WHERE id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .optional()?)
}

/// Who a member is and where the post reaches them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postal {
    /// Given names.
    pub given_names: String,
    /// Family name.
    pub family_name: String,
    /// `F` or `M`.
    pub sex: String,
    /// Birth date (`YYYY-MM-DD`).
    pub birth_date: String,
    /// Street lines (empty lines left out).
    pub street: Vec<String>,
    /// Postal code.
    pub postal_code: String,
    /// Town.
    pub city: String,
}

/// Reads a member's name, birth date and postal address.
pub fn postal(conn: &Connection, id: MemberId) -> Result<Option<Postal>, DbError> {
    Ok(conn
        .query_row(
            "SELECT given_names, family_name, sex, birth_date, address_line1, address_line2,
                    postal_code, city
             FROM members WHERE id = ?1",
            [id.0],
            |r| {
                let lines: [String; 2] = [r.get(4)?, r.get(5)?];
                Ok(Postal {
                    given_names: r.get(0)?,
                    family_name: r.get(1)?,
                    sex: r.get(2)?,
                    birth_date: r.get(3)?,
                    street: lines.into_iter().filter(|l| !l.trim().is_empty()).collect(),
                    postal_code: r.get(6)?,
                    city: r.get(7)?,
                })
            },
        )
        .optional()?)
}
