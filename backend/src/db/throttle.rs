//! Failed-login counters, keyed by NIR blind index or client IP.

use super::DbError;
use rusqlite::{Connection, OptionalExtension, params};

/// The state of one counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Throttle {
    /// Failures in the current window.
    pub failures: u32,
    /// When the window started (ISO-8601).
    pub window_start: String,
    /// Until when attempts are refused (ISO-8601), if they are.
    pub blocked_until: Option<String>,
}

/// Reads a counter.
pub fn get(conn: &Connection, key: &str) -> Result<Option<Throttle>, DbError> {
    Ok(conn
        .query_row(
            "SELECT failures, window_start, blocked_until FROM login_throttle WHERE key = ?1",
            [key],
            |r| {
                Ok(Throttle {
                    failures: r.get(0)?,
                    window_start: r.get(1)?,
                    blocked_until: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Writes a counter.
pub fn put(conn: &Connection, key: &str, t: &Throttle) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO login_throttle (key, failures, window_start, blocked_until)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
             window_start = excluded.window_start, blocked_until = excluded.blocked_until",
        params![key, t.failures, t.window_start, t.blocked_until],
    )?;
    Ok(())
}

/// Forgets a counter (after a successful login, or an agent's unlock).
pub fn clear(conn: &Connection, key: &str) -> Result<(), DbError> {
    conn.execute("DELETE FROM login_throttle WHERE key = ?1", [key])?;
    Ok(())
}
