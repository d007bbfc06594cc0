//! The European card page rendered from known answers: each person's card and its warning, an
//! order in progress with the provisional certificate when the card comes too late, the order
//! form, and which mistakes the form shows when.

use std::collections::BTreeSet;
use std::rc::Rc;

use portail_member::pages::ceam::{
    CeamView, CeamViewProps, OrderForm, OrderFormProps, visible_problems,
};
use portail_shared::address::PostalAddress;
use portail_shared::ceam::{
    CardStatus, CardView, CeamHousehold, CeamOrder, CeamPerson, OrderProblem, PendingOrder,
    TripReason,
};
use portail_shared::reimbursements::Date;

async fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

fn address() -> PostalAddress {
    PostalAddress {
        line1: "7 rue de Siam".into(),
        line2: String::new(),
        postal_code: "29200".into(),
        city: "Brest".into(),
    }
}

fn person(id: i64, name: &str, card: Option<CardStatus>, pending: Option<bool>) -> CeamPerson {
    CeamPerson {
        id,
        name: name.into(),
        rank: if id == 1 { 1 } else { 2 },
        birth_date: "2018-06-11".into(),
        card: card.map(|status| CardView {
            number_masked: "•••• •••• •••• •••• 4821".into(),
            valid_from: "2025-01-10".into(),
            valid_until: "2027-01-09".into(),
            status,
        }),
        pending: pending.map(|in_time| PendingOrder {
            request_id: 31,
            departure: "2026-12-02".into(),
            delivery_by: "2026-12-11".into(),
            in_time,
        }),
    }
}

fn household(people: Vec<CeamPerson>) -> Rc<CeamHousehold> {
    Rc::new(CeamHousehold {
        today: "2026-11-27".into(),
        address: address(),
        people,
    })
}

#[tokio::test]
async fn each_person_shows_their_card_masked_with_its_status_and_warning() {
    let html = render::<CeamView>(CeamViewProps {
        household: household(vec![
            person(1, "Yanis Mercier", Some(CardStatus::Expired), None),
            person(2, "Lina Mercier", None, None),
            person(3, "Tom Mercier", Some(CardStatus::ExpiresSoon), None),
            person(4, "Zoé Mercier", Some(CardStatus::Valid), None),
        ]),
        on_filed: Default::default(),
    })
    .await;
    assert!(html.contains(">Yanis Mercier<") && html.contains(">Lina Mercier<"));
    assert_eq!(html.matches("•••• •••• •••• •••• 4821").count(), 3);
    assert!(!html.contains("80250"), "never the full number");
    assert!(html.contains("du 10 janvier 2025 au 9 janvier 2027"));
    assert!(
        html.contains(">Expirée<")
            && html.contains(">Expire bientôt<")
            && html.contains(">Valide<")
    );
    assert!(html.contains("Cette carte a expiré\u{a0}: commandez-en une nouvelle"));
    assert!(html.contains("Cette carte expire dans moins de 3 mois\u{a0}:"));
    assert_eq!(html.matches("status-line--warning").count(), 2);
    assert!(html.contains("Pas de carte européenne pour le moment."));
    // One order button per person, naming the person for screen readers.
    assert_eq!(html.matches("Commander une carte").count(), 4);
    assert!(html.contains(" pour Lina Mercier"));
    assert!(
        !html.contains("/api/ceam/"),
        "no certificate without an order"
    );
}

#[tokio::test]
async fn an_order_in_progress_links_its_request_and_offers_the_certificate_when_late() {
    let html = render::<CeamView>(CeamViewProps {
        household: household(vec![
            person(1, "Yanis Mercier", Some(CardStatus::Expired), Some(false)),
            person(2, "Lina Mercier", None, Some(true)),
        ]),
        on_filed: Default::default(),
    })
    .await;
    assert_eq!(html.matches("Commande en cours").count(), 2);
    assert!(html.contains("11 décembre 2026") && html.contains("2 décembre 2026"));
    assert_eq!(html.matches(r#"href="/demarches/31""#).count(), 2);
    // Only Yanis's card comes after his departure: his certificate, not Lina's.
    assert!(html.contains(r#"href="/api/ceam/1/provisional""#));
    assert!(!html.contains(r#"href="/api/ceam/2/provisional""#));
    assert!(html.contains("Télécharger le certificat provisoire (PDF)"));
    assert!(
        !html.contains("Commander une carte"),
        "no second order while one is pending"
    );
}

#[tokio::test]
async fn the_order_form_asks_the_reason_the_departure_and_the_address() {
    let html = render::<OrderForm>(OrderFormProps {
        person: person(2, "Lina Mercier", None, None),
        address: address(),
        today: "2026-11-27".into(),
        on_done: Default::default(),
        on_cancel: Default::default(),
    })
    .await;
    for reason in TripReason::ALL {
        assert!(html.contains(&format!(r#"id="ceam-raison-{}""#, reason.code())));
    }
    assert!(html.contains(">Vacances<") && html.contains(">Études ou stage<"));
    assert!(html.contains(">Date de départ<"));
    assert!(html.contains(r#"id="ceam-depart-jour""#));
    assert!(html.contains("7 rue de Siam") && html.contains("29200 Brest"));
    assert!(html.contains("Je confirme que la carte peut être envoyée à cette adresse"));
    assert!(html.contains(r#"href="/compte""#));
    assert!(html.contains("Commander la carte"));
    // Nothing is wrong before the member does anything.
    assert!(!html.contains("field--error") && !html.contains("resume-erreurs"));
    assert!(!html.contains("ceam-trop-tard"));
}

#[test]
fn mistakes_show_once_a_field_is_left_or_the_form_sent() {
    let today = Date::new(2026, 11, 27).unwrap();
    let empty = CeamOrder {
        reason: None,
        departure: String::new(),
        address_confirmed: false,
    };
    let none = BTreeSet::new();
    assert_eq!(visible_problems(&empty, false, today, &none, false), []);
    assert_eq!(
        visible_problems(&empty, false, today, &none, true),
        [
            OrderProblem::ReasonMissing,
            OrderProblem::DepartureMissing,
            OrderProblem::AddressNotConfirmed
        ]
    );
    let left: BTreeSet<&'static str> = ["departure"].into();
    // Leaving the date empty says nothing yet; a past date says so at once.
    assert_eq!(visible_problems(&empty, false, today, &left, false), []);
    let past = CeamOrder {
        departure: "2026-11-01".into(),
        ..empty.clone()
    };
    assert_eq!(
        visible_problems(&past, true, today, &left, false),
        [OrderProblem::DeparturePast]
    );
}
