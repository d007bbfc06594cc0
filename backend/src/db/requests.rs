//! Requests (démarches) and their timeline. The submitted data is encrypted per request
//! (associated data `requests.data:<id>`); kind, status and dates stay clear for queues.

use portail_shared::requests::{AgentEvent, Event, Kind, Status};
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

// ---- The agents' side ----------------------------------------------------------------------
//
// An agent's assignment is an internal step with an empty message (its words are the agent
// area's); a note is an internal step with the agent's words; a status change is a visible step.

/// A request and the member who filed it, for an agent.
pub fn find(
    conn: &Connection,
    keys: &Keys,
    id: i64,
) -> Result<Option<(MemberId, Stored)>, DbError> {
    let Some(member) = owner(conn, id)? else {
        return Ok(None);
    };
    Ok(one(conn, keys, member, id)?.map(|stored| (member, stored)))
}

/// What an agent's queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueueFilter {
    /// One kind only.
    pub kind: Option<Kind>,
    /// One status only; `None` shows every open request.
    pub status: Option<Status>,
    /// Assigned to this agent (`Some(Some(id))`) or to nobody (`Some(None)`).
    pub assigned: Option<Option<i64>>,
}

/// One row of the queue, its data decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    /// The request.
    pub stored: Stored,
    /// Who filed it, "Given Family".
    pub member_name: String,
    /// The agent it is assigned to.
    pub assigned: Option<(i64, String)>,
}

/// Longest queue answered at once (the oldest first).
pub const QUEUE_LIMIT: i64 = 200;

/// The requests matching `filter`, the oldest first.
pub fn queue(conn: &Connection, keys: &Keys, filter: &QueueFilter) -> Result<Vec<Queued>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT r.id, r.kind, r.status, r.data_cipher, r.expected_by, r.created_at, r.updated_at,
                m.given_names || ' ' || m.family_name, r.assigned_agent_id, a.display_name
           FROM requests r
           JOIN members m ON m.id = r.member_id
           LEFT JOIN agents a ON a.id = r.assigned_agent_id
          WHERE (?1 IS NULL OR r.kind = ?1)
            AND (CASE WHEN ?2 IS NULL THEN r.status NOT IN ('completed', 'refused')
                      ELSE r.status = ?2 END)
            AND (?3 = 0 OR (?4 IS NULL AND r.assigned_agent_id IS NULL)
                        OR r.assigned_agent_id = ?4)
          ORDER BY r.created_at, r.id
          LIMIT ?5",
    )?;
    let (filtered, agent) = match filter.assigned {
        None => (false, None),
        Some(agent) => (true, agent),
    };
    let mut rows = statement.query(params![
        filter.kind.map(Kind::code),
        filter.status.map(Status::code),
        filtered,
        agent,
        QUEUE_LIMIT
    ])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let assigned = match (r.get::<_, Option<i64>>(8)?, r.get::<_, Option<String>>(9)?) {
            (Some(id), Some(name)) => Some((id, name)),
            _ => None,
        };
        out.push(Queued {
            stored: read(r, keys)?,
            member_name: r.get(7)?,
            assigned,
        });
    }
    Ok(out)
}

/// The agent a request is assigned to, with their name.
pub fn assigned(conn: &Connection, request: i64) -> Result<Option<(i64, String)>, DbError> {
    Ok(conn
        .query_row(
            "SELECT a.id, a.display_name FROM requests r JOIN agents a ON a.id = r.assigned_agent_id
              WHERE r.id = ?1",
            [request],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Assigns a request to `agent`, with an internal step saying so.
pub fn assign(
    conn: &Connection,
    request: i64,
    status: Status,
    agent: i64,
    now: &str,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE requests SET assigned_agent_id = ?1 WHERE id = ?2",
        params![agent, request],
    )?;
    add_event(conn, request, status, "", Author::Agent(agent), true, now)
}

/// Every step, internal notes included, with the agent's name for agents' steps.
pub fn agent_events(conn: &Connection, request: i64) -> Result<Vec<AgentEvent>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT e.at, e.status, e.message, e.author_kind, a.display_name, e.internal
           FROM request_events e LEFT JOIN agents a ON a.id = e.author_id AND e.author_kind = 'agent'
          WHERE e.request_id = ?1 ORDER BY e.at, e.id",
    )?;
    let rows = statement.query_map([request], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, bool>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, status, message, author, author_name, internal) = row?;
        out.push(AgentEvent {
            at,
            status: Status::parse(&status)
                .ok_or_else(|| DbError::Data(format!("event status {status}")))?,
            message,
            author,
            author_name,
            internal,
        });
    }
    Ok(out)
}

/// Records the decision of a closed request (`completed` or `refused`).
pub fn set_decision(conn: &Connection, request: i64, decision: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE requests SET decision = ?1 WHERE id = ?2",
        params![decision, request],
    )?;
    Ok(())
}

/// Where a request's notices go: the member's active account, as (e-mail, language).
pub fn notice_recipient(
    conn: &Connection,
    member: MemberId,
) -> Result<Option<(String, portail_shared::Lang)>, DbError> {
    Ok(conn
        .query_row(
            "SELECT email, language FROM accounts WHERE member_id = ?1 AND status = 'active'",
            [member.0],
            |r| {
                let lang: String = r.get(1)?;
                Ok((r.get(0)?, portail_shared::Lang::from_tag(&lang)))
            },
        )
        .optional()?)
}

/// One file of a request (for an agent); `None` when it is not that request's.
pub fn attachment_of(
    conn: &Connection,
    request: i64,
    file: i64,
) -> Result<Option<super::attachments::Stored>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, file_name, media_type, size_bytes, storage_key FROM attachments
              WHERE id = ?1 AND request_id = ?2",
            params![file, request],
            |r| {
                Ok(super::attachments::Stored {
                    attachment: portail_shared::requests::Attachment {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        media_type: r.get(2)?,
                        size: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
                    },
                    storage_key: r.get(4)?,
                })
            },
        )
        .optional()?)
}

/// The supervisor's figures, one queue per kind: open requests, the median hours from filing
/// to the first agent's step (requests filed in the 90 days before `now`), and when the oldest
/// open request was filed.
pub fn queue_stats(conn: &Connection, now: &str) -> Result<Vec<super::agents::QueueStat>, DbError> {
    let since = crate::clock::format(crate::clock::parse(now) - time::Duration::days(90));
    let mut counts = conn.prepare_cached(
        "SELECT COUNT(*), MIN(created_at) FROM requests
          WHERE kind = ?1 AND status NOT IN ('completed', 'refused')",
    )?;
    let mut firsts = conn.prepare_cached(
        "SELECT r.created_at,
                (SELECT MIN(e.at) FROM request_events e
                  WHERE e.request_id = r.id AND e.author_kind = 'agent')
           FROM requests r WHERE r.kind = ?1 AND r.created_at >= ?2",
    )?;
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let (open, oldest_at): (i64, Option<String>) =
            counts.query_row([kind.code()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let rows = firsts.query_map(params![kind.code(), since], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut hours = Vec::new();
        for row in rows {
            if let (filed, Some(first)) = row? {
                let gap = crate::clock::parse(&first) - crate::clock::parse(&filed);
                hours.push(gap.whole_seconds() as f64 / 3600.0);
            }
        }
        out.push(super::agents::QueueStat {
            area: "requests".to_owned(),
            queue: kind.code().to_owned(),
            open,
            median_response_hours: portail_shared::agent::median(hours),
            oldest_at,
        });
    }
    Ok(out)
}
