//! The HTTP application: API routes, the embedded browser bundle, and the layers every
//! request goes through (security headers, CSRF rule, body limit, timeout, request log).

pub mod client_ip;
mod log;
pub mod security;

use crate::{AppError, Config, activation, db::Db, error, login, outbox, password, portal};
use axum::{
    Json, Router,
    extract::DefaultBodyLimit,
    http::StatusCode,
    middleware::{from_fn, from_fn_with_state},
    routing::{any, get},
};
use std::{sync::Arc, time::Duration};
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};

/// JSON bodies larger than this are refused; upload routes set their own limit.
pub const JSON_BODY_LIMIT: usize = 64 * 1024;
/// A request that takes longer than this is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub db: Db,
    /// This instance's configuration.
    pub config: Arc<Config>,
    /// The Content-Security-Policy header value, computed once.
    pub csp: Arc<str>,
    /// The time: the system's, a demo's `--today`, or a test's.
    pub clock: crate::clock::Clock,
}

impl AppState {
    /// Builds the state, computing the CSP from the three apps' embedded `index.html`.
    pub fn new(db: Db, config: Config, clock: crate::clock::Clock) -> AppState {
        let csp = security::content_security_policy(
            &[
                portail_site::MEMBER_HTML,
                portail_site::AGENT_HTML,
                portail_site::VERIFIER_HTML,
            ]
            .concat(),
        )
        .into();
        AppState {
            db,
            config: Arc::new(config),
            csp,
            clock,
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Portail API",
        description = "HTTP API of Portail, the member portal of a health-insurance fund. \
                       Every error has the shape of `ApiError`.",
        license(name = "AGPL-3.0-or-later")
    ),
    components(schemas(portail_shared::api::ApiError))
)]
struct ApiDoc;

/// The API routes and their OpenAPI description, built together so they cannot drift.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(portal::health))
        .routes(routes!(portal::config))
        .routes(routes!(login::login))
        .routes(routes!(login::code))
        .routes(routes!(login::resend))
        .routes(routes!(login::me))
        .routes(routes!(login::logout))
        .routes(routes!(password::forgot))
        .routes(routes!(password::reset))
        .routes(routes!(password::strength))
        .routes(routes!(activation::letter))
        .routes(routes!(activation::activate))
        .routes(routes!(crate::security::settings))
        .routes(routes!(crate::security::step_up))
        .routes(routes!(crate::security::totp_setup))
        .routes(routes!(crate::security::totp_confirm))
        .routes(routes!(crate::security::use_email))
        .routes(routes!(crate::security::end_device))
        .routes(routes!(crate::security::not_me))
        .routes(routes!(crate::security::change_password))
        .routes(routes!(crate::security::change_email))
        .routes(routes!(crate::security::confirm_email))
        .routes(routes!(crate::security::change_mobile))
        .routes(routes!(crate::security::confirm_mobile))
        .routes(routes!(crate::security::remove_mobile))
        .routes(routes!(crate::reimbursements::list))
        .routes(routes!(crate::reimbursements::export))
        .routes(routes!(crate::reimbursements::detail))
        .routes(routes!(crate::reimbursements::simulate))
        .routes(routes!(crate::requests::contest))
        .routes(routes!(crate::requests::list))
        .routes(routes!(crate::requests::detail))
        .routes(routes!(crate::css::context, crate::css::apply))
        .routes(routes!(crate::situation::declare))
        .routes(routes!(crate::aid::apply))
        .routes(routes!(crate::requests::agent::queue))
        .routes(routes!(crate::requests::agent::detail))
        .routes(routes!(crate::requests::agent::assign))
        .routes(routes!(crate::requests::agent::note))
        .routes(routes!(crate::requests::agent::change_status))
        .routes(routes!(crate::requests::agent::attachment))
        .routes(routes!(crate::attachments::upload))
        .routes(routes!(crate::attachments::download))
        .routes(routes!(crate::preferences::get, crate::preferences::set))
        .routes(routes!(crate::bank::get, crate::bank::change))
        .routes(routes!(crate::address::get, crate::address::change))
        .routes(routes!(crate::statement::list))
        .routes(routes!(crate::statement::monthly))
        .routes(routes!(crate::statement::annual))
        .routes(routes!(crate::attestation::list))
        .routes(routes!(crate::attestation::keys))
        .routes(routes!(crate::attestation::download))
        .routes(routes!(crate::ceam::list))
        .routes(routes!(crate::ceam::order))
        .routes(routes!(crate::ceam::provisional))
        .routes(routes!(crate::doctor::list, crate::doctor::declare))
        .routes(routes!(crate::doctor::search))
        .routes(routes!(crate::attention::list))
        .routes(routes!(crate::prevention::list))
        .routes(routes!(crate::prevention::done))
        .routes(routes!(crate::messages::list, crate::messages::create))
        .routes(routes!(crate::messages::unread))
        .routes(routes!(crate::messages::draft, crate::messages::save_draft))
        .routes(routes!(crate::messages::thread))
        .routes(routes!(crate::messages::reply))
        .routes(routes!(crate::messages::save_reply_draft))
        .routes(routes!(crate::messages::close))
        .routes(routes!(crate::messages::reopen))
        .routes(routes!(crate::messages::agent::queue))
        .routes(routes!(crate::messages::agent::thread))
        .routes(routes!(crate::messages::agent::assign))
        .routes(routes!(crate::messages::agent::reply))
        .routes(routes!(crate::messages::agent::note))
        .routes(routes!(crate::messages::agent::close))
        .routes(routes!(crate::messages::agent::upload))
        .routes(routes!(crate::messages::agent::download))
        .routes(routes!(crate::agent::login))
        .routes(routes!(crate::agent::code))
        .routes(routes!(crate::agent::me))
        .routes(routes!(crate::agent::logout))
        .routes(routes!(crate::agent::enrolment_info))
        .routes(routes!(crate::agent::enrol))
        .routes(routes!(crate::agent::demo_code))
        .routes(routes!(crate::support::search))
        .routes(routes!(crate::support::open))
        .routes(routes!(crate::support::act))
        .routes(routes!(crate::support::accesses))
        .routes(routes!(crate::support::letters))
        .routes(routes!(crate::support::batch))
        .routes(routes!(crate::support::sent))
        .routes(routes!(crate::support::stats))
        .routes(routes!(outbox::demo_outbox))
        .routes(routes!(outbox::demo_letter))
        .split_for_parts()
}

/// The OpenAPI document of every API route, as served at `/api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api().1
}

/// The whole application for `state`.
pub fn router(state: AppState) -> Router {
    let (api, doc) = api();
    let doc = Arc::new(doc);
    let api = api
        .route(
            "/api/openapi.json",
            get(move || {
                let doc = Arc::clone(&doc);
                async move { Json(doc.as_ref().clone()) }
            }),
        )
        .route("/i18n/{app}/{file}", get(portal::words))
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found));

    Router::new()
        .merge(api)
        .merge(portail_site::router())
        .method_not_allowed_fallback(method_not_allowed)
        // Innermost first: the body limit and CSRF rule apply before handlers; error
        // localisation sees every error; headers are added to every response, time-outs included.
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(from_fn_with_state(state.clone(), security::csrf))
        .layer(from_fn(error::localize))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(from_fn_with_state(state.clone(), security::headers))
        .layer(from_fn(log::requests))
        .with_state(state)
}

async fn api_not_found() -> AppError {
    AppError::NotFound
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}
