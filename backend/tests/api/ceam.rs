//! European health insurance card: the household's cards, orders (a request each, one at a
//! time per person), and the provisional replacement certificate read back with `pdftotext`.

use axum::body::Body;
use axum::http::Request;
use portail::db::{self, members::MemberId};
use portail_shared::ceam::{CardStatus, CeamHousehold, OrderFiled};
use portail_shared::requests::{Detail, Kind, Summary};
use serde_json::json;

use crate::helpers::{Answer, TestApp, demo_app, sign_in_by_email};
use crate::statements::pdf_pages;

const YANIS: (&str, &str) = ("184082901912315", "Iroise-Goemon-29");
const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");

async fn household(app: &TestApp, cookie: &str) -> CeamHousehold {
    let answer = app.get_with("/api/ceam", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

fn in_days(app: &TestApp, days: i64) -> String {
    app.today().add_days(days).to_string()
}

async fn order(
    app: &TestApp,
    cookie: &str,
    id: i64,
    body: serde_json::Value,
    lang: &str,
) -> Answer {
    app.send(
        Request::post(format!("/api/ceam/{id}/order"))
            .header("content-type", "application/json")
            .header("accept-language", lang)
            .header("cookie", cookie)
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn another_familys_child_answers_not_found() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let lea = household(&app, &camille).await.people[1].id;
    let yanis = sign_in_by_email(&app, YANIS.0, YANIS.1).await;
    let body =
        json!({"reason": "holiday", "departure": in_days(&app, 30), "address_confirmed": true});
    assert_eq!(
        order(&app, &yanis, lea, body.clone(), "fr").await.status,
        404
    );
    assert_eq!(
        app.get_with(&format!("/api/ceam/{lea}/provisional"), &yanis)
            .await
            .status,
        404
    );
    assert_eq!(order(&app, &yanis, 999_999, body, "fr").await.status, 404);
    // Nothing was filed or issued for Léa.
    assert!(household(&app, &camille).await.people[1].pending.is_none());
    let conn = db::open_connection(&app.state.config.database_path()).unwrap();
    assert_eq!(
        db::attestations::issued_count(&conn, MemberId(lea), portail::ceam::KIND).unwrap(),
        0
    );
}

#[tokio::test]
async fn cards_need_a_session() {
    let app = demo_app().await;
    assert_eq!(app.get("/api/ceam").await.status, 401);
    assert_eq!(app.get("/api/ceam/1/provisional").await.status, 401);
    let body =
        json!({"reason": "holiday", "departure": in_days(&app, 30), "address_confirmed": true});
    assert_eq!(app.post("/api/ceam/1/order", body, None).await.status, 401);
}

any_day! {
    async fn a_parent_sees_each_persons_card_with_its_status(app) {
        let cookie = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let h = household(&app, &cookie).await;
        let names: Vec<&str> = h.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Camille Martin", "Léa Martin", "Hugo Martin"]);
        let status = |i: usize| h.people[i].card.as_ref().map(|c| c.status);
        assert_eq!(status(0), Some(CardStatus::Valid));
        assert_eq!(status(1), Some(CardStatus::ExpiresSoon));
        assert_eq!(status(2), None, "Hugo has no card");
        let card = h.people[0].card.as_ref().unwrap();
        assert!(card.number_masked.starts_with("•••• •••• •••• •••• "));
        assert_eq!(
            card.number_masked
                .chars()
                .filter(char::is_ascii_digit)
                .count(),
            4
        );
        assert_eq!(h.address.city, "Lyon");
        assert_eq!(h.today, app.today().to_string());

        let yanis = sign_in_by_email(&app, YANIS.0, YANIS.1).await;
        let h = household(&app, &yanis).await;
        assert_eq!(h.people.len(), 2);
        assert_eq!(
            h.people[0].card.as_ref().map(|c| c.status),
            Some(CardStatus::Expired)
        );
        assert!(h.people[1].card.is_none() && h.people[1].pending.is_none());
    }

    async fn an_order_for_a_child_becomes_a_request_and_a_second_one_is_refused(app) {
        let cookie = sign_in_by_email(&app, YANIS.0, YANIS.1).await;
        let lina = household(&app, &cookie).await.people[1].clone();
        assert_eq!(lina.name, "Lina Mercier");

        let body = json!({"reason": "holiday", "departure": in_days(&app, 60), "address_confirmed": true});
        let answer = order(&app, &cookie, lina.id, body.clone(), "fr").await;
        assert_eq!(answer.status, 201, "{}", answer.text());
        let filed: OrderFiled = serde_json::from_slice(&answer.body).unwrap();
        assert!(filed.in_time);
        assert_eq!(filed.delivery_by, in_days(&app, 14));

        // The household shows it pending; "Mes démarches" lists it with its data.
        let pending = household(&app, &cookie).await.people[1]
            .pending
            .clone()
            .unwrap();
        assert_eq!(pending.request_id, filed.request_id);
        assert_eq!(pending.departure, in_days(&app, 60));
        assert!(pending.in_time);
        let list: Vec<Summary> =
            serde_json::from_slice(&app.get_with("/api/requests", &cookie).await.body).unwrap();
        let request = list.iter().find(|r| r.id == filed.request_id).unwrap();
        assert_eq!(request.kind, Kind::Ceam);
        assert!(
            request
                .title
                .starts_with("Carte européenne pour Lina Mercier, départ le ")
        );
        assert_eq!(request.expected_by.as_deref(), Some(in_days(&app, 14).as_str()));
        let detail: Detail = serde_json::from_slice(
            &app.get_with(&format!("/api/requests/{}", filed.request_id), &cookie)
                .await
                .body,
        )
        .unwrap();
        let fields: Vec<(&str, &str)> = detail
            .fields
            .iter()
            .map(|(l, v)| (l.as_str(), v.as_str()))
            .collect();
        assert!(fields.contains(&("Carte pour", "Lina Mercier")));
        assert!(fields.contains(&("Raison du séjour", "Vacances")));
        assert!(fields.contains(&("Adresse de livraison", "7 rue de Siam, 29200 Brest")));
        assert!(fields.contains(&("Arrivée de la carte", "Avant le départ")));
        assert!(detail.events[0].message.contains("devrait arriver vers le"));

        // A second order for Lina is refused, naming the pending request; nothing is filed.
        let again = order(&app, &cookie, lina.id, body, "fr").await;
        assert_eq!(again.status, 422, "{}", again.text());
        assert_eq!(again.json()["code"], "order_pending");
        let message = again.json()["message"].as_str().unwrap().to_owned();
        assert!(
            message.contains(&format!("demande n°\u{a0}{}", filed.request_id)),
            "{message}"
        );
        assert!(message.contains("Lina Mercier"));
        let list: Vec<Summary> =
            serde_json::from_slice(&app.get_with("/api/requests", &cookie).await.body).unwrap();
        assert_eq!(list.iter().filter(|r| r.kind == Kind::Ceam).count(), 1);
    }

    async fn a_departure_within_fifteen_days_offers_the_provisional_certificate(app) {
        let cookie = sign_in_by_email(&app, YANIS.0, YANIS.1).await;
        let yanis = household(&app, &cookie).await.people[0].clone();
        let body = json!({"reason": "work", "departure": in_days(&app, 5), "address_confirmed": true});
        let answer = order(&app, &cookie, yanis.id, body, "fr").await;
        assert_eq!(answer.status, 201, "{}", answer.text());
        let filed: OrderFiled = serde_json::from_slice(&answer.body).unwrap();
        assert!(!filed.in_time);
        let pending = household(&app, &cookie).await.people[0]
            .pending
            .clone()
            .unwrap();
        assert!(!pending.in_time);

        let pdf = app
            .get_with(&format!("/api/ceam/{}/provisional", yanis.id), &cookie)
            .await;
        assert_eq!(pdf.status, 200, "{}", pdf.text());
        assert_eq!(pdf.header("content-type"), "application/pdf");
        assert!(
            pdf.header("content-disposition")
                .contains("certificat-provisoire-ceam-yanis-")
        );
        let text = squash(&pdf_pages(&pdf.body).join("\n"));
        let short = |d: portail_shared::reimbursements::Date| {
            format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
        };
        let until = portail_shared::ceam::provisional_valid_until(app.today());
        for expected in [
            "Certificat provisoire de remplacement de la carte européenne d’assurance maladie",
            "DOCUMENT DE DÉMONSTRATION — sans valeur",
            "3. Nom : MERCIER",
            "4. Prénoms : Yanis",
            "5. Date de naissance : 19/08/1984",
            "6. Numéro d’identification personnel : 1 84 08 29 019 123 15",
            "7. Numéro d’identification de l’institution : 999 - Caisse de démonstration Portail",
            "État membre : France (FR)",
            &format!("a) Du : {} b) Au : {}", short(app.today()), short(until)),
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
        // Recorded in the register of issued documents.
        let conn = db::open_connection(&app.state.config.database_path()).unwrap();
        assert_eq!(
            db::attestations::issued_count(&conn, MemberId(yanis.id), portail::ceam::KIND).unwrap(),
            1
        );
    }

    async fn an_order_with_mistakes_says_what_to_fix_in_each_field_and_language(app) {
        let cookie = sign_in_by_email(&app, YANIS.0, YANIS.1).await;
        let id = household(&app, &cookie).await.people[1].id;
        let answer = order(&app, &cookie, id, json!({"departure": in_days(&app, -1)}), "fr").await;
        assert_eq!(answer.status, 422, "{}", answer.text());
        let fields = &answer.json()["fields"];
        assert_eq!(fields["reason"], "Choisissez la raison de votre séjour.");
        assert!(fields["departure"].as_str().unwrap().contains("est passée"));
        assert!(
            fields["address_confirmed"]
                .as_str()
                .unwrap()
                .starts_with("Confirmez")
        );

        let far = json!({"reason": "studies", "departure": in_days(&app, 400), "address_confirmed": true});
        let answer = order(&app, &cookie, id, far, "en").await;
        assert_eq!(answer.status, 422);
        assert!(
            answer.json()["fields"]["departure"]
                .as_str()
                .unwrap()
                .contains("more than a year away")
        );
        // A reason outside the list or a broken body is refused without a server error.
        let odd = json!({"reason": "tourism", "departure": in_days(&app, 30), "address_confirmed": true});
        assert_eq!(order(&app, &cookie, id, odd, "fr").await.status, 400);
        let garbage = app
            .send(
                Request::post(format!("/api/ceam/{id}/order"))
                    .header("content-type", "application/json")
                    .header("cookie", &cookie)
                    .body(Body::from("{not json"))
                    .unwrap(),
            )
            .await;
        assert_eq!(garbage.status, 400);
        assert!(household(&app, &cookie).await.people[1].pending.is_none());
    }
}
