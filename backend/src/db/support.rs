//! Account support for agents: finding members, their account's state, and the activation
//! letters waiting for the post. (Unlocking, resetting the second factor and ending sessions
//! reuse the identity modules' own functions.)

use super::{DbError, members::MemberId};
use crate::crypto::Keys;
use portail_shared::agent::{LetterItem, MemberHit};
use rusqlite::{Connection, OptionalExtension, params};

/// Most members a search returns.
pub const SEARCH_LIMIT: usize = 20;

/// One member as a search shows them (the NIR masked).
pub fn hit(conn: &Connection, keys: &Keys, id: MemberId) -> Result<Option<MemberHit>, DbError> {
    let row = conn
        .query_row(
            "SELECT given_names || ' ' || family_name, birth_date, postal_code || ' ' || city
             FROM members WHERE id = ?1",
            [id.0],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?;
    let Some((full_name, birth_date, city)) = row else {
        return Ok(None);
    };
    let masked_nir = super::members::nir_of(conn, keys, id)?
        .map(|n| n.masked())
        .unwrap_or_default();
    Ok(Some(MemberHit {
        id: id.0,
        full_name,
        birth_date,
        masked_nir,
        city: city.trim().to_owned(),
    }))
}

/// Members whose family name starts with `folded` (accents and capitals ignored), by name.
///
/// Names are compared after folding, which SQLite cannot index: this reads the roll's names
/// (about 0.3 s per million members). An indexed folded key is the next step at scale.
pub fn search_by_name(
    conn: &Connection,
    keys: &Keys,
    folded: &str,
) -> Result<Vec<MemberHit>, DbError> {
    let mut stmt =
        conn.prepare("SELECT id, family_name FROM members ORDER BY family_name, given_names, id")?;
    let ids: Vec<i64> = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(Result::ok)
        .filter(|(_, name)| portail_shared::text::fold(name).starts_with(folded))
        .map(|(id, _)| id)
        .take(SEARCH_LIMIT)
        .collect();
    ids.into_iter()
        .filter_map(|id| hit(conn, keys, MemberId(id)).transpose())
        .collect()
}

/// What support needs about a member's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    /// The account.
    pub id: super::accounts::AccountId,
    /// `pending`, `active`, `closed`.
    pub status: String,
    /// `email` or `totp`.
    pub second_factor: String,
    /// Contact e-mail.
    pub email: String,
}

/// A member's account, if one was ever opened.
pub fn account(conn: &Connection, member: MemberId) -> Result<Option<AccountRow>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, status, second_factor, email FROM accounts WHERE member_id = ?1",
            [member.0],
            |r| {
                Ok(AccountRow {
                    id: super::accounts::AccountId(r.get(0)?),
                    status: r.get(1)?,
                    second_factor: r.get(2)?,
                    email: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// The blind index of a member's NIR (the key of the failed-login counter).
pub fn nir_index(conn: &Connection, member: MemberId) -> Result<Option<Vec<u8>>, DbError> {
    Ok(conn
        .query_row(
            "SELECT nir_index FROM members WHERE id = ?1",
            [member.0],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// Activation letters of a member still waiting for the printer.
pub fn letters_waiting(conn: &Connection, member: MemberId) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM activation_letters
         WHERE member_id = ?1 AND printed_at IS NULL AND pdf IS NOT NULL
               AND consumed_at IS NULL AND invalidated_at IS NULL",
        [member.0],
        |r| r.get(0),
    )?)
}

/// Letters waiting to be printed, then those printed in the last 30 days and not yet marked
/// sent, oldest first.
pub fn letters(conn: &Connection) -> Result<Vec<LetterItem>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT l.id, m.given_names || ' ' || m.family_name, m.postal_code || ' ' || m.city,
                l.created_at, l.printed_at
         FROM activation_letters l JOIN members m ON m.id = l.member_id
         WHERE l.sent_at IS NULL AND l.invalidated_at IS NULL AND l.consumed_at IS NULL
               AND (l.fields_cipher IS NOT NULL OR l.pdf IS NOT NULL OR l.printed_at IS NOT NULL)
         ORDER BY l.printed_at IS NOT NULL, l.id
         LIMIT 500",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(LetterItem {
            id: r.get(0)?,
            full_name: r.get(1)?,
            city: r.get::<_, String>(2)?.trim().to_owned(),
            created_at: r.get(3)?,
            printed_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Marks printed letters as handed to the post; returns how many were.
pub fn mark_sent(conn: &Connection, ids: &[i64], now: &str) -> Result<usize, DbError> {
    let mut stmt = conn.prepare(
        "UPDATE activation_letters SET sent_at = ?1
         WHERE id = ?2 AND printed_at IS NOT NULL AND sent_at IS NULL",
    )?;
    let mut n = 0;
    for id in ids {
        n += stmt.execute(params![now, id])?;
    }
    Ok(n)
}
