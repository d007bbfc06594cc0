//! Logging in: NIR + password, e-mail code, sessions, throttling, enumeration resistance.

use crate::helpers::{Answer, TestApp, demo_app, spawn_app};
use axum::{body::Body, http::Request};
use portail::Mode;
use serde_json::{Value, json};

const CAMILLE_NIR: &str = "2 91 05 69 123 045 11";
const CAMILLE_PASSWORD: &str = "Tournesol-Azur-48";

fn post_json(uri: &str, body: Value, cookie: Option<&str>) -> Request<Body> {
    let mut r = Request::post(uri)
        .header("content-type", "application/json")
        .header("sec-fetch-site", "same-origin");
    if let Some(c) = cookie {
        r = r.header("cookie", c);
    }
    r.body(Body::from(body.to_string())).unwrap()
}

fn get_with(uri: &str, cookie: &str) -> Request<Body> {
    Request::get(uri)
        .header("cookie", cookie)
        .body(Body::empty())
        .unwrap()
}

/// The `name=value` part of the session cookie set by an answer.
fn cookie(answer: &Answer) -> String {
    let set = answer.header("set-cookie");
    assert!(set.contains("HttpOnly"), "{set}");
    assert!(set.contains("SameSite=Lax"), "{set}");
    set.split(';').next().unwrap().to_owned()
}

async fn login(app: &TestApp, nir: &str, password: &str) -> Answer {
    app.send(post_json(
        "/api/login",
        json!({"nir": nir, "password": password}),
        None,
    ))
    .await
}

/// The code in the newest e-mail of the demo outbox.
async fn last_code(app: &TestApp) -> String {
    let outbox = app.get("/api/demo/outbox").await.json();
    let body = outbox[0]["body"].as_str().unwrap();
    body.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .expect("a 6-digit code in the e-mail")
        .to_owned()
}

async fn full_login(app: &TestApp) -> String {
    let step = login(app, CAMILLE_NIR, CAMILLE_PASSWORD).await;
    assert_eq!(step.status, 200, "{}", step.text());
    let pending = cookie(&step);
    let code = last_code(app).await;
    let done = app
        .send(post_json(
            "/api/login/code",
            json!({"code": code}),
            Some(&pending),
        ))
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    cookie(&done)
}

#[tokio::test]
async fn member_logs_in_with_nir_password_and_emailed_code_then_logs_out() {
    let app = demo_app().await;
    let step = login(&app, CAMILLE_NIR, CAMILLE_PASSWORD).await;
    assert_eq!(step.status, 200, "{}", step.text());
    assert_eq!(step.json()["masked_email"], "c•••••@demo.portail.test");
    assert_eq!(step.json()["expires_in_minutes"], 10);
    let pending = cookie(&step);

    // The e-mail went to the member, and holds no password or amount.
    let outbox = app.get("/api/demo/outbox").await.json();
    assert_eq!(outbox[0]["recipient"], "camille.martin@demo.portail.test");
    assert_eq!(outbox[0]["subject"], "Votre code de connexion");

    // Half logged in is not logged in.
    assert_eq!(app.send(get_with("/api/me", &pending)).await.status, 401);

    let code = last_code(&app).await;
    let done = app
        .send(post_json(
            "/api/login/code",
            json!({"code": code}),
            Some(&pending),
        ))
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert_eq!(done.json()["given_names"], "Camille");
    assert_eq!(done.json()["masked_nir"], "2 91 05 •• ••• ••• 11");
    let session = cookie(&done);
    assert_ne!(session, pending, "the token changes at login");

    // The pending token is worth nothing now; the new one works.
    assert_eq!(app.send(get_with("/api/me", &pending)).await.status, 401);
    let me = app.send(get_with("/api/me", &session)).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.json()["family_name"], "Martin");
    assert_eq!(me.header("cache-control"), "no-store");

    // A code is single use.
    let again = app
        .send(post_json(
            "/api/login/code",
            json!({"code": code}),
            Some(&session),
        ))
        .await;
    assert_eq!(again.status, 401);

    let out = app
        .send(post_json("/api/logout", json!({}), Some(&session)))
        .await;
    assert_eq!(out.status, 204);
    assert!(out.header("clear-site-data").contains("\"storage\""));
    assert!(out.header("clear-site-data").contains("\"cache\""));
    assert!(out.header("set-cookie").contains("Max-Age=0"));
    assert_eq!(app.send(get_with("/api/me", &session)).await.status, 401);
}

#[tokio::test]
async fn wrong_password_and_unknown_nir_get_the_same_answer() {
    let app = demo_app().await;
    let wrong = login(&app, CAMILLE_NIR, "not the password").await;
    // A valid NIR that is on no roll.
    let unknown = login(&app, "295109912611193", "not the password").await;
    assert_eq!(wrong.status, 401);
    assert_eq!(unknown.status, wrong.status);
    assert_eq!(unknown.body, wrong.body);
    assert_eq!(wrong.json()["code"], "login_failed");
    assert!(wrong.header("set-cookie").is_empty());
}

#[tokio::test]
async fn malformed_input_gets_field_errors_in_the_requested_language() {
    let app = demo_app().await;
    let fr = login(&app, "2 95 10 99 126 111 99", "").await;
    assert_eq!(fr.status, 422);
    let body = fr.json();
    assert_eq!(body["code"], "validation");
    assert!(
        body["fields"]["nir"].as_str().unwrap().contains("clé"),
        "{body}"
    );
    assert!(body["fields"]["password"].is_string());

    let en = app
        .send({
            let mut r = post_json("/api/login", json!({"nir": "12", "password": "x"}), None);
            r.headers_mut()
                .insert("accept-language", "en".parse().unwrap());
            r
        })
        .await;
    assert_eq!(en.status, 422);
    assert!(
        en.json()["fields"]["nir"].as_str().unwrap().is_ascii(),
        "English message"
    );

    let broken = app
        .send(
            Request::post("/api/login")
                .header("content-type", "application/json")
                .body(Body::from("{\"nir\": 3"))
                .unwrap(),
        )
        .await;
    assert_eq!(broken.status, 400);
    assert_eq!(broken.json()["code"], "bad_request");
}

#[tokio::test]
async fn repeated_failures_make_the_nir_wait_even_with_the_right_password() {
    let app = demo_app().await;
    for _ in 0..2 {
        assert_eq!(login(&app, CAMILLE_NIR, "wrong").await.status, 401);
    }
    let third = login(&app, CAMILLE_NIR, "wrong").await;
    assert_eq!(third.status, 429);
    assert_eq!(third.json()["code"], "login_throttled");
    assert_eq!(third.json()["retry_after_seconds"], 20);
    assert_eq!(third.header("retry-after"), "20");

    let right = login(&app, CAMILLE_NIR, CAMILLE_PASSWORD).await;
    assert_eq!(
        right.status, 429,
        "the delay applies to the right password too"
    );

    // The delay is in the database: a restarted server still enforces it.
    let restarted = TestApp {
        state: portail::AppState::new(
            portail::db::Db::open(&app.state.config.database_path()).unwrap(),
            (*app.state.config).clone(),
            app.state.clock.clone(),
        ),
        dir: tempfile::tempdir().unwrap(),
    };
    assert_eq!(
        login(&restarted, CAMILLE_NIR, CAMILLE_PASSWORD)
            .await
            .status,
        429
    );

    app.state.clock.advance(21);
    assert_eq!(login(&app, CAMILLE_NIR, CAMILLE_PASSWORD).await.status, 200);
}

#[tokio::test]
async fn an_unknown_nir_is_throttled_exactly_like_a_known_one() {
    let app = demo_app().await;
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..3 {
        known.push(login(&app, CAMILLE_NIR, "wrong").await);
        unknown.push(login(&app, "295109912611193", "wrong").await);
    }
    for (k, u) in known.iter().zip(&unknown) {
        assert_eq!(k.status, u.status);
        assert_eq!(k.body, u.body);
    }
    assert_eq!(known[2].status, 429);
}

#[tokio::test]
async fn wrong_codes_count_down_then_the_code_is_spent() {
    let app = demo_app().await;
    let pending = cookie(&login(&app, CAMILLE_NIR, CAMILLE_PASSWORD).await);
    let right = last_code(&app).await;
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };
    for left in (1..5).rev() {
        let a = app
            .send(post_json(
                "/api/login/code",
                json!({"code": wrong}),
                Some(&pending),
            ))
            .await;
        assert_eq!(a.status, 422);
        let msg = a.json()["fields"]["code"].as_str().unwrap().to_owned();
        assert!(msg.contains(&format!("{left} essai")), "{msg}");
    }
    let last = app
        .send(post_json(
            "/api/login/code",
            json!({"code": wrong}),
            Some(&pending),
        ))
        .await;
    assert!(
        last.json()["fields"]["code"]
            .as_str()
            .unwrap()
            .contains("nouveau")
    );
    // Even the right code no longer works.
    let late = app
        .send(post_json(
            "/api/login/code",
            json!({"code": right}),
            Some(&pending),
        ))
        .await;
    assert_eq!(late.status, 422);
    let malformed = app
        .send(post_json(
            "/api/login/code",
            json!({"code": "12ab"}),
            Some(&pending),
        ))
        .await;
    assert!(
        malformed.json()["fields"]["code"]
            .as_str()
            .unwrap()
            .contains("6 chiffres")
    );
}

#[tokio::test]
async fn an_expired_code_fails_and_a_new_one_replaces_it() {
    let app = demo_app().await;
    let pending = cookie(&login(&app, CAMILLE_NIR, CAMILLE_PASSWORD).await);
    let first = last_code(&app).await;
    app.state.clock.advance(11 * 60);
    let late = app
        .send(post_json(
            "/api/login/code",
            json!({"code": first}),
            Some(&pending),
        ))
        .await;
    assert_eq!(late.status, 422);
    assert!(
        late.json()["fields"]["code"]
            .as_str()
            .unwrap()
            .contains("plus valable")
    );

    let resent = app
        .send(post_json(
            "/api/login/code/resend",
            json!({}),
            Some(&pending),
        ))
        .await;
    assert_eq!(resent.status, 200, "{}", resent.text());
    // Asking again at once is refused.
    let too_soon = app
        .send(post_json(
            "/api/login/code/resend",
            json!({}),
            Some(&pending),
        ))
        .await;
    assert_eq!(too_soon.status, 429);

    let second = last_code(&app).await;
    let done = app
        .send(post_json(
            "/api/login/code",
            json!({"code": second}),
            Some(&pending),
        ))
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
}

#[tokio::test]
async fn a_session_ends_after_twenty_idle_minutes_but_activity_keeps_it() {
    let app = demo_app().await;
    let session = full_login(&app).await;
    app.state.clock.advance(15 * 60);
    assert_eq!(app.send(get_with("/api/me", &session)).await.status, 200);
    app.state.clock.advance(15 * 60);
    assert_eq!(
        app.send(get_with("/api/me", &session)).await.status,
        200,
        "activity slid the limit"
    );
    app.state.clock.advance(21 * 60);
    assert_eq!(app.send(get_with("/api/me", &session)).await.status, 401);
}

#[tokio::test]
async fn login_bodies_over_the_limit_are_refused() {
    let app = demo_app().await;
    let huge = "x".repeat(100 * 1024);
    let a = app
        .send(post_json(
            "/api/login",
            json!({"nir": CAMILLE_NIR, "password": huge}),
            None,
        ))
        .await;
    assert_eq!(a.status, 413);
    assert_eq!(a.json()["code"], "too_large");
}

#[tokio::test]
async fn demo_outbox_does_not_exist_in_production() {
    let app = spawn_app(Mode::Production);
    assert_eq!(app.get("/api/demo/outbox").await.status, 404);
}
