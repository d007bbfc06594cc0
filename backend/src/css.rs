//! Complémentaire santé solidaire (CSS): the application page's context (the household on the
//! roll, the current rights, whether a renewal may be asked today) and the application itself,
//! a request in "Mes démarches". An agent's approval sets the household's CSS rights
//! ([`approve`]), which the attestation and the member's pages then show.
//!
//! The rules are `portail_shared::css`; the rights are `db::attestations` (`css_until`).

use axum::{Json, extract::State, http::StatusCode};
use portail_shared::api::ApiError;
use portail_shared::css::{
    self, CssApplication, CssContext, Estimate, OtherPerson, ResourceKind, RollPerson, Window,
};
use portail_shared::reimbursements::Date;
use portail_shared::requests::{Kind, Summary};
use portail_shared::{Cents, Lang};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::db::{self, DbError, members::MemberId};
use crate::error::{JsonBody, RequestLang};
use crate::requests::{Filing, field, files_problem, invalid};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// Someone counted in the household, as stored with the application.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PersonData {
    /// Name.
    pub name: String,
    /// Birth date.
    pub birth_date: String,
    /// `member`, `dependant`, or a [`css::Relation`] code.
    pub relation: String,
    /// The roll's id, for the member and their dependants (their rights are set on approval).
    pub roll_id: Option<i64>,
}

/// What an application stores (encrypted with the request).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CssData {
    /// A renewal (rights were running) or a first application.
    pub renewal: bool,
    /// The rights running when filed.
    pub current_until: Option<String>,
    /// Everyone counted.
    pub persons: Vec<PersonData>,
    /// Resources by kind, in cents.
    pub resources: Vec<(ResourceKind, i64)>,
    /// The estimate shown to the member.
    pub estimate: Estimate,
}

impl CssData {
    fn from_bytes(bytes: &[u8]) -> Result<CssData, DbError> {
        serde_json::from_slice(bytes).map_err(|e| DbError::Data(e.to_string()))
    }
}

/// What the application page needs: the member and their dependants on the roll, whether an
/// application may be filed today (a renewal only in the last 4 months of the rights), and
/// any application being processed.
#[utoipa::path(get, path = "/api/css", tag = "requests",
    responses(
        (status = 200, description = "The household, the rights and the window", body = CssContext),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn context(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<CssContext>, AppError> {
    let keys = state.config.keys.clone();
    let today = clock::paris_day(state.clock.now());
    let context = state
        .db
        .call(move |c| Ok::<_, DbError>(household_context(c, &keys, &member, today)?.0))
        .await?;
    Ok(Json(context))
}

/// Applies for (or renews) the CSS: the others living with the member, the household's
/// resources of the last 12 months by kind, the statement certified, up to 5 files. The
/// estimate is computed again here and kept for the agent.
#[utoipa::path(post, path = "/api/css", tag = "requests",
    request_body = CssApplication,
    responses(
        (status = 201, description = "Filed", body = Summary),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "A field is wrong (`fields`), the renewal is too early (`css_too_early`), or an application is being processed (`css_pending`)", body = ApiError),
    ))]
pub async fn apply(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(application): JsonBody<CssApplication>,
) -> Result<(StatusCode, Json<Summary>), AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let filed = state
        .db
        .transaction(move |tx| file(tx, &keys, &member, &application, now, lang))
        .await??;
    Ok((StatusCode::CREATED, Json(filed)))
}

/// The context, the insured, the roll's people (with their ids) and the current rights' end.
fn household_context(
    c: &Connection,
    keys: &Keys,
    member: &Member,
    today: Date,
) -> Result<(CssContext, MemberId, Vec<PersonData>, Option<Date>), DbError> {
    let (insured, visible) = crate::reimbursements::household(c, member, today)?;
    let current = db::attestations::facts(c, keys, insured)?
        .and_then(|f| f.css_until)
        .as_deref()
        .and_then(Date::parse);
    let mut people = Vec::new();
    let mut household = Vec::new();
    for p in &visible {
        let name = db::members::full_name(c, p.member)?.unwrap_or_else(|| p.name.clone());
        household.push(RollPerson {
            name: name.clone(),
            birth_date: p.birth_date.clone(),
            rank: p.rank,
        });
        people.push(PersonData {
            name,
            birth_date: p.birth_date.clone(),
            relation: if p.rank == 1 { "member" } else { "dependant" }.to_owned(),
            roll_id: Some(p.member.0),
        });
    }
    let context = CssContext {
        today: today.to_string(),
        household,
        window: css::window(current, today),
        rights_from: css::rights_start(today, current).to_string(),
        pending: db::requests::open_of_kind(c, insured, Kind::Css)?,
    };
    Ok((context, insured, people, current))
}

fn file(
    tx: &Connection,
    keys: &Keys,
    member: &Member,
    application: &CssApplication,
    now: time::OffsetDateTime,
    lang: Lang,
) -> Result<Result<Summary, AppError>, DbError> {
    let today = clock::paris_day(now);
    let (context, insured, mut persons, current) = household_context(tx, keys, member, today)?;
    if let Some(pending) = context.pending {
        return Ok(Err(AppError::Invalid(ApiError::new(
            "css_pending",
            match lang {
                Lang::Fr => format!(
                    "Votre demande de Complémentaire santé solidaire est déjà en cours d’examen (demande n°\u{a0}{pending})\u{a0}: suivez-la dans «\u{a0}Mes démarches\u{a0}»."
                ),
                Lang::En => format!(
                    "Your application for the Complémentaire santé solidaire is already being examined (request no. {pending}): follow it in “My requests”."
                ),
            },
        ))));
    }
    if let Window::TooEarly { until, opens } = &context.window {
        return Ok(Err(AppError::Invalid(ApiError::new(
            "css_too_early",
            too_early_words(until, opens, lang),
        ))));
    }
    let checked = match css::check(application, today) {
        Ok(checked) => checked,
        Err(problems) => {
            return Ok(Err(invalid(
                &problems,
                lang,
                |p| p.field(),
                |p| p.message(lang),
            )));
        }
    };
    if let Some(refusal) = files_problem(tx, insured, &application.attachments, lang)? {
        return Ok(Err(refusal));
    }
    persons.extend(application.others.iter().map(|o: &OtherPerson| PersonData {
        name: o.name.trim().to_owned(),
        birth_date: o.birth_date.clone(),
        relation: o.relation.code().to_owned(),
        roll_id: None,
    }));
    let estimate = css::estimate_for(&context, &checked.other_births, checked.resources)
        .ok_or_else(|| DbError::Data("the CSS context's dates".to_owned()))?;
    let mut resources = Vec::new();
    for line in &application.resources {
        if let Ok(cents) = css::read_amount(line)
            && cents > Cents::ZERO
            && !resources.iter().any(|(k, _)| *k == line.kind)
        {
            resources.push((line.kind, cents.0));
        }
    }
    let data = CssData {
        renewal: matches!(context.window, Window::Renewal { .. }),
        current_until: current.map(|d| d.to_string()),
        persons,
        resources,
        estimate,
    };
    let bytes = serde_json::to_vec(&data).map_err(|e| DbError::Data(e.to_string()))?;
    let expected = today.add_months(css::DECISION_MONTHS);
    let filed = crate::requests::file(
        tx,
        keys,
        insured,
        &Filing {
            kind: Kind::Css,
            beneficiary: None,
            data: &bytes,
            expected_by: expected,
            first_message: &first_message(expected, lang),
            attachments: &application.attachments,
        },
        now,
        lang,
    )?;
    Ok(Ok(filed))
}

/// Why a renewal cannot be asked yet, and from when it can.
pub fn too_early_words(until: &str, opens: &str, lang: Lang) -> String {
    let words =
        |iso: &str| Date::parse(iso).map_or_else(|| iso.to_owned(), |d| clock::day_words(d, lang));
    match lang {
        Lang::Fr => format!(
            "Vos droits à la Complémentaire santé solidaire courent jusqu’au {}\u{a0}: le renouvellement se demande dans les 4 derniers mois, à partir du {}.",
            words(until),
            words(opens)
        ),
        Lang::En => format!(
            "Your Complémentaire santé solidaire rights run until {}: a renewal is asked in the last 4 months, from {}.",
            words(until),
            words(opens)
        ),
    }
}

fn first_message(expected: Date, lang: Lang) -> String {
    let day = clock::day_words(expected, lang);
    match lang {
        Lang::Fr => format!(
            "Votre demande de Complémentaire santé solidaire est déposée. Votre caisse l’examine et vous répond au plus tard le {day}. Sans réponse à cette date, la demande est considérée comme refusée."
        ),
        Lang::En => format!(
            "Your application for the Complémentaire santé solidaire is filed. Your fund examines it and answers by {day} at the latest. Without an answer by then, it counts as refused."
        ),
    }
}

fn relation_words(relation: &str, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match relation {
        "member" => if fr { "Vous" } else { "You" }.to_owned(),
        "dependant" => if fr { "Ayant droit" } else { "Dependant" }.to_owned(),
        code => css::Relation::ALL
            .into_iter()
            .find(|r| r.code() == code)
            .map_or_else(|| code.to_owned(), |r| r.label(lang).to_owned()),
    }
}

/// The request's title and fields in "Mes démarches" (and for the agent).
pub(crate) fn request_words(
    data: &[u8],
    lang: Lang,
) -> Result<(String, Vec<(String, String)>), DbError> {
    let data = CssData::from_bytes(data)?;
    let fr = lang == Lang::Fr;
    let n = data.persons.len();
    let title = match (fr, data.renewal) {
        (true, false) => format!(
            "Complémentaire santé solidaire pour {n} personne{}",
            if n > 1 { "s" } else { "" }
        ),
        (true, true) => format!(
            "Renouvellement de la Complémentaire santé solidaire ({n} personne{})",
            if n > 1 { "s" } else { "" }
        ),
        (false, false) => format!(
            "Complémentaire santé solidaire for {n} {}",
            if n > 1 { "people" } else { "person" }
        ),
        (false, true) => format!(
            "Renewal of the Complémentaire santé solidaire ({n} {})",
            if n > 1 { "people" } else { "person" }
        ),
    };
    let day =
        |iso: &str| Date::parse(iso).map_or_else(|| iso.to_owned(), |d| clock::day_words(d, lang));
    let household = data
        .persons
        .iter()
        .map(|p| {
            format!(
                "{} ({}, {} {})",
                p.name,
                relation_words(&p.relation, lang),
                if fr { "né(e) le" } else { "born" },
                day(&p.birth_date)
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let resources = if data.resources.is_empty() {
        if fr { "Aucune" } else { "None" }.to_owned()
    } else {
        data.resources
            .iter()
            .map(|(kind, cents)| {
                format!("{}\u{a0}: {}", kind.label(lang), Cents(*cents).format(lang))
            })
            .map(|line| if fr { line } else { line.replace('\u{a0}', "") })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let e = &data.estimate;
    let estimate = match e.outcome {
        css::Outcome::Contribution => format!(
            "{}\u{a0}: {} {}",
            e.outcome.label(lang),
            e.monthly.format(lang),
            if fr {
                "par mois pour le foyer"
            } else {
                "a month for the household"
            }
        ),
        _ => e.outcome.label(lang).to_owned(),
    };
    let estimate = if fr {
        estimate
    } else {
        estimate.replace("\u{a0}:", ":")
    };
    let mut fields = vec![
        field(
            lang,
            "Demande",
            "Application",
            match (fr, data.renewal) {
                (true, true) => "Renouvellement",
                (true, false) => "Première demande",
                (false, true) => "Renewal",
                (false, false) => "First application",
            }
            .to_owned(),
        ),
        field(lang, "Foyer", "Household", household),
        field(
            lang,
            "Ressources des 12 derniers mois",
            "Resources of the last 12 months",
            resources,
        ),
        field(lang, "Total", "Total", e.resources.format(lang)),
        field(lang, "Estimation", "Estimate", estimate),
    ];
    if let Some(until) = &data.current_until {
        fields.insert(
            1,
            field(
                lang,
                "Droits actuels jusqu’au",
                "Current rights until",
                day(until),
            ),
        );
    }
    Ok((title, fields))
}

/// An agent's approval: the CSS rights of the applicant and of each person of the household on
/// the roll run one year from the day after the current rights (a renewal) or from the first
/// day of next month. Answers the last day of the new rights; `None` when the request is not
/// an open CSS application.
pub fn approve(
    tx: &Connection,
    keys: &Keys,
    request: i64,
    today: Date,
) -> Result<Option<Date>, DbError> {
    let Some(owner) = db::requests::owner(tx, request)? else {
        return Ok(None);
    };
    let Some(stored) = db::requests::one(tx, keys, owner, request)? else {
        return Ok(None);
    };
    if stored.kind != Kind::Css || stored.status.is_final() {
        return Ok(None);
    }
    let data = CssData::from_bytes(&stored.data)?;
    let current = db::attestations::facts(tx, keys, owner)?
        .and_then(|f| f.css_until)
        .as_deref()
        .and_then(Date::parse);
    let until = css::rights_until(css::rights_start(today, current));
    let mut people: Vec<MemberId> = data
        .persons
        .iter()
        .filter_map(|p| p.roll_id.map(MemberId))
        .collect();
    if !people.contains(&owner) {
        people.push(owner);
    }
    for person in people {
        db::attestations::set_css_until(tx, person, Some(until))?;
    }
    Ok(Some(until))
}
