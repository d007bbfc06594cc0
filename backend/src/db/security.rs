//! Account security: the second factor (authenticator secret, recovery codes), step-up, and
//! the list of open sessions. Secrets are encrypted with the account id as associated data;
//! recovery codes are stored as keyed hashes.

use super::{DbError, accounts::AccountId};
use crate::crypto::Keys;
use rusqlite::{Connection, OptionalExtension, params};

fn secret_context(account: AccountId) -> String {
    format!("accounts.totp_secret:{}", account.0)
}

fn pending_context(account: AccountId) -> String {
    format!("accounts.totp_pending:{}", account.0)
}

/// How an account proves its second factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Factor {
    /// `email` or `totp`.
    pub kind: String,
    /// The authenticator secret (base32), when `totp`.
    pub totp_secret: Option<String>,
    /// The last TOTP step accepted (a code is never accepted twice).
    pub totp_last_step: Option<i64>,
}

fn decrypt_text(
    keys: &Keys,
    context: &str,
    cipher: Option<Vec<u8>>,
) -> Result<Option<String>, DbError> {
    cipher
        .map(|c| {
            let clear = keys.decrypt(context, &c)?;
            String::from_utf8(clear).map_err(|_| DbError::Data("TOTP secret is not UTF-8".into()))
        })
        .transpose()
}

/// Reads an account's second factor.
pub fn factor(
    conn: &Connection,
    keys: &Keys,
    account: AccountId,
) -> Result<Option<Factor>, DbError> {
    let row: Option<(String, Option<Vec<u8>>, Option<i64>)> = conn
        .query_row(
            "SELECT second_factor, totp_secret_cipher, totp_last_step FROM accounts WHERE id = ?1",
            [account.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(|(kind, cipher, last)| {
        Ok(Factor {
            kind,
            totp_secret: decrypt_text(keys, &secret_context(account), cipher)?,
            totp_last_step: last,
        })
    })
    .transpose()
}

/// Keeps a secret being enrolled (not yet proven by a first code).
pub fn set_pending_totp(
    conn: &Connection,
    keys: &Keys,
    account: AccountId,
    secret: &str,
) -> Result<(), DbError> {
    let cipher = keys.encrypt(&pending_context(account), secret.as_bytes())?;
    conn.execute(
        "UPDATE accounts SET totp_pending_cipher = ?1 WHERE id = ?2",
        params![cipher, account.0],
    )?;
    Ok(())
}

/// The secret being enrolled, if any.
pub fn pending_totp(
    conn: &Connection,
    keys: &Keys,
    account: AccountId,
) -> Result<Option<String>, DbError> {
    let cipher: Option<Vec<u8>> = conn
        .query_row(
            "SELECT totp_pending_cipher FROM accounts WHERE id = ?1",
            [account.0],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    decrypt_text(keys, &pending_context(account), cipher)
}

/// Switches an account to its authenticator app: the proven secret, the step of the code that
/// proved it, and new recovery codes (the old ones stop working).
pub fn enable_totp(
    conn: &Connection,
    keys: &Keys,
    account: AccountId,
    secret: &str,
    step: i64,
    recovery_hashes: &[Vec<u8>],
    now: &str,
) -> Result<(), DbError> {
    let cipher = keys.encrypt(&secret_context(account), secret.as_bytes())?;
    conn.execute(
        "UPDATE accounts SET second_factor = 'totp', totp_secret_cipher = ?1, totp_last_step = ?2,
             totp_pending_cipher = NULL, updated_at = ?3
         WHERE id = ?4",
        params![cipher, step, now, account.0],
    )?;
    conn.execute(
        "DELETE FROM recovery_codes WHERE account_id = ?1",
        [account.0],
    )?;
    let mut insert =
        conn.prepare("INSERT INTO recovery_codes (account_id, code_hash) VALUES (?1, ?2)")?;
    for hash in recovery_hashes {
        insert.execute(params![account.0, hash])?;
    }
    Ok(())
}

/// Back to e-mailed codes: the secret and the recovery codes are deleted.
pub fn use_email_codes(conn: &Connection, account: AccountId, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET second_factor = 'email', totp_secret_cipher = NULL,
             totp_last_step = NULL, totp_pending_cipher = NULL, updated_at = ?1
         WHERE id = ?2",
        params![now, account.0],
    )?;
    conn.execute(
        "DELETE FROM recovery_codes WHERE account_id = ?1",
        [account.0],
    )?;
    Ok(())
}

/// Records the step of an accepted TOTP code.
pub fn set_totp_step(conn: &Connection, account: AccountId, step: i64) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET totp_last_step = ?1 WHERE id = ?2",
        params![step, account.0],
    )?;
    Ok(())
}

/// Spends the unused recovery code with this hash; `false` if there is none.
pub fn use_recovery_code(
    conn: &Connection,
    account: AccountId,
    hash: &[u8],
    now: &str,
) -> Result<bool, DbError> {
    let changed = conn.execute(
        "UPDATE recovery_codes SET used_at = ?1
         WHERE id = (SELECT id FROM recovery_codes
                     WHERE account_id = ?2 AND code_hash = ?3 AND used_at IS NULL LIMIT 1)",
        params![now, account.0, hash],
    )?;
    Ok(changed == 1)
}

/// Recovery codes not used yet.
pub fn recovery_codes_left(conn: &Connection, account: AccountId) -> Result<u32, DbError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM recovery_codes WHERE account_id = ?1 AND used_at IS NULL",
        [account.0],
        |r| r.get(0),
    )?)
}

/// Marks the session as having typed the password again now.
pub fn step_up(conn: &Connection, token_hash: &[u8], now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE sessions SET stepped_up_at = ?1 WHERE token_hash = ?2",
        params![now, token_hash],
    )?;
    Ok(())
}

/// When the session last typed the password again.
pub fn stepped_up_at(conn: &Connection, token_hash: &[u8]) -> Result<Option<String>, DbError> {
    Ok(conn
        .query_row(
            "SELECT stepped_up_at FROM sessions WHERE token_hash = ?1",
            [token_hash],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// One open session of an account, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSession {
    /// Its public handle.
    pub public_id: String,
    /// Its token's hash (to tell the current one).
    pub token_hash: Vec<u8>,
    /// The browser's `User-Agent`.
    pub user_agent: String,
    /// The kind of network.
    pub ip_class: String,
    /// Opened (ISO-8601).
    pub created_at: String,
    /// Last request (ISO-8601).
    pub last_seen_at: String,
}

/// The fully signed-in sessions of an account that have not passed their hard end, most
/// recently used first.
pub fn open_sessions(
    conn: &Connection,
    account: AccountId,
    now: &str,
) -> Result<Vec<OpenSession>, DbError> {
    let mut statement = conn.prepare(
        "SELECT public_id, token_hash, user_agent, ip_class, created_at, last_seen_at FROM sessions
         WHERE account_id = ?1 AND stage = 'full' AND expires_at > ?2 AND public_id IS NOT NULL
         ORDER BY last_seen_at DESC",
    )?;
    let rows = statement
        .query_map(params![account.0, now], |r| {
            Ok(OpenSession {
                public_id: r.get(0)?,
                token_hash: r.get(1)?,
                user_agent: r.get(2)?,
                ip_class: r.get(3)?,
                created_at: r.get(4)?,
                last_seen_at: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Ends one of an account's sessions by its public handle; `false` if it is not theirs.
pub fn end_session(
    conn: &Connection,
    account: AccountId,
    public_id: &str,
) -> Result<bool, DbError> {
    Ok(conn.execute(
        "DELETE FROM sessions WHERE account_id = ?1 AND public_id = ?2",
        params![account.0, public_id],
    )? == 1)
}

/// Ends every session of an account except one.
pub fn end_other_sessions(
    conn: &Connection,
    account: AccountId,
    keep: &[u8],
) -> Result<usize, DbError> {
    Ok(conn.execute(
        "DELETE FROM sessions WHERE account_id = ?1 AND token_hash <> ?2",
        params![account.0, keep],
    )?)
}

/// Whether an account has completed a login from this browser before; records it either way.
/// Returns `(seen before, any browser seen before)`.
pub fn remember_device(
    conn: &Connection,
    account: AccountId,
    device_hash: &[u8],
    label: &str,
    now: &str,
) -> Result<(bool, bool), DbError> {
    let any: i64 = conn.query_row(
        "SELECT COUNT(*) FROM known_devices WHERE account_id = ?1",
        [account.0],
        |r| r.get(0),
    )?;
    let seen = conn.execute(
        "UPDATE known_devices SET last_seen = ?1 WHERE account_id = ?2 AND device_hash = ?3",
        params![now, account.0, device_hash],
    )? == 1;
    if !seen {
        conn.execute(
            "INSERT INTO known_devices (account_id, device_hash, label, first_seen, last_seen)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![account.0, device_hash, label, now],
        )?;
    }
    Ok((seen, any > 0))
}

/// What a security notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertKind {
    /// A login from a browser not seen before.
    NewDevice,
    /// The password was changed.
    PasswordChanged,
    /// The second factor was changed (or a recovery code used).
    FactorChanged,
    /// Repeated failed logins made the account wait.
    Locked,
    /// The e-mail address was changed.
    EmailChanged,
}

impl AlertKind {
    fn as_str(self) -> &'static str {
        match self {
            AlertKind::NewDevice => "new_device",
            AlertKind::PasswordChanged => "password_changed",
            AlertKind::FactorChanged => "factor_changed",
            AlertKind::Locked => "locked",
            AlertKind::EmailChanged => "email_changed",
        }
    }
}

/// Stores the hash of a "this was not me" token sent in a notice.
pub fn create_alert(
    conn: &Connection,
    account: AccountId,
    kind: AlertKind,
    token_hash: &[u8],
    now: &str,
    expires_at: &str,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO security_alerts (account_id, kind, token_hash, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![account.0, kind.as_str(), token_hash, now, expires_at],
    )?;
    Ok(())
}

/// Spends an unused, unexpired "this was not me" token; the account it was for.
pub fn take_alert(
    conn: &Connection,
    token_hash: &[u8],
    now: &str,
) -> Result<Option<AccountId>, DbError> {
    Ok(conn
        .query_row(
            "UPDATE security_alerts SET used_at = ?1
             WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1
             RETURNING account_id",
            params![now, token_hash],
            |r| r.get(0).map(AccountId),
        )
        .optional()?)
}

/// Keeps a new address until the code sent to it comes back.
pub fn set_email_pending(
    conn: &Connection,
    account: AccountId,
    email: &str,
    now: &str,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET email_pending = ?1, updated_at = ?2 WHERE id = ?3",
        params![email, now, account.0],
    )?;
    Ok(())
}

/// The address waiting for confirmation, if any.
pub fn email_pending(conn: &Connection, account: AccountId) -> Result<Option<String>, DbError> {
    Ok(conn
        .query_row(
            "SELECT email_pending FROM accounts WHERE id = ?1",
            [account.0],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// Makes the confirmed new address the account's.
pub fn confirm_email(conn: &Connection, account: AccountId, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET email = email_pending, email_pending = NULL, email_verified_at = ?1,
             updated_at = ?1
         WHERE id = ?2 AND email_pending IS NOT NULL",
        params![now, account.0],
    )?;
    Ok(())
}
