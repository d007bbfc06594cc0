//! Requests (démarches) and their timeline. The submitted data is encrypted per request
//! (associated data `requests.data:<id>`); kind, status and dates stay clear for queues.

use portail_shared::requests::{Event, Kind, Status};
use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;
use super::members::MemberId;
use crate::crypto::Keys;

/// Who wrote a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    /// The member.
    Member,
    /// An agent of the fund.
    Agent(i64),
    /// The portal itself.
    System,
}

impl Author {
    fn kind(self) -> &'static str {
        match self {
            Author::Member => "member",
            Author::Agent(_) => "agent",
            Author::System => "system",
        }
    }

    fn id(self) -> Option<i64> {
        match self {
            Author::Agent(id) => Some(id),
            Author::Member | Author::System => None,
        }
    }
}

fn data_context(id: i64) -> String {
    format!("requests.data:{id}")
}

/// Files a request for `member` with its first step; returns its id. Call inside the
/// transaction that also links its attachments.
#[allow(clippy::too_many_arguments)]
pub fn insert(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    beneficiary: Option<MemberId>,
    kind: Kind,
    data: &[u8],
    expected_by: Option<&str>,
    first_message: &str,
    now: &str,
) -> Result<i64, DbError> {
    let id: i64 = conn.query_row(
        "INSERT INTO requests (member_id, beneficiary_id, kind, status, data_cipher, expected_by,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, 'submitted', x'', ?4, ?5, ?5) RETURNING id",
        params![
            member.0,
            beneficiary.map(|b| b.0),
            kind.code(),
            expected_by,
            now
        ],
        |r| r.get(0),
    )?;
    let cipher = keys.encrypt(&data_context(id), data)?;
    conn.execute(
        "UPDATE requests SET data_cipher = ?1 WHERE id = ?2",
        params![cipher, id],
    )?;
    add_event(
        conn,
        id,
        Status::Submitted,
        first_message,
        Author::Member,
        false,
        now,
    )?;
    Ok(id)
}

/// Adds a step and moves the request to its status.
pub fn add_event(
    conn: &Connection,
    request: i64,
    status: Status,
    message: &str,
    author: Author,
    internal: bool,
    now: &str,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO request_events (request_id, at, status, message, author_kind, author_id, internal)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![request, now, status.code(), message, author.kind(), author.id(), internal],
    )?;
    if !internal {
        conn.execute(
            "UPDATE requests SET status = ?1, updated_at = ?2 WHERE id = ?3",
            params![status.code(), now, request],
        )?;
    }
    Ok(())
}

/// A stored request, its data decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Its id.
    pub id: i64,
    /// What is asked.
    pub kind: Kind,
    /// Where it stands.
    pub status: Status,
    /// The submitted data (JSON).
    pub data: Vec<u8>,
    /// The promised answer date.
    pub expected_by: Option<String>,
    /// Filed at.
    pub created_at: String,
    /// Last step at.
    pub updated_at: String,
}

fn read(r: &rusqlite::Row<'_>, keys: &Keys) -> Result<Stored, DbError> {
    let id: i64 = r.get(0)?;
    let kind: String = r.get(1)?;
    let status: String = r.get(2)?;
    let cipher: Vec<u8> = r.get(3)?;
    Ok(Stored {
        id,
        kind: Kind::parse(&kind).ok_or_else(|| DbError::Data(format!("request kind {kind}")))?,
        status: Status::parse(&status)
            .ok_or_else(|| DbError::Data(format!("request status {status}")))?,
        data: keys.decrypt(&data_context(id), &cipher)?,
        expected_by: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

const COLUMNS: &str = "id, kind, status, data_cipher, expected_by, created_at, updated_at";

/// The member's requests, the most recently moved first.
pub fn list(conn: &Connection, keys: &Keys, member: MemberId) -> Result<Vec<Stored>, DbError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM requests WHERE member_id = ?1 ORDER BY updated_at DESC, id DESC"
    ))?;
    let mut rows = statement.query([member.0])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read(r, keys)?);
    }
    Ok(out)
}

/// One of the member's requests; `None` for another member's, exactly as for a missing one.
pub fn one(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    id: i64,
) -> Result<Option<Stored>, DbError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM requests WHERE id = ?1 AND member_id = ?2"
    ))?;
    let mut rows = statement.query(params![id, member.0])?;
    rows.next()?.map(|r| read(r, keys)).transpose()
}

/// The steps a member sees (internal notes left out), oldest first.
pub fn events(conn: &Connection, request: i64) -> Result<Vec<Event>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT at, status, message, author_kind FROM request_events
          WHERE request_id = ?1 AND internal = 0 ORDER BY at, id",
    )?;
    let rows = statement.query_map([request], |r| {
        let status: String = r.get(1)?;
        Ok((r.get(0)?, status, r.get(2)?, r.get(3)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, status, message, author): (String, String, String, String) = row?;
        out.push(Event {
            at,
            status: Status::parse(&status)
                .ok_or_else(|| DbError::Data(format!("event status {status}")))?,
            message,
            author,
        });
    }
    Ok(out)
}

/// An open contest of the same line by this member, if any (one at a time).
pub fn open_contest_of(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    line: i64,
) -> Result<Option<i64>, DbError> {
    for stored in list(conn, keys, member)? {
        if stored.kind != Kind::Contest || stored.status.is_final() {
            continue;
        }
        let data: serde_json::Value =
            serde_json::from_slice(&stored.data).map_err(|e| DbError::Data(e.to_string()))?;
        if data["line_id"].as_i64() == Some(line) {
            return Ok(Some(stored.id));
        }
    }
    Ok(None)
}

/// The member who filed a request (for the back-office and tests).
pub fn owner(conn: &Connection, id: i64) -> Result<Option<MemberId>, DbError> {
    Ok(conn
        .query_row("SELECT member_id FROM requests WHERE id = ?1", [id], |r| {
            r.get(0).map(MemberId)
        })
        .optional()?)
}

/// The member's open request of this kind, the latest if several (changes of bank details or
/// address: one at a time).
pub fn open_of_kind(
    conn: &Connection,
    member: MemberId,
    kind: Kind,
) -> Result<Option<i64>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id FROM requests
              WHERE member_id = ?1 AND kind = ?2 AND status NOT IN ('completed', 'refused')
              ORDER BY id DESC LIMIT 1",
            params![member.0, kind.code()],
            |r| r.get(0),
        )
        .optional()?)
}

/// The member's open request of this kind for `person` (the member themselves or one of their
/// dependants), the latest if several.
pub fn open_for(
    conn: &Connection,
    member: MemberId,
    kind: Kind,
    person: MemberId,
) -> Result<Option<i64>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id FROM requests
              WHERE member_id = ?1 AND kind = ?2 AND COALESCE(beneficiary_id, member_id) = ?3
                AND status NOT IN ('completed', 'refused')
              ORDER BY id DESC LIMIT 1",
            params![member.0, kind.code(), person.0],
            |r| r.get(0),
        )
        .optional()?)
}
