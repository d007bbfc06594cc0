//! Activation letters: the hashed code a member types to create their account, and the letter
//! itself (PDF, encrypted) waiting in the letters outbox until it is exported for printing.
//! Once printed the PDF is wiped: the code then exists only on paper.

use super::{DbError, members::MemberId};
use crate::crypto::Keys;
use rusqlite::{Connection, OptionalExtension, params};

/// The unspent letter of a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveLetter {
    /// Row id.
    pub id: i64,
    /// Keyed hash of the code.
    pub code_hash: Vec<u8>,
    /// Expiry (ISO-8601).
    pub expires_at: String,
    /// Wrong attempts so far.
    pub attempts: u32,
    /// When it was asked (ISO-8601).
    pub created_at: String,
}

/// A letter as the demo outbox shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownLetter {
    /// Row id.
    pub id: i64,
    /// "Camille Martin, 69003 Lyon".
    pub recipient: String,
    /// The letter's words.
    pub text: String,
    /// When it was written (ISO-8601).
    pub created_at: String,
    /// When it was exported for printing.
    pub printed_at: Option<String>,
}

fn pdf_context(id: i64) -> String {
    format!("activation_letters.pdf:{id}")
}

fn text_context(id: i64) -> String {
    format!("activation_letters.text:{id}")
}

/// Spends every unspent letter of a member (asking again invalidates the previous code).
pub fn invalidate_live(conn: &Connection, member: MemberId, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE activation_letters SET invalidated_at = ?1
         WHERE member_id = ?2 AND consumed_at IS NULL AND invalidated_at IS NULL",
        params![now, member.0],
    )?;
    Ok(())
}

/// Stores a new letter: the code's hash, the PDF and (demo only) its words, both encrypted
/// with the row id as associated data.
#[allow(clippy::too_many_arguments)]
pub fn insert(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    code_hash: &[u8],
    expires_at: &str,
    now: &str,
    pdf: &[u8],
    text: Option<&str>,
    fields: &crate::letter::Fields,
) -> Result<i64, DbError> {
    let id: i64 = conn.query_row(
        "INSERT INTO activation_letters (member_id, code_hash, expires_at, created_at)
         VALUES (?1, ?2, ?3, ?4) RETURNING id",
        params![member.0, code_hash, expires_at, now],
        |r| r.get(0),
    )?;
    let pdf = keys.encrypt(&pdf_context(id), pdf)?;
    let text = text
        .map(|t| keys.encrypt(&text_context(id), t.as_bytes()))
        .transpose()?;
    let fields = serde_json::to_vec(fields).map_err(|e| DbError::Data(e.to_string()))?;
    let fields = keys.encrypt(&fields_context(id), &fields)?;
    conn.execute(
        "UPDATE activation_letters SET pdf = ?1, text_cipher = ?2, fields_cipher = ?3 WHERE id = ?4",
        params![pdf, text, fields, id],
    )?;
    Ok(id)
}

fn fields_context(id: i64) -> String {
    format!("activation_letters.fields_cipher:{id}")
}

/// Letters waiting to be printed that a batch can lay out (ids and fields), oldest first.
pub fn batch_fields(
    conn: &Connection,
    keys: &Keys,
) -> Result<Vec<(i64, crate::letter::Fields)>, DbError> {
    let mut statement = conn.prepare(
        "SELECT id, fields_cipher FROM activation_letters
         WHERE printed_at IS NULL AND fields_cipher IS NOT NULL
               AND consumed_at IS NULL AND invalidated_at IS NULL
         ORDER BY id LIMIT 500",
    )?;
    let rows = statement
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(id, cipher)| {
            let clear = keys.decrypt(&fields_context(id), &cipher)?;
            let fields =
                serde_json::from_slice(&clear).map_err(|e| DbError::Data(e.to_string()))?;
            Ok((id, fields))
        })
        .collect()
}

/// The member's unspent letter, if any.
pub fn live(conn: &Connection, member: MemberId) -> Result<Option<LiveLetter>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, code_hash, expires_at, attempts, created_at FROM activation_letters
             WHERE member_id = ?1 AND consumed_at IS NULL AND invalidated_at IS NULL
             ORDER BY id DESC LIMIT 1",
            [member.0],
            |r| {
                Ok(LiveLetter {
                    id: r.get(0)?,
                    code_hash: r.get(1)?,
                    expires_at: r.get(2)?,
                    attempts: r.get(3)?,
                    created_at: r.get(4)?,
                })
            },
        )
        .optional()?)
}

/// Counts a wrong code; spends the letter when `spend`.
pub fn record_attempt(conn: &Connection, id: i64, spend: bool, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE activation_letters SET attempts = attempts + 1,
             invalidated_at = CASE WHEN ?2 THEN ?3 ELSE invalidated_at END
         WHERE id = ?1",
        params![id, spend, now],
    )?;
    Ok(())
}

/// Spends a letter whose code created the account.
pub fn consume(conn: &Connection, id: i64, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE activation_letters SET consumed_at = ?1 WHERE id = ?2",
        params![now, id],
    )?;
    Ok(())
}

/// Letters waiting to be printed (still valid, PDF present), oldest first, decrypted.
pub fn to_print(conn: &Connection, keys: &Keys) -> Result<Vec<(i64, Vec<u8>)>, DbError> {
    let mut statement = conn.prepare(
        "SELECT id, pdf FROM activation_letters
         WHERE printed_at IS NULL AND pdf IS NOT NULL AND consumed_at IS NULL
               AND invalidated_at IS NULL
         ORDER BY id",
    )?;
    let rows = statement
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(id, cipher)| Ok((id, keys.decrypt(&pdf_context(id), &cipher)?)))
        .collect()
}

/// Records that a letter was exported for printing and wipes its PDF.
pub fn mark_printed(conn: &Connection, id: i64, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE activation_letters SET printed_at = ?1, pdf = NULL, fields_cipher = NULL WHERE id = ?2",
        params![now, id],
    )?;
    Ok(())
}

/// Records that a letter went out in an agent's print batch. Its fields are wiped; its PDF too,
/// except in a demo (`keep_pdf`), whose outbox keeps showing the letter.
pub fn mark_batch_printed(
    conn: &Connection,
    id: i64,
    now: &str,
    keep_pdf: bool,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE activation_letters SET printed_at = ?1, fields_cipher = NULL,
             pdf = CASE WHEN ?3 THEN pdf ELSE NULL END
         WHERE id = ?2",
        params![now, id, keep_pdf],
    )?;
    Ok(())
}

/// The most recent letters whose words were kept (demo mode), newest first.
pub fn recent_shown(
    conn: &Connection,
    keys: &Keys,
    limit: u32,
) -> Result<Vec<ShownLetter>, DbError> {
    let mut statement = conn.prepare(
        "SELECT l.id, m.given_names || ' ' || m.family_name || ', ' || m.postal_code || ' ' || m.city,
                l.text_cipher, l.created_at, l.printed_at
         FROM activation_letters l JOIN members m ON m.id = l.member_id
         WHERE l.text_cipher IS NOT NULL ORDER BY l.id DESC LIMIT ?1",
    )?;
    let rows = statement
        .query_map([limit], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(id, recipient, cipher, created_at, printed_at)| {
            let clear = keys.decrypt(&text_context(id), &cipher)?;
            Ok(ShownLetter {
                id,
                recipient,
                text: String::from_utf8_lossy(&clear).into_owned(),
                created_at,
                printed_at,
            })
        })
        .collect()
}

/// The PDF of a letter not yet printed, decrypted.
pub fn pdf(conn: &Connection, keys: &Keys, id: i64) -> Result<Option<Vec<u8>>, DbError> {
    let cipher: Option<Vec<u8>> = conn
        .query_row(
            "SELECT pdf FROM activation_letters WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    cipher
        .map(|c| keys.decrypt(&pdf_context(id), &c).map_err(DbError::from))
        .transpose()
}
