//! European health insurance cards (`ceam_cards`) and the orders being processed. An order is
//! a request (`requests.kind = 'ceam'`) whose beneficiary is the person the card is for (none
//! when the member orders for themselves); what it asks is encrypted with the request.

use portail_shared::ceam::TripReason;
use portail_shared::requests::Kind;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::DbError;
use super::members::MemberId;
use super::requests;
use crate::crypto::Keys;

/// A card on file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The card's number (20 digits).
    pub number: String,
    /// First valid day, `YYYY-MM-DD`.
    pub valid_from: String,
    /// Last valid day, `YYYY-MM-DD`.
    pub valid_until: String,
}

/// The person's card ending last, if they ever had one.
pub fn latest(conn: &Connection, member: MemberId) -> Result<Option<Card>, DbError> {
    Ok(conn
        .query_row(
            "SELECT card_number, valid_from, valid_until FROM ceam_cards
              WHERE member_id = ?1 ORDER BY valid_until DESC, id DESC LIMIT 1",
            [member.0],
            |r| {
                Ok(Card {
                    number: r.get(0)?,
                    valid_from: r.get(1)?,
                    valid_until: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Records a card made for `member`.
pub fn insert(conn: &Connection, member: MemberId, card: &Card) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO ceam_cards (member_id, card_number, valid_from, valid_until)
         VALUES (?1, ?2, ?3, ?4)",
        params![member.0, card.number, card.valid_from, card.valid_until],
    )?;
    Ok(())
}

/// What an order stores (encrypted with its request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderData {
    /// The person the card is for.
    pub person: i64,
    /// Their given names and family name, as on the card.
    pub name: String,
    /// Why they travel.
    pub reason: TripReason,
    /// The day of departure, `YYYY-MM-DD`.
    pub departure: String,
    /// Where the card is sent, on one line.
    pub address: String,
    /// Whether the card arrives before the departure.
    pub in_time: bool,
}

impl OrderData {
    /// Reads a request's stored data.
    pub fn from_bytes(data: &[u8]) -> Result<Self, DbError> {
        serde_json::from_slice(data).map_err(|e| DbError::Data(e.to_string()))
    }
}

/// An order still being processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// Its request.
    pub request: i64,
    /// The member who filed it.
    pub owner: MemberId,
    /// When the card should arrive, `YYYY-MM-DD`.
    pub expected_by: Option<String>,
    /// What it asks, when the member asking filed it.
    pub data: Option<OrderData>,
}

/// An order for `person` still being processed, whoever filed it (a child may be attached to
/// both parents); what it asks is read only when `member` filed it.
pub fn pending_for(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    person: MemberId,
) -> Result<Option<Pending>, DbError> {
    let found: Option<(i64, i64, Option<String>)> = conn
        .query_row(
            "SELECT id, member_id, expected_by FROM requests
              WHERE (beneficiary_id = ?1 OR (beneficiary_id IS NULL AND member_id = ?1))
                AND kind = ?2
                AND status NOT IN ('completed', 'refused')
              ORDER BY id DESC LIMIT 1",
            params![person.0, Kind::Ceam.code()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((request, owner, expected_by)) = found else {
        return Ok(None);
    };
    let owner = MemberId(owner);
    let data = if owner == member {
        requests::one(conn, keys, member, request)?
            .map(|stored| OrderData::from_bytes(&stored.data))
            .transpose()?
    } else {
        None
    };
    Ok(Some(Pending {
        request,
        owner,
        expected_by,
        data,
    }))
}
