//! Personalised prevention: the personas' programmes and states (read from their histories,
//! their declarations, Jean's ALD and Sophie's pregnancy), "done elsewhere" updating a state,
//! its validation, and who may declare for whom.

use axum::body::Body;
use axum::http::Request;
use portail_shared::prevention::{
    PreventionHousehold, PreventionPerson, Programme, Reason, Recommendation, State,
};
use serde_json::json;

use crate::helpers::{Answer, TestApp, demo_app, sign_in_by_email};

const FRANCOISE: (&str, &str) = ("268033523812348", "Ajonc-Lande-Granit-68");
const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: (&str, &str) = ("158112A00401729", "Granit-Maquis-27");
const SOPHIE: (&str, &str) = ("295029935202165", "Lavande-Ecume-93");

async fn household(app: &TestApp, cookie: &str) -> PreventionHousehold {
    let answer = app.get_with("/api/prevention", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

fn programme(person: &PreventionPerson, p: Programme) -> Option<&Recommendation> {
    person.programmes.iter().find(|r| r.programme == p)
}

fn codes(person: &PreventionPerson) -> Vec<Programme> {
    person.programmes.iter().map(|r| r.programme).collect()
}

async fn declare(app: &TestApp, cookie: &str, body: serde_json::Value, lang: &str) -> Answer {
    app.send(
        Request::post("/api/prevention/done")
            .header("content-type", "application/json")
            .header("accept-language", lang)
            .header("cookie", cookie)
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}

fn day(app: &TestApp, months: i32) -> String {
    app.today().add_months(months).to_string()
}

#[tokio::test]
async fn prevention_needs_a_session() {
    let app = demo_app().await;
    assert_eq!(app.get("/api/prevention").await.status, 401);
    let answer = app
        .post(
            "/api/prevention/done",
            json!({"person": 1, "programme": "flu", "done_on": day(&app, -1)}),
            None,
        )
        .await;
    assert_eq!(answer.status, 401);
}

any_day! {
    async fn francoise_is_up_to_date_due_and_overdue_by_programme(app) {
        let cookie = sign_in_by_email(&app, FRANCOISE.0, FRANCOISE.1).await;
        let h = household(&app, &cookie).await;
        assert_eq!(h.today, app.today().to_string());
        assert_eq!(h.people.len(), 1);
        let me = &h.people[0];
        assert_eq!(me.name, "Françoise Lefort");
        assert_eq!(
            codes(me),
            [
                Programme::Breast,
                Programme::Colorectal,
                Programme::Cervical
            ],
            "a woman of 58: no M’T dents, no flu"
        );
        let breast = programme(me, Programme::Breast).unwrap();
        assert_eq!(
            breast.state,
            State::UpToDate {
                done_on: day(&app, -8),
                next_due: app.today().add_months(-8).add_months(24).to_string(),
            }
        );
        let done = breast.done.as_ref().unwrap();
        assert_eq!(done.act.as_deref(), Some("Mammographie de dépistage"));
        assert_eq!(breast.reasons, [Reason::Age]);
        assert_eq!(
            programme(me, Programme::Colorectal).unwrap().state,
            State::Due { due_on: None }
        );
        let cervical = programme(me, Programme::Cervical).unwrap();
        assert!(
            matches!(cervical.state, State::Overdue { .. }),
            "{:?}",
            cervical.state
        );
        assert_eq!(cervical.done.as_ref().unwrap().act, None, "declared");
    }

    async fn done_elsewhere_brings_a_programme_up_to_date(app) {
        let cookie = sign_in_by_email(&app, FRANCOISE.0, FRANCOISE.1).await;
        let id = household(&app, &cookie).await.people[0].id;
        let on = app.today().add_days(-10);
        let answer = declare(
            &app,
            &cookie,
            json!({"person": id, "programme": "colorectal", "done_on": on.to_string()}),
            "fr",
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        let person: PreventionPerson = serde_json::from_slice(&answer.body).unwrap();
        let expected = State::UpToDate {
            done_on: on.to_string(),
            next_due: on.add_months(24).to_string(),
        };
        assert_eq!(
            programme(&person, Programme::Colorectal).unwrap().state,
            expected
        );
        // Read back.
        let h = household(&app, &cookie).await;
        let colorectal = programme(&h.people[0], Programme::Colorectal).unwrap();
        assert_eq!(colorectal.state, expected);
        assert_eq!(colorectal.done.as_ref().unwrap().act, None);
        // An older declaration does not beat the mammography read from the history.
        let answer = declare(
            &app,
            &cookie,
            json!({"person": id, "programme": "breast", "done_on": day(&app, -20)}),
            "fr",
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        let person: PreventionPerson = serde_json::from_slice(&answer.body).unwrap();
        let breast = programme(&person, Programme::Breast).unwrap();
        assert_eq!(
            breast.done.as_ref().unwrap().act.as_deref(),
            Some("Mammographie de dépistage")
        );
    }

    async fn a_declaration_is_checked_field_by_field_in_the_members_language(app) {
        let cookie = sign_in_by_email(&app, FRANCOISE.0, FRANCOISE.1).await;
        let id = household(&app, &cookie).await.people[0].id;
        let cases = [
            ("breast", String::new(), "done_on", "Saisissez la date"),
            ("breast", "2026-02-30".to_owned(), "done_on", "doit exister"),
            (
                "breast",
                app.today().add_days(1).to_string(),
                "done_on",
                "dans le futur",
            ),
            (
                "breast",
                "1968-03-14".to_owned(),
                "done_on",
                "avant la naissance",
            ),
            ("mt_dents", day(&app, -1), "programme", "pas recommandé"),
            ("flu", day(&app, -1), "programme", "pas recommandé"),
        ];
        for (programme, done_on, field, words) in cases {
            let answer = declare(
                &app,
                &cookie,
                json!({"person": id, "programme": programme, "done_on": done_on}),
                "fr",
            )
            .await;
            assert_eq!(
                answer.status,
                422,
                "{programme} {done_on}: {}",
                answer.text()
            );
            let message = answer.json()["fields"][field]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            assert!(message.contains(words), "{programme} {done_on}: {message}");
        }
        let answer = declare(
            &app,
            &cookie,
            json!({"person": id, "programme": "breast", "done_on": day(&app, 1)}),
            "en",
        )
        .await;
        assert_eq!(answer.status, 422);
        assert!(
            answer.json()["fields"]["done_on"]
                .as_str()
                .unwrap()
                .contains("cannot be in the future")
        );
        // Nothing was recorded.
        let h = household(&app, &cookie).await;
        assert_eq!(
            programme(&h.people[0], Programme::Colorectal)
                .unwrap()
                .state,
            State::Due { due_on: None }
        );
    }

    async fn jean_ald_and_67_is_vaccinated_this_season_and_sophie_pregnant_is_due(app) {
        let cookie = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
        let jean = household(&app, &cookie).await.people.remove(0);
        assert_eq!(codes(&jean), [Programme::Colorectal, Programme::Flu]);
        let flu = programme(&jean, Programme::Flu).unwrap();
        assert!(flu.reasons.contains(&Reason::Ald), "{:?}", flu.reasons);
        assert!(
            matches!(flu.state, State::UpToDate { .. }),
            "{:?}",
            flu.state
        );
        assert_eq!(
            flu.done.as_ref().unwrap().act.as_deref(),
            Some("Vaccin contre la grippe")
        );
        assert_eq!(
            programme(&jean, Programme::Colorectal).unwrap().state,
            State::Due { due_on: None }
        );

        let cookie = sign_in_by_email(&app, SOPHIE.0, SOPHIE.1).await;
        let sophie = household(&app, &cookie).await.people.remove(0);
        assert_eq!(codes(&sophie), [Programme::Cervical, Programme::Flu]);
        let flu = programme(&sophie, Programme::Flu).unwrap();
        assert_eq!(flu.reasons, [Reason::Pregnancy]);
        assert!(matches!(flu.state, State::Due { .. }), "{:?}", flu.state);
    }

    async fn camilles_children_one_mt_dents_exam_done_one_to_do_and_other_families_get_404(app) {
        let cookie = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let h = household(&app, &cookie).await;
        let names: Vec<&str> = h.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Camille Martin", "Léa Martin", "Hugo Martin"]);
        let cervical = programme(&h.people[0], Programme::Cervical).unwrap();
        assert!(matches!(cervical.state, State::UpToDate { .. }));
        assert_eq!(
            cervical.done.as_ref().unwrap().act.as_deref(),
            Some("Test HPV")
        );
        let lea = programme(&h.people[1], Programme::MtDents).unwrap();
        assert_eq!(
            lea.state,
            State::UpToDate {
                done_on: day(&app, -2),
                next_due: app.today().add_months(-2).add_months(12).to_string(),
            }
        );
        let hugo = programme(&h.people[2], Programme::MtDents).unwrap();
        assert_eq!(hugo.state, State::Due { due_on: None });
        let lea_id = h.people[1].id;
        // Camille declares for her son.
        let answer = declare(
            &app,
            &cookie,
            json!({"person": h.people[2].id, "programme": "mt_dents", "done_on": day(&app, 0)}),
            "fr",
        )
        .await;
        assert_eq!(answer.status, 200, "{}", answer.text());

        // Another family's child, or a made-up id: 404, and nothing changes for Léa.
        let other = sign_in_by_email(&app, FRANCOISE.0, FRANCOISE.1).await;
        for person in [lea_id, 999_999] {
            let answer = declare(
                &app,
                &other,
                json!({"person": person, "programme": "mt_dents", "done_on": day(&app, -1)}),
                "fr",
            )
            .await;
            assert_eq!(answer.status, 404, "{}", answer.text());
        }
        let h = household(&app, &cookie).await;
        assert_eq!(
            programme(&h.people[1], Programme::MtDents).unwrap().state,
            lea.state
        );
    }
}
