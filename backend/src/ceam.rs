//! The European health insurance card (CEAM): the household's cards, ordering one (a request
//! in "Mes démarches"), and the provisional replacement certificate as a PDF when the card
//! would not arrive before the departure.
//!
//! The rules are `portail_shared::ceam`; cards and pending orders are `db::ceam`. A member
//! orders for themselves and each minor dependant attached to them; anyone else answers 404.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use portail_shared::api::{ApiError, Mode};
use portail_shared::ceam::{
    self, CardView, CeamHousehold, CeamOrder, CeamPerson, OrderFiled, PendingOrder,
};
use portail_shared::reimbursements::Date;
use portail_shared::requests::Kind;
use portail_shared::{Lang, Nir};
use rusqlite::Connection;

use crate::crypto::Keys;
use crate::db::attestations::Facts;
use crate::db::ceam::{Card, OrderData};
use crate::db::reimbursements::Visible;
use crate::db::{self, DbError, members::MemberId};
use crate::error::{JsonBody, RequestLang, validation};
use crate::pdf::{self, Face, Faces, Flow, MARGIN, PdfError, mm};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// The register's name for a provisional certificate.
pub const KIND: &str = "certificat_provisoire_ceam";

/// The household's cards: the member, then each minor dependant, with their latest card and
/// any order being processed, and the address cards are sent to.
#[utoipa::path(get, path = "/api/ceam", tag = "documents",
    responses(
        (status = 200, description = "The member and their minor dependants, with their cards", body = CeamHousehold),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<CeamHousehold>, AppError> {
    let keys = state.config.keys.clone();
    let today = clock::paris_day(state.clock.now());
    let household = state
        .db
        .call(move |c| household(c, &keys, &member, today))
        .await?;
    Ok(Json(household))
}

/// Orders a card for `id` (the member or one of their minor dependants): the reason, the
/// departure day, the delivery address confirmed. The order becomes a request; a second one
/// for the same person while the first is processed is refused.
#[utoipa::path(post, path = "/api/ceam/{id}/order", tag = "documents",
    params(("id" = i64, Path, description = "The person, from `GET /api/ceam`")),
    request_body = CeamOrder,
    responses(
        (status = 201, description = "Ordered; `in_time` false means the provisional certificate is needed", body = OrderFiled),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "Not the member nor one of their minor dependants", body = ApiError),
        (status = 422, description = "A field is wrong (`fields.reason`, `departure`, `address_confirmed`), or an order for this person is being processed (`order_pending`)", body = ApiError),
    ))]
pub async fn order(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    Path(id): Path<i64>,
    JsonBody(request): JsonBody<CeamOrder>,
) -> Result<(StatusCode, Json<OrderFiled>), AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let filed = state
        .db
        .transaction(move |tx| file(tx, &keys, &member, id, &request, now, lang))
        .await??;
    Ok((StatusCode::CREATED, Json(filed)))
}

/// The provisional replacement certificate of `id` (the member or one of their minor
/// dependants), valid 3 months from today, as a PDF recorded in the register of documents.
#[utoipa::path(get, path = "/api/ceam/{id}/provisional", tag = "documents",
    params(("id" = i64, Path, description = "The person, from `GET /api/ceam`")),
    responses(
        (status = 200, description = "The certificate", content_type = "application/pdf"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "Not the member nor one of their minor dependants", body = ApiError),
    ))]
pub async fn provisional(
    State(state): State<AppState>,
    member: Member,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let today = clock::paris_day(now);
    let configured = state.config.fund_name.clone();
    let demo = state.config.mode == Mode::Demo;
    let issued = state
        .db
        .transaction(move |tx| {
            let Some((_, person, facts)) = person_of(tx, &keys, &member, id, today)? else {
                return Ok::<_, DbError>(None);
            };
            let Some(nir) = facts.nir.clone() else {
                return Ok(None);
            };
            let fund_name = db::settings::get(tx, "fund_name")?.unwrap_or(configured);
            let stamp = clock::format(now);
            let number = db::attestations::open_document(tx, person.member, KIND, &stamp, "")?;
            let certificate = Certificate {
                number,
                fund_name: pdf::clean(&fund_name),
                fund_code: facts.caisse_code.clone(),
                family_name: facts.family_name.to_uppercase(),
                given_names: facts.given_names.clone(),
                birth_date: facts.birth_date.clone(),
                nir,
                issued_on: today,
                valid_until: ceam::provisional_valid_until(today),
                demo,
            };
            db::attestations::seal_document(tx, number, &certificate.statement())?;
            Ok(Some(certificate))
        })
        .await?;
    let Some(certificate) = issued else {
        return Err(AppError::NotFound);
    };
    let filename = format!(
        "certificat-provisoire-ceam-{}-{}.pdf",
        slug(&certificate.given_names),
        certificate.issued_on
    );
    let pdf = tokio::task::spawn_blocking(move || render(&certificate))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(crate::statement::attachment(pdf, &filename))
}

/// Someone of the member's household a card can be ordered for: the insured, their place in
/// the household, and their facts. `None` for anyone else.
fn person_of(
    c: &Connection,
    keys: &Keys,
    member: &Member,
    id: i64,
    today: Date,
) -> Result<Option<(MemberId, Visible, Facts)>, DbError> {
    let (insured, visible) = crate::reimbursements::household(c, member, today)?;
    let Some(person) = visible.into_iter().find(|p| p.member.0 == id) else {
        return Ok(None);
    };
    let Some(facts) = db::attestations::facts(c, keys, person.member)? else {
        return Ok(None);
    };
    let allowed = Date::parse(&facts.birth_date)
        .is_some_and(|birth| ceam::can_order_for(person.rank, birth, today));
    Ok(allowed.then_some((insured, person, facts)))
}

/// The household's cards as `GET /api/ceam` answers them (also read by "À faire" on the home).
pub(crate) fn household(
    c: &Connection,
    keys: &Keys,
    member: &Member,
    today: Date,
) -> Result<CeamHousehold, DbError> {
    let (insured, visible) = crate::reimbursements::household(c, member, today)?;
    let mut people = Vec::new();
    for person in visible {
        let Some(facts) = db::attestations::facts(c, keys, person.member)? else {
            continue;
        };
        let Some(birth) = Date::parse(&facts.birth_date) else {
            continue;
        };
        if !ceam::can_order_for(person.rank, birth, today) {
            continue;
        }
        let card = db::ceam::latest(c, person.member)?.and_then(|card| {
            let until = Date::parse(&card.valid_until)?;
            Some(CardView {
                number_masked: ceam::masked_number(&card.number),
                valid_from: card.valid_from,
                valid_until: card.valid_until,
                status: ceam::card_status(until, today),
            })
        });
        let pending =
            db::ceam::pending_for(c, keys, insured, person.member)?.map(|p| PendingOrder {
                request_id: p.request,
                departure: p
                    .data
                    .as_ref()
                    .map(|d| d.departure.clone())
                    .unwrap_or_default(),
                delivery_by: p.expected_by.unwrap_or_default(),
                in_time: p.data.as_ref().is_none_or(|d| d.in_time),
            });
        people.push(CeamPerson {
            id: person.member.0,
            name: format!("{} {}", facts.given_names, facts.family_name),
            rank: person.rank,
            birth_date: facts.birth_date,
            card,
            pending,
        });
    }
    Ok(CeamHousehold {
        today: today.to_string(),
        address: db::address::on_file(c, insured)?.unwrap_or_default(),
        people,
    })
}

fn file(
    tx: &Connection,
    keys: &Keys,
    member: &Member,
    id: i64,
    request: &CeamOrder,
    now: time::OffsetDateTime,
    lang: Lang,
) -> Result<Result<OrderFiled, AppError>, DbError> {
    let today = clock::paris_day(now);
    let Some((insured, person, facts)) = person_of(tx, keys, member, id, today)? else {
        return Ok(Err(AppError::NotFound));
    };
    let (reason, departure) = match ceam::check_order(request, today) {
        Ok(checked) => checked,
        Err(problems) => {
            let error = problems.iter().fold(validation(lang), |e, p| {
                e.with_field(p.field(), p.message(lang))
            });
            return Ok(Err(AppError::Invalid(error)));
        }
    };
    let name = format!("{} {}", facts.given_names, facts.family_name);
    if let Some(pending) = db::ceam::pending_for(tx, keys, insured, person.member)? {
        return Ok(Err(AppError::Invalid(ApiError::new(
            "order_pending",
            pending_words(&name, pending.request, pending.owner == insured, lang),
        ))));
    }
    let address = db::address::on_file(tx, insured)?.unwrap_or_default();
    let in_time = ceam::arrives_in_time(departure, today);
    let expected = ceam::delivery_by(today);
    let data = OrderData {
        person: person.member.0,
        name: name.clone(),
        reason,
        departure: departure.to_string(),
        address: address.one_line(),
        in_time,
    };
    let bytes = serde_json::to_vec(&data).map_err(|e| DbError::Data(e.to_string()))?;
    let request_id = db::requests::insert(
        tx,
        keys,
        insured,
        Some(person.member).filter(|p| *p != insured),
        Kind::Ceam,
        &bytes,
        Some(&expected.to_string()),
        &first_message(&data, expected, departure, lang),
        &clock::format(now),
    )?;
    Ok(Ok(OrderFiled {
        request_id,
        delivery_by: expected.to_string(),
        in_time,
    }))
}

/// The refusal of a second order: which request is already open, and where to follow it.
fn pending_words(name: &str, request: i64, own: bool, lang: Lang) -> String {
    match (lang, own) {
        (Lang::Fr, true) => format!(
            "Une commande de carte européenne pour {name} est déjà en cours (demande n°\u{a0}{request})\u{a0}: \
             attendez la carte avant d’en commander une autre. Vous pouvez suivre la demande dans \
             «\u{a0}Mes démarches\u{a0}»."
        ),
        (Lang::Fr, false) => format!(
            "Une commande de carte européenne pour {name} est déjà en cours, faite par l’autre \
             parent (demande n°\u{a0}{request})\u{a0}: attendez la carte avant d’en commander une autre."
        ),
        (Lang::En, true) => format!(
            "A European card for {name} is already on order (request no. {request}): wait for the \
             card before ordering another. You can follow the request in “My requests”."
        ),
        (Lang::En, false) => format!(
            "A European card for {name} is already on order, placed by the other parent (request \
             no. {request}): wait for the card before ordering another."
        ),
    }
}

/// The first step's words: where the card goes, when it arrives, and whether it is in time.
fn first_message(data: &OrderData, expected: Date, departure: Date, lang: Lang) -> String {
    let (day, leaving) = (
        clock::day_words(expected, lang),
        clock::day_words(departure, lang),
    );
    let name = &data.name;
    let address = &data.address;
    match (lang, data.in_time) {
        (Lang::Fr, true) => format!(
            "Votre commande de carte européenne d’assurance maladie pour {name} est enregistrée. \
             La carte sera envoyée à votre adresse ({address}) et devrait arriver vers le {day}, avant le départ \
             du {leaving}."
        ),
        (Lang::Fr, false) => format!(
            "Votre commande de carte européenne d’assurance maladie pour {name} est enregistrée. \
             La carte sera envoyée à votre adresse ({address}) et devrait arriver vers le {day}, après le départ \
             du {leaving}\u{a0}: téléchargez le certificat provisoire de remplacement, valable \
             3 mois, depuis la page Carte européenne."
        ),
        (Lang::En, true) => format!(
            "Your order of a European health insurance card for {name} is recorded. The card will \
             be sent to your address ({address}) and should arrive around {day}, before the departure on \
             {leaving}."
        ),
        (Lang::En, false) => format!(
            "Your order of a European health insurance card for {name} is recorded. The card will \
             be sent to your address ({address}) and should arrive around {day}, after the departure on \
             {leaving}: download the provisional replacement certificate, valid 3 months, from \
             the European card page."
        ),
    }
}

/// The request's title and fields in "Mes démarches".
pub(crate) fn request_words(
    data: &[u8],
    lang: Lang,
) -> Result<(String, Vec<(String, String)>), DbError> {
    let data = OrderData::from_bytes(data)?;
    let fr = lang == Lang::Fr;
    let leaving = Date::parse(&data.departure)
        .map_or_else(|| data.departure.clone(), |d| clock::day_words(d, lang));
    let title = if fr {
        format!("Carte européenne pour {}, départ le {leaving}", data.name)
    } else {
        format!("European card for {}, leaving on {leaving}", data.name)
    };
    let delivery = match (fr, data.in_time) {
        (true, true) => "Avant le départ",
        (true, false) => {
            "Après le départ\u{a0}: certificat provisoire de remplacement à télécharger (page Carte européenne)"
        }
        (false, true) => "Before the departure",
        (false, false) => {
            "After the departure: provisional replacement certificate to download (European card page)"
        }
    };
    let field = |fr_label: &str, en_label: &str, value: String| {
        (if fr { fr_label } else { en_label }.to_owned(), value)
    };
    Ok((
        title,
        vec![
            field("Carte pour", "Card for", data.name.clone()),
            field(
                "Raison du séjour",
                "Reason for the stay",
                data.reason.label(lang).to_owned(),
            ),
            field("Date de départ", "Departure date", leaving),
            field("Adresse de livraison", "Delivery address", data.address),
            field("Arrivée de la carte", "Card arrival", delivery.to_owned()),
        ],
    ))
}

/// A demo card ending on `valid_until` (issued two years before), numbered after the person.
pub fn demo_card(member: MemberId, valid_until: Date) -> Card {
    let valid_from = valid_until.add_days(1).add_months(-12 * ceam::CARD_YEARS);
    Card {
        number: format!("80250{:015}", 31_000_004_000_i64 + member.0 * 7_919),
        valid_from: valid_from.to_string(),
        valid_until: valid_until.to_string(),
    }
}

/// "lina" from "Lina Rose": the file name's person.
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

// ---- The certificate ----------------------------------------------------------------------

/// Everything the provisional certificate prints.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// Its number in the register of documents.
    pub number: u64,
    /// The fund's name.
    pub fund_name: String,
    /// The fund's code.
    pub fund_code: String,
    /// Family name, upper case.
    pub family_name: String,
    /// Given names.
    pub given_names: String,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// The holder's NIR.
    pub nir: Nir,
    /// First valid day.
    pub issued_on: Date,
    /// Last valid day.
    pub valid_until: Date,
    /// A demonstration document, marked as such.
    pub demo: bool,
}

impl Certificate {
    /// What the register keeps a fingerprint of.
    fn statement(&self) -> String {
        format!(
            "{KIND}|{}|{}|{}|{}|{}",
            self.number,
            self.fund_code,
            self.nir.as_str(),
            self.issued_on,
            self.valid_until
        )
    }
}

fn short(day: Date) -> String {
    format!("{:02}/{:02}/{}", day.day(), day.month(), day.year())
}

const BODY: f32 = 10.0;

/// The certificate as an A4 PDF, in French, laid out in the order of the card's fields.
pub fn render(c: &Certificate) -> Result<Vec<u8>, PdfError> {
    let faces = Faces::load()?;
    let mut flow = Flow::new(&faces);

    flow.text(MARGIN, mm(100.0), Face::Bold, 12.0, &c.fund_name);
    flow.text(
        MARGIN,
        mm(100.0),
        Face::Regular,
        9.0,
        &format!("Code de l’organisme\u{a0}: {}", c.fund_code),
    );
    flow.space(mm(8.0));
    flow.paragraph(
        Face::Bold,
        16.0,
        "Certificat provisoire de remplacement de la carte européenne d’assurance maladie",
    );
    flow.space(mm(1.0));
    flow.paragraph(
        Face::Regular,
        9.0,
        &format!(
            "Délivré le {} — document n°\u{a0}{}",
            clock::day_words(c.issued_on, Lang::Fr),
            c.number
        ),
    );
    if c.demo {
        flow.warning("DOCUMENT DE DÉMONSTRATION — sans valeur, établi pour une personne fictive.");
    }
    flow.space(mm(3.0));
    flow.rule();
    flow.space(mm(4.0));

    flow.heading(12.0, "Titulaire", mm(2.0));
    let birth = Date::parse(&c.birth_date).map_or_else(|| c.birth_date.clone(), short);
    for line in [
        format!("3. Nom\u{a0}: {}", c.family_name),
        format!("4. Prénoms\u{a0}: {}", c.given_names),
        format!("5. Date de naissance\u{a0}: {birth}"),
        format!(
            "6. Numéro d’identification personnel\u{a0}: {}",
            c.nir.grouped()
        ),
    ] {
        flow.paragraph(Face::Regular, BODY, &line);
    }
    flow.space(mm(4.0));

    flow.heading(12.0, "Institution compétente", mm(2.0));
    for line in [
        "État membre\u{a0}: France (FR)".to_owned(),
        format!(
            "7. Numéro d’identification de l’institution\u{a0}: {} - {}",
            c.fund_code, c.fund_name
        ),
        format!(
            "8. Numéro d’identification de la carte\u{a0}: certificat provisoire n°\u{a0}{}",
            c.number
        ),
    ] {
        flow.paragraph(Face::Regular, BODY, &line);
    }
    flow.space(mm(4.0));

    flow.heading(12.0, "Période de validité du certificat", mm(2.0));
    flow.paragraph(
        Face::Regular,
        BODY,
        &format!(
            "a) Du\u{a0}: {}   b) Au\u{a0}: {}",
            short(c.issued_on),
            short(c.valid_until)
        ),
    );
    flow.space(mm(4.0));
    flow.rule();
    flow.space(mm(4.0));
    for text in [
        "Ce certificat remplace provisoirement la carte européenne d’assurance maladie. Il atteste le droit de son titulaire aux soins médicalement nécessaires pendant un séjour temporaire dans un État de l’Union européenne, de l’Espace économique européen, en Suisse ou au Royaume-Uni, dans les mêmes conditions que les assurés de ce pays.",
        "Présentez-le avec une pièce d’identité au médecin, à l’hôpital ou à la pharmacie. Si vous avez payé des soins sur place, gardez les factures\u{a0}: votre caisse étudiera leur remboursement à votre retour.",
        "La carte commandée arrive à l’adresse connue de votre caisse en 2 semaines environ. Elle est gratuite, personnelle et valable 2 ans.",
    ] {
        flow.paragraph(Face::Regular, 9.0, text);
        flow.space(mm(2.0));
    }

    let title = format!(
        "Certificat provisoire de remplacement de la CEAM — {} {}",
        c.given_names, c.family_name
    );
    let footer = format!(
        "{} — Certificat provisoire CEAM n°\u{a0}{}",
        c.fund_name, c.number
    );
    let issued_on = time::Date::from_calendar_date(
        c.issued_on.year(),
        time::Month::try_from(c.issued_on.month()).map_err(|_| PdfError::Geometry)?,
        c.issued_on.day(),
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
