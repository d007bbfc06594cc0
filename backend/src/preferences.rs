//! The member's notification choices (My account): today, the e-mail sent for each payment.

use axum::{Json, extract::State};
use portail_shared::api::ApiError;
use portail_shared::preferences::Preferences;

use crate::error::JsonBody;
use crate::session::Member;
use crate::{AppError, db, http::AppState};

/// The member's choices.
#[utoipa::path(get, path = "/api/preferences", tag = "preferences",
    responses(
        (status = 200, description = "The member's notification choices", body = Preferences),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn get(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<Preferences>, AppError> {
    let payment_emails = state
        .db
        .call(move |c| db::accounts::payment_emails(c, member.account_id))
        .await?;
    Ok(Json(Preferences { payment_emails }))
}

/// Saves the member's choices.
#[utoipa::path(post, path = "/api/preferences", tag = "preferences",
    request_body = Preferences,
    responses(
        (status = 200, description = "Saved; the choices as stored", body = Preferences),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn set(
    State(state): State<AppState>,
    member: Member,
    JsonBody(choice): JsonBody<Preferences>,
) -> Result<Json<Preferences>, AppError> {
    let now = crate::clock::format(state.clock.now());
    let payment_emails = state
        .db
        .call(move |c| {
            db::accounts::set_payment_emails(c, member.account_id, choice.payment_emails, &now)?;
            db::accounts::payment_emails(c, member.account_id)
        })
        .await?;
    Ok(Json(Preferences { payment_emails }))
}
