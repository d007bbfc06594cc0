//! The postal address in "My account", and declaring a move. The move becomes a request the
//! fund checks; the address on file stays the same until an agent approves it
//! ([`crate::db::address::apply_pending`]).

use axum::{Json, extract::State, http::StatusCode};
use portail_shared::Lang;
use portail_shared::address::{AddressChange, AddressView, PendingAddressChange, check_change};
use portail_shared::api::ApiError;
use portail_shared::requests::{CHANGE_MONTHS, Kind};
use rusqlite::Connection;

use crate::crypto::Keys;
use crate::db::{self, DbError, address::AddressRequestData, members::MemberId};
use crate::error::{JsonBody, RequestLang, validation};
use crate::session::Member;
use crate::{AppError, clock, http::AppState};

/// The address on file, and a change being processed.
#[utoipa::path(get, path = "/api/address", tag = "account",
    responses(
        (status = 200, description = "The postal address on file", body = AddressView),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn get(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<AddressView>, AppError> {
    let keys = state.config.keys.clone();
    let view = state
        .db
        .call(move |c| {
            let insured = db::accounts::member_of(c, member.account_id)?;
            view(c, &keys, insured)
        })
        .await?;
    Ok(Json(view))
}

/// Declares a move: the new address, the day, an optional proof uploaded first. One change at
/// a time; the roll changes once the fund approves.
#[utoipa::path(post, path = "/api/address", tag = "account",
    request_body = AddressChange,
    responses(
        (status = 201, description = "Filed; the address on file, with the change pending", body = AddressView),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "A field is wrong (`fields.line1`, `line2`, `postal_code`, `city`, `moved_on`, `proof`), or a change is already being processed (`change_pending`)", body = ApiError),
    ))]
pub async fn change(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<AddressChange>,
) -> Result<(StatusCode, Json<AddressView>), AppError> {
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
    request: &AddressChange,
    now: time::OffsetDateTime,
    lang: Lang,
) -> Result<Result<AddressView, AppError>, DbError> {
    let today = clock::paris_day(now);
    let (address, moved_on) = match check_change(request, today) {
        Ok(checked) => checked,
        Err(problems) => {
            let error = problems.iter().fold(validation(lang), |e, p| {
                e.with_field(p.field(), p.message(lang))
            });
            return Ok(Err(AppError::Invalid(error)));
        }
    };
    let insured = db::accounts::member_of(tx, member.account_id)?;
    if db::requests::open_of_kind(tx, insured, Kind::AddressChange)?.is_some() {
        return Ok(Err(AppError::Invalid(ApiError::new(
            "change_pending",
            match lang {
                Lang::Fr => {
                    "Un changement d’adresse est déjà en cours de traitement\u{a0}: attendez la \
                     réponse de votre caisse avant d’en déclarer un autre. Vous pouvez suivre votre \
                     demande dans «\u{a0}Mes démarches\u{a0}»."
                }
                Lang::En => {
                    "A change of address is already being processed: wait for your fund’s answer \
                     before declaring another. You can follow your request in “My requests”."
                }
            },
        ))));
    }
    let proof: Vec<i64> = request.proof.into_iter().collect();
    if !db::attachments::all_free(tx, insured, &proof)? {
        return Ok(Err(AppError::Invalid(validation(lang).with_field(
            "proof",
            match lang {
                Lang::Fr => {
                    "Le justificatif joint n’a pas été retrouvé\u{a0}: joignez-le à nouveau."
                }
                Lang::En => "The attached proof was not found: attach it again.",
            },
        ))));
    }
    let data = AddressRequestData {
        address,
        moved_on: moved_on.to_string(),
    };
    let bytes = serde_json::to_vec(&data).map_err(|e| DbError::Data(e.to_string()))?;
    let expected = today.add_months(CHANGE_MONTHS);
    let stamp = clock::format(now);
    let id = db::requests::insert(
        tx,
        keys,
        insured,
        None,
        Kind::AddressChange,
        &bytes,
        Some(&expected.to_string()),
        &first_message(expected, lang),
        &stamp,
    )?;
    if !db::attachments::join_to_request(tx, insured, &proof, id)? {
        return Err(DbError::Data("attachment changed while filing".to_owned()));
    }
    Ok(Ok(view(tx, keys, insured)?))
}

fn view(c: &Connection, keys: &Keys, member: MemberId) -> Result<AddressView, DbError> {
    let current = db::address::on_file(c, member)?.unwrap_or_default();
    let pending =
        db::address::pending(c, keys, member)?.map(|(request_id, data)| PendingAddressChange {
            request_id,
            address: data.address,
            moved_on: data.moved_on,
        });
    Ok(AddressView { current, pending })
}

fn first_message(expected: portail_shared::reimbursements::Date, lang: Lang) -> String {
    let day = clock::day_words(expected, lang);
    match lang {
        Lang::Fr => format!(
            "Votre déclaration de déménagement est enregistrée. Votre caisse la vérifie et met \
             votre adresse à jour au plus tard le {day}\u{a0}; d’ici là, vos courriers partent à \
             l’adresse actuelle."
        ),
        Lang::En => format!(
            "Your move is recorded. Your fund checks it and updates your address by {day} at the \
             latest; until then, letters go to your current address."
        ),
    }
}

/// The request's title and fields in "Mes démarches".
pub(crate) fn request_words(
    data: &[u8],
    lang: Lang,
) -> Result<(String, Vec<(String, String)>), DbError> {
    let data = AddressRequestData::from_bytes(data)?;
    let fr = lang == Lang::Fr;
    let a = &data.address;
    let moved = portail_shared::reimbursements::Date::parse(&data.moved_on)
        .map_or_else(|| data.moved_on.clone(), |d| clock::day_words(d, lang));
    let title = if fr {
        format!("Nouvelle adresse\u{a0}: {}", a.one_line())
    } else {
        format!("New address: {}", a.one_line())
    };
    let mut street = a.line1.clone();
    if !a.line2.is_empty() {
        street = format!("{street}\n{}", a.line2);
    }
    Ok((
        title,
        vec![
            (if fr { "Adresse" } else { "Address" }.to_owned(), street),
            (
                if fr {
                    "Code postal et commune"
                } else {
                    "Postcode and town"
                }
                .to_owned(),
                format!("{} {}", a.postal_code, a.city),
            ),
            (
                if fr {
                    "Date du déménagement"
                } else {
                    "Date of the move"
                }
                .to_owned(),
                moved,
            ),
        ],
    ))
}
