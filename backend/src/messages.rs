//! Secure messaging, the member's side ("Ma messagerie", `/api/messages`): threads with the
//! fund, a new message routed by its topic, answers, drafts kept, read receipts, closing and
//! reopening, and the unread count of the navigation. The agents' side is [`agent`].
//!
//! Every thread is read through the member: another member's thread answers 404, exactly like a
//! missing one. Internal notes of agents are never read here.

pub mod agent;

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::messages::{
    self, MessageView, NewDraft, NewThread, Party, Problem, Reply, ReplyDraft, Thread,
    ThreadStatus, ThreadSummary, Unread,
};
use rusqlite::Connection;

use crate::crypto::Keys;
use crate::db::{self, DbError, members::MemberId, messages::StoredThread};
use crate::error::{JsonBody, RequestLang};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// The error of a message refused for its fields.
pub(crate) fn refused(problems: &[Problem], lang: Lang) -> AppError {
    let summary = match lang {
        Lang::Fr => "Votre message n’a pas pu être envoyé\u{a0}: voyez les champs signalés.",
        Lang::En => "Your message could not be sent: see the fields marked.",
    };
    AppError::Invalid(
        problems
            .iter()
            .fold(ApiError::new("validation", summary), |e, p| {
                e.with_field(p.field(), p.message(lang))
            }),
    )
}

/// The error of files that are not (or no longer) free to join.
pub(crate) fn files_refused(lang: Lang) -> AppError {
    let summary = match lang {
        Lang::Fr => "Votre message n’a pas pu être envoyé\u{a0}: voyez les champs signalés.",
        Lang::En => "Your message could not be sent: see the fields marked.",
    };
    AppError::Invalid(ApiError::new("validation", summary).with_field(
        "attachments",
        match lang {
            Lang::Fr => {
                "Un fichier joint n’a pas été retrouvé\u{a0}: retirez-le et joignez-le à nouveau."
            }
            Lang::En => "An attached file was not found: remove it and attach it again.",
        },
    ))
}

/// The error of an answer in a closed thread.
pub(crate) fn closed(lang: Lang) -> AppError {
    AppError::Invalid(ApiError::new(
        "thread_closed",
        match lang {
            Lang::Fr => "Cette conversation est fermée\u{a0}: rouvrez-la pour écrire.",
            Lang::En => "This conversation is closed: reopen it to write.",
        },
    ))
}

fn member_of(c: &Connection, member: &Member) -> Result<MemberId, DbError> {
    db::accounts::member_of(c, member.account_id)
}

fn summary(c: &Connection, t: &StoredThread) -> Result<ThreadSummary, DbError> {
    let facts = db::messages::facts(c, t.id)?;
    Ok(summary_from(t, &facts))
}

fn summary_from(t: &StoredThread, facts: &db::messages::ThreadFacts) -> ThreadSummary {
    let (last_from, last_at) = facts
        .last
        .clone()
        .unwrap_or((Party::Member, t.created_at.clone()));
    ThreadSummary {
        id: t.id,
        topic: t.topic,
        subject: t.subject.clone(),
        status: t.status,
        unread: facts.unread,
        last_from,
        last_at,
        answered_at: facts.answered_at.clone(),
        has_draft: facts.has_draft,
    }
}

/// Whether the member may reopen `t` on `now`.
fn can_reopen(t: &StoredThread, now: time::OffsetDateTime) -> bool {
    let closed_on = t
        .closed_at
        .as_deref()
        .map(|at| clock::paris_day(clock::parse(at)));
    messages::may_reopen(Party::Member, t.status, closed_on, clock::paris_day(now)).is_ok()
}

/// The thread as the member sees it (no internal note, no draft but their own).
fn view(
    c: &Connection,
    keys: &Keys,
    member: MemberId,
    t: &StoredThread,
    now: time::OffsetDateTime,
) -> Result<Thread, DbError> {
    let messages = db::messages::messages(c, keys, t.id, false)?
        .into_iter()
        .map(|m| {
            Ok(MessageView {
                id: m.id,
                from: m.from,
                attachments: db::messages::files_of(c, m.id)?,
                body: m.body,
                at: m.at,
                read_at: m.read_at,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(Thread {
        summary: summary(c, t)?,
        messages,
        draft: db::messages::reply_draft(c, keys, t.id, member)?,
        closed_at: t.closed_at.clone(),
        can_reopen: can_reopen(t, now),
    })
}

/// The member's threads, the most recently moved first, with their unread counts.
#[utoipa::path(get, path = "/api/messages", tag = "messages",
    responses(
        (status = 200, description = "The member's threads", body = [ThreadSummary]),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<Vec<ThreadSummary>>, AppError> {
    let keys = state.config.keys.clone();
    let threads = state
        .db
        .call(move |c| {
            let insured = member_of(c, &member)?;
            Ok(db::messages::member_threads(c, &keys, insured)?
                .iter()
                .map(|(t, facts)| summary_from(t, facts))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(Json(threads))
}

/// How many of the fund's messages the member has not opened (the navigation's badge).
#[utoipa::path(get, path = "/api/messages/unread", tag = "messages",
    responses(
        (status = 200, description = "The unread count", body = Unread),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn unread(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<Unread>, AppError> {
    let count = state
        .db
        .call(move |c| db::messages::unread_for_member(c, member_of(c, &member)?))
        .await?;
    Ok(Json(Unread { count }))
}

/// Writes to the fund: a new thread in the topic's queue, with up to 5 files uploaded first.
/// The draft of a new message is spent. Answers the thread.
#[utoipa::path(post, path = "/api/messages", tag = "messages",
    request_body = NewThread,
    responses(
        (status = 201, description = "Sent", body = Thread),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "Topic, subject, message or files refused (`fields`)", body = ApiError),
    ))]
pub async fn create(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(message): JsonBody<NewThread>,
) -> Result<(StatusCode, Json<Thread>), AppError> {
    let problems = messages::check_new(&message);
    let Some(topic) = message.topic.filter(|_| problems.is_empty()) else {
        return Err(refused(&problems, lang));
    };
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let thread = state
        .db
        .transaction(move |tx| {
            let insured = member_of(tx, &member)?;
            if !db::messages::files_free(tx, insured, None, &message.attachments)? {
                return Ok(Err(files_refused(lang)));
            }
            let stamp = clock::format(now);
            db::messages::delete_new_draft(tx, insured)?;
            let subject = messages::clean_subject(&message.subject);
            let id = db::messages::create_thread(tx, &keys, insured, topic, &subject, &stamp)?;
            let sent = db::messages::add_message(
                tx,
                &keys,
                id,
                Party::Member,
                insured.0,
                message.body.trim(),
                false,
                &stamp,
            )?;
            if !db::messages::join_files(tx, insured, None, &message.attachments, sent)? {
                return Err(DbError::Data(
                    "attachments changed while sending".to_owned(),
                ));
            }
            let t = db::messages::member_thread(tx, &keys, insured, id)?
                .ok_or_else(|| DbError::Data("thread just started".to_owned()))?;
            Ok(Ok(view(tx, &keys, insured, &t, now)?))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(thread)))
}

/// The new message being written, kept from an earlier visit (all empty when none).
#[utoipa::path(get, path = "/api/messages/draft", tag = "messages",
    responses(
        (status = 200, description = "The draft", body = NewDraft),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn draft(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<NewDraft>, AppError> {
    let keys = state.config.keys.clone();
    let draft = state
        .db
        .call(move |c| db::messages::new_draft(c, &keys, member_of(c, &member)?))
        .await?;
    Ok(Json(draft.unwrap_or_default()))
}

/// Keeps the new message being written (an empty one is forgotten). Answers it with the time
/// it was saved.
#[utoipa::path(post, path = "/api/messages/draft", tag = "messages",
    request_body = NewDraft,
    responses(
        (status = 200, description = "Kept", body = NewDraft),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "Over the limits (`fields`)", body = ApiError),
    ))]
pub async fn save_draft(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(draft): JsonBody<NewDraft>,
) -> Result<Json<NewDraft>, AppError> {
    let problems = messages::check_draft(&draft.subject, &draft.body);
    if !problems.is_empty() {
        return Err(refused(&problems, lang));
    }
    let keys = state.config.keys.clone();
    let stamp = clock::format(state.clock.now());
    let saved = state
        .db
        .transaction(move |tx| {
            let insured = member_of(tx, &member)?;
            db::messages::save_new_draft(tx, &keys, insured, &draft, &stamp)?;
            db::messages::new_draft(tx, &keys, insured)
        })
        .await?;
    Ok(Json(saved.unwrap_or_default()))
}

/// One thread with its messages; opening it marks the fund's messages read. Another member's
/// answers 404.
#[utoipa::path(get, path = "/api/messages/{id}", tag = "messages",
    params(("id" = i64, Path, description = "The thread")),
    responses(
        (status = 200, description = "The thread", body = Thread),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such thread for this member", body = ApiError),
    ))]
pub async fn thread(
    State(state): State<AppState>,
    member: Member,
    Path(id): Path<i64>,
) -> Result<Json<Thread>, AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let thread = state
        .db
        .transaction(move |tx| {
            let insured = member_of(tx, &member)?;
            let Some(t) = db::messages::member_thread(tx, &keys, insured, id)? else {
                return Ok(None);
            };
            db::messages::mark_read(tx, id, Party::Member, &clock::format(now))?;
            Ok(Some(view(tx, &keys, insured, &t, now)?))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(thread))
}

/// The member writes again in an open thread (the thread waits for the fund again).
#[utoipa::path(post, path = "/api/messages/{id}/reply", tag = "messages",
    params(("id" = i64, Path, description = "The thread")),
    request_body = Reply,
    responses(
        (status = 201, description = "Sent", body = Thread),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such thread for this member", body = ApiError),
        (status = 422, description = "Message or files refused (`fields`), or the thread is closed (`thread_closed`)", body = ApiError),
    ))]
pub async fn reply(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    Path(id): Path<i64>,
    JsonBody(reply): JsonBody<Reply>,
) -> Result<(StatusCode, Json<Thread>), AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let thread = state
        .db
        .transaction(move |tx| {
            let insured = member_of(tx, &member)?;
            let Some(t) = db::messages::member_thread(tx, &keys, insured, id)? else {
                return Ok(Err(AppError::NotFound));
            };
            let problems = messages::check_reply(&reply.body, reply.attachments.len());
            if !problems.is_empty() {
                return Ok(Err(refused(&problems, lang)));
            }
            if t.status == ThreadStatus::Closed {
                return Ok(Err(closed(lang)));
            }
            if !db::messages::files_free(tx, insured, None, &reply.attachments)? {
                return Ok(Err(files_refused(lang)));
            }
            let stamp = clock::format(now);
            let sent = db::messages::add_message(
                tx,
                &keys,
                id,
                Party::Member,
                insured.0,
                reply.body.trim(),
                false,
                &stamp,
            )?;
            if !db::messages::join_files(tx, insured, None, &reply.attachments, sent)? {
                return Err(DbError::Data(
                    "attachments changed while sending".to_owned(),
                ));
            }
            let t = db::messages::member_thread(tx, &keys, insured, id)?.unwrap_or(t);
            Ok(Ok(view(tx, &keys, insured, &t, now)?))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(thread)))
}

/// Keeps the answer being written in a thread (an empty one is forgotten).
#[utoipa::path(post, path = "/api/messages/{id}/draft", tag = "messages",
    params(("id" = i64, Path, description = "The thread")),
    request_body = ReplyDraft,
    responses(
        (status = 200, description = "Kept", body = ReplyDraft),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such thread for this member", body = ApiError),
        (status = 422, description = "Over the limit (`fields`)", body = ApiError),
    ))]
pub async fn save_reply_draft(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    Path(id): Path<i64>,
    JsonBody(draft): JsonBody<ReplyDraft>,
) -> Result<Json<ReplyDraft>, AppError> {
    let problems = messages::check_draft("", &draft.body);
    if !problems.is_empty() {
        return Err(refused(&problems, lang));
    }
    let keys = state.config.keys.clone();
    let stamp = clock::format(state.clock.now());
    let saved = state
        .db
        .transaction(move |tx| {
            let insured = member_of(tx, &member)?;
            if db::messages::member_thread(tx, &keys, insured, id)?.is_none() {
                return Ok(None);
            }
            db::messages::save_reply_draft(tx, &keys, id, insured, &draft.body, &stamp)?;
            Ok(Some(
                db::messages::reply_draft(tx, &keys, id, insured)?.unwrap_or_default(),
            ))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(saved))
}

/// The member closes a thread (nothing more to ask); they may reopen it for 90 days.
#[utoipa::path(post, path = "/api/messages/{id}/close", tag = "messages",
    params(("id" = i64, Path, description = "The thread")),
    responses(
        (status = 200, description = "Closed", body = Thread),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such thread for this member", body = ApiError),
    ))]
pub async fn close(
    State(state): State<AppState>,
    member: Member,
    Path(id): Path<i64>,
) -> Result<Json<Thread>, AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let thread = state
        .db
        .transaction(move |tx| {
            let insured = member_of(tx, &member)?;
            let Some(t) = db::messages::member_thread(tx, &keys, insured, id)? else {
                return Ok(None);
            };
            if t.status == ThreadStatus::Open {
                db::messages::close(tx, id, Party::Member, &clock::format(now))?;
            }
            let t = db::messages::member_thread(tx, &keys, insured, id)?.unwrap_or(t);
            Ok(Some(view(tx, &keys, insured, &t, now)?))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(thread))
}

/// The member reopens a thread closed less than 90 days ago.
#[utoipa::path(post, path = "/api/messages/{id}/reopen", tag = "messages",
    params(("id" = i64, Path, description = "The thread")),
    responses(
        (status = 200, description = "Open again", body = Thread),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such thread for this member", body = ApiError),
        (status = 422, description = "Open already, or closed too long ago (`cannot_reopen`)", body = ApiError),
    ))]
pub async fn reopen(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    Path(id): Path<i64>,
) -> Result<Json<Thread>, AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let thread = state
        .db
        .transaction(move |tx| {
            let insured = member_of(tx, &member)?;
            let Some(t) = db::messages::member_thread(tx, &keys, insured, id)? else {
                return Ok(Err(AppError::NotFound));
            };
            let closed_on = t
                .closed_at
                .as_deref()
                .map(|at| clock::paris_day(clock::parse(at)));
            if let Err(problem) =
                messages::may_reopen(Party::Member, t.status, closed_on, clock::paris_day(now))
            {
                return Ok(Err(AppError::Invalid(ApiError::new(
                    "cannot_reopen",
                    problem.message(lang),
                ))));
            }
            db::messages::reopen(tx, id, &clock::format(now))?;
            let t = db::messages::member_thread(tx, &keys, insured, id)?.unwrap_or(t);
            Ok(Ok(view(tx, &keys, insured, &t, now)?))
        })
        .await??;
    Ok(Json(thread))
}
