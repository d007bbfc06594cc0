//! Server-side sessions. Only the SHA-256 of a token is stored: a copy of the database does not
//! let anyone take over a session.

use super::{DbError, accounts::AccountId};
use rusqlite::{Connection, OptionalExtension, params};

/// How far a session has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Password checked, waiting for the second factor.
    SecondFactor,
    /// Fully logged in.
    Full,
}

impl Stage {
    fn as_str(self) -> &'static str {
        match self {
            Stage::SecondFactor => "second_factor",
            Stage::Full => "full",
        }
    }
}

/// A member's session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Whose.
    pub account_id: AccountId,
    /// How far.
    pub stage: Stage,
    /// Created (ISO-8601).
    pub created_at: String,
    /// Last request (ISO-8601).
    pub last_seen_at: String,
    /// Hard end (ISO-8601).
    pub expires_at: String,
}

/// Stores a new member session.
#[allow(clippy::too_many_arguments)]
pub fn create(
    conn: &Connection,
    token_hash: &[u8],
    account: AccountId,
    stage: Stage,
    now: &str,
    expires_at: &str,
    user_agent: &str,
    ip_class: &str,
) -> Result<(), DbError> {
    // A handle for "my devices" that says nothing about the token.
    let public_id: [u8; 12] = crate::crypto::random_bytes()?;
    let public_id: String = public_id.iter().map(|b| format!("{b:02x}")).collect();
    conn.execute(
        "INSERT INTO sessions (token_hash, account_id, stage, created_at, last_seen_at, expires_at,
             user_agent, public_id, ip_class)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8)",
        params![
            token_hash,
            account.0,
            stage.as_str(),
            now,
            expires_at,
            user_agent,
            public_id,
            ip_class
        ],
    )?;
    Ok(())
}

/// Finds a member session by token hash.
pub fn find(conn: &Connection, token_hash: &[u8]) -> Result<Option<Session>, DbError> {
    Ok(conn
        .query_row(
            "SELECT account_id, stage, created_at, last_seen_at, expires_at FROM sessions
             WHERE token_hash = ?1 AND account_id IS NOT NULL",
            [token_hash],
            |r| {
                let stage: String = r.get(1)?;
                Ok(Session {
                    account_id: AccountId(r.get(0)?),
                    stage: if stage == "full" {
                        Stage::Full
                    } else {
                        Stage::SecondFactor
                    },
                    created_at: r.get(2)?,
                    last_seen_at: r.get(3)?,
                    expires_at: r.get(4)?,
                })
            },
        )
        .optional()?)
}

/// An agent's session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentSession {
    /// Whose.
    pub agent_id: super::agents::AgentId,
    /// How far.
    pub stage: Stage,
    /// Last request (ISO-8601).
    pub last_seen_at: String,
    /// Hard end (ISO-8601).
    pub expires_at: String,
}

/// Stores a new agent session.
pub fn create_agent(
    conn: &Connection,
    token_hash: &[u8],
    agent: super::agents::AgentId,
    stage: Stage,
    now: &str,
    expires_at: &str,
    user_agent: &str,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO sessions (token_hash, agent_id, stage, created_at, last_seen_at, expires_at,
             user_agent)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)",
        params![
            token_hash,
            agent.0,
            stage.as_str(),
            now,
            expires_at,
            user_agent
        ],
    )?;
    Ok(())
}

/// Finds an agent session by token hash (never a member's).
pub fn find_agent(conn: &Connection, token_hash: &[u8]) -> Result<Option<AgentSession>, DbError> {
    Ok(conn
        .query_row(
            "SELECT agent_id, stage, last_seen_at, expires_at FROM sessions
             WHERE token_hash = ?1 AND agent_id IS NOT NULL",
            [token_hash],
            |r| {
                let stage: String = r.get(1)?;
                Ok(AgentSession {
                    agent_id: super::agents::AgentId(r.get(0)?),
                    stage: if stage == "full" {
                        Stage::Full
                    } else {
                        Stage::SecondFactor
                    },
                    last_seen_at: r.get(2)?,
                    expires_at: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Records activity on a session.
///
/// Every signed-in request does this, so it is committed without waiting for the disk
/// (`synchronous=NORMAL` for this one statement; the connection goes back to `FULL` at once).
/// In WAL mode that survives a crash of the process; a power cut may lose the last few
/// activity times, which only makes a session look idle a little earlier. Everything else
/// keeps `FULL`.
pub fn touch(conn: &Connection, token_hash: &[u8], now: &str) -> Result<(), DbError> {
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let updated = conn
        .prepare_cached("UPDATE sessions SET last_seen_at = ?1 WHERE token_hash = ?2")
        .and_then(|mut s| s.execute(params![now, token_hash]));
    let restored = conn.pragma_update(None, "synchronous", "FULL");
    updated?;
    restored?;
    Ok(())
}

/// Ends one session.
pub fn delete(conn: &Connection, token_hash: &[u8]) -> Result<(), DbError> {
    conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}

/// How many sessions an account has (tests and the devices page).
pub fn count_for_account(conn: &Connection, account: AccountId) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM sessions WHERE account_id = ?1",
        [account.0],
        |r| r.get(0),
    )?)
}

/// Ends every session of an account (after a password or factor change).
pub fn delete_for_account(conn: &Connection, account: AccountId) -> Result<usize, DbError> {
    Ok(conn.execute("DELETE FROM sessions WHERE account_id = ?1", [account.0])?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn touching_a_session_leaves_the_connection_fully_synchronous() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "synchronous", "FULL").unwrap();
        conn.execute_batch("CREATE TABLE sessions (token_hash BLOB, last_seen_at TEXT)")
            .unwrap();
        conn.execute("INSERT INTO sessions VALUES (x'01', 'then')", [])
            .unwrap();
        super::touch(&conn, &[1], "now").unwrap();
        let (seen, sync): (String, i64) = (
            conn.query_row("SELECT last_seen_at FROM sessions", [], |r| r.get(0))
                .unwrap(),
            conn.query_row("PRAGMA synchronous", [], |r| r.get(0))
                .unwrap(),
        );
        assert_eq!((seen.as_str(), sync), ("now", 2), "2 is FULL");
    }
}
