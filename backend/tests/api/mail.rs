//! E-mail leaves through a real SMTP conversation.

use crate::{helpers::spawn_app, helpers::test_keys, helpers::test_now, smtp};
use axum::{body::Body, http::Request};
use portail::{Mode, demo, mail::Sender};

#[tokio::test]
async fn login_code_is_delivered_over_smtp_and_marked_sent() {
    let (url, mut inbox) = smtp::start().await;
    let app = spawn_app(Mode::Demo);
    demo::seed(&app.state.db, &test_keys(), test_now())
        .await
        .unwrap();
    let step = app
        .send(
            Request::post("/api/login")
                .header("content-type", "application/json")
                .body(Body::from(
                    r#"{"nir":"291056912304511","password":"Tournesol-Azur-48"}"#,
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(step.status, 200, "{}", step.text());

    let sender = Sender::new(&url, "Caisse de test <ne-pas-repondre@caisse.test>").unwrap();
    let sent = sender
        .send_pending(&app.state.db, &app.state.clock)
        .await
        .unwrap();
    assert_eq!(sent, 1);
    let message = inbox.recv().await.unwrap();
    assert_eq!(message.from, "<ne-pas-repondre@caisse.test>");
    assert_eq!(
        message.to,
        vec!["<camille.martin@demo.portail.test>".to_owned()]
    );
    assert!(
        message.data.contains("Subject: Votre code de connexion"),
        "{}",
        message.data
    );

    // The outbox records the delivery; nothing is sent twice.
    let outbox = app.get("/api/demo/outbox").await.json();
    assert!(outbox[0]["sent_at"].is_string());
    assert_eq!(
        sender
            .send_pending(&app.state.db, &app.state.clock)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn an_unreachable_smtp_server_leaves_the_email_queued() {
    let app = spawn_app(Mode::Demo);
    demo::seed(&app.state.db, &test_keys(), test_now())
        .await
        .unwrap();
    app.state
        .db
        .call(|c| portail::db::outbox::push(c, "a@b.test", "S", "B", "2026-01-01T00:00:00Z"))
        .await
        .unwrap();
    // Nothing listens on port 9 of loopback.
    let sender = Sender::new("smtp://127.0.0.1:9", "x <x@y.test>").unwrap();
    assert_eq!(
        sender
            .send_pending(&app.state.db, &app.state.clock)
            .await
            .unwrap(),
        0
    );
    let outbox = app.get("/api/demo/outbox").await.json();
    assert!(outbox[0]["sent_at"].is_null());
}

#[test]
fn plain_smtp_is_refused_to_a_remote_host() {
    assert!(Sender::new("smtp://mail.example.org", "x <x@y.test>").is_err());
    assert!(Sender::new("smtp://mail.example.org:587?tls=required", "x <x@y.test>").is_ok());
    assert!(Sender::new("smtp://localhost:25", "x <x@y.test>").is_ok());
    assert!(Sender::new("smtps://u:p@mail.example.org", "not an address").is_err());
}
