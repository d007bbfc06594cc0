//! Bank accounts reimbursements are paid to. The IBAN is encrypted per row (associated data
//! `bank_accounts.iban_cipher:<id>`); only its last 5 characters stay clear (`iban_last`), for
//! an agent to match a RIB. A member has at most one `active` account, at most one `pending`
//! (a change waiting for the fund), and any number of `replaced` ones (history).

use portail_shared::Iban;
use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;
use super::members::MemberId;
use super::requests::{self, Author};
use crate::crypto::Keys;
use portail_shared::requests::{Kind, Status};

/// An account as stored, its IBAN decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Its row.
    pub id: i64,
    /// The IBAN (never logged: `Debug` is masked).
    pub iban: Iban,
    /// The BIC, empty when not given.
    pub bic: String,
    /// The holder's name.
    pub holder: String,
}

/// A new account to record.
#[derive(Debug, Clone, Copy)]
pub struct NewAccount<'a> {
    /// The IBAN.
    pub iban: &'a Iban,
    /// The BIC, empty when not given.
    pub bic: &'a str,
    /// The holder's name.
    pub holder: &'a str,
}

fn context(id: i64) -> String {
    format!("bank_accounts.iban_cipher:{id}")
}

/// Records the account paid from now on, for a member who has none (the roll's import, the
/// demo).
pub fn insert_active(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    account: &NewAccount<'_>,
    now: &str,
) -> Result<i64, DbError> {
    insert(conn, keys, member, account, "active", now)
}

/// Records a change waiting for the fund. Call in the transaction that files its request.
pub fn insert_pending(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    account: &NewAccount<'_>,
    now: &str,
) -> Result<i64, DbError> {
    insert(conn, keys, member, account, "pending", now)
}

fn insert(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    account: &NewAccount<'_>,
    status: &str,
    now: &str,
) -> Result<i64, DbError> {
    let text = account.iban.as_str();
    let last: String = text
        .chars()
        .skip(text.chars().count().saturating_sub(5))
        .collect();
    // The row id is part of the associated data, so the row exists first.
    let id: i64 = conn.query_row(
        "INSERT INTO bank_accounts (member_id, iban_cipher, iban_last, bic, holder, status, valid_from)
         VALUES (?1, x'', ?2, ?3, ?4, ?5, ?6) RETURNING id",
        params![member.0, last, account.bic, account.holder, status, now],
        |r| r.get(0),
    )?;
    let cipher = keys.encrypt(&context(id), text.as_bytes())?;
    conn.execute(
        "UPDATE bank_accounts SET iban_cipher = ?1 WHERE id = ?2",
        params![cipher, id],
    )?;
    Ok(id)
}

/// The member's account with this status (`active` or `pending`), if any.
fn with_status(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    status: &str,
) -> Result<Option<Account>, DbError> {
    let row: Option<(i64, Vec<u8>, String, String)> = conn
        .query_row(
            "SELECT id, iban_cipher, bic, holder FROM bank_accounts
              WHERE member_id = ?1 AND status = ?2 ORDER BY id DESC LIMIT 1",
            params![member.0, status],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((id, cipher, bic, holder)) = row else {
        return Ok(None);
    };
    let clear = keys.decrypt(&context(id), &cipher)?;
    let text = String::from_utf8(clear).map_err(|_| crate::crypto::CryptoError::Decrypt)?;
    let iban =
        Iban::parse(&text).map_err(|e| DbError::Data(format!("stored IBAN: {}", e.code())))?;
    Ok(Some(Account {
        id,
        iban,
        bic,
        holder,
    }))
}

/// The account paid today.
pub fn active(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
) -> Result<Option<Account>, DbError> {
    with_status(conn, keys, member, "active")
}

/// The change waiting for the fund.
pub fn pending(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
) -> Result<Option<Account>, DbError> {
    with_status(conn, keys, member, "pending")
}

/// Whether the member has any account on file (the demo seeds one once).
pub fn has_any(conn: &Connection, member: MemberId) -> Result<bool, DbError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM bank_accounts WHERE member_id = ?1)",
        [member.0],
        |r| r.get(0),
    )?)
}

/// The agent's approval of a bank details request: the pending account becomes the one paid,
/// the former one is kept as `replaced`, and the request is completed with `message`. `false`
/// (nothing changed) when the request is not an open bank details request or no change waits.
pub fn activate_pending(
    conn: &Connection,
    keys: &Keys,
    request: i64,
    agent: i64,
    message: &str,
    now: &str,
) -> Result<bool, DbError> {
    let Some(member) = requests::owner(conn, request)? else {
        return Ok(false);
    };
    let open = requests::one(conn, keys, member, request)?
        .is_some_and(|r| r.kind == Kind::BankDetails && !r.status.is_final());
    if !open || pending(conn, keys, member)?.is_none() {
        return Ok(false);
    }
    conn.execute(
        "UPDATE bank_accounts SET status = 'replaced', valid_until = ?2
          WHERE member_id = ?1 AND status = 'active'",
        params![member.0, now],
    )?;
    conn.execute(
        "UPDATE bank_accounts SET status = 'active', valid_from = ?2
          WHERE member_id = ?1 AND status = 'pending'",
        params![member.0, now],
    )?;
    requests::add_event(
        conn,
        request,
        Status::Completed,
        message,
        Author::Agent(agent),
        false,
        now,
    )?;
    Ok(true)
}

/// The agent's refusal: the pending account is dropped (the one paid stays), the request is
/// refused with `message`. `false` when the request is not an open bank details request.
pub fn refuse_pending(
    conn: &Connection,
    keys: &Keys,
    request: i64,
    agent: i64,
    message: &str,
    now: &str,
) -> Result<bool, DbError> {
    let Some(member) = requests::owner(conn, request)? else {
        return Ok(false);
    };
    let open = requests::one(conn, keys, member, request)?
        .is_some_and(|r| r.kind == Kind::BankDetails && !r.status.is_final());
    if !open {
        return Ok(false);
    }
    conn.execute(
        "DELETE FROM bank_accounts WHERE member_id = ?1 AND status = 'pending'",
        [member.0],
    )?;
    requests::add_event(
        conn,
        request,
        Status::Refused,
        message,
        Author::Agent(agent),
        false,
        now,
    )?;
    Ok(true)
}
