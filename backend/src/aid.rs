//! Exceptional financial aid (action sanitaire et sociale): the reason, the amounts and a quote
//! or invoice; a request in "Mes démarches" that the fund's social commission examines. The
//! rules are `portail_shared::aid`.

use axum::{Json, extract::State, http::StatusCode};
use portail_shared::aid::{self, AidRequest, Amounts, Reason};
use portail_shared::api::ApiError;
use portail_shared::requests::{Kind, Summary};
use portail_shared::{Cents, Lang};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::db::{DbError, accounts};
use crate::error::{JsonBody, RequestLang};
use crate::requests::{Filing, field, files_problem, invalid};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// What an application stores (encrypted with the request).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct AidData {
    reason: Reason,
    explanation: String,
    amounts: Amounts,
}

/// Applies for exceptional financial aid: why, what the expense costs, what is already
/// covered, what is asked (at most what remains to pay), the household's monthly resources,
/// and 1 to 5 documents (a quote or an invoice).
#[utoipa::path(post, path = "/api/aid", tag = "requests",
    request_body = AidRequest,
    responses(
        (status = 201, description = "Filed", body = Summary),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "A field is wrong (`fields`)", body = ApiError),
    ))]
pub async fn apply(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<AidRequest>,
) -> Result<(StatusCode, Json<Summary>), AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let filed = state
        .db
        .transaction(move |tx| file(tx, &keys, &member, &request, now, lang))
        .await??;
    Ok((StatusCode::CREATED, Json(filed)))
}

fn file(
    tx: &Connection,
    keys: &Keys,
    member: &Member,
    request: &AidRequest,
    now: time::OffsetDateTime,
    lang: Lang,
) -> Result<Result<Summary, AppError>, DbError> {
    let today = clock::paris_day(now);
    let insured = accounts::member_of(tx, member.account_id)?;
    let (reason, amounts) = match aid::check(request) {
        Ok(checked) => checked,
        Err(problems) => {
            return Ok(Err(invalid(
                &problems,
                lang,
                |p| p.field().to_owned(),
                |p| p.message(lang).to_owned(),
            )));
        }
    };
    if let Some(refusal) = files_problem(tx, insured, &request.attachments, lang)? {
        return Ok(Err(refusal));
    }
    let data = AidData {
        reason,
        explanation: request.explanation.trim().to_owned(),
        amounts,
    };
    let bytes = serde_json::to_vec(&data).map_err(|e| DbError::Data(e.to_string()))?;
    let expected = today.add_months(aid::DECISION_MONTHS);
    let day = clock::day_words(expected, lang);
    let first = match lang {
        Lang::Fr => format!(
            "Votre demande d’aide est déposée. La commission d’action sanitaire et sociale de votre caisse l’examine et vous répond au plus tard le {day}."
        ),
        Lang::En => format!(
            "Your application for aid is filed. Your fund’s health and social action board examines it and answers by {day} at the latest."
        ),
    };
    Ok(Ok(crate::requests::file(
        tx,
        keys,
        insured,
        &Filing {
            kind: Kind::ExceptionalAid,
            beneficiary: None,
            data: &bytes,
            expected_by: expected,
            first_message: &first,
            attachments: &request.attachments,
        },
        now,
        lang,
    )?))
}

/// The request's title and fields in "Mes démarches" (and for the agent).
pub(crate) fn request_words(
    data: &[u8],
    lang: Lang,
) -> Result<(String, Vec<(String, String)>), DbError> {
    let data: AidData = serde_json::from_slice(data).map_err(|e| DbError::Data(e.to_string()))?;
    let a = data.amounts;
    let money = |c: Cents| c.format(lang);
    let title = match lang {
        Lang::Fr => format!(
            "{}\u{a0}: {} demandés",
            data.reason.label(lang),
            money(a.requested)
        ),
        Lang::En => format!("{}: {} asked", data.reason.label(lang), money(a.requested)),
    };
    Ok((
        title,
        vec![
            field(lang, "Raison", "Reason", data.reason.label(lang).to_owned()),
            field(
                lang,
                "Situation et dépense",
                "Situation and expense",
                data.explanation,
            ),
            field(
                lang,
                "Coût de la dépense",
                "Cost of the expense",
                money(a.total),
            ),
            field(
                lang,
                "Déjà pris en charge",
                "Already covered",
                money(a.covered),
            ),
            field(lang, "Reste à charge", "Left to pay", money(a.remaining())),
            field(lang, "Montant demandé", "Amount asked", money(a.requested)),
            field(
                lang,
                "Ressources mensuelles du foyer",
                "Household's monthly resources",
                money(a.monthly_resources),
            ),
        ],
    ))
}
