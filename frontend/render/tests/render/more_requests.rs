//! The new requests (CSS application, family situation, exceptional aid) and an agent's page of
//! a request, rendered from known answers.

use std::rc::Rc;

use portail_agent::pages::request::{RequestFile, RequestFileProps};
use portail_member::pages::css::{EstimateView, EstimateViewProps};
use portail_shared::css::{self, Estimate};
use portail_shared::reimbursements::Date;
use portail_shared::requests::{AgentDetail, AgentEvent, Attachment, Kind, Status, Summary};
use portail_shared::{Cents, Lang};

async fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn estimate(euros: i64) -> Estimate {
    css::estimate(
        &[d("1994-02-10"), d("2022-06-18")],
        Cents::from_euros(euros),
        d("2026-11-27"),
        d("2026-12-01"),
    )
}

fn names() -> Vec<String> {
    vec!["Aurélie Caron".into(), "Maël Caron".into()]
}

#[tokio::test]
async fn the_estimate_says_free_a_contribution_by_person_or_over_the_ceilings() {
    let html = render::<EstimateView>(EstimateViewProps {
        estimate: estimate(18_000),
        names: names(),
    })
    .await;
    assert!(
        html.contains("coûterait à votre foyer, par mois, 22,00\u{a0}€."),
        "{html}"
    );
    assert!(
        html.contains("Aurélie Caron\u{a0}: 14,00\u{a0}€ par mois"),
        "{html}"
    );
    assert!(html.contains("Maël Caron\u{a0}: 8,00\u{a0}€ par mois"));
    assert!(html.contains("15\u{202f}508,00\u{a0}€") && html.contains("20\u{202f}936,00\u{a0}€"));
    assert!(html.contains("1 décembre 2026") || html.contains("1er décembre 2026"));
    assert!(html.contains(r#"aria-live="polite""#));

    let free = render::<EstimateView>(EstimateViewProps {
        estimate: estimate(15_508),
        names: names(),
    })
    .await;
    assert!(free.contains("serait gratuite pour votre foyer"));
    assert!(
        !free.contains("par mois<"),
        "no contribution lines when free"
    );

    let over = render::<EstimateView>(EstimateViewProps {
        estimate: estimate(20_937),
        names: names(),
    })
    .await;
    assert!(over.contains("dépasse les plafonds") && over.contains("panel--warning"));
    assert!(!over.contains("Droits, si votre caisse"));
}

fn detail(status: Status, mine: bool) -> Rc<AgentDetail> {
    let event = |message: &str, author: &str, internal: bool, status| AgentEvent {
        at: "2026-11-26T10:00:00Z".into(),
        status,
        message: message.into(),
        author: author.into(),
        author_name: (author == "agent").then(|| "Nadia Benali".to_owned()),
        internal,
    };
    Rc::new(AgentDetail {
        summary: Summary {
            id: 7,
            kind: Kind::Css,
            title: "Complémentaire santé solidaire pour 2 personnes".into(),
            status,
            created_at: "2026-11-26T10:00:00Z".into(),
            updated_at: "2026-11-26T11:00:00Z".into(),
            expected_by: Some("2027-01-26".into()),
        },
        member_name: "Aurélie Caron".into(),
        member_nir_masked: "2 94 02 •• ••• ••• 85".into(),
        fields: vec![(
            "Estimation".into(),
            "Avec une participation financière".into(),
        )],
        events: vec![
            event(
                "Votre demande est déposée.",
                "member",
                false,
                Status::Submitted,
            ),
            event("", "agent", true, Status::Submitted),
            event(
                "Avis d’imposition vérifié",
                "agent",
                true,
                Status::Submitted,
            ),
        ],
        attachments: vec![Attachment {
            id: 3,
            name: "avis.pdf".into(),
            media_type: "application/pdf".into(),
            size: 2048,
        }],
        assigned_to: mine.then(|| "Nadia Benali".to_owned()),
        mine,
        on_complete: Some(
            "Terminer ouvre les droits à la Complémentaire santé solidaire du foyer pour un an."
                .into(),
        ),
        on_refuse: None,
    })
}

#[tokio::test]
async fn an_agent_sees_the_request_its_files_and_notes_and_can_take_it_on() {
    let html = render::<RequestFile>(RequestFileProps {
        detail: detail(Status::Submitted, false),
        on_change: Default::default(),
    })
    .await;
    assert!(html.contains("Aurélie Caron") && html.contains("2 94 02 •• ••• ••• 85"));
    assert!(html.contains(r#"href="/api/agent/requests/7/attachments/3""#));
    assert!(html.contains("Démarche prise en charge"));
    assert!(html.contains("Note interne") && html.contains("Avis d’imposition vérifié"));
    assert!(html.contains("timeline__step--internal"));
    assert!(html.contains("M’attribuer la démarche"));
    assert!(html.contains("n’est attribuée à personne"));
    // The status change asks for a message, and says the member gets an e-mail without it.
    assert!(html.contains(r#"for="demarche-message""#));
    assert!(html.contains("prévenu par un e-mail qui ne contient pas ce message"));
    assert!(
        !html.contains(r#"value="submitted""#),
        "Déposée is not an agent's step"
    );

    let mine = render::<RequestFile>(RequestFileProps {
        detail: detail(Status::InProgress, true),
        on_change: Default::default(),
    })
    .await;
    assert!(mine.contains("Cette démarche vous est attribuée."));
    assert!(!mine.contains("M’attribuer la démarche"));

    let closed = render::<RequestFile>(RequestFileProps {
        detail: detail(Status::Completed, true),
        on_change: Default::default(),
    })
    .await;
    assert!(closed.contains("Cette démarche est close."));
    assert!(
        !closed.contains(r#"id="demarche-message""#),
        "no status change once closed"
    );
    assert!(
        closed.contains(r#"id="demarche-note""#),
        "notes stay possible"
    );
}

#[tokio::test]
async fn mes_demarches_links_to_the_new_requests_and_their_pages_ask_visitors_to_sign_in() {
    let html = crate::render_member("/demarches", Lang::Fr).await;
    for (href, words) in [
        (
            "/demarches/nouvelle/css",
            "Demander la Complémentaire santé solidaire",
        ),
        (
            "/demarches/nouvelle/situation",
            "Déclarer un changement de situation familiale",
        ),
        (
            "/demarches/nouvelle/aide",
            "Demander une aide financière exceptionnelle",
        ),
    ] {
        assert!(html.contains(&format!(r#"href="{href}""#)), "{href}");
        assert!(html.contains(words), "{words}");
    }
    let visitor = crate::render_fr("/demarches/nouvelle/css").await;
    assert!(visitor.contains("Connectez-vous pour demander la Complémentaire santé solidaire."));
    let english = crate::render_member("/demarches/nouvelle/aide", Lang::En).await;
    assert!(english.contains("Apply for exceptional financial aid"));
}
