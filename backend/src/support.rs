//! Account support by agents: finding a member, opening their file (always with a reason,
//! recorded and shown to the member), acting on their account after identity checks, the
//! activation letters' print batches, and the supervisor's statistics.
//!
//! Every handler takes the [`Agent`] extractor; every action writes its audit entry in the
//! same transaction as the action itself.

use crate::{
    AppError, Mode,
    activation::{LetterSender, issue_letter},
    agent::Agent,
    clock,
    db::{
        self, DbError,
        audit::{self, Actor, Entry},
        members::MemberId,
        sessions, support,
    },
    error::{JsonBody, RequestLang},
    http::AppState,
    session::Member,
};
use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use portail_shared::{
    Lang,
    agent::{
        Access, AccountState, LetterItem, LettersSent, MemberFile, MemberHit, MemberSearch,
        OpenFile, QueueStat, Reason, ReasonKind, SearchQuery, SupportAction, SupportRequest,
        check_reason, identity_checked, parse_search,
    },
    api::ApiError,
};
use rusqlite::Connection;

fn checked_reason(reason: &Reason, lang: Lang) -> Result<Reason, AppError> {
    check_reason(reason).map_err(|p| {
        AppError::Invalid(crate::error::validation(lang).with_field("reason", p.message(lang)))
    })
}

fn record(
    tx: &Connection,
    agent: &Agent,
    action: &str,
    member: MemberId,
    reason: &Reason,
    now: time::OffsetDateTime,
) -> Result<(), DbError> {
    audit::record(
        tx,
        &Entry {
            actor: Actor::Agent(agent.id),
            action,
            member: Some(member),
            at: &clock::format(now),
            reason: reason.kind.as_str(),
            details: &reason.details,
        },
    )
}

/// Finds members by NIR (exact) or the start of the family name.
#[utoipa::path(post, path = "/api/agent/members/search", tag = "agent", request_body = MemberSearch,
    responses(
        (status = 200, description = "Members found (at most 20)", body = [MemberHit]),
        (status = 401, description = "No agent session", body = ApiError),
        (status = 422, description = "Neither a valid NIR nor 2 letters", body = ApiError),
    ))]
pub async fn search(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    JsonBody(request): JsonBody<MemberSearch>,
) -> Result<Json<Vec<MemberHit>>, AppError> {
    let query = parse_search(&request.query).map_err(|p| {
        AppError::Invalid(crate::error::validation(lang).with_field("query", p.message(lang)))
    })?;
    let keys = state.config.keys.clone();
    let now = clock::format(state.clock.now());
    let hits = state
        .db
        .transaction(move |tx| {
            let hits = match &query {
                SearchQuery::Nir(nir) => match db::members::find_by_nir(tx, &keys, nir)? {
                    Some(id) => support::hit(tx, &keys, id)?.into_iter().collect(),
                    None => vec![],
                },
                SearchQuery::Name(folded) => support::search_by_name(tx, &keys, folded)?,
            };
            // Searching shows names, not files: recorded without a member.
            audit::record(
                tx,
                &Entry {
                    actor: Actor::Agent(agent.id),
                    action: "member.search",
                    member: None,
                    at: &now,
                    reason: "",
                    details: &format!("{} found", hits.len()),
                },
            )?;
            Ok(hits)
        })
        .await?;
    Ok(Json(hits))
}

fn file_of(
    conn: &Connection,
    keys: &crate::crypto::Keys,
    member: MemberId,
    now: time::OffsetDateTime,
) -> Result<Option<MemberFile>, DbError> {
    let Some(hit) = support::hit(conn, keys, member)? else {
        return Ok(None);
    };
    let account = support::account(conn, member)?;
    let locked = match support::nir_index(conn, member)? {
        Some(index) => {
            crate::login::blocked_for(conn, &crate::login::nir_throttle_key(&index), now)?
        }
        None => 0,
    };
    let state = match account {
        None => AccountState {
            status: "none".into(),
            locked_until: None,
            second_factor: "email".into(),
            sessions: 0,
            letters_waiting: support::letters_waiting(conn, member)?,
            masked_email: String::new(),
        },
        Some(a) => AccountState {
            status: a.status,
            locked_until: (locked > 0)
                .then(|| clock::format(now + time::Duration::seconds(locked as i64))),
            second_factor: a.second_factor,
            sessions: sessions::count_for_account(conn, a.id)?,
            letters_waiting: support::letters_waiting(conn, member)?,
            masked_email: portail_shared::login::mask_email(&a.email),
        },
    };
    Ok(Some(MemberFile {
        member: hit,
        account: state,
    }))
}

/// Opens a member's file: the reason is required and recorded; the member sees it.
#[utoipa::path(post, path = "/api/agent/members/{id}/open", tag = "agent", request_body = OpenFile,
    params(("id" = i64, Path, description = "The member (roll id)")),
    responses(
        (status = 200, description = "The member's file", body = MemberFile),
        (status = 401, description = "No agent session", body = ApiError),
        (status = 404, description = "No such member", body = ApiError),
        (status = 422, description = "No valid reason", body = ApiError),
    ))]
pub async fn open(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Path(id): Path<i64>,
    JsonBody(request): JsonBody<OpenFile>,
) -> Result<Json<MemberFile>, AppError> {
    let reason = checked_reason(&request.reason, lang)?;
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let file = state
        .db
        .transaction(move |tx| {
            let member = MemberId(id);
            let Some(file) = file_of(tx, &keys, member, now)? else {
                return Ok(None);
            };
            record(tx, &agent, "member.open", member, &reason, now)?;
            Ok(Some(file))
        })
        .await?;
    file.map(Json).ok_or(AppError::NotFound)
}

fn refused(lang: Lang, field: &str, fr: &str, en: &str) -> AppError {
    AppError::Invalid(
        crate::error::validation(lang).with_field(field, if lang == Lang::Fr { fr } else { en }),
    )
}

/// Acts on a member's account: unlock, new activation letter, reset the second factor, end
/// every session. Unlocking and resetting need the identity checklist complete.
#[utoipa::path(post, path = "/api/agent/members/{id}/support", tag = "agent", request_body = SupportRequest,
    params(("id" = i64, Path, description = "The member (roll id)")),
    responses(
        (status = 200, description = "Done; the file as it is now", body = MemberFile),
        (status = 401, description = "No agent session", body = ApiError),
        (status = 404, description = "No such member", body = ApiError),
        (status = 422, description = "No reason, checks missing, or not possible for this account", body = ApiError),
    ))]
pub async fn act(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    agent: Agent,
    Path(id): Path<i64>,
    JsonBody(request): JsonBody<SupportRequest>,
) -> Result<Json<MemberFile>, AppError> {
    let reason = checked_reason(&request.reason, lang)?;
    let action = request.action;
    if action.needs_identity_checks() && !identity_checked(&request.checks) {
        return Err(refused(
            lang,
            "checks",
            "Faites et cochez les trois vérifications d’identité avant cette action.",
            "Make and tick the three identity checks before this action.",
        ));
    }
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let fund = state.config.fund_name.clone();
    let url = format!("{}/creer-mon-compte/code", state.config.public_origin);
    let demo = state.config.mode == Mode::Demo;
    let outcome = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let now_text = clock::format(now);
            let member = MemberId(id);
            if support::hit(tx, &keys, member)?.is_none() {
                return Ok(Err(None));
            }
            let account = support::account(tx, member)?;
            match (action, &account) {
                (SupportAction::Unlock, _) => {
                    if let Some(index) = support::nir_index(tx, member)? {
                        db::throttle::clear(tx, &crate::login::nir_throttle_key(&index))?;
                    }
                    if let Some(a) = &account {
                        db::throttle::clear(tx, &format!("second-factor:{}", a.id.0))?;
                    }
                }
                (SupportAction::ActivationLetter, Some(a)) if a.status == "pending" => {
                    let Some(postal) = db::members::postal(tx, member)? else {
                        return Ok(Err(None));
                    };
                    let sender = LetterSender {
                        fund: &fund,
                        url: &url,
                        keep_text: demo,
                    };
                    issue_letter(tx, &keys, &sender, member, &postal, &a.email, now)?;
                }
                (SupportAction::ActivationLetter, _) => {
                    return Ok(Err(Some("letter")));
                }
                (SupportAction::ResetSecondFactor, Some(a)) if a.second_factor == "totp" => {
                    db::security::use_email_codes(tx, a.id, &now_text)?;
                    sessions::delete_for_account(tx, a.id)?;
                }
                (SupportAction::ResetSecondFactor, _) => return Ok(Err(Some("factor"))),
                (SupportAction::EndSessions, Some(a)) => {
                    sessions::delete_for_account(tx, a.id)?;
                }
                (SupportAction::EndSessions, None) => return Ok(Err(Some("sessions"))),
            }
            record(
                tx,
                &agent,
                &format!("member.{}", action.as_str()),
                member,
                &reason,
                now,
            )?;
            Ok(Ok(file_of(tx, &keys, member, now)?))
        })
        .await?;
    match outcome {
        Ok(Some(file)) => Ok(Json(file)),
        Ok(None) | Err(None) => Err(AppError::NotFound),
        Err(Some("letter")) => Err(refused(
            lang,
            "action",
            "Un nouveau courrier d’activation n’est possible que pour un compte en attente d’activation.",
            "A new activation letter is only possible for an account waiting for activation.",
        )),
        Err(Some("factor")) => Err(refused(
            lang,
            "action",
            "Ce compte reçoit déjà ses codes par e-mail.",
            "This account already gets its codes by e-mail.",
        )),
        Err(_) => Err(refused(
            lang,
            "action",
            "Cet assuré n’a pas de compte en ligne.",
            "This member has no online account.",
        )),
    }
}

/// The agents' accesses to the signed-in member's file, newest first.
#[utoipa::path(get, path = "/api/accesses", tag = "security",
    responses(
        (status = 200, description = "Who at the fund opened the file or acted on the account, and why", body = [Access]),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn accesses(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<Vec<Access>>, AppError> {
    let list = state
        .db
        .call(move |conn| {
            let me = db::accounts::member_of(conn, member.account_id)?;
            db::audit::agent_accesses(conn, me, 50)
        })
        .await?;
    Ok(Json(
        list.into_iter()
            .map(|a| Access {
                at: a.at,
                agent: a.agent,
                action: a.action,
                reason: ReasonKind::parse(&a.reason).unwrap_or(ReasonKind::Other),
                details: a.details,
            })
            .collect(),
    ))
}

/// Activation letters to print, then those printed and not yet posted.
#[utoipa::path(get, path = "/api/agent/letters", tag = "agent",
    responses(
        (status = 200, description = "Letters waiting, oldest first", body = [LetterItem]),
        (status = 401, description = "No agent session", body = ApiError),
    ))]
pub async fn letters(
    State(state): State<AppState>,
    _agent: Agent,
) -> Result<Json<Vec<LetterItem>>, AppError> {
    Ok(Json(state.db.call(|c| support::letters(c)).await?))
}

/// Prints every waiting letter as one PDF. The letters are then printed: their code exists
/// only on paper (the database keeps its hash).
#[utoipa::path(post, path = "/api/agent/letters/batch", tag = "agent",
    responses(
        (status = 200, description = "One PDF, a page per letter", content_type = "application/pdf"),
        (status = 401, description = "No agent session", body = ApiError),
        (status = 404, description = "No letter is waiting", body = ApiError),
    ))]
pub async fn batch(State(state): State<AppState>, agent: Agent) -> Result<Response, AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let demo = state.config.mode == Mode::Demo;
    let pdf = state
        .db
        .transaction(move |tx| {
            let waiting = db::letters::batch_fields(tx, &keys)?;
            if waiting.is_empty() {
                return Ok(None);
            }
            let fields: Vec<_> = waiting.iter().map(|(_, f)| f.clone()).collect();
            let pdf = crate::letter::render_batch(&fields, clock::paris(now).date())
                .map_err(|e| DbError::Data(e.to_string()))?;
            let stamp = clock::format(now);
            for (id, _) in &waiting {
                db::letters::mark_batch_printed(tx, *id, &stamp, demo)?;
            }
            audit::record(
                tx,
                &Entry {
                    actor: Actor::Agent(agent.id),
                    action: "letters.print",
                    member: None,
                    at: &stamp,
                    reason: "",
                    details: &format!("{} letters", waiting.len()),
                },
            )?;
            Ok(Some(pdf))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let name = format!(
        "courriers-activation-{}.pdf",
        clock::format(now).get(..10).unwrap_or("lot")
    );
    Ok(crate::statement::attachment(pdf, &name))
}

/// Marks printed letters as posted.
#[utoipa::path(post, path = "/api/agent/letters/sent", tag = "agent", request_body = LettersSent,
    responses(
        (status = 204, description = "Marked"),
        (status = 401, description = "No agent session", body = ApiError),
    ))]
pub async fn sent(
    State(state): State<AppState>,
    agent: Agent,
    JsonBody(request): JsonBody<LettersSent>,
) -> Result<StatusCode, AppError> {
    let now = clock::format(state.clock.now());
    state
        .db
        .transaction(move |tx| {
            let n = support::mark_sent(tx, &request.ids, &now)?;
            audit::record(
                tx,
                &Entry {
                    actor: Actor::Agent(agent.id),
                    action: "letters.sent",
                    member: None,
                    at: &now,
                    reason: "",
                    details: &format!("{n} letters"),
                },
            )
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The team's figures (supervisors only): open items per queue, median response time, oldest.
#[utoipa::path(get, path = "/api/agent/stats", tag = "agent",
    responses(
        (status = 200, description = "One line per queue", body = [QueueStat]),
        (status = 401, description = "No agent session", body = ApiError),
        (status = 403, description = "Not a supervisor", body = ApiError),
    ))]
pub async fn stats(
    State(state): State<AppState>,
    agent: Agent,
) -> Result<Json<Vec<QueueStat>>, AppError> {
    agent.require_supervisor()?;
    let now = clock::format(state.clock.now());
    Ok(Json(
        state.db.call(move |conn| queue_stats(conn, &now)).await?,
    ))
}

fn queue_stats(conn: &Connection, now: &str) -> Result<Vec<QueueStat>, DbError> {
    let stats = db::requests::queue_stats(conn, now)?;
    let mut all = db::messages::queue_stats(conn, now)?;
    all.extend(stats);
    Ok(all)
}
