//! The postal address on the roll (`members.address_*`) and the agent's approval of a change:
//! the new address waits, encrypted in its request, until then.

use portail_shared::address::PostalAddress;
use portail_shared::requests::{Kind, Status};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::DbError;
use super::members::MemberId;
use super::requests::{self, Author};
use crate::crypto::Keys;

/// What a change of address request stores (encrypted with the request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressRequestData {
    /// The new address.
    pub address: PostalAddress,
    /// The day of the move, `YYYY-MM-DD`.
    pub moved_on: String,
}

impl AddressRequestData {
    /// Reads a request's stored data.
    pub fn from_bytes(data: &[u8]) -> Result<Self, DbError> {
        serde_json::from_slice(data).map_err(|e| DbError::Data(e.to_string()))
    }
}

/// The address on file.
pub fn on_file(conn: &Connection, member: MemberId) -> Result<Option<PostalAddress>, DbError> {
    Ok(conn
        .query_row(
            "SELECT address_line1, address_line2, postal_code, city FROM members WHERE id = ?1",
            [member.0],
            |r| {
                Ok(PostalAddress {
                    line1: r.get(0)?,
                    line2: r.get(1)?,
                    postal_code: r.get(2)?,
                    city: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// The member's open change of address: its request and what it asks.
pub fn pending(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
) -> Result<Option<(i64, AddressRequestData)>, DbError> {
    let Some(id) = requests::open_of_kind(conn, member, Kind::AddressChange)? else {
        return Ok(None);
    };
    let Some(stored) = requests::one(conn, keys, member, id)? else {
        return Ok(None);
    };
    Ok(Some((id, AddressRequestData::from_bytes(&stored.data)?)))
}

/// The agent's approval of a change of address: the roll takes the new address and the request
/// is completed with `message`. `false` (nothing changed) when the request is not an open
/// change of address.
pub fn apply_pending(
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
    let Some(stored) = requests::one(conn, keys, member, request)? else {
        return Ok(false);
    };
    if stored.kind != Kind::AddressChange || stored.status.is_final() {
        return Ok(false);
    }
    let data = AddressRequestData::from_bytes(&stored.data)?;
    let a = &data.address;
    conn.execute(
        "UPDATE members SET address_line1 = ?2, address_line2 = ?3, postal_code = ?4, city = ?5,
                country = 'FR', updated_at = ?6
          WHERE id = ?1",
        params![member.0, a.line1, a.line2, a.postal_code, a.city, now],
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
