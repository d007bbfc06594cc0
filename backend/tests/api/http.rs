use crate::helpers::spawn_app;
use axum::{body::Body, http::Request};
use portail::Mode;

fn post(uri: &str) -> axum::http::request::Builder {
    Request::post(uri)
}

#[tokio::test]
async fn unknown_api_path_answers_a_json_404_in_the_requested_language() {
    let app = spawn_app(Mode::Production);
    let fr = app.get("/api/nothing/here").await;
    assert_eq!(fr.status, 404);
    assert_eq!(fr.header("content-type"), "application/json");
    assert_eq!(fr.json()["code"], "not_found");
    assert!(
        fr.json()["message"]
            .as_str()
            .unwrap()
            .contains("n'existe pas")
    );

    let en = app
        .send(
            Request::get("/api/nothing")
                .header("accept-language", "en-GB,en;q=0.8")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(en.status, 404);
    assert_eq!(en.json()["code"], "not_found");
    assert!(
        en.json()["message"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
    assert_eq!(en.header("cache-control"), "no-store");
}

#[tokio::test]
async fn wrong_method_on_an_api_route_answers_a_json_405() {
    let app = spawn_app(Mode::Production);
    let answer = app
        .send(
            Request::delete("/api/health")
                .header("content-type", "application/json")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 405);
    assert_eq!(answer.json()["code"], "method_not_allowed");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app(Mode::Production);
    for uri in ["/api/health", "/", "/remboursements"] {
        let a = app.get(uri).await;
        let csp = a.header("content-security-policy");
        assert!(csp.contains("default-src 'self'"), "{uri}: {csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{uri}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{uri}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{uri}: {csp}");
        assert_eq!(a.header("x-content-type-options"), "nosniff", "{uri}");
        assert_eq!(a.header("referrer-policy"), "same-origin", "{uri}");
        assert_eq!(
            a.header("cross-origin-opener-policy"),
            "same-origin",
            "{uri}"
        );
        assert!(
            a.header("permissions-policy").contains("camera=()"),
            "{uri}"
        );
        // The test configuration's public URL is https, so HSTS is on.
        assert!(
            a.header("strict-transport-security").contains("max-age="),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn api_responses_are_never_cached() {
    let app = spawn_app(Mode::Production);
    assert_eq!(
        app.get("/api/config").await.header("cache-control"),
        "no-store"
    );
}

#[tokio::test]
async fn csp_allows_exactly_the_inline_scripts_of_the_embedded_index() {
    let app = spawn_app(Mode::Production);
    let csp = app
        .get("/")
        .await
        .header("content-security-policy")
        .to_owned();
    let index = app.get("/").await.text();
    for script in portail::http::security::inline_scripts(&index) {
        assert!(
            csp.contains(&portail::crypto::csp_hash(script)),
            "inline script not allowed by the CSP: {script}"
        );
    }
}

#[tokio::test]
async fn deep_links_serve_the_same_page_as_the_root_so_reloads_work() {
    let app = spawn_app(Mode::Production);
    let root = app.get("/").await;
    let deep = app.get("/remboursements").await;
    assert_eq!(deep.status, root.status);
    assert_eq!(deep.body, root.body);
    assert!(deep.header("content-type").starts_with("text/html"));
}

#[tokio::test]
async fn cross_site_state_changing_requests_are_refused() {
    let app = spawn_app(Mode::Production);
    let cross = app
        .send(
            post("/api/anything")
                .header("sec-fetch-site", "cross-site")
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(cross.status, 403);
    assert_eq!(cross.json()["code"], "csrf");

    let foreign_origin = app
        .send(
            post("/api/anything")
                .header("origin", "https://evil.example")
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(foreign_origin.status, 403);

    // A form-encodable content type is refused even from the same origin.
    let form = app
        .send(
            post("/api/anything")
                .header("sec-fetch-site", "same-origin")
                .header("content-type", "text/plain")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(form.status, 403);
}

#[tokio::test]
async fn same_origin_json_requests_pass_the_csrf_rule() {
    let app = spawn_app(Mode::Production);
    let same = app
        .send(
            post("/api/anything")
                .header("sec-fetch-site", "same-origin")
                .header("content-type", "application/json; charset=utf-8")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    // Past the CSRF rule, the unknown route answers 404.
    assert_eq!(same.status, 404);
    let by_origin = app
        .send(
            post("/api/anything")
                .header("origin", "https://portail.test")
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(by_origin.status, 404);
}

#[tokio::test]
async fn demo_mode_accepts_the_origin_of_the_host_it_is_reached_at() {
    let app = spawn_app(Mode::Demo);
    let a = app
        .send(
            post("/api/anything")
                .header("origin", "http://localhost:8080")
                .header("host", "localhost:8080")
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(a.status, 404);
    let prod = spawn_app(Mode::Production);
    let b = prod
        .send(
            post("/api/anything")
                .header("origin", "http://localhost:8080")
                .header("host", "localhost:8080")
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(b.status, 403);
}
