//! Text messages: a mobile number proven by an SMS code, security alerts by SMS, and delivery
//! to a real HTTP provider listening on this machine.

use crate::helpers::{demo_app, sign_in_by_email};
use axum::{Json, Router, extract::State, http::HeaderMap, http::StatusCode, routing::post};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

const NORA_NIR: &str = "285105935004553";
const NORA_PASSWORD: &str = "Beffroi-Houblon-85";

#[derive(Clone, Default)]
struct Provider {
    received: Arc<Mutex<Vec<(String, Value)>>>,
    status: Arc<Mutex<u16>>,
}

/// Starts an SMS provider on a free port; returns its URL and what it receives.
async fn provider(status: u16) -> (String, Provider) {
    let provider = Provider::default();
    *provider.status.lock().unwrap() = status;
    async fn receive(
        State(p): State<Provider>,
        headers: HeaderMap,
        Json(body): Json<Value>,
    ) -> StatusCode {
        let auth = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        p.received.lock().unwrap().push((auth, body));
        StatusCode::from_u16(*p.status.lock().unwrap()).unwrap()
    }
    let app = Router::new()
        .route("/sms", post(receive))
        .with_state(provider.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}/sms"), provider)
}

fn texts(outbox: &[Value]) -> Vec<Value> {
    outbox
        .iter()
        .filter(|m| m["channel"] == "sms")
        .cloned()
        .collect()
}

#[tokio::test]
async fn a_mobile_number_proven_by_its_code_then_gets_security_alerts() {
    let app = demo_app().await;
    let cookie = sign_in_by_email(&app, NORA_NIR, NORA_PASSWORD).await;
    let early = app
        .post(
            "/api/security/mobile",
            json!({"mobile": "06 12 34 56 78"}),
            Some(&cookie),
        )
        .await;
    assert_eq!(early.status, 403);
    app.post(
        "/api/security/step-up",
        json!({"password": NORA_PASSWORD}),
        Some(&cookie),
    )
    .await;
    let landline = app
        .post(
            "/api/security/mobile",
            json!({"mobile": "01 23 45 67 89"}),
            Some(&cookie),
        )
        .await;
    assert!(
        landline.json()["fields"]["mobile"]
            .as_str()
            .unwrap()
            .contains("06 ou 07")
    );
    let asked = app
        .post(
            "/api/security/mobile",
            json!({"mobile": "06 12 34 56 78"}),
            Some(&cookie),
        )
        .await;
    assert_eq!(asked.status, 200, "{}", asked.text());
    let sms = texts(&app.outbox().await)[0].clone();
    assert_eq!(sms["recipient"], "+33612345678");
    let code = crate::helpers::six_digit_code(sms["body"].as_str().unwrap());
    let settings = app.get_with("/api/security", &cookie).await.json();
    assert!(settings["mobile"].is_null());
    assert_eq!(settings["mobile_pending"], "+33612345678");

    let wrong = app
        .post(
            "/api/security/mobile/confirm",
            json!({"code": "000000"}),
            Some(&cookie),
        )
        .await;
    assert!(
        wrong.json()["fields"]["code"]
            .as_str()
            .unwrap()
            .contains("4 essais")
    );
    let right = app
        .post(
            "/api/security/mobile/confirm",
            json!({"code": code}),
            Some(&cookie),
        )
        .await;
    assert_eq!(right.status, 200, "{}", right.text());
    assert_eq!(
        app.get_with("/api/security", &cookie).await.json()["mobile"],
        "+33612345678"
    );

    // Failed logins now also alert the phone, without a link.
    for _ in 0..5 {
        app.post(
            "/api/login",
            json!({"nir": NORA_NIR, "password": "pas le bon"}),
            None,
        )
        .await;
        app.state.clock.advance(120);
    }
    let alert = texts(&app.outbox().await)[0].clone();
    assert_eq!(alert["recipient"], "+33612345678");
    let body = alert["body"].as_str().unwrap();
    assert!(body.contains("connexion suspendue"), "{body}");
    assert!(body.contains("36 46") && !body.contains("http"), "{body}");

    // Removing the number stops the texts.
    let cookie = sign_in_by_email(&app, NORA_NIR, NORA_PASSWORD).await;
    app.post(
        "/api/security/step-up",
        json!({"password": NORA_PASSWORD}),
        Some(&cookie),
    )
    .await;
    let removed = app
        .post("/api/security/mobile/remove", json!({}), Some(&cookie))
        .await;
    assert_eq!(removed.status, 200);
    assert!(app.get_with("/api/security", &cookie).await.json()["mobile"].is_null());
}

#[tokio::test]
async fn texts_are_handed_to_the_provider_with_its_token_and_retried_when_it_fails() {
    let app = demo_app().await;
    app.state
        .db
        .call(|c| portail::db::sms::push(c, "+33612345678", "Bonjour", "2026-01-01T00:00:00Z"))
        .await
        .unwrap();

    // A provider that refuses: the text stays, with the attempt counted.
    let (down, refusing) = provider(503).await;
    let sender = portail::sms::Sender::new(&down, "jeton-secret").unwrap();
    assert_eq!(
        sender
            .send_pending(&app.state.db, &app.state.clock)
            .await
            .unwrap(),
        0
    );
    assert_eq!(refusing.received.lock().unwrap().len(), 1);
    assert!(texts(&app.outbox().await)[0]["sent_at"].is_null());

    let (up, accepting) = provider(202).await;
    let sender = portail::sms::Sender::new(&up, "jeton-secret").unwrap();
    assert_eq!(
        sender
            .send_pending(&app.state.db, &app.state.clock)
            .await
            .unwrap(),
        1
    );
    let received = accepting.received.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].0, "Bearer jeton-secret");
    assert_eq!(
        received[0].1,
        json!({"to": "+33612345678", "text": "Bonjour"})
    );
    assert!(texts(&app.outbox().await)[0]["sent_at"].is_string());
    // Nothing is sent twice.
    assert_eq!(
        sender
            .send_pending(&app.state.db, &app.state.clock)
            .await
            .unwrap(),
        0
    );
}

#[test]
fn a_provider_must_be_reached_over_https_except_on_this_machine() {
    assert!(portail::sms::Sender::new("http://sms.example.org/send", "t").is_err());
    assert!(portail::sms::Sender::new("https://sms.example.org/send", "t").is_ok());
    assert!(portail::sms::Sender::new("http://127.0.0.1:9999/send", "t").is_ok());
}
