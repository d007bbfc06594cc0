//! "À faire" on the member's home (`GET /api/attention`): the facts the rule of
//! `portail_shared::attention` needs, gathered in one call. The European cards and the
//! prevention programmes are what `GET /api/ceam` and `GET /api/prevention` answer, read by
//! their own modules.

use axum::{Json, extract::State};
use portail_shared::api::ApiError;
use portail_shared::attention::{self, Attention, Facts, Someone};
use portail_shared::doctor;
use portail_shared::reimbursements::Date;
use portail_shared::requests::Kind;

use crate::db::{self, DbError};
use crate::error::RequestLang;
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// What needs the member's attention, most pressing first.
#[utoipa::path(get, path = "/api/attention", tag = "portal",
    responses(
        (status = 200, description = "What to do, most pressing first", body = [Attention]),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn list(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
) -> Result<Json<Vec<Attention>>, AppError> {
    let keys = state.config.keys.clone();
    let today = clock::paris_day(state.clock.now());
    let items = state
        .db
        .call(move |c| {
            let (insured, visible) = crate::reimbursements::household(c, &member, today)?;
            let mut people = Vec::new();
            for person in visible {
                let Some(birth) = Date::parse(&person.birth_date) else {
                    continue;
                };
                let name = db::members::full_name(c, person.member)?.unwrap_or(person.name);
                people.push(Someone {
                    id: person.member.0,
                    name,
                    declarant: doctor::declarant(birth, today),
                    has_doctor: db::professionals::treating_doctor(c, person.member)?.is_some(),
                    declaration_pending: db::requests::open_for(
                        c,
                        insured,
                        Kind::TreatingDoctor,
                        person.member,
                    )?
                    .is_some(),
                });
            }
            let requests = db::requests::list(c, &keys, insured)?
                .iter()
                .map(|stored| crate::requests::summary(stored, lang))
                .collect::<Result<Vec<_>, DbError>>()?;
            let cards = crate::ceam::household(c, &keys, &member, today)?.people;
            let prevention = crate::prevention::household(c, &keys, &member, today)?.people;
            let unread = db::messages::unread_for_member(c, insured)?;
            let facts = Facts {
                people: &people,
                requests: &requests,
                cards: &cards,
                prevention: &prevention,
                today,
            };
            Ok::<_, DbError>(attention::with_unread_messages(
                attention::collect(&facts),
                unread,
            ))
        })
        .await?;
    Ok(Json(items))
}
