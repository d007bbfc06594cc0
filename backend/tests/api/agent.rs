//! The agents' area: sign-in with a mandatory authenticator code, member ↔ agent separation,
//! member lookup with a recorded reason, account support, letters, statistics, enrolment.

use crate::helpers::*;
use serde_json::json;

const LUCAS_NIR: &str = "188077511203431";
const LUCAS_PASSWORD: &str = "Cerisier-Orage-52";

async fn member_id(app: &TestApp, nir: &str) -> i64 {
    let nir = portail_shared::Nir::parse(nir).unwrap();
    app.state
        .db
        .call(move |c| portail::db::members::find_by_nir(c, &test_keys(), &nir))
        .await
        .unwrap()
        .unwrap()
        .0
}

fn reason() -> serde_json::Value {
    json!({"kind": "phone_call", "details": ""})
}

#[tokio::test]
async fn an_agent_signs_in_with_password_then_authenticator_code() {
    let app = demo_app().await;
    let cookie = agent_cookie(&app, DEMO_AGENT).await;
    assert!(cookie.starts_with("portail_agent="), "{cookie}");
    let me = app.get_with("/api/agent/me", &cookie).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.json()["role"], "agent");
    assert_eq!(me.json()["display_name"], "Nadia Benali");

    // The same code cannot be used twice.
    let step = app
        .post(
            "/api/agent/login",
            json!({"email": DEMO_AGENT.0, "password": DEMO_AGENT.1}),
            None,
        )
        .await;
    let code = agent_code(&app, DEMO_AGENT.0).await;
    let reused = app
        .post(
            "/api/agent/login/code",
            json!({"code": code}),
            Some(&step.cookie()),
        )
        .await;
    assert_eq!(reused.status, 422, "{}", reused.text());
    assert!(reused.json()["fields"]["code"].is_string());

    // A session that passed only the password opens nothing.
    let pending = app.get_with("/api/agent/me", &step.cookie()).await;
    assert_eq!(pending.status, 401);
}

#[tokio::test]
async fn wrong_passwords_get_one_message_then_a_wait() {
    let app = demo_app().await;
    let wrong = app
        .post(
            "/api/agent/login",
            json!({"email": DEMO_AGENT.0, "password": "non"}),
            None,
        )
        .await;
    let unknown = app
        .post(
            "/api/agent/login",
            json!({"email": "personne@demo.portail.test", "password": "non"}),
            None,
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert_eq!(
        wrong.json()["message"],
        unknown.json()["message"],
        "no hint which is wrong"
    );
    app.post(
        "/api/agent/login",
        json!({"email": DEMO_AGENT.0, "password": "non"}),
        None,
    )
    .await;
    let third = app
        .post(
            "/api/agent/login",
            json!({"email": DEMO_AGENT.0, "password": "non"}),
            None,
        )
        .await;
    assert_eq!(third.status, 429, "{}", third.text());
    let empty = app
        .post(
            "/api/agent/login",
            json!({"email": "", "password": ""}),
            None,
        )
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.json()["fields"]["email"].is_string());
    assert!(empty.json()["fields"]["password"].is_string());
}

#[tokio::test]
async fn member_and_agent_cookies_never_open_each_others_routes() {
    let app = demo_app().await;
    let member = sign_in_by_email(&app, LUCAS_NIR, LUCAS_PASSWORD).await;
    let agent = agent_cookie(&app, DEMO_AGENT).await;
    for path in ["/api/agent/me", "/api/agent/letters", "/api/agent/stats"] {
        assert_eq!(app.get_with(path, &member).await.status, 401, "{path}");
    }
    let search = app
        .post(
            "/api/agent/members/search",
            json!({"query": "Petit"}),
            Some(&member),
        )
        .await;
    assert_eq!(search.status, 401);
    for path in ["/api/me", "/api/reimbursements", "/api/accesses"] {
        assert_eq!(app.get_with(path, &agent).await.status, 401, "{path}");
    }
}

#[tokio::test]
async fn opening_a_file_needs_a_reason_and_the_member_sees_the_access() {
    let app = demo_app().await;
    let agent = agent_cookie(&app, DEMO_AGENT).await;
    let found = app
        .post(
            "/api/agent/members/search",
            json!({"query": "petit"}),
            Some(&agent),
        )
        .await;
    assert_eq!(found.status, 200, "{}", found.text());
    let hits = found.json();
    let lucas = hits
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["full_name"] == "Lucas Petit")
        .expect("Lucas is found by the start of his name, lower case");
    let masked = lucas["masked_nir"].as_str().unwrap();
    assert!(
        masked.contains('•') && !masked.contains("11203"),
        "{masked}"
    );
    let by_nir = app
        .post(
            "/api/agent/members/search",
            json!({"query": "1 88 07 75 112 034 31"}),
            Some(&agent),
        )
        .await;
    assert_eq!(by_nir.json().as_array().unwrap().len(), 1);
    let bad = app
        .post(
            "/api/agent/members/search",
            json!({"query": "12345"}),
            Some(&agent),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.json()["fields"]["query"].is_string());

    let id = lucas["id"].as_i64().unwrap();
    let no_reason = app
        .post(
            &format!("/api/agent/members/{id}/open"),
            json!({"reason": {"kind": "other", "details": " "}}),
            Some(&agent),
        )
        .await;
    assert_eq!(no_reason.status, 422);
    assert!(no_reason.json()["fields"]["reason"].is_string());
    let missing = app
        .post(
            &format!("/api/agent/members/{id}/open"),
            json!({}),
            Some(&agent),
        )
        .await;
    assert_eq!(missing.status, 400, "a body without a reason is refused");

    let opened = app
        .post(
            &format!("/api/agent/members/{id}/open"),
            json!({"reason": reason()}),
            Some(&agent),
        )
        .await;
    assert_eq!(opened.status, 200, "{}", opened.text());
    assert_eq!(opened.json()["account"]["status"], "active");

    let member = sign_in_by_email(&app, LUCAS_NIR, LUCAS_PASSWORD).await;
    let accesses = app.get_with("/api/accesses", &member).await.json();
    let list = accesses.as_array().unwrap();
    assert_eq!(list.len(), 1, "{accesses}");
    assert_eq!(list[0]["action"], "member.open");
    assert_eq!(list[0]["reason"], "phone_call");
    assert_eq!(list[0]["agent"], "Nadia Benali");

    let chain = app
        .state
        .db
        .call(|c| portail::db::audit::verify_chain(c))
        .await
        .unwrap();
    assert_eq!(chain, None, "the audit chain holds");
    app.state
        .db
        .call(|c| {
            c.execute(
                "UPDATE audit_events SET reason = 'letter' WHERE action = 'member.open'",
                [],
            )?;
            Ok(())
        })
        .await
        .unwrap();
    let broken = app
        .state
        .db
        .call(|c| portail::db::audit::verify_chain(c))
        .await
        .unwrap();
    assert!(broken.is_some(), "an edited entry breaks the chain");
}

#[tokio::test]
async fn a_locked_member_is_unlocked_only_after_the_identity_checks() {
    let app = demo_app().await;
    let agent = agent_cookie(&app, DEMO_AGENT).await;
    for _ in 0..3 {
        app.post(
            "/api/login",
            json!({"nir": LUCAS_NIR, "password": "faux"}),
            None,
        )
        .await;
    }
    let locked = app
        .post(
            "/api/login",
            json!({"nir": LUCAS_NIR, "password": LUCAS_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(locked.status, 429);

    let id = member_id(&app, LUCAS_NIR).await;
    let file = app
        .post(
            &format!("/api/agent/members/{id}/open"),
            json!({"reason": reason()}),
            Some(&agent),
        )
        .await;
    assert!(
        file.json()["account"]["locked_until"].is_string(),
        "{}",
        file.text()
    );

    let unchecked = app
        .post(
            &format!("/api/agent/members/{id}/support"),
            json!({"action": "unlock", "reason": reason(), "checks": ["name_and_birth", "postal_address"]}),
            Some(&agent),
        )
        .await;
    assert_eq!(unchecked.status, 422);
    assert!(unchecked.json()["fields"]["checks"].is_string());
    let still = app
        .post(
            "/api/login",
            json!({"nir": LUCAS_NIR, "password": LUCAS_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(still.status, 429, "nothing was unlocked");

    let unlocked = app
        .post(
            &format!("/api/agent/members/{id}/support"),
            json!({"action": "unlock", "reason": reason(),
                   "checks": ["name_and_birth", "postal_address", "recent_fact"]}),
            Some(&agent),
        )
        .await;
    assert_eq!(unlocked.status, 200, "{}", unlocked.text());
    assert!(unlocked.json()["account"]["locked_until"].is_null());
    let ok = app
        .post(
            "/api/login",
            json!({"nir": LUCAS_NIR, "password": LUCAS_PASSWORD}),
            None,
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    let count = app
        .state
        .db
        .call(|c| portail::db::audit::count(c, "member.unlock"))
        .await
        .unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn ending_sessions_signs_the_member_out_and_a_letter_needs_a_pending_account() {
    let app = demo_app().await;
    let member = sign_in_by_email(&app, LUCAS_NIR, LUCAS_PASSWORD).await;
    let agent = agent_cookie(&app, DEMO_AGENT).await;
    let id = member_id(&app, LUCAS_NIR).await;
    let ended = app
        .post(
            &format!("/api/agent/members/{id}/support"),
            json!({"action": "end_sessions", "reason": reason()}),
            Some(&agent),
        )
        .await;
    assert_eq!(ended.status, 200, "{}", ended.text());
    assert_eq!(ended.json()["account"]["sessions"], 0);
    assert_eq!(app.get_with("/api/me", &member).await.status, 401);

    let letter = app
        .post(
            &format!("/api/agent/members/{id}/support"),
            json!({"action": "activation_letter", "reason": reason()}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        letter.status, 422,
        "an active account gets no activation letter"
    );
    assert!(letter.json()["fields"]["action"].is_string());
    let reset = app
        .post(
            &format!("/api/agent/members/{id}/support"),
            json!({"action": "reset_second_factor", "reason": reason(),
                   "checks": ["name_and_birth", "postal_address", "recent_fact"]}),
            Some(&agent),
        )
        .await;
    assert_eq!(reset.status, 422, "Lucas already gets codes by e-mail");
    let nobody = app
        .post(
            "/api/agent/members/999999/open",
            json!({"reason": reason()}),
            Some(&agent),
        )
        .await;
    assert_eq!(nobody.status, 404);
}

#[tokio::test]
async fn letters_are_printed_as_one_pdf_then_marked_sent() {
    let app = demo_app().await;
    // Two members ask for their activation letter (Alix and Malik have none yet).
    for (nir, birth) in [
        ("299043306312366", "1999-04-17"),
        ("190124410922273", "1990-12-05"),
    ] {
        let asked = app
            .post(
                "/api/activation/letter",
                json!({"nir": nir, "birth_date": birth, "email": format!("{nir}@demo.portail.test")}),
                None,
            )
            .await;
        assert_eq!(asked.status, 200, "{}", asked.text());
    }
    let agent = agent_cookie(&app, DEMO_AGENT).await;
    let letters = app.get_with("/api/agent/letters", &agent).await.json();
    let waiting: Vec<_> = letters
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["printed_at"].is_null())
        .collect();
    assert!(waiting.len() >= 2, "{letters}");

    let batch = app
        .post("/api/agent/letters/batch", json!({}), Some(&agent))
        .await;
    assert_eq!(batch.status, 200, "{}", batch.text());
    assert_eq!(batch.header("content-type"), "application/pdf");
    let path = app.dir.path().join("lot.pdf");
    std::fs::write(&path, &batch.body).unwrap();
    let text = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (cargo xtask setup installs poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Alix") && text.contains("Malik"),
        "both letters: {text}"
    );
    assert!(
        text.matches('\u{c}').count() >= 2,
        "one page per letter: {text}"
    );

    let again = app
        .post("/api/agent/letters/batch", json!({}), Some(&agent))
        .await;
    assert_eq!(again.status, 404, "printed letters are not printed twice");

    let printed: Vec<i64> = app
        .get_with("/api/agent/letters", &agent)
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["printed_at"].is_string())
        .map(|l| l["id"].as_i64().unwrap())
        .collect();
    assert!(printed.len() >= 2);
    let sent = app
        .post(
            "/api/agent/letters/sent",
            json!({"ids": printed}),
            Some(&agent),
        )
        .await;
    assert_eq!(sent.status, 204);
    let left = app.get_with("/api/agent/letters", &agent).await.json();
    assert_eq!(left.as_array().unwrap().len(), 0, "{left}");
}

#[tokio::test]
async fn statistics_are_for_supervisors() {
    let app = demo_app().await;
    let agent = agent_cookie(&app, DEMO_AGENT).await;
    assert_eq!(app.get_with("/api/agent/stats", &agent).await.status, 403);
    let supervisor = agent_cookie(&app, DEMO_SUPERVISOR).await;
    let stats = app.get_with("/api/agent/stats", &supervisor).await;
    assert_eq!(stats.status, 200, "{}", stats.text());
    assert!(stats.json().is_array());
}

#[tokio::test]
async fn a_created_agent_enrols_by_the_one_time_link_then_signs_in() {
    let app = demo_app().await;
    let TestApp { state, dir: kept } = app;
    let app_clock = state.clock.clone();
    drop(state);
    let dir = kept.path().to_path_buf();
    let created = portail::ops::create_agent(
        &dir,
        &test_keys(),
        "https://portail.test",
        "Zoe.Agent@Caisse.test",
        "Zoé Martin",
        portail::db::agents::Role::Supervisor,
        app_clock.now(),
    )
    .unwrap();
    assert!(
        created
            .link
            .starts_with("https://portail.test/agent/inscription#")
    );
    let token = created.link.split('#').nth(1).unwrap().to_owned();
    let again = portail::ops::create_agent(
        &dir,
        &test_keys(),
        "https://portail.test",
        "zoe.agent@caisse.test",
        "Zoé",
        portail::db::agents::Role::Agent,
        app_clock.now(),
    );
    assert!(again.is_err(), "one account per address");

    let cfg = config(portail::Mode::Demo, &dir);
    let db = portail::db::Db::open(&cfg.database_path()).unwrap();
    let app = TestApp {
        state: portail::AppState::new(db, cfg, app_clock.clone()),
        dir: kept,
    };
    let info = app
        .post("/api/agent/enrolment/info", json!({"token": token}), None)
        .await;
    assert_eq!(info.status, 200, "{}", info.text());
    assert_eq!(info.json()["email"], "zoe.agent@caisse.test");
    let code = agent_code(&app, "zoe.agent@caisse.test").await;
    let weak = app
        .post(
            "/api/agent/enrolment",
            json!({"token": token, "password": "court", "code": code}),
            None,
        )
        .await;
    assert_eq!(weak.status, 422);
    assert!(weak.json()["fields"]["password"].is_string());
    let enrolled = app
        .post(
            "/api/agent/enrolment",
            json!({"token": token, "password": "Marée-Basse-Sur-Vannes-88", "code": code}),
            None,
        )
        .await;
    assert_eq!(enrolled.status, 204, "{}", enrolled.text());
    let spent = app
        .post("/api/agent/enrolment/info", json!({"token": token}), None)
        .await;
    assert_eq!(spent.status, 422, "the link works once");
    let cookie = agent_cookie(&app, ("zoe.agent@caisse.test", "Marée-Basse-Sur-Vannes-88")).await;
    let me = app.get_with("/api/agent/me", &cookie).await.json();
    assert_eq!(me["role"], "supervisor");
}

#[tokio::test]
async fn a_demo_shows_the_pending_agents_code_and_production_does_not() {
    let app = demo_app().await;
    let step = app
        .post(
            "/api/agent/login",
            json!({"email": DEMO_AGENT.0, "password": DEMO_AGENT.1}),
            None,
        )
        .await;
    assert_eq!(
        app.get("/api/demo/agent-code").await.status,
        401,
        "only for a waiting sign-in"
    );
    let shown = app.get_with("/api/demo/agent-code", &step.cookie()).await;
    assert_eq!(shown.status, 200, "{}", shown.text());
    assert_eq!(shown.json()["code"], agent_code(&app, DEMO_AGENT.0).await);

    let production = spawn_app(portail::Mode::Production);
    let refused = production.get("/api/demo/agent-code").await;
    assert_eq!(refused.status, 404);
}
