//! Outgoing e-mail, kept in the database: written in the same transaction as what caused it,
//! sent by the mailer, readable in the demo's outbox page.

use super::DbError;
use portail_shared::outbox::{Channel, OutboxMessage};
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
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<OutboxMessage>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, recipient, subject, body_text, created_at, sent_at FROM outbox_emails
         ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(OutboxMessage {
            id: r.get(0)?,
            recipient: r.get(1)?,
            subject: r.get(2)?,
            body: r.get(3)?,
            created_at: r.get(4)?,
            sent_at: r.get(5)?,
            channel: Channel::Email,
            pdf_url: None,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// An e-mail waiting for the SMTP server.
#[derive(Debug, Clone)]
pub struct Pending {
    /// Row id.
    pub id: i64,
    /// Recipient.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// E-mails not sent yet, oldest first, skipping those that failed too often.
pub fn pending(conn: &Connection, limit: u32, max_attempts: u32) -> Result<Vec<Pending>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, recipient, subject, body_text FROM outbox_emails
         WHERE sent_at IS NULL AND attempts < ?1 ORDER BY id LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![max_attempts, limit], |r| {
        Ok(Pending {
            id: r.get(0)?,
            recipient: r.get(1)?,
            subject: r.get(2)?,
            body: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records a successful hand-over to the SMTP server.
pub fn mark_sent(conn: &Connection, id: i64, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE outbox_emails SET sent_at = ?1, attempts = attempts + 1, last_error = NULL WHERE id = ?2",
        params![now, id],
    )?;
    Ok(())
}

/// Records a failed attempt (the error text never holds the body).
pub fn mark_failed(conn: &Connection, id: i64, error: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE outbox_emails SET attempts = attempts + 1, last_error = ?1 WHERE id = ?2",
        params![error, id],
    )?;
    Ok(())
}
