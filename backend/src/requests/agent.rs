//! The agents' processing of requests (`/api/agent/requests/...`): the queue by kind, status
//! and assignment, the oldest first; one request with what the member sent, its files and
//! every step (internal notes included); assigning it to oneself; internal notes; and status
//! changes with a message to the member, who gets an e-mail without content.
//!
//! A decision takes effect in the same transaction as the status change and its audit entry:
//! completing a bank-details request activates the new account (refusing drops it), an address
//! request changes the roll, a médecin traitant declaration records the doctor, and a CSS
//! application sets the household's CSS rights.

use axum::{
    Json,
    extract::{Path, Query, State},
    response::Response,
};
use portail_shared::agent::ReasonKind;
use portail_shared::api::ApiError;
use portail_shared::requests::{
    self, AgentDetail, Assignment, Kind, Note, QueueItem, Status, StatusChange,
};
use portail_shared::{Lang, Nir};
use rusqlite::Connection;
use serde::Deserialize;

use crate::agent::Agent;
use crate::crypto::Keys;
use crate::db::requests::{Author, QueueFilter, Stored};
use crate::db::{
    self, DbError,
    agents::AgentId,
    audit::{self, Actor},
    members::MemberId,
};
use crate::error::{JsonBody, RequestLang, validation};
use crate::{AppError, clock, http::AppState};

/// The queue's filters (all optional).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct QueueQuery {
    /// A request kind (`css`, `bank_details`…).
    #[serde(default)]
    pub kind: String,
    /// A status; empty shows every open request.
    #[serde(default)]
    pub status: String,
    /// `me` (assigned to the agent asking) or `none` (to nobody).
    #[serde(default)]
    pub assigned: String,
}

/// The requests to process, the oldest first (200 at most), by kind, status and assignment.
#[utoipa::path(get, path = "/api/agent/requests", tag = "agent",
    params(QueueQuery),
    responses(
        (status = 200, description = "The queue, oldest first", body = [QueueItem]),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 422, description = "An unknown filter (`fields`)", body = ApiError),
    ))]
pub async fn queue(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Query(query): Query<QueueQuery>,
) -> Result<Json<Vec<QueueItem>>, AppError> {
    let filter = read_filter(&query, agent.id, lang)?;
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let items = state
        .db
        .call(move |c| {
            db::requests::queue(c, &keys, &filter)?
                .into_iter()
                .map(|q| {
                    let summary = crate::requests::summary(&q.stored, lang)?;
                    let age = now - clock::parse(&q.stored.created_at);
                    Ok(QueueItem {
                        id: summary.id,
                        kind: summary.kind,
                        title: summary.title,
                        status: summary.status,
                        member_name: q.member_name,
                        created_at: summary.created_at,
                        updated_at: summary.updated_at,
                        expected_by: summary.expected_by,
                        age_days: age.whole_days().max(0),
                        mine: q.assigned.as_ref().is_some_and(|(id, _)| *id == agent.id.0),
                        assigned_to: q.assigned.map(|(_, name)| name),
                    })
                })
                .collect::<Result<Vec<_>, DbError>>()
        })
        .await?;
    Ok(Json(items))
}

fn read_filter(query: &QueueQuery, agent: AgentId, lang: Lang) -> Result<QueueFilter, AppError> {
    let fr = lang == Lang::Fr;
    let mut error = validation(lang);
    let kind = match query.kind.as_str() {
        "" => None,
        code => Kind::parse(code).or_else(|| {
            error = error.clone().with_field(
                "kind",
                if fr {
                    "Ce type de démarche n’existe pas."
                } else {
                    "No such kind of request."
                },
            );
            None
        }),
    };
    let status = match query.status.as_str() {
        "" => None,
        code => Status::parse(code).or_else(|| {
            error = error.clone().with_field(
                "status",
                if fr {
                    "Cet état n’existe pas."
                } else {
                    "No such status."
                },
            );
            None
        }),
    };
    let assigned = match query.assigned.as_str() {
        "" => None,
        code => match Assignment::parse(code) {
            Some(Assignment::Me) => Some(Some(agent.0)),
            Some(Assignment::Nobody) => Some(None),
            None => {
                error = error.clone().with_field(
                    "assigned",
                    if fr {
                        "Choisissez «\u{a0}moi\u{a0}» ou «\u{a0}personne\u{a0}»."
                    } else {
                        "Choose “me” or “nobody”."
                    },
                );
                None
            }
        },
    };
    if error.fields.is_empty() {
        Ok(QueueFilter {
            kind,
            status,
            assigned,
        })
    } else {
        Err(AppError::Invalid(error))
    }
}

/// One request with what the member sent, the files and every step, internal notes included.
/// Opening it is recorded in the audit trail.
#[utoipa::path(get, path = "/api/agent/requests/{id}", tag = "agent",
    params(("id" = i64, Path, description = "The request")),
    responses(
        (status = 200, description = "The request as agents see it", body = AgentDetail),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such request", body = ApiError),
    ))]
pub async fn detail(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Path(id): Path<i64>,
) -> Result<Json<AgentDetail>, AppError> {
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let detail = state
        .db
        .transaction(move |tx| {
            let Some((member, stored)) = db::requests::find(tx, &keys, id)? else {
                return Ok(None);
            };
            record(tx, agent.id, "request.open", member, &stored, "", &now)?;
            view(tx, &keys, member, &stored, agent.id, lang).map(Some)
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(detail))
}

/// Assigns the request to the agent asking (taking it over from another agent if need be).
#[utoipa::path(post, path = "/api/agent/requests/{id}/assign", tag = "agent",
    params(("id" = i64, Path, description = "The request")),
    responses(
        (status = 200, description = "Assigned; the request as agents see it", body = AgentDetail),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such request", body = ApiError),
        (status = 422, description = "The request is closed (`request_closed`)", body = ApiError),
    ))]
pub async fn assign(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Path(id): Path<i64>,
) -> Result<Json<AgentDetail>, AppError> {
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let detail = state
        .db
        .transaction(move |tx| {
            let Some((member, stored)) = db::requests::find(tx, &keys, id)? else {
                return Ok(Err(AppError::NotFound));
            };
            if stored.status.is_final() {
                return Ok(Err(closed(lang)));
            }
            db::requests::assign(tx, id, stored.status, agent.id.0, &now)?;
            record(tx, agent.id, "request.assign", member, &stored, "", &now)?;
            Ok(Ok(view(tx, &keys, member, &stored, agent.id, lang)?))
        })
        .await??;
    Ok(Json(detail))
}

/// Adds an internal note, which the member never sees.
#[utoipa::path(post, path = "/api/agent/requests/{id}/notes", tag = "agent",
    params(("id" = i64, Path, description = "The request")),
    request_body = Note,
    responses(
        (status = 200, description = "Noted; the request as agents see it", body = AgentDetail),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such request", body = ApiError),
        (status = 422, description = "Empty or too long (`fields.text`)", body = ApiError),
    ))]
pub async fn note(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Path(id): Path<i64>,
    JsonBody(note): JsonBody<Note>,
) -> Result<Json<AgentDetail>, AppError> {
    if !requests::note_ok(&note.text) {
        return Err(AppError::Invalid(validation(lang).with_field(
            "text",
            match lang {
                Lang::Fr => "Écrivez la note (2 à 2 000 caractères).",
                Lang::En => "Write the note (2 to 2,000 characters).",
            },
        )));
    }
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let detail = state
        .db
        .transaction(move |tx| {
            let Some((member, stored)) = db::requests::find(tx, &keys, id)? else {
                return Ok(None);
            };
            db::requests::add_event(
                tx,
                id,
                stored.status,
                note.text.trim(),
                Author::Agent(agent.id.0),
                true,
                &now,
            )?;
            record(tx, agent.id, "request.note", member, &stored, "", &now)?;
            view(tx, &keys, member, &stored, agent.id, lang).map(Some)
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(detail))
}

/// Moves the request on with a message to the member (required), who is told by an e-mail
/// without content. "Terminée" and "Refusée" close it and take effect: see the module.
#[utoipa::path(post, path = "/api/agent/requests/{id}/status", tag = "agent",
    params(("id" = i64, Path, description = "The request")),
    request_body = StatusChange,
    responses(
        (status = 200, description = "Moved on; the request as agents see it", body = AgentDetail),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such request", body = ApiError),
        (status = 422, description = "No message, closed, or a decision that cannot take effect (`fields`, `decision_impossible`)", body = ApiError),
    ))]
pub async fn change_status(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Path(id): Path<i64>,
    JsonBody(change): JsonBody<StatusChange>,
) -> Result<Json<AgentDetail>, AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let origin = state.config.public_origin.clone();
    let detail = state
        .db
        .transaction(move |tx| {
            let Some((member, stored)) = db::requests::find(tx, &keys, id)? else {
                return Ok(Err(AppError::NotFound));
            };
            let problems = requests::check_change(stored.status, &change);
            if !problems.is_empty() {
                return Ok(Err(crate::requests::invalid(
                    &problems,
                    lang,
                    |p| p.field().to_owned(),
                    |p| p.message(lang).to_owned(),
                )));
            }
            let message = change.message.trim();
            let stamp = clock::format(now);
            if !decide(tx, &keys, &stored, change.status, agent.id, message, now)? {
                return Ok(Err(AppError::Invalid(ApiError::new(
                    "decision_impossible",
                    match lang {
                        Lang::Fr => "Cette décision ne peut pas prendre effet (rien n’est plus en attente pour cette démarche)\u{a0}: ajoutez une note et refusez la démarche si besoin.",
                        Lang::En => "This decision cannot take effect (nothing is pending for this request any more): add a note and refuse the request if need be.",
                    },
                ))));
            }
            if change.status.is_final() {
                db::requests::set_decision(tx, id, change.status.code())?;
            }
            record(
                tx,
                agent.id,
                "request.status",
                member,
                &stored,
                &format!(" {} -> {}", stored.status.code(), change.status.code()),
                &stamp,
            )?;
            if let Some((email, member_lang)) = db::requests::notice_recipient(tx, member)? {
                let link = format!("{origin}/demarches/{id}");
                crate::mail::request_updated(tx, &email, member_lang, &link, &stamp)?;
            }
            let moved = db::requests::one(tx, &keys, member, id)?
                .ok_or_else(|| DbError::Data("request just moved".to_owned()))?;
            Ok(Ok(view(tx, &keys, member, &moved, agent.id, lang)?))
        })
        .await??;
    Ok(Json(detail))
}

/// Downloads a file of a request.
#[utoipa::path(get, path = "/api/agent/requests/{id}/attachments/{file}", tag = "agent",
    params(
        ("id" = i64, Path, description = "The request"),
        ("file" = i64, Path, description = "One of its files"),
    ),
    responses(
        (status = 200, description = "The file, as uploaded"),
        (status = 401, description = "Not signed in as an agent", body = ApiError),
        (status = 404, description = "No such file for this request", body = ApiError),
    ))]
pub async fn attachment(
    State(state): State<AppState>,
    agent: Agent,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let stored = state
        .db
        .transaction(move |tx| {
            let Some((member, request)) = db::requests::find(tx, &keys, id)? else {
                return Ok(None);
            };
            let Some(stored) = db::requests::attachment_of(tx, id, file)? else {
                return Ok(None);
            };
            record(
                tx,
                agent.id,
                "request.file",
                member,
                &request,
                &format!(" file {file}"),
                &now,
            )?;
            Ok(Some(stored))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    crate::attachments::send_file(&state, &stored).await
}

/// The status change and its effect: `false` when the decision cannot take effect (the pending
/// account, address or declaration is gone).
fn decide(
    tx: &Connection,
    keys: &Keys,
    stored: &Stored,
    status: Status,
    agent: AgentId,
    message: &str,
    now: time::OffsetDateTime,
) -> Result<bool, DbError> {
    let stamp = clock::format(now);
    let today = clock::paris_day(now);
    let step = |tx: &Connection| {
        db::requests::add_event(
            tx,
            stored.id,
            status,
            message,
            Author::Agent(agent.0),
            false,
            &stamp,
        )
    };
    match (stored.kind, status) {
        (Kind::BankDetails, Status::Completed) => {
            db::bank::activate_pending(tx, keys, stored.id, agent.0, message, &stamp)
        }
        (Kind::BankDetails, Status::Refused) => {
            db::bank::refuse_pending(tx, keys, stored.id, agent.0, message, &stamp)
        }
        (Kind::AddressChange, Status::Completed) => {
            db::address::apply_pending(tx, keys, stored.id, agent.0, message, &stamp)
        }
        (Kind::TreatingDoctor, Status::Completed) => {
            // The declaration's own step says what is recorded; the agent's words follow it.
            if !crate::doctor::complete(tx, keys, stored.id, Author::Agent(agent.0), today, &stamp)?
            {
                return Ok(false);
            }
            step(tx)?;
            Ok(true)
        }
        (Kind::Css, Status::Completed) => {
            if crate::css::approve(tx, keys, stored.id, today)?.is_none() {
                return Ok(false);
            }
            step(tx)?;
            Ok(true)
        }
        _ => {
            step(tx)?;
            Ok(true)
        }
    }
}

/// What closing a request of this kind does beyond closing it, for the agent's page.
fn effects(kind: Kind, lang: Lang) -> (Option<String>, Option<String>) {
    let fr = lang == Lang::Fr;
    let words = |f: &str, e: &str| Some(if fr { f } else { e }.to_owned());
    match kind {
        Kind::BankDetails => (
            words(
                "Terminer active le nouveau compte bancaire\u{a0}: les prochains remboursements y seront versés.",
                "Completing activates the new bank account: the next reimbursements are paid to it.",
            ),
            words(
                "Refuser supprime le compte en attente\u{a0}: les remboursements restent versés sur l’ancien.",
                "Refusing drops the pending account: reimbursements keep going to the old one.",
            ),
        ),
        Kind::AddressChange => (
            words(
                "Terminer remplace l’adresse du dossier par la nouvelle.",
                "Completing replaces the address on file with the new one.",
            ),
            None,
        ),
        Kind::TreatingDoctor => (
            words(
                "Terminer enregistre le médecin traitant déclaré, à compter d’aujourd’hui.",
                "Completing records the declared regular doctor, from today.",
            ),
            None,
        ),
        Kind::Css => (
            words(
                "Terminer ouvre les droits à la Complémentaire santé solidaire du foyer pour un an (attestation de droits comprise).",
                "Completing opens the household’s Complémentaire santé solidaire rights for a year (shown on the attestation).",
            ),
            None,
        ),
        Kind::Contest | Kind::Ceam | Kind::FamilySituation | Kind::ExceptionalAid => (None, None),
    }
}

fn view(
    tx: &Connection,
    keys: &Keys,
    member: MemberId,
    stored: &Stored,
    agent: AgentId,
    lang: Lang,
) -> Result<AgentDetail, DbError> {
    let assigned = db::requests::assigned(tx, stored.id)?;
    let (on_complete, on_refuse) = effects(stored.kind, lang);
    Ok(AgentDetail {
        summary: crate::requests::summary(stored, lang)?,
        member_name: db::members::full_name(tx, member)?.unwrap_or_default(),
        member_nir_masked: db::members::nir_of(tx, keys, member)?
            .as_ref()
            .map(Nir::masked)
            .unwrap_or_default(),
        fields: crate::requests::fields(stored, lang)?,
        events: db::requests::agent_events(tx, stored.id)?,
        attachments: db::attachments::of_request(tx, stored.id)?,
        mine: assigned.as_ref().is_some_and(|(id, _)| *id == agent.0),
        assigned_to: assigned.map(|(_, name)| name),
        on_complete,
        on_refuse,
    })
}

/// Records an agent's action on a request, in the caller's transaction (no health data: the
/// request's number and kind, and a status change's codes).
fn record(
    tx: &Connection,
    agent: AgentId,
    action: &str,
    member: MemberId,
    stored: &Stored,
    details: &str,
    at: &str,
) -> Result<(), DbError> {
    audit::record(
        tx,
        &audit::Entry {
            actor: Actor::Agent(agent),
            action,
            member: Some(member),
            at,
            reason: ReasonKind::Request.as_str(),
            details: &format!("request {} {}{details}", stored.id, stored.kind.code()),
        },
    )
}

fn closed(lang: Lang) -> AppError {
    AppError::Invalid(ApiError::new(
        "request_closed",
        match lang {
            Lang::Fr => "Cette démarche est close.",
            Lang::En => "This request is closed.",
        },
    ))
}
