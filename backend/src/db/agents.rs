//! The fund's agents and supervisors (back-office accounts).

use super::DbError;
use rusqlite::{Connection, OptionalExtension, params};

/// Identifies an agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AgentId(pub i64);

/// What an agent may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Answers messages and processes requests.
    Agent,
    /// An agent who also sees team statistics.
    Supervisor,
}

impl Role {
    /// Reads the stored form.
    pub fn parse(text: &str) -> Role {
        if text == "supervisor" {
            Role::Supervisor
        } else {
            Role::Agent
        }
    }

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Supervisor => "supervisor",
        }
    }
}

/// Creates an agent with a password already set (demo).
pub fn insert(
    conn: &Connection,
    email: &str,
    display_name: &str,
    role: Role,
    password_hash: &str,
    now: &str,
) -> Result<AgentId, DbError> {
    let id = conn.query_row(
        "INSERT INTO agents (email, display_name, role, password_hash, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![email, display_name, role.as_str(), password_hash, now],
        |r| r.get(0),
    )?;
    Ok(AgentId(id))
}

/// Finds an agent by e-mail.
pub fn find_by_email(conn: &Connection, email: &str) -> Result<Option<AgentId>, DbError> {
    Ok(conn
        .query_row("SELECT id FROM agents WHERE email = ?1", [email], |r| {
            r.get(0).map(AgentId)
        })
        .optional()?)
}

/// Stores an agent's authenticator secret (base32), encrypted.
pub fn set_totp_secret(
    conn: &Connection,
    keys: &crate::crypto::Keys,
    id: AgentId,
    secret: &str,
) -> Result<(), DbError> {
    let cipher = keys.encrypt(&totp_context(id), secret.as_bytes())?;
    conn.execute(
        "UPDATE agents SET totp_secret_cipher = ?1 WHERE id = ?2",
        params![cipher, id.0],
    )?;
    Ok(())
}

/// An agent's authenticator secret (base32), if enrolled.
pub fn totp_secret(
    conn: &Connection,
    keys: &crate::crypto::Keys,
    id: AgentId,
) -> Result<Option<String>, DbError> {
    let cipher: Option<Vec<u8>> = conn
        .query_row(
            "SELECT totp_secret_cipher FROM agents WHERE id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let Some(cipher) = cipher else {
        return Ok(None);
    };
    let clear = keys.decrypt(&totp_context(id), &cipher)?;
    String::from_utf8(clear)
        .map(Some)
        .map_err(|_| DbError::Data("agent TOTP secret is not UTF-8".into()))
}

/// The figures of one queue, for the supervisor.
pub use portail_shared::agent::QueueStat;

/// An agent as the sign-in sees it.
#[derive(Debug, Clone)]
pub struct LoginAgent {
    /// Who.
    pub id: AgentId,
    /// The argon2id hash, once enrolled.
    pub password_hash: Option<String>,
    /// Agent or supervisor.
    pub role: Role,
    /// The last authenticator step used (a code works once).
    pub totp_last_step: Option<i64>,
    /// Disabled agents cannot sign in.
    pub disabled: bool,
}

/// Finds an agent for sign-in by e-mail (case-insensitive).
pub fn find_for_login(conn: &Connection, email: &str) -> Result<Option<LoginAgent>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, password_hash, role, totp_last_step, disabled_at IS NOT NULL
             FROM agents WHERE email = ?1 COLLATE NOCASE",
            [email.trim()],
            |r| {
                Ok(LoginAgent {
                    id: AgentId(r.get(0)?),
                    password_hash: r.get(1)?,
                    role: Role::parse(&r.get::<_, String>(2)?),
                    totp_last_step: r.get(3)?,
                    disabled: r.get(4)?,
                })
            },
        )
        .optional()?)
}

/// An agent by id, for sign-in's second step and the session.
pub fn find(conn: &Connection, id: AgentId) -> Result<Option<LoginAgent>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, password_hash, role, totp_last_step, disabled_at IS NOT NULL
             FROM agents WHERE id = ?1",
            [id.0],
            |r| {
                Ok(LoginAgent {
                    id: AgentId(r.get(0)?),
                    password_hash: r.get(1)?,
                    role: Role::parse(&r.get::<_, String>(2)?),
                    totp_last_step: r.get(3)?,
                    disabled: r.get(4)?,
                })
            },
        )
        .optional()?)
}

/// Remembers the authenticator step just used, so the same code cannot be used again.
pub fn set_totp_step(conn: &Connection, id: AgentId, step: i64) -> Result<(), DbError> {
    conn.execute(
        "UPDATE agents SET totp_last_step = ?1 WHERE id = ?2",
        params![step, id.0],
    )?;
    Ok(())
}

/// E-mail, name and role.
pub fn profile(conn: &Connection, id: AgentId) -> Result<Option<(String, String, Role)>, DbError> {
    Ok(conn
        .query_row(
            "SELECT email, display_name, role FROM agents WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?, Role::parse(&r.get::<_, String>(2)?))),
        )
        .optional()?)
}

/// Creates an agent who has yet to enrol: no password; the enrolment token's hash and expiry.
pub fn insert_enrolling(
    conn: &Connection,
    email: &str,
    display_name: &str,
    role: Role,
    enrolment_hash: &[u8],
    expires: &str,
    now: &str,
) -> Result<AgentId, DbError> {
    let id = conn.query_row(
        "INSERT INTO agents (email, display_name, role, enrolment_hash, enrolment_expires, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
        params![email, display_name, role.as_str(), enrolment_hash, expires, now],
        |r| r.get(0),
    )?;
    Ok(AgentId(id))
}

/// The agent an unexpired enrolment token belongs to.
pub fn find_by_enrolment(
    conn: &Connection,
    hash: &[u8],
    now: &str,
) -> Result<Option<(AgentId, String)>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, email FROM agents
             WHERE enrolment_hash = ?1 AND enrolment_expires > ?2 AND disabled_at IS NULL",
            params![hash, now],
            |r| Ok((AgentId(r.get(0)?), r.get(1)?)),
        )
        .optional()?)
}

/// Ends enrolment: the password is set, the token spent.
pub fn complete_enrolment(
    conn: &Connection,
    id: AgentId,
    password_hash: &str,
    step: i64,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE agents SET password_hash = ?1, totp_last_step = ?2, enrolment_hash = NULL,
             enrolment_expires = NULL
         WHERE id = ?3",
        params![password_hash, step, id.0],
    )?;
    Ok(())
}

fn totp_context(id: AgentId) -> String {
    format!("agents.totp_secret_cipher:{}", id.0)
}
