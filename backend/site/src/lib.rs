//! The three browser apps, as the server serves them: the members' portal everywhere, the
//! agents' area under `/agent`, the verification page at `/verifier`.
//!
//! Trunk names every asset with a content hash, so assets are cached for a year as immutable;
//! each app's `index.html` must always be revalidated so a new release is picked up at once.
//! Unknown addresses serve their app's `index.html` (200) so deep links such as
//! `/remboursements` or `/agent/messages/4` survive a reload.

use axum::{
    Router,
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse},
};
use memory_serve::{CacheControl, MemoryServe};

/// The members' portal's `index.html` as built (empty when built without the bundle).
pub const MEMBER_HTML: &str = include_str!(concat!(env!("OUT_DIR"), "/member.html"));
/// The agents' area's `index.html`.
pub const AGENT_HTML: &str = include_str!(concat!(env!("OUT_DIR"), "/agent.html"));
/// The verification page's `index.html`.
pub const VERIFIER_HTML: &str = include_str!(concat!(env!("OUT_DIR"), "/verifier.html"));

/// Where each app lives: its address (`""` for the members' portal, at the root).
pub const AGENT_PATH: &str = "/agent";
/// The verification page's address, printed in every attestation's QR code: it never changes.
pub const VERIFIER_PATH: &str = "/verifier";

/// The three apps' routes.
pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .nest(AGENT_PATH, app(memory_serve::load!("agent"), AGENT_HTML))
        .nest(
            VERIFIER_PATH,
            app(memory_serve::load!("verifier"), VERIFIER_HTML),
        )
        .merge(app(memory_serve::load!("member"), MEMBER_HTML))
}

fn app<S: Clone + Send + Sync + 'static>(bundle: MemoryServe, index: &str) -> Router<S> {
    let served = bundle
        .index_file(Some("/index.html"))
        .fallback(Some("/index.html"))
        .fallback_status(StatusCode::OK)
        .html_cache_control(CacheControl::NoCache)
        .cache_control(CacheControl::Long)
        .into_router();
    if index.is_empty() {
        served.fallback(bundle_missing)
    } else {
        served
    }
}

/// The `Service-Worker-Allowed` header an app's worker script needs to control its app's
/// address without a trailing slash (`/agent/sw.js` controlling `/agent`), if `path` is one.
pub fn worker_scope(path: &str) -> Option<HeaderValue> {
    [AGENT_PATH, VERIFIER_PATH]
        .into_iter()
        .find(|app| path.strip_prefix(app) == Some("/sw.js"))
        .map(HeaderValue::from_static)
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
