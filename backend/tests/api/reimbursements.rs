//! "Mes paiements": the demo histories through the real API, checked against the rules.

use std::collections::BTreeMap;

use portail_shared::Cents;
use portail_shared::reimbursements::apply_rate;
use portail_shared::reimbursements::history::{Detail, History, Kind, Line, Status};

use crate::helpers::{TestApp, demo_app, sign_in_by_email};

const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: (&str, &str) = ("158112A00401729", "Granit-Maquis-27");
const SOPHIE: (&str, &str) = ("295029935202165", "Lavande-Ecume-93");
const ALIX_NIR: &str = "299043306312366";

async fn history(app: &TestApp, cookie: &str, query: &str) -> History {
    let answer = app
        .get_with(&format!("/api/reimbursements?{query}"), cookie)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_value(answer.json()).unwrap()
}

async fn sign_in(app: &TestApp, who: (&str, &str)) -> String {
    sign_in_by_email(app, who.0, who.1).await
}

/// What the rules say each line must hold, whoever produced it.
fn check_line(l: &Line) {
    if l.status == Status::Rejected {
        assert_eq!(l.reimbursed, Cents::ZERO);
        assert_eq!(l.remaining, l.charged);
        assert!(l.reject_reason.as_deref().is_some_and(|r| !r.is_empty()));
        return;
    }
    let gross = apply_rate(l.base, l.rate_bp);
    assert!(l.base <= l.charged, "base within what was charged: {l:?}");
    assert_eq!(
        l.reimbursed,
        (gross - l.participation - l.franchise).max(Cents::ZERO),
        "AMO = base × rate − deductions: {l:?}"
    );
    assert_eq!(
        l.remaining,
        (l.charged - l.reimbursed - l.complementary.unwrap_or_default()).max(Cents::ZERO),
        "remaining cost: {l:?}"
    );
    assert!(l.reimbursed >= Cents::ZERO && l.reimbursed <= l.base);
    assert_eq!(
        l.payment_date.is_some(),
        l.status == Status::Paid,
        "only paid lines have a payment date"
    );
}

#[tokio::test]
async fn a_member_without_an_account_has_a_history_waiting() {
    // Alix (CSS student) has no account yet: her lines exist and carry no deductions.
    let app = demo_app().await;
    let keys = crate::helpers::test_keys();
    let nir = portail_shared::Nir::parse(ALIX_NIR).unwrap();
    let (count, deductions): (i64, i64) = app
        .state
        .db
        .call(move |c| {
            let id = portail::db::members::find_by_nir(c, &keys, &nir)?.unwrap();
            Ok(c.query_row(
                "SELECT COUNT(*), SUM(participation_cents + franchise_cents)
                   FROM reimbursements WHERE beneficiary_id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .unwrap();
    assert!(count > 5);
    assert_eq!(deductions, 0);
}

#[tokio::test]
async fn anyone_can_estimate_a_visit_and_bad_fields_are_named() {
    let app = demo_app().await;
    let visit = serde_json::json!({
        "doctor": "gp", "sector": "one", "in_parcours": true,
        "age": "40", "situation": "none", "price": "35"
    });
    let ok = app.post("/api/reimbursements/simulate", visit, None).await;
    assert_eq!(ok.status, 200, "{}", ok.text());
    let s = ok.json();
    assert_eq!(
        (s["reimbursed"].as_i64(), s["remaining"].as_i64()),
        (Some(1900), Some(1600))
    );
    assert!(
        s["explanation"]
            .as_str()
            .unwrap()
            .ends_with("= 19,00\u{a0}€")
    );
    let bad = serde_json::json!({
        "doctor": "gp", "sector": "one", "in_parcours": true,
        "age": "quarante", "situation": "none", "price": "-5"
    });
    let refused = app.post("/api/reimbursements/simulate", bad, None).await;
    assert_eq!(refused.status, 422);
    let fields = &refused.json()["fields"];
    assert!(fields["age"].as_str().unwrap().contains("âge"));
    assert!(fields["price"].as_str().unwrap().contains("prix"));
}

any_day! {
    async fn a_parent_sees_their_own_and_their_minor_childrens_lines_and_nobody_elses(app) {
        let camille = sign_in(&app, CAMILLE).await;
        let h = history(&app, &camille, "").await;
        let names: Vec<(u8, &str)> = h.people.iter().map(|p| (p.rank, p.name.as_str())).collect();
        assert_eq!(names, [(1, "Camille"), (2, "Léa"), (3, "Hugo")]);
        for rank in [1, 2, 3] {
            assert!(
                h.lines.iter().any(|l| l.beneficiary == rank),
                "lines for rank {rank}"
            );
        }
        assert!(h.lines.iter().all(|l| (1..=3).contains(&l.beneficiary)));
        // The default period: the last 24 months, ending today.
        assert_eq!(h.to, app.today().to_string());
        assert_eq!(h.from, app.today().add_months(-24).add_days(1).to_string());
        assert!(
            h.lines
                .iter()
                .all(|l| l.care_date >= h.from && l.care_date <= h.to)
        );

        let jean = sign_in(&app, JEAN).await;
        let jeans = history(&app, &jean, "").await;
        let other = jeans.lines[0].id;
        let mine = h.lines[0].id;
        assert_eq!(
            app.get_with(&format!("/api/reimbursements/{other}"), &camille)
                .await
                .status,
            404,
            "another member's line is not found"
        );
        assert_eq!(
            app.get_with("/api/reimbursements/999999999", &camille)
                .await
                .status,
            404
        );
        assert_eq!(
            app.get_with(&format!("/api/reimbursements/{mine}"), &camille)
                .await
                .status,
            200
        );
        assert_eq!(app.get("/api/reimbursements").await.status, 401);
        assert_eq!(
            app.get(&format!("/api/reimbursements/{mine}")).await.status,
            401
        );
    }

    async fn every_demo_line_is_right_to_the_cent_and_the_caps_hold(app) {
        for who in [CAMILLE, JEAN, SOPHIE] {
            let cookie = sign_in(&app, who).await;
            let h = history(&app, &cookie, "all=true").await;
            assert!(h.lines.len() > 20, "{} lines for {}", h.lines.len(), who.0);
            let mut per_year: BTreeMap<(u8, &str), (Cents, Cents)> = BTreeMap::new();
            for l in &h.lines {
                check_line(l);
                let year = &l.care_date[..4];
                let e = per_year.entry((l.beneficiary, year)).or_default();
                e.0 += l.participation;
                e.1 += l.franchise;
            }
            for ((rank, year), (participation, franchise)) in &per_year {
                assert!(*participation <= Cents(5000), "{rank} {year}");
                assert!(*franchise <= Cents(5000), "{rank} {year}");
            }
            // The counters are this year's sums.
            let this_year = app.today().year().to_string();
            for c in &h.counters {
                let sums = per_year
                    .get(&(c.person.rank, this_year.as_str()))
                    .copied()
                    .unwrap_or_default();
                assert_eq!((c.participation, c.franchise), sums, "{}", c.person.name);
                assert_eq!(c.participation_cap, Cents(5000));
            }
            // Withheld deductions come from earlier ones.
            let recovered: Cents = h.lines.iter().map(|l| l.recovered).sum();
            let deferred: Cents = h.lines.iter().map(|l| l.deferred).sum();
            assert!(recovered <= deferred);
            // The totals are the lines' sums.
            let kept: Vec<&Line> = h
                .lines
                .iter()
                .filter(|l| l.status != Status::Rejected)
                .collect();
            assert_eq!(h.totals.reimbursed, kept.iter().map(|l| l.reimbursed).sum());
            assert_eq!(h.totals.lines as usize, kept.len());
        }
    }

    async fn each_persona_shows_the_rule_that_shapes_their_history(app) {
        // Camille's children are under 18: never a deduction.
        let camille = sign_in(&app, CAMILLE).await;
        let family = history(&app, &camille, "all=true&beneficiary=2").await;
        assert!(!family.lines.is_empty());
        assert!(family.lines.iter().all(|l| l.beneficiary == 2
            && l.participation == Cents::ZERO
            && l.franchise == Cents::ZERO));
        // Jean's ALD care is covered at 100 %.
        let jean = sign_in(&app, JEAN).await;
        let ald = history(&app, &jean, "all=true&kind=medicine&status=paid").await;
        assert!(
            ald.lines
                .iter()
                .all(|l| l.rate_bp == 10_000 && l.kind == Kind::Medicine)
        );
        assert!(!ald.lines.is_empty());
        // Sophie has no médecin traitant: 30 % before the maternity cover, 100 % once it starts.
        let sophie = sign_in(&app, SOPHIE).await;
        let gp = history(&app, &sophie, "all=true&kind=consultation").await;
        let cover_starts = app.today().add_months(2).add_months(-4).to_string();
        let (before, during): (Vec<&Line>, Vec<&Line>) = gp
            .lines
            .iter()
            .filter(|l| l.status != Status::Rejected)
            .partition(|l| l.care_date < cover_starts);
        assert!(!before.is_empty());
        assert!(before.iter().all(|l| l.rate_bp == 3000 && !l.in_parcours));
        assert!(during.iter().all(|l| l.rate_bp == 10_000));
        // The explanation of one of those lines reads as the rule.
        let line = before
            .iter()
            .find(|l| l.participation > Cents::ZERO)
            .unwrap();
        let detail: Detail = serde_json::from_value(
            app.get_with(&format!("/api/reimbursements/{}", line.id), &sophie)
                .await
                .json(),
        )
        .unwrap();
        assert_eq!(&detail.line, *line);
        let fr = portail_shared::Lang::Fr;
        assert!(
            detail.explanation.starts_with(&format!(
                "{} × 30\u{a0}% − {} de participation forfaitaire = {}",
                line.base.format(fr),
                line.participation.format(fr),
                line.reimbursed.format(fr)
            )),
            "{}",
            detail.explanation
        );
    }

    async fn filters_search_and_the_whole_history(app) {
        let camille = sign_in(&app, CAMILLE).await;
        let all = history(&app, &camille, "all=true").await;
        assert!(all.held_from <= app.today().add_months(-27).to_string());
        assert_eq!(all.from, all.held_from);
        let default = history(&app, &camille, "").await;
        assert!(all.lines.len() > default.lines.len());
        let pharmacy = history(&app, &camille, "all=true&q=PHARMACIE").await;
        assert!(!pharmacy.lines.is_empty());
        assert!(pharmacy.lines.iter().all(|l| l.kind == Kind::Medicine));
        let paid = history(&app, &camille, "all=true&status=paid").await;
        assert!(paid.lines.iter().all(|l| l.status == Status::Paid));
        let months = history(&app, &camille, "from=2025-01-01&to=2025-03-31").await;
        assert_eq!(months.months.len(), 3);
        assert!(
            months
                .lines
                .iter()
                .all(|l| l.care_date.starts_with("2025-0"))
        );

        let bad = app
            .get_with("/api/reimbursements?from=31%2F01%2F2025", &camille)
            .await;
        assert_eq!(bad.status, 422);
        assert!(
            bad.json()["fields"]["from"]
                .as_str()
                .unwrap()
                .contains("date")
        );
        let reversed = app
            .get_with(
                "/api/reimbursements?from=2025-04-01&to=2025-03-01",
                &camille,
            )
            .await;
        assert_eq!(reversed.status, 422);
        assert!(reversed.json()["fields"]["to"].is_string());
        let junk = app
            .get_with("/api/reimbursements?kind=magic", &camille)
            .await;
        assert_eq!(junk.status, 422);
    }

    async fn the_export_is_the_filtered_lines_as_a_french_spreadsheet(app) {
        let camille = sign_in(&app, CAMILLE).await;
        let h = history(&app, &camille, "beneficiary=2").await;
        let csv = app
            .get_with("/api/reimbursements.csv?beneficiary=2", &camille)
            .await;
        assert_eq!(csv.status, 200);
        assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
        assert!(
            csv.header("content-disposition")
                .starts_with("attachment; filename=\"remboursements-")
        );
        let text = csv.text();
        assert!(text.starts_with("\u{feff}Date des soins;Bénéficiaire;"));
        let rows: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(rows.len(), h.lines.len() + 1);
        assert!(rows[1..].iter().all(|r| r.split(';').nth(1) == Some("Léa")));
        assert_eq!(app.get("/api/reimbursements.csv").await.status, 401);
    }
}
