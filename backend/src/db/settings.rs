//! Deployment facts kept in the database: which mode created it, the fund's name.

use super::DbError;
use rusqlite::{Connection, OptionalExtension, params};

/// Reads one setting.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>, DbError> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Writes one setting.
pub fn set(conn: &Connection, key: &str, value: &str) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Marks a new database with the mode that created it, or checks that an existing one was
/// created in the same mode: demo personas must never appear in a production database, and a
/// production database must never be reset by a demo run.
pub fn claim_mode(conn: &Connection, mode: &str) -> Result<(), DbError> {
    match get(conn, "mode")? {
        None => set(conn, "mode", mode),
        Some(existing) if existing == mode => Ok(()),
        Some(existing) => Err(DbError::WrongMode(format!(
            "this data folder holds a {existing} database; use another --data-dir for {mode} mode"
        ))),
    }
}
