//! Secure messaging, the agents' side (`/api/agent/messages`): the queues of open threads by
//! topic and age, a thread with its internal notes, assigning it to oneself, answering (with
//! files; the member gets an e-mail that says nothing of the answer), internal notes, closing.
//!
//! Every action is recorded in the audit trail in the transaction that does it: who, what,
//! whose thread, and why (answering the member's message).

use axum::extract::rejection::QueryRejection;
use axum::{
    Json,
    body::Body,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use portail_shared::agent::ReasonKind;
use portail_shared::api::ApiError;
use portail_shared::messages::{
    self, AgentMessage, AgentReply, AgentThread, Note, Party, QueueFilter, QueueItem, ThreadStatus,
};
use portail_shared::requests::Attachment;
use rusqlite::Connection;

use super::{closed, files_refused, refused};
use crate::agent::Agent;
use crate::attachments::{ABANDONED_HOURS, Received, Upload, forget, receive, send_file};
use crate::crypto::Keys;
use crate::db::{
    self, DbError,
    agents::AgentId,
    audit::{self, Actor},
    messages::StoredThread,
};
use crate::error::{JsonBody, RequestLang};
use crate::{AppError, clock, http::AppState};

/// Records an agent's action on a thread, in the caller's transaction.
fn record(
    c: &Connection,
    agent: AgentId,
    action: &str,
    t: &StoredThread,
    details: &str,
    at: &str,
) -> Result<(), DbError> {
    audit::record(
        c,
        &audit::Entry {
            actor: Actor::Agent(agent),
            action,
            member: Some(t.member),
            at,
            reason: ReasonKind::Message.as_str(),
            details: &format!("thread {}{details}", t.id),
        },
    )
}

/// The thread as agents see it, notes included.
fn view(
    c: &Connection,
    keys: &Keys,
    t: &StoredThread,
    agent: AgentId,
) -> Result<AgentThread, DbError> {
    let member_name = db::members::full_name(c, t.member)?.unwrap_or_default();
    let messages = db::messages::messages(c, keys, t.id, true)?
        .into_iter()
        .map(|m| {
            Ok(AgentMessage {
                id: m.id,
                from: m.from,
                author: match m.from {
                    Party::Member => member_name.clone(),
                    Party::Agent => m.agent_name.clone().unwrap_or_default(),
                },
                internal: m.internal,
                attachments: db::messages::files_of(c, m.id)?,
                body: m.body,
                at: m.at,
                read_at: m.read_at,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(AgentThread {
        id: t.id,
        topic: t.topic,
        subject: t.subject.clone(),
        status: t.status,
        member_name,
        assigned_to_me: t.assigned.as_ref().is_some_and(|(id, _)| *id == agent),
        assigned_to: t.assigned.as_ref().map(|(_, name)| name.clone()),
        waiting_since: t.waiting_since.clone(),
        messages,
    })
}

fn reload(c: &Connection, keys: &Keys, id: i64) -> Result<StoredThread, DbError> {
    db::messages::thread(c, keys, id)?.ok_or_else(|| DbError::Data("thread just read".to_owned()))
}

/// The open threads a filter keeps: those waiting for an answer first, the longest waiting
/// first; then the others.
#[utoipa::path(get, path = "/api/agent/messages", tag = "agent",
    params(QueueFilter),
    responses(
        (status = 200, description = "The queue, oldest first", body = [QueueItem]),
        (status = 400, description = "Unreadable filter", body = ApiError),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
    ))]
pub async fn queue(
    State(state): State<AppState>,
    agent: Agent,
    filter: Result<Query<QueueFilter>, QueryRejection>,
) -> Result<Json<Vec<QueueItem>>, AppError> {
    let Query(filter) = filter.map_err(|_| AppError::BadRequest)?;
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let items = state
        .db
        .transaction(move |tx| {
            let items = db::messages::queue(tx, &keys, &filter, agent.id)?;
            audit::record(
                tx,
                &audit::Entry {
                    actor: Actor::Agent(agent.id),
                    action: "message.queue",
                    member: None,
                    at: &now,
                    reason: ReasonKind::Message.as_str(),
                    details: &filter.to_query(),
                },
            )?;
            Ok(items)
        })
        .await?;
    Ok(Json(items))
}

/// One thread with its notes; opening it marks the member's messages read (they see it).
#[utoipa::path(get, path = "/api/agent/messages/{id}", tag = "agent",
    params(("id" = i64, Path, description = "The thread")),
    responses(
        (status = 200, description = "The thread", body = AgentThread),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such thread", body = ApiError),
    ))]
pub async fn thread(
    State(state): State<AppState>,
    agent: Agent,
    Path(id): Path<i64>,
) -> Result<Json<AgentThread>, AppError> {
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let thread = state
        .db
        .transaction(move |tx| {
            let Some(t) = db::messages::thread(tx, &keys, id)? else {
                return Ok(None);
            };
            let read = db::messages::mark_read(tx, id, Party::Agent, &now)?;
            record(
                tx,
                agent.id,
                "message.open",
                &t,
                &format!(", {read} read"),
                &now,
            )?;
            Ok(Some(view(tx, &keys, &t, agent.id)?))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(thread))
}

/// Assigns a thread to the agent asking (taking it from a colleague if need be).
#[utoipa::path(post, path = "/api/agent/messages/{id}/assign", tag = "agent",
    params(("id" = i64, Path, description = "The thread")),
    responses(
        (status = 200, description = "Assigned", body = AgentThread),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such thread", body = ApiError),
    ))]
pub async fn assign(
    State(state): State<AppState>,
    agent: Agent,
    Path(id): Path<i64>,
) -> Result<Json<AgentThread>, AppError> {
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let thread = state
        .db
        .transaction(move |tx| {
            let Some(t) = db::messages::thread(tx, &keys, id)? else {
                return Ok(None);
            };
            db::messages::assign(tx, id, agent.id)?;
            record(tx, agent.id, "message.assign", &t, "", &now)?;
            Ok(Some(view(tx, &keys, &reload(tx, &keys, id)?, agent.id)?))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(thread))
}

/// Answers the member in an open thread, with files uploaded first. The member gets an e-mail
/// that only says a message is waiting. An unassigned thread becomes the agent's.
#[utoipa::path(post, path = "/api/agent/messages/{id}/reply", tag = "agent",
    params(("id" = i64, Path, description = "The thread")),
    request_body = AgentReply,
    responses(
        (status = 201, description = "Sent", body = AgentThread),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such thread", body = ApiError),
        (status = 422, description = "Answer or files refused (`fields`), or the thread is closed (`thread_closed`)", body = ApiError),
    ))]
pub async fn reply(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Path(id): Path<i64>,
    JsonBody(reply): JsonBody<AgentReply>,
) -> Result<(StatusCode, Json<AgentThread>), AppError> {
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let link = format!(
        "{}/messagerie",
        state.config.public_origin.trim_end_matches('/')
    );
    let thread = state
        .db
        .transaction(move |tx| {
            let Some(t) = db::messages::thread(tx, &keys, id)? else {
                return Ok(Err(AppError::NotFound));
            };
            let problems = messages::check_reply(&reply.body, reply.attachments.len());
            if !problems.is_empty() {
                return Ok(Err(refused(&problems, lang)));
            }
            if t.status == ThreadStatus::Closed {
                return Ok(Err(closed(lang)));
            }
            if !db::messages::files_free(tx, t.member, Some(agent.id), &reply.attachments)? {
                return Ok(Err(files_refused(lang)));
            }
            let sent = db::messages::add_message(
                tx,
                &keys,
                id,
                Party::Agent,
                agent.id.0,
                reply.body.trim(),
                false,
                &now,
            )?;
            if !db::messages::join_files(tx, t.member, Some(agent.id), &reply.attachments, sent)? {
                return Err(DbError::Data(
                    "attachments changed while sending".to_owned(),
                ));
            }
            if t.assigned.is_none() {
                db::messages::assign(tx, id, agent.id)?;
            }
            if let Some((to, member_lang)) = db::messages::notice_recipient(tx, t.member)? {
                crate::mail::new_message(tx, &to, member_lang, &link, &now)?;
            }
            record(
                tx,
                agent.id,
                "message.reply",
                &t,
                &format!(", {} file(s)", reply.attachments.len()),
                &now,
            )?;
            Ok(Ok(view(tx, &keys, &reload(tx, &keys, id)?, agent.id)?))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(thread)))
}

/// Adds an internal note: for agents only, never shown to the member, nothing sent.
#[utoipa::path(post, path = "/api/agent/messages/{id}/note", tag = "agent",
    params(("id" = i64, Path, description = "The thread")),
    request_body = Note,
    responses(
        (status = 201, description = "Noted", body = AgentThread),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such thread", body = ApiError),
        (status = 422, description = "Note refused (`fields.body`)", body = ApiError),
    ))]
pub async fn note(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Path(id): Path<i64>,
    JsonBody(note): JsonBody<Note>,
) -> Result<(StatusCode, Json<AgentThread>), AppError> {
    let problems = messages::check_reply(&note.body, 0);
    if !problems.is_empty() {
        return Err(refused(&problems, lang));
    }
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let thread = state
        .db
        .transaction(move |tx| {
            let Some(t) = db::messages::thread(tx, &keys, id)? else {
                return Ok(None);
            };
            db::messages::add_message(
                tx,
                &keys,
                id,
                Party::Agent,
                agent.id.0,
                note.body.trim(),
                true,
                &now,
            )?;
            record(tx, agent.id, "message.note", &t, "", &now)?;
            Ok(Some(view(tx, &keys, &reload(tx, &keys, id)?, agent.id)?))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(thread)))
}

/// Closes a thread: it leaves the queues; the member may reopen it for 90 days.
#[utoipa::path(post, path = "/api/agent/messages/{id}/close", tag = "agent",
    params(("id" = i64, Path, description = "The thread")),
    responses(
        (status = 200, description = "Closed", body = AgentThread),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such thread", body = ApiError),
    ))]
pub async fn close(
    State(state): State<AppState>,
    agent: Agent,
    Path(id): Path<i64>,
) -> Result<Json<AgentThread>, AppError> {
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let thread = state
        .db
        .transaction(move |tx| {
            let Some(t) = db::messages::thread(tx, &keys, id)? else {
                return Ok(None);
            };
            if t.status == ThreadStatus::Open {
                db::messages::close(tx, id, Party::Agent, &now)?;
                record(tx, agent.id, "message.close", &t, "", &now)?;
            }
            Ok(Some(view(tx, &keys, &reload(tx, &keys, id)?, agent.id)?))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(thread))
}

/// Uploads a file for an answer in this thread (the raw bytes as the body, as the members'
/// upload). It is the agent's until the answer is sent, then the member's.
#[utoipa::path(post, path = "/api/agent/messages/{id}/attachments", tag = "agent",
    params(("id" = i64, Path, description = "The thread"), Upload),
    request_body(content = Vec<u8>, description = "The file's bytes", content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "Stored, not sent yet", body = Attachment),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such thread", body = ApiError),
        (status = 413, description = "Over 5 MiB", body = ApiError),
        (status = 422, description = "Not a PDF, JPEG or PNG (`fields.file`)", body = ApiError),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Path(id): Path<i64>,
    Query(upload): Query<Upload>,
    body: Body,
) -> Result<(StatusCode, Json<Attachment>), AppError> {
    let keys = state.config.keys.clone();
    let exists = state
        .db
        .call(move |c| Ok(db::messages::thread(c, &keys, id)?.is_some()))
        .await?;
    if !exists {
        return Err(AppError::NotFound);
    }
    let Received {
        name,
        key,
        media_type,
        size,
        sha,
    } = receive(&state, lang, &upload.name, body).await?;
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let before = clock::format(state.clock.now() - time::Duration::hours(ABANDONED_HOURS));
    let (stored_name, stored_key) = (name.clone(), key.clone());
    let inserted = state
        .db
        .transaction(move |tx| {
            let Some(t) = db::messages::thread(tx, &keys, id)? else {
                return Ok(None);
            };
            let abandoned = db::messages::take_abandoned_agent_files(tx, agent.id, &before)?;
            let file = db::messages::insert_agent_file(
                tx,
                t.member,
                agent.id,
                &db::attachments::NewFile {
                    name: &stored_name,
                    media_type,
                    size,
                    sha256: &sha,
                    storage_key: &stored_key,
                },
                &now,
            )?;
            record(
                tx,
                agent.id,
                "message.upload",
                &t,
                &format!(", file {file}"),
                &now,
            )?;
            Ok(Some((file, abandoned)))
        })
        .await;
    match inserted {
        Ok(Some((file, abandoned))) => {
            forget(&state, &abandoned);
            Ok((
                StatusCode::CREATED,
                Json(Attachment {
                    id: file,
                    name,
                    media_type: media_type.to_owned(),
                    size,
                }),
            ))
        }
        Ok(None) => {
            forget(&state, std::slice::from_ref(&key));
            Err(AppError::NotFound)
        }
        Err(e) => {
            forget(&state, std::slice::from_ref(&key));
            Err(e.into())
        }
    }
}

/// Downloads a file of this thread (the member's or an agent's).
#[utoipa::path(get, path = "/api/agent/messages/{id}/attachments/{file}", tag = "agent",
    params(
        ("id" = i64, Path, description = "The thread"),
        ("file" = i64, Path, description = "The file"),
    ),
    responses(
        (status = 200, description = "The file, as uploaded"),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such file in this thread", body = ApiError),
    ))]
pub async fn download(
    State(state): State<AppState>,
    agent: Agent,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let stored = state
        .db
        .transaction(move |tx| {
            let Some(t) = db::messages::thread(tx, &keys, id)? else {
                return Ok(None);
            };
            let Some(stored) = db::messages::thread_file(tx, id, agent.id, file)? else {
                return Ok(None);
            };
            record(
                tx,
                agent.id,
                "message.download",
                &t,
                &format!(", file {file}"),
                &now,
            )?;
            Ok(Some(stored))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    send_file(&state, &stored).await
}
