use crate::helpers::spawn_app;
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
async fn config_tells_the_browser_the_mode_and_fund_name() {
    let demo = spawn_app(Mode::Demo).get("/api/config").await.json();
    assert_eq!(demo["mode"], "demo");
    assert_eq!(demo["fund_name"], "Caisse de test");
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
