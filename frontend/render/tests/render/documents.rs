//! The documents page's attestations and the verification page, rendered from known answers.

use std::rc::Rc;

use portail_member::pages::documents::{Attestations, AttestationsProps};
use portail_shared::attestation::{
    self, Beneficiary, PublicKey, PublicKeys, Statement, encode_key, key_id, public_key,
};
use portail_shared::reimbursements::Date;
use portail_verifier::page::{VerifierView, VerifierViewProps};

async fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

fn person(id: i64, name: &str, rank: u8, doctor: bool) -> Beneficiary {
    Beneficiary {
        id,
        name: name.into(),
        birth_date: "2017-09-02".into(),
        rank,
        nir_masked: "2 17 09 •• ••• ••• 56".into(),
        rights_from: "2017-09-02".into(),
        rights_until: None,
        css_until: (rank == 1).then(|| "2027-06-30".into()),
        treating_doctor: doctor,
        exoneration: false,
    }
}

#[tokio::test]
async fn each_person_has_a_card_with_what_the_attestation_says_and_its_download() {
    let html = render::<Attestations>(AttestationsProps {
        people: Rc::new(vec![
            person(4, "Camille Martin", 1, true),
            person(5, "Léa Martin", 2, false),
        ]),
    })
    .await;
    assert!(
        html.contains("Vos enfants mineurs rattachés à votre compte ont chacun leur attestation.")
    );
    assert!(html.contains(">Camille Martin<") && html.contains(">Léa Martin<"));
    assert!(html.contains("Assuré(e) (rang 01)") && html.contains("Ayant droit (rang 02)"));
    assert!(html.contains("2 17 09 •• ••• ••• 56"));
    assert!(html.contains("Oui, jusqu’au 30 juin 2027"));
    assert_eq!(html.matches(">Déclaré<").count(), 1);
    assert_eq!(html.matches(">Non déclaré<").count(), 1);
    assert!(html.contains(r#"href="/api/attestations/4""#));
    assert!(html.contains(r#"href="/api/attestations/5""#));
    // Each download link names its person for screen readers.
    assert!(html.contains(" de Léa Martin"));

    let alone = render::<Attestations>(AttestationsProps {
        people: Rc::new(vec![person(4, "Camille Martin", 1, true)]),
    })
    .await;
    assert!(!alone.contains("Vos enfants mineurs"));
}

const SEED: [u8; 32] = [7; 32];

fn fund_keys(seeds: &[[u8; 32]]) -> Rc<PublicKeys> {
    Rc::new(PublicKeys {
        fund_name: "Caisse de démonstration Portail".into(),
        keys: seeds
            .iter()
            .map(|s| {
                let p = public_key(s);
                PublicKey {
                    key_id: key_id(&p),
                    public_key: encode_key(&p),
                    created_on: "2026-01-01".into(),
                    retired_on: None,
                }
            })
            .collect(),
    })
}

fn code(seed: &[u8; 32]) -> String {
    let day = |y, m, d| Date::new(y, m, d).unwrap();
    attestation::sign(
        &Statement {
            key_id: key_id(&public_key(seed)),
            issued_on: day(2026, 11, 27),
            fund_code: "999".into(),
            fund_name: "Caisse de démonstration Portail".into(),
            nir: "291056912304511".parse().unwrap(),
            family_name: "MARTIN".into(),
            given_names: "Camille".into(),
            birth_date: day(1991, 5, 14),
            rank: 1,
            rights_from: day(1991, 5, 14),
            rights_until: None,
            css_until: None,
            number: 12,
        },
        seed,
    )
    .unwrap()
}

async fn verdict(keys: Option<Rc<PublicKeys>>, code: &str) -> String {
    render::<VerifierView>(VerifierViewProps {
        keys,
        code: Some(code.to_owned().into()),
        today: Date::new(2026, 11, 27),
    })
    .await
}

#[tokio::test]
async fn a_genuine_code_from_the_address_is_shown_as_authentic_with_its_facts() {
    let html = verdict(Some(fund_keys(&[SEED])), &code(&SEED)).await;
    assert!(html.contains("Attestation authentique"), "{html}");
    assert!(html.contains("panel--success"));
    for fact in [
        "MARTIN",
        "Camille",
        "14 mai 1991",
        "2 91 05 69 123 045 11",
        "Assuré(e) (rang 01)",
        "27 novembre 2026",
        "Caisse de démonstration Portail (Code de l’organisme 999)",
        "Droits ouverts aujourd’hui selon cette attestation.",
    ] {
        assert!(html.contains(fact), "{fact:?} missing");
    }
    assert!(!html.contains("NON authentique"));
}

#[tokio::test]
async fn altered_foreign_and_broken_codes_are_shown_as_not_authentic() {
    let keys = Some(fund_keys(&[SEED]));
    let genuine = code(&SEED);
    let (head, signature) = genuine.rsplit_once('.').unwrap();
    let mut altered = head.to_owned();
    let last = altered.pop().unwrap();
    altered.push(if last == 'A' { 'B' } else { 'A' });
    let tampered = verdict(keys.clone(), &format!("{altered}.{signature}")).await;
    assert!(tampered.contains("Attestation NON authentique"));
    assert!(
        tampered.contains("modifié après sa signature") || tampered.contains("pas un code"),
        "{tampered}"
    );
    assert!(
        !tampered.contains("2 91 05 69 123 045 11"),
        "no fact of a refused code is shown"
    );

    let foreign = verdict(keys.clone(), &code(&[9; 32])).await;
    assert!(foreign.contains("n’a pas été signé par une clé de la caisse"));
    assert!(foreign.contains("panel--error"));

    let broken = verdict(keys, "bonjour").await;
    assert!(broken.contains("n’est pas un code d’attestation complet"));

    let offline = verdict(None, &genuine).await;
    assert!(offline.contains("n’ont pas pu être chargées"));
}

#[tokio::test]
async fn without_a_code_the_page_waits_for_one() {
    let html = render::<VerifierView>(VerifierViewProps {
        keys: Some(fund_keys(&[SEED])),
        code: None,
        today: None,
    })
    .await;
    assert!(
        html.contains(
            r#"for="code-attestation" class="field__label">Code de l’attestation</label>"#
        )
    );
    assert!(!html.contains("panel--"));
}

#[test]
fn a_document_keeps_the_name_the_server_gave_it() {
    use portail_member::api::file_name;
    assert_eq!(
        file_name("attachment; filename=\"attestation-droits-lea-2026-11-27.pdf\"").as_deref(),
        Some("attestation-droits-lea-2026-11-27.pdf")
    );
    assert_eq!(
        file_name("inline; filename=releve.pdf").as_deref(),
        Some("releve.pdf")
    );
    assert_eq!(file_name("attachment").as_deref(), None);
    assert_eq!(
        file_name("attachment; filename=\"../etc/passwd\"").as_deref(),
        None
    );
    assert_eq!(file_name("attachment; filename=\"\"").as_deref(), None);
}
