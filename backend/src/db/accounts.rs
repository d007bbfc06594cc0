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
) -> Result<AccountId, DbError> {
    let now = super::now();
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
