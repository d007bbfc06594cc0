//! Médecin traitant: the household's doctors, the directory search, declarations (the
//! 16-17 rule, one pending at a time, another family's child refused) and their completion.

use portail::db;
use portail_shared::doctor::{Declarant, Person, Professional};
use portail_shared::requests::{Detail, Kind, Status, Summary};
use serde_json::json;

use crate::helpers::{TestApp, demo_app, sign_in_by_email, test_keys};

const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: (&str, &str) = ("158112A00401729", "Granit-Maquis-27");
const SOPHIE: (&str, &str) = ("295029935202165", "Lavande-Ecume-93");

async fn household(app: &TestApp, cookie: &str) -> Vec<Person> {
    let answer = app.get_with("/api/doctor", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

async fn search(app: &TestApp, cookie: &str, query: &str) -> Vec<Professional> {
    let answer = app
        .get_with(&format!("/api/professionals?{query}"), cookie)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

#[tokio::test]
async fn the_directory_is_searched_by_name_or_town_without_accents() {
    let app = demo_app().await;
    let cookie = sign_in_by_email(&app, SOPHIE.0, SOPHIE.1).await;
    let found = search(&app, &cookie, "name=GUER&city=&specialty=").await;
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|p| p.name.ends_with("Guérin")),
        "{found:?}"
    );
    let found = search(
        &app,
        &cookie,
        "name=&city=clermont&specialty=P%C3%A9diatrie",
    )
    .await;
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|p| p.city == "Clermont-Ferrand" && p.specialty == "Pédiatrie")
    );
    let found = search(&app, &cookie, "name=&city=toul&specialty=").await;
    assert!(found.len() <= 20 && !found.is_empty());
    assert!(found.windows(2).all(|w| {
        // "Dr Élise Da Silva" → "da silva", as the directory orders them.
        let family =
            |p: &Professional| portail_shared::text::fold(p.name.splitn(3, ' ').nth(2).unwrap());
        family(&w[0]) <= family(&w[1])
    }));
    assert!(
        search(&app, &cookie, "name=zzzz&city=&specialty=")
            .await
            .is_empty()
    );

    let short = app
        .get_with("/api/professionals?name=g&city=&specialty=", &cookie)
        .await;
    assert_eq!(short.status, 422);
    assert!(
        short.json()["fields"]["name"]
            .as_str()
            .unwrap()
            .contains("2 lettres")
    );
    let odd = app
        .get_with("/api/professionals?name=gu&specialty=Chirurgie", &cookie)
        .await;
    assert_eq!(odd.status, 422);
    assert!(odd.json()["fields"]["specialty"].is_string());
    assert_eq!(app.get("/api/professionals?name=gu").await.status, 401);
}

#[tokio::test]
async fn the_home_asks_to_declare_a_missing_doctor_until_a_declaration_is_filed() {
    use portail_shared::attention::Attention;
    let app = demo_app().await;
    let sophie = sign_in_by_email(&app, SOPHIE.0, SOPHIE.1).await;
    let attention = |cookie: String| {
        let app = &app;
        async move {
            let answer = app.get_with("/api/attention", &cookie).await;
            assert_eq!(answer.status, 200, "{}", answer.text());
            // Only the médecin traitant here (cards and prevention: `attention.rs`).
            serde_json::from_slice::<Vec<Attention>>(&answer.body)
                .unwrap()
                .into_iter()
                .filter(|i| matches!(i, Attention::NoDoctor { .. }))
                .collect::<Vec<_>>()
        }
    };
    let me = household(&app, &sophie).await[0].id;
    assert_eq!(
        attention(sophie.clone()).await,
        [Attention::NoDoctor {
            person: me,
            name: "Sophie Bernard".into()
        }]
    );
    let doctor = search(&app, &sophie, "name=&city=toulouse&specialty=").await[0].id;
    let filed = app
        .post(
            "/api/doctor",
            json!({ "person": me, "doctor": doctor, "doctor_agreed": true }),
            Some(&sophie),
        )
        .await;
    assert_eq!(filed.status, 201);
    assert!(
        attention(sophie).await.is_empty(),
        "a declaration is on its way"
    );

    // Camille's household: everyone of 16 or more has a doctor.
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    assert!(attention(camille).await.is_empty());
    assert_eq!(app.get("/api/attention").await.status, 401);
}

any_day! {
    async fn each_person_has_their_doctor_and_who_declares_for_them(app) {
        let cookie = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let people = household(&app, &cookie).await;
        let shape: Vec<(&str, Declarant)> = people
            .iter()
            .map(|p| (p.name.as_str(), p.declarant))
            .collect();
        assert_eq!(
            shape,
            [
                ("Camille Martin", Declarant::Adult),
                ("Léa Martin", Declarant::Parent),
                ("Hugo Martin", Declarant::TeenWithParent),
            ]
        );
        let camille = people[0].declared.as_ref().expect("Camille's doctor");
        assert_eq!(camille.doctor.specialty, "Médecine générale");
        assert_eq!(camille.doctor.city, "Lyon");
        assert!(camille.doctor.name.starts_with("Dr "));
        let lea = people[1].declared.as_ref().expect("Léa's doctor");
        assert_eq!(lea.doctor.specialty, "Pédiatrie");
        assert!(people.iter().all(|p| p.pending.is_none()));

        let sophie = sign_in_by_email(&app, SOPHIE.0, SOPHIE.1).await;
        let people = household(&app, &sophie).await;
        assert_eq!(people.len(), 1);
        assert!(people[0].declared.is_none());
    }

    async fn a_parent_declares_for_a_teenager_who_chose_and_it_waits_for_the_doctor(app) {
        let cookie = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let people = household(&app, &cookie).await;
        let hugo = people[2].id;
        let current = people[2].declared.clone().map(|d| d.doctor.id);
        let doctor = search(
            &app,
            &cookie,
            "name=&city=lyon&specialty=M%C3%A9decine%20g%C3%A9n%C3%A9rale",
        )
        .await
        .into_iter()
        .find(|d| Some(d.id) != current)
        .expect("another GP in Lyon");

        // At 16, the teenager's choice must be confirmed, and the doctor's agreement.
        let refused = app
            .post(
                "/api/doctor",
                json!({ "person": hugo, "doctor": doctor.id }),
                Some(&cookie),
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.text());
        let fields = &refused.json()["fields"];
        assert!(
            fields["teen_chose"]
                .as_str()
                .unwrap()
                .contains("16 et 17 ans")
        );
        assert!(fields["doctor_agreed"].is_string());
        assert!(
            household(&app, &cookie).await[2].pending.is_none(),
            "nothing filed"
        );

        let unknown = app
            .post(
                "/api/doctor",
                json!({ "person": hugo, "doctor": 999_999, "teen_chose": true, "doctor_agreed": true }),
                Some(&cookie),
            )
            .await;
        assert_eq!(unknown.status, 422);
        assert!(unknown.json()["fields"]["doctor"].is_string());

        let filed = app
            .post(
                "/api/doctor",
                json!({ "person": hugo, "doctor": doctor.id, "teen_chose": true, "doctor_agreed": true }),
                Some(&cookie),
            )
            .await;
        assert_eq!(filed.status, 201, "{}", filed.text());
        let filed: Summary = serde_json::from_slice(&filed.body).unwrap();
        assert_eq!(filed.kind, Kind::TreatingDoctor);
        assert_eq!(filed.status, Status::Submitted);
        assert!(filed.title.contains(&doctor.name) && filed.title.contains("Hugo Martin"));
        let people = household(&app, &cookie).await;
        assert_eq!(people[2].pending, Some(filed.id));
        assert_eq!(
            people[2].declared.clone().map(|d| d.doctor.id),
            current,
            "unchanged until confirmed"
        );

        let detail = app
            .get_with(&format!("/api/requests/{}", filed.id), &cookie)
            .await;
        let detail: Detail = serde_json::from_slice(&detail.body).unwrap();
        assert!(
            detail
                .fields
                .iter()
                .any(|(label, value)| label == "Choix de l’adolescent" && value.contains("accord"))
        );
        assert!(
            detail.events[0]
                .message
                .contains("D’ici là, votre médecin traitant actuel reste déclaré")
        );

        // A second declaration while one is pending is refused, saying where to follow it.
        let again = app
            .post(
                "/api/doctor",
                json!({ "person": hugo, "doctor": doctor.id, "teen_chose": true, "doctor_agreed": true }),
                Some(&cookie),
            )
            .await;
        assert_eq!(again.status, 422);
        assert_eq!(again.json()["code"], "already_pending");

        // The doctor confirms (or an agent records it): the declaration takes effect.
        let request = filed.id;
        let (today, now) = (app.today(), portail::clock::format(app.state.clock.now()));
        let done = app
            .state
            .db
            .transaction(move |tx| {
                portail::doctor::complete(
                    tx,
                    &test_keys(),
                    request,
                    db::requests::Author::System,
                    today,
                    &now,
                )
            })
            .await
            .unwrap();
        assert!(done);
        let people = household(&app, &cookie).await;
        assert_eq!(people[2].pending, None);
        let declared = people[2].declared.clone().unwrap();
        assert_eq!(declared.doctor.id, doctor.id);
        assert_eq!(declared.since, app.today().to_string());
        let again = app
            .state
            .db
            .transaction(move |tx| {
                portail::doctor::complete(
                    tx,
                    &test_keys(),
                    request,
                    db::requests::Author::System,
                    today,
                    "x",
                )
            })
            .await
            .unwrap();
        assert!(!again, "a completed declaration is not completed twice");
    }

    async fn a_young_childs_declaration_needs_no_choice_and_the_same_doctor_is_refused(app) {
        let cookie = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let people = household(&app, &cookie).await;
        let lea = &people[1];
        let mine = people[0].declared.clone().unwrap().doctor.id;
        let same = app
            .post(
                "/api/doctor",
                json!({ "person": people[0].id, "doctor": mine, "doctor_agreed": true }),
                Some(&cookie),
            )
            .await;
        assert_eq!(same.status, 422);
        assert_eq!(same.json()["code"], "already_declared");
        let filed = app
            .post(
                "/api/doctor",
                json!({ "person": lea.id, "doctor": mine, "doctor_agreed": true }),
                Some(&cookie),
            )
            .await;
        assert_eq!(filed.status, 201, "{}", filed.text());

        // Jean cannot declare for Camille's daughter, nor see her.
        let jean = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
        assert!(household(&app, &jean).await.iter().all(|p| p.id != lea.id));
        let other = app
            .post(
                "/api/doctor",
                json!({ "person": lea.id, "doctor": mine, "doctor_agreed": true }),
                Some(&jean),
            )
            .await;
        assert_eq!(other.status, 404);
        assert_eq!(app.get("/api/doctor").await.status, 401);
    }
}
