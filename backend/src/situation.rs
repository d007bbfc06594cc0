//! A change of family situation (marriage, PACS, separation, birth, death of a spouse), dated
//! and with its supporting documents: a request in "Mes démarches" that an agent checks before
//! the roll changes. The rules are `portail_shared::situation`.

use axum::{Json, extract::State, http::StatusCode};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::reimbursements::Date;
use portail_shared::requests::{CHANGE_MONTHS, Kind, Summary};
use portail_shared::situation::{self, Event, SituationChange};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::db::{DbError, accounts};
use crate::error::{JsonBody, RequestLang};
use crate::requests::{Filing, field, files_problem, invalid};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// What a declaration stores (encrypted with the request).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SituationData {
    event: Event,
    date: String,
    person: String,
    both_parents: bool,
    comment: String,
}

/// Declares a change of family situation: what happened, when (today at the latest, 5 years
/// back at most), the other person, and 1 to 5 supporting documents uploaded first.
#[utoipa::path(post, path = "/api/situation", tag = "requests",
    request_body = SituationChange,
    responses(
        (status = 201, description = "Filed", body = Summary),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "A field is wrong (`fields`)", body = ApiError),
    ))]
pub async fn declare(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(change): JsonBody<SituationChange>,
) -> Result<(StatusCode, Json<Summary>), AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let filed = state
        .db
        .transaction(move |tx| file(tx, &keys, &member, &change, now, lang))
        .await??;
    Ok((StatusCode::CREATED, Json(filed)))
}

fn file(
    tx: &Connection,
    keys: &Keys,
    member: &Member,
    change: &SituationChange,
    now: time::OffsetDateTime,
    lang: Lang,
) -> Result<Result<Summary, AppError>, DbError> {
    let today = clock::paris_day(now);
    let insured = accounts::member_of(tx, member.account_id)?;
    let (event, date) = match situation::check(change, today) {
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
    if let Some(refusal) = files_problem(tx, insured, &change.attachments, lang)? {
        return Ok(Err(refusal));
    }
    let data = SituationData {
        event,
        date: date.to_string(),
        person: change.person.trim().to_owned(),
        both_parents: event == Event::Birth && change.both_parents,
        comment: change.comment.trim().to_owned(),
    };
    let bytes = serde_json::to_vec(&data).map_err(|e| DbError::Data(e.to_string()))?;
    let expected = today.add_months(CHANGE_MONTHS);
    let day = clock::day_words(expected, lang);
    let first = match lang {
        Lang::Fr => format!(
            "Votre déclaration est enregistrée. Votre caisse vérifie les justificatifs et met votre dossier à jour au plus tard le {day}."
        ),
        Lang::En => format!(
            "Your declaration is recorded. Your fund checks the documents and updates your file by {day} at the latest."
        ),
    };
    Ok(Ok(crate::requests::file(
        tx,
        keys,
        insured,
        &Filing {
            kind: Kind::FamilySituation,
            beneficiary: None,
            data: &bytes,
            expected_by: expected,
            first_message: &first,
            attachments: &change.attachments,
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
    let data: SituationData =
        serde_json::from_slice(data).map_err(|e| DbError::Data(e.to_string()))?;
    let fr = lang == Lang::Fr;
    let day =
        Date::parse(&data.date).map_or_else(|| data.date.clone(), |d| clock::day_words(d, lang));
    let title = if fr {
        format!("{} le {day}", data.event.label(lang))
    } else {
        format!("{} on {day}", data.event.label(lang))
    };
    let mut fields = vec![
        field(
            lang,
            "Événement",
            "Event",
            data.event.label(lang).to_owned(),
        ),
        field(lang, "Date", "Date", day),
        field(
            lang,
            if data.event == Event::Birth {
                "Enfant"
            } else {
                "Conjoint ou partenaire"
            },
            if data.event == Event::Birth {
                "Child"
            } else {
                "Spouse or partner"
            },
            data.person,
        ),
    ];
    if data.event == Event::Birth {
        fields.push(field(
            lang,
            "Rattachement",
            "Attached to",
            match (fr, data.both_parents) {
                (true, true) => "Aux deux parents",
                (true, false) => "À vous seulement",
                (false, true) => "Both parents",
                (false, false) => "You only",
            }
            .to_owned(),
        ));
    }
    if !data.comment.is_empty() {
        fields.push(field(lang, "Commentaire", "Comment", data.comment));
    }
    Ok((title, fields))
}
