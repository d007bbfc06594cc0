//! My account's bank details and postal address, rendered from known answers, and the
//! browser's own checks of their forms.

use std::collections::BTreeSet;
use std::rc::Rc;

use portail_member::components::address::{
    AddressForm, AddressFormProps, AddressOnFile, AddressOnFileProps, moved_on, visible_problems,
};
use portail_member::components::bank::{
    BankForm, BankFormProps, BankOnFile, BankOnFileProps, iban_error,
};
use portail_member::pages::requests::{RequestView, RequestViewProps};
use portail_shared::Lang;
use portail_shared::address::{
    AddressChange, AddressProblem, AddressView, PendingAddressChange, PostalAddress,
};
use portail_shared::bank::{BankAccount, BankDetails, PendingBankChange};
use portail_shared::reimbursements::Date;
use portail_shared::requests::{Detail, Event, Kind, Status, Summary};

async fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

fn account(masked: &str) -> BankAccount {
    BankAccount {
        iban_masked: masked.into(),
        holder: "Camille MARTIN".into(),
        bic: None,
    }
}

#[tokio::test]
async fn the_bank_details_show_masked_and_a_pending_change_links_to_its_request() {
    let settled = render::<BankOnFile>(BankOnFileProps {
        details: Rc::new(BankDetails {
            current: Some(account("FR14 •••• •••• •••• •••• ••02 606")),
            pending: None,
        }),
    })
    .await;
    assert!(settled.contains("Vos remboursements sont versés sur ce compte."));
    assert!(settled.contains(r#"<dd class="identifier">FR14 •••• •••• •••• •••• ••02 606</dd>"#));
    assert!(settled.contains("Camille MARTIN"));
    assert!(!settled.contains("en cours de traitement"));

    let pending = render::<BankOnFile>(BankOnFileProps {
        details: Rc::new(BankDetails {
            current: Some(account("FR14 •••• •••• •••• •••• ••02 606")),
            pending: Some(PendingBankChange {
                request_id: 12,
                account: BankAccount {
                    bic: Some("BNPAFRPP".into()),
                    ..account("FR76 •••• •••• •••• •••• ••12 345")
                },
            }),
        }),
    })
    .await;
    assert!(pending.contains(
        "Un changement de coordonnées bancaires est en cours de traitement. Nouveau compte\u{a0}:"
    ));
    assert!(pending.contains("FR76 •••• •••• •••• •••• ••12 345"));
    assert!(pending.contains("BNPAFRPP"));
    assert!(pending.contains(r#"href="/demarches/12""#));
    assert!(pending.contains(">Suivre la demande<"));

    let none = render::<BankOnFile>(BankOnFileProps {
        details: Rc::new(BankDetails {
            current: None,
            pending: None,
        }),
    })
    .await;
    assert!(none.contains("Aucun compte n’est enregistré"));
}

#[tokio::test]
async fn the_bank_form_labels_every_field_and_asks_for_the_rib() {
    let html = render::<BankForm>(BankFormProps {
        on_done: Default::default(),
        on_cancel: Default::default(),
    })
    .await;
    for (id, label) in [
        ("nouvel-iban", "IBAN du nouveau compte"),
        ("bic", "BIC (facultatif)"),
        ("titulaire-compte", "Titulaire du compte"),
        ("rib", "Votre RIB"),
    ] {
        assert!(
            html.contains(&format!(
                r#"for="{id}" class="field__label">{label}</label>"#
            )),
            "{id}: {html}"
        );
        assert!(html.contains(&format!(r#"id="{id}-message""#)), "{id}");
    }
    assert!(html.contains(r#"type="file""#));
    assert!(html.contains(r#"accept="application/pdf,image/jpeg,image/png"#));
    assert!(html.contains(r#"aria-describedby="nouvel-iban-aide nouvel-iban-message""#));
    assert!(html.contains(">Envoyer ma demande<"));
    assert!(html.contains(">Annuler<"));
    assert!(html.contains("novalidate"));
    // Nothing is said before the member has typed and left a field.
    assert!(!html.contains("field__error"));
}

#[test]
fn the_iban_is_judged_once_left_and_always_on_submit() {
    assert_eq!(iban_error("", true, false, Lang::Fr), None);
    assert!(
        iban_error("", false, true, Lang::Fr)
            .unwrap()
            .starts_with("Saisissez votre IBAN")
    );
    // A wrong one waits for the member to leave the field…
    let mistyped = "FR14 2004 1010 0505 0001 3M02 607";
    assert_eq!(iban_error(mistyped, false, false, Lang::Fr), None);
    assert!(
        iban_error(mistyped, true, false, Lang::Fr)
            .unwrap()
            .contains("vérifiez chaque chiffre")
    );
    assert!(
        iban_error("FR14 2004", true, false, Lang::En)
            .unwrap()
            .contains("27 characters")
    );
    // … and a right one, typed any way, is right.
    assert_eq!(
        iban_error("fr14 2004 1010 0505 0001 3m02 606", true, true, Lang::Fr),
        None
    );
}

fn lyon() -> PostalAddress {
    PostalAddress {
        line1: "12 rue des Tilleuls".into(),
        line2: String::new(),
        postal_code: "69003".into(),
        city: "Lyon".into(),
    }
}

#[tokio::test]
async fn the_address_on_file_reads_as_on_an_envelope_and_a_pending_move_says_when() {
    let html = render::<AddressOnFile>(AddressOnFileProps {
        view: Rc::new(AddressView {
            current: lyon(),
            pending: Some(PendingAddressChange {
                request_id: 9,
                address: PostalAddress {
                    line1: "40 rue Paul Bert".into(),
                    line2: "Bâtiment C".into(),
                    postal_code: "69003".into(),
                    city: "Lyon".into(),
                },
                moved_on: "2026-03-01".into(),
            }),
        }),
    })
    .await;
    assert!(html.contains("12 rue des Tilleuls<br>69003 Lyon"), "{html}");
    assert!(html.contains("40 rue Paul Bert<br>Bâtiment C<br>69003 Lyon"));
    assert!(html.contains("Un changement d’adresse est en cours de traitement."));
    assert!(html.contains("1er mars 2026"));
    assert!(html.contains(r#"href="/demarches/9""#));
}

#[tokio::test]
async fn the_move_form_asks_for_the_address_its_day_and_an_optional_proof() {
    let html = render::<AddressForm>(AddressFormProps {
        on_done: Default::default(),
        on_cancel: Default::default(),
    })
    .await;
    for (id, autocomplete) in [
        ("adresse-ligne1", "address-line1"),
        ("adresse-ligne2", "address-line2"),
        ("code-postal", "postal-code"),
        ("commune", "address-level2"),
    ] {
        let at = html.find(&format!(r#"id="{id}""#)).unwrap();
        let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
        assert!(
            tag.contains(&format!(r#"autocomplete="{autocomplete}""#)),
            "{tag}"
        );
    }
    assert!(html.contains("Complément d’adresse (facultatif)"));
    assert!(html.contains(r#"id="date-demenagement-jour""#));
    assert!(html.contains("Date du déménagement"));
    assert!(html.contains("Justificatif de domicile (facultatif)"));
    assert!(html.contains(">Déclarer mon déménagement<"));
    assert!(!html.contains("field__error"));
}

#[test]
fn a_move_is_judged_field_by_field_once_left_or_sent() {
    let today = Date::parse("2026-03-10").unwrap();
    assert_eq!(
        moved_on("1", "3", "2026", Some(today)),
        Ok("2026-03-01".into())
    );
    assert_eq!(
        moved_on("31", "2", "2026", Some(today)),
        Err(AddressProblem::MovedOnMissing)
    );
    assert_eq!(
        moved_on("1", "8", "2026", Some(today)),
        Err(AddressProblem::MovedOnTooLate)
    );
    assert_eq!(
        moved_on("1", "8", "2026", None),
        Ok("2026-08-01".into()),
        "the server judges alone"
    );

    let change = AddressChange {
        line1: String::new(),
        line2: String::new(),
        postal_code: "6900".into(),
        city: String::new(),
        moved_on: String::new(),
        proof: None,
    };
    let missing = Err(AddressProblem::MovedOnMissing);
    let none = BTreeSet::new();
    assert_eq!(visible_problems(&change, missing, today, &none, false), []);
    let left: BTreeSet<&'static str> = ["line1", "postal_code"].into_iter().collect();
    assert_eq!(
        visible_problems(&change, missing, today, &left, false),
        [AddressProblem::PostalCodeMalformed],
        "an empty field is said only once sent"
    );
    assert_eq!(
        visible_problems(&change, missing, today, &none, true),
        [
            AddressProblem::Line1Empty,
            AddressProblem::PostalCodeMalformed,
            AddressProblem::CityEmpty,
            AddressProblem::MovedOnMissing
        ]
    );
}

#[tokio::test]
async fn a_bank_details_request_shows_the_masked_iban_in_what_was_sent() {
    let detail = Detail {
        summary: Summary {
            id: 12,
            kind: Kind::BankDetails,
            title: "Nouveau compte FR76 •••• •••• •••• •••• ••12 345".into(),
            status: Status::Submitted,
            created_at: "2026-11-26T10:00:00Z".into(),
            updated_at: "2026-11-26T10:00:00Z".into(),
            expected_by: Some("2026-12-26".into()),
        },
        fields: vec![
            ("IBAN".into(), "FR76 •••• •••• •••• •••• ••12 345".into()),
            ("Titulaire du compte".into(), "Camille MARTIN".into()),
        ],
        events: vec![Event {
            at: "2026-11-26T10:00:00Z".into(),
            status: Status::Submitted,
            message: "Votre demande est enregistrée.".into(),
            author: "member".into(),
        }],
        attachments: vec![],
    };
    let html = render::<RequestView>(RequestViewProps {
        detail: Rc::new(detail),
    })
    .await;
    assert!(html.contains("<strong>Changement de coordonnées bancaires</strong>"));
    assert!(html.contains(
        "<dt>IBAN</dt><dd class=\"details__text\">FR76 •••• •••• •••• •••• ••12 345</dd>"
    ));
}
