//! "À faire" on the home (`GET /api/attention`): the demo personas' European cards (Yanis's
//! expired, Léa's ending soon) and prevention to do (Françoise's colorectal screening due, her
//! cervical screening overdue), and how each leaves the list once dealt with.

use portail_shared::attention::Attention;
use serde_json::json;

use crate::helpers::{TestApp, sign_in_by_email};

const YANIS: (&str, &str) = ("184082901912315", "Iroise-Goemon-29");
const FRANCOISE: (&str, &str) = ("268033523812348", "Ajonc-Lande-Granit-68");
const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");

async fn attention(app: &TestApp, cookie: &str) -> Vec<Attention> {
    let answer = app.get_with("/api/attention", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

fn cards(items: &[Attention]) -> Vec<&Attention> {
    items
        .iter()
        .filter(|i| matches!(i, Attention::CeamExpiring { .. }))
        .collect()
}

fn prevention(items: &[Attention]) -> Vec<&Attention> {
    items
        .iter()
        .filter(|i| matches!(i, Attention::PreventionDue { .. }))
        .collect()
}

any_day! {
    async fn an_expired_card_is_on_the_home_until_a_new_one_is_ordered(app) {
        let yanis = sign_in_by_email(&app, YANIS.0, YANIS.1).await;
        let items = attention(&app, &yanis).await;
        let [
            Attention::CeamExpiring {
                person,
                name,
                valid_until,
                expired,
            },
        ] = cards(&items)[..]
        else {
            panic!("one card to renew: {items:?}");
        };
        assert_eq!(name, "Yanis Mercier");
        assert_eq!(*valid_until, app.today().add_days(-365).to_string());
        assert!(*expired);
        // Lina has no card: nothing to renew for her.

        let body = json!({
            "reason": "holiday",
            "departure": app.today().add_days(60).to_string(),
            "address_confirmed": true,
        });
        let ordered = app
            .post(&format!("/api/ceam/{person}/order"), body, Some(&yanis))
            .await;
        assert_eq!(ordered.status, 201, "{}", ordered.text());
        let items = attention(&app, &yanis).await;
        assert!(cards(&items).is_empty(), "an order is pending: {items:?}");
    }

    async fn a_card_ending_soon_is_mentioned_but_not_a_valid_one(app) {
        let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let items = attention(&app, &camille).await;
        // Camille's card is valid for 480 days, Léa's ends in 40, Hugo has none.
        let [
            Attention::CeamExpiring {
                name,
                valid_until,
                expired,
                ..
            },
        ] = cards(&items)[..]
        else {
            panic!("one card ending soon: {items:?}");
        };
        assert_eq!(name, "Léa Martin");
        assert_eq!(*valid_until, app.today().add_days(40).to_string());
        assert!(!expired);
        // Hugo's M’T dents exam is to do (never done), Léa's was done this year.
        let [
            Attention::PreventionDue {
                name,
                count,
                overdue,
                ..
            },
        ] = prevention(&items)[..]
        else {
            panic!("one person with prevention to do: {items:?}");
        };
        assert_eq!((name.as_str(), *count, *overdue), ("Hugo Martin", 1, 0));
    }

    async fn prevention_to_do_counts_by_person_and_follows_declarations(app) {
        let francoise = sign_in_by_email(&app, FRANCOISE.0, FRANCOISE.1).await;
        let items = attention(&app, &francoise).await;
        let [
            Attention::PreventionDue {
                person,
                name,
                count,
                overdue,
            },
        ] = prevention(&items)[..]
        else {
            panic!("one person with prevention to do: {items:?}");
        };
        // The colorectal screening is due, the cervical one overdue; the breast one is up to date.
        assert_eq!(
            (name.as_str(), *count, *overdue),
            ("Françoise Lefort", 2, 1)
        );
        assert!(cards(&items).is_empty(), "she has no European card");

        let done = app
            .post(
                "/api/prevention/done",
                json!({
                    "person": person,
                    "programme": "colorectal",
                    "done_on": app.today().add_days(-10).to_string(),
                }),
                Some(&francoise),
            )
            .await;
        assert_eq!(done.status, 200, "{}", done.text());
        let items = attention(&app, &francoise).await;
        let [Attention::PreventionDue { count, overdue, .. }] = prevention(&items)[..] else {
            panic!("still the cervical screening: {items:?}");
        };
        assert_eq!((*count, *overdue), (1, 1));
        assert_eq!(
            prevention(&items)[0].words(portail_shared::Lang::Fr),
            "1\u{a0}action de prévention en retard pour Françoise Lefort."
        );
    }
}
