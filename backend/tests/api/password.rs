//! Forgotten password: the e-mailed link, the policy, and what a reset ends.

use crate::helpers::{TestApp, demo_app};
use axum::{body::Body, http::Request};
use serde_json::json;

const CAMILLE_NIR: &str = "291056912304511";
const CAMILLE_BIRTH: &str = "1991-05-14";
const NEW_PASSWORD: &str = "Hirondelle-Basalte-Quinze";

/// The token of the newest reset link in the outbox.
async fn link_token(app: &TestApp) -> String {
    let mails = app.outbox().await;
    let body = mails[0]["body"].as_str().unwrap();
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/mot-de-passe/nouveau#"))
        .expect("a reset link");
    assert!(link.starts_with("https://portail.test/"), "{link}");
    link.split('#').nth(1).unwrap().to_owned()
}

async fn signed_in(app: &TestApp, password: &str) -> String {
    let step = app
        .post(
            "/api/login",
            json!({"nir": CAMILLE_NIR, "password": password}),
            None,
        )
        .await;
    assert_eq!(step.status, 200, "{}", step.text());
    let pending = step
        .header("set-cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let body = app.outbox().await[0]["body"].as_str().unwrap().to_owned();
    let code = body
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .unwrap()
        .to_owned();
    let done = app
        .post("/api/login/code", json!({"code": code}), Some(&pending))
        .await;
    assert_eq!(done.status, 200);
    done.header("set-cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_ends_every_session_and_still_asks_the_code() {
    let app = demo_app().await;
    let session = signed_in(&app, "Tournesol-Azur-48").await;

    let asked = app
        .post(
            "/api/password/forgot",
            json!({"nir": CAMILLE_NIR, "birth_date": CAMILLE_BIRTH}),
            None,
        )
        .await;
    assert_eq!(asked.status, 200, "{}", asked.text());
    assert_eq!(
        app.outbox().await[0]["subject"],
        "Réinitialiser votre mot de passe"
    );
    let token = link_token(&app).await;

    // The policy is enforced on the server.
    for (weak, expected) in [
        ("court", "12 caractères"),
        ("camille-et-les-fleurs", "nom"),
        ("fleurs-14051991-soleil", "date de naissance"),
        ("azertyuiopqsdf", "facile à deviner"),
    ] {
        let refused = app
            .post(
                "/api/password/reset",
                json!({"token": token, "password": weak}),
                None,
            )
            .await;
        assert_eq!(refused.status, 422, "{weak}");
        let message = refused.json()["fields"]["password"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(message.contains(expected), "{weak}: {message}");
    }

    let done = app
        .post(
            "/api/password/reset",
            json!({"token": token, "password": NEW_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert!(
        done.header("set-cookie").is_empty(),
        "a reset does not log in"
    );
    assert_eq!(
        app.outbox().await[0]["subject"],
        "Votre mot de passe a été changé"
    );

    // Every session ended; the link is single use; the old password no longer works.
    let me = app
        .send(
            Request::get("/api/me")
                .header("cookie", &session)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(me.status, 401);
    let reused = app
        .post(
            "/api/password/reset",
            json!({"token": token, "password": "Autre-Phrase-Longue-77"}),
            None,
        )
        .await;
    assert_eq!(reused.status, 422);
    assert!(reused.json()["fields"]["token"].is_string());
    let old = app
        .post(
            "/api/login",
            json!({"nir": CAMILLE_NIR, "password": "Tournesol-Azur-48"}),
            None,
        )
        .await;
    assert_eq!(old.status, 401);

    // The new password leads to the second factor, not straight in.
    let new = app
        .post(
            "/api/login",
            json!({"nir": CAMILLE_NIR, "password": NEW_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(new.status, 200);
    assert!(new.json()["masked_email"].is_string());
}

#[tokio::test]
async fn a_wrong_birth_date_gets_the_same_answer_and_sends_nothing() {
    let app = demo_app().await;
    let before = app.outbox().await.len();
    let wrong = app
        .post(
            "/api/password/forgot",
            json!({"nir": CAMILLE_NIR, "birth_date": "1990-01-01"}),
            None,
        )
        .await;
    let unknown = app
        .post(
            "/api/password/forgot",
            json!({"nir": "295109912611193", "birth_date": CAMILLE_BIRTH}),
            None,
        )
        .await;
    assert_eq!(wrong.status, 200);
    assert_eq!(wrong.body, unknown.body);
    assert_eq!(app.outbox().await.len(), before);
}

#[tokio::test]
async fn guessing_birth_dates_is_throttled_like_passwords() {
    let app = demo_app().await;
    for year in 1980..1982 {
        let a = app
            .post(
                "/api/password/forgot",
                json!({"nir": CAMILLE_NIR, "birth_date": format!("{year}-01-01")}),
                None,
            )
            .await;
        assert_eq!(a.status, 200);
    }
    let third = app
        .post(
            "/api/password/forgot",
            json!({"nir": CAMILLE_NIR, "birth_date": "1982-01-01"}),
            None,
        )
        .await;
    assert_eq!(
        third.status, 200,
        "the failure that starts the delay still answers the same"
    );
    let blocked = app
        .post(
            "/api/password/forgot",
            json!({"nir": CAMILLE_NIR, "birth_date": CAMILLE_BIRTH}),
            None,
        )
        .await;
    assert_eq!(blocked.status, 429);
}

#[tokio::test]
async fn an_expired_link_is_refused() {
    let app = demo_app().await;
    app.post(
        "/api/password/forgot",
        json!({"nir": CAMILLE_NIR, "birth_date": CAMILLE_BIRTH}),
        None,
    )
    .await;
    let token = link_token(&app).await;
    app.state.clock.advance(31 * 60);
    let late = app
        .post(
            "/api/password/reset",
            json!({"token": token, "password": NEW_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(late.status, 422);
    assert!(
        late.json()["fields"]["token"]
            .as_str()
            .unwrap()
            .contains("plus valable")
    );
}

#[tokio::test]
async fn malformed_requests_get_field_errors() {
    let app = demo_app().await;
    let a = app
        .post(
            "/api/password/forgot",
            json!({"nir": "12", "birth_date": "31/02/1991"}),
            None,
        )
        .await;
    assert_eq!(a.status, 422);
    assert!(a.json()["fields"]["nir"].is_string());
    assert!(a.json()["fields"]["birth_date"].is_string());
    let b = app
        .post(
            "/api/password/reset",
            json!({"token": "nope", "password": NEW_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(b.status, 422);
    assert!(b.json()["fields"]["token"].is_string());
}

#[tokio::test]
async fn the_strength_meter_is_judged_by_the_servers_dictionary() {
    let app = demo_app().await;
    let judge = |password: &'static str| {
        let app = &app;
        async move {
            app.post(
                "/api/password/strength",
                json!({"password": password}),
                None,
            )
            .await
            .json()
        }
    };
    let short = judge("court").await;
    assert_eq!(short["score"], 1);
    assert_eq!(short["acceptable"], false);
    assert!(short["advice"].as_str().unwrap().contains("12 caractères"));
    // Long enough, but a French keyboard walk: refused for guessability.
    let walk = judge("azertyuiop123").await;
    assert_eq!(walk["acceptable"], false);
    assert!(walk["score"].as_u64().unwrap() < 3);
    assert!(
        walk["advice"]
            .as_str()
            .unwrap()
            .contains("facile à deviner")
    );
    let good = judge("Hirondelle-Basalte-Quinze").await;
    assert_eq!(good["acceptable"], true);
    assert!(good["score"].as_u64().unwrap() >= 3);
    assert!(good["advice"].is_null());
    assert_eq!(judge("").await["score"], 0);
}
