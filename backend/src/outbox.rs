//! The demo outbox: in demo mode, every e-mail the portal wrote can be read in the browser.

use crate::Mode;
use crate::{AppError, db, http::AppState};
use axum::{Json, extract::State};
use portail_shared::outbox::OutboxEmail;

/// The 50 most recent e-mails, newest first. Demo mode only: in production it does not exist.
#[utoipa::path(get, path = "/api/demo/outbox", tag = "demo",
    responses(
        (status = 200, description = "Recent e-mails, newest first", body = [OutboxEmail]),
        (status = 404, description = "Not a demo", body = portail_shared::api::ApiError),
    ))]
pub async fn demo_outbox(
    State(state): State<AppState>,
) -> Result<Json<Vec<OutboxEmail>>, AppError> {
    if state.config.mode != Mode::Demo {
        return Err(AppError::NotFound);
    }
    Ok(Json(state.db.call(|c| db::outbox::recent(c, 50)).await?))
}
