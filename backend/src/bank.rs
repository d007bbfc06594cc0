//! Bank details in "My account": the account paid, masked, and changing it. A change needs the
//! password typed in the last 10 minutes (step-up) and a RIB; it becomes a request the fund
//! checks, and the new account stays `pending` (the current one still paid) until an agent
//! approves it ([`crate::db::bank::activate_pending`]). The full IBAN is never returned or
//! logged: answers carry [`portail_shared::Iban::masked`] only.

use axum::{Json, extract::State, http::StatusCode};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::bank::{
    BankAccount, BankChange, BankDetails, BankProblem, PendingBankChange, check_change,
};
use portail_shared::requests::{CHANGE_MONTHS, Kind};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::db::{self, DbError, bank::Account, members::MemberId};
use crate::error::{JsonBody, RequestLang, validation};
use crate::security::stepped_up;
use crate::session::Member;
use crate::{AppError, clock, http::AppState, mail};

/// What a bank details request stores (encrypted with the request): the new account's row and
/// how to show it, never the IBAN itself (it lives encrypted in `bank_accounts`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct BankRequestData {
    /// The pending row of `bank_accounts`.
    pub account_id: i64,
    /// `FR76 •••• … ••12 345`.
    pub iban_masked: String,
    /// The BIC, empty when not given.
    pub bic: String,
    /// The holder's name.
    pub holder: String,
}

/// The account paid, and a change being processed.
#[utoipa::path(get, path = "/api/bank", tag = "account",
    responses(
        (status = 200, description = "The bank details on file, masked", body = BankDetails),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn get(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<BankDetails>, AppError> {
    let keys = state.config.keys.clone();
    let details = state
        .db
        .call(move |c| {
            let insured = db::accounts::member_of(c, member.account_id)?;
            details(c, &keys, insured)
        })
        .await?;
    Ok(Json(details))
}

/// Files new bank details (password typed again first, RIB uploaded first): the new account
/// waits for the fund, the member is e-mailed (without the number). One change at a time.
#[utoipa::path(post, path = "/api/bank", tag = "account",
    request_body = BankChange,
    responses(
        (status = 201, description = "Filed; the details, masked, with the change pending", body = BankDetails),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "The password must be typed again first (`step_up_required`)", body = ApiError),
        (status = 422, description = "A field is wrong (`fields.iban`, `bic`, `holder`, `rib`), or a change is already being processed (`change_pending`)", body = ApiError),
    ))]
pub async fn change(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<BankChange>,
) -> Result<(StatusCode, Json<BankDetails>), AppError> {
    let keys = state.config.keys.clone();
    let now = state.clock.now();
    let origin = state.config.public_origin.clone();
    let filed = state
        .db
        .transaction(move |tx| file(tx, &keys, &member, &request, now, lang, &origin))
        .await??;
    Ok((StatusCode::CREATED, Json(filed)))
}

fn file(
    tx: &Connection,
    keys: &Keys,
    member: &Member,
    request: &BankChange,
    now: time::OffsetDateTime,
    lang: Lang,
    origin: &str,
) -> Result<Result<BankDetails, AppError>, DbError> {
    if !stepped_up(tx, member, now)? {
        return Ok(Err(AppError::StepUpRequired));
    }
    let checked = match check_change(request) {
        Ok(checked) => checked,
        Err(problems) => return Ok(Err(invalid(&problems, lang))),
    };
    let insured = db::accounts::member_of(tx, member.account_id)?;
    if db::requests::open_of_kind(tx, insured, Kind::BankDetails)?.is_some() {
        return Ok(Err(already_pending(lang)));
    }
    if !db::attachments::all_free(tx, insured, &[checked.rib])? {
        return Ok(Err(AppError::Invalid(validation(lang).with_field(
            "rib",
            match lang {
                Lang::Fr => "Le RIB joint n’a pas été retrouvé\u{a0}: joignez-le à nouveau.",
                Lang::En => "The attached bank details were not found: attach them again.",
            },
        ))));
    }
    let stamp = clock::format(now);
    let bic = checked.bic.clone().unwrap_or_default();
    let account_id = db::bank::insert_pending(
        tx,
        keys,
        insured,
        &db::bank::NewAccount {
            iban: &checked.iban,
            bic: &bic,
            holder: &checked.holder,
        },
        &stamp,
    )?;
    let data = BankRequestData {
        account_id,
        iban_masked: checked.iban.masked(),
        bic,
        holder: checked.holder.clone(),
    };
    let bytes = serde_json::to_vec(&data).map_err(|e| DbError::Data(e.to_string()))?;
    let expected = clock::paris_day(now).add_months(CHANGE_MONTHS);
    let id = db::requests::insert(
        tx,
        keys,
        insured,
        None,
        Kind::BankDetails,
        &bytes,
        Some(&expected.to_string()),
        &first_message(expected, lang),
        &stamp,
    )?;
    if !db::attachments::join_to_request(tx, insured, &[checked.rib], id)? {
        // Checked above; only a concurrent change gets here. The error rolls the filing back.
        return Err(DbError::Data("attachment changed while filing".to_owned()));
    }
    if let Some(profile) = db::accounts::profile(tx, member.account_id)? {
        let link = format!("{origin}/demarches/{id}");
        mail::bank_details_filed(tx, &profile.email, lang, &link, &stamp)?;
    }
    Ok(Ok(details(tx, keys, insured)?))
}

/// The details as the member sees them: masked.
fn details(c: &Connection, keys: &Keys, member: MemberId) -> Result<BankDetails, DbError> {
    let current = db::bank::active(c, keys, member)?.map(|a| masked(&a));
    let pending = match (
        db::requests::open_of_kind(c, member, Kind::BankDetails)?,
        db::bank::pending(c, keys, member)?,
    ) {
        (Some(request_id), Some(account)) => Some(PendingBankChange {
            request_id,
            account: masked(&account),
        }),
        _ => None,
    };
    Ok(BankDetails { current, pending })
}

fn masked(account: &Account) -> BankAccount {
    BankAccount {
        iban_masked: account.iban.masked(),
        holder: account.holder.clone(),
        bic: Some(account.bic.clone()).filter(|b| !b.is_empty()),
    }
}

fn invalid(problems: &[BankProblem], lang: Lang) -> AppError {
    AppError::Invalid(problems.iter().fold(validation(lang), |e, p| {
        e.with_field(p.field(), p.message(lang))
    }))
}

fn already_pending(lang: Lang) -> AppError {
    AppError::Invalid(ApiError::new(
        "change_pending",
        match lang {
            Lang::Fr => {
                "Un changement de coordonnées bancaires est déjà en cours de traitement\u{a0}: \
                 attendez la réponse de votre caisse avant d’en demander un autre. Vous pouvez \
                 suivre votre demande dans «\u{a0}Mes démarches\u{a0}»."
            }
            Lang::En => {
                "A change of bank details is already being processed: wait for your fund’s answer \
                 before asking for another. You can follow your request in “My requests”."
            }
        },
    ))
}

/// The first step's words: what the fund checks and when it answers.
fn first_message(expected: portail_shared::reimbursements::Date, lang: Lang) -> String {
    let day = clock::day_words(expected, lang);
    match lang {
        Lang::Fr => format!(
            "Votre demande est enregistrée. Votre caisse vérifie le RIB joint et vous répond au \
             plus tard le {day}. D’ici là, vos remboursements restent versés sur votre compte \
             actuel."
        ),
        Lang::En => format!(
            "Your request is recorded. Your fund checks the bank details attached and answers by \
             {day} at the latest. Until then, your reimbursements keep going to your current \
             account."
        ),
    }
}

/// The request's title and fields in "Mes démarches".
pub(crate) fn request_words(
    data: &[u8],
    lang: Lang,
) -> Result<(String, Vec<(String, String)>), DbError> {
    let data: BankRequestData =
        serde_json::from_slice(data).map_err(|e| DbError::Data(e.to_string()))?;
    let fr = lang == Lang::Fr;
    let title = if fr {
        format!("Nouveau compte {}", data.iban_masked)
    } else {
        format!("New account {}", data.iban_masked)
    };
    let mut fields = vec![
        ("IBAN".to_owned(), data.iban_masked),
        (
            if fr {
                "Titulaire du compte"
            } else {
                "Account holder"
            }
            .to_owned(),
            data.holder,
        ),
    ];
    if !data.bic.is_empty() {
        fields.push(("BIC".to_owned(), data.bic));
    }
    Ok((title, fields))
}
