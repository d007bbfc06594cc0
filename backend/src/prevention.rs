//! Personalised prevention (`/prevention`): for the member and each minor dependant, the
//! programmes recommended by age, sex, pregnancy and ALD, with where each stands from the
//! reimbursement history and the dates declared "done elsewhere".
//!
//! The rules are `portail_shared::prevention`; declarations and pregnancies are
//! `db::prevention`. A reimbursement line proves a test when its act words (the act and the
//! act label the fund received, kept in the line's specialty) name it. Anyone outside the
//! household answers 404.

use axum::{Json, extract::State};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::prevention::{
    self, DoneElsewhere, DoneProblem, PreventionHousehold, PreventionPerson, Profile, Proof, Test,
};
use portail_shared::reimbursements::Date;
use rusqlite::Connection;

use crate::crypto::Keys;
use crate::db::reimbursements::Visible;
use crate::db::{self, DbError, members::MemberId};
use crate::error::{JsonBody, RequestLang, validation};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// Years of reimbursements read for proofs (the longest interval, the HPV test, is 5 years).
const PROOF_YEARS: i32 = 6;

/// The member and each minor dependant, with the programmes recommended for them.
#[utoipa::path(get, path = "/api/prevention", tag = "prevention",
    responses(
        (status = 200, description = "The member and their minor dependants, with their programmes", body = PreventionHousehold),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<PreventionHousehold>, AppError> {
    let keys = state.config.keys.clone();
    let today = clock::paris_day(state.clock.now());
    let household = state
        .db
        .call(move |c| household(c, &keys, &member, today))
        .await?;
    Ok(Json(household))
}

/// Records that one person of the household did a programme elsewhere on a day (not in the
/// future, not before their birth), and answers that person's programmes updated.
#[utoipa::path(post, path = "/api/prevention/done", tag = "prevention",
    request_body = DoneElsewhere,
    responses(
        (status = 200, description = "Recorded; the person's programmes", body = PreventionPerson),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "Not the member nor one of their minor dependants", body = ApiError),
        (status = 422, description = "A field is wrong (`fields.done_on`, `fields.programme`)", body = ApiError),
    ))]
pub async fn done(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<DoneElsewhere>,
) -> Result<Json<PreventionPerson>, AppError> {
    let keys = state.config.keys.clone();
    let today = clock::paris_day(state.clock.now());
    let person = state
        .db
        .transaction(move |tx| declare(tx, &keys, &member, &request, today, lang))
        .await??;
    Ok(Json(person))
}

/// The household's programmes as `GET /api/prevention` answers them (also read by "À faire" on
/// the home).
pub(crate) fn household(
    c: &Connection,
    keys: &Keys,
    member: &Member,
    today: Date,
) -> Result<PreventionHousehold, DbError> {
    let (insured, visible) = crate::reimbursements::household(c, member, today)?;
    let proofs = history_proofs(c, keys, insured, &visible, today)?;
    let mut people = Vec::new();
    for person in &visible {
        if let Some(p) = person_view(c, keys, person, &proofs, today)? {
            people.push(p);
        }
    }
    Ok(PreventionHousehold {
        today: today.to_string(),
        people,
    })
}

fn declare(
    tx: &Connection,
    keys: &Keys,
    member: &Member,
    request: &DoneElsewhere,
    today: Date,
    lang: Lang,
) -> Result<Result<PreventionPerson, AppError>, DbError> {
    let (insured, visible) = crate::reimbursements::household(tx, member, today)?;
    let Some(person) = visible.iter().find(|p| p.member.0 == request.person) else {
        return Ok(Err(AppError::NotFound));
    };
    let Some(profile) = profile(tx, keys, person.member, today)? else {
        return Ok(Err(AppError::NotFound));
    };
    let mut problems = Vec::new();
    if prevention::applies(request.programme, &profile, today).is_none() {
        problems.push(DoneProblem::NotRecommended);
    }
    let day = prevention::check_done_on(&request.done_on, profile.birth, today)
        .map_err(|p| problems.push(p))
        .ok();
    let Some(day) = day.filter(|_| problems.is_empty()) else {
        let error = problems.iter().fold(validation(lang), |e, p| {
            e.with_field(p.field(), p.message(lang))
        });
        return Ok(Err(AppError::Invalid(error)));
    };
    db::prevention::declare(tx, person.member, request.programme.code(), day)?;
    let proofs = history_proofs(tx, keys, insured, std::slice::from_ref(person), today)?;
    let view = person_view(tx, keys, person, &proofs, today)?;
    Ok(view.ok_or(AppError::NotFound))
}

/// What the rules need to know about someone, from the roll, the ALD exonerations and the
/// pregnancies.
fn profile(
    c: &Connection,
    keys: &Keys,
    member: MemberId,
    today: Date,
) -> Result<Option<Profile>, DbError> {
    let Some(facts) = db::attestations::facts(c, keys, member)? else {
        return Ok(None);
    };
    let Some(birth) = Date::parse(&facts.birth_date) else {
        return Ok(None);
    };
    let ald = facts.exonerations.iter().any(|e| {
        Date::parse(&e.starts_on).is_some_and(|from| from <= today)
            && e.ends_on
                .as_deref()
                .and_then(Date::parse)
                .is_none_or(|until| until >= today)
    });
    Ok(Some(Profile {
        birth,
        woman: facts.sex == "F",
        pregnant: db::prevention::pregnant_on(c, member, today)?,
        ald,
    }))
}

/// The tests the reimbursement lines of `people` prove, by person.
fn history_proofs(
    c: &Connection,
    keys: &Keys,
    insured: MemberId,
    people: &[Visible],
    today: Date,
) -> Result<Vec<(MemberId, Proof)>, DbError> {
    let from = today.add_months(-12 * PROOF_YEARS);
    let lines = db::reimbursements::list(c, keys, insured, people, (from, today), Lang::Fr)?;
    let mut proofs = Vec::new();
    for line in lines {
        let Some(person) = people.iter().find(|p| p.rank == line.beneficiary) else {
            continue;
        };
        let Some(test) = Test::of_label(&format!("{} {}", line.act, line.specialty)) else {
            continue;
        };
        let Some(on) = Date::parse(&line.care_date) else {
            continue;
        };
        proofs.push((
            person.member,
            Proof {
                on,
                test,
                act: Some(line.specialty.clone()),
            },
        ));
    }
    Ok(proofs)
}

fn person_view(
    c: &Connection,
    keys: &Keys,
    person: &Visible,
    history: &[(MemberId, Proof)],
    today: Date,
) -> Result<Option<PreventionPerson>, DbError> {
    let Some(facts) = db::attestations::facts(c, keys, person.member)? else {
        return Ok(None);
    };
    let Some(profile) = profile(c, keys, person.member, today)? else {
        return Ok(None);
    };
    let mut proofs: Vec<Proof> = history
        .iter()
        .filter(|(who, _)| *who == person.member)
        .map(|(_, p)| p.clone())
        .collect();
    for (code, on) in db::prevention::declared(c, person.member)? {
        if let Some(programme) = prevention::Programme::parse(&code) {
            proofs.push(Proof {
                on,
                test: Test::declared(programme, profile.birth, on),
                act: None,
            });
        }
    }
    Ok(Some(PreventionPerson {
        id: person.member.0,
        name: format!("{} {}", facts.given_names, facts.family_name),
        rank: person.rank,
        birth_date: facts.birth_date,
        programmes: prevention::recommendations(&profile, &proofs, today),
    }))
}
