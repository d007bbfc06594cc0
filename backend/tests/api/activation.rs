//! Creating an account: the letter (PDF, outbox, export), the code and password, the e-mail
//! confirmation that opens the account, and every refusal.

use crate::helpers::{TestApp, demo_app, six_digit_code, test_keys};
use serde_json::{Value, json};

const ALIX_NIR: &str = "2 99 04 33 063 123 66";
const ALIX_BIRTH: &str = "1999-04-17";
const ALIX_EMAIL: &str = "alix.leroy@demo.portail.test";
const PASSWORD: &str = "Hirondelle-Basalte-Quinze";

async fn ask_letter(app: &TestApp, nir: &str, birth: &str, email: &str) -> crate::helpers::Answer {
    app.post(
        "/api/activation/letter",
        json!({"nir": nir, "birth_date": birth, "email": email}),
        None,
    )
    .await
}

/// The newest letter in the outbox, and its code as printed (`XXXXX-XXXXX`).
async fn newest_letter(app: &TestApp) -> (Value, String) {
    let letter = app
        .outbox()
        .await
        .into_iter()
        .find(|m| m["channel"] == "letter")
        .expect("a letter in the outbox");
    let code = letter["body"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .find(|w| w.len() == 11 && w.as_bytes()[5] == b'-')
        .expect("a code in the letter")
        .to_owned();
    (letter, code)
}

#[tokio::test]
async fn a_member_creates_an_account_from_the_letter_and_the_confirmed_email() {
    let app = demo_app().await;
    let asked = ask_letter(&app, ALIX_NIR, ALIX_BIRTH, ALIX_EMAIL).await;
    assert_eq!(asked.status, 200, "{}", asked.text());
    assert_eq!(asked.json()["town"], "33000 Bordeaux");
    let expires = asked.json()["code_expires_on"].as_str().unwrap().to_owned();
    assert_eq!(expires.len(), 10);

    let (letter, code) = newest_letter(&app).await;
    let body = letter["body"].as_str().unwrap();
    assert!(body.contains("Alix Leroy"), "{body}");
    assert!(body.contains("5 rue Sainte-Catherine"), "{body}");
    assert!(body.contains("ne vous demandera jamais"), "{body}");
    // The PDF is real and downloadable in demo mode.
    let pdf = app.get(letter["pdf_url"].as_str().unwrap()).await;
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    assert!(pdf.body.starts_with(b"%PDF-"));

    // Before the account is open, the password does not log in.
    let early = app
        .post(
            "/api/login",
            json!({"nir": ALIX_NIR, "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(early.status, 401);

    let step = app
        .post(
            "/api/activation",
            json!({"nir": ALIX_NIR, "code": code.to_lowercase(), "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(step.status, 200, "{}", step.text());
    assert_eq!(step.json()["confirming_email"], true);
    assert_eq!(step.json()["masked_email"], "a•••••@demo.portail.test");
    let pending = step.cookie();

    let mail = &app.outbox().await[0];
    assert_eq!(mail["recipient"], ALIX_EMAIL);
    assert_eq!(mail["subject"], "Confirmez votre adresse e-mail");
    let confirmation = six_digit_code(mail["body"].as_str().unwrap());

    let done = app
        .post(
            "/api/login/code",
            json!({"code": confirmation}),
            Some(&pending),
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert_eq!(done.json()["given_names"], "Alix");
    let welcome = &app.outbox().await[0];
    assert_eq!(welcome["subject"], "Bienvenue sur Portail");
    let me = app
        .send(
            axum::http::Request::get("/api/me")
                .header("cookie", done.cookie())
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(me.status, 200);

    // The letter's code is spent, and the account now exists.
    let again = app
        .post(
            "/api/activation",
            json!({"nir": ALIX_NIR, "code": code, "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(again.status, 422);
    assert!(again.json()["fields"]["code"].is_string());
    let letter_again = ask_letter(&app, ALIX_NIR, ALIX_BIRTH, ALIX_EMAIL).await;
    assert_eq!(letter_again.json()["code"], "account_exists");

    // From now on the password logs in, with the usual e-mailed code.
    let login = app
        .post(
            "/api/login",
            json!({"nir": ALIX_NIR, "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(login.status, 200, "{}", login.text());
    assert_eq!(login.json()["confirming_email"], false);
}

#[tokio::test]
async fn a_second_request_waits_a_day_and_then_replaces_the_first_code() {
    let app = demo_app().await;
    assert_eq!(
        ask_letter(&app, ALIX_NIR, ALIX_BIRTH, ALIX_EMAIL)
            .await
            .status,
        200
    );
    let (_, first) = newest_letter(&app).await;
    let soon = ask_letter(&app, ALIX_NIR, ALIX_BIRTH, ALIX_EMAIL).await;
    assert_eq!(soon.json()["code"], "letter_already_sent");
    app.state.clock.advance(25 * 3600);
    assert_eq!(
        ask_letter(&app, ALIX_NIR, ALIX_BIRTH, "alix@exemple.fr")
            .await
            .status,
        200
    );
    let (_, second) = newest_letter(&app).await;
    assert_ne!(first, second);
    // The first code no longer works; the second does, and the new address gets the code.
    let old = app
        .post(
            "/api/activation",
            json!({"nir": ALIX_NIR, "code": first, "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(old.status, 422);
    let new = app
        .post(
            "/api/activation",
            json!({"nir": ALIX_NIR, "code": second, "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(new.status, 200, "{}", new.text());
    assert_eq!(app.outbox().await[0]["recipient"], "alix@exemple.fr");
}

#[tokio::test]
async fn a_code_is_spent_after_five_wrong_tries_and_expires_after_thirty_days() {
    let app = demo_app().await;
    ask_letter(&app, ALIX_NIR, ALIX_BIRTH, ALIX_EMAIL).await;
    let (_, code) = newest_letter(&app).await;
    let wrong = if code.starts_with('A') {
        "BBBBB-BBBBB"
    } else {
        "AAAAA-AAAAA"
    };
    for left in (1..=4).rev() {
        let answer = app
            .post(
                "/api/activation",
                json!({"nir": ALIX_NIR, "code": wrong, "password": PASSWORD}),
                None,
            )
            .await;
        let text = answer.json()["fields"]["code"].as_str().unwrap().to_owned();
        assert!(text.contains(&format!("{left} essai")), "{text}");
    }
    let last = app
        .post(
            "/api/activation",
            json!({"nir": ALIX_NIR, "code": wrong, "password": PASSWORD}),
            None,
        )
        .await;
    assert!(
        last.json()["fields"]["code"]
            .as_str()
            .unwrap()
            .contains("Trop d'essais")
    );
    // Even the right code is now refused.
    let right = app
        .post(
            "/api/activation",
            json!({"nir": ALIX_NIR, "code": code, "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(right.status, 422);

    // A new letter (a day later), left for 31 days, has expired.
    app.state.clock.advance(25 * 3600);
    ask_letter(&app, ALIX_NIR, ALIX_BIRTH, ALIX_EMAIL).await;
    let (_, fresh) = newest_letter(&app).await;
    app.state.clock.advance(31 * 24 * 3600);
    let late = app
        .post(
            "/api/activation",
            json!({"nir": ALIX_NIR, "code": fresh, "password": PASSWORD}),
            None,
        )
        .await;
    assert!(
        late.json()["fields"]["code"]
            .as_str()
            .unwrap()
            .contains("expiré")
    );
}

#[tokio::test]
async fn a_weak_password_is_refused_without_spending_the_code() {
    let app = demo_app().await;
    ask_letter(&app, ALIX_NIR, ALIX_BIRTH, ALIX_EMAIL).await;
    let (_, code) = newest_letter(&app).await;
    for weak in ["Alix-Leroy-1999", "azertyuiop123", "court"] {
        let answer = app
            .post(
                "/api/activation",
                json!({"nir": ALIX_NIR, "code": code, "password": weak}),
                None,
            )
            .await;
        assert_eq!(answer.status, 422, "{weak}");
        assert!(answer.json()["fields"]["password"].is_string(), "{weak}");
    }
    let ok = app
        .post(
            "/api/activation",
            json!({"nir": ALIX_NIR, "code": code, "password": PASSWORD}),
            None,
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.text());
}

#[tokio::test]
async fn letters_export_writes_the_pdfs_marks_them_sent_and_wipes_them() {
    let app = demo_app().await;
    ask_letter(&app, ALIX_NIR, ALIX_BIRTH, ALIX_EMAIL).await;
    let (letter, _) = newest_letter(&app).await;
    let out = app.dir.path().join("imprimerie");
    let written =
        portail::ops::export_letters(app.dir.path(), &test_keys(), &out, app.state.clock.now())
            .unwrap();
    assert_eq!(written.len(), 2, "Hugo's seeded letter and Alix's");
    let bytes = std::fs::read(written.last().unwrap()).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // Marked sent, and the PDF is gone from the database.
    let (shown, _) = newest_letter(&app).await;
    assert!(shown["sent_at"].is_string());
    assert_eq!(
        app.get(letter["pdf_url"].as_str().unwrap()).await.status,
        404
    );
    // A second export has nothing to do.
    assert!(
        portail::ops::export_letters(app.dir.path(), &test_keys(), &out, app.state.clock.now())
            .unwrap()
            .is_empty()
    );
}

any_day! {
    async fn each_wrong_detail_gets_its_own_message_next_to_its_field(app) {
        // Unknown NIR (valid key, not on the roll).
        let unknown = ask_letter(&app, "2 99 04 33 063 124 65", ALIX_BIRTH, ALIX_EMAIL).await;
        assert_eq!(unknown.status, 422);
        let text = unknown.json()["fields"]["nir"].as_str().unwrap().to_owned();
        assert!(text.contains("36 46"), "{text}");
        // Wrong key: the NIR's own message.
        let key = ask_letter(&app, "2 99 04 33 063 123 67", ALIX_BIRTH, ALIX_EMAIL).await;
        assert!(
            key.json()["fields"]["nir"]
                .as_str()
                .unwrap()
                .contains("clé")
        );
        // Birth date that does not match.
        let birth = ask_letter(&app, ALIX_NIR, "1999-04-18", ALIX_EMAIL).await;
        assert_eq!(birth.status, 422);
        assert!(birth.json()["fields"]["birth_date"].is_string());
        assert!(birth.json()["fields"]["nir"].is_null());
        // A malformed e-mail and a malformed date together, in English.
        let both = app
            .send(
                axum::http::Request::post("/api/activation/letter")
                    .header("content-type", "application/json")
                    .header("accept-language", "en")
                    .body(axum::body::Body::from(
                        json!({"nir": ALIX_NIR, "birth_date": "17/04/1999", "email": "alix@"})
                            .to_string(),
                    ))
                    .unwrap(),
            )
            .await;
        assert_eq!(both.status, 422);
        assert!(
            both.json()["fields"]["email"]
                .as_str()
                .unwrap()
                .starts_with("Enter a full")
        );
        assert!(both.json()["fields"]["birth_date"].is_string());
        // An existing account.
        let camille = ask_letter(&app, "291056912304511", "1991-05-14", "c@exemple.fr").await;
        assert_eq!(camille.json()["code"], "account_exists");
        // A child under 16.
        let (nir, born) = portail::demo::person("Léa Martin", app.today()).unwrap();
        let lea = ask_letter(&app, nir.as_str(), &born.to_string(), "l@exemple.fr").await;
        assert_eq!(lea.json()["code"], "too_young");
        // Nothing was written: no letter, no account (the demo's only letter is Hugo's, seeded).
        let letters: Vec<_> = app
            .outbox()
            .await
            .into_iter()
            .filter(|m| m["channel"] == "letter")
            .collect();
        assert_eq!(letters.len(), 1, "{letters:?}");
        assert!(
            letters[0]["recipient"]
                .as_str()
                .unwrap_or_default()
                .contains("Bernard"),
            "{letters:?}"
        );
    }
}
