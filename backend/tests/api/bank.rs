//! Bank details: masked on file, changed after the password is typed again and with a RIB, kept
//! encrypted, confirmed by an e-mail without the number, one change at a time, the walls between
//! members, and the agent's approval that makes the new account the one paid.

use axum::body::Body;
use axum::http::Request;
use portail::db::{self, members::MemberId};
use portail_shared::bank::BankDetails;
use portail_shared::requests::{Detail, Kind, Status, Summary};
use portail_shared::{Iban, Nir};
use serde_json::json;

use crate::helpers::{Answer, TestApp, demo_app, sign_in_by_email, test_keys};

const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: (&str, &str) = ("158112A00401729", "Granit-Maquis-27");

/// A valid French IBAN nobody in the demo has (RIB 30004 00831 00012345123, key computed).
fn new_iban() -> Iban {
    Iban::from_rib("30004", "00831", "00012345123").unwrap()
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

pub async fn upload(app: &TestApp, cookie: &str, name: &str) -> i64 {
    let answer = app
        .send(
            Request::post(format!("/api/attachments?name={name}"))
                .header("cookie", cookie)
                .header("content-type", "application/octet-stream")
                .header("x-portail-request", "1")
                .header("sec-fetch-site", "same-origin")
                .body(Body::from(PDF.to_vec()))
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 201, "{}", answer.text());
    answer.json()["id"].as_i64().unwrap()
}

async fn step_up(app: &TestApp, cookie: &str, password: &str) {
    let answer = app
        .post(
            "/api/security/step-up",
            json!({"password": password}),
            Some(cookie),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
}

async fn details(app: &TestApp, cookie: &str) -> BankDetails {
    let answer = app.get_with("/api/bank", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_value(answer.json()).unwrap()
}

async fn file_change(app: &TestApp, cookie: &str, iban: &str, rib: Option<i64>) -> Answer {
    app.post(
        "/api/bank",
        json!({"iban": iban, "bic": "bnpafrpp", "holder": "Camille Martin", "rib": rib}),
        Some(cookie),
    )
    .await
}

/// Camille signed in and stepped up, her RIB uploaded; her cookie and the RIB's id.
async fn camille_ready(app: &TestApp) -> (String, i64) {
    let cookie = sign_in_by_email(app, CAMILLE.0, CAMILLE.1).await;
    step_up(app, &cookie, CAMILLE.1).await;
    let rib = upload(app, &cookie, "rib.pdf").await;
    (cookie, rib)
}

async fn member_id(app: &TestApp, nir: &str) -> MemberId {
    let nir = Nir::parse(nir).unwrap();
    app.state
        .db
        .call(move |c| Ok(db::members::find_by_nir(c, &test_keys(), &nir)?.unwrap()))
        .await
        .unwrap()
}

#[tokio::test]
async fn the_account_on_file_is_shown_masked_and_every_persona_has_one() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let shown = details(&app, &camille).await;
    let current = shown.current.unwrap();
    assert_eq!(current.iban_masked, "FR14 •••• •••• •••• •••• ••02 606");
    assert_eq!(current.holder, "Camille MARTIN");
    assert_eq!(shown.pending, None);
    let raw = app.get_with("/api/bank", &camille).await.text();
    assert!(!raw.contains("20041010050500013M02606"), "{raw}");
    assert_eq!(app.get("/api/bank").await.status, 401);

    // Every member of the demo is paid on a valid IBAN of their own.
    let ibans = app
        .state
        .db
        .call(|c| {
            let ids: Vec<i64> = c
                .prepare(
                    "SELECT id FROM members WHERE id NOT IN (SELECT dependant_id FROM dependants)",
                )?
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            ids.into_iter()
                .map(|id| db::bank::active(c, &test_keys(), MemberId(id)))
                .collect::<Result<Vec<_>, _>>()
        })
        .await
        .unwrap();
    assert!(ibans.len() >= 12, "{}", ibans.len());
    let mut distinct: Vec<String> = ibans
        .iter()
        .map(|a| {
            a.as_ref()
                .expect("an active account")
                .iban
                .as_str()
                .to_owned()
        })
        .collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), ibans.len());
}

#[tokio::test]
async fn changing_bank_details_needs_the_password_typed_again() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let rib = upload(&app, &camille, "rib.pdf").await;
    let refused = file_change(&app, &camille, new_iban().as_str(), Some(rib)).await;
    assert_eq!(refused.status, 403, "{}", refused.text());
    assert_eq!(refused.json()["code"], "step_up_required");
    assert_eq!(details(&app, &camille).await.pending, None);

    // The step-up lasts ten minutes.
    step_up(&app, &camille, CAMILLE.1).await;
    app.state.clock.advance(11 * 60);
    let late = file_change(&app, &camille, new_iban().as_str(), Some(rib)).await;
    assert_eq!(late.status, 403, "{}", late.text());
}

#[tokio::test]
async fn an_invalid_iban_is_refused_next_to_its_field_in_the_members_language() {
    let app = demo_app().await;
    let (camille, rib) = camille_ready(&app).await;
    let wrong = file_change(
        &app,
        &camille,
        "FR14 2004 1010 0505 0001 3M02 607",
        Some(rib),
    )
    .await;
    assert_eq!(wrong.status, 422, "{}", wrong.text());
    let body = wrong.json();
    assert_eq!(body["code"], "validation");
    assert!(
        body["fields"]["iban"]
            .as_str()
            .unwrap()
            .contains("vérifiez chaque chiffre"),
        "{body}"
    );
    assert!(body["fields"].get("holder").is_none());

    let english = app
        .send(
            Request::post("/api/bank")
                .header("cookie", &camille)
                .header("content-type", "application/json")
                .header("accept-language", "en-GB")
                .body(Body::from(
                    json!({"iban": "FR14", "bic": "BNP", "holder": " ", "rib": null}).to_string(),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(english.status, 422);
    let fields = &english.json()["fields"];
    assert!(
        fields["iban"].as_str().unwrap().contains("characters"),
        "{fields}"
    );
    for field in ["bic", "holder", "rib"] {
        assert!(fields[field].is_string(), "{field}: {fields}");
    }
    // A body that is not the form's shape is a 400, never a 500.
    let garbage = app
        .post("/api/bank", json!({"iban": 12}), Some(&camille))
        .await;
    assert_eq!(garbage.status, 400);
    assert_eq!(details(&app, &camille).await.pending, None);
}

#[tokio::test]
async fn a_change_is_filed_masked_encrypted_and_confirmed_by_an_email_without_the_number() {
    let app = demo_app().await;
    let (camille, rib) = camille_ready(&app).await;
    let iban = new_iban();
    let filed = file_change(&app, &camille, &iban.grouped().to_lowercase(), Some(rib)).await;
    assert_eq!(filed.status, 201, "{}", filed.text());
    assert!(!filed.text().contains(iban.as_str()));
    let shown: BankDetails = serde_json::from_value(filed.json()).unwrap();
    let pending = shown.pending.unwrap();
    assert_eq!(pending.account.iban_masked, iban.masked());
    assert_eq!(pending.account.bic.as_deref(), Some("BNPAFRPP"));
    // The account paid is still the old one.
    assert_eq!(
        shown.current.unwrap().iban_masked,
        "FR14 •••• •••• •••• •••• ••02 606"
    );

    // The request, in "Mes démarches", shows the masked IBAN and the RIB.
    let list: Vec<Summary> =
        serde_json::from_value(app.get_with("/api/requests", &camille).await.json()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kind, Kind::BankDetails);
    assert_eq!(list[0].id, pending.request_id);
    assert_eq!(list[0].status, Status::Submitted);
    let detail = app
        .get_with(&format!("/api/requests/{}", pending.request_id), &camille)
        .await;
    assert!(!detail.text().contains(iban.as_str()));
    let detail: Detail = serde_json::from_value(detail.json()).unwrap();
    assert!(detail.fields.contains(&("IBAN".to_owned(), iban.masked())));
    assert_eq!(detail.attachments.len(), 1);
    assert_eq!(detail.attachments[0].id, rib);

    // One e-mail, to Camille, with the request's link and no account number at all.
    let mail = app
        .outbox()
        .await
        .into_iter()
        .find(|m| {
            m["subject"]
                .as_str()
                .unwrap()
                .contains("coordonnées bancaires")
        })
        .unwrap();
    assert_eq!(mail["recipient"], "camille.martin@demo.portail.test");
    let body = mail["body"].as_str().unwrap();
    assert!(
        body.contains(&format!("/demarches/{}", pending.request_id)),
        "{body}"
    );
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(!compact.contains(iban.as_str()));
    assert!(!compact.contains(&iban.as_str()[22..]), "{body}");
    assert!(!body.contains('•'), "not even masked: {body}");

    // At rest, the IBAN is encrypted: its bytes are in no file of the database.
    let dir = app.dir.path().to_owned();
    app.state
        .db
        .call(|c| {
            c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
            Ok(())
        })
        .await
        .unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes
                    .windows(iban.as_str().len())
                    .any(|w| w == iban.as_str().as_bytes()),
                "{path:?} holds the IBAN in clear"
            );
        }
    }
    // Through the data layer, the key gives it back.
    let camille_id = member_id(&app, CAMILLE.0).await;
    let stored = app
        .state
        .db
        .call(move |c| db::bank::pending(c, &test_keys(), camille_id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.iban, iban);
}

#[tokio::test]
async fn a_second_change_is_refused_while_the_first_is_processed() {
    let app = demo_app().await;
    let (camille, rib) = camille_ready(&app).await;
    assert_eq!(
        file_change(&app, &camille, new_iban().as_str(), Some(rib))
            .await
            .status,
        201
    );
    let second_rib = upload(&app, &camille, "autre-rib.pdf").await;
    let again = file_change(
        &app,
        &camille,
        "FR76 3000 6000 0112 3456 7890 189",
        Some(second_rib),
    )
    .await;
    assert_eq!(again.status, 422, "{}", again.text());
    assert_eq!(again.json()["code"], "change_pending");
    assert!(
        again.json()["message"]
            .as_str()
            .unwrap()
            .contains("déjà en cours")
    );
    let list: Vec<Summary> =
        serde_json::from_value(app.get_with("/api/requests", &camille).await.json()).unwrap();
    assert_eq!(list.len(), 1);
    // The same RIB cannot be joined twice either.
    assert_eq!(
        details(&app, &camille)
            .await
            .pending
            .unwrap()
            .account
            .iban_masked,
        new_iban().masked()
    );
}

#[tokio::test]
async fn members_cannot_see_or_use_each_others_bank_details_or_files() {
    let app = demo_app().await;
    let (camille, rib) = camille_ready(&app).await;
    let filed = file_change(&app, &camille, new_iban().as_str(), Some(rib)).await;
    let request = filed.json()["pending"]["request_id"].as_i64().unwrap();

    let jean = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
    let his = details(&app, &jean).await;
    assert_eq!(his.pending, None);
    assert_ne!(
        his.current.unwrap().iban_masked,
        "FR14 •••• •••• •••• •••• ••02 606"
    );
    assert_eq!(
        app.get_with(&format!("/api/requests/{request}"), &jean)
            .await
            .status,
        404
    );
    // Camille's RIB cannot back Jean's change.
    step_up(&app, &jean, JEAN.1).await;
    let borrowed = app
        .post(
            "/api/bank",
            json!({"iban": new_iban().as_str(), "holder": "Jean Dupont", "rib": rib}),
            Some(&jean),
        )
        .await;
    assert_eq!(borrowed.status, 422, "{}", borrowed.text());
    assert!(borrowed.json()["fields"]["rib"].is_string());
    assert_eq!(details(&app, &jean).await.pending, None);
}

#[tokio::test]
async fn the_agents_approval_makes_the_new_account_the_one_paid() {
    let app = demo_app().await;
    let (camille, rib) = camille_ready(&app).await;
    let filed = file_change(&app, &camille, new_iban().as_str(), Some(rib)).await;
    let request = filed.json()["pending"]["request_id"].as_i64().unwrap();
    let jean_id = member_id(&app, JEAN.0).await;
    let jean_before = app
        .state
        .db
        .call(move |c| db::bank::active(c, &test_keys(), jean_id))
        .await
        .unwrap();

    let db = app.state.db.clone();
    let at = portail::clock::format(app.state.clock.now());
    let approve = move |request: i64| {
        let (db, now) = (db.clone(), at.clone());
        async move {
            db.transaction(move |tx| {
                db::bank::activate_pending(tx, &test_keys(), request, 1, "RIB vérifié.", &now)
            })
            .await
            .unwrap()
        }
    };
    assert!(approve(request).await);
    let shown = details(&app, &camille).await;
    assert_eq!(shown.current.unwrap().iban_masked, new_iban().masked());
    assert_eq!(shown.pending, None);
    // Done once: the request is completed, the old account kept as replaced.
    assert!(!approve(request).await);
    assert!(!approve(request + 1000).await);
    let detail: Detail = serde_json::from_value(
        app.get_with(&format!("/api/requests/{request}"), &camille)
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(detail.summary.status, Status::Completed);
    assert_eq!(detail.events.last().unwrap().message, "RIB vérifié.");
    let statuses: Vec<String> = app
        .state
        .db
        .call(|c| {
            Ok(c.prepare(
                "SELECT status FROM bank_accounts WHERE member_id =
                   (SELECT member_id FROM requests WHERE kind = 'bank_details') ORDER BY id",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
        })
        .await
        .unwrap();
    assert_eq!(statuses, ["replaced", "active"]);
    // Nobody else's account moved.
    let jean_after = app
        .state
        .db
        .call(move |c| db::bank::active(c, &test_keys(), jean_id))
        .await
        .unwrap();
    assert_eq!(jean_before, jean_after);

    // A new change may follow, and a refusal drops it, keeping the account paid.
    step_up(&app, &camille, CAMILLE.1).await;
    let rib = upload(&app, &camille, "rib2.pdf").await;
    let second = file_change(&app, &camille, "FR7630006000011234567890189", Some(rib)).await;
    assert_eq!(second.status, 201, "{}", second.text());
    let second_request = second.json()["pending"]["request_id"].as_i64().unwrap();
    let now = portail::clock::format(app.state.clock.now());
    let refused = app
        .state
        .db
        .transaction(move |tx| {
            db::bank::refuse_pending(
                tx,
                &test_keys(),
                second_request,
                1,
                "Le RIB est illisible.",
                &now,
            )
        })
        .await
        .unwrap();
    assert!(refused);
    let shown = details(&app, &camille).await;
    assert_eq!(shown.current.unwrap().iban_masked, new_iban().masked());
    assert_eq!(shown.pending, None);
}
