//! "Mes démarches", a request's page and the contest form, rendered from known answers.

use std::rc::Rc;

use portail_member::pages::requests::{
    RequestList, RequestListProps, RequestView, RequestViewProps,
};
use portail_shared::Lang;
use portail_shared::requests::{Attachment, Detail, Event, Kind, Status, Summary};
use portail_ui::components::file_field::size_words;

fn summary(id: i64, status: Status) -> Summary {
    Summary {
        id,
        kind: Kind::Contest,
        title: "Médecin généraliste, soins du 2 octobre 2026 (19,00\u{a0}€)".into(),
        status,
        created_at: "2026-11-26T10:00:00Z".into(),
        updated_at: "2026-11-26T10:00:00Z".into(),
        expected_by: Some("2027-01-26".into()),
    }
}

async fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

#[tokio::test]
async fn requests_show_their_status_and_when_the_answer_is_due() {
    let html = render::<RequestList>(RequestListProps {
        list: Rc::new(vec![
            summary(7, Status::Submitted),
            summary(3, Status::Refused),
        ]),
    })
    .await;
    assert!(html.contains(">Contestation d’un remboursement<"));
    assert!(html.contains(r#"<p class="badge badge--info">Déposée</p>"#));
    assert!(html.contains(r#"<p class="badge badge--error">Refusée</p>"#));
    // The due date is given while the request is open, not once it is closed.
    assert_eq!(
        html.matches("Réponse au plus tard le 26 janvier 2027")
            .count(),
        1
    );
    assert!(html.contains(r#"href="/demarches/7""#));
    let empty = render::<RequestList>(RequestListProps {
        list: Rc::new(vec![]),
    })
    .await;
    assert!(empty.contains("Vous n’avez aucune démarche pour l’instant."));
}

#[tokio::test]
async fn a_request_shows_its_steps_what_was_sent_and_its_files() {
    let detail = Detail {
        summary: summary(7, Status::InProgress),
        fields: vec![(
            "Votre explication".into(),
            "Mon médecin traitant\nest déclaré.".into(),
        )],
        events: vec![
            Event {
                at: "2026-11-26T10:00:00Z".into(),
                status: Status::Submitted,
                message: "Votre contestation est déposée.".into(),
                author: "member".into(),
            },
            Event {
                at: "2026-11-28T09:00:00Z".into(),
                status: Status::InProgress,
                message: "Nous examinons votre dossier.".into(),
                author: "agent".into(),
            },
        ],
        attachments: vec![Attachment {
            id: 4,
            name: "ordonnance.pdf".into(),
            media_type: "application/pdf".into(),
            size: 123_456,
        }],
    };
    let html = render::<RequestView>(RequestViewProps {
        detail: Rc::new(detail),
    })
    .await;
    let submitted = html.find("<strong>Déposée</strong>").unwrap();
    let progress = html
        .find("<strong>En cours de traitement</strong>")
        .unwrap();
    assert!(submitted < progress, "oldest step first");
    assert!(html.contains(" · 28 novembre 2026 · Votre caisse"));
    assert!(html.contains(" · 26 novembre 2026 · Vous"));
    assert!(html.contains(r#"<a href="/api/attachments/4" download="">ordonnance.pdf</a>"#));
    assert!(html.contains("121 Ko"));
    assert!(html.contains("Mon médecin traitant\nest déclaré."));
}

#[test]
fn file_sizes_read_naturally() {
    assert_eq!(size_words(1, Lang::Fr), "1 Ko");
    assert_eq!(size_words(1024 * 1024, Lang::Fr), "1,0 Mo");
    assert_eq!(size_words(5 * 1024 * 1024 - 1, Lang::En), "5.0 MB");
}

#[tokio::test]
async fn the_contest_page_and_the_request_page_are_their_own_routes() {
    let contest = crate::render_member("/remboursements/12/contester", Lang::Fr).await;
    assert!(crate::main_of(&contest).contains(">Contester un remboursement</h1>"));
    for words in [
        "Pourquoi contestez-vous ce remboursement\u{a0}?",
        "Expliquez ce qui ne va pas",
        "Pièces justificatives (facultatif)",
        "Vous avez 2 mois à partir du paiement",
    ] {
        assert!(contest.contains(words), "{words}");
    }
    assert_eq!(contest.matches(r#"name="motif""#).count(), 5);
    let request = crate::render_member("/demarches/7", Lang::En).await;
    assert!(crate::main_of(&request).contains(">Request details</h1>"));
    let visitor = crate::render_fr("/demarches").await;
    assert!(crate::main_of(&visitor).contains("Connectez-vous pour accéder à vos démarches."));
}

#[tokio::test]
async fn the_members_home_has_room_for_the_latest_payments_and_open_requests() {
    let html = crate::render_member("/", Lang::Fr).await;
    let main = crate::main_of(&html);
    let payments = main.find("Vos derniers paiements").unwrap();
    let requests = main.find("Vos démarches en cours").unwrap();
    let areas = main.find("id=\"vos-rubriques\"").unwrap();
    assert!(
        payments < requests && requests < areas,
        "what changed comes first"
    );
    assert!(main.contains(">Voir tous mes paiements</a>"));
    assert!(main.contains(">Voir toutes mes démarches</a>"));
}
