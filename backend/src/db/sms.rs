//! The SMS outbox, and each account's mobile number (confirmed by a code sent to it).

use super::{DbError, accounts::AccountId};
use rusqlite::{Connection, OptionalExtension, params};

/// Queues a text message.
pub fn push(conn: &Connection, to: &str, body: &str, now: &str) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "INSERT INTO outbox_sms (recipient, body_text, created_at) VALUES (?1, ?2, ?3) RETURNING id",
        params![to, body, now],
        |r| r.get(0),
    )?)
}

/// A message as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sms {
    /// Row id.
    pub id: i64,
    /// E.164 number.
    pub recipient: String,
    /// The text.
    pub body: String,
    /// Written (ISO-8601).
    pub created_at: String,
    /// Handed to the provider (ISO-8601).
    pub sent_at: Option<String>,
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Sms> {
    Ok(Sms {
        id: r.get(0)?,
        recipient: r.get(1)?,
        body: r.get(2)?,
        created_at: r.get(3)?,
        sent_at: r.get(4)?,
    })
}

/// Messages not sent yet, oldest first, skipping those that failed too often.
pub fn pending(conn: &Connection, limit: u32, max_attempts: u32) -> Result<Vec<Sms>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, recipient, body_text, created_at, sent_at FROM outbox_sms
         WHERE sent_at IS NULL AND attempts < ?1 ORDER BY id LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![max_attempts, limit], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The most recent messages, newest first (demo outbox).
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<Sms>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, recipient, body_text, created_at, sent_at FROM outbox_sms
         ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records delivery to the provider.
pub fn mark_sent(conn: &Connection, id: i64, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE outbox_sms SET sent_at = ?1, attempts = attempts + 1, last_error = NULL WHERE id = ?2",
        params![now, id],
    )?;
    Ok(())
}

/// Records a failed attempt.
pub fn mark_failed(conn: &Connection, id: i64, error: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE outbox_sms SET attempts = attempts + 1, last_error = ?1 WHERE id = ?2",
        params![error, id],
    )?;
    Ok(())
}

/// An account's mobile settings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mobile {
    /// The confirmed number (E.164).
    pub number: Option<String>,
    /// Whether security alerts also go by SMS.
    pub notices: bool,
    /// A number waiting for its code.
    pub pending: Option<String>,
    /// Keyed hash of that code.
    pub code_hash: Option<Vec<u8>>,
    /// Its expiry (ISO-8601).
    pub code_expires: Option<String>,
    /// Wrong codes so far.
    pub code_attempts: u32,
}

/// Reads an account's mobile settings.
pub fn mobile(conn: &Connection, account: AccountId) -> Result<Mobile, DbError> {
    Ok(conn
        .query_row(
            "SELECT mobile, sms_notices, mobile_pending, mobile_code_hash, mobile_code_expires,
                    mobile_code_attempts
             FROM accounts WHERE id = ?1",
            [account.0],
            |r| {
                Ok(Mobile {
                    number: r.get(0)?,
                    notices: r.get(1)?,
                    pending: r.get(2)?,
                    code_hash: r.get(3)?,
                    code_expires: r.get(4)?,
                    code_attempts: r.get(5)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

/// Keeps a number and the hash of the code sent to it (a new request replaces the previous).
pub fn set_pending(
    conn: &Connection,
    account: AccountId,
    number: &str,
    code_hash: &[u8],
    expires: &str,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET mobile_pending = ?1, mobile_code_hash = ?2, mobile_code_expires = ?3,
             mobile_code_attempts = 0
         WHERE id = ?4",
        params![number, code_hash, expires, account.0],
    )?;
    Ok(())
}

/// Counts a wrong code; forgets the pending number once `spend`.
pub fn record_attempt(conn: &Connection, account: AccountId, spend: bool) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET mobile_code_attempts = mobile_code_attempts + 1,
             mobile_pending = CASE WHEN ?1 THEN NULL ELSE mobile_pending END,
             mobile_code_hash = CASE WHEN ?1 THEN NULL ELSE mobile_code_hash END
         WHERE id = ?2",
        params![spend, account.0],
    )?;
    Ok(())
}

/// Makes the pending number the account's, with alerts by SMS.
pub fn confirm(conn: &Connection, account: AccountId, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET mobile = mobile_pending, sms_notices = 1, mobile_pending = NULL,
             mobile_code_hash = NULL, mobile_code_expires = NULL, mobile_code_attempts = 0,
             updated_at = ?1
         WHERE id = ?2 AND mobile_pending IS NOT NULL",
        params![now, account.0],
    )?;
    Ok(())
}

/// Removes the number: no more SMS.
pub fn remove(conn: &Connection, account: AccountId, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET mobile = NULL, sms_notices = 0, mobile_pending = NULL,
             mobile_code_hash = NULL, mobile_code_expires = NULL, updated_at = ?1
         WHERE id = ?2",
        params![now, account.0],
    )?;
    Ok(())
}
