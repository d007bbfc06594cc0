//! Postal address: shown from the roll, a move declared as a request with per-field messages,
//! one change at a time, the roll unchanged until the agent's approval.

use portail::db;
use portail_shared::address::AddressView;
use portail_shared::requests::{Detail, Kind, Status, Summary};
use serde_json::{Value, json};

use crate::bank::upload;
use crate::helpers::{TestApp, demo_app, sign_in_by_email, test_keys};

const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: (&str, &str) = ("158112A00401729", "Granit-Maquis-27");

async fn view(app: &TestApp, cookie: &str) -> AddressView {
    let answer = app.get_with("/api/address", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_value(answer.json()).unwrap()
}

fn move_to(app: &TestApp, proof: Option<i64>) -> Value {
    json!({
        "line1": "40 rue   Paul Bert",
        "line2": "Bâtiment C",
        "postal_code": "69003",
        "city": "Lyon",
        "moved_on": app.today().add_days(-10).to_string(),
        "proof": proof,
    })
}

#[tokio::test]
async fn the_address_on_file_is_shown_to_its_member_only() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let shown = view(&app, &camille).await;
    assert_eq!(shown.current.line1, "12 rue des Tilleuls");
    assert_eq!(shown.current.postal_code, "69003");
    assert_eq!(shown.current.city, "Lyon");
    assert_eq!(shown.pending, None);
    let jean = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
    assert_eq!(view(&app, &jean).await.current.city, "Ajaccio");
    assert_eq!(app.get("/api/address").await.status, 401);
}

#[tokio::test]
async fn the_agents_approval_moves_the_address_on_file() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let filed = app
        .post("/api/address", move_to(&app, None), Some(&camille))
        .await;
    assert_eq!(filed.status, 201, "{}", filed.text());
    let request = filed.json()["pending"]["request_id"].as_i64().unwrap();
    let at = portail::clock::format(app.state.clock.now());
    let apply = |request: i64| {
        let now = at.clone();
        app.state.db.transaction(move |tx| {
            db::address::apply_pending(tx, &test_keys(), request, 1, "Adresse mise à jour.", &now)
        })
    };
    assert!(apply(request).await.unwrap());
    let shown = view(&app, &camille).await;
    assert_eq!(shown.current.line1, "40 rue Paul Bert");
    assert_eq!(shown.current.line2, "Bâtiment C");
    assert_eq!(shown.pending, None);
    assert!(!apply(request).await.unwrap(), "done once");
    let detail: Detail = serde_json::from_value(
        app.get_with(&format!("/api/requests/{request}"), &camille)
            .await
            .json(),
    )
    .unwrap();
    assert_eq!(detail.summary.status, Status::Completed);
    // Jean's address did not move, and a new change may follow.
    let jean = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
    assert_eq!(view(&app, &jean).await.current.city, "Ajaccio");
    assert_eq!(
        app.post("/api/address", move_to(&app, None), Some(&camille))
            .await
            .status,
        201
    );
}

any_day! {
    async fn every_wrong_field_is_named_and_nothing_is_filed(app) {
        let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let wrong = app
            .post(
                "/api/address",
                json!({"line1": " ", "postal_code": "6900", "city": "", "moved_on": "2020-01-01"}),
                Some(&camille),
            )
            .await;
        assert_eq!(wrong.status, 422, "{}", wrong.text());
        let fields = &wrong.json()["fields"];
        assert!(
            fields["line1"].as_str().unwrap().contains("rue"),
            "{fields}"
        );
        assert!(
            fields["postal_code"]
                .as_str()
                .unwrap()
                .contains("5 chiffres")
        );
        assert!(fields["city"].is_string());
        assert!(fields["moved_on"].as_str().unwrap().contains("36 46"));
        let late = app
            .post(
                "/api/address",
                json!({"line1": "1 rue A", "postal_code": "69003", "city": "Lyon",
                       "moved_on": app.today().add_months(4).to_string()}),
                Some(&camille),
            )
            .await;
        assert_eq!(late.status, 422);
        assert!(
            late.json()["fields"]["moved_on"]
                .as_str()
                .unwrap()
                .contains("3 mois")
        );
        assert_eq!(
            app.post("/api/address", json!({"line1": []}), Some(&camille))
                .await
                .status,
            400
        );
        assert_eq!(view(&app, &camille).await.pending, None);
    }

    async fn a_move_becomes_a_request_and_the_roll_waits_for_the_fund(app) {
        let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let proof = upload(&app, &camille, "facture-electricite.pdf").await;
        let filed = app
            .post("/api/address", move_to(&app, Some(proof)), Some(&camille))
            .await;
        assert_eq!(filed.status, 201, "{}", filed.text());
        let shown: AddressView = serde_json::from_value(filed.json()).unwrap();
        assert_eq!(shown.current.line1, "12 rue des Tilleuls", "unchanged");
        let pending = shown.pending.unwrap();
        assert_eq!(pending.address.line1, "40 rue Paul Bert");
        assert_eq!(pending.address.line2, "Bâtiment C");

        let list: Vec<Summary> =
            serde_json::from_value(app.get_with("/api/requests", &camille).await.json()).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].kind, Kind::AddressChange);
        assert!(
            list[0]
                .title
                .contains("40 rue Paul Bert, Bâtiment C, 69003 Lyon")
        );
        let detail: Detail = serde_json::from_value(
            app.get_with(&format!("/api/requests/{}", pending.request_id), &camille)
                .await
                .json(),
        )
        .unwrap();
        assert!(
            detail
                .fields
                .contains(&("Code postal et commune".to_owned(), "69003 Lyon".to_owned()))
        );
        assert_eq!(detail.attachments.len(), 1);

        // One change at a time.
        let again = app
            .post("/api/address", move_to(&app, None), Some(&camille))
            .await;
        assert_eq!(again.status, 422);
        assert_eq!(again.json()["code"], "change_pending");

        // Jean can neither see it nor join Camille's proof to his own move.
        let jean = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
        assert_eq!(view(&app, &jean).await.pending, None);
        let jeans = app
            .post("/api/address", move_to(&app, Some(proof)), Some(&jean))
            .await;
        assert_eq!(jeans.status, 422);
        assert!(jeans.json()["fields"]["proof"].is_string());
    }
}
