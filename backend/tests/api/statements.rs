//! Statements as PDF files: the list, the monthly statement and the annual summary, read back
//! with poppler's `pdftotext` (installed by `cargo xtask setup`, Debian package poppler-utils).

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use portail_shared::reimbursements::history::{History, Kind, Line, Status};
use portail_shared::reimbursements::statements::Statements;
use portail_shared::{Cents, Lang};

use crate::helpers::{TestApp, demo_app, sign_in_by_email};

const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: (&str, &str) = ("158112A00401729", "Granit-Maquis-27");

/// The text of a PDF, page by page, in drawing order (a table cell's lines stay together),
/// spaces of every kind made plain.
pub fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let mut child = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext (Debian package poppler-utils; `cargo xtask setup` installs it)");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .replace(['\u{a0}', '\u{202f}'], " ")
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// Words separated by single spaces, so that table columns compare as text.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn euros(c: Cents) -> String {
    c.format(Lang::Fr).replace(['\u{a0}', '\u{202f}'], " ")
}

async fn sign_in(app: &TestApp, who: (&str, &str)) -> String {
    sign_in_by_email(app, who.0, who.1).await
}

async fn everything(app: &TestApp, cookie: &str) -> History {
    let answer = app.get_with("/api/reimbursements?all=true", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_value(answer.json()).unwrap()
}

async fn index(app: &TestApp, cookie: &str) -> Statements {
    let answer = app.get_with("/api/reimbursements/statements", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(answer.header("cache-control").contains("no-store"));
    serde_json::from_value(answer.json()).unwrap()
}

#[tokio::test]
async fn a_household_never_sees_another() {
    let app = demo_app().await;
    let camille = sign_in(&app, CAMILLE).await;
    let jean = sign_in(&app, JEAN).await;
    let jeans = index(&app, &jean).await;
    let jean_lines = everything(&app, &jean).await;
    let month = &jeans.months[0].month;
    let answer = app
        .get_with(&format!("/api/reimbursements/statements/{month}"), &jean)
        .await;
    assert_eq!(answer.status, 200);
    let text = squash(&pdf_pages(&answer.body).join("\n"));
    assert!(text.contains("Jean Dupont") && !text.contains("Camille") && !text.contains("Léa"));
    // Camille's statements never hold Jean's payments or professionals.
    let camilles = everything(&app, &camille).await;
    let theirs: Vec<&str> = jean_lines
        .lines
        .iter()
        .filter_map(|l| l.payment_ref.as_deref())
        .collect();
    for m in index(&app, &camille).await.months.iter().take(3) {
        let answer = app
            .get_with(
                &format!("/api/reimbursements/statements/{}", m.month),
                &camille,
            )
            .await;
        let text = squash(&pdf_pages(&answer.body).join("\n"));
        assert!(!text.contains("Jean") && !text.contains("Dupont"));
        assert!(theirs.iter().all(|r| !text.contains(r)));
    }
    assert!(!camilles.lines.is_empty());
}

any_day! {
    async fn the_list_has_every_month_with_a_payment_newest_first(app) {
        let camille = sign_in(&app, CAMILLE).await;
        let list = index(&app, &camille).await;
        let h = everything(&app, &camille).await;
        let mut expected: BTreeMap<String, (Vec<&str>, i64)> = BTreeMap::new();
        for l in h.lines.iter().filter(|l| l.status == Status::Paid) {
            let month = l.payment_date.as_deref().unwrap()[..7].to_owned();
            let entry = expected.entry(month).or_default();
            let reference = l.payment_ref.as_deref().unwrap();
            if !entry.0.contains(&reference) {
                entry.0.push(reference);
            }
            entry.1 += l.paid.0;
        }
        let got: Vec<(String, u32, i64)> = list
            .months
            .iter()
            .map(|m| (m.month.clone(), m.payments, m.paid.0))
            .collect();
        let want: Vec<(String, u32, i64)> = expected
            .into_iter()
            .rev()
            .map(|(m, (refs, paid))| (m, refs.len() as u32, paid))
            .collect();
        // Camille's own visits fall in every quarter of her 27 months, whatever the day the demo
        // was seeded (`synthetic::plan`): her payments run through the whole history.
        assert!(got.len() >= 9, "{got:?}");
        assert_eq!(got, want);
        // A year has a summary when care given that year was paid (Camille has no allowances).
        let mut years: Vec<i32> = h
            .lines
            .iter()
            .filter(|l| l.status == Status::Paid)
            .map(|l| l.care_date[..4].parse().unwrap())
            .collect();
        years.sort_by(|a, b| b.cmp(a));
        years.dedup();
        assert!(years.len() >= 2, "27 months of care reach over two years at least: {years:?}");
        assert_eq!(list.years, years);
    }

    async fn a_monthly_statement_holds_that_months_payments_and_lines(app) {
        let camille = sign_in(&app, CAMILLE).await;
        let list = index(&app, &camille).await;
        let h = everything(&app, &camille).await;
        // A month with several payments.
        let month = list
            .months
            .iter()
            .find(|m| m.payments >= 2)
            .expect("a month with two payments");
        let answer = app
            .get_with(
                &format!("/api/reimbursements/statements/{}", month.month),
                &camille,
            )
            .await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert_eq!(answer.header("content-type"), "application/pdf");
        assert_eq!(
            answer.header("content-disposition"),
            format!("attachment; filename=\"releve-{}.pdf\"", month.month)
        );
        let pages = pdf_pages(&answer.body);
        let text = squash(&pages.join("\n"));
        let lines: Vec<&Line> = h
            .lines
            .iter()
            .filter(|l| {
                l.status == Status::Paid && l.payment_date.as_deref().unwrap().starts_with(&month.month)
            })
            .collect();
        assert!(!lines.is_empty());
        for l in &lines {
            assert!(text.contains(l.payment_ref.as_deref().unwrap()), "payment");
            assert!(text.contains(&squash(&l.act)), "act {}", l.act);
            assert!(
                text.contains(&euros(l.reimbursed)),
                "amount {:?}",
                l.reimbursed
            );
            let (y, m, d) = (&l.care_date[..4], &l.care_date[5..7], &l.care_date[8..]);
            assert!(text.contains(&format!("{d}/{m}/{y}")), "care date");
        }
        let reimbursed: Cents = lines.iter().map(|l| l.reimbursed).sum();
        let charged: Cents = lines.iter().map(|l| l.charged).sum();
        let to_member: Cents = lines.iter().map(|l| l.paid_to_member()).sum();
        assert!(
            text.contains(&format!("Remboursé par votre caisse {}", euros(reimbursed))),
            "{text}"
        );
        assert!(text.contains(&format!("Montants facturés {}", euros(charged))));
        assert!(text.contains(&format!("Versé sur votre compte {}", euros(to_member))));
        assert_eq!(month.paid, lines.iter().map(|l| l.paid).sum());
        assert!(text.contains("Mme Camille Martin") && text.contains("12 rue des Tilleuls"));
        assert!(text.contains("Relevé mensuel"));
        assert!(text.contains(&format!("Page 1 / {}", pages.len())));
        // Never the NIR.
        assert!(!text.replace(' ', "").contains("291056912304511"));
        assert!(!text.contains("2 91 05"));
    }

    async fn the_annual_summary_adds_up_to_that_years_lines_across_pages(app) {
        let camille = sign_in(&app, CAMILLE).await;
        let h = everything(&app, &camille).await;
        let year = app.today().year() - 1;
        let answer = app
            .get_with(&format!("/api/reimbursements/annual/{year}"), &camille)
            .await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert_eq!(answer.header("content-type"), "application/pdf");
        assert_eq!(
            answer.header("content-disposition"),
            format!("attachment; filename=\"recapitulatif-{year}.pdf\"")
        );
        let pages = pdf_pages(&answer.body);
        assert!(
            pages.len() >= 2,
            "a full year flows over pages: {}",
            pages.len()
        );
        for (i, page) in pages.iter().enumerate() {
            assert!(
                squash(page).contains(&format!("Page {} / {}", i + 1, pages.len())),
                "page number on page {}",
                i + 1
            );
        }
        let text = squash(&pages.join("\n"));
        let care: Vec<&Line> = h
            .lines
            .iter()
            .filter(|l| {
                l.status == Status::Paid
                    && l.kind != Kind::DailyAllowance
                    && l.care_date.starts_with(&year.to_string())
            })
            .collect();
        let sum = |f: fn(&Line) -> Cents| -> Cents { care.iter().map(|l| f(l)).sum() };
        let total = format!(
            "Total {} {} {}",
            care.len(),
            euros(sum(|l| l.charged)),
            euros(sum(|l| l.reimbursed)),
        );
        assert!(text.contains(&total), "{total} in {text}");
        for name in ["Camille", "Léa", "Hugo"] {
            let mine: Vec<&&Line> = care.iter().filter(|l| l.beneficiary_name == name).collect();
            let reimbursed: Cents = mine.iter().map(|l| l.reimbursed).sum();
            let deductions: Cents = mine.iter().map(|l| l.participation).sum();
            assert!(
                text.contains(&format!("Total {name} {} ", mine.len()))
                    && text.contains(&euros(reimbursed)),
                "{name}"
            );
            assert!(
                text.contains(&format!("{name} {}", euros(deductions))),
                "{name} deductions"
            );
        }
        assert!(text.contains("Indemnités journalières versées en"));
        assert!(text.contains("pas un conseil fiscal"));
    }

    async fn refusals(app) {
        for uri in [
            "/api/reimbursements/statements",
            "/api/reimbursements/statements/2026-10",
            "/api/reimbursements/annual/2025",
        ] {
            assert_eq!(app.get(uri).await.status, 401, "{uri}");
        }
        let camille = sign_in(&app, CAMILLE).await;
        let list = index(&app, &camille).await;
        let future = app.today().add_months(2);
        let empty = format!("{:04}-{:02}", future.year(), future.month());
        assert!(list.months.iter().all(|m| m.month != empty));
        for uri in [
            format!("/api/reimbursements/statements/{empty}"),
            "/api/reimbursements/statements/2026-13".to_owned(),
            "/api/reimbursements/statements/octobre".to_owned(),
            "/api/reimbursements/annual/1999".to_owned(),
            "/api/reimbursements/annual/20x5".to_owned(),
        ] {
            let answer = app.get_with(&uri, &camille).await;
            assert_eq!(answer.status, 404, "{uri}");
            assert_eq!(answer.json()["code"], "not_found", "{uri}");
        }
        // The static segment is not taken for a line id.
        let line = app
            .get_with("/api/reimbursements/statements", &camille)
            .await;
        assert_eq!(line.status, 200);
        assert!(line.json()["months"].is_array());
    }
}
