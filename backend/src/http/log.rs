//! One structured log line per request: method, route template, status, duration.
//!
//! The route template (`/api/requests/{id}`) is logged, never the raw URI, so identifiers
//! and query strings with personal data stay out of the logs.

use axum::{
    extract::{MatchedPath, Request},
    middleware::Next,
    response::Response,
};
use std::time::Instant;

pub async fn requests(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "(static or fallback)".to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let millis = started.elapsed().as_millis() as u64;
    if status >= 500 {
        tracing::warn!(%method, %route, status, millis, "request");
    } else {
        tracing::info!(%method, %route, status, millis, "request");
    }
    response
}
