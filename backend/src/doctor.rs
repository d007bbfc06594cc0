//! Médecin traitant: the household's declared doctors, the directory search, and declaring a
//! new one. A declaration is a request (démarche) completed when the doctor confirms it or an
//! agent records it ([`complete`]); until then the current doctor stays declared.
//!
//! Rules are `portail_shared::doctor`; the directory and declarations are
//! `db::professionals`. A member declares for themselves and their minor dependants only;
//! anyone else answers 404.

use axum::{
    Json,
    extract::{Query, State},
    http::StatusCode,
};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::doctor::{
    self, Declaration, Declared, Person, Professional, SEARCH_LIMIT, Search,
};
use portail_shared::reimbursements::Date;
use portail_shared::requests::{CHANGE_MONTHS, Kind, Status, Summary};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::db::requests::Author;
use crate::db::{self, DbError, members::MemberId};
use crate::error::{JsonBody, RequestLang, validation};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// What a declaration stores (encrypted with the request).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct DoctorRequestData {
    /// Who the doctor is declared for.
    pub person: i64,
    /// Their name.
    pub person_name: String,
    /// The doctor's directory id.
    pub doctor: i64,
    /// "Dr Élise Faure, Médecine générale, Lyon".
    pub doctor_words: String,
    /// A 16-17-year-old chose, with the parent's agreement.
    pub teen_chose: bool,
}

/// The household and each person's médecin traitant.
#[utoipa::path(get, path = "/api/doctor", tag = "doctor",
    responses(
        (status = 200, description = "The member, then their minor dependants", body = [Person]),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<Vec<Person>>, AppError> {
    let today = clock::paris_day(state.clock.now());
    let people = state
        .db
        .call(move |c| {
            let (insured, visible) = crate::reimbursements::household(c, &member, today)?;
            let mut people = Vec::new();
            for person in visible {
                let Some(birth) = Date::parse(&person.birth_date) else {
                    continue;
                };
                let full = db::members::full_name(c, person.member)?.unwrap_or(person.name);
                people.push(Person {
                    id: person.member.0,
                    name: full,
                    rank: person.rank,
                    declarant: doctor::declarant(birth, today),
                    declared: db::professionals::treating_doctor(c, person.member)?.map(
                        |(p, since)| Declared {
                            doctor: shown(&p),
                            since,
                        },
                    ),
                    pending: db::requests::open_for(
                        c,
                        insured,
                        Kind::TreatingDoctor,
                        person.member,
                    )?,
                });
            }
            Ok::<_, DbError>(people)
        })
        .await?;
    Ok(Json(people))
}

fn shown(p: &db::professionals::Professional) -> Professional {
    Professional {
        id: p.id,
        name: format!("Dr {} {}", p.given_name, p.family_name),
        specialty: p.specialty.clone(),
        sector: p.sector,
        address: p.address_line.clone(),
        postal_code: p.postal_code.clone(),
        city: p.city.clone(),
        phone: p.phone.clone(),
    }
}

/// Doctors of the directory by the start of their family name and/or town, and a specialty.
#[utoipa::path(get, path = "/api/professionals", tag = "doctor",
    params(Search),
    responses(
        (status = 200, description = "At most 20 doctors, by name", body = [Professional]),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "Too short, or an unknown specialty (`fields`)", body = ApiError),
    ))]
pub async fn search(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    _member: Member,
    Query(search): Query<Search>,
) -> Result<Json<Vec<Professional>>, AppError> {
    if let Err(problem) = doctor::check_search(&search) {
        return Err(AppError::Invalid(
            validation(lang).with_field(problem.field(), problem.message(lang)),
        ));
    }
    let found = state
        .db
        .call(move |c| {
            let specialty = Some(search.specialty.as_str()).filter(|s| !s.is_empty());
            db::professionals::search(
                c,
                search.name.trim(),
                search.city.trim(),
                specialty,
                SEARCH_LIMIT,
            )
        })
        .await?;
    Ok(Json(found.iter().map(shown).collect()))
}

/// Declares a médecin traitant for the member or one of their minor dependants: a request the
/// doctor's confirmation or an agent completes. One pending declaration per person.
#[utoipa::path(post, path = "/api/doctor", tag = "doctor",
    request_body = Declaration,
    responses(
        (status = 201, description = "Filed", body = Summary),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "Not the member nor one of their minor dependants", body = ApiError),
        (status = 422, description = "A field refused (`fields`), already this doctor (`already_declared`) or a declaration pending (`already_pending`)", body = ApiError),
    ))]
pub async fn declare(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(declaration): JsonBody<Declaration>,
) -> Result<(StatusCode, Json<Summary>), AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let filed = state
        .db
        .transaction(move |tx| file(tx, &keys, &member, &declaration, now, lang))
        .await??;
    Ok((StatusCode::CREATED, Json(filed)))
}

fn file(
    tx: &Connection,
    keys: &Keys,
    member: &Member,
    declaration: &Declaration,
    now: time::OffsetDateTime,
    lang: Lang,
) -> Result<Result<Summary, AppError>, DbError> {
    let today = clock::paris_day(now);
    let (insured, visible) = crate::reimbursements::household(tx, member, today)?;
    let Some(person) = visible.iter().find(|p| p.member.0 == declaration.person) else {
        return Ok(Err(AppError::NotFound));
    };
    let Some(birth) = Date::parse(&person.birth_date) else {
        return Err(DbError::Data(format!("birth date {}", person.birth_date)));
    };
    let declarant = doctor::declarant(birth, today);
    let mut problems = doctor::check(declaration, declarant);
    let chosen = if declaration.doctor > 0 {
        db::professionals::one(tx, declaration.doctor)?
    } else {
        None
    };
    if chosen.is_none() && !problems.contains(&doctor::Problem::NoDoctor) {
        problems.insert(0, doctor::Problem::NoDoctor);
    }
    let Some(chosen) = chosen.filter(|_| problems.is_empty()) else {
        let error = problems.iter().fold(validation(lang), |e, p| {
            e.with_field(p.field(), p.message(lang))
        });
        return Ok(Err(AppError::Invalid(error)));
    };
    if let Some((current, _)) = db::professionals::treating_doctor(tx, person.member)?
        && current.id == chosen.id
    {
        return Ok(Err(AppError::Invalid(ApiError::new(
            "already_declared",
            match lang {
                Lang::Fr => {
                    "Ce médecin est déjà le médecin traitant déclaré : il n’y a rien à changer."
                }
                Lang::En => {
                    "This doctor is already the declared regular doctor: nothing to change."
                }
            },
        ))));
    }
    if db::requests::open_for(tx, insured, Kind::TreatingDoctor, person.member)?.is_some() {
        return Ok(Err(AppError::Invalid(ApiError::new(
            "already_pending",
            match lang {
                Lang::Fr => {
                    "Une déclaration de médecin traitant est déjà en cours pour cette personne : suivez-la dans « Mes démarches »."
                }
                Lang::En => {
                    "A declaration of a regular doctor is already being processed for this person: follow it in “My requests”."
                }
            },
        ))));
    }
    let doctor = shown(&chosen);
    let full_name =
        db::members::full_name(tx, person.member)?.unwrap_or_else(|| person.name.clone());
    let data = DoctorRequestData {
        person: person.member.0,
        person_name: full_name,
        doctor: chosen.id,
        doctor_words: format!("{}, {}, {}", doctor.name, doctor.specialty, doctor.city),
        teen_chose: declaration.teen_chose,
    };
    let bytes = serde_json::to_vec(&data).map_err(|e| DbError::Data(e.to_string()))?;
    let expected = today.add_months(CHANGE_MONTHS);
    let id = db::requests::insert(
        tx,
        keys,
        insured,
        Some(person.member).filter(|p| *p != insured),
        Kind::TreatingDoctor,
        &bytes,
        Some(&expected.to_string()),
        &first_message(&doctor.name, expected, lang),
        &clock::format(now),
    )?;
    let stored = db::requests::one(tx, keys, insured, id)?
        .ok_or_else(|| DbError::Data("request just filed".to_owned()))?;
    Ok(Ok(crate::requests::summary(&stored, lang)?))
}

fn first_message(doctor: &str, expected: Date, lang: Lang) -> String {
    let day = clock::day_words(expected, lang);
    match lang {
        Lang::Fr => format!(
            "Votre déclaration est transmise. Elle sera enregistrée dès que le {doctor} l’aura \
             confirmée, ou par votre caisse, au plus tard le {day}. D’ici là, votre médecin \
             traitant actuel reste déclaré."
        ),
        Lang::En => format!(
            "Your declaration has been sent. It will be recorded as soon as {doctor} confirms it, \
             or by your fund, by {day} at the latest. Until then your current regular doctor \
             stays declared."
        ),
    }
}

/// A declaration's title and fields on the request's page.
pub(crate) fn request_words(
    data: &[u8],
    lang: Lang,
) -> Result<(String, Vec<(String, String)>), DbError> {
    let data: DoctorRequestData =
        serde_json::from_slice(data).map_err(|e| DbError::Data(e.to_string()))?;
    let fr = lang == Lang::Fr;
    let title = if fr {
        format!("{} pour {}", data.doctor_words, data.person_name)
    } else {
        format!("{} for {}", data.doctor_words, data.person_name)
    };
    let mut fields = vec![
        (if fr { "Pour" } else { "For" }.to_owned(), data.person_name),
        (
            if fr {
                "Médecin choisi"
            } else {
                "Doctor chosen"
            }
            .to_owned(),
            data.doctor_words,
        ),
    ];
    if data.teen_chose {
        fields.push((
            if fr {
                "Choix de l’adolescent"
            } else {
                "Teenager’s choice"
            }
            .to_owned(),
            if fr {
                "Confirmé, avec l’accord du parent"
            } else {
                "Confirmed, with the parent’s agreement"
            }
            .to_owned(),
        ));
    }
    Ok((title, fields))
}

/// Records a pending declaration (the doctor confirmed it, or an agent did): the doctor becomes
/// the person's médecin traitant from `today` and the request is completed, in one transaction
/// with the caller's. `false` when the request is not an open declaration.
pub fn complete(
    tx: &Connection,
    keys: &Keys,
    request: i64,
    author: Author,
    today: Date,
    now: &str,
) -> Result<bool, DbError> {
    let Some(member) = db::requests::owner(tx, request)? else {
        return Ok(false);
    };
    let Some(stored) = db::requests::one(tx, keys, member, request)? else {
        return Ok(false);
    };
    if stored.kind != Kind::TreatingDoctor || stored.status.is_final() {
        return Ok(false);
    }
    let data: DoctorRequestData =
        serde_json::from_slice(&stored.data).map_err(|e| DbError::Data(e.to_string()))?;
    db::professionals::declare(tx, MemberId(data.person), data.doctor, &today.to_string())?;
    db::requests::add_event(
        tx,
        request,
        Status::Completed,
        &format!(
            "Déclaration enregistrée : {} est le médecin traitant de {} depuis le {}.",
            data.doctor_words,
            data.person_name,
            clock::day_words(today, Lang::Fr)
        ),
        author,
        false,
        now,
    )?;
    Ok(true)
}
