//! Logging in with NIR + password, then a 6-digit code sent by e-mail; `me` and logout.
//!
//! Rules that hold whatever the input:
//! - a wrong password and an unknown NIR get the same answer, in about the same time;
//! - failures are counted per NIR (whether or not an account exists) and per client IP, in the
//!   database, so a restart resets nothing;
//! - the session token changes when the second factor is passed.

use crate::{
    AppError, clock,
    crypto::{self, Keys},
    db::{
        DbError,
        accounts::{self, AccountId},
        codes::{self, Purpose},
        members, security, sessions,
        throttle::{self, Throttle},
    },
    error::{JsonBody, RequestLang},
    http::{AppState, client_ip::ClientIp},
    mail,
    session::{self, Member, PendingLogin},
};
use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use portail_shared::{
    Lang, Nir,
    api::ApiError,
    login::{
        ABSOLUTE_TIMEOUT_SECONDS, CODE_ATTEMPTS, CodeRequest, EMAIL_CODE_MINUTES,
        FAILURE_WINDOW_SECONDS, IDLE_TIMEOUT_SECONDS, LoginRequest, LoginStep,
        MAX_FAILURES_PER_DAY, Me, SecondFactor, login_delay_seconds, mask_email,
    },
    security::{TypedCode, device_label, parse_typed_code},
};
use rusqlite::Connection;
use std::sync::LazyLock;
use time::{Duration, OffsetDateTime};

/// Failed logins from one address in a day before it waits too (a spray across many NIRs).
const IP_FAILURES_BEFORE_DELAY: u32 = 50;
/// Seconds between two code re-sends.
const RESEND_INTERVAL_SECONDS: i64 = 30;

/// First factor: NIR and password.
#[utoipa::path(post, path = "/api/login", tag = "login", request_body = LoginRequest,
    responses(
        (status = 200, description = "Password accepted; a code was e-mailed", body = LoginStep),
        (status = 401, description = "Wrong NIR or password (one message for both)", body = ApiError),
        (status = 422, description = "Malformed NIR or empty password", body = ApiError),
        (status = 429, description = "Too many failures: wait", body = ApiError),
    ))]
pub async fn login(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    JsonBody(request): JsonBody<LoginRequest>,
) -> Result<Response, AppError> {
    let nir = validate(&request, lang)?;
    let keys = state.config.keys.clone();
    let nir_index = keys.blind_index(members::NIR_INDEX, nir.as_str());
    let nir_key = nir_throttle_key(&nir_index);
    let ip_key = format!("ip:{ip}");
    let clock = state.clock.clone();

    // Refuse early while either counter is blocked, without touching the password.
    let (account, wait) = {
        let (nir_key, ip_key, clock) = (nir_key.clone(), ip_key.clone(), clock.clone());
        state
            .db
            .call(move |conn| {
                let now = clock.now();
                let wait = blocked_for(conn, &nir_key, now)?.max(blocked_for(conn, &ip_key, now)?);
                Ok((accounts::find_for_login(conn, &nir_index)?, wait))
            })
            .await?
    };
    if wait > 0 {
        return Err(AppError::Throttled(wait));
    }

    let password_ok = check_password(&request.password, account.as_ref()).await?;
    let account = match (password_ok, account) {
        (true, Some(account)) if account.status == "active" => account,
        (_, account) => {
            let origin = state.config.public_origin.clone();
            let wait = state
                .db
                .transaction(move |tx| {
                    let now = clock.now();
                    let nir_wait = record_failure(tx, &nir_key, now, 0)?;
                    let ip_wait = record_failure(tx, &ip_key, now, IP_FAILURES_BEFORE_DELAY)?;
                    if let Some(account) = account.filter(|a| a.status == "active") {
                        notice_locked(tx, &nir_key, &account, nir_wait, now, lang, &origin)?;
                    }
                    Ok(nir_wait.max(ip_wait))
                })
                .await?;
            return Err(if wait > 0 {
                AppError::Throttled(wait)
            } else {
                AppError::LoginFailed
            });
        }
    };

    let code = six_digits()?;
    let token = session::new_token()?;
    let user_agent = user_agent(&headers);
    let ip_class = ip_class(ip);
    let email = account.email.clone();
    // With an authenticator app there is nothing to send: the app shows the code.
    let factor = if account.second_factor == "totp" {
        SecondFactor::Totp
    } else {
        SecondFactor::Email
    };
    let hash = token.hash.clone();
    state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let now_text = clock::format(now);
            throttle::clear(tx, &nir_key)?;
            let expires = clock::format(now + Duration::minutes(i64::from(EMAIL_CODE_MINUTES)));
            // The pending login outlives its code, so an expired code can be replaced in place.
            let pending_until =
                clock::format(now + Duration::seconds(i64::from(IDLE_TIMEOUT_SECONDS)));
            sessions::create(
                tx,
                &hash,
                account.id,
                sessions::Stage::SecondFactor,
                &now_text,
                &pending_until,
                &user_agent,
                &ip_class,
            )?;
            if factor == SecondFactor::Totp {
                return Ok(());
            }
            codes::replace(
                tx,
                account.id,
                Purpose::Login,
                &code_hash(&keys, Purpose::Login, account.id, &code),
                &now_text,
                &expires,
            )?;
            mail::login_code(
                tx,
                &account.email,
                lang,
                &code,
                EMAIL_CODE_MINUTES,
                &now_text,
            )?;
            Ok(())
        })
        .await?;
    Ok(with_cookie(
        &state,
        &token.token,
        Json(LoginStep {
            masked_email: mask_email(&email),
            expires_in_minutes: if factor == SecondFactor::Totp {
                0
            } else {
                EMAIL_CODE_MINUTES
            },
            factor,
            confirming_email: false,
        }),
    ))
}

/// Second factor: the code received by e-mail.
#[utoipa::path(post, path = "/api/login/code", tag = "login", request_body = CodeRequest,
    responses(
        (status = 200, description = "Logged in", body = Me),
        (status = 401, description = "No login waiting for a code", body = ApiError),
        (status = 422, description = "Wrong, expired or malformed code", body = ApiError),
    ))]
pub async fn code(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ClientIp(ip): ClientIp,
    pending: PendingLogin,
    headers: HeaderMap,
    JsonBody(request): JsonBody<CodeRequest>,
) -> Result<Response, AppError> {
    let Some(typed) = parse_typed_code(&request.code) else {
        return Err(code_error(lang, CodeProblem::Malformed));
    };
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let token = session::new_token()?;
    let new_hash = token.hash.clone();
    let user_agent = user_agent(&headers);
    let ip_class = ip_class(ip);
    let origin = state.config.public_origin.clone();
    // The browser's id, or a new one: only its hash is stored.
    let device = match session::device_id(&headers, state.config.mode) {
        Some(id) => id,
        None => session::new_token()?.token,
    };
    let device_hash = crypto::sha256(device.as_bytes()).to_vec();
    let outcome = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let now_text = clock::format(now);
            let account = pending.account_id;
            // An account being created proves its e-mail address with this code.
            let creating = accounts::status(tx, account)?.as_deref() == Some("pending");
            let purpose = if creating {
                Purpose::EmailConfirmation
            } else {
                Purpose::Login
            };
            let factor = security::factor(tx, &keys, account)?;
            if !creating && let Some(factor) = factor.filter(|f| f.kind == "totp") {
                if let Err(problem) =
                    check_app_code(tx, &keys, &pending, &factor, &typed, now, lang, &origin)?
                {
                    return Ok(Err(problem));
                }
            } else {
                let TypedCode::Digits(typed) = typed else {
                    return Ok(Err(CodeProblem::Malformed));
                };
                let Some(live) = codes::live(tx, account, purpose)? else {
                    return Ok(Err(CodeProblem::Expired));
                };
                if clock::parse(&live.expires_at) <= now || live.attempts >= CODE_ATTEMPTS {
                    return Ok(Err(CodeProblem::Expired));
                }
                if !constant_time_eq(&live.code_hash, &code_hash(&keys, purpose, account, &typed)) {
                    let used = live.attempts + 1;
                    codes::record_attempt(tx, live.id, used >= CODE_ATTEMPTS, &now_text)?;
                    return Ok(Err(if used >= CODE_ATTEMPTS {
                        CodeProblem::Spent
                    } else {
                        CodeProblem::Wrong(CODE_ATTEMPTS - used)
                    }));
                }
                codes::consume(tx, live.id, &now_text)?;
            }
            if creating {
                accounts::activate(tx, account, &now_text)?;
                if let Some(profile) = accounts::profile(tx, account)? {
                    mail::welcome(tx, &profile.email, lang, &profile.given_names, &now_text)?;
                }
            }
            notice_new_device(
                tx,
                account,
                &device_hash,
                &user_agent,
                &ip_class,
                now,
                lang,
                &origin,
            )?;
            // A new token at the privilege change: a token seen before login is worth nothing after.
            sessions::delete(tx, &pending.token_hash)?;
            let expires =
                clock::format(now + Duration::seconds(i64::from(ABSOLUTE_TIMEOUT_SECONDS)));
            sessions::create(
                tx,
                &new_hash,
                account,
                sessions::Stage::Full,
                &now_text,
                &expires,
                &user_agent,
                &ip_class,
            )?;
            Ok(Ok(me_of(tx, &keys, account)?))
        })
        .await?;
    match outcome {
        Ok(me) => {
            let mut response = with_cookie(&state, &token.token, Json(me));
            response.headers_mut().append(
                header::SET_COOKIE,
                session::device_cookie(state.config.mode, &device),
            );
            Ok(response)
        }
        Err(problem) => Err(code_error(lang, problem)),
    }
}

/// E-mails the account's owner when failed logins first make it wait more than a minute, and
/// when the day's allowance is spent: they learn someone is trying, and what to do.
fn notice_locked(
    tx: &Connection,
    nir_key: &str,
    account: &accounts::LoginAccount,
    wait: u64,
    now: OffsetDateTime,
    lang: Lang,
    origin: &str,
) -> Result<(), DbError> {
    let failures = throttle::get(tx, nir_key)?.map_or(0, |t| t.failures);
    let first_long_wait = (1..failures).all(|n| login_delay_seconds(n) <= 60) && wait > 60;
    if !(first_long_wait || failures == MAX_FAILURES_PER_DAY) {
        return Ok(());
    }
    let until = now + Duration::seconds(i64::try_from(wait).unwrap_or(0));
    let link = crate::security::alert(
        tx,
        origin,
        account.id,
        security::AlertKind::Locked,
        now,
        lang,
    )?;
    mail::account_locked(
        tx,
        &account.email,
        lang,
        &clock::words(until, lang),
        &link,
        &clock::format(now),
    )?;
    Ok(())
}

/// Remembers the browser a login completed from; if the account had completed logins from
/// other browsers but never this one, e-mails a "new device" notice. (The very first browser
/// of an account is not news.)
#[allow(clippy::too_many_arguments)]
fn notice_new_device(
    tx: &Connection,
    account: AccountId,
    device_hash: &[u8],
    user_agent: &str,
    ip_class: &str,
    now: OffsetDateTime,
    lang: Lang,
    origin: &str,
) -> Result<(), DbError> {
    let (browser, system) = device_label(user_agent);
    let label = match (browser.as_str(), system.as_str()) {
        ("", "") => match lang {
            Lang::Fr => "navigateur inconnu".to_owned(),
            Lang::En => "unknown browser".to_owned(),
        },
        (b, "") => b.to_owned(),
        ("", s) => s.to_owned(),
        (b, s) => match lang {
            Lang::Fr => format!("{b} sur {s}"),
            Lang::En => format!("{b} on {s}"),
        },
    };
    let (seen, any) =
        security::remember_device(tx, account, device_hash, &label, &clock::format(now))?;
    if seen || !any {
        return Ok(());
    }
    let Some(profile) = accounts::profile(tx, account)? else {
        return Ok(());
    };
    let network = match (ip_class, lang) {
        ("loopback", Lang::Fr) => "cet ordinateur".to_owned(),
        ("loopback", Lang::En) => "this computer".to_owned(),
        ("private" | "", Lang::Fr) => "réseau local".to_owned(),
        ("private" | "", Lang::En) => "local network".to_owned(),
        (public, _) => public.to_owned(),
    };
    let link = crate::security::alert(
        tx,
        origin,
        account,
        security::AlertKind::NewDevice,
        now,
        lang,
    )?;
    mail::new_device(
        tx,
        &profile.email,
        lang,
        &label,
        &network,
        &clock::words(now, lang),
        &link,
        &clock::format(now),
    )?;
    Ok(())
}

/// Sends a new code (the previous one stops working).
#[utoipa::path(post, path = "/api/login/code/resend", tag = "login",
    responses(
        (status = 200, description = "A new code was e-mailed", body = LoginStep),
        (status = 401, description = "No login waiting for a code", body = ApiError),
        (status = 429, description = "Asked too soon", body = ApiError),
    ))]
pub async fn resend(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    pending: PendingLogin,
) -> Result<Json<LoginStep>, AppError> {
    let code = six_digits()?;
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let result = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let now_text = clock::format(now);
            let account = pending.account_id;
            let creating = accounts::status(tx, account)?.as_deref() == Some("pending");
            let purpose = if creating {
                Purpose::EmailConfirmation
            } else {
                Purpose::Login
            };
            if let Some(live) = codes::live(tx, account, purpose)? {
                let age = (now - clock::parse(&live.created_at)).whole_seconds();
                if age < RESEND_INTERVAL_SECONDS {
                    return Ok(Err(
                        u64::try_from(RESEND_INTERVAL_SECONDS - age).unwrap_or(1)
                    ));
                }
            }
            let Some(profile) = accounts::profile(tx, account)? else {
                return Ok(Err(0));
            };
            // An authenticator app's codes are never replaced by an e-mail.
            if security::factor(tx, &keys, account)?.is_some_and(|f| f.kind == "totp") {
                return Ok(Err(0));
            }
            let expires = clock::format(now + Duration::minutes(i64::from(EMAIL_CODE_MINUTES)));
            codes::replace(
                tx,
                account,
                purpose,
                &code_hash(&keys, purpose, account, &code),
                &now_text,
                &expires,
            )?;
            let send = if creating {
                mail::confirmation_code
            } else {
                mail::login_code
            };
            send(
                tx,
                &profile.email,
                lang,
                &code,
                EMAIL_CODE_MINUTES,
                &now_text,
            )?;
            Ok(Ok((profile.email, creating)))
        })
        .await?;
    match result {
        Ok((email, creating)) => Ok(Json(LoginStep {
            masked_email: mask_email(&email),
            expires_in_minutes: EMAIL_CODE_MINUTES,
            factor: SecondFactor::Email,
            confirming_email: creating,
        })),
        Err(0) => Err(AppError::Unauthenticated),
        Err(wait) => Err(AppError::Throttled(wait)),
    }
}

/// Checks a code from an authenticator app, or a recovery code, for a pending login. Wrong
/// codes are counted per account; after [`CODE_ATTEMPTS`] the pending login ends and the member
/// starts again from the password.
#[allow(clippy::too_many_arguments)]
fn check_app_code(
    tx: &Connection,
    keys: &Keys,
    pending: &PendingLogin,
    factor: &security::Factor,
    typed: &TypedCode,
    now: OffsetDateTime,
    lang: Lang,
    origin: &str,
) -> Result<Result<(), CodeProblem>, DbError> {
    let account = pending.account_id;
    let key = format!("second-factor:{}", account.0);
    let now_text = clock::format(now);
    let right = match typed {
        TypedCode::Digits(code) => {
            let secret = factor.totp_secret.as_deref().unwrap_or_default();
            match crate::security::check_totp(secret, code, now, factor.totp_last_step)? {
                Some(step) => {
                    security::set_totp_step(tx, account, step)?;
                    true
                }
                None => false,
            }
        }
        TypedCode::Recovery(code) => {
            let hash = crate::security::recovery_hash(keys, account, code);
            let used = security::use_recovery_code(tx, account, &hash, &now_text)?;
            if used && let Some(profile) = accounts::profile(tx, account)? {
                let left = security::recovery_codes_left(tx, account)?;
                let link = crate::security::alert(
                    tx,
                    origin,
                    account,
                    security::AlertKind::FactorChanged,
                    now,
                    lang,
                )?;
                mail::recovery_code_used(tx, &profile.email, lang, left, &link, &now_text)?;
            }
            used
        }
    };
    if right {
        throttle::clear(tx, &key)?;
        return Ok(Ok(()));
    }
    let failures = throttle::get(tx, &key)?.map_or(0, |t| t.failures) + 1;
    if failures >= CODE_ATTEMPTS {
        throttle::clear(tx, &key)?;
        sessions::delete(tx, &pending.token_hash)?;
        return Ok(Err(CodeProblem::AppSpent));
    }
    throttle::put(
        tx,
        &key,
        &Throttle {
            failures,
            window_start: now_text,
            blocked_until: None,
        },
    )?;
    Ok(Err(CodeProblem::AppWrong(CODE_ATTEMPTS - failures)))
}

/// Who is logged in.
#[utoipa::path(get, path = "/api/me", tag = "login",
    responses(
        (status = 200, description = "The logged-in member", body = Me),
        (status = 401, description = "Not logged in", body = ApiError),
    ))]
pub async fn me(State(state): State<AppState>, member: Member) -> Result<Json<Me>, AppError> {
    let keys = state.config.keys.clone();
    Ok(Json(
        state
            .db
            .call(move |conn| me_of(conn, &keys, member.account_id))
            .await?,
    ))
}

/// Ends the session here, removes its cookie and asks the browser to forget what it cached and
/// stored (the device id cookie stays, so this browser is still recognised).
#[utoipa::path(post, path = "/api/logout", tag = "login",
    responses((status = 204, description = "Logged out (also when no session was open)")))]
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(hash) = session::token_hash(&headers, state.config.mode) {
        state
            .db
            .call(move |conn| sessions::delete(conn, &hash))
            .await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    let h = response.headers_mut();
    h.insert(header::SET_COOKIE, session::clear_cookie(state.config.mode));
    // Not "cookies": that would also forget the browser's device id, and every next login
    // would be reported as a new device. The session cookie is removed by name above.
    h.insert(
        "clear-site-data",
        header::HeaderValue::from_static("\"cache\", \"storage\""),
    );
    Ok(response)
}

fn validate(request: &LoginRequest, lang: Lang) -> Result<Nir, AppError> {
    let nir = Nir::parse(&request.nir);
    let mut error = crate::error::validation(lang);
    if let Err(e) = &nir {
        error = error.with_field("nir", e.message(lang));
    }
    if request.password.is_empty() {
        error = error.with_field(
            "password",
            match lang {
                Lang::Fr => "Saisissez votre mot de passe.",
                Lang::En => "Enter your password.",
            },
        );
    }
    match nir {
        Ok(nir) if error.fields.is_empty() => Ok(nir),
        _ => Err(AppError::Invalid(error)),
    }
}

/// A hash of a password nobody has, so an unknown NIR costs the same time as a known one.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    crypto::hash_password("portail-dummy-password-for-timing").unwrap_or_default()
});

async fn check_password(
    password: &str,
    account: Option<&accounts::LoginAccount>,
) -> Result<bool, AppError> {
    let password = password.to_owned();
    let stored = account.and_then(|a| a.password_hash.clone());
    tokio::task::spawn_blocking(move || match stored {
        Some(hash) => crypto::verify_password(&password, &hash),
        None => {
            let _ = crypto::verify_password(&password, &DUMMY_HASH);
            false
        }
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))
}

/// Seconds left before `key` may try again (0 if it may now).
pub(crate) fn blocked_for(
    conn: &Connection,
    key: &str,
    now: OffsetDateTime,
) -> Result<u64, DbError> {
    Ok(throttle::get(conn, key)?
        .and_then(|t| t.blocked_until)
        .map(|until: String| (clock::parse(&until) - now).whole_seconds())
        .filter(|s| *s > 0)
        .and_then(|s| u64::try_from(s).ok())
        .unwrap_or(0))
}

/// Counts a failure and returns how long `key` must now wait. `free` failures cost nothing
/// before the delay rule starts counting (IP counters tolerate more than one person's typos).
pub(crate) fn record_failure(
    conn: &Connection,
    key: &str,
    now: OffsetDateTime,
    free: u32,
) -> Result<u64, DbError> {
    let window = Duration::seconds(i64::try_from(FAILURE_WINDOW_SECONDS).unwrap_or(86_400));
    let mut t = throttle::get(conn, key)?
        .filter(|t| now - clock::parse(&t.window_start) < window)
        .unwrap_or(Throttle {
            failures: 0,
            window_start: clock::format(now),
            blocked_until: None,
        });
    t.failures = t.failures.saturating_add(1);
    let counted = t.failures.saturating_sub(free);
    let wait = if counted >= MAX_FAILURES_PER_DAY {
        // The daily allowance is spent: wait for the window to end.
        let end = clock::parse(&t.window_start) + window;
        u64::try_from((end - now).whole_seconds()).unwrap_or(0)
    } else {
        login_delay_seconds(counted)
    };
    t.blocked_until = (wait > 0).then(|| clock::format(now + Duration::seconds(wait as i64)));
    throttle::put(conn, key, &t)?;
    Ok(wait)
}

fn me_of(conn: &Connection, keys: &Keys, account: AccountId) -> Result<Me, DbError> {
    let profile = accounts::profile(conn, account)?
        .ok_or_else(|| DbError::Data("session of a deleted account".into()))?;
    let masked_nir = members::nir_of(conn, keys, profile.member_id)?
        .map(|n| n.masked())
        .unwrap_or_default();
    Ok(Me {
        given_names: profile.given_names,
        family_name: profile.family_name,
        masked_nir,
        idle_timeout_seconds: IDLE_TIMEOUT_SECONDS,
    })
}

#[derive(Debug, Clone, Copy)]
enum CodeProblem {
    Malformed,
    Wrong(u32),
    Spent,
    Expired,
    /// A wrong app or recovery code; attempts left.
    AppWrong(u32),
    /// Too many wrong app codes: the pending login was ended.
    AppSpent,
}

fn code_error(lang: Lang, problem: CodeProblem) -> AppError {
    let fr = lang == Lang::Fr;
    let field = match problem {
        CodeProblem::Malformed if fr => {
            "Le code compte 6 chiffres : recopiez-le depuis l'e-mail reçu.".to_owned()
        }
        CodeProblem::Malformed => {
            "The code has 6 digits: copy it from the e-mail you received.".to_owned()
        }
        CodeProblem::Wrong(left) if fr => format!(
            "Ce code n'est pas le bon. Il vous reste {left} essai{}.",
            if left > 1 { "s" } else { "" }
        ),
        CodeProblem::Wrong(left) => format!(
            "This code is not the right one. You have {left} attempt{} left.",
            if left > 1 { "s" } else { "" }
        ),
        CodeProblem::Spent if fr => {
            "Trop d'essais avec ce code : demandez-en un nouveau.".to_owned()
        }
        CodeProblem::Spent => "Too many attempts with this code: ask for a new one.".to_owned(),
        CodeProblem::Expired if fr => {
            "Ce code n'est plus valable : demandez-en un nouveau.".to_owned()
        }
        CodeProblem::Expired => "This code is no longer valid: ask for a new one.".to_owned(),
        CodeProblem::AppWrong(left) if fr => format!(
            "Ce code n'est pas le bon. Saisissez le code affiché en ce moment par l'application, \
             ou un code de secours. Il vous reste {left} essai{}.",
            if left > 1 { "s" } else { "" }
        ),
        CodeProblem::AppWrong(left) => format!(
            "This code is not the right one. Enter the code the app shows now, or a recovery \
             code. You have {left} attempt{} left.",
            if left > 1 { "s" } else { "" }
        ),
        CodeProblem::AppSpent if fr => {
            "Trop d'essais : par sécurité, reprenez la connexion depuis le début.".to_owned()
        }
        CodeProblem::AppSpent => {
            "Too many attempts: for your security, start signing in again.".to_owned()
        }
    };
    AppError::Invalid(
        ApiError::new(
            "validation",
            if fr {
                "Vérifiez le code."
            } else {
                "Check the code."
            },
        )
        .with_field("code", field),
    )
}

pub(crate) fn with_cookie(state: &AppState, token: &str, body: impl IntoResponse) -> Response {
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        session::set_cookie(state.config.mode, token),
    );
    response
}

pub(crate) fn code_hash(keys: &Keys, purpose: Purpose, account: AccountId, code: &str) -> Vec<u8> {
    let domain = match purpose {
        Purpose::Login => "one_time_codes.login",
        Purpose::EmailConfirmation => "one_time_codes.email_confirmation",
        Purpose::PasswordReset => "one_time_codes.password_reset",
    };
    keys.blind_index(domain, &format!("{}:{code}", account.0))
}

/// A uniformly random 6-digit code (rejection sampling: no modulo bias).
pub(crate) fn six_digits() -> Result<String, AppError> {
    loop {
        let bytes: [u8; 4] =
            crypto::random_bytes().map_err(|e| AppError::Internal(e.to_string()))?;
        let n = u32::from_le_bytes(bytes);
        if n < 4_294_000_000 {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}

pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The failed-login counter of a NIR, by its blind index (login, password reset, agents'
/// unlocking and the demo's locked persona share it).
pub(crate) fn nir_throttle_key(nir_index: &[u8]) -> String {
    format!("nir:{}", hex(nir_index))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The kind of network an address belongs to, never the address itself: this computer, a
/// local network, or the first three bytes of an IPv4 address (first three groups of IPv6).
pub(crate) fn ip_class(ip: std::net::IpAddr) -> String {
    use std::net::IpAddr;
    match ip {
        ip if ip.is_loopback() => "loopback".to_owned(),
        IpAddr::V4(v4) if v4.is_private() || v4.is_link_local() => "private".to_owned(),
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.x")
        }
        IpAddr::V6(v6) if (v6.segments()[0] & 0xfe00) == 0xfc00 => "private".to_owned(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::", s[0], s[1], s[2])
        }
    }
}

pub(crate) fn user_agent(headers: &HeaderMap) -> String {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(200).collect())
        .unwrap_or_default()
}
