//! Attestation de droits: who the member may get one for, the PDF with its signed QR code,
//! and the fund's public keys for the verification page.
//!
//! The signed facts and their checking are `portail_shared::attestation`; the keys and the
//! register of issued documents are `db::attestations`. A member gets the attestation of
//! themselves and of each minor dependant attached to them; anyone else's answers 404.

use axum::{
    Json,
    extract::{Path, State},
    response::Response,
};
use portail_shared::api::{ApiError, Mode};
use portail_shared::attestation::{self, Beneficiary, PublicKeys, Statement};
use portail_shared::reimbursements::Date;
use portail_shared::{Lang, Nir};

use crate::db::attestations::{Facts, Relative};
use crate::db::{self, DbError};
use crate::pdf::{self, Column, Face, Faces, Flow, MARGIN, Op, PdfError, TEXT_W, Table, mm};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// The register's name for this kind of document.
pub const KIND: &str = "attestation_droits";

/// The people the member can download an attestation for: themselves, then each minor
/// dependant, with what the attestation will say.
#[utoipa::path(get, path = "/api/attestations", tag = "documents",
    responses(
        (status = 200, description = "The member, then their minor dependants", body = [Beneficiary]),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<Vec<Beneficiary>>, AppError> {
    let keys = state.config.keys.clone();
    let today = clock::paris_day(state.clock.now());
    let people = state
        .db
        .call(move |c| {
            let (_, visible) = crate::reimbursements::household(c, &member, today)?;
            let mut people = Vec::new();
            for person in visible {
                if let Some(facts) = db::attestations::facts(c, &keys, person.member)? {
                    people.push(beneficiary(&facts, person.rank, today));
                }
            }
            Ok::<_, DbError>(people)
        })
        .await?;
    Ok(Json(people))
}

fn beneficiary(facts: &Facts, rank: u8, today: Date) -> Beneficiary {
    Beneficiary {
        id: facts.member.0,
        name: format!("{} {}", facts.given_names, facts.family_name),
        birth_date: facts.birth_date.clone(),
        rank,
        nir_masked: facts.nir.as_ref().map(Nir::masked).unwrap_or_default(),
        rights_from: facts.rights_start.clone(),
        rights_until: facts.rights_end.clone(),
        css_until: css_on(facts, today).map(|d| d.to_string()),
        treating_doctor: facts.treating_doctor,
        exoneration: facts.exonerations.iter().any(|e| {
            e.ends_on
                .as_deref()
                .is_none_or(|end| end >= today.to_string().as_str())
        }),
    }
}

/// The CSS end date when its rights are open on `today`.
fn css_on(facts: &Facts, today: Date) -> Option<Date> {
    facts
        .css_until
        .as_deref()
        .and_then(Date::parse)
        .filter(|until| *until >= today)
}

/// The attestation of `id` (the member or one of their minor dependants) as a PDF, signed and
/// recorded in the register of issued documents.
#[utoipa::path(get, path = "/api/attestations/{id}", tag = "documents",
    params(("id" = i64, Path, description = "The beneficiary, from `GET /api/attestations`")),
    responses(
        (status = 200, description = "The attestation", content_type = "application/pdf"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "Not the member nor one of their minor dependants", body = ApiError),
    ))]
pub async fn download(
    State(state): State<AppState>,
    member: Member,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let today = clock::paris_day(now);
    let configured = state.config.fund_name.clone();
    let origin = state.config.public_origin.clone();
    let demo = state.config.mode == Mode::Demo;
    let issued = state
        .db
        .transaction(move |tx| {
            let (_, visible) = crate::reimbursements::household(tx, &member, today)?;
            let Some(person) = visible.iter().find(|p| p.member.0 == id) else {
                return Ok(None);
            };
            let Some(facts) = db::attestations::facts(tx, &keys, person.member)? else {
                return Ok(None);
            };
            let relatives = db::attestations::relatives(tx, &keys, person.member, today)?;
            let fund_name = db::settings::get(tx, "fund_name")?.unwrap_or(configured);
            let stamp = clock::format(now);
            let (key_id, seed) = db::attestations::signing_key(tx, &keys, &stamp)?;
            let number = db::attestations::open_document(tx, person.member, KIND, &stamp, &key_id)?;
            let statement = statement_of(&facts, person.rank, &fund_name, &key_id, number, today)?;
            let code = attestation::sign(&statement, &seed).map_err(|e| {
                DbError::Data(format!("attestation {number} cannot be signed: {e:?}"))
            })?;
            db::attestations::seal_document(tx, number, &code)?;
            Ok(Some(Attestation {
                statement,
                facts,
                relatives,
                address: format!("{origin}/verifier#{code}"),
                code,
                demo,
            }))
        })
        .await?;
    let Some(attestation) = issued else {
        return Err(AppError::NotFound);
    };
    let filename = format!(
        "attestation-droits-{}-{}.pdf",
        slug(&attestation.facts.given_names),
        attestation.statement.issued_on
    );
    let pdf = tokio::task::spawn_blocking(move || render(&attestation))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(crate::statement::attachment(pdf, &filename))
}

/// The fund's public keys, for the verification page (public, cacheable for offline use).
#[utoipa::path(get, path = "/api/attestations/keys", tag = "documents",
    responses((status = 200, description = "Every key that ever signed, newest first", body = PublicKeys)))]
pub async fn keys(State(state): State<AppState>) -> Result<Json<PublicKeys>, AppError> {
    let configured = state.config.fund_name.clone();
    let (fund_name, keys) = state
        .db
        .call(move |c| {
            Ok::<_, DbError>((
                db::settings::get(c, "fund_name")?.unwrap_or(configured),
                db::attestations::public_keys(c)?,
            ))
        })
        .await?;
    Ok(Json(PublicKeys { fund_name, keys }))
}

fn statement_of(
    facts: &Facts,
    rank: u8,
    fund_name: &str,
    key_id: &str,
    number: u64,
    today: Date,
) -> Result<Statement, DbError> {
    let date =
        |text: &str| Date::parse(text).ok_or_else(|| DbError::Data(format!("member date {text}")));
    let nir = facts
        .nir
        .clone()
        .ok_or_else(|| DbError::Data("an attestation needs a NIR".to_owned()))?;
    Ok(Statement {
        key_id: key_id.to_owned(),
        issued_on: today,
        fund_code: facts.caisse_code.clone(),
        fund_name: pdf::clean(fund_name).replace('|', "/"),
        nir,
        family_name: facts.family_name.to_uppercase(),
        given_names: facts.given_names.clone(),
        birth_date: date(&facts.birth_date)?,
        rank,
        rights_from: date(&facts.rights_start)?,
        rights_until: facts.rights_end.as_deref().map(date).transpose()?,
        css_until: css_on(facts, today),
        number,
    })
}

/// "camille" from "Camille Anne": the file name's person.
fn slug(given_names: &str) -> String {
    given_names
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase()
}

/// Everything the PDF prints.
#[derive(Debug, Clone)]
pub struct Attestation {
    /// What the QR code certifies.
    pub statement: Statement,
    /// The beneficiary's full facts (the PDF adds ALD and médecin traitant).
    pub facts: Facts,
    /// Dependants, or the insured person(s) for a dependant.
    pub relatives: Vec<Relative>,
    /// The signed code.
    pub code: String,
    /// The verification address the QR code holds.
    pub address: String,
    /// A demonstration document, marked as such.
    pub demo: bool,
}

// ---- Layout -------------------------------------------------------------------------------

const BODY: f32 = 10.0;
const QR_MM: f32 = 42.0;

fn short(iso: &str) -> String {
    Date::parse(iso).map_or_else(
        || iso.to_owned(),
        |d| format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
    )
}

fn grouped(nir: Option<&Nir>) -> String {
    nir.map_or_else(|| "en cours d’attribution".to_owned(), Nir::grouped)
}

/// The attestation as an A4 PDF (French, the language of the fund's documents).
pub fn render(a: &Attestation) -> Result<Vec<u8>, PdfError> {
    let faces = Faces::load()?;
    let mut flow = Flow::new(&faces);
    let s = &a.statement;
    let f = &a.facts;

    flow.text(MARGIN, mm(100.0), Face::Bold, 12.0, &s.fund_name);
    flow.text(
        MARGIN,
        mm(100.0),
        Face::Regular,
        9.0,
        &format!("Code de l’organisme : {}", s.fund_code),
    );
    flow.space(mm(8.0));
    flow.paragraph(
        Face::Bold,
        16.0,
        "Attestation de droits à l’assurance maladie",
    );
    flow.space(mm(1.0));
    flow.paragraph(
        Face::Regular,
        9.0,
        &format!(
            "Établie le {} — document n° {} — vérifiable en ligne (code QR ci-dessous)",
            clock::day_words(s.issued_on, Lang::Fr),
            s.number
        ),
    );
    if a.demo {
        flow.warning(
            "DOCUMENT DE DÉMONSTRATION — sans aucune valeur, établi par un portail de test pour \
             des personnes fictives.",
        );
    }
    flow.space(mm(3.0));
    flow.rule();
    flow.space(mm(4.0));

    flow.heading(12.0, "Bénéficiaire", mm(2.0));
    let civility = if f.sex == "F" { "Née le" } else { "Né le" };
    for line in [
        format!("Nom : {}", s.family_name),
        format!("Prénoms : {}", s.given_names),
        format!("{civility} : {}", short(&f.birth_date)),
        format!("Numéro de sécurité sociale : {}", grouped(f.nir.as_ref())),
        format!("Qualité : {}", attestation::rank_words(s.rank, Lang::Fr)),
    ] {
        flow.paragraph(Face::Regular, BODY, &line);
    }
    flow.space(mm(4.0));

    flow.heading(12.0, "Droits", mm(2.0));
    let rights = match &f.rights_end {
        Some(end) => format!(
            "Droits ouverts du {} au {}.",
            short(&f.rights_start),
            short(end)
        ),
        None => format!(
            "Droits ouverts depuis le {}, sans date de fin.",
            short(&f.rights_start)
        ),
    };
    let css = match s.css_until {
        Some(until) => format!(
            "Complémentaire santé solidaire : oui, jusqu’au {}.",
            short(&until.to_string())
        ),
        None => "Complémentaire santé solidaire : non.".to_owned(),
    };
    let doctor = if f.treating_doctor {
        "Médecin traitant : déclaré."
    } else {
        "Médecin traitant : non déclaré."
    };
    for line in [rights.as_str(), css.as_str(), doctor] {
        flow.paragraph(Face::Regular, BODY, line);
    }
    if f.exonerations.is_empty() {
        flow.paragraph(
            Face::Regular,
            BODY,
            "Exonération du ticket modérateur (ALD) : aucune.",
        );
    } else {
        for e in &f.exonerations {
            let period = match &e.ends_on {
                Some(end) => format!("du {} au {}", short(&e.starts_on), short(end)),
                None => format!("depuis le {}", short(&e.starts_on)),
            };
            flow.paragraph(
                Face::Regular,
                BODY,
                &format!(
                    "Exonération du ticket modérateur : {}, {period}.",
                    pdf::clean(&e.label)
                ),
            );
        }
    }
    flow.space(mm(4.0));

    if !a.relatives.is_empty() {
        let dependant = s.rank > 1;
        flow.heading(
            12.0,
            if dependant {
                "Assuré(e) ouvrant droit"
            } else {
                "Ayants droit rattachés"
            },
            mm(2.0),
        );
        flow.start_table(Table {
            columns: vec![
                Column::left("Nom et prénoms", 60.0),
                Column::left("Date de naissance", 30.0),
                Column::left("Rang", 20.0),
                Column::left("Numéro de sécurité sociale", 60.0),
            ],
            size: 8.5,
        });
        for r in &a.relatives {
            flow.row(
                &[
                    r.name.clone(),
                    short(&r.birth_date),
                    format!("{:02}", r.rank),
                    grouped(r.nir.as_ref()),
                ],
                Face::Regular,
            );
        }
        flow.end_table();
        flow.space(mm(4.0));
    }

    // The QR code and how to use it.
    flow.keep(mm(QR_MM + 20.0));
    flow.rule();
    flow.space(mm(4.0));
    let top = flow.y();
    draw_qr(&mut flow, &a.address, MARGIN, top)?;
    let x = MARGIN + mm(QR_MM + 6.0);
    let w = TEXT_W - mm(QR_MM + 6.0);
    flow.set_y(top);
    flow.text(x, w, Face::Bold, BODY, "Vérifier cette attestation");
    flow.space(mm(1.0));
    flow.text(
        x,
        w,
        Face::Regular,
        9.0,
        "Scannez le code QR avec l’appareil photo d’un téléphone : la page de vérification de la caisse s’ouvre et indique si l’attestation est authentique, ce qu’elle certifie et sa date. Sans téléphone, saisissez le code ci-dessous sur la page :",
    );
    let page = a
        .address
        .split('#')
        .next()
        .unwrap_or(a.address.as_str())
        .to_owned();
    flow.text(x, w, Face::Bold, 9.0, &page);
    flow.space(mm(1.0));
    for chunk in a.code.as_bytes().chunks(56) {
        flow.text(x, w, Face::Regular, 6.5, &String::from_utf8_lossy(chunk));
    }
    flow.set_y(flow.y().max(top + mm(QR_MM)) + mm(4.0));
    flow.paragraph(
        Face::Regular,
        8.0,
        "Cette attestation n’a pas de durée de validité fixe : elle certifie les droits connus de la caisse au jour de son édition. Le code QR ne contient aucune donnée de santé.",
    );

    let title = format!(
        "Attestation de droits — {} {}",
        s.given_names, s.family_name
    );
    let footer = format!("{} — Attestation de droits n° {}", s.fund_name, s.number);
    let issued_on = time::Date::from_calendar_date(
        s.issued_on.year(),
        time::Month::try_from(s.issued_on.month()).map_err(|_| PdfError::Geometry)?,
        s.issued_on.day(),
    )
    .map_err(|_| PdfError::Geometry)?;
    pdf::write(
        &faces,
        &flow.finish(),
        &pdf::Info {
            title: &title,
            issued_on,
            footer: Some(&footer),
        },
    )
}

/// Draws the QR code of `text` as dark squares, `QR_MM` wide, top left at (`x`, `y`).
fn draw_qr(flow: &mut Flow<'_>, text: &str, x: f32, y: f32) -> Result<(), PdfError> {
    let qr = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|_| PdfError::Geometry)?;
    let width = qr.width();
    // A quiet zone of 2 modules around the code.
    let module = mm(QR_MM) / (width as f32 + 4.0);
    for (i, color) in qr.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let (row, col) = (i / width, i % width);
            flow.push(Op::Frame {
                x: x + module * (col as f32 + 2.0),
                y: y + module * (row as f32 + 2.0),
                // A hair wider, so neighbouring squares join without seams.
                w: module + 0.05,
                h: module + 0.05,
                background: pdf::ink(),
                border: pdf::ink(),
                border_width: 0.0,
            });
        }
    }
    Ok(())
}
