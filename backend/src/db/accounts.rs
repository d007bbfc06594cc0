//! Members' login credentials.

use super::{DbError, members::MemberId};
use rusqlite::{Connection, OptionalExtension, params};

/// Identifies an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AccountId(pub i64);

/// Creates an active account with a password already chosen (demo personas, imports).
pub fn insert_active(
    conn: &Connection,
    member: MemberId,
    email: &str,
    password_hash: &str,
    now: &str,
) -> Result<AccountId, DbError> {
    let id = conn.query_row(
        "INSERT INTO accounts (member_id, email, email_verified_at, password_hash, status,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'active', ?3, ?3) RETURNING id",
        params![member.0, email, now, password_hash],
        |r| r.get(0),
    )?;
    Ok(AccountId(id))
}

/// The account of a member, if they created one.
pub fn find_by_member(conn: &Connection, member: MemberId) -> Result<Option<AccountId>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id FROM accounts WHERE member_id = ?1",
            [member.0],
            |r| r.get(0).map(AccountId),
        )
        .optional()?)
}

/// What the login needs to know about the account of a NIR.
#[derive(Debug, Clone)]
pub struct LoginAccount {
    /// The account.
    pub id: AccountId,
    /// Where codes are sent.
    pub email: String,
    /// PHC string; `None` until the member has chosen a password.
    pub password_hash: Option<String>,
    /// `pending`, `active` or `closed`.
    pub status: String,
    /// The member's birth date (`YYYY-MM-DD`), asked again to reset a password.
    pub birth_date: String,
    /// `email` or `totp`.
    pub second_factor: String,
}

/// The account of the member whose NIR has this blind index.
pub fn find_for_login(
    conn: &Connection,
    nir_index: &[u8],
) -> Result<Option<LoginAccount>, DbError> {
    Ok(conn
        .query_row(
            "SELECT a.id, a.email, a.password_hash, a.status, m.birth_date, a.second_factor
             FROM accounts a JOIN members m ON m.id = a.member_id
             WHERE m.nir_index = ?1",
            [nir_index],
            |r| {
                Ok(LoginAccount {
                    id: AccountId(r.get(0)?),
                    email: r.get(1)?,
                    password_hash: r.get(2)?,
                    status: r.get(3)?,
                    birth_date: r.get(4)?,
                    second_factor: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// The names and e-mail of an account's member, for greetings and e-mails.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The member on the roll.
    pub member_id: MemberId,
    /// Given names.
    pub given_names: String,
    /// Family name.
    pub family_name: String,
    /// Contact e-mail.
    pub email: String,
    /// Birth date (`YYYY-MM-DD`).
    pub birth_date: String,
}

/// Reads the profile of an account.
pub fn profile(conn: &Connection, account: AccountId) -> Result<Option<Profile>, DbError> {
    Ok(conn
        .query_row(
            "SELECT m.id, m.given_names, m.family_name, a.email, m.birth_date
             FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.id = ?1",
            [account.0],
            |r| {
                Ok(Profile {
                    member_id: MemberId(r.get(0)?),
                    given_names: r.get(1)?,
                    family_name: r.get(2)?,
                    email: r.get(3)?,
                    birth_date: r.get(4)?,
                })
            },
        )
        .optional()?)
}

/// Replaces an account's password hash.
pub fn set_password(
    conn: &Connection,
    account: AccountId,
    hash: &str,
    now: &str,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET password_hash = ?1, updated_at = ?2 WHERE id = ?3",
        params![hash, now, account.0],
    )?;
    Ok(())
}

/// The status of a member's account, if they have one.
pub fn status_of_member(
    conn: &Connection,
    member: MemberId,
) -> Result<Option<(AccountId, String)>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, status FROM accounts WHERE member_id = ?1",
            [member.0],
            |r| Ok((AccountId(r.get(0)?), r.get(1)?)),
        )
        .optional()?)
}

/// Creates the pending account of a member asking for an activation letter, or updates the
/// e-mail address of the pending one (an active account is never touched here).
pub fn upsert_pending(
    conn: &Connection,
    member: MemberId,
    email: &str,
    now: &str,
) -> Result<AccountId, DbError> {
    let id = conn.query_row(
        "INSERT INTO accounts (member_id, email, status, created_at, updated_at)
         VALUES (?1, ?2, 'pending', ?3, ?3)
         ON CONFLICT (member_id) DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at
         WHERE accounts.status = 'pending'
         RETURNING id",
        params![member.0, email, now],
        |r| r.get(0),
    )?;
    Ok(AccountId(id))
}

/// Marks a pending account's e-mail as proven and the account active.
pub fn activate(conn: &Connection, account: AccountId, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET status = 'active', email_verified_at = ?1, updated_at = ?1
         WHERE id = ?2 AND status = 'pending'",
        params![now, account.0],
    )?;
    Ok(())
}

/// The status of an account (`pending`, `active`, `closed`).
pub fn status(conn: &Connection, account: AccountId) -> Result<Option<String>, DbError> {
    Ok(conn
        .query_row(
            "SELECT status FROM accounts WHERE id = ?1",
            [account.0],
            |r| r.get(0),
        )
        .optional()?)
}

/// An account's password hash (PHC string), if one was chosen.
pub fn password_hash(conn: &Connection, account: AccountId) -> Result<Option<String>, DbError> {
    Ok(conn
        .query_row(
            "SELECT password_hash FROM accounts WHERE id = ?1",
            [account.0],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// Where a payment notice goes: the member's active account that keeps payment e-mails on,
/// as (e-mail, language, given names).
pub fn payment_notice_recipient(
    conn: &Connection,
    member: MemberId,
) -> Result<Option<(String, portail_shared::Lang, String)>, DbError> {
    Ok(conn
        .prepare_cached(
            "SELECT a.email, a.language, m.given_names
               FROM accounts a JOIN members m ON m.id = a.member_id
              WHERE a.member_id = ?1 AND a.status = 'active' AND a.payment_emails = 1",
        )?
        .query_row([member.0], |r| {
            let lang: String = r.get(1)?;
            let given: String = r.get(2)?;
            let first = given
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned();
            Ok((
                r.get(0)?,
                if lang == "en" {
                    portail_shared::Lang::En
                } else {
                    portail_shared::Lang::Fr
                },
                first,
            ))
        })
        .optional()?)
}

/// Whether the account receives an e-mail for each payment.
pub fn payment_emails(conn: &Connection, account: AccountId) -> Result<bool, DbError> {
    Ok(conn
        .query_row(
            "SELECT payment_emails FROM accounts WHERE id = ?1",
            [account.0],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// Turns the payment e-mails on or off.
pub fn set_payment_emails(
    conn: &Connection,
    account: AccountId,
    on: bool,
    now: &str,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE accounts SET payment_emails = ?1, updated_at = ?2 WHERE id = ?3",
        rusqlite::params![on, now, account.0],
    )?;
    Ok(())
}

/// The member on the roll behind an account (a signed-in session's account always has one).
pub fn member_of(conn: &Connection, account: AccountId) -> Result<MemberId, DbError> {
    conn.query_row(
        "SELECT member_id FROM accounts WHERE id = ?1",
        [account.0],
        |r| r.get(0).map(MemberId),
    )
    .optional()?
    .ok_or_else(|| DbError::Data("an account without its member".to_owned()))
}
