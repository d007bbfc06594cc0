//! One-time codes (login second factor, e-mail confirmation, password reset), stored as keyed
//! hashes, single use, with an expiry and an attempt counter.

use super::{DbError, accounts::AccountId};
use rusqlite::{Connection, OptionalExtension, params};

/// What a code is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Second factor at login.
    Login,
    /// Proves the e-mail address while an account is being created.
    EmailConfirmation,
    /// The token of a password-reset link.
    PasswordReset,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Login => "login",
            Purpose::EmailConfirmation => "email_confirmation",
            Purpose::PasswordReset => "password_reset",
        }
    }
}

/// The live code of an account for a purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveCode {
    /// Row id.
    pub id: i64,
    /// Keyed hash of the code.
    pub code_hash: Vec<u8>,
    /// Expiry (ISO-8601).
    pub expires_at: String,
    /// Wrong attempts so far.
    pub attempts: u32,
    /// Created (ISO-8601).
    pub created_at: String,
}

/// Stores a new code, spending any earlier one for the same purpose (asking again invalidates
/// the previous code).
pub fn replace(
    conn: &Connection,
    account: AccountId,
    purpose: Purpose,
    code_hash: &[u8],
    now: &str,
    expires_at: &str,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE one_time_codes SET consumed_at = ?1
         WHERE account_id = ?2 AND purpose = ?3 AND consumed_at IS NULL",
        params![now, account.0, purpose.as_str()],
    )?;
    conn.execute(
        "INSERT INTO one_time_codes (account_id, purpose, code_hash, expires_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![account.0, purpose.as_str(), code_hash, expires_at, now],
    )?;
    Ok(())
}

/// The unspent code of an account for a purpose, if any.
pub fn live(
    conn: &Connection,
    account: AccountId,
    purpose: Purpose,
) -> Result<Option<LiveCode>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, code_hash, expires_at, attempts, created_at FROM one_time_codes
             WHERE account_id = ?1 AND purpose = ?2 AND consumed_at IS NULL
             ORDER BY id DESC LIMIT 1",
            params![account.0, purpose.as_str()],
            |r| {
                Ok(LiveCode {
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

/// Counts a wrong attempt; spends the code when `spend` (the last attempt was used).
pub fn record_attempt(conn: &Connection, id: i64, spend: bool, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE one_time_codes SET attempts = attempts + 1,
             consumed_at = CASE WHEN ?2 THEN ?3 ELSE consumed_at END
         WHERE id = ?1",
        params![id, spend, now],
    )?;
    Ok(())
}

/// Spends a code that was used successfully.
pub fn consume(conn: &Connection, id: i64, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE one_time_codes SET consumed_at = ?1 WHERE id = ?2",
        params![now, id],
    )?;
    Ok(())
}

/// The unspent code whose hash is `code_hash`, with its account (reset links carry a random
/// token whose hash identifies the row).
pub fn find_by_hash(
    conn: &Connection,
    purpose: Purpose,
    code_hash: &[u8],
) -> Result<Option<(AccountId, LiveCode)>, DbError> {
    Ok(conn
        .query_row(
            "SELECT account_id, id, code_hash, expires_at, attempts, created_at FROM one_time_codes
             WHERE purpose = ?1 AND code_hash = ?2 AND consumed_at IS NULL",
            params![purpose.as_str(), code_hash],
            |r| {
                Ok((
                    AccountId(r.get(0)?),
                    LiveCode {
                        id: r.get(1)?,
                        code_hash: r.get(2)?,
                        expires_at: r.get(3)?,
                        attempts: r.get(4)?,
                        created_at: r.get(5)?,
                    },
                ))
            },
        )
        .optional()?)
}
