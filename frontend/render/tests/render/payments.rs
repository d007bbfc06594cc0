//! "Mes paiements" and a line's detail, rendered from known answers.

use std::rc::Rc;

use portail_member::pages::reimbursements::{
    LineView, LineViewProps, PaymentsView, PaymentsViewProps,
};
use portail_shared::Cents;
use portail_shared::reimbursements::history::{
    self, Counter, Detail, Filter, History, Kind, Line, Person, Status,
};
use yew::prelude::*;

fn line(id: i64, rank: u8, status: Status, paid_on: Option<&str>) -> Line {
    Line {
        id,
        beneficiary: rank,
        beneficiary_name: if rank == 1 { "Camille" } else { "Léa" }.into(),
        care_date: "2026-10-02".into(),
        professional: "Dr Élise Faure".into(),
        specialty: "Médecin généraliste".into(),
        kind: Kind::Consultation,
        act: "Médecin généraliste".into(),
        charged: Cents(3000),
        base: Cents(3000),
        rate_bp: 7000,
        participation: Cents(200),
        franchise: Cents::ZERO,
        reimbursed: Cents(1900),
        paid: Cents(1900),
        recovered: Cents::ZERO,
        deferred: Cents::ZERO,
        complementary: None,
        remaining: Cents(1100),
        tiers_payant: false,
        in_parcours: true,
        status,
        reject_reason: (status == Status::Rejected).then(|| "acte non remboursable".into()),
        payment_date: paid_on.map(str::to_owned),
        payment_ref: paid_on.map(|d| format!("PAI-{d}")),
    }
}

fn sample() -> History {
    let lines = vec![
        line(3, 2, Status::Pending, None),
        line(1, 1, Status::Paid, Some("2026-10-06")),
        line(2, 2, Status::Paid, Some("2026-10-06")),
        line(4, 1, Status::Rejected, None),
    ];
    let from = portail_shared::reimbursements::Date::parse("2026-09-01").unwrap();
    let to = portail_shared::reimbursements::Date::parse("2026-11-26").unwrap();
    History {
        from: "2026-09-01".into(),
        to: "2026-11-26".into(),
        held_from: "2024-08-03".into(),
        people: vec![
            Person {
                rank: 1,
                name: "Camille".into(),
            },
            Person {
                rank: 2,
                name: "Léa".into(),
            },
        ],
        totals: history::totals(&lines),
        months: history::months(&lines, from, to),
        counters: vec![Counter {
            person: Person {
                rank: 1,
                name: "Camille".into(),
            },
            year: 2026,
            participation: Cents(1200),
            participation_cap: Cents(5000),
            franchise: Cents(350),
            franchise_cap: Cents(5000),
        }],
        lines,
    }
}

async fn render_payments(history: History, filter: Filter) -> String {
    let props = PaymentsViewProps {
        filter,
        history: Rc::new(history),
        apply: Callback::noop(),
        busy: false,
    };
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<PaymentsView>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

#[tokio::test]
async fn payments_are_grouped_summed_and_exportable_with_the_filter() {
    let filter = Filter {
        beneficiary: Some(2),
        ..Filter::default()
    };
    let html = render_payments(sample(), filter).await;
    // Groups: in progress, the payment of 6 October, rejected.
    let pending = html.find("En cours de traitement").unwrap();
    let paid = html.find("Paiement du 6 octobre 2026").unwrap();
    let rejected = html.find(">Rejetés<").unwrap();
    assert!(pending < paid && paid < rejected);
    assert!(
        html.contains("38,00\u{a0}€ versés sur votre compte"),
        "two lines of 19 €"
    );
    // Totals leave the rejected line out: 3 × 30 € of care.
    assert!(html.contains("<dt>Montant des soins</dt><dd>90,00\u{a0}€</dd>"));
    assert!(html.contains("<dt>Reste à votre charge</dt><dd>33,00\u{a0}€</dd>"));
    // The count is announced and the export keeps the filter.
    assert!(html.contains(r#"role="status""#));
    assert!(html.contains("4 remboursements du 1er septembre 2026 au 26 novembre 2026"));
    assert!(html.contains(r#"href="/api/reimbursements.csv?beneficiary=2""#));
    // The family filter offers each person, Léa chosen.
    assert!(
        html.contains(r#"<option value="2" selected="selected">Léa</option>"#),
        "{html}"
    );
    // Each line links to its detail with words that say which line.
    assert!(html.contains(r#"href="/remboursements/1""#));
    assert!(html.contains("Voir le détail<span class=\"visually-hidden\"> : Médecin généraliste, 2 octobre 2026</span>"));
    // The yearly counters, against their caps.
    assert!(html.contains("12,00\u{a0}€ sur 50,00\u{a0}€"));
    assert!(html.contains(
        r#"<meter aria-labelledby="plafond-participation-1" min="0" max="5000" value="1200">"#
    ));
}

#[tokio::test]
async fn the_chart_has_a_table_with_the_same_figures() {
    let html = render_payments(sample(), Filter::default()).await;
    assert!(html.contains(r#"role="img""#));
    assert!(html.contains("<summary>Voir ces montants dans un tableau</summary>"));
    // September, October, November; October holds the three lines not rejected.
    assert_eq!(html.matches(r#"<th scope="row">"#).count(), 3);
    assert!(html.contains("octobre 2026</th><td>57,00\u{a0}€</td><td>33,00\u{a0}€</td>"));
}

#[tokio::test]
async fn an_empty_period_says_so_and_offers_no_empty_export() {
    let mut empty = sample();
    empty.lines.clear();
    empty.totals = history::totals(&[]);
    let html = render_payments(empty, Filter::default()).await;
    assert!(html.contains("Aucun remboursement ne correspond à ces critères."));
    assert!(!html.contains("reimbursements.csv"));
    assert!(!html.contains(r#"role="img""#));
}

#[tokio::test]
async fn a_line_shows_every_field_and_its_computation() {
    let mut l = line(1, 1, Status::Paid, Some("2026-10-06"));
    l.in_parcours = false;
    l.rate_bp = 3000;
    let props = LineViewProps {
        detail: Rc::new(Detail {
            line: l,
            explanation: "30,00 € × 30 % − 2,00 € de participation forfaitaire = 7,00 €".into(),
        }),
    };
    let html = tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<LineView>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await;
    assert!(html.contains("Comment ce montant a été calculé"));
    assert!(html.contains("= 7,00 €"));
    assert!(html.contains("<dt>Taux de remboursement</dt><dd>30\u{a0}%</dd>"));
    assert!(html.contains("Hors parcours de soins\u{a0}: remboursement réduit"));
    assert!(
        html.contains("<dt>Part de votre complémentaire</dt><dd>Non connue de votre caisse</dd>")
    );
    assert!(html.contains("<dt>Date de paiement</dt><dd>6 octobre 2026</dd>"));
    assert!(!html.contains("Motif du rejet"));
    assert!(html.contains(r#"href="/remboursements/1/contester""#));

    // A line still being processed cannot be contested yet.
    let pending = tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<LineView>::with_props(LineViewProps {
                detail: Rc::new(Detail {
                    line: line(3, 2, Status::Pending, None),
                    explanation: String::new(),
                }),
            })
            .hydratable(false)
            .render(),
        )
        .await;
    assert!(!pending.contains("contester"));
}

#[tokio::test]
async fn a_rejected_line_says_why_and_shows_no_computation() {
    let props = LineViewProps {
        detail: Rc::new(Detail {
            line: line(4, 1, Status::Rejected, None),
            explanation: "Ce remboursement a été rejeté : acte non remboursable".into(),
        }),
    };
    let html = tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<LineView>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await;
    assert!(html.contains("<dt>Motif du rejet</dt><dd>acte non remboursable</dd>"));
    assert!(html.contains("<dt>Reste à votre charge</dt>"));
    assert!(!html.contains("Taux de remboursement"));
    assert!(!html.contains("Base de remboursement"));
}

#[tokio::test]
async fn the_simulator_is_its_own_page_open_to_visitors_with_labelled_fields() {
    let html = crate::render_fr("/remboursements/simulateur").await;
    let main = crate::main_of(&html);
    assert!(
        main.contains(">Estimer un remboursement</h1>"),
        "not the line page"
    );
    for label in [
        "Quel médecin allez-vous consulter\u{a0}?",
        "Secteur du médecin",
        "Âge du patient, en années",
        "Prix demandé par le médecin (facultatif)",
    ] {
        assert!(main.contains(label), "{label}");
    }
    // Five doctors, one group of radio buttons, the GP chosen to start with.
    assert_eq!(main.matches(r#"name="medecin""#).count(), 5);
    let gp = crate::tag(main, "input", &[r#"id="medecin-generaliste""#]);
    assert!(gp.contains("checked"), "{gp}");
    let other = crate::tag(main, "input", &[r#"id="medecin-psychiatre""#]);
    assert!(!other.contains("checked"), "{other}");
    assert!(!main.contains("Connectez-vous"));
}
