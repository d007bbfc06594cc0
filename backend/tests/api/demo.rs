use crate::helpers::{spawn_app, test_keys, test_now};
use portail::{Mode, db, demo};
use portail_shared::Nir;

#[tokio::test]
async fn seeding_twice_changes_nothing_and_returns_the_same_logins() {
    let app = spawn_app(Mode::Demo);
    let keys = test_keys();
    let first = demo::seed(&app.state.db, &keys, test_now()).await.unwrap();
    let count = |app: &crate::helpers::TestApp| {
        let db = app.state.db.clone();
        async move {
            db.call(|c| {
                Ok((
                    db::members::count(c)?,
                    c.query_row("SELECT COUNT(*) FROM agents", [], |r| r.get::<_, i64>(0))?,
                    c.query_row(
                        "SELECT COUNT(*) FROM accounts WHERE status = 'active'",
                        [],
                        |r| r.get::<_, i64>(0),
                    )?,
                ))
            })
            .await
            .unwrap()
        }
    };
    let before = count(&app).await;
    let second = demo::seed(&app.state.db, &keys, test_now()).await.unwrap();
    assert_eq!(first, second);
    assert_eq!(count(&app).await, before);
    // One active account per persona with a password (Hugo's is pending: his activation
    // letter waits for the printer), one agent row per agent; the roll also holds
    // the children (counted from the personas, so a new persona does not edit this line).
    let members = first.iter().filter(|p| p.role == "member");
    let with_account = members.clone().filter(|p| !p.password.is_empty()).count();
    let agents = first.iter().filter(|p| p.role != "member").count();
    assert_eq!(
        (before.1, before.2),
        (
            i64::try_from(agents).unwrap(),
            i64::try_from(with_account).unwrap()
        )
    );
    assert!(
        before.0 > i64::try_from(members.count()).unwrap(),
        "{before:?}"
    );
    let roles: Vec<_> = first.iter().map(|p| p.role).collect();
    assert!(roles.contains(&"member") && roles.contains(&"agent") && roles.contains(&"supervisor"));
    for agent in first.iter().filter(|p| p.role != "member") {
        let secret = agent.totp_secret.as_deref().unwrap();
        assert_eq!(secret.len(), 32, "160-bit base32 secret");
    }
}

#[tokio::test]
async fn member_nir_is_stored_encrypted_and_found_through_its_blind_index() {
    let app = spawn_app(Mode::Demo);
    let keys = test_keys();
    let logins = demo::seed(&app.state.db, &keys, test_now()).await.unwrap();
    let nir = Nir::parse(&logins[0].login).unwrap();
    let (found, clear_in_db) = {
        let keys = keys.clone();
        let nir = nir.clone();
        app.state
            .db
            .call(move |c| {
                let id = db::members::find_by_nir(c, &keys, &nir)?.unwrap();
                let back = db::members::nir_of(c, &keys, id)?;
                let raw: i64 = c.query_row(
                    "SELECT COUNT(*) FROM members WHERE CAST(nir_cipher AS TEXT) LIKE ?1",
                    [format!("%{}%", nir.as_str())],
                    |r| r.get(0),
                )?;
                Ok((back, raw))
            })
            .await
            .unwrap()
    };
    assert_eq!(found, Some(nir));
    assert_eq!(clear_in_db, 0, "the NIR must not appear in clear");
}

#[tokio::test]
async fn a_production_database_refuses_demo_personas() {
    let app = spawn_app(Mode::Production);
    app.state
        .db
        .call(|c| db::settings::claim_mode(c, "production"))
        .await
        .unwrap();
    let err = demo::seed(&app.state.db, &test_keys(), test_now())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("production database"), "{err}");
    let members = app.state.db.call(|c| db::members::count(c)).await.unwrap();
    assert_eq!(members, 0, "nothing half-written");
}
