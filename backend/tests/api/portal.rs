use crate::helpers::spawn_app;
use axum::{body::Body, http::Request};
use portail::Mode;

#[tokio::test]
async fn health_answers_ok_with_the_version_once_the_database_answers() {
    let app = spawn_app(Mode::Production);
    let answer = app.get("/api/health").await;
    assert_eq!(answer.status, 200);
    let body = answer.json();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn config_tells_the_browser_the_mode_fund_name_and_the_servers_clock() {
    let app = spawn_app(Mode::Demo);
    let demo = app.get("/api/config").await.json();
    assert_eq!(demo["mode"], "demo");
    assert_eq!(demo["fund_name"], "Caisse de test");
    // The browser tells the day by the server's clock (a demo's --today, a test's instant).
    assert_eq!(
        demo["now"],
        portail::clock::format(crate::helpers::test_now())
    );
    app.state.clock.advance(3600);
    assert_eq!(
        app.get("/api/config").await.json()["now"],
        portail::clock::format(crate::helpers::test_now() + time::Duration::hours(1))
    );
    let prod = spawn_app(Mode::Production).get("/api/config").await.json();
    assert_eq!(prod["mode"], "production");
}

#[tokio::test]
async fn openapi_document_is_3_1_and_describes_every_api_route() {
    let app = spawn_app(Mode::Production);
    let doc = app.get("/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in ["/api/health", "/api/config"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} undocumented");
    }
    assert!(doc["components"]["schemas"]["ApiError"].is_object());
}

#[tokio::test]
async fn each_app_gets_the_common_words_and_its_own_in_one_language() {
    use portail_shared::i18n::{Text, Words};
    let app = spawn_app(Mode::Demo);
    let answer = app.get("/i18n/member/fr.json").await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.header("cache-control"), "no-cache");
    let words: Words = serde_json::from_slice(&answer.body).unwrap();
    assert_eq!(words.fingerprint, Text::FINGERPRINT);
    assert_eq!(words.words.len(), Text::SLOTS);
    assert!(
        words.words.iter().any(|w| w == "Paiements"),
        "a member's word"
    );
    assert!(
        words.words.iter().any(|w| w == "Aller au contenu"),
        "a common word"
    );
    assert!(
        !words.words.iter().any(|w| w == "Espace agents"),
        "no member ever downloads the agents' words"
    );
    assert!(!words.words.iter().any(|w| w == "Payments"), "French only");
    let english: Words =
        serde_json::from_slice(&app.get("/i18n/agent/en.json").await.body).unwrap();
    assert!(english.words.iter().any(|w| w == "Skip to content"));
    assert!(!english.words.iter().any(|w| w == "Payments"));

    // Revalidated by its ETag; sent compressed to a browser that says it reads brotli.
    let etag = answer.header("etag").to_owned();
    assert!(etag.starts_with('"'), "{etag}");
    let again = app
        .send(
            Request::get("/i18n/member/fr.json")
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, 304);
    let compressed = app
        .send(
            Request::get("/i18n/member/fr.json")
                .header("accept-encoding", "gzip, deflate, br")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(compressed.header("content-encoding"), "br");
    assert!(compressed.body.len() * 3 < answer.body.len());

    for unknown in [
        "/i18n/member/de.json",
        "/i18n/pharmacie/fr.json",
        "/i18n/member/fr",
    ] {
        assert_eq!(app.get(unknown).await.status, 404, "{unknown}");
    }
}
