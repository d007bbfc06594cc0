//! Response headers and the CSRF rule, applied to every request.

use super::AppState;
use crate::{AppError, crypto};
use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The CSP: same-origin everything, wasm compilation allowed, and trunk's inline loader script
/// allowed by its hash (never `'unsafe-inline'`).
pub fn content_security_policy(index_html: &str) -> String {
    let hashes: Vec<String> = inline_scripts(index_html)
        .into_iter()
        .map(crypto::csp_hash)
        .collect();
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for h in &hashes {
        script_src.push(' ');
        script_src.push_str(h);
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
         form-action 'self'; manifest-src 'self'; worker-src 'self'"
    )
}

/// The bodies of `<script>` elements without a `src`, exactly as the browser hashes them.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let open_tag = &after[..open_end];
        let body_and_rest = &after[open_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !open_tag.contains(" src=") {
            found.push(&body_and_rest[..close]);
        }
        rest = &body_and_rest[close..];
    }
    found
}

/// Adds the security headers to every response, and `no-store` to API responses (they may
/// hold personal data and must never sit in a shared or browser cache).
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api");
    let worker_scope = portail_site::worker_scope(request.uri().path());
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    if let Some(scope) = worker_scope {
        h.insert("service-worker-allowed", scope);
    }
    if let Ok(csp) = HeaderValue::from_str(&state.csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    for (name, value) in fixed {
        h.insert(name, HeaderValue::from_static(value));
    }
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
        ),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if state.config.public_origin.starts_with("https://") {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    if is_api {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// State-changing requests must come from the portal's own pages: the browser's
/// `Sec-Fetch-Site` (or, from older browsers, `Origin`) must say same-origin, and the body
/// must be JSON (a content type a cross-site form cannot send without a CORS preflight, which
/// this server never grants) or carry the portal's own request header (file uploads).
pub async fn csrf(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if is_safe(request.method()) || same_origin(&state, request.headers()) {
        return next.run(request).await;
    }
    AppError::Csrf.into_response()
}

/// The header the portal's own upload code sets on multipart requests.
pub const REQUEST_HEADER: &str = "x-portail-request";

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn same_origin(state: &AppState, headers: &HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let origin_ok = match (text("sec-fetch-site"), text("origin")) {
        (Some(site), _) => site == "same-origin",
        (None, Some(origin)) => {
            origin == state.config.public_origin
                || (state.config.mode == crate::Mode::Demo
                    && text("host").is_some_and(|host| origin_matches_host(origin, host)))
        }
        // No browser sends neither on a cross-site request; non-browser clients are not
        // a CSRF vector.
        (None, None) => true,
    };
    let json = text("content-type").is_some_and(|ct| {
        ct.split(';')
            .next()
            .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
    });
    origin_ok && (json || headers.contains_key(REQUEST_HEADER))
}

/// In demo mode the portal may be reached as `localhost` or `127.0.0.1`: accept an `Origin`
/// whose authority is the request's own `Host`.
fn origin_matches_host(origin: &str, host: &str) -> bool {
    origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .is_some_and(|authority| authority == host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_external_ones_skipped() {
        let html = r#"<head><script src="/a.js"></script><script type="module">import x;
</script></head><body><script>b()</script></body>"#;
        assert_eq!(inline_scripts(html), vec!["import x;\n", "b()"]);
    }

    #[test]
    fn csp_lists_the_hash_of_each_inline_script_and_never_unsafe_inline() {
        let csp = content_security_policy("<script>b()</script>");
        assert!(csp.contains(&crypto::csp_hash("b()")));
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn origin_must_match_host_exactly() {
        assert!(origin_matches_host(
            "http://127.0.0.1:8080",
            "127.0.0.1:8080"
        ));
        assert!(!origin_matches_host(
            "http://127.0.0.1:8080.evil",
            "127.0.0.1:8080"
        ));
        assert!(!origin_matches_host(
            "http://evil.example",
            "127.0.0.1:8080"
        ));
    }
}
