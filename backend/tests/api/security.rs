//! Account security: the authenticator app and its recovery codes, step-up, the open sessions.

use crate::helpers::{TestApp, demo_app, sign_in_by_email};
use serde_json::{Value, json};
use totp_rs::{Builder, Secret};

const NORA_NIR: &str = "285105935004553";
const NORA_PASSWORD: &str = "Beffroi-Houblon-85";

/// The code an authenticator app shows for `secret` at the app's current (test) time.
fn app_code(app: &TestApp, secret: &str) -> String {
    let secret = Secret::try_from_base32(secret.replace(' ', "")).unwrap();
    let totp = Builder::new().with_secret(secret).build().unwrap();
    let now = u64::try_from(app.state.clock.now().unix_timestamp()).unwrap();
    totp.generate(now).to_string()
}

/// Nora signed in, stepped up, with an authenticator app set up; returns her cookie, the
/// secret and the recovery codes.
async fn nora_with_app(app: &TestApp) -> (String, String, Vec<String>) {
    let cookie = sign_in_by_email(app, NORA_NIR, NORA_PASSWORD).await;
    let stepped = app
        .post(
            "/api/security/step-up",
            json!({"password": NORA_PASSWORD}),
            Some(&cookie),
        )
        .await;
    assert_eq!(stepped.status, 200, "{}", stepped.text());
    let setup = app
        .post("/api/security/totp", json!({}), Some(&cookie))
        .await;
    assert_eq!(setup.status, 200, "{}", setup.text());
    let setup = setup.json();
    let secret = setup["secret"].as_str().unwrap().replace(' ', "");
    let code = app_code(app, &secret);
    let confirmed = app
        .post(
            "/api/security/totp/confirm",
            json!({"code": code}),
            Some(&cookie),
        )
        .await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.text());
    let codes: Vec<String> = confirmed.json()["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    (cookie, secret, codes)
}

async fn first_step(app: &TestApp) -> (Value, String) {
    let step = app
        .post(
            "/api/login",
            json!({"nir": NORA_NIR, "password": NORA_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(step.status, 200, "{}", step.text());
    (step.json(), step.cookie())
}

#[tokio::test]
async fn setting_up_an_app_needs_the_password_again_and_a_first_right_code() {
    let app = demo_app().await;
    let cookie = sign_in_by_email(&app, NORA_NIR, NORA_PASSWORD).await;
    // Without the password typed again: refused.
    let early = app
        .post("/api/security/totp", json!({}), Some(&cookie))
        .await;
    assert_eq!(early.status, 403);
    assert_eq!(early.json()["code"], "step_up_required");
    let wrong = app
        .post(
            "/api/security/step-up",
            json!({"password": "pas le bon"}),
            Some(&cookie),
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.json()["fields"]["password"].is_string());
    app.post(
        "/api/security/step-up",
        json!({"password": NORA_PASSWORD}),
        Some(&cookie),
    )
    .await;
    let setup = app
        .post("/api/security/totp", json!({}), Some(&cookie))
        .await
        .json();
    let url = setup["otpauth_url"].as_str().unwrap();
    assert!(url.starts_with("otpauth://totp/"), "{url}");
    assert!(
        url.contains("nora.garcia%40demo.portail.test")
            || url.contains("nora.garcia@demo.portail.test"),
        "{url}"
    );
    let rows = setup["qr"].as_array().unwrap();
    assert!(
        rows.len() >= 21
            && rows
                .iter()
                .all(|r| r.as_array().unwrap().len() == rows.len())
    );
    let secret = setup["secret"].as_str().unwrap().replace(' ', "");

    // A wrong first code changes nothing: e-mail codes still.
    let bad = app
        .post(
            "/api/security/totp/confirm",
            json!({"code": "000000"}),
            Some(&cookie),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        app.get_with("/api/security", &cookie).await.json()["factor"],
        "email"
    );

    let right = app
        .post(
            "/api/security/totp/confirm",
            json!({"code": app_code(&app, &secret)}),
            Some(&cookie),
        )
        .await;
    assert_eq!(right.status, 200, "{}", right.text());
    let codes = right.json()["codes"].as_array().unwrap().clone();
    assert_eq!(codes.len(), 10);
    let settings = app.get_with("/api/security", &cookie).await.json();
    assert_eq!(settings["factor"], "totp");
    assert_eq!(settings["recovery_codes_left"], 10);
    assert_eq!(
        app.outbox().await[0]["subject"],
        "Application d'authentification activée"
    );

    // The step-up lasts ten minutes.
    app.state.clock.advance(11 * 60);
    let late = app
        .post("/api/security/factor/email", json!({}), Some(&cookie))
        .await;
    assert_eq!(late.status, 403);
}

#[tokio::test]
async fn with_an_app_the_login_sends_nothing_and_a_code_works_once() {
    let app = demo_app().await;
    let (_, secret, _) = nora_with_app(&app).await;
    let mails = app.outbox().await.len();
    let (step, pending) = first_step(&app).await;
    assert_eq!(step["factor"], "totp");
    assert_eq!(app.outbox().await.len(), mails, "no e-mail at login");
    // The code that confirmed the setup is spent (same 30-second step).
    let replay = app
        .post(
            "/api/login/code",
            json!({"code": app_code(&app, &secret)}),
            Some(&pending),
        )
        .await;
    assert_eq!(replay.status, 422);
    app.state.clock.advance(30);
    let next = app
        .post(
            "/api/login/code",
            json!({"code": app_code(&app, &secret)}),
            Some(&pending),
        )
        .await;
    assert_eq!(next.status, 200, "{}", next.text());
    // No "new code by e-mail" for an app.
    let (_, other) = first_step(&app).await;
    assert_eq!(
        app.post("/api/login/code/resend", json!({}), Some(&other))
            .await
            .status,
        401
    );
}

#[tokio::test]
async fn a_recovery_code_works_once_and_is_reported_by_email() {
    let app = demo_app().await;
    let (_, _, codes) = nora_with_app(&app).await;
    let (_, pending) = first_step(&app).await;
    let used = app
        .post(
            "/api/login/code",
            json!({"code": codes[3].to_lowercase()}),
            Some(&pending),
        )
        .await;
    assert_eq!(used.status, 200, "{}", used.text());
    let mail = mail_with(&app, "Un code de secours a servi").await;
    assert!(mail["body"].as_str().unwrap().contains("reste 9"));
    let (_, again) = first_step(&app).await;
    let twice = app
        .post("/api/login/code", json!({"code": codes[3]}), Some(&again))
        .await;
    assert_eq!(twice.status, 422);
}

#[tokio::test]
async fn five_wrong_app_codes_end_the_pending_login() {
    let app = demo_app().await;
    nora_with_app(&app).await;
    let (_, pending) = first_step(&app).await;
    for _ in 0..4 {
        let wrong = app
            .post("/api/login/code", json!({"code": "000000"}), Some(&pending))
            .await;
        assert_eq!(wrong.status, 422);
    }
    let last = app
        .post("/api/login/code", json!({"code": "000000"}), Some(&pending))
        .await;
    assert!(
        last.json()["fields"]["code"]
            .as_str()
            .unwrap()
            .contains("Trop d'essais")
    );
    let after = app
        .post("/api/login/code", json!({"code": "000000"}), Some(&pending))
        .await;
    assert_eq!(after.status, 401);
}

#[tokio::test]
async fn a_password_reset_does_not_skip_the_app() {
    let app = demo_app().await;
    nora_with_app(&app).await;
    let asked = app
        .post(
            "/api/password/forgot",
            json!({"nir": NORA_NIR, "birth_date": "1985-10-12"}),
            None,
        )
        .await;
    assert_eq!(asked.status, 200);
    let body = app.outbox().await[0]["body"].as_str().unwrap().to_owned();
    let token = body
        .split_whitespace()
        .find(|w| w.contains("#"))
        .and_then(|l| l.split('#').nth(1))
        .unwrap()
        .to_owned();
    let new_password = "Lanterne-Estuaire-Vingt";
    let reset = app
        .post(
            "/api/password/reset",
            json!({"token": token, "password": new_password}),
            None,
        )
        .await;
    assert_eq!(reset.status, 200, "{}", reset.text());
    let step = app
        .post(
            "/api/login",
            json!({"nir": NORA_NIR, "password": new_password}),
            None,
        )
        .await;
    assert_eq!(step.json()["factor"], "totp");
}

#[tokio::test]
async fn going_back_to_email_codes_deletes_the_app_and_its_recovery_codes() {
    let app = demo_app().await;
    let (cookie, _, codes) = nora_with_app(&app).await;
    let back = app
        .post("/api/security/factor/email", json!({}), Some(&cookie))
        .await;
    assert_eq!(back.status, 200, "{}", back.text());
    assert_eq!(
        app.outbox().await[0]["subject"],
        "Codes de connexion par e-mail"
    );
    let (step, pending) = first_step(&app).await;
    assert_eq!(step["factor"], "email");
    // A recovery code is no longer accepted.
    let old = app
        .post("/api/login/code", json!({"code": codes[0]}), Some(&pending))
        .await;
    assert_eq!(old.status, 422);
}

#[tokio::test]
async fn the_member_sees_their_open_sessions_and_ends_another_one() {
    let app = demo_app().await;
    let first = sign_in_by_email(&app, NORA_NIR, NORA_PASSWORD).await;
    let second = sign_in_by_email(&app, NORA_NIR, NORA_PASSWORD).await;
    let devices = app.get_with("/api/security", &second).await.json()["devices"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(devices.len(), 2);
    assert_eq!(devices[0]["current"], true);
    assert_eq!(devices[1]["current"], false);
    let other = devices[1]["id"].as_str().unwrap();
    let ended = app
        .post(
            &format!("/api/security/devices/{other}/end"),
            json!({}),
            Some(&second),
        )
        .await;
    assert_eq!(ended.status, 200);
    assert_eq!(app.get_with("/api/me", &first).await.status, 401);
    assert_eq!(app.get_with("/api/me", &second).await.status, 200);
    // Another member's session cannot be named.
    let camille = sign_in_by_email(&app, "291056912304511", "Tournesol-Azur-48").await;
    let current = devices[0]["id"].as_str().unwrap();
    let foreign = app
        .post(
            &format!("/api/security/devices/{current}/end"),
            json!({}),
            Some(&camille),
        )
        .await;
    assert_eq!(foreign.status, 404);
    assert_eq!(app.get_with("/api/me", &second).await.status, 200);
}

const FIREFOX: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/// Nora signs in from a browser that holds `device` (its cookie) if any; returns the session
/// cookie and the device cookie the browser keeps.
async fn nora_from(app: &TestApp, device: Option<&str>) -> (String, String) {
    let send = |uri: &str, body: serde_json::Value, cookies: Vec<String>| {
        let mut r = axum::http::Request::post(uri)
            .header("content-type", "application/json")
            .header("user-agent", FIREFOX);
        if !cookies.is_empty() {
            r = r.header("cookie", cookies.join("; "));
        }
        app.send(r.body(axum::body::Body::from(body.to_string())).unwrap())
    };
    let device: Vec<String> = device.map(str::to_owned).into_iter().collect();
    let step = send(
        "/api/login",
        json!({"nir": NORA_NIR, "password": NORA_PASSWORD}),
        device.clone(),
    )
    .await;
    let mut cookies = device.clone();
    cookies.push(step.cookie());
    let code = crate::helpers::six_digit_code(app.outbox().await[0]["body"].as_str().unwrap());
    let done = send("/api/login/code", json!({"code": code}), cookies).await;
    assert_eq!(done.status, 200, "{}", done.text());
    let all = done.cookies();
    let session = all
        .iter()
        .find(|c| c.starts_with("portail_session="))
        .unwrap()
        .clone();
    let kept = all
        .iter()
        .find(|c| c.starts_with("portail_appareil="))
        .unwrap()
        .clone();
    (session, kept)
}

/// The newest e-mail with this subject.
async fn mail_with(app: &TestApp, subject: &str) -> Value {
    app.outbox()
        .await
        .into_iter()
        .find(|m| m["subject"] == subject)
        .unwrap_or_else(|| panic!("no e-mail '{subject}'"))
}

/// The token of the "this was not me" link in an e-mail.
fn token_in(mail: &Value) -> String {
    let body = mail["body"].as_str().unwrap();
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/securite/pas-moi#"))
        .expect("a 'this was not me' link");
    link.split('#').nth(1).unwrap().to_owned()
}

/// The token of the newest "this was not me" link in the outbox.
async fn not_me_token(app: &TestApp) -> String {
    let body = app.outbox().await[0]["body"].as_str().unwrap().to_owned();
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/securite/pas-moi#"))
        .expect("a 'this was not me' link");
    assert!(link.starts_with("https://portail.test/"), "{link}");
    link.split('#').nth(1).unwrap().to_owned()
}

#[tokio::test]
async fn a_login_from_a_new_browser_is_reported_and_this_was_not_me_secures_the_account() {
    let app = demo_app().await;
    // The first browser an account uses is not news; coming back with it is not either.
    let (first, device) = nora_from(&app, None).await;
    let (_, same) = nora_from(&app, Some(&device)).await;
    assert_eq!(same, device);
    let subjects = |mails: Vec<serde_json::Value>| -> Vec<String> {
        mails
            .iter()
            .map(|m| m["subject"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(
        !subjects(app.outbox().await).contains(&"Nouvelle connexion à votre compte".to_owned())
    );

    // Another browser: the owner is told when, from what, and what to do.
    nora_from(&app, None).await;
    let notice = app.outbox().await[0].clone();
    assert_eq!(notice["subject"], "Nouvelle connexion à votre compte");
    let body = notice["body"].as_str().unwrap();
    assert!(body.contains("Firefox sur Windows"), "{body}");
    assert!(body.contains("heure de Paris"), "{body}");
    assert!(!body.to_lowercase().contains("mot de passe :"), "{body}");
    let token = not_me_token(&app).await;

    // "This was not me": every session ends, and a reset link is e-mailed.
    let secured = app
        .post("/api/security/not-me", json!({"token": token}), None)
        .await;
    assert_eq!(secured.status, 200, "{}", secured.text());
    assert_eq!(app.get_with("/api/me", &first).await.status, 401);
    assert_eq!(
        app.outbox().await[0]["subject"],
        "Réinitialiser votre mot de passe"
    );
    // The link works once.
    let again = app
        .post("/api/security/not-me", json!({"token": token}), None)
        .await;
    assert_eq!(again.status, 422);
    assert!(again.json()["fields"]["token"].is_string());
}

#[tokio::test]
async fn repeated_failures_tell_the_owner_once_with_what_to_do() {
    let app = demo_app().await;
    for _ in 0..5 {
        app.post(
            "/api/login",
            json!({"nir": NORA_NIR, "password": "pas le bon"}),
            None,
        )
        .await;
        app.state.clock.advance(120);
    }
    let notices: Vec<serde_json::Value> = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m["subject"] == "Connexion suspendue après plusieurs essais")
        .collect();
    assert_eq!(notices.len(), 1);
    let body = notices[0]["body"].as_str().unwrap();
    assert!(body.contains("/securite/pas-moi#"), "{body}");
    assert!(body.contains("Mot de passe oublié"), "{body}");
}

#[tokio::test]
async fn every_security_notice_carries_a_this_was_not_me_link() {
    let app = demo_app().await;
    let (_, _, codes) = nora_with_app(&app).await;
    assert_eq!(
        app.outbox().await[0]["subject"],
        "Application d'authentification activée"
    );
    not_me_token(&app).await;
    let (_, pending) = first_step(&app).await;
    app.post("/api/login/code", json!({"code": codes[0]}), Some(&pending))
        .await;
    for subject in [
        "Un code de secours a servi",
        "Nouvelle connexion à votre compte",
        "Application d'authentification activée",
    ] {
        assert_eq!(
            token_in(&mail_with(&app, subject).await).len(),
            43,
            "{subject}"
        );
    }
}

#[tokio::test]
async fn a_new_password_chosen_while_signed_in_ends_the_other_sessions() {
    let app = demo_app().await;
    let other = sign_in_by_email(&app, NORA_NIR, NORA_PASSWORD).await;
    let here = sign_in_by_email(&app, NORA_NIR, NORA_PASSWORD).await;
    let new_password = "Lanterne-Estuaire-Vingt";
    let early = app
        .post(
            "/api/security/password",
            json!({"password": new_password}),
            Some(&here),
        )
        .await;
    assert_eq!(early.status, 403);
    app.post(
        "/api/security/step-up",
        json!({"password": NORA_PASSWORD}),
        Some(&here),
    )
    .await;
    // The policy holds here too.
    let weak = app
        .post(
            "/api/security/password",
            json!({"password": "Nora-Garcia-1985"}),
            Some(&here),
        )
        .await;
    assert_eq!(weak.status, 422);
    assert!(weak.json()["fields"]["password"].is_string());
    let done = app
        .post(
            "/api/security/password",
            json!({"password": new_password}),
            Some(&here),
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert_eq!(app.get_with("/api/me", &here).await.status, 200);
    assert_eq!(app.get_with("/api/me", &other).await.status, 401);
    let notice = mail_with(&app, "Votre mot de passe a été changé").await;
    assert_eq!(token_in(&notice).len(), 43);
    // Every notice says when it happened, in the member's time.
    assert!(
        notice["body"]
            .as_str()
            .unwrap()
            .contains("(heure de Paris)")
    );
    // The new password signs in; the old one does not.
    let old = app
        .post(
            "/api/login",
            json!({"nir": NORA_NIR, "password": NORA_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(old.status, 401);
    let new = app
        .post(
            "/api/login",
            json!({"nir": NORA_NIR, "password": new_password}),
            None,
        )
        .await;
    assert_eq!(new.status, 200);
}

#[tokio::test]
async fn a_new_email_address_counts_once_its_code_comes_back_and_the_old_one_is_told() {
    let app = demo_app().await;
    let cookie = sign_in_by_email(&app, NORA_NIR, NORA_PASSWORD).await;
    app.post(
        "/api/security/step-up",
        json!({"password": NORA_PASSWORD}),
        Some(&cookie),
    )
    .await;
    let same = app
        .post(
            "/api/security/email",
            json!({"email": "nora.garcia@demo.portail.test"}),
            Some(&cookie),
        )
        .await;
    assert_eq!(same.status, 422);
    let bad = app
        .post(
            "/api/security/email",
            json!({"email": "nora@"}),
            Some(&cookie),
        )
        .await;
    assert!(bad.json()["fields"]["email"].is_string());
    let asked = app
        .post(
            "/api/security/email",
            json!({"email": "nora@exemple.fr"}),
            Some(&cookie),
        )
        .await;
    assert_eq!(asked.status, 200, "{}", asked.text());
    let mail = &app.outbox().await[0];
    assert_eq!(mail["recipient"], "nora@exemple.fr");
    let code = crate::helpers::six_digit_code(mail["body"].as_str().unwrap());
    let settings = app.get_with("/api/security", &cookie).await.json();
    assert_eq!(settings["email"], "nora.garcia@demo.portail.test");
    assert_eq!(settings["email_pending"], "nora@exemple.fr");

    let wrong = app
        .post(
            "/api/security/email/confirm",
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
            "/api/security/email/confirm",
            json!({"code": code}),
            Some(&cookie),
        )
        .await;
    assert_eq!(right.status, 200, "{}", right.text());
    let settings = app.get_with("/api/security", &cookie).await.json();
    assert_eq!(settings["email"], "nora@exemple.fr");
    assert!(settings["email_pending"].is_null());
    let told = &app.outbox().await[0];
    assert_eq!(told["recipient"], "nora.garcia@demo.portail.test");
    assert_eq!(told["subject"], "Votre adresse e-mail a été changée");
    assert!(told["body"].as_str().unwrap().contains("n•••••@exemple.fr"));
    // Codes now go to the new address.
    app.post(
        "/api/login",
        json!({"nir": NORA_NIR, "password": NORA_PASSWORD}),
        None,
    )
    .await;
    assert_eq!(app.outbox().await[0]["recipient"], "nora@exemple.fr");
}
