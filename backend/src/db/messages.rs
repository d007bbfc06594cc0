//! Secure messaging: threads between a member and the fund, their messages (bodies encrypted
//! per message, associated data `messages.body:<id>`; subjects per thread,
//! `message_threads.subject:<id>`), drafts, read receipts, the agents' queues and their figures.
//!
//! Every member-facing read is scoped by the member: another member's thread reads exactly as
//! a missing one. Internal notes are only read by the agents' functions.

use portail_shared::Lang;
use portail_shared::agent::{QueueStat, median};
use portail_shared::messages::{
    NewDraft, Party, QueueFilter, QueueItem, ReplyDraft, ThreadStatus, Topic,
};
use portail_shared::requests::Attachment;
use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;
use super::agents::AgentId;
use super::attachments::{NewFile, Stored as StoredFile};
use super::members::MemberId;
use crate::crypto::Keys;

fn body_context(id: i64) -> String {
    format!("messages.body:{id}")
}

fn subject_context(id: i64) -> String {
    format!("message_threads.subject:{id}")
}

/// A thread as stored, its subject decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredThread {
    /// Its id.
    pub id: i64,
    /// Whose.
    pub member: MemberId,
    /// Its queue.
    pub topic: Topic,
    /// The subject.
    pub subject: String,
    /// Open or closed.
    pub status: ThreadStatus,
    /// The agent it is assigned to, and their name.
    pub assigned: Option<(AgentId, String)>,
    /// Since when the member waits for an answer.
    pub waiting_since: Option<String>,
    /// When it was closed.
    pub closed_at: Option<String>,
    /// Started at.
    pub created_at: String,
    /// Last moved at.
    pub updated_at: String,
}

/// A message as stored, its body decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMessage {
    /// Its id.
    pub id: i64,
    /// Who wrote it.
    pub from: Party,
    /// The member's roll id or the agent's id.
    pub author_id: i64,
    /// The agent's name (agents' messages).
    pub agent_name: Option<String>,
    /// An agents' note.
    pub internal: bool,
    /// The text.
    pub body: String,
    /// Sent at.
    pub at: String,
    /// When the other side opened it.
    pub read_at: Option<String>,
}

const THREAD_COLUMNS: &str = "t.id, t.member_id, t.topic, t.subject, t.subject_cipher, t.status,
    t.assigned_agent_id, a.display_name, t.waiting_since, t.closed_at, t.created_at, t.updated_at";

fn read_thread(r: &rusqlite::Row<'_>, keys: &Keys) -> Result<StoredThread, DbError> {
    let id: i64 = r.get(0)?;
    let topic: String = r.get(2)?;
    let clear: String = r.get(3)?;
    let cipher: Option<Vec<u8>> = r.get(4)?;
    let status: String = r.get(5)?;
    let subject = match cipher {
        Some(cipher) => String::from_utf8(keys.decrypt(&subject_context(id), &cipher)?)
            .map_err(|_| DbError::Data("thread subject is not UTF-8".to_owned()))?,
        None => clear,
    };
    let assigned = match (r.get::<_, Option<i64>>(6)?, r.get::<_, Option<String>>(7)?) {
        (Some(agent), Some(name)) => Some((AgentId(agent), name)),
        _ => None,
    };
    Ok(StoredThread {
        id,
        member: MemberId(r.get(1)?),
        topic: Topic::parse(&topic)
            .ok_or_else(|| DbError::Data(format!("thread topic {topic}")))?,
        subject,
        status: ThreadStatus::parse(&status)
            .ok_or_else(|| DbError::Data(format!("thread status {status}")))?,
        assigned,
        waiting_since: r.get(8)?,
        closed_at: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

fn encrypt_text(keys: &Keys, context: &str, text: &str) -> Result<Vec<u8>, DbError> {
    Ok(keys.encrypt(context, text.as_bytes())?)
}

fn decrypt_text(keys: &Keys, context: &str, cipher: &[u8]) -> Result<String, DbError> {
    String::from_utf8(keys.decrypt(context, cipher)?)
        .map_err(|_| DbError::Data("message body is not UTF-8".to_owned()))
}

/// Starts a thread for `member` (its first message is added with [`add_message`]).
pub fn create_thread(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    topic: Topic,
    subject: &str,
    now: &str,
) -> Result<i64, DbError> {
    let id: i64 = conn.query_row(
        "INSERT INTO message_threads (member_id, topic, subject, status, created_at, updated_at)
         VALUES (?1, ?2, '', 'open', ?3, ?3) RETURNING id",
        params![member.0, topic.code(), now],
        |r| r.get(0),
    )?;
    set_subject(conn, keys, id, subject)?;
    Ok(id)
}

fn set_subject(conn: &Connection, keys: &Keys, thread: i64, subject: &str) -> Result<(), DbError> {
    let cipher = encrypt_text(keys, &subject_context(thread), subject)?;
    conn.execute(
        "UPDATE message_threads SET subject_cipher = ?1 WHERE id = ?2",
        params![cipher, thread],
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn insert_message(
    conn: &Connection,
    keys: &Keys,
    thread: i64,
    from: Party,
    author_id: i64,
    body: &str,
    internal: bool,
    draft: bool,
    now: &str,
) -> Result<i64, DbError> {
    let id: i64 = conn.query_row(
        "INSERT INTO messages (thread_id, author_kind, author_id, body_cipher, internal, draft,
             created_at)
         VALUES (?1, ?2, ?3, x'', ?4, ?5, ?6) RETURNING id",
        params![thread, from.code(), author_id, internal, draft, now],
        |r| r.get(0),
    )?;
    let cipher = encrypt_text(keys, &body_context(id), body)?;
    conn.execute(
        "UPDATE messages SET body_cipher = ?1 WHERE id = ?2",
        params![cipher, id],
    )?;
    Ok(id)
}

/// Adds a sent message (or an internal note) to a thread and returns its id. A member's
/// message starts the wait for an answer (if not already waiting); an agent's answer ends it.
/// The author's draft in the thread, if any, is removed. Internal notes move nothing.
#[allow(clippy::too_many_arguments)]
pub fn add_message(
    conn: &Connection,
    keys: &Keys,
    thread: i64,
    from: Party,
    author_id: i64,
    body: &str,
    internal: bool,
    now: &str,
) -> Result<i64, DbError> {
    if !internal {
        conn.execute(
            "DELETE FROM messages
              WHERE thread_id = ?1 AND author_kind = ?2 AND author_id = ?3 AND draft = 1",
            params![thread, from.code(), author_id],
        )?;
    }
    let id = insert_message(
        conn, keys, thread, from, author_id, body, internal, false, now,
    )?;
    match (from, internal) {
        (_, true) => {}
        (Party::Member, false) => {
            conn.execute(
                "UPDATE message_threads
                    SET waiting_since = COALESCE(waiting_since, ?1), updated_at = ?1
                  WHERE id = ?2",
                params![now, thread],
            )?;
        }
        (Party::Agent, false) => {
            conn.execute(
                "UPDATE message_threads SET waiting_since = NULL, updated_at = ?1 WHERE id = ?2",
                params![now, thread],
            )?;
        }
    }
    Ok(id)
}

/// One of the member's threads; `None` for another member's, exactly as for a missing one.
pub fn member_thread(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    id: i64,
) -> Result<Option<StoredThread>, DbError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {THREAD_COLUMNS} FROM message_threads t
           LEFT JOIN agents a ON a.id = t.assigned_agent_id
          WHERE t.id = ?1 AND t.member_id = ?2 AND t.draft = 0"
    ))?;
    let mut rows = statement.query(params![id, member.0])?;
    rows.next()?.map(|r| read_thread(r, keys)).transpose()
}

/// Any thread that was sent (for agents).
pub fn thread(conn: &Connection, keys: &Keys, id: i64) -> Result<Option<StoredThread>, DbError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {THREAD_COLUMNS} FROM message_threads t
           LEFT JOIN agents a ON a.id = t.assigned_agent_id
          WHERE t.id = ?1 AND t.draft = 0"
    ))?;
    let mut rows = statement.query([id])?;
    rows.next()?.map(|r| read_thread(r, keys)).transpose()
}

/// What the member's list shows of a thread besides the thread itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadFacts {
    /// The fund's messages not opened yet.
    pub unread: u32,
    /// Who wrote last, and when.
    pub last: Option<(Party, String)>,
    /// When the fund last answered.
    pub answered_at: Option<String>,
    /// Whether the member keeps an answer being written.
    pub has_draft: bool,
}

/// The facts of one thread as the member sees them (internal notes and drafts left out).
pub fn facts(conn: &Connection, thread: i64) -> Result<ThreadFacts, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT
            (SELECT COUNT(*) FROM messages m WHERE m.thread_id = ?1 AND m.author_kind = 'agent'
               AND m.internal = 0 AND m.draft = 0 AND m.read_at IS NULL),
            (SELECT m.author_kind FROM messages m WHERE m.thread_id = ?1 AND m.internal = 0
               AND m.draft = 0 ORDER BY m.created_at DESC, m.id DESC LIMIT 1),
            (SELECT m.created_at FROM messages m WHERE m.thread_id = ?1 AND m.internal = 0
               AND m.draft = 0 ORDER BY m.created_at DESC, m.id DESC LIMIT 1),
            (SELECT MAX(m.created_at) FROM messages m WHERE m.thread_id = ?1
               AND m.author_kind = 'agent' AND m.internal = 0 AND m.draft = 0),
            EXISTS (SELECT 1 FROM messages m WHERE m.thread_id = ?1 AND m.author_kind = 'member'
               AND m.draft = 1)",
    )?;
    Ok(statement.query_row([thread], |r| {
        let unread: i64 = r.get(0)?;
        let kind: Option<String> = r.get(1)?;
        let at: Option<String> = r.get(2)?;
        Ok(ThreadFacts {
            unread: u32::try_from(unread).unwrap_or(u32::MAX),
            last: kind.as_deref().and_then(Party::parse).zip(at),
            answered_at: r.get(3)?,
            has_draft: r.get(4)?,
        })
    })?)
}

/// The member's threads, the most recently moved first.
pub fn member_threads(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
) -> Result<Vec<(StoredThread, ThreadFacts)>, DbError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {THREAD_COLUMNS} FROM message_threads t
           LEFT JOIN agents a ON a.id = t.assigned_agent_id
          WHERE t.member_id = ?1 AND t.draft = 0
          ORDER BY t.updated_at DESC, t.id DESC"
    ))?;
    let mut rows = statement.query([member.0])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let thread = read_thread(r, keys)?;
        let facts = facts(conn, thread.id)?;
        out.push((thread, facts));
    }
    Ok(out)
}

/// The messages of a thread, oldest first: with the agents' internal notes only when
/// `with_notes`; never drafts.
pub fn messages(
    conn: &Connection,
    keys: &Keys,
    thread: i64,
    with_notes: bool,
) -> Result<Vec<StoredMessage>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT m.id, m.author_kind, m.author_id, a.display_name, m.internal, m.body_cipher,
                m.created_at, m.read_at
           FROM messages m
           LEFT JOIN agents a ON m.author_kind = 'agent' AND a.id = m.author_id
          WHERE m.thread_id = ?1 AND m.draft = 0 AND (?2 OR m.internal = 0)
          ORDER BY m.created_at, m.id",
    )?;
    let mut rows = statement.query(params![thread, with_notes])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let kind: String = r.get(1)?;
        let cipher: Vec<u8> = r.get(5)?;
        out.push(StoredMessage {
            id,
            from: Party::parse(&kind)
                .ok_or_else(|| DbError::Data(format!("message author {kind}")))?,
            author_id: r.get(2)?,
            agent_name: r.get(3)?,
            internal: r.get(4)?,
            body: decrypt_text(keys, &body_context(id), &cipher)?,
            at: r.get(6)?,
            read_at: r.get(7)?,
        });
    }
    Ok(out)
}

/// Marks as read, at `now`, the messages of a thread written by the other side of `reader`
/// (never internal notes); returns how many.
pub fn mark_read(
    conn: &Connection,
    thread: i64,
    reader: Party,
    now: &str,
) -> Result<usize, DbError> {
    let other = match reader {
        Party::Member => Party::Agent,
        Party::Agent => Party::Member,
    };
    Ok(conn.execute(
        "UPDATE messages SET read_at = ?1
          WHERE thread_id = ?2 AND author_kind = ?3 AND internal = 0 AND draft = 0
            AND read_at IS NULL",
        params![now, thread, other.code()],
    )?)
}

/// How many of the fund's messages the member has not opened, over all their threads.
pub fn unread_for_member(conn: &Connection, member: MemberId) -> Result<u32, DbError> {
    let count: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM messages m JOIN message_threads t ON t.id = m.thread_id
              WHERE t.member_id = ?1 AND t.draft = 0 AND m.author_kind = 'agent'
                AND m.internal = 0 AND m.draft = 0 AND m.read_at IS NULL",
        )?
        .query_row([member.0], |r| r.get(0))?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Closes a thread: nobody waits any more.
pub fn close(conn: &Connection, thread: i64, by: Party, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE message_threads
            SET status = 'closed', closed_at = ?1, closed_by = ?2, waiting_since = NULL,
                updated_at = ?1
          WHERE id = ?3",
        params![now, by.code(), thread],
    )?;
    Ok(())
}

/// Reopens a closed thread.
pub fn reopen(conn: &Connection, thread: i64, now: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE message_threads
            SET status = 'open', closed_at = NULL, closed_by = NULL, updated_at = ?1
          WHERE id = ?2",
        params![now, thread],
    )?;
    Ok(())
}

/// Assigns a thread to an agent.
pub fn assign(conn: &Connection, thread: i64, agent: AgentId) -> Result<(), DbError> {
    conn.execute(
        "UPDATE message_threads SET assigned_agent_id = ?1 WHERE id = ?2",
        params![agent.0, thread],
    )?;
    Ok(())
}

// ----- Drafts -----

fn new_draft_thread(conn: &Connection, member: MemberId) -> Result<Option<i64>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id FROM message_threads WHERE member_id = ?1 AND draft = 1
              ORDER BY id DESC LIMIT 1",
            [member.0],
            |r| r.get(0),
        )
        .optional()?)
}

fn draft_message(
    conn: &Connection,
    thread: i64,
    from: Party,
    author_id: i64,
) -> Result<Option<(i64, Vec<u8>, String)>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, body_cipher, created_at FROM messages
              WHERE thread_id = ?1 AND author_kind = ?2 AND author_id = ?3 AND draft = 1",
            params![thread, from.code(), author_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

fn save_draft_message(
    conn: &Connection,
    keys: &Keys,
    thread: i64,
    from: Party,
    author_id: i64,
    body: &str,
    now: &str,
) -> Result<(), DbError> {
    match draft_message(conn, thread, from, author_id)? {
        Some((id, _, _)) => {
            let cipher = encrypt_text(keys, &body_context(id), body)?;
            conn.execute(
                "UPDATE messages SET body_cipher = ?1, created_at = ?2 WHERE id = ?3",
                params![cipher, now, id],
            )?;
        }
        None => {
            insert_message(conn, keys, thread, from, author_id, body, false, true, now)?;
        }
    }
    Ok(())
}

/// The member's new message being written, if one is kept.
pub fn new_draft(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
) -> Result<Option<NewDraft>, DbError> {
    let Some(thread) = new_draft_thread(conn, member)? else {
        return Ok(None);
    };
    let (topic, cipher): (String, Option<Vec<u8>>) = conn.query_row(
        "SELECT topic, subject_cipher FROM message_threads WHERE id = ?1",
        [thread],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let subject = match cipher {
        Some(c) => decrypt_text(keys, &subject_context(thread), &c)?,
        None => String::new(),
    };
    let (body, saved_at) = match draft_message(conn, thread, Party::Member, member.0)? {
        Some((id, cipher, at)) => (decrypt_text(keys, &body_context(id), &cipher)?, Some(at)),
        None => (String::new(), None),
    };
    Ok(Some(NewDraft {
        topic: Topic::parse(&topic),
        subject,
        body,
        saved_at,
    }))
}

/// Keeps the member's new message being written (one per member); an empty one is removed.
pub fn save_new_draft(
    conn: &Connection,
    keys: &Keys,
    member: MemberId,
    draft: &NewDraft,
    now: &str,
) -> Result<(), DbError> {
    let empty =
        draft.topic.is_none() && draft.subject.trim().is_empty() && draft.body.trim().is_empty();
    if empty {
        return delete_new_draft(conn, member);
    }
    let topic = draft.topic.map_or("", Topic::code);
    let thread = match new_draft_thread(conn, member)? {
        Some(id) => {
            conn.execute(
                "UPDATE message_threads SET topic = ?1, updated_at = ?2 WHERE id = ?3",
                params![topic, now, id],
            )?;
            id
        }
        None => conn.query_row(
            "INSERT INTO message_threads (member_id, topic, subject, status, draft, created_at,
                 updated_at)
             VALUES (?1, ?2, '', 'open', 1, ?3, ?3) RETURNING id",
            params![member.0, topic, now],
            |r| r.get(0),
        )?,
    };
    set_subject(conn, keys, thread, &draft.subject)?;
    save_draft_message(
        conn,
        keys,
        thread,
        Party::Member,
        member.0,
        &draft.body,
        now,
    )
}

/// Forgets the member's new message being written (sent, or emptied).
pub fn delete_new_draft(conn: &Connection, member: MemberId) -> Result<(), DbError> {
    conn.execute(
        "DELETE FROM message_threads WHERE member_id = ?1 AND draft = 1",
        [member.0],
    )?;
    Ok(())
}

/// The member's answer being written in a thread, if one is kept.
pub fn reply_draft(
    conn: &Connection,
    keys: &Keys,
    thread: i64,
    member: MemberId,
) -> Result<Option<ReplyDraft>, DbError> {
    draft_message(conn, thread, Party::Member, member.0)?
        .map(|(id, cipher, at)| {
            Ok(ReplyDraft {
                body: decrypt_text(keys, &body_context(id), &cipher)?,
                saved_at: Some(at),
            })
        })
        .transpose()
}

/// Keeps the member's answer being written in a thread; an empty one is removed.
pub fn save_reply_draft(
    conn: &Connection,
    keys: &Keys,
    thread: i64,
    member: MemberId,
    body: &str,
    now: &str,
) -> Result<(), DbError> {
    if body.trim().is_empty() {
        conn.execute(
            "DELETE FROM messages
              WHERE thread_id = ?1 AND author_kind = 'member' AND author_id = ?2 AND draft = 1",
            params![thread, member.0],
        )?;
        return Ok(());
    }
    save_draft_message(conn, keys, thread, Party::Member, member.0, body, now)
}

// ----- Files -----

/// The files of a message.
pub fn files_of(conn: &Connection, message: i64) -> Result<Vec<Attachment>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT id, file_name, media_type, size_bytes FROM attachments
          WHERE message_id = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map([message], |r| {
        Ok(Attachment {
            id: r.get(0)?,
            name: r.get(1)?,
            media_type: r.get(2)?,
            size: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether every id is a file not yet joined to anything, uploaded by the member (`agent`
/// `None`) or by that agent for this member.
pub fn files_free(
    conn: &Connection,
    member: MemberId,
    agent: Option<AgentId>,
    ids: &[i64],
) -> Result<bool, DbError> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != ids.len() {
        return Ok(false);
    }
    let mut statement = conn.prepare_cached(
        "SELECT COUNT(*) FROM attachments
          WHERE id = ?1 AND member_id = ?2 AND request_id IS NULL AND message_id IS NULL
            AND agent_id IS ?3",
    )?;
    for id in ids {
        let n: i64 =
            statement.query_row(params![id, member.0, agent.map(|a| a.0)], |r| r.get(0))?;
        if n != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Joins free files (see [`files_free`]) to a message; false (the caller rolls back) when any
/// id is not free.
pub fn join_files(
    conn: &Connection,
    member: MemberId,
    agent: Option<AgentId>,
    ids: &[i64],
    message: i64,
) -> Result<bool, DbError> {
    let mut statement = conn.prepare_cached(
        "UPDATE attachments SET message_id = ?1
          WHERE id = ?2 AND member_id = ?3 AND request_id IS NULL AND message_id IS NULL
            AND agent_id IS ?4",
    )?;
    for id in ids {
        if statement.execute(params![message, id, member.0, agent.map(|a| a.0)])? != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Records a file an agent uploaded for an answer in a member's thread (not joined yet).
pub fn insert_agent_file(
    conn: &Connection,
    member: MemberId,
    agent: AgentId,
    file: &NewFile<'_>,
    now: &str,
) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "INSERT INTO attachments (member_id, agent_id, file_name, media_type, size_bytes, sha256,
             storage_key, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
        params![
            member.0,
            agent.0,
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

/// Takes away an agent's uploads made before `before` and never sent: their records go, their
/// storage keys are returned so the files go too.
pub fn take_abandoned_agent_files(
    conn: &Connection,
    agent: AgentId,
    before: &str,
) -> Result<Vec<String>, DbError> {
    let mut statement = conn.prepare_cached(
        "DELETE FROM attachments
          WHERE agent_id = ?1 AND request_id IS NULL AND message_id IS NULL AND created_at < ?2
         RETURNING storage_key",
    )?;
    let keys = statement
        .query_map(params![agent.0, before], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(keys)
}

/// A file joined to a message of this thread (for agents), or one the agent uploaded for it
/// and has not sent yet.
pub fn thread_file(
    conn: &Connection,
    thread: i64,
    agent: AgentId,
    file: i64,
) -> Result<Option<StoredFile>, DbError> {
    Ok(conn
        .query_row(
            "SELECT f.id, f.file_name, f.media_type, f.size_bytes, f.storage_key
               FROM attachments f JOIN message_threads t ON t.member_id = f.member_id
              WHERE f.id = ?1 AND t.id = ?2
                AND (f.message_id IN (SELECT id FROM messages WHERE thread_id = ?2)
                     OR (f.message_id IS NULL AND f.request_id IS NULL AND f.agent_id = ?3))",
            params![file, thread, agent.0],
            |r| {
                Ok(StoredFile {
                    attachment: Attachment {
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

// ----- Notices, queues, figures -----

/// Where the "new message" notice goes: the member's active account, as (e-mail, language).
pub fn notice_recipient(
    conn: &Connection,
    member: MemberId,
) -> Result<Option<(String, Lang)>, DbError> {
    Ok(conn
        .query_row(
            "SELECT email, language FROM accounts WHERE member_id = ?1 AND status = 'active'",
            [member.0],
            |r| {
                let lang: String = r.get(1)?;
                Ok((r.get(0)?, Lang::from_tag(&lang)))
            },
        )
        .optional()?)
}

/// Most threads a queue lists at once.
pub const QUEUE_LIMIT: u32 = 500;

/// The open threads a filter keeps, for `agent`: those waiting for an answer first, the
/// longest waiting first, then the others, the least recently moved first.
pub fn queue(
    conn: &Connection,
    keys: &Keys,
    filter: &QueueFilter,
    agent: AgentId,
) -> Result<Vec<QueueItem>, DbError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {THREAD_COLUMNS} FROM message_threads t
           LEFT JOIN agents a ON a.id = t.assigned_agent_id
          WHERE t.status = 'open' AND t.draft = 0
            AND (?1 IS NULL OR t.topic = ?1)
            AND (?2 = 'all' OR (?2 = 'mine' AND t.assigned_agent_id = ?3)
                 OR (?2 = 'unassigned' AND t.assigned_agent_id IS NULL))
            AND (?4 = 0 OR t.waiting_since IS NOT NULL)
          ORDER BY t.waiting_since IS NULL, COALESCE(t.waiting_since, t.updated_at), t.id
          LIMIT ?5"
    ))?;
    let mut rows = statement.query(params![
        filter.topic.map(Topic::code),
        filter.assigned.code(),
        agent.0,
        filter.waiting,
        QUEUE_LIMIT
    ])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let t = read_thread(r, keys)?;
        out.push(QueueItem {
            id: t.id,
            topic: t.topic,
            subject: t.subject,
            member_name: super::members::full_name(conn, t.member)?.unwrap_or_default(),
            assigned_to_me: t.assigned.as_ref().is_some_and(|(id, _)| *id == agent),
            assigned_to: t.assigned.map(|(_, name)| name),
            waiting_since: t.waiting_since,
            created_at: t.created_at,
            updated_at: t.updated_at,
        });
    }
    Ok(out)
}

/// The figures of each topic's queue for the supervisor: open threads, the median time to the
/// fund's first answer over threads started in the 90 days before `now`, and since when the
/// longest-waiting member waits.
pub fn queue_stats(conn: &Connection, now: &str) -> Result<Vec<QueueStat>, DbError> {
    let since = crate::clock::format(crate::clock::parse(now) - time::Duration::days(90));
    let mut out = Vec::new();
    let mut counts = conn.prepare_cached(
        "SELECT COUNT(*), MIN(waiting_since) FROM message_threads
          WHERE status = 'open' AND draft = 0 AND topic = ?1",
    )?;
    let mut answers = conn.prepare_cached(
        "SELECT
            (SELECT MIN(m.created_at) FROM messages m WHERE m.thread_id = t.id
               AND m.author_kind = 'member' AND m.draft = 0),
            (SELECT MIN(m.created_at) FROM messages m WHERE m.thread_id = t.id
               AND m.author_kind = 'agent' AND m.internal = 0 AND m.draft = 0)
           FROM message_threads t
          WHERE t.draft = 0 AND t.topic = ?1 AND t.created_at >= ?2",
    )?;
    for topic in Topic::ALL {
        let (open, oldest_at): (i64, Option<String>) =
            counts.query_row([topic.code()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let rows = answers.query_map(params![topic.code(), since], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<String>>(1)?,
            ))
        })?;
        let mut hours = Vec::new();
        for row in rows {
            if let (Some(asked), Some(answered)) = row? {
                let gap = crate::clock::parse(&answered) - crate::clock::parse(&asked);
                hours.push(gap.whole_seconds() as f64 / 3600.0);
            }
        }
        out.push(QueueStat {
            area: "messages".to_owned(),
            queue: topic.code().to_owned(),
            open,
            median_response_hours: median(hours),
            oldest_at,
        });
    }
    Ok(out)
}
