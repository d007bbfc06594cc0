//! Requests (démarches): "Mes démarches" lists them, a request's page shows its timeline, and
//! the first kind is filed from a reimbursement line: the contest (recours amiable).

pub mod agent;

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::reimbursements::Date;
use portail_shared::requests::{
    self, CONTEST_MONTHS, ContestReason, ContestRequest, Detail, Kind, Summary,
};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::db::{self, DbError, members::MemberId};
use crate::error::{JsonBody, RequestLang};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// What a contest stores (encrypted with the request).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ContestData {
    line_id: i64,
    act: String,
    care_date: String,
    reimbursed: i64,
    reason: ContestReason,
    explanation: String,
}

/// The member's requests, the most recently moved first.
#[utoipa::path(get, path = "/api/requests", tag = "requests",
    responses(
        (status = 200, description = "The member's requests", body = [Summary]),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
) -> Result<Json<Vec<Summary>>, AppError> {
    let keys = state.config.keys.clone();
    let summaries = state
        .db
        .call(move |c| {
            let insured = member_of(c, &member)?;
            db::requests::list(c, &keys, insured)?
                .iter()
                .map(|s| summary(s, lang))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(Json(summaries))
}

/// One request: what was sent, every step, the files. Another member's answers 404.
#[utoipa::path(get, path = "/api/requests/{id}", tag = "requests",
    params(("id" = i64, Path, description = "The request")),
    responses(
        (status = 200, description = "The request and its timeline", body = Detail),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such request for this member", body = ApiError),
    ))]
pub async fn detail(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    Path(id): Path<i64>,
) -> Result<Json<Detail>, AppError> {
    let keys = state.config.keys.clone();
    let detail = state
        .db
        .call(move |c| {
            let insured = member_of(c, &member)?;
            let Some(stored) = db::requests::one(c, &keys, insured, id)? else {
                return Ok(None);
            };
            Ok(Some(Detail {
                summary: summary(&stored, lang)?,
                fields: fields(&stored, lang)?,
                events: db::requests::events(c, id)?,
                attachments: db::attachments::of_request(c, id)?,
            }))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(detail))
}

/// Contests a reimbursement line (recours amiable): within 2 months of its payment or
/// rejection, with an explanation and up to 5 files uploaded first. Answers the new request.
#[utoipa::path(post, path = "/api/reimbursements/{id}/contest", tag = "requests",
    params(("id" = i64, Path, description = "The reimbursement line")),
    request_body = ContestRequest,
    responses(
        (status = 201, description = "Filed", body = Summary),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such line for this member", body = ApiError),
        (status = 422, description = "Too late, not decided, explanation or files refused (`fields`), or already contested (`already_contested`)", body = ApiError),
    ))]
pub async fn contest(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    Path(line_id): Path<i64>,
    JsonBody(request): JsonBody<ContestRequest>,
) -> Result<(StatusCode, Json<Summary>), AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let today = clock::paris_day(now);
    let filed = state
        .db
        .transaction(move |tx| {
            file_contest(tx, &keys, &member, line_id, &request, today, now, lang)
        })
        .await??;
    Ok((StatusCode::CREATED, Json(filed)))
}

#[allow(clippy::too_many_arguments)]
fn file_contest(
    tx: &Connection,
    keys: &Keys,
    member: &Member,
    line_id: i64,
    request: &ContestRequest,
    today: Date,
    now: time::OffsetDateTime,
    lang: Lang,
) -> Result<Result<Summary, AppError>, DbError> {
    let insured = member_of(tx, member)?;
    let people = db::reimbursements::visible_people(tx, insured, today)?;
    let Some(line) = db::reimbursements::one(tx, keys, insured, &people, line_id, lang)? else {
        return Ok(Err(AppError::NotFound));
    };
    let decided = requests::decided_on(&line.line);
    let problems = requests::check_contest(request, decided, today);
    if !problems.is_empty() {
        let error = problems.iter().fold(
            ApiError::new(
                "validation",
                match lang {
                    Lang::Fr => {
                        "Votre contestation n’a pas pu être déposée : voyez les champs signalés."
                    }
                    Lang::En => "Your contest could not be filed: see the fields marked.",
                },
            ),
            |e, p| e.with_field(p.field(), p.message(lang)),
        );
        return Ok(Err(AppError::Invalid(error)));
    }
    let mut unique = request.attachments.clone();
    unique.sort_unstable();
    unique.dedup();
    if unique.len() != request.attachments.len()
        || !db::attachments::all_free(tx, insured, &request.attachments)?
    {
        let summary = match lang {
            Lang::Fr => "Votre contestation n’a pas pu être déposée : voyez les champs signalés.",
            Lang::En => "Your contest could not be filed: see the fields marked.",
        };
        return Ok(Err(AppError::Invalid(ApiError::new("validation", summary).with_field(
            "attachments",
            match lang {
                Lang::Fr => "Un fichier joint n’a pas été retrouvé : retirez-le et joignez-le à nouveau.",
                Lang::En => "An attached file was not found: remove it and attach it again.",
            },
        ))));
    }
    if db::requests::open_contest_of(tx, keys, insured, line_id)?.is_some() {
        return Ok(Err(AppError::Invalid(ApiError::new(
            "already_contested",
            match lang {
                Lang::Fr => {
                    "Vous avez déjà contesté ce remboursement : suivez votre demande dans « Mes démarches »."
                }
                Lang::En => {
                    "You have already contested this reimbursement: follow it in “My requests”."
                }
            },
        ))));
    }
    let data = ContestData {
        line_id,
        act: line.line.act.clone(),
        care_date: line.line.care_date.clone(),
        reimbursed: line.line.reimbursed.0,
        reason: request.reason,
        explanation: request.explanation.trim().to_owned(),
    };
    let bytes = serde_json::to_vec(&data).map_err(|e| DbError::Data(e.to_string()))?;
    let expected = today.add_months(CONTEST_MONTHS);
    let stamp = clock::format(now);
    let id = db::requests::insert(
        tx,
        keys,
        insured,
        Some(line.beneficiary).filter(|b| *b != insured),
        Kind::Contest,
        &bytes,
        Some(&expected.to_string()),
        &first_message(expected, lang),
        &stamp,
    )?;
    if !db::attachments::join_to_request(tx, insured, &request.attachments, id)? {
        // Checked above; only a concurrent change gets here. The error rolls the filing back.
        return Err(DbError::Data("attachments changed while filing".to_owned()));
    }
    let stored = db::requests::one(tx, keys, insured, id)?
        .ok_or_else(|| DbError::Data("request just filed".to_owned()))?;
    Ok(Ok(summary(&stored, lang)?))
}

/// The first step's words: when the answer comes, and what silence means.
fn first_message(expected: Date, lang: Lang) -> String {
    let day = clock::day_words(expected, lang);
    match lang {
        Lang::Fr => format!(
            "Votre contestation est déposée. La commission de recours amiable de votre caisse vous \
             répondra au plus tard le {day}. Sans réponse à cette date, elle est considérée comme \
             rejetée : vous pourrez alors saisir le tribunal judiciaire dans les 2 mois."
        ),
        Lang::En => format!(
            "Your contest is filed. Your fund’s amicable appeals board will answer by {day} at the \
             latest. Without an answer by then it counts as rejected: you may then take it to the \
             court (tribunal judiciaire) within 2 months."
        ),
    }
}

fn member_of(c: &Connection, member: &Member) -> Result<MemberId, DbError> {
    db::accounts::member_of(c, member.account_id)
}

fn contest_data(stored: &db::requests::Stored) -> Result<ContestData, DbError> {
    serde_json::from_slice(&stored.data).map_err(|e| DbError::Data(e.to_string()))
}

pub(crate) fn summary(stored: &db::requests::Stored, lang: Lang) -> Result<Summary, DbError> {
    let title = match stored.kind {
        Kind::Contest => {
            let data = contest_data(stored)?;
            requests::contest_title(
                &data.act,
                &care_words(&data.care_date, lang),
                portail_shared::Cents(data.reimbursed),
                lang,
            )
        }
        Kind::BankDetails => crate::bank::request_words(&stored.data, lang)?.0,
        Kind::AddressChange => crate::address::request_words(&stored.data, lang)?.0,
        Kind::Ceam => crate::ceam::request_words(&stored.data, lang)?.0,
        Kind::TreatingDoctor => crate::doctor::request_words(&stored.data, lang)?.0,
        Kind::Css => crate::css::request_words(&stored.data, lang)?.0,
        Kind::FamilySituation => crate::situation::request_words(&stored.data, lang)?.0,
        Kind::ExceptionalAid => crate::aid::request_words(&stored.data, lang)?.0,
    };
    Ok(Summary {
        id: stored.id,
        kind: stored.kind,
        title,
        status: stored.status,
        created_at: stored.created_at.clone(),
        updated_at: stored.updated_at.clone(),
        expected_by: stored.expected_by.clone(),
    })
}

fn care_words(iso: &str, lang: Lang) -> String {
    Date::parse(iso).map_or_else(|| iso.to_owned(), |d| clock::day_words(d, lang))
}

pub(crate) fn fields(
    stored: &db::requests::Stored,
    lang: Lang,
) -> Result<Vec<(String, String)>, DbError> {
    let fr = lang == Lang::Fr;
    Ok(match stored.kind {
        Kind::Contest => {
            let data = contest_data(stored)?;
            vec![
                (
                    if fr { "Motif" } else { "Reason" }.to_owned(),
                    data.reason.label(lang).to_owned(),
                ),
                (
                    if fr {
                        "Votre explication"
                    } else {
                        "Your explanation"
                    }
                    .to_owned(),
                    data.explanation,
                ),
            ]
        }
        Kind::BankDetails => crate::bank::request_words(&stored.data, lang)?.1,
        Kind::AddressChange => crate::address::request_words(&stored.data, lang)?.1,
        Kind::Ceam => crate::ceam::request_words(&stored.data, lang)?.1,
        Kind::TreatingDoctor => crate::doctor::request_words(&stored.data, lang)?.1,
        Kind::Css => crate::css::request_words(&stored.data, lang)?.1,
        Kind::FamilySituation => crate::situation::request_words(&stored.data, lang)?.1,
        Kind::ExceptionalAid => crate::aid::request_words(&stored.data, lang)?.1,
    })
}

/// The refusal of files that are not the member's free uploads (or named twice): `None` when
/// every file can be joined.
pub(crate) fn files_problem(
    tx: &Connection,
    insured: MemberId,
    ids: &[i64],
    lang: Lang,
) -> Result<Option<AppError>, DbError> {
    let mut unique = ids.to_vec();
    unique.sort_unstable();
    unique.dedup();
    if unique.len() == ids.len() && db::attachments::all_free(tx, insured, ids)? {
        return Ok(None);
    }
    Ok(Some(AppError::Invalid(
        crate::error::validation(lang).with_field(
            "attachments",
            match lang {
                Lang::Fr => {
                    "Un fichier joint n’a pas été retrouvé\u{a0}: retirez-le et joignez-le à nouveau."
                }
                Lang::En => "An attached file was not found: remove it and attach it again.",
            },
        ),
    )))
}

/// What a new request stores and says first.
pub(crate) struct Filing<'a> {
    /// What is asked.
    pub kind: Kind,
    /// Who it is for, when not the insured.
    pub beneficiary: Option<MemberId>,
    /// The data (JSON), encrypted with the request.
    pub data: &'a [u8],
    /// The answer date promised.
    pub expected_by: Date,
    /// The first step's words.
    pub first_message: &'a str,
    /// The member's free uploads to join.
    pub attachments: &'a [i64],
}

/// Files a request with its files, checked first by [`files_problem`]; answers its summary.
pub(crate) fn file(
    tx: &Connection,
    keys: &Keys,
    insured: MemberId,
    filing: &Filing<'_>,
    now: time::OffsetDateTime,
    lang: Lang,
) -> Result<Summary, DbError> {
    let id = db::requests::insert(
        tx,
        keys,
        insured,
        filing.beneficiary,
        filing.kind,
        filing.data,
        Some(&filing.expected_by.to_string()),
        filing.first_message,
        &clock::format(now),
    )?;
    if !db::attachments::join_to_request(tx, insured, filing.attachments, id)? {
        // Checked before; only a concurrent change gets here. The error rolls the filing back.
        return Err(DbError::Data("attachments changed while filing".to_owned()));
    }
    let stored = db::requests::one(tx, keys, insured, id)?
        .ok_or_else(|| DbError::Data("request just filed".to_owned()))?;
    summary(&stored, lang)
}

/// A labelled value of a request's fields, in the member's language.
pub(crate) fn field(lang: Lang, fr: &str, en: &str, value: String) -> (String, String) {
    (if lang == Lang::Fr { fr } else { en }.to_owned(), value)
}

/// A validation refusal listing each problem next to its field.
pub(crate) fn invalid<P>(
    problems: &[P],
    lang: Lang,
    field: impl Fn(&P) -> String,
    message: impl Fn(&P) -> String,
) -> AppError {
    AppError::Invalid(
        problems
            .iter()
            .fold(crate::error::validation(lang), |e, p| {
                e.with_field(field(p), message(p))
            }),
    )
}
