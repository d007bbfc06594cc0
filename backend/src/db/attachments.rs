//! Files members join to requests and messages (and agents to their answers). The bytes live
//! encrypted in the data folder's `attachments/` directory, outside anything the web server
//! serves; this table holds who owns each file, what it is and where it is.

use portail_shared::requests::Attachment;
use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;
use super::members::MemberId;

/// A stored file's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// As the member sees it.
    pub attachment: Attachment,
    /// The file's name in `attachments/`.
    pub storage_key: String,
}

/// An uploaded file to record.
#[derive(Debug, Clone, Copy)]
pub struct NewFile<'a> {
    /// The cleaned file name.
    pub name: &'a str,
    /// Read from the content.
    pub media_type: &'a str,
    /// Bytes.
    pub size: u64,
    /// SHA-256 of the clear bytes.
    pub sha256: &'a [u8],
    /// The encrypted file's name in `attachments/`.
    pub storage_key: &'a str,
}

/// Records an uploaded file, not yet joined to anything.
pub fn insert(
    conn: &Connection,
    member: MemberId,
    file: &NewFile<'_>,
    now: &str,
) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "INSERT INTO attachments (member_id, file_name, media_type, size_bytes, sha256,
             storage_key, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
        params![
            member.0,
            file.name,
            file.media_type,
            i64::try_from(file.size).unwrap_or(i64::MAX),
            file.sha256,
            file.storage_key,
            now
        ],
        |r| r.get(0),
    )?)
}

/// Whether every id is one of the member's files not yet joined to anything.
pub fn all_free(conn: &Connection, member: MemberId, ids: &[i64]) -> Result<bool, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT COUNT(*) FROM attachments
          WHERE id = ?1 AND member_id = ?2 AND request_id IS NULL AND message_id IS NULL
            AND agent_id IS NULL",
    )?;
    for id in ids {
        let n: i64 = statement.query_row(params![id, member.0], |r| r.get(0))?;
        if n != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Joins the member's own free files to a request; false (nothing changed) when any id is not
/// theirs, already joined, or unknown.
pub fn join_to_request(
    conn: &Connection,
    member: MemberId,
    ids: &[i64],
    request: i64,
) -> Result<bool, DbError> {
    let mut statement = conn.prepare_cached(
        "UPDATE attachments SET request_id = ?1
          WHERE id = ?2 AND member_id = ?3 AND request_id IS NULL AND message_id IS NULL
            AND agent_id IS NULL",
    )?;
    for id in ids {
        if statement.execute(params![request, id, member.0])? != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored> {
    Ok(Stored {
        attachment: Attachment {
            id: r.get(0)?,
            name: r.get(1)?,
            media_type: r.get(2)?,
            size: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
        },
        storage_key: r.get(4)?,
    })
}

/// The files of a request.
pub fn of_request(conn: &Connection, request: i64) -> Result<Vec<Attachment>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT id, file_name, media_type, size_bytes, storage_key FROM attachments
          WHERE request_id = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map([request], read)?;
    Ok(rows
        .map(|r| r.map(|s| s.attachment))
        .collect::<Result<_, _>>()?)
}

/// One of the member's files; `None` for anyone else's (and for a file an agent is still
/// preparing for an answer: it becomes the member's once sent).
pub fn find(conn: &Connection, member: MemberId, id: i64) -> Result<Option<Stored>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, file_name, media_type, size_bytes, storage_key FROM attachments
              WHERE id = ?1 AND member_id = ?2 AND (agent_id IS NULL OR message_id IS NOT NULL)",
            params![id, member.0],
            read,
        )
        .optional()?)
}

/// Takes away the member's files uploaded before `before` and never joined to anything (a form
/// abandoned): their records go, and their storage keys are returned so the files go too.
pub fn take_abandoned(
    conn: &Connection,
    member: MemberId,
    before: &str,
) -> Result<Vec<String>, DbError> {
    let mut statement = conn.prepare_cached(
        "DELETE FROM attachments
          WHERE member_id = ?1 AND request_id IS NULL AND message_id IS NULL
            AND agent_id IS NULL AND created_at < ?2
         RETURNING storage_key",
    )?;
    let keys = statement
        .query_map(params![member.0, before], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(keys)
}
