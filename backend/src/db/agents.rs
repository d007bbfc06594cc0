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
) -> Result<AgentId, DbError> {
    let id = conn.query_row(
        "INSERT INTO agents (email, display_name, role, password_hash, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        params![
            email,
            display_name,
            role.as_str(),
            password_hash,
            super::now()
        ],
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

fn totp_context(id: AgentId) -> String {
    format!("agents.totp_secret_cipher:{}", id.0)
}
