//! "Mes paiements": a member's reimbursements and their minor dependants', filtered, summed,
//! explained and exported.

use axum::{
    Json,
    extract::{Path, Query, State, rejection::QueryRejection},
    http::header,
    response::{IntoResponse, Response},
};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::reimbursements::history::{
    self, Counter, Detail, Filter, HELD_MONTHS, History, Line,
};
use portail_shared::reimbursements::simulator::{self, Simulation, SimulationRequest};
use portail_shared::reimbursements::{Amount, Date, tariffs_on};
use rusqlite::Connection;

use crate::crypto::Keys;
use crate::db::{self, DbError, reimbursements::Visible};
use crate::error::{JsonBody, RequestLang};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// The lines of a period, newest payment first, with totals, months and this year's counters.
#[utoipa::path(get, path = "/api/reimbursements", tag = "reimbursements",
    params(Filter),
    responses(
        (status = 200, description = "The period's lines and sums", body = History),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "Unreadable or reversed dates (`fields.from`, `fields.to`)", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    filter: Result<Query<Filter>, QueryRejection>,
) -> Result<Json<History>, AppError> {
    let history = load(&state, member, filter, lang).await?;
    Ok(Json(history))
}

/// The same lines as a spreadsheet file (CSV: UTF-8 with BOM, `;`, decimal commas).
#[utoipa::path(get, path = "/api/reimbursements.csv", tag = "reimbursements",
    params(Filter),
    responses(
        (status = 200, description = "The filtered lines", content_type = "text/csv"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "Unreadable or reversed dates", body = ApiError),
    ))]
pub async fn export(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    filter: Result<Query<Filter>, QueryRejection>,
) -> Result<Response, AppError> {
    let history = load(&state, member, filter, lang).await?;
    let name = match lang {
        Lang::Fr => "remboursements",
        Lang::En => "reimbursements",
    };
    let disposition = format!(
        "attachment; filename=\"{name}-{}-{}.csv\"",
        history.from, history.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        history::to_csv(&history.lines, lang),
    )
        .into_response())
}

/// One line with how it was computed. Another member's line answers 404, like a missing one.
#[utoipa::path(get, path = "/api/reimbursements/{id}", tag = "reimbursements",
    params(("id" = i64, Path, description = "The line")),
    responses(
        (status = 200, description = "The line and its computation in words", body = Detail),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 404, description = "No such line for this member", body = ApiError),
    ))]
pub async fn detail(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    Path(id): Path<i64>,
) -> Result<Json<Detail>, AppError> {
    let keys = state.config.keys.clone();
    let today = clock::paris_day(state.clock.now());
    let stored = state
        .db
        .call(move |c| {
            let (insured, people) = household(c, &member, today)?;
            db::reimbursements::one(c, &keys, insured, &people, id, lang)
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let explanation = history::explain_line(
        &stored.line,
        stored.exemption(),
        portail_shared::Cents(stored.detail.hospital_daily_charge),
        lang,
    );
    Ok(Json(Detail {
        line: stored.line,
        explanation,
    }))
}

/// The member's history for the filter of the request's query.
async fn load(
    state: &AppState,
    member: Member,
    filter: Result<Query<Filter>, QueryRejection>,
    lang: Lang,
) -> Result<History, AppError> {
    let filter = read_filter(filter, lang)?;
    let keys = state.config.keys.clone();
    let today = clock::paris_day(state.clock.now());
    state
        .db
        .call(move |c| history_of(c, &keys, &member, &filter, today, lang))
        .await?
}

fn read_filter(
    filter: Result<Query<Filter>, QueryRejection>,
    lang: Lang,
) -> Result<Filter, AppError> {
    filter.map(|Query(f)| f).map_err(|_| {
        AppError::Invalid(ApiError::new(
            "invalid_filter",
            match lang {
                Lang::Fr => {
                    "Ces critères de recherche ne sont pas compris\u{a0}: effacez-les et recommencez."
                }
                Lang::En => "These search criteria were not understood: clear them and try again.",
            },
        ))
    })
}

/// The member on the roll behind a session, and the people whose lines they see.
pub fn household(
    c: &Connection,
    member: &Member,
    today: Date,
) -> Result<(db::members::MemberId, Vec<Visible>), DbError> {
    let insured = db::accounts::member_of(c, member.account_id)?;
    let people = db::reimbursements::visible_people(c, insured, today)?;
    Ok((insured, people))
}

fn history_of(
    c: &Connection,
    keys: &Keys,
    member: &Member,
    filter: &Filter,
    today: Date,
    lang: Lang,
) -> Result<Result<History, AppError>, DbError> {
    let (insured, people) = household(c, member, today)?;
    let at_least = today.add_months(-(HELD_MONTHS as i32));
    let held = db::reimbursements::held_from(c, insured, &people)?
        .map_or(at_least, |oldest| oldest.min(at_least));
    let Some(period) = filter.period(today, held) else {
        return Ok(Err(bad_period(filter, lang)));
    };
    let mut lines: Vec<Line> = db::reimbursements::list(c, keys, insured, &people, period, lang)?;
    lines.retain(|l| filter.keeps(l));
    let t = tariffs_on(today);
    let mut counters = Vec::new();
    for person in &people {
        let (participation, franchise) =
            db::reimbursements::deductions_in(c, person.member, today.year())?;
        counters.push(Counter {
            person: portail_shared::reimbursements::history::Person {
                rank: person.rank,
                name: person.name.clone(),
            },
            year: today.year(),
            participation,
            participation_cap: t.amount(Amount::ParticipationYearlyCap),
            franchise,
            franchise_cap: t.amount(Amount::FranchiseYearlyCap),
        });
    }
    Ok(Ok(History {
        from: period.0.to_string(),
        to: period.1.to_string(),
        held_from: held.to_string(),
        people: db::reimbursements::persons(&people),
        totals: history::totals(&lines),
        months: history::months(&lines, period.0, period.1),
        counters,
        lines,
    }))
}

/// Which date is wrong, next to its field.
fn bad_period(filter: &Filter, lang: Lang) -> AppError {
    let fr = lang == Lang::Fr;
    let unreadable = if fr {
        "Saisissez une date valide, par exemple 01/03/2025."
    } else {
        "Enter a valid date, for example 01/03/2025."
    };
    let mut error = ApiError::new(
        "invalid_period",
        if fr {
            "La période demandée n’est pas valide."
        } else {
            "The period asked for is not valid."
        },
    );
    let readable = |d: &Option<String>| d.as_deref().is_none_or(|d| Date::parse(d).is_some());
    if !readable(&filter.from) {
        error = error.with_field("from", unreadable);
    }
    if !readable(&filter.to) {
        error = error.with_field("to", unreadable);
    }
    if readable(&filter.from) && readable(&filter.to) {
        error = error.with_field(
            "to",
            if fr {
                "La date de fin doit être après la date de début."
            } else {
                "The end date must be after the start date."
            },
        );
    }
    AppError::Invalid(error)
}

/// "How much will I be reimbursed?": a planned doctor's visit computed by the payment rules.
/// Open to everyone; nothing is stored.
#[utoipa::path(post, path = "/api/reimbursements/simulate", tag = "reimbursements",
    request_body = SimulationRequest,
    responses(
        (status = 200, description = "What the visit would cost and bring back", body = Simulation),
        (status = 422, description = "Unusable age or price (`fields.age`, `fields.price`)", body = ApiError),
    ))]
pub async fn simulate(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<SimulationRequest>,
) -> Result<Json<Simulation>, AppError> {
    let today = clock::paris_day(state.clock.now());
    simulator::simulate(&request, today, lang)
        .map(Json)
        .map_err(|problems| {
            let summary = match lang {
                Lang::Fr => "Vérifiez les champs signalés.",
                Lang::En => "Check the fields marked.",
            };
            AppError::Invalid(
                problems
                    .iter()
                    .fold(ApiError::new("validation", summary), |error, p| {
                        error.with_field(p.field(), p.message(lang))
                    }),
            )
        })
}

/// Queues one "information de paiement" e-mail per new payment (lines paid together make one
/// payment) to insured members who keep these e-mails on; returns how many were queued. Called
/// in the transaction that stores the lines, so a notice exists only for stored payments.
pub fn notify_new_payments(
    c: &Connection,
    public_origin: &str,
    stored: &[&db::reimbursements::NewLine],
    now: time::OffsetDateTime,
) -> Result<u32, DbError> {
    let mut seen = std::collections::BTreeSet::new();
    let mut queued = 0;
    for line in stored {
        let (Some(reference), Some(paid_on)) = (&line.payment_ref, line.payment_date) else {
            continue;
        };
        if !seen.insert((line.insured.0, reference.clone())) {
            continue;
        }
        let Some((to, lang, given)) = db::accounts::payment_notice_recipient(c, line.insured)?
        else {
            continue;
        };
        let link = format!("{}/remboursements", public_origin.trim_end_matches('/'));
        crate::mail::payment_information(
            c,
            &to,
            lang,
            &given,
            &clock::day_words(paid_on, lang),
            &link,
            &clock::format(now),
        )?;
        queued += 1;
    }
    Ok(queued)
}
