//! The prevention page rendered from known answers: each person's cards with their badge
//! ("À faire", "En retard", "À jour jusqu’au …"), why, how, cover, source and the act it was
//! read from; a person with no programme; the "done elsewhere" form and its date checks.

use std::rc::Rc;

use portail_member::pages::prevention::{
    DoneForm, DoneFormProps, PreventionView, PreventionViewProps, date_problem,
};
use portail_shared::prevention::{
    DoneProblem, DoneView, PreventionHousehold, PreventionPerson, Programme, Reason,
    Recommendation, State,
};

async fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

fn recommendation(
    programme: Programme,
    age: i32,
    state: State,
    done: Option<DoneView>,
) -> Recommendation {
    Recommendation {
        programme,
        age,
        reasons: vec![Reason::Age],
        state,
        done,
    }
}

fn household() -> Rc<PreventionHousehold> {
    Rc::new(PreventionHousehold {
        today: "2026-11-27".into(),
        people: vec![
            PreventionPerson {
                id: 7,
                name: "Françoise Lefort".into(),
                rank: 1,
                birth_date: "1968-03-15".into(),
                programmes: vec![
                    recommendation(
                        Programme::Breast,
                        58,
                        State::UpToDate {
                            done_on: "2026-03-27".into(),
                            next_due: "2028-03-27".into(),
                        },
                        Some(DoneView {
                            on: "2026-03-27".into(),
                            act: Some("Mammographie de dépistage".into()),
                        }),
                    ),
                    recommendation(Programme::Colorectal, 58, State::Due { due_on: None }, None),
                    recommendation(
                        Programme::Cervical,
                        58,
                        State::Overdue {
                            due_on: "2026-03-27".into(),
                        },
                        Some(DoneView {
                            on: "2021-03-27".into(),
                            act: None,
                        }),
                    ),
                ],
            },
            PreventionPerson {
                id: 8,
                name: "Louis Lefort".into(),
                rank: 2,
                birth_date: "2025-01-02".into(),
                programmes: vec![],
            },
        ],
    })
}

#[tokio::test]
async fn each_programme_shows_its_state_why_how_cover_source_and_last_time() {
    let html = render::<PreventionView>(PreventionViewProps {
        household: household(),
    })
    .await;
    assert!(html.contains(">Françoise Lefort<") && html.contains(">Louis Lefort<"));
    assert!(html.contains(">Dépistage du cancer du sein<"));
    assert!(html.contains("À jour jusqu’au 27\u{a0}mars 2028"), "{html}");
    assert!(html.contains(">À faire<"));
    assert!(html.contains(">En retard<"));
    assert!(
        html.contains(
            "En retard de plus de 6\u{a0}mois\u{a0}: à faire depuis le 27\u{a0}mars 2026."
        )
    );
    assert!(html.contains("recommandé aux femmes de 50 à 74\u{a0}ans"));
    assert!(html.contains("test immunologique"));
    assert!(html.contains("100\u{a0}%"));
    assert!(html.contains("Institut national du cancer"));
    assert!(html.contains("Haute Autorité de santé"));
    assert!(html.contains(
        "Fait le 27\u{a0}mars 2026 (Mammographie de dépistage, d’après vos remboursements)"
    ));
    assert!(html.contains("Fait le 27\u{a0}mars 2021 (déclaré fait ailleurs)"));
    assert!(html.contains("Rien trouvé dans vos remboursements"));
    assert!(
        html.contains("Aucun dépistage ni vaccin de cette liste"),
        "Louis, 1 year old"
    );
    // One "done elsewhere" button per card, named for screen readers; no form open yet.
    assert_eq!(html.matches("Vous l’avez fait ailleurs\u{a0}?").count(), 3);
    assert!(html.contains("Dépistage du cancer colorectal pour, Françoise Lefort"));
    assert!(!html.contains("prevention-fait-le-jour"));
    // Badges come with an icon and words, never colour alone.
    assert!(html.contains("badge badge--success") && html.contains("badge badge--error"));
}

#[tokio::test]
async fn the_done_elsewhere_form_has_a_date_in_three_boxes_and_a_named_button() {
    let html = render::<DoneForm>(DoneFormProps {
        person: 7,
        name: "Françoise Lefort".into(),
        birth_date: "1968-03-15".into(),
        programme: Programme::Colorectal,
        today: "2026-11-27".into(),
        on_done: Default::default(),
        on_cancel: Default::default(),
    })
    .await;
    assert!(html.contains(r#"id="prevention-fait-le-jour""#));
    assert!(html.contains(r#"id="prevention-fait-le-mois""#));
    assert!(html.contains(r#"id="prevention-fait-le-annee""#));
    assert!(html.contains("Date à laquelle vous l’avez fait"));
    assert!(html.contains("Enregistrer la date"));
    assert!(html.contains(" pour Françoise Lefort"));
    assert!(
        !html.contains("aria-invalid"),
        "no error before anything is typed"
    );
}

#[test]
fn the_typed_date_is_checked_like_the_server_does() {
    let check = |d: &str, m: &str, y: &str| date_problem((d, m, y), "1968-03-15", "2026-11-27");
    assert_eq!(check("", "", ""), Some(DoneProblem::DateMissing));
    assert_eq!(check("12", "", "2026"), Some(DoneProblem::DateNotReal));
    assert_eq!(check("30", "02", "2026"), Some(DoneProblem::DateNotReal));
    assert_eq!(check("28", "11", "2026"), Some(DoneProblem::DateFuture));
    assert_eq!(
        check("14", "03", "1968"),
        Some(DoneProblem::DateBeforeBirth)
    );
    assert_eq!(check("27", "11", "2026"), None);
    assert_eq!(check("1", "6", "2025"), None);
}
