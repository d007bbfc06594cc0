//! Account security: the second factor (e-mailed codes, or an authenticator app with ten
//! recovery codes), the step-up that guards changing it, and the sessions open elsewhere.
//!
//! Rules that hold whatever the input:
//! - changing the second factor needs the password typed in the last 10 minutes (step-up);
//! - an app is active only once it has produced a right code; a TOTP step is accepted once;
//! - recovery codes are shown once, stored as keyed hashes, each works once;
//! - every change of factor is e-mailed.

use crate::{
    AppError, clock,
    crypto::{self, Keys},
    db::{
        DbError,
        accounts::{self, AccountId},
        codes::{self, Purpose},
        security::{self, AlertKind, OpenSession},
        sessions, sms, throttle,
    },
    error::{JsonBody, RequestLang},
    http::AppState,
    login::{blocked_for, record_failure},
    mail,
    password::invalid,
    session::Member,
};
use axum::{
    Json,
    extract::{Path, State},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use portail_shared::{
    Lang,
    activation::parse_email,
    activation::{format_letter_code, letter_code_from_bytes},
    api::ApiError,
    login::{CODE_ATTEMPTS, EMAIL_CODE_MINUTES, SecondFactor, mask_email, parse_code},
    password::RESET_LINK_MINUTES,
    security::{
        Device, EmailChange, EmailConfirm, MobileChange, NOT_ME_DAYS, NotMeRequest, PasswordChange,
        RECOVERY_CODES, RecoveryCodes, STEP_UP_MINUTES, SecuritySettings, StepUpRequest,
        TOTP_SKEW_STEPS, TOTP_STEP_SECONDS, TotpConfirm, TotpSetup, device_label, parse_mobile,
    },
};
use rusqlite::Connection;
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};
use totp_rs::{Builder, Secret, Totp};

/// What the security page shows.
#[utoipa::path(get, path = "/api/security", tag = "security",
    responses(
        (status = 200, description = "The second factor, the recovery codes left, the open sessions", body = SecuritySettings),
        (status = 401, description = "Not signed in", body = ApiError),
    ))]
pub async fn settings(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<SecuritySettings>, AppError> {
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let sms_available = state.config.sms_available;
    Ok(Json(
        state
            .db
            .call(move |conn| settings_of(conn, &keys, &member, clock.now(), sms_available))
            .await?,
    ))
}

/// Types the password again; sensitive changes are then allowed for 10 minutes.
#[utoipa::path(post, path = "/api/security/step-up", tag = "security",
    request_body = StepUpRequest,
    responses(
        (status = 200, description = "Confirmed for 10 minutes"),
        (status = 422, description = "Wrong password (`fields.password`)", body = ApiError),
        (status = 429, description = "Too many wrong passwords: wait", body = ApiError),
    ))]
pub async fn step_up(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<StepUpRequest>,
) -> Result<Json<Value>, AppError> {
    let key = format!("step-up:{}", member.account_id.0);
    let clock = state.clock.clone();
    let (wait, hash) = {
        let (key, clock) = (key.clone(), clock.clone());
        let account = member.account_id;
        state
            .db
            .call(move |conn| {
                let wait = blocked_for(conn, &key, clock.now())?;
                Ok((wait, accounts::password_hash(conn, account)?))
            })
            .await?
    };
    if wait > 0 {
        return Err(AppError::Throttled(wait));
    }
    let password = request.password.clone();
    let right = tokio::task::spawn_blocking(move || {
        hash.is_some_and(|hash| crypto::verify_password(&password, &hash))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let wait = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            if right {
                throttle::clear(tx, &key)?;
                security::step_up(tx, &member.token_hash, &clock::format(now))?;
                Ok(0)
            } else {
                record_failure(tx, &key, now, 0)
            }
        })
        .await?;
    match (right, wait) {
        (true, _) => Ok(Json(json!({}))),
        (false, 0) => Err(invalid(
            lang,
            "password",
            match lang {
                Lang::Fr => "Ce mot de passe n'est pas le bon. Vérifiez-le et réessayez.",
                Lang::En => "This is not the right password. Check it and try again.",
            }
            .to_owned(),
        )),
        (false, wait) => Err(AppError::Throttled(wait)),
    }
}

/// Starts setting up an authenticator app: a new secret to scan (not active yet).
#[utoipa::path(post, path = "/api/security/totp", tag = "security",
    responses(
        (status = 200, description = "The secret, as text and QR code", body = TotpSetup),
        (status = 403, description = "The password must be typed again first (`step_up_required`)", body = ApiError),
    ))]
pub async fn totp_setup(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<TotpSetup>, AppError> {
    let secret = Secret::generate().to_base32();
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let issuer = state.config.fund_name.replace(':', " ");
    let stored = secret.clone();
    let email = state
        .db
        .transaction(move |tx| {
            if !stepped_up(tx, &member, clock.now())? {
                return Ok(None);
            }
            security::set_pending_totp(tx, &keys, member.account_id, &stored)?;
            Ok(accounts::profile(tx, member.account_id)?.map(|p| p.email))
        })
        .await?
        .ok_or(AppError::StepUpRequired)?;
    let totp = totp(&secret, Some((&issuer, &email)))?;
    let url = totp
        .to_url()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let qr = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let width = qr.width();
    let modules: Vec<bool> = qr
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Ok(Json(TotpSetup {
        secret: group(&secret, 4),
        otpauth_url: url,
        qr: modules.chunks(width).map(<[bool]>::to_vec).collect(),
    }))
}

/// Finishes setting up the app with its first code: the app becomes the second factor, and
/// ten recovery codes are shown once.
#[utoipa::path(post, path = "/api/security/totp/confirm", tag = "security",
    request_body = TotpConfirm,
    responses(
        (status = 200, description = "The app is the second factor now; the recovery codes", body = RecoveryCodes),
        (status = 403, description = "The password must be typed again first (`step_up_required`)", body = ApiError),
        (status = 422, description = "Wrong code, or no setup in progress (`fields.code`)", body = ApiError),
    ))]
pub async fn totp_confirm(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<TotpConfirm>,
) -> Result<Json<RecoveryCodes>, AppError> {
    let typed = parse_code(&request.code);
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    while codes.len() < RECOVERY_CODES {
        let bytes: [u8; 32] =
            crypto::random_bytes().map_err(|e| AppError::Internal(e.to_string()))?;
        codes.extend(letter_code_from_bytes(&bytes));
    }
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let hashes: Vec<Vec<u8>> = codes
        .iter()
        .map(|c| recovery_hash(&keys, member.account_id, c))
        .collect();
    let origin = state.config.public_origin.clone();
    let outcome = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            if !stepped_up(tx, &member, now)? {
                return Ok(Err(ConfirmProblem::StepUp));
            }
            let Some(secret) = security::pending_totp(tx, &keys, member.account_id)? else {
                return Ok(Err(ConfirmProblem::NoSetup));
            };
            let Some(typed) = typed else {
                return Ok(Err(ConfirmProblem::Malformed));
            };
            let Some(step) = check_totp(&secret, &typed, now, None)? else {
                return Ok(Err(ConfirmProblem::Wrong));
            };
            let now_text = clock::format(now);
            security::enable_totp(
                tx,
                &keys,
                member.account_id,
                &secret,
                step,
                &hashes,
                &now_text,
            )?;
            if let Some(profile) = accounts::profile(tx, member.account_id)? {
                let link = alert(
                    tx,
                    &origin,
                    member.account_id,
                    AlertKind::FactorChanged,
                    now,
                    lang,
                )?;
                mail::factor_changed(
                    tx,
                    &profile.email,
                    lang,
                    SecondFactor::Totp,
                    &link,
                    &now_text,
                )?;
            }
            Ok(Ok(()))
        })
        .await?;
    match outcome {
        Ok(()) => Ok(Json(RecoveryCodes {
            codes: codes.iter().map(|c| format_letter_code(c)).collect(),
        })),
        Err(ConfirmProblem::StepUp) => Err(AppError::StepUpRequired),
        Err(problem) => Err(invalid(lang, "code", problem.message(lang).to_owned())),
    }
}

/// Back to codes sent by e-mail: the app's secret and the recovery codes are deleted.
#[utoipa::path(post, path = "/api/security/factor/email", tag = "security",
    responses(
        (status = 200, description = "Codes will come by e-mail again"),
        (status = 403, description = "The password must be typed again first (`step_up_required`)", body = ApiError),
    ))]
pub async fn use_email(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
) -> Result<Json<Value>, AppError> {
    let clock = state.clock.clone();
    let origin = state.config.public_origin.clone();
    let done = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            if !stepped_up(tx, &member, now)? {
                return Ok(false);
            }
            let now_text = clock::format(now);
            security::use_email_codes(tx, member.account_id, &now_text)?;
            if let Some(profile) = accounts::profile(tx, member.account_id)? {
                let link = alert(
                    tx,
                    &origin,
                    member.account_id,
                    AlertKind::FactorChanged,
                    now,
                    lang,
                )?;
                mail::factor_changed(
                    tx,
                    &profile.email,
                    lang,
                    SecondFactor::Email,
                    &link,
                    &now_text,
                )?;
            }
            Ok(true)
        })
        .await?;
    if done {
        Ok(Json(json!({})))
    } else {
        Err(AppError::StepUpRequired)
    }
}

/// Ends one of the member's sessions (another device, or this one).
#[utoipa::path(post, path = "/api/security/devices/{id}/end", tag = "security",
    params(("id" = String, Path, description = "The session's public handle")),
    responses(
        (status = 200, description = "That session is ended"),
        (status = 404, description = "No such session of this member", body = ApiError),
    ))]
pub async fn end_device(
    State(state): State<AppState>,
    member: Member,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let ended = state
        .db
        .call(move |conn| security::end_session(conn, member.account_id, &id))
        .await?;
    if ended {
        Ok(Json(json!({})))
    } else {
        Err(AppError::NotFound)
    }
}

fn settings_of(
    conn: &Connection,
    keys: &Keys,
    member: &Member,
    now: OffsetDateTime,
    sms_available: bool,
) -> Result<SecuritySettings, DbError> {
    let mobile = sms::mobile(conn, member.account_id)?;
    let factor = security::factor(conn, keys, member.account_id)?
        .ok_or_else(|| DbError::Data("session of a deleted account".into()))?;
    let mut devices: Vec<Device> =
        security::open_sessions(conn, member.account_id, &clock::format(now))?
            .into_iter()
            .map(|s| device(s, &member.token_hash))
            .collect();
    // This device first.
    devices.sort_by_key(|d| !d.current);
    Ok(SecuritySettings {
        factor: if factor.kind == "totp" {
            SecondFactor::Totp
        } else {
            SecondFactor::Email
        },
        recovery_codes_left: security::recovery_codes_left(conn, member.account_id)?,
        stepped_up: stepped_up(conn, member, now)?,
        devices,
        email: accounts::profile(conn, member.account_id)?
            .map(|p| p.email)
            .unwrap_or_default(),
        email_pending: security::email_pending(conn, member.account_id)?,
        mobile: mobile.number,
        mobile_pending: mobile.pending,
        sms_available,
    })
}

fn device(session: OpenSession, current: &[u8]) -> Device {
    let (browser, system) = device_label(&session.user_agent);
    Device {
        id: session.public_id,
        browser,
        system,
        network: session.ip_class,
        signed_in_at: session.created_at,
        last_seen_at: session.last_seen_at,
        current: session.token_hash == current,
    }
}

/// Sets a new password while signed in (after the password was typed again): every other
/// session ends, and the member is told by e-mail.
#[utoipa::path(post, path = "/api/security/password", tag = "security",
    request_body = PasswordChange,
    responses(
        (status = 200, description = "Password changed; the other sessions ended"),
        (status = 403, description = "The password must be typed again first (`step_up_required`)", body = ApiError),
        (status = 422, description = "The new password is refused (`fields.password`)", body = ApiError),
    ))]
pub async fn change_password(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<PasswordChange>,
) -> Result<Json<Value>, AppError> {
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let found = {
        let (member, keys, clock) = (member.clone(), keys.clone(), clock.clone());
        state
            .db
            .call(move |conn| {
                if !stepped_up(conn, &member, clock.now())? {
                    return Ok(None);
                }
                let Some(profile) = accounts::profile(conn, member.account_id)? else {
                    return Ok(None);
                };
                let nir = crate::db::members::nir_of(conn, &keys, profile.member_id)?;
                Ok(Some((profile, nir)))
            })
            .await?
    };
    let (profile, nir) = found.ok_or(AppError::StepUpRequired)?;
    let nir_text = nir
        .as_ref()
        .map(|n| n.as_str().to_owned())
        .unwrap_or_default();
    crate::password::check_new_password(
        &request.password,
        &nir_text,
        &profile.given_names,
        &profile.family_name,
        &profile.birth_date,
    )
    .map_err(|problem| invalid(lang, "password", problem.message(lang).to_owned()))?;
    let password = request.password.clone();
    let hash = tokio::task::spawn_blocking(move || crypto::hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let origin = state.config.public_origin.clone();
    state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let now_text = clock::format(now);
            accounts::set_password(tx, member.account_id, &hash, &now_text)?;
            security::end_other_sessions(tx, member.account_id, &member.token_hash)?;
            let link = alert(
                tx,
                &origin,
                member.account_id,
                AlertKind::PasswordChanged,
                now,
                lang,
            )?;
            mail::password_changed(tx, &profile.email, lang, &link, &now_text)
        })
        .await?;
    Ok(Json(json!({})))
}

/// Starts changing the e-mail address (after the password was typed again): a code is sent
/// to the new address, which replaces the old one once the code comes back.
#[utoipa::path(post, path = "/api/security/email", tag = "security",
    request_body = EmailChange,
    responses(
        (status = 200, description = "A code was sent to the new address"),
        (status = 403, description = "The password must be typed again first (`step_up_required`)", body = ApiError),
        (status = 422, description = "The address is malformed or already the account's (`fields.email`)", body = ApiError),
    ))]
pub async fn change_email(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<EmailChange>,
) -> Result<Json<Value>, AppError> {
    let email = parse_email(&request.email)
        .map_err(|problem| invalid(lang, "email", problem.message(lang).to_owned()))?;
    let code = crate::login::six_digits()?;
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let outcome = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            if !stepped_up(tx, &member, now)? {
                return Ok(Err(AppError::StepUpRequired));
            }
            let current = accounts::profile(tx, member.account_id)?.map(|p| p.email);
            if current.is_some_and(|c| c.eq_ignore_ascii_case(&email)) {
                return Ok(Err(invalid(
                    lang,
                    "email",
                    match lang {
                        Lang::Fr => "C'est déjà l'adresse de votre compte.",
                        Lang::En => "This is already your account's address.",
                    }
                    .to_owned(),
                )));
            }
            let now_text = clock::format(now);
            let expires = clock::format(now + Duration::minutes(i64::from(EMAIL_CODE_MINUTES)));
            let hash = crate::login::code_hash(
                &keys,
                Purpose::EmailConfirmation,
                member.account_id,
                &code,
            );
            codes::replace(
                tx,
                member.account_id,
                Purpose::EmailConfirmation,
                &hash,
                &now_text,
                &expires,
            )?;
            security::set_email_pending(tx, member.account_id, &email, &now_text)?;
            mail::new_address_code(tx, &email, lang, &code, EMAIL_CODE_MINUTES, &now_text)?;
            Ok(Ok(()))
        })
        .await?;
    outcome.map(|()| Json(json!({})))
}

/// Finishes changing the e-mail address with the code sent to it; the former address is told.
#[utoipa::path(post, path = "/api/security/email/confirm", tag = "security",
    request_body = EmailConfirm,
    responses(
        (status = 200, description = "The new address is the account's"),
        (status = 422, description = "Wrong, expired or malformed code (`fields.code`)", body = ApiError),
    ))]
pub async fn confirm_email(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<EmailConfirm>,
) -> Result<Json<Value>, AppError> {
    let fr = lang == Lang::Fr;
    let Some(typed) = parse_code(&request.code) else {
        return Err(invalid(
            lang,
            "code",
            if fr {
                "Le code compte 6 chiffres : recopiez-le depuis l'e-mail reçu."
            } else {
                "The code has 6 digits: copy it from the e-mail you received."
            }
            .to_owned(),
        ));
    };
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let origin = state.config.public_origin.clone();
    let outcome = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let now_text = clock::format(now);
            let account = member.account_id;
            let (Some(live), Some(new), Some(profile)) = (
                codes::live(tx, account, Purpose::EmailConfirmation)?,
                security::email_pending(tx, account)?,
                accounts::profile(tx, account)?,
            ) else {
                return Ok(Err(None));
            };
            if clock::parse(&live.expires_at) <= now || live.attempts >= CODE_ATTEMPTS {
                return Ok(Err(None));
            }
            let hash = crate::login::code_hash(&keys, Purpose::EmailConfirmation, account, &typed);
            if !crate::login::constant_time_eq(&live.code_hash, &hash) {
                let used = live.attempts + 1;
                codes::record_attempt(tx, live.id, used >= CODE_ATTEMPTS, &now_text)?;
                return Ok(Err(Some(CODE_ATTEMPTS.saturating_sub(used))));
            }
            codes::consume(tx, live.id, &now_text)?;
            security::confirm_email(tx, account, &now_text)?;
            let link = alert(tx, &origin, account, AlertKind::EmailChanged, now, lang)?;
            mail::email_changed(
                tx,
                &profile.email,
                lang,
                &mask_email(&new),
                &link,
                &now_text,
            )?;
            Ok(Ok(()))
        })
        .await?;
    match outcome {
        Ok(()) => Ok(Json(json!({}))),
        Err(left) => Err(code_refusal(lang, left, Proof::Address)),
    }
}

/// Starts adding (or changing) the mobile number for security alerts by SMS (after the
/// password was typed again): a code is sent to it by SMS.
#[utoipa::path(post, path = "/api/security/mobile", tag = "security",
    request_body = MobileChange,
    responses(
        (status = 200, description = "A code was sent to the number by SMS"),
        (status = 403, description = "The password must be typed again first (`step_up_required`)", body = ApiError),
        (status = 404, description = "This portal sends no SMS", body = ApiError),
        (status = 422, description = "Not a French mobile number (`fields.mobile`)", body = ApiError),
    ))]
pub async fn change_mobile(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<MobileChange>,
) -> Result<Json<Value>, AppError> {
    if !state.config.sms_available {
        return Err(AppError::NotFound);
    }
    let number = parse_mobile(&request.mobile)
        .map_err(|problem| invalid(lang, "mobile", problem.message(lang).to_owned()))?;
    let code = crate::login::six_digits()?;
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let done = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            if !stepped_up(tx, &member, now)? {
                return Ok(false);
            }
            let expires = clock::format(now + Duration::minutes(i64::from(EMAIL_CODE_MINUTES)));
            sms::set_pending(
                tx,
                member.account_id,
                &number,
                &mobile_code_hash(&keys, member.account_id, &code),
                &expires,
            )?;
            crate::sms::mobile_code(
                tx,
                &number,
                lang,
                &code,
                EMAIL_CODE_MINUTES,
                &clock::format(now),
            )?;
            Ok(true)
        })
        .await?;
    if done {
        Ok(Json(json!({})))
    } else {
        Err(AppError::StepUpRequired)
    }
}

/// Finishes adding the mobile number with the code sent to it by SMS; alerts then also go
/// there, and the member is told by e-mail.
#[utoipa::path(post, path = "/api/security/mobile/confirm", tag = "security",
    request_body = EmailConfirm,
    responses(
        (status = 200, description = "The number is the account's; alerts go there too"),
        (status = 422, description = "Wrong, expired or malformed code (`fields.code`)", body = ApiError),
    ))]
pub async fn confirm_mobile(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    member: Member,
    JsonBody(request): JsonBody<EmailConfirm>,
) -> Result<Json<Value>, AppError> {
    let typed = parse_code(&request.code);
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let outcome = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let now_text = clock::format(now);
            let account = member.account_id;
            let mobile = sms::mobile(tx, account)?;
            let (Some(_), Some(hash), Some(expires)) =
                (mobile.pending, mobile.code_hash, mobile.code_expires)
            else {
                return Ok(Err(None));
            };
            if clock::parse(&expires) <= now || mobile.code_attempts >= CODE_ATTEMPTS {
                return Ok(Err(None));
            }
            let right = typed.as_ref().is_some_and(|code| {
                crate::login::constant_time_eq(&hash, &mobile_code_hash(&keys, account, code))
            });
            if !right {
                let used = mobile.code_attempts + 1;
                sms::record_attempt(tx, account, used >= CODE_ATTEMPTS)?;
                return Ok(Err(Some(CODE_ATTEMPTS.saturating_sub(used))));
            }
            sms::confirm(tx, account, &now_text)?;
            Ok(Ok(()))
        })
        .await?;
    match outcome {
        Ok(()) => Ok(Json(json!({}))),
        Err(left) => Err(code_refusal(lang, left, Proof::Number)),
    }
}

/// Removes the mobile number (after the password was typed again): no more SMS.
#[utoipa::path(post, path = "/api/security/mobile/remove", tag = "security",
    responses(
        (status = 200, description = "The number is removed"),
        (status = 403, description = "The password must be typed again first (`step_up_required`)", body = ApiError),
    ))]
pub async fn remove_mobile(
    State(state): State<AppState>,
    member: Member,
) -> Result<Json<Value>, AppError> {
    let clock = state.clock.clone();
    let done = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            if !stepped_up(tx, &member, now)? {
                return Ok(false);
            }
            sms::remove(tx, member.account_id, &clock::format(now))?;
            Ok(true)
        })
        .await?;
    if done {
        Ok(Json(json!({})))
    } else {
        Err(AppError::StepUpRequired)
    }
}

/// What a confirmation code proves.
#[derive(Debug, Clone, Copy)]
enum Proof {
    /// A new e-mail address.
    Address,
    /// A mobile number.
    Number,
}

/// A refused confirmation code: attempts left (`Some`), or spent or expired (`None`, or no
/// attempt left), with how to get a new one.
fn code_refusal(lang: Lang, left: Option<u32>, proof: Proof) -> AppError {
    let message = match (left.filter(|l| *l > 0), lang) {
        (Some(left), Lang::Fr) => format!(
            "Ce code n'est pas le bon. Il vous reste {left} essai{}.",
            if left > 1 { "s" } else { "" }
        ),
        (Some(left), Lang::En) => format!(
            "This code is not the right one. You have {left} attempt{} left.",
            if left > 1 { "s" } else { "" }
        ),
        (None, Lang::Fr) => format!(
            "Ce code n'est plus valable : saisissez à nouveau {} pour en recevoir un autre.",
            match proof {
                Proof::Address => "la nouvelle adresse",
                Proof::Number => "le numéro",
            }
        ),
        (None, Lang::En) => format!(
            "This code is no longer valid: enter {} again to get another one.",
            match proof {
                Proof::Address => "the new address",
                Proof::Number => "the number",
            }
        ),
    };
    invalid(lang, "code", message)
}

fn mobile_code_hash(keys: &Keys, account: AccountId, code: &str) -> Vec<u8> {
    keys.blind_index("accounts.mobile_code", &format!("{}:{code}", account.0))
}

/// A security notice's "this was not me" link, and the same alert by SMS when the member gave a
/// mobile number.
pub(crate) fn alert(
    conn: &Connection,
    origin: &str,
    account: AccountId,
    kind: AlertKind,
    now: OffsetDateTime,
    lang: Lang,
) -> Result<String, DbError> {
    crate::sms::notice(
        conn,
        account,
        kind,
        lang,
        &clock::words(now, lang),
        &clock::format(now),
    )?;
    not_me_link(conn, origin, account, kind, now)
}

/// Creates the single-use token of a notice's "this was not me" link and returns the link (the
/// token in the fragment, never sent to a server by the browser or in `Referer`).
pub(crate) fn not_me_link(
    conn: &Connection,
    origin: &str,
    account: AccountId,
    kind: AlertKind,
    now: OffsetDateTime,
) -> Result<String, DbError> {
    let bytes: [u8; 32] = crypto::random_bytes()?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let expires = now + Duration::days(i64::from(NOT_ME_DAYS));
    security::create_alert(
        conn,
        account,
        kind,
        &crypto::sha256(token.as_bytes()),
        &clock::format(now),
        &clock::format(expires),
    )?;
    Ok(format!("{origin}/securite/pas-moi#{token}"))
}

/// "This was not me": ends every session of the account and e-mails a link to choose a new
/// password. The link asks for nothing else.
#[utoipa::path(post, path = "/api/security/not-me", tag = "security",
    request_body = NotMeRequest,
    responses(
        (status = 200, description = "Every session ended; a reset link was e-mailed"),
        (status = 422, description = "The link was used or has expired (`fields.token`)", body = ApiError),
    ))]
pub async fn not_me(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<NotMeRequest>,
) -> Result<Json<Value>, AppError> {
    let token_hash = crypto::sha256(request.token.trim().as_bytes()).to_vec();
    let (reset, reset_hash) = crate::password::reset_token()?;
    let link = format!(
        "{}/mot-de-passe/nouveau#{reset}",
        state.config.public_origin
    );
    let clock = state.clock.clone();
    let done = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let now_text = clock::format(now);
            let Some(account) = security::take_alert(tx, &token_hash, &now_text)? else {
                return Ok(false);
            };
            sessions::delete_for_account(tx, account)?;
            let expires = clock::format(now + Duration::minutes(i64::from(RESET_LINK_MINUTES)));
            codes::replace(
                tx,
                account,
                Purpose::PasswordReset,
                &reset_hash,
                &now_text,
                &expires,
            )?;
            if let Some(profile) = accounts::profile(tx, account)? {
                mail::password_reset_link(
                    tx,
                    &profile.email,
                    lang,
                    &link,
                    RESET_LINK_MINUTES,
                    &now_text,
                )?;
            }
            Ok(true)
        })
        .await?;
    if done {
        Ok(Json(json!({})))
    } else {
        Err(invalid(
            lang,
            "token",
            match lang {
                Lang::Fr => "Ce lien a déjà servi ou a expiré. Si vous pensez que quelqu'un utilise \
                             votre compte, choisissez un nouveau mot de passe (« Mot de passe \
                             oublié ? ») ou appelez le 36 46.",
                Lang::En => "This link was already used or has expired. If you think someone is \
                             using your account, choose a new password (\"Forgotten password?\") or \
                             call 36 46.",
            }
            .to_owned(),
        ))
    }
}

/// Whether this session typed the password again in the last [`STEP_UP_MINUTES`].
pub(crate) fn stepped_up(
    conn: &Connection,
    member: &Member,
    now: OffsetDateTime,
) -> Result<bool, DbError> {
    Ok(security::stepped_up_at(conn, &member.token_hash)?
        .is_some_and(|at| now - clock::parse(&at) <= Duration::minutes(i64::from(STEP_UP_MINUTES))))
}

/// An authenticator for a base32 secret (RFC 6238: SHA-1, 6 digits, 30 s, one step either
/// side); named for the `otpauth://` address when `label` is given.
pub(crate) fn totp(secret: &str, label: Option<(&str, &str)>) -> Result<Totp, AppError> {
    let secret =
        Secret::try_from_base32(secret).map_err(|e| AppError::Internal(format!("{e:?}")))?;
    let mut builder = Builder::new()
        .with_secret(secret)
        .with_skew(u16::from(TOTP_SKEW_STEPS))
        .with_step_duration(TOTP_STEP_SECONDS);
    if let Some((issuer, account)) = label {
        builder = builder
            .with_issuer(Some(format!("Portail ({issuer})")))
            .with_account_name(account.to_owned());
    }
    builder
        .build()
        .map_err(|e| AppError::Internal(format!("{e:?}")))
}

/// The step of a right code for `secret` at `now`, if it is later than `last_step` (a code is
/// accepted once).
pub(crate) fn check_totp(
    secret: &str,
    code: &str,
    now: OffsetDateTime,
    last_step: Option<i64>,
) -> Result<Option<i64>, DbError> {
    let totp = totp(secret, None).map_err(|e| DbError::Data(format!("{e:?}")))?;
    let time = u64::try_from(now.unix_timestamp()).unwrap_or(0);
    Ok(totp
        .check(code, time)
        .and_then(|step| i64::try_from(step).ok())
        .filter(|step| last_step.is_none_or(|last| *step > last)))
}

/// The keyed hash of a recovery code (normalised: no dash, capitals).
pub(crate) fn recovery_hash(keys: &Keys, account: AccountId, code: &str) -> Vec<u8> {
    keys.blind_index("recovery_codes", &format!("{}:{code}", account.0))
}

/// `ABCDEFGH` → `ABCD EFGH`.
fn group(text: &str, size: usize) -> String {
    text.as_bytes()
        .chunks(size)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone, Copy)]
enum ConfirmProblem {
    StepUp,
    NoSetup,
    Malformed,
    Wrong,
}

impl ConfirmProblem {
    fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ConfirmProblem::NoSetup, Lang::Fr) => {
                "Aucune installation en cours : recommencez depuis le début."
            }
            (ConfirmProblem::NoSetup, Lang::En) => "No setup in progress: start again.",
            (ConfirmProblem::Malformed, Lang::Fr) => {
                "Le code compte 6 chiffres : recopiez celui que montre l'application."
            }
            (ConfirmProblem::Malformed, Lang::En) => {
                "The code has 6 digits: copy the one the app shows."
            }
            (ConfirmProblem::Wrong | ConfirmProblem::StepUp, Lang::Fr) => {
                "Ce code n'est pas le bon. Vérifiez que l'heure du téléphone est exacte, puis \
                 saisissez le code affiché en ce moment."
            }
            (ConfirmProblem::Wrong | ConfirmProblem::StepUp, Lang::En) => {
                "This code is not the right one. Check that the phone's clock is right, then \
                 enter the code shown now."
            }
        }
    }
}
