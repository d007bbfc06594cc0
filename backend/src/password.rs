//! Forgotten password: NIR + birth date → an e-mailed single-use link (30 minutes, token hashed
//! at rest) → a new password that follows the policy. The reset ends every session and does not
//! log the member in: the second factor is still asked at the next login.

use crate::{
    AppError, clock, crypto,
    db::{
        accounts,
        codes::{self, Purpose},
        members, sessions, throttle,
    },
    error::{JsonBody, RequestLang},
    http::AppState,
    login::{blocked_for, record_failure},
    mail,
};
use axum::{Json, extract::State};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use portail_shared::{
    Lang, Nir,
    api::ApiError,
    password::{
        ForgotPasswordRequest, PasswordProblem, PersonalData, RESET_LINK_MINUTES,
        ResetPasswordRequest, Strength, StrengthRequest, check_rules,
    },
};
use serde_json::{Value, json};
use time::Duration;

/// Words zxcvbn's English dictionaries and QWERTY graphs miss but French guessers try first:
/// AZERTY rows, the most common French passwords, and this site's own vocabulary.
const FRENCH_GUESSES: &[&str] = &[
    "azerty",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "motdepasse",
    "soleil",
    "bonjour",
    "doudou",
    "chouchou",
    "loulou",
    "marseille",
    "coucou",
    "jetaime",
    "portail",
    "securite",
    "sociale",
    "vitale",
    "assurance",
    "maladie",
];

/// Minimum zxcvbn score (0-4) of a new password.
const MIN_SCORE: u8 = 3;
/// At most one reset e-mail per account in this many seconds (no mailbox flooding).
const RESET_EMAIL_INTERVAL_SECONDS: i64 = 120;

/// Sends a reset link when the NIR and birth date match an account. The answer is the same
/// whether they do or not.
#[utoipa::path(post, path = "/api/password/forgot", tag = "password",
    request_body = ForgotPasswordRequest,
    responses(
        (status = 200, description = "If the details match an account, a link was e-mailed"),
        (status = 422, description = "Malformed NIR or date", body = ApiError),
        (status = 429, description = "Too many attempts: wait", body = ApiError),
    ))]
pub async fn forgot(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<ForgotPasswordRequest>,
) -> Result<Json<Value>, AppError> {
    let (nir, birth_date) = validate_forgot(&request, lang)?;
    let keys = state.config.keys.clone();
    let nir_index = keys.blind_index(members::NIR_INDEX, nir.as_str());
    let key = crate::login::nir_throttle_key(&nir_index);
    let token = reset_token()?;
    let link = format!(
        "{}/mot-de-passe/nouveau#{}",
        state.config.public_origin, token.0
    );
    let clock = state.clock.clone();
    let wait = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let wait = blocked_for(tx, &key, now)?;
            if wait > 0 {
                return Ok(wait);
            }
            let account = accounts::find_for_login(tx, &nir_index)?
                .filter(|a| a.status == "active" && a.birth_date == birth_date);
            let Some(account) = account else {
                // A wrong birth date is a guess: it counts like a wrong password.
                record_failure(tx, &key, now, 0)?;
                return Ok(0);
            };
            let recent = codes::live(tx, account.id, Purpose::PasswordReset)?.is_some_and(|c| {
                (now - clock::parse(&c.created_at)).whole_seconds() < RESET_EMAIL_INTERVAL_SECONDS
            });
            if !recent {
                let now_text = clock::format(now);
                let expires = clock::format(now + Duration::minutes(i64::from(RESET_LINK_MINUTES)));
                codes::replace(
                    tx,
                    account.id,
                    Purpose::PasswordReset,
                    &token.1,
                    &now_text,
                    &expires,
                )?;
                mail::password_reset_link(
                    tx,
                    &account.email,
                    lang,
                    &link,
                    RESET_LINK_MINUTES,
                    &now_text,
                )?;
            }
            Ok(0)
        })
        .await?;
    if wait > 0 {
        return Err(AppError::Throttled(wait));
    }
    Ok(Json(json!({})))
}

/// Sets a new password from a reset link's token.
#[utoipa::path(post, path = "/api/password/reset", tag = "password",
    request_body = ResetPasswordRequest,
    responses(
        (status = 200, description = "Password changed; every session ended"),
        (status = 422, description = "Link invalid or expired (`fields.token`), or password refused (`fields.password`)", body = ApiError),
    ))]
pub async fn reset(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<ResetPasswordRequest>,
) -> Result<Json<Value>, AppError> {
    let token_hash = crypto::sha256(request.token.trim().as_bytes()).to_vec();
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let lookup = token_hash.clone();
    let found = state
        .db
        .call(move |conn| {
            let Some((account, code)) = codes::find_by_hash(conn, Purpose::PasswordReset, &lookup)?
            else {
                return Ok(None);
            };
            if clock::parse(&code.expires_at) <= clock.now() {
                return Ok(None);
            }
            let Some(profile) = accounts::profile(conn, account)? else {
                return Ok(None);
            };
            let nir = members::nir_of(conn, &keys, profile.member_id)?;
            Ok(Some((account, code.id, profile, nir)))
        })
        .await?;
    let Some((account, code_id, profile, nir)) = found else {
        return Err(invalid(lang, "token", link_invalid(lang)));
    };

    let nir_text = nir.as_ref().map(Nir::as_str).unwrap_or("").to_owned();
    if let Err(problem) = check_new_password(
        &request.password,
        &nir_text,
        &profile.given_names,
        &profile.family_name,
        &profile.birth_date,
    ) {
        return Err(invalid(lang, "password", problem.message(lang).to_owned()));
    }

    let password = request.password.clone();
    let hash = tokio::task::spawn_blocking(move || crypto::hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let clock = state.clock.clone();
    let keys = state.config.keys.clone();
    let origin = state.config.public_origin.clone();
    state
        .db
        .transaction(move |tx| {
            let now = clock::format(clock.now());
            accounts::set_password(tx, account, &hash, &now)?;
            codes::consume(tx, code_id, &now)?;
            sessions::delete_for_account(tx, account)?;
            if let Some(nir) = &nir {
                let index = keys.blind_index(members::NIR_INDEX, nir.as_str());
                throttle::clear(tx, &crate::login::nir_throttle_key(&index))?;
            }
            let link = crate::security::alert(
                tx,
                &origin,
                account,
                crate::db::security::AlertKind::PasswordChanged,
                clock.now(),
                lang,
            )?;
            mail::password_changed(tx, &profile.email, lang, &link, &now)?;
            Ok(())
        })
        .await?;
    Ok(Json(json!({})))
}

/// Judges a password as it is typed (the page calls this a moment after each pause), with the
/// dictionary only the server has. Personal data is not known here; it is checked on submit.
#[utoipa::path(post, path = "/api/password/strength", tag = "password",
    request_body = StrengthRequest,
    responses((status = 200, description = "The password's strength", body = Strength)))]
pub async fn strength(
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<StrengthRequest>,
) -> Json<Strength> {
    Json(judge(&request.password, lang))
}

/// The strength of a password without personal data: the shared rules, then zxcvbn.
pub(crate) fn judge(password: &str, lang: Lang) -> Strength {
    if password.is_empty() {
        return Strength {
            score: 0,
            acceptable: false,
            advice: None,
        };
    }
    let rules = check_rules(password, &PersonalData::default());
    // zxcvbn's cost grows with length; past the maximum the rules already refuse.
    let score: u8 = if password.chars().count() > portail_shared::password::MAX_CHARS {
        0
    } else {
        zxcvbn::zxcvbn(password, FRENCH_GUESSES).score().into()
    };
    let problem = match rules {
        Err(problem) => Some(problem),
        Ok(()) if score < MIN_SCORE => Some(PasswordProblem::Guessable),
        Ok(()) => None,
    };
    Strength {
        score: if rules.is_err() {
            score.clamp(1, 1)
        } else {
            score.max(1)
        },
        acceptable: problem.is_none(),
        advice: problem.map(|p| p.message(lang).to_owned()),
    }
}

/// The whole policy for a new password: the shared rules (length, personal data, the site's
/// name), then guessability (zxcvbn with the member's names and French guesses) at least
/// [`MIN_SCORE`].
pub(crate) fn check_new_password(
    password: &str,
    nir: &str,
    given_names: &str,
    family_name: &str,
    birth_date: &str,
) -> Result<(), PasswordProblem> {
    let personal = PersonalData {
        nir,
        names: vec![given_names, family_name],
        birth_date,
    };
    check_rules(password, &personal)?;
    let mut inputs = vec![given_names, family_name];
    inputs.extend_from_slice(FRENCH_GUESSES);
    let score: u8 = zxcvbn::zxcvbn(password, &inputs).score().into();
    if score >= MIN_SCORE {
        Ok(())
    } else {
        Err(PasswordProblem::Guessable)
    }
}

pub(crate) fn parse_birth_date(input: &str) -> Option<time::Date> {
    time::Date::parse(
        input.trim(),
        &time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

fn validate_forgot(request: &ForgotPasswordRequest, lang: Lang) -> Result<(Nir, String), AppError> {
    let fr = lang == Lang::Fr;
    let mut error = crate::error::validation(lang);
    let nir = Nir::parse(&request.nir);
    if let Err(e) = &nir {
        error = error.with_field("nir", e.message(lang));
    }
    let date = time::Date::parse(
        request.birth_date.trim(),
        &time::macros::format_description!("[year]-[month]-[day]"),
    );
    if date.is_err() {
        error = error.with_field(
            "birth_date",
            if fr {
                "Saisissez votre date de naissance complète, par exemple 14 05 1991."
            } else {
                "Enter your full date of birth, for example 14 05 1991."
            },
        );
    }
    match (nir, date) {
        (Ok(nir), Ok(date)) if error.fields.is_empty() => Ok((nir, date.to_string())),
        _ => Err(AppError::Invalid(error)),
    }
}

fn link_invalid(lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            "Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau."
        }
        Lang::En => "This link is no longer valid: it was used or has expired. Ask for a new one.",
    }
    .to_owned()
}

pub(crate) fn invalid(lang: Lang, field: &str, message: String) -> AppError {
    AppError::Invalid(crate::error::validation(lang).with_field(field, message))
}

/// A 256-bit token for the link, and its SHA-256 for the database.
pub(crate) fn reset_token() -> Result<(String, Vec<u8>), AppError> {
    let bytes: [u8; 32] = crypto::random_bytes().map_err(|e| AppError::Internal(e.to_string()))?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = crypto::sha256(token.as_bytes()).to_vec();
    Ok((token, hash))
}
