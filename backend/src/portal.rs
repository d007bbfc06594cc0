//! Facts about the portal itself: health for operators and load balancers, and the public
//! configuration the browser reads before anyone logs in.

use crate::{AppError, db, http::AppState};
use axum::{Json, extract::State};
use portail_shared::api::{Health, PublicConfig};

/// The portal's version, from the workspace manifest.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Answers 200 once the database answers a query.
#[utoipa::path(get, path = "/api/health", tag = "portal",
    responses(
        (status = 200, description = "The portal and its database answer", body = Health),
        (status = 503, description = "The database does not answer", body = portail_shared::api::ApiError),
    ))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    state
        .db
        .call(|conn| db::ping(conn))
        .await
        .map_err(|_| AppError::Unavailable)?;
    Ok(Json(Health {
        status: "ok".into(),
        version: VERSION.into(),
    }))
}

/// What the browser needs before login: demo or production, the fund's name.
#[utoipa::path(get, path = "/api/config", tag = "portal",
    responses((status = 200, description = "Public configuration", body = PublicConfig)))]
pub async fn config(State(state): State<AppState>) -> Json<PublicConfig> {
    Json(PublicConfig {
        mode: state.config.mode,
        fund_name: state.config.fund_name.clone(),
        version: VERSION.into(),
        now: crate::clock::format(state.clock.now()),
    })
}
