//! The demo outbox: in demo mode, every e-mail and letter the portal wrote can be read in the
//! browser, and a letter's PDF downloaded.

use crate::Mode;
use crate::{AppError, db, http::AppState};
use axum::{
    Json,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};
use portail_shared::outbox::{Channel, OutboxMessage};

/// How many of each channel the page shows.
const SHOWN: u32 = 50;

/// The most recent e-mails and letters, newest first. Demo mode only: in production it does
/// not exist.
#[utoipa::path(get, path = "/api/demo/outbox", tag = "demo",
    responses(
        (status = 200, description = "Recent e-mails and letters, newest first", body = [OutboxMessage]),
        (status = 404, description = "Not a demo", body = portail_shared::api::ApiError),
    ))]
pub async fn demo_outbox(
    State(state): State<AppState>,
) -> Result<Json<Vec<OutboxMessage>>, AppError> {
    if state.config.mode != Mode::Demo {
        return Err(AppError::NotFound);
    }
    let keys = state.config.keys.clone();
    let (mut messages, letters, texts) = state
        .db
        .call(move |c| {
            Ok((
                db::outbox::recent(c, SHOWN)?,
                db::letters::recent_shown(c, &keys, SHOWN)?,
                db::sms::recent(c, SHOWN)?,
            ))
        })
        .await?;
    messages.extend(texts.into_iter().map(|t| OutboxMessage {
        id: t.id,
        channel: Channel::Sms,
        recipient: t.recipient,
        subject: "SMS".to_owned(),
        body: t.body,
        created_at: t.created_at,
        sent_at: t.sent_at,
        pdf_url: None,
    }));
    messages.extend(letters.into_iter().map(|l| OutboxMessage {
        id: l.id,
        channel: Channel::Letter,
        recipient: l.recipient,
        subject: "Courrier : votre code pour créer votre compte".to_owned(),
        body: l.text,
        created_at: l.created_at,
        sent_at: l.printed_at,
        pdf_url: Some(format!("/api/demo/letters/{}", l.id)),
    }));
    // ISO-8601 UTC strings sort as time; the sort is stable, so ties keep the newest-id order.
    messages.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    Ok(Json(messages))
}

/// A letter's PDF, as the printer would receive it. Demo mode only.
#[utoipa::path(get, path = "/api/demo/letters/{id}", tag = "demo",
    params(("id" = i64, Path, description = "The letter")),
    responses(
        (status = 200, description = "The letter (PDF)", content_type = "application/pdf"),
        (status = 404, description = "Not a demo, or no such letter", body = portail_shared::api::ApiError),
    ))]
pub async fn demo_letter(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    if state.config.mode != Mode::Demo {
        return Err(AppError::NotFound);
    }
    let keys = state.config.keys.clone();
    let pdf = state
        .db
        .call(move |c| db::letters::pdf(c, &keys, id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"courrier-activation.pdf\"",
            ),
        ],
        pdf,
    )
        .into_response())
}
