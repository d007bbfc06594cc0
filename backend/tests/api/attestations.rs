//! Attestations de droits: who a member gets one for, what the PDF says (read back with
//! `pdftotext`), the signed code it carries, the fund's public keys and their rotation.

use portail::db;
use portail_shared::attestation::{self, Beneficiary, PublicKeys, Verdict};

use crate::helpers::{TestApp, demo_app, demo_person, sign_in_by_email, test_keys};
use crate::statements::pdf_pages;

const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: (&str, &str) = ("158112A00401729", "Granit-Maquis-27");
const SOPHIE: (&str, &str) = ("295029935202165", "Lavande-Ecume-93");

async fn beneficiaries(app: &TestApp, cookie: &str) -> Vec<Beneficiary> {
    let answer = app.get_with("/api/attestations", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

/// The attestation's text and the code printed under its QR code.
async fn download(app: &TestApp, cookie: &str, id: i64) -> (String, String) {
    let answer = app
        .get_with(&format!("/api/attestations/{id}"), cookie)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.header("content-type"), "application/pdf");
    assert!(
        answer
            .header("content-disposition")
            .contains("attestation-droits-")
    );
    let text = pdf_pages(&answer.body).join("\n");
    let code: String = text
        .lines()
        .map(str::trim)
        .skip_while(|l| !l.starts_with("PA1."))
        .take_while(|l| !l.is_empty() && !l.contains(' '))
        .collect();
    assert!(code.starts_with("PA1."), "no code in:\n{text}");
    (text, code)
}

async fn keys(app: &TestApp) -> PublicKeys {
    let answer = app.get("/api/attestations/keys").await;
    assert_eq!(answer.status, 200);
    serde_json::from_slice(&answer.body).unwrap()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn another_familys_child_and_strangers_answer_not_found() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let lea = beneficiaries(&app, &camille).await[1].id;
    let jean = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
    assert_eq!(beneficiaries(&app, &jean).await.len(), 1);
    for id in [lea, 999_999, 0] {
        let answer = app
            .get_with(&format!("/api/attestations/{id}"), &jean)
            .await;
        assert_eq!(answer.status, 404, "{id}");
    }
    assert_eq!(
        app.get(&format!("/api/attestations/{lea}")).await.status,
        401
    );
    assert_eq!(app.get("/api/attestations").await.status, 401);
}

#[tokio::test]
async fn every_attestation_is_registered_and_rotation_keeps_old_ones_verifiable() {
    let app = demo_app().await;
    let cookie = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let me = beneficiaries(&app, &cookie).await.remove(0);
    let (_, first) = download(&app, &cookie, me.id).await;
    let (_, second) = download(&app, &cookie, me.id).await;
    let issued = app
        .state
        .db
        .call(move |c| {
            db::attestations::issued_count(c, db::members::MemberId(me.id), "attestation_droits")
        })
        .await
        .unwrap();
    assert_eq!(issued, 2);
    assert_eq!(keys(&app).await.keys.len(), 1);

    let keys_before = keys(&app).await;
    let new_id = app
        .state
        .db
        .call(|c| db::attestations::rotate(c, &test_keys(), "2031-01-01T00:00:00Z"))
        .await
        .unwrap();
    let after = keys(&app).await;
    assert_eq!(after.keys.len(), 2);
    assert_eq!(after.keys[0].key_id, new_id);
    assert_eq!(after.keys[1].key_id, keys_before.keys[0].key_id);
    assert_eq!(after.keys[1].retired_on.as_deref(), Some("2031-01-01"));
    // Old codes still verify; new ones are signed by the new key.
    assert!(matches!(
        attestation::verify(&first, &after.keys),
        Verdict::Authentic(_)
    ));
    assert!(matches!(
        attestation::verify(&second, &after.keys),
        Verdict::Authentic(_)
    ));
    let (_, third) = download(&app, &cookie, me.id).await;
    let Verdict::Authentic(statement) = attestation::verify(&third, &after.keys) else {
        panic!("does not verify");
    };
    assert_eq!(statement.key_id, new_id);
    // Only the keys the fund published verify: without the old one, old codes are foreign.
    assert_eq!(
        attestation::verify(&first, &after.keys[..1]),
        Verdict::UnknownSigner
    );
    // A changed letter in the facts is caught.
    let (head, signature) = first.rsplit_once('.').unwrap();
    let mut facts = head.to_owned();
    let last = facts.pop().unwrap();
    facts.push(if last == 'A' { 'B' } else { 'A' });
    assert_ne!(
        attestation::verify(&format!("{facts}.{signature}"), &after.keys),
        attestation::verify(&first, &after.keys)
    );
}

#[tokio::test]
async fn the_public_keys_need_no_session_and_hold_no_secret() {
    let app = demo_app().await;
    let cookie = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let me = beneficiaries(&app, &cookie).await.remove(0);
    download(&app, &cookie, me.id).await;
    let answer = app.get("/api/attestations/keys").await;
    assert_eq!(answer.status, 200);
    let body = answer.text();
    assert!(!body.contains("private"), "{body}");
    let fund: PublicKeys = serde_json::from_str(&body).unwrap();
    assert_eq!(fund.keys[0].public_key.len(), 43, "32 bytes in base64url");
}

any_day! {
    async fn a_parent_gets_their_own_and_their_minor_childrens_attestations(app) {
        let cookie = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let people = beneficiaries(&app, &cookie).await;
        let names: Vec<(&str, u8)> = people.iter().map(|p| (p.name.as_str(), p.rank)).collect();
        assert_eq!(
            names,
            [("Camille Martin", 1), ("Léa Martin", 2), ("Hugo Martin", 3)]
        );
        assert_eq!(people[0].nir_masked, "2 91 05 •• ••• ••• 11");
        assert!(people.iter().all(|p| p.treating_doctor));

        // Her own: full NIR on the document, her children with their rank, the demo warning.
        let (text, code) = download(&app, &cookie, people[0].id).await;
        let flat = squash(&text);
        let lea = format!("Léa Martin {} 02", demo_person(&app, "Léa Martin").1);
        let hugo = format!("Hugo Martin {} 03", demo_person(&app, "Hugo Martin").1);
        for expected in [
            "Attestation de droits à l’assurance maladie",
            "DOCUMENT DE DÉMONSTRATION",
            "Numéro de sécurité sociale : 2 91 05 69 123 045 11",
            "Qualité : Assuré(e) (rang 01)",
            "Médecin traitant : déclaré.",
            "Complémentaire santé solidaire : non.",
            "Exonération du ticket modérateur (ALD) : aucune.",
            "Ayants droit rattachés",
            &lea,
            &hugo,
            "https://portail.test/verifier",
        ] {
            assert!(
                flat.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
        let fund = keys(&app).await;
        let Verdict::Authentic(statement) = attestation::verify(&code, &fund.keys) else {
            panic!("the printed code does not verify: {code}");
        };
        assert_eq!(statement.nir.as_str(), CAMILLE.0);
        assert_eq!(statement.rank, 1);
        assert_eq!(statement.issued_on, app.today());
        assert_eq!(statement.fund_name, fund.fund_name);

        // Her daughter's: Léa is the beneficiary, Camille the insured she is attached to.
        let (text, code) = download(&app, &cookie, people[1].id).await;
        let flat = squash(&text);
        assert!(flat.contains("Qualité : Ayant droit (rang 02)"), "{text}");
        assert!(flat.contains("Assuré(e) ouvrant droit"), "{text}");
        assert!(flat.contains("Camille Martin"), "{text}");
        let Verdict::Authentic(statement) = attestation::verify(&code, &fund.keys) else {
            panic!("the child's code does not verify");
        };
        assert_eq!((statement.given_names.as_str(), statement.rank), ("Léa", 2));
        assert!(statement.number > 0);
    }

    async fn the_document_states_exonerations_css_and_a_missing_doctor(app) {
        // Jean: an ALD exoneration, on the PDF only (never in the code).
        let jean = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
        let me = beneficiaries(&app, &jean).await.remove(0);
        assert!(me.exoneration);
        let (text, code) = download(&app, &jean, me.id).await;
        assert!(
            squash(&text).contains("Exonération du ticket modérateur : Affection de longue durée"),
            "{text}"
        );
        assert!(!code.contains("ALD"));

        // Sophie: no médecin traitant declared.
        let sophie = sign_in_by_email(&app, SOPHIE.0, SOPHIE.1).await;
        let me = beneficiaries(&app, &sophie).await.remove(0);
        assert!(!me.treating_doctor);
        let (text, _) = download(&app, &sophie, me.id).await;
        assert!(
            squash(&text).contains("Médecin traitant : non déclaré."),
            "{text}"
        );

        // CSS rights open today are stated, on the document and in the code.
        let until = app.today().add_months(5);
        let id = portail_shared::reimbursements::Date::to_string(&until);
        app.state
            .db
            .call(move |c| {
                db::attestations::set_css_until(c, db::members::MemberId(me.id), Some(until))
            })
            .await
            .unwrap();
        let (text, code) = download(&app, &sophie, me.id).await;
        let shown = format!("{}/{}/{}", &id[8..10], &id[5..7], &id[0..4]);
        assert!(
            squash(&text).contains(&format!(
                "Complémentaire santé solidaire : oui, jusqu’au {shown}."
            )),
            "{text}"
        );
        let Verdict::Authentic(statement) = attestation::verify(&code, &keys(&app).await.keys) else {
            panic!("does not verify");
        };
        assert_eq!(statement.css_until, Some(until));
    }
}
