//! The audit trail: who did what to whose data, when and why. Append-only and hash-chained:
//! each entry's hash covers the previous entry's hash, so an edited or deleted entry breaks
//! the chain ([`verify_chain`]).

use super::{DbError, accounts::AccountId, agents::AgentId, members::MemberId};
use rusqlite::{Connection, OptionalExtension, params};

/// Who acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A member, on their own account.
    Member(AccountId),
    /// An agent of the fund.
    Agent(AgentId),
    /// The portal itself.
    System,
    /// An operator at the command line.
    Operator,
}

impl Actor {
    fn kind_and_id(self) -> (&'static str, Option<i64>) {
        match self {
            Actor::Member(a) => ("member", Some(a.0)),
            Actor::Agent(a) => ("agent", Some(a.0)),
            Actor::System => ("system", None),
            Actor::Operator => ("operator", None),
        }
    }
}

/// One entry.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// Who.
    pub actor: Actor,
    /// What (`member.open`, `member.unlock`, `message.reply`, …).
    pub action: &'a str,
    /// Whose data, if a member's.
    pub member: Option<MemberId>,
    /// When, as stored (the caller's clock).
    pub at: &'a str,
    /// Why (the reason's kind; for `other` its words are in `details`).
    pub reason: &'a str,
    /// Anything else worth keeping (never health data or secrets).
    pub details: &'a str,
}

/// Appends an entry. Call it inside the transaction of the action it records.
pub fn record(conn: &Connection, entry: &Entry<'_>) -> Result<(), DbError> {
    let prev: Vec<u8> = conn
        .query_row(
            "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| vec![0; 32]);
    let at = entry.at;
    let (kind, id) = entry.actor.kind_and_id();
    let member = entry.member.map(|m| m.0);
    let hash = link(&prev, at, kind, id, entry, member);
    conn.execute(
        "INSERT INTO audit_events (at, actor_kind, actor_id, action, member_id, reason, details,
             prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            at,
            kind,
            id,
            entry.action,
            member,
            entry.reason,
            entry.details,
            prev,
            hash.to_vec()
        ],
    )?;
    Ok(())
}

fn link(
    prev: &[u8],
    at: &str,
    kind: &str,
    id: Option<i64>,
    entry: &Entry<'_>,
    member: Option<i64>,
) -> [u8; 32] {
    // Length-prefixed fields: no two different entries hash the same bytes.
    let mut bytes = prev.to_vec();
    for field in [
        at,
        kind,
        &id.map(|i| i.to_string()).unwrap_or_default(),
        entry.action,
        &member.map(|i| i.to_string()).unwrap_or_default(),
        entry.reason,
        entry.details,
    ] {
        bytes.extend_from_slice(&(field.len() as u64).to_be_bytes());
        bytes.extend_from_slice(field.as_bytes());
    }
    crate::crypto::sha256(&bytes)
}

/// Recomputes the chain; the id of the first entry that does not match, if any.
pub fn verify_chain(conn: &Connection) -> Result<Option<i64>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor_kind, actor_id, action, member_id, reason, details, prev_hash, hash
         FROM audit_events ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = vec![0u8; 32];
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let (at, kind, actor, action): (String, String, Option<i64>, String) =
            (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let (member, reason, details): (Option<i64>, String, String) =
            (r.get(5)?, r.get(6)?, r.get(7)?);
        let (stored_prev, hash): (Vec<u8>, Vec<u8>) = (r.get(8)?, r.get(9)?);
        let entry = Entry {
            actor: Actor::System,
            action: &action,
            member: None,
            at: &at,
            reason: &reason,
            details: &details,
        };
        if stored_prev != prev || link(&prev, &at, &kind, actor, &entry, member).as_slice() != hash
        {
            return Ok(Some(id));
        }
        prev = hash;
    }
    Ok(None)
}

/// An agent's access to a member's file, for the member's "who looked at my file".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentAccess {
    /// When.
    pub at: String,
    /// The agent's display name.
    pub agent: String,
    /// The action's word.
    pub action: String,
    /// The reason's kind.
    pub reason: String,
    /// The reason's words.
    pub details: String,
}

/// The agents' actions on a member's data, newest first.
pub fn agent_accesses(
    conn: &Connection,
    member: MemberId,
    limit: i64,
) -> Result<Vec<AgentAccess>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT e.at, a.display_name, e.action, e.reason, e.details
         FROM audit_events e JOIN agents a ON a.id = e.actor_id
         WHERE e.member_id = ?1 AND e.actor_kind = 'agent'
         ORDER BY e.id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![member.0, limit], |r| {
        Ok(AgentAccess {
            at: r.get(0)?,
            agent: r.get(1)?,
            action: r.get(2)?,
            reason: r.get(3)?,
            details: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many entries an agent made with this action (tests, statistics).
pub fn count(conn: &Connection, action: &str) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM audit_events WHERE action = ?1",
        [action],
        |r| r.get(0),
    )?)
}
