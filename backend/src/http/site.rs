//! The browser bundle built by trunk, embedded in the executable.
//!
//! Trunk names every asset with a content hash, so assets are cached for a year as immutable;
//! `index.html` must always be revalidated so a new release is picked up at once. Unknown
//! paths serve `index.html` (200) so deep links such as `/remboursements` survive a reload.

use super::AppState;
use axum::{
    Router,
    http::{StatusCode, header},
    response::{Html, IntoResponse},
};
use memory_serve::CacheControl;

/// The bundle's `index.html` as built (empty when the server was built without a bundle).
pub const INDEX_HTML: &str = include_str!(concat!(env!("OUT_DIR"), "/index.html"));

pub fn router() -> Router<AppState> {
    let bundle = memory_serve::load!()
        .index_file(Some("/index.html"))
        .fallback(Some("/index.html"))
        .fallback_status(StatusCode::OK)
        .html_cache_control(CacheControl::NoCache)
        .cache_control(CacheControl::Long)
        .into_router();
    if INDEX_HTML.is_empty() {
        bundle.fallback(bundle_missing)
    } else {
        bundle
    }
}

/// Said instead of a blank page when the executable was built before the browser bundle.
async fn bundle_missing() -> impl IntoResponse {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CACHE_CONTROL, "no-store")],
        Html(
            "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Portail</title>\
             <h1>Application non construite</h1>\
             <p>Ce serveur a été compilé sans l'interface web. Construisez-la avec \
             <code>cargo xtask dist</code>.</p></html>",
        ),
    )
}
