//! Statements as PDF files: the monthly statement (relevé mensuel) of the payments made in a
//! calendar month, and the annual summary (récapitulatif annuel) of a calendar year, for the
//! member and their minor dependants (the people "Mes paiements" shows). What goes on them is
//! computed by `portail_shared::reimbursements::statements`; this module fetches the lines,
//! lays them out with [`crate::pdf`] and serves them. The documents are in French, the
//! language of the fund's documents. The NIR is never printed.

use axum::{
    Json,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};
use portail_shared::api::ApiError;
use portail_shared::reimbursements::Date;
use portail_shared::reimbursements::history::{self, Kind, Line};
use portail_shared::reimbursements::statements::{
    self, Annual, MonthTotals, Statements, Sums, parse_month, parse_year,
};
use portail_shared::{Cents, Lang};

use crate::db::{self, DbError};
use crate::pdf::{self, Column, Face, Faces, Flow, MARGIN, PdfError, TEXT_W, Table, mm};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// The months with a statement and the years with a summary.
#[utoipa::path(get, path = "/api/reimbursements/statements", tag = "reimbursements",
    responses(
        (status = 200, description = "Months with payments and years with lines, newest first", body = Statements),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<Statements>, AppError> {
    let keys = state.config.keys.clone();
    let today = clock::paris_day(state.clock.now());
    let lines = state
        .db
        .call(move |c| {
            let (insured, people) = crate::reimbursements::household(c, &member, today)?;
            db::reimbursements::list(c, &keys, insured, &people, (EPOCH, today), Lang::Fr)
        })
        .await?;
    Ok(Json(statements::index(&lines)))
}

/// The monthly statement of `month` (`YYYY-MM`) as a PDF file. A month without payments, or
/// not a month, answers 404.
#[utoipa::path(get, path = "/api/reimbursements/statements/{month}", tag = "reimbursements",
    params(("month" = String, Path, description = "The month, `YYYY-MM`")),
    responses(
        (status = 200, description = "The statement", content_type = "application/pdf"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No payment that month", body = ApiError),
    ))]
pub async fn monthly(
    State(state): State<AppState>,
    member: Member,
    Path(month): Path<String>,
) -> Result<Response, AppError> {
    let (year, month) = parse_month(&month).ok_or(AppError::NotFound)?;
    let last = Date::new(year, month, 1)
        .ok_or(AppError::NotFound)?
        .add_months(1)
        .add_days(-1);
    let today = clock::paris_day(state.clock.now());
    let (head, lines) = fetch(&state, member, today, last).await?;
    let lines = statements::paid_in_month(&lines, (year, month));
    if lines.is_empty() {
        return Err(AppError::NotFound);
    }
    let pdf = tokio::task::spawn_blocking(move || monthly_pdf(&head, (year, month), &lines))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(attachment(pdf, &format!("releve-{year:04}-{month:02}.pdf")))
}

/// The annual summary of `year` (`YYYY`) as a PDF file. A year without lines answers 404.
#[utoipa::path(get, path = "/api/reimbursements/annual/{year}", tag = "reimbursements",
    params(("year" = String, Path, description = "The calendar year, `YYYY`")),
    responses(
        (status = 200, description = "The summary", content_type = "application/pdf"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "Nothing that year", body = ApiError),
    ))]
pub async fn annual(
    State(state): State<AppState>,
    member: Member,
    Path(year): Path<String>,
) -> Result<Response, AppError> {
    let year = parse_year(&year).ok_or(AppError::NotFound)?;
    let last = Date::new(year, 12, 31).ok_or(AppError::NotFound)?;
    let today = clock::paris_day(state.clock.now());
    let (head, lines) = fetch(&state, member, today, last).await?;
    let summary = statements::annual(&lines, year);
    if summary.people.is_empty() && summary.allowances.is_empty() && summary.pending == 0 {
        return Err(AppError::NotFound);
    }
    let pdf = tokio::task::spawn_blocking(move || annual_pdf(&head, &summary))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(attachment(pdf, &format!("recapitulatif-{year:04}.pdf")))
}

/// The earliest date of care asked for: every line held.
const EPOCH: Date = Date::from_days_since_epoch(0);

/// Who the document is from and to, and when it is made.
#[derive(Debug, Clone)]
pub struct Head {
    /// The fund's name.
    pub fund: String,
    /// "Mme Camille Martin".
    pub recipient: String,
    /// Street lines, then postal code and town.
    pub address: Vec<String>,
    /// The day of issue.
    pub issued_on: Date,
}

/// The document's head and the household's lines with a date of care up to `last`.
async fn fetch(
    state: &AppState,
    member: Member,
    today: Date,
    last: Date,
) -> Result<(Head, Vec<Line>), AppError> {
    let keys = state.config.keys.clone();
    let configured = state.config.fund_name.clone();
    Ok(state
        .db
        .call(move |c| {
            let (insured, people) = crate::reimbursements::household(c, &member, today)?;
            let fund = db::settings::get(c, "fund_name")?.unwrap_or(configured);
            let postal = db::members::postal(c, insured)?
                .ok_or_else(|| DbError::Data("insured without a postal address".to_owned()))?;
            let civility = if postal.sex == "F" { "Mme" } else { "M." };
            let mut address = postal.street.clone();
            address.push(format!(
                "{} {}",
                postal.postal_code,
                postal.city.to_uppercase()
            ));
            let head = Head {
                fund,
                recipient: format!("{civility} {} {}", postal.given_names, postal.family_name),
                address,
                issued_on: today,
            };
            let lines =
                db::reimbursements::list(c, &keys, insured, &people, (EPOCH, last), Lang::Fr)?;
            Ok::<_, DbError>((head, lines))
        })
        .await?)
}

/// A PDF download.
pub(crate) fn attachment(pdf: Vec<u8>, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        pdf,
    )
        .into_response()
}

// ---- Words --------------------------------------------------------------------------------

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// "octobre 2026".
fn month_words((year, month): (i32, u8)) -> String {
    let name = MONTHS
        .get(usize::from(month).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!("{name} {year}")
}

/// "5 octobre 2026", "1er octobre 2026".
fn date_words(date: Date) -> String {
    let day = if date.day() == 1 {
        "1er".to_owned()
    } else {
        date.day().to_string()
    };
    format!("{day} {}", month_words((date.year(), date.month())))
}

/// "05/10/2026" from `2026-10-05`.
fn short_date(iso: &str) -> String {
    Date::parse(iso).map_or_else(
        || iso.to_owned(),
        |d| format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
    )
}

/// "1 234,56 €".
fn euros(c: Cents) -> String {
    c.format(Lang::Fr)
}

/// "70 %", "52,5 %".
fn rate(bp: u32) -> String {
    let whole = bp / 100;
    match bp % 100 {
        0 => format!("{whole}\u{a0}%"),
        rest if rest % 10 == 0 => format!("{whole},{}\u{a0}%", rest / 10),
        rest => format!("{whole},{rest:02}\u{a0}%"),
    }
}

/// "1 paiement", "3 paiements".
fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

// ---- Layout -------------------------------------------------------------------------------

/// Body type size.
const BODY: f32 = 9.5;
/// Table type size.
const CELL: f32 = 7.0;

/// Fund, recipient, title and date of issue, at the top of the first page.
fn masthead(flow: &mut Flow<'_>, head: &Head, title: &str, subtitle: &str) {
    flow.text(MARGIN, mm(80.0), Face::Bold, 12.0, &head.fund);
    let sender_bottom = flow.y();
    // The recipient where a window envelope shows it.
    flow.set_y(mm(45.0));
    let x = mm(110.0);
    let w = pdf::PAGE_W - MARGIN - x;
    flow.text(x, w, Face::Bold, 10.0, &head.recipient);
    for line in &head.address {
        flow.text(x, w, Face::Regular, 10.0, line);
    }
    let y = flow.y().max(sender_bottom) + mm(14.0);
    flow.set_y(y);
    flow.paragraph(Face::Bold, 15.0, title);
    flow.space(mm(1.0));
    flow.paragraph(Face::Regular, 11.0, subtitle);
    flow.space(mm(2.0));
    flow.paragraph(
        Face::Regular,
        8.0,
        &format!(
            "Document établi par le portail de votre caisse le {}. Montants en euros.",
            date_words(head.issued_on)
        ),
    );
    flow.space(mm(3.0));
    flow.rule();
    flow.space(mm(3.0));
}

/// The columns of a statement's line table (170 mm).
fn line_table() -> Table {
    Table {
        columns: vec![
            Column::left("Date des soins", 17.0),
            Column::left("Bénéficiaire", 19.0),
            Column::left("Acte", 26.0),
            Column::left("Professionnel de santé", 27.0),
            Column::right("Montant facturé", 16.0),
            Column::right("Base de remb.", 16.0),
            Column::right("Taux", 10.0),
            Column::right("Partic. et franchises", 19.0),
            Column::right("Remboursé", 20.0),
        ],
        size: CELL,
    }
}

fn line_cells(line: &Line) -> Vec<String> {
    vec![
        short_date(&line.care_date),
        line.beneficiary_name.clone(),
        line.act.clone(),
        line.professional.clone(),
        euros(line.charged),
        euros(line.base),
        rate(line.rate_bp),
        euros(line.participation + line.franchise),
        euros(line.reimbursed),
    ]
}

/// A two-column table of labelled amounts.
fn amounts_table(flow: &mut Flow<'_>, title: &str, rows: &[(String, String)]) {
    flow.start_table(Table {
        columns: vec![Column::left(title, 110.0), Column::right("Montant", 35.0)],
        size: 8.5,
    });
    for (i, (label, amount)) in rows.iter().enumerate() {
        let face = if i + 1 == rows.len() {
            Face::Bold
        } else {
            Face::Regular
        };
        flow.row(&[label.clone(), amount.clone()], face);
    }
    flow.end_table();
}

/// Lays out and writes the monthly statement of the lines paid in `month`.
pub fn monthly_pdf(head: &Head, month: (i32, u8), lines: &[Line]) -> Result<Vec<u8>, PdfError> {
    let faces = Faces::load()?;
    let mut flow = Flow::new(&faces);
    let words = month_words(month);
    let title = "Relevé mensuel de vos remboursements";
    masthead(
        &mut flow,
        head,
        title,
        &format!("Paiements effectués en {words}"),
    );
    let payments = history::payments(lines);
    let totals: MonthTotals = statements::month_totals(lines);
    let count = u32::try_from(payments.len()).unwrap_or(u32::MAX);
    flow.paragraph(
        Face::Regular,
        BODY,
        &format!(
            "En {words}, votre caisse a effectué {} pour vous et vos enfants mineurs : {} \
             versés sur votre compte et {} versés directement aux professionnels de santé \
             (tiers payant).",
            plural(count, "paiement", "paiements"),
            euros(totals.to_member),
            euros(totals.to_professionals),
        ),
    );
    for payment in &payments {
        flow.space(mm(5.0));
        let date = payment
            .date
            .and_then(Date::parse)
            .map_or_else(String::new, date_words);
        flow.heading(
            10.5,
            &format!(
                "Paiement du {date} — référence {}",
                payment.reference.unwrap_or("")
            ),
            40.0,
        );
        flow.paragraph(
            Face::Regular,
            BODY,
            &format!(
                "Versé sur votre compte : {} · versé aux professionnels de santé : {}",
                euros(payment.to_member),
                euros(payment.to_professionals)
            ),
        );
        flow.space(mm(1.5));
        flow.start_table(line_table());
        for line in &payment.lines {
            flow.row(&line_cells(line), Face::Regular);
        }
        flow.end_table();
    }
    flow.space(mm(6.0));
    flow.heading(11.0, &format!("Totaux de {words}"), 60.0);
    flow.space(mm(1.5));
    let mut rows = vec![
        (
            "Actes payés".to_owned(),
            plural(totals.lines, "ligne", "lignes"),
        ),
        ("Montants facturés".to_owned(), euros(totals.charged)),
        ("Base de remboursement".to_owned(), euros(totals.base)),
        (
            "Participations forfaitaires et franchises déduites".to_owned(),
            euros(totals.deductions),
        ),
        (
            "Remboursé par votre caisse".to_owned(),
            euros(totals.reimbursed),
        ),
    ];
    if totals.recovered > Cents::ZERO {
        rows.push((
            "Retenu sur ces paiements pour des soins antérieurs (participations et franchises)"
                .to_owned(),
            euros(totals.recovered),
        ));
    }
    rows.push((
        "Versé aux professionnels de santé (tiers payant)".to_owned(),
        euros(totals.to_professionals),
    ));
    rows.push(("Versé sur votre compte".to_owned(), euros(totals.to_member)));
    amounts_table(&mut flow, "Totaux", &rows);
    flow.space(mm(5.0));
    flow.paragraph(
        Face::Regular,
        8.0,
        "Ce relevé reprend les paiements enregistrés par votre caisse pour ce mois. Le détail \
         du calcul de chaque remboursement est consultable sur le portail, rubrique « Mes \
         paiements ».",
    );
    let footer = format!("{} — Relevé de {words} — {}", head.fund, head.recipient);
    write(&faces, flow, title, head.issued_on, &footer)
}

/// The columns of the annual table of care.
fn care_table(first: &str) -> Table {
    Table {
        columns: vec![
            Column::left(first, 40.0),
            Column::right("Actes", 12.0),
            Column::right("Montants facturés", 29.5),
            Column::right("Remboursé par la caisse", 29.5),
            Column::right("Part complémentaire", 29.5),
            Column::right("Reste à charge", 29.5),
        ],
        size: 8.0,
    }
}

fn care_cells(label: &str, s: &Sums) -> Vec<String> {
    vec![
        label.to_owned(),
        s.lines.to_string(),
        euros(s.charged),
        euros(s.reimbursed),
        s.complementary.map_or_else(|| "—".to_owned(), euros),
        euros(s.remaining),
    ]
}

/// The kind of care in a few words.
fn kind_words(kind: Kind) -> &'static str {
    kind.label(Lang::Fr)
}

/// Lays out and writes the annual summary.
pub fn annual_pdf(head: &Head, a: &Annual) -> Result<Vec<u8>, PdfError> {
    let faces = Faces::load()?;
    let mut flow = Flow::new(&faces);
    let year = a.year;
    let title = "Récapitulatif annuel de vos remboursements";
    masthead(&mut flow, head, title, &format!("Année {year}"));
    flow.paragraph(
        Face::Regular,
        BODY,
        &format!(
            "Ce récapitulatif reprend les soins reçus en {year} par vous et vos enfants \
             mineurs (selon la date des soins) et remboursés par votre caisse. La part \
             complémentaire figure lorsque votre organisme complémentaire nous l'a \
             communiquée (« — » sinon) ; le reste à charge est ce qui restait à payer après \
             ces remboursements."
        ),
    );
    if a.pending > 0 {
        flow.space(mm(1.5));
        flow.paragraph(
            Face::Regular,
            BODY,
            &format!(
                "{} de {year} en cours de traitement n'y figure{} pas encore.",
                plural(a.pending, "soin", "soins"),
                if a.pending > 1 { "nt" } else { "" }
            ),
        );
    }
    for person in &a.people {
        flow.space(mm(5.0));
        flow.heading(11.0, &person.name, 50.0);
        flow.space(mm(1.0));
        flow.start_table(care_table("Nature des soins"));
        for (kind, sums) in &person.kinds {
            flow.row(&care_cells(kind_words(*kind), sums), Face::Regular);
        }
        flow.row(
            &care_cells(&format!("Total {}", person.name), &person.total),
            Face::Bold,
        );
        flow.end_table();
    }
    flow.space(mm(5.0));
    flow.heading(11.0, &format!("Total des soins de {year}"), 40.0);
    flow.space(mm(1.0));
    flow.start_table(care_table(""));
    flow.row(&care_cells("Total", &a.total), Face::Bold);
    flow.end_table();

    flow.space(mm(6.0));
    flow.heading(
        11.0,
        &format!("Participations forfaitaires et franchises de {year}"),
        50.0,
    );
    flow.paragraph(
        Face::Regular,
        BODY,
        "Déduites des remboursements ci-dessus, dans la limite des plafonds annuels.",
    );
    flow.space(mm(1.0));
    flow.start_table(Table {
        columns: vec![
            Column::left("Bénéficiaire", 60.0),
            Column::right("Participations forfaitaires", 37.0),
            Column::right("Franchises médicales", 37.0),
            Column::right("Total", 36.0),
        ],
        size: 8.0,
    });
    for person in &a.people {
        let t = &person.total;
        flow.row(
            &[
                person.name.clone(),
                euros(t.participation),
                euros(t.franchise),
                euros(t.participation + t.franchise),
            ],
            Face::Regular,
        );
    }
    flow.end_table();

    flow.space(mm(6.0));
    flow.heading(
        11.0,
        &format!("Indemnités journalières versées en {year}"),
        50.0,
    );
    if a.allowances.is_empty() {
        flow.paragraph(
            Face::Regular,
            BODY,
            &format!("Aucune indemnité journalière ne vous a été versée en {year}."),
        );
    } else {
        flow.paragraph(
            Face::Regular,
            BODY,
            "Selon la date de paiement (elles ne figurent pas dans les soins ci-dessus).",
        );
        flow.space(mm(1.0));
        flow.start_table(Table {
            columns: vec![
                Column::left("Date de paiement", 24.0),
                Column::left("Référence", 36.0),
                Column::left("Arrêt de travail", 80.0),
                Column::right("Montant", 30.0),
            ],
            size: 8.0,
        });
        for line in &a.allowances {
            flow.row(
                &[
                    line.payment_date
                        .as_deref()
                        .map(short_date)
                        .unwrap_or_default(),
                    line.payment_ref.clone().unwrap_or_default(),
                    format!(
                        "{} (soins du {})",
                        line.professional,
                        short_date(&line.care_date)
                    ),
                    euros(line.reimbursed),
                ],
                Face::Regular,
            );
        }
        flow.row(
            &[
                "Total".to_owned(),
                String::new(),
                String::new(),
                euros(a.allowances_total),
            ],
            Face::Bold,
        );
        flow.end_table();
    }
    flow.space(mm(4.0));
    flow.heading(
        10.0,
        "Pour votre déclaration de revenus (information)",
        60.0,
    );
    for text in [
        "À déclarer : les indemnités journalières de maladie et de maternité sont en principe \
         imposables. Celles versées au titre d'une affection de longue durée (ALD) ne le sont \
         en principe pas, et celles d'un accident du travail ou d'une maladie professionnelle \
         suivent des règles particulières.",
        "Le montant imposable est transmis par votre caisse à l'administration fiscale et \
         figure en principe déjà sur votre déclaration préremplie : vérifiez-le. Il peut \
         différer des montants versés ci-dessus.",
        "Les remboursements de soins ne sont pas des revenus et ne se déclarent pas.",
        "Ce document est une information, pas un conseil fiscal. Pour votre situation, \
         reportez-vous à impots.gouv.fr ou à votre centre des finances publiques.",
    ] {
        flow.space(mm(1.0));
        flow.paragraph(Face::Regular, 8.5, text);
    }
    let footer = format!("{} — Récapitulatif {year} — {}", head.fund, head.recipient);
    write(&faces, flow, title, head.issued_on, &footer)
}

/// Writes the flowed pages with their footers.
fn write(
    faces: &Faces,
    flow: Flow<'_>,
    title: &str,
    issued_on: Date,
    footer: &str,
) -> Result<Vec<u8>, PdfError> {
    let issued = time::Date::from_calendar_date(
        issued_on.year(),
        time::Month::try_from(issued_on.month()).map_err(|_| PdfError::Geometry)?,
        issued_on.day(),
    )
    .map_err(|_| PdfError::Geometry)?;
    pdf::write(
        faces,
        &flow.finish(),
        &pdf::Info {
            title,
            issued_on: issued,
            footer: Some(footer),
        },
    )
}

// The text width is what the tables above add up to.
const _: () = assert!(TEXT_W > 169.0 * pdf::PT_PER_MM && TEXT_W < 171.0 * pdf::PT_PER_MM);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_headings_never_break_inside_a_word() {
        let faces = Faces::load().unwrap();
        for table in [line_table(), care_table("Nature des soins")] {
            let width: f32 = table.columns.iter().map(|c| c.width).sum();
            assert!(width <= TEXT_W + 0.01, "{width}");
            for column in &table.columns {
                let lines = pdf::wrap(&column.title, &faces.bold, table.size, column.width - 4.0);
                for word in column.title.split(' ') {
                    assert!(
                        lines.iter().any(|l| l.split(' ').any(|w| w == word)),
                        "{word:?} broken in {lines:?}"
                    );
                }
            }
        }
        // A date and amounts up to thousands of euros stay on one line.
        let table = line_table();
        let samples = [
            (0, "28/10/2026"),
            (4, "1\u{202f}234,56\u{a0}€"),
            (5, "1\u{202f}234,56\u{a0}€"),
        ];
        let more = [
            (6, "100\u{a0}%"),
            (7, "1\u{202f}234,56\u{a0}€"),
            (8, "1\u{202f}234,56\u{a0}€"),
        ];
        for (i, sample) in samples.into_iter().chain(more) {
            let column = &table.columns[i];
            let lines = pdf::wrap(sample, &faces.regular, table.size, column.width - 4.0);
            assert_eq!(lines.len(), 1, "{sample} in {}", column.title);
        }
    }

    #[test]
    fn french_words() {
        assert_eq!(rate(7000), "70\u{a0}%");
        assert_eq!(rate(5250), "52,5\u{a0}%");
        assert_eq!(rate(10000), "100\u{a0}%");
        assert_eq!(month_words((2026, 8)), "août 2026");
        assert_eq!(
            date_words(Date::new(2026, 10, 1).unwrap()),
            "1er octobre 2026"
        );
        assert_eq!(short_date("2026-10-05"), "05/10/2026");
        assert_eq!(plural(1, "paiement", "paiements"), "1 paiement");
    }
}
