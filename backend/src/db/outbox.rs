//! Outgoing e-mail, kept in the database: written in the same transaction as what caused it,
//! sent by the mailer, readable in the demo's outbox page.

use super::DbError;
use portail_shared::outbox::OutboxEmail;
use rusqlite::{Connection, params};

/// Queues an e-mail.
pub fn push(
    conn: &Connection,
    recipient: &str,
    subject: &str,
    body: &str,
    now: &str,
) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "INSERT INTO outbox_emails (recipient, subject, body_text, created_at)
         VALUES (?1, ?2, ?3, ?4) RETURNING id",
        params![recipient, subject, body, now],
        |r| r.get(0),
    )?)
}

/// The most recent e-mails, newest first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<OutboxEmail>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, recipient, subject, body_text, created_at, sent_at FROM outbox_emails
         ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(OutboxEmail {
            id: r.get(0)?,
            recipient: r.get(1)?,
            subject: r.get(2)?,
            body: r.get(3)?,
            created_at: r.get(4)?,
            sent_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
