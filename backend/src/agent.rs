//! The agents' side of the portal: sign-in (e-mail, password, then the authenticator app —
//! mandatory), agent sessions under their own cookie, the `Agent` extractor that every
//! `/api/agent/...` route takes, and enrolment by a one-time link (`portail agent create`).
//!
//! A member's cookie never yields an [`Agent`] and an agent's never yields a
//! [`crate::session::Member`]: the cookies have different names and the session lookups each
//! require their own kind of owner.

use crate::{
    AppError, Mode,
    clock::{self, Clock},
    crypto,
    db::{
        DbError,
        agents::{self, AgentId, Role},
        sessions::{self, Stage},
    },
    error::{JsonBody, RequestLang},
    http::{AppState, client_ip::ClientIp},
    login::{blocked_for, hex, record_failure, user_agent},
    session::new_token,
};
use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
};
use portail_shared::{
    Lang,
    agent::{
        AgentCodeRequest, AgentLoginRequest, AgentMe, AgentRole, EnrolRequest, EnrolmentInfo,
        EnrolmentToken,
    },
    api::ApiError,
    login::{ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS},
};
use std::sync::LazyLock;
use time::Duration;

/// The agent session cookie: production name, then demo name.
pub const AGENT_COOKIES: (&str, &str) = ("__Host-portail_agent", "portail_agent");
/// How long an enrolment link works.
pub const ENROLMENT_HOURS: i64 = 72;
/// Failed sign-ins that lock an agent account (15 minutes, then longer: the members' rule).
const IP_FAILURES_BEFORE_DELAY: u32 = 50;

/// A fully signed-in agent. Extracting it refuses the request with 401 otherwise.
#[derive(Debug, Clone)]
pub struct Agent {
    /// Who.
    pub id: AgentId,
    /// Agent or supervisor.
    pub role: Role,
    /// The stored hash of the session token.
    pub token_hash: Vec<u8>,
}

impl Agent {
    /// Refuses (403) unless the agent is a supervisor.
    pub fn require_supervisor(&self) -> Result<(), AppError> {
        if self.role == Role::Supervisor {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// An agent who passed the password and owes the authenticator code.
#[derive(Debug, Clone)]
pub struct PendingAgent {
    /// Who.
    pub id: AgentId,
    /// The pending session's token hash.
    pub token_hash: Vec<u8>,
}

fn cookie_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Production => AGENT_COOKIES.0,
        Mode::Demo => AGENT_COOKIES.1,
    }
}

/// The `Set-Cookie` value of an agent session.
fn set_cookie(mode: Mode, token: &str) -> HeaderValue {
    let secure = if mode == Mode::Production {
        "; Secure"
    } else {
        ""
    };
    // Strict: an agent's session is never carried by a link from elsewhere.
    let value = format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Strict{secure}; Max-Age={ABSOLUTE_TIMEOUT_SECONDS}",
        cookie_name(mode)
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn clear_cookie(mode: Mode) -> HeaderValue {
    let secure = if mode == Mode::Production {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{}=; Path=/; HttpOnly; SameSite=Strict{secure}; Max-Age=0",
        cookie_name(mode)
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn token_hash(headers: &HeaderMap, mode: Mode) -> Option<Vec<u8>> {
    crate::session::cookie_hash(headers, cookie_name(mode))
}

fn is_live(session: &sessions::AgentSession, clock: &Clock) -> bool {
    crate::session::within_limits(&session.last_seen_at, &session.expires_at, clock)
}

async fn load(
    parts: &Parts,
    state: &AppState,
    stage: Stage,
) -> Result<(AgentId, Role, Vec<u8>), AppError> {
    let hash = token_hash(&parts.headers, state.config.mode).ok_or(AppError::Unauthenticated)?;
    let clock = state.clock.clone();
    let lookup = hash.clone();
    let found = state
        .db
        .call(move |conn| {
            let Some(session) = sessions::find_agent(conn, &lookup)? else {
                return Ok(None);
            };
            if !is_live(&session, &clock) {
                sessions::delete(conn, &lookup)?;
                return Ok(None);
            }
            if session.stage != stage {
                return Ok(None);
            }
            let Some(agent) = agents::find(conn, session.agent_id)?.filter(|a| !a.disabled) else {
                return Ok(None);
            };
            sessions::touch(conn, &lookup, &clock::format(clock.now()))?;
            Ok(Some((agent.id, agent.role)))
        })
        .await?;
    found
        .map(|(id, role)| (id, role, hash))
        .ok_or(AppError::Unauthenticated)
}

impl FromRequestParts<AppState> for Agent {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let (id, role, token_hash) = load(parts, state, Stage::Full).await?;
        Ok(Agent {
            id,
            role,
            token_hash,
        })
    }
}

impl FromRequestParts<AppState> for PendingAgent {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let (id, _, token_hash) = load(parts, state, Stage::SecondFactor).await?;
        Ok(PendingAgent { id, token_hash })
    }
}

static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| crypto::hash_password("portail-dummy-agent-password").unwrap_or_default());

fn login_failed(lang: Lang) -> AppError {
    AppError::Invalid(ApiError::new(
        "agent_login_failed",
        match lang {
            Lang::Fr => "L’adresse e-mail ou le mot de passe est incorrect.",
            Lang::En => "The e-mail address or the password is incorrect.",
        },
    ))
}

/// First step: e-mail and password. Failures are throttled per address and per client IP.
#[utoipa::path(post, path = "/api/agent/login", tag = "agent", request_body = AgentLoginRequest,
    responses(
        (status = 204, description = "Password accepted; the authenticator code is next"),
        (status = 422, description = "Wrong e-mail or password (one message for both)", body = ApiError),
        (status = 429, description = "Too many failures: wait", body = ApiError),
    ))]
pub async fn login(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    JsonBody(request): JsonBody<AgentLoginRequest>,
) -> Result<Response, AppError> {
    let email = request.email.trim().to_lowercase();
    if email.is_empty() || request.password.is_empty() {
        let mut error = crate::error::validation(lang);
        if email.is_empty() {
            error = error.with_field(
                "email",
                match lang {
                    Lang::Fr => "Saisissez votre adresse e-mail professionnelle.",
                    Lang::En => "Enter your work e-mail address.",
                },
            );
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
        return Err(AppError::Invalid(error));
    }
    let email_key = format!("agent:{}", hex(&crypto::sha256(email.as_bytes())));
    let ip_key = format!("agent-ip:{ip}");
    let clock = state.clock.clone();
    let (agent, wait) = {
        let (email, email_key, ip_key, clock) = (
            email.clone(),
            email_key.clone(),
            ip_key.clone(),
            clock.clone(),
        );
        state
            .db
            .call(move |conn| {
                let now = clock.now();
                let wait =
                    blocked_for(conn, &email_key, now)?.max(blocked_for(conn, &ip_key, now)?);
                Ok((agents::find_for_login(conn, &email)?, wait))
            })
            .await?
    };
    if wait > 0 {
        return Err(AppError::Throttled(wait));
    }
    let password = request.password.clone();
    let stored = agent
        .as_ref()
        .filter(|a| !a.disabled)
        .and_then(|a| a.password_hash.clone());
    let ok = tokio::task::spawn_blocking(move || match stored {
        Some(hash) => crypto::verify_password(&password, &hash),
        None => {
            let _ = crypto::verify_password(&password, &DUMMY_HASH);
            false
        }
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let Some(agent) = agent.filter(|_| ok) else {
        let wait = state
            .db
            .transaction(move |tx| {
                let now = clock.now();
                let a = record_failure(tx, &email_key, now, 0)?;
                let b = record_failure(tx, &ip_key, now, IP_FAILURES_BEFORE_DELAY)?;
                Ok(a.max(b))
            })
            .await?;
        return Err(if wait > 0 {
            AppError::Throttled(wait)
        } else {
            login_failed(lang)
        });
    };
    let token = new_token()?;
    let hash = token.hash.clone();
    let agent_string = user_agent(&headers);
    state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            crate::db::throttle::clear(tx, &email_key)?;
            let until = clock::format(now + Duration::seconds(i64::from(IDLE_TIMEOUT_SECONDS)));
            sessions::create_agent(
                tx,
                &hash,
                agent.id,
                Stage::SecondFactor,
                &clock::format(now),
                &until,
                &agent_string,
            )
        })
        .await?;
    let mut response = StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(state.config.mode, &token.token),
    );
    Ok(response)
}

fn code_problem(lang: Lang, spent: bool) -> AppError {
    let message = match (spent, lang) {
        (false, Lang::Fr) => {
            "Ce code n’est pas le bon, ou il a déjà servi. Saisissez le code affiché maintenant par votre application."
        }
        (false, Lang::En) => {
            "This code is wrong, or was already used. Enter the code your app shows now."
        }
        (true, Lang::Fr) => {
            "Trop de codes erronés. Recommencez la connexion depuis votre adresse e-mail."
        }
        (true, Lang::En) => {
            "Too many wrong codes. Start signing in again from your e-mail address."
        }
    };
    AppError::Invalid(crate::error::validation(lang).with_field("code", message))
}

/// Second step: the authenticator app's code (a code works once). Five wrong codes end the
/// pending sign-in.
#[utoipa::path(post, path = "/api/agent/login/code", tag = "agent", request_body = AgentCodeRequest,
    responses(
        (status = 200, description = "Signed in", body = AgentMe),
        (status = 401, description = "No sign-in waiting for a code", body = ApiError),
        (status = 422, description = "Wrong or reused code", body = ApiError),
    ))]
pub async fn code(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    pending: PendingAgent,
    headers: HeaderMap,
    JsonBody(request): JsonBody<AgentCodeRequest>,
) -> Result<Response, AppError> {
    let typed: String = request
        .code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let token = new_token()?;
    let new_hash = token.hash.clone();
    let agent_string = user_agent(&headers);
    let outcome = state
        .db
        .transaction(move |tx| {
            let now = clock.now();
            let key = format!("agent-code:{}", pending.id.0);
            let agent = agents::find(tx, pending.id)?
                .ok_or_else(|| DbError::Data("pending agent vanished".into()))?;
            let secret = agents::totp_secret(tx, &keys, agent.id)?.unwrap_or_default();
            let step = if typed.len() == 6 && typed.bytes().all(|b| b.is_ascii_digit()) {
                crate::security::check_totp(&secret, &typed, now, agent.totp_last_step)?
            } else {
                None
            };
            let Some(step) = step else {
                let failures = crate::db::throttle::get(tx, &key)?.map_or(0, |t| t.failures) + 1;
                if failures >= portail_shared::login::CODE_ATTEMPTS {
                    crate::db::throttle::clear(tx, &key)?;
                    sessions::delete(tx, &pending.token_hash)?;
                    return Ok(Err(true));
                }
                crate::db::throttle::put(
                    tx,
                    &key,
                    &crate::db::throttle::Throttle {
                        failures,
                        window_start: clock::format(now),
                        blocked_until: None,
                    },
                )?;
                return Ok(Err(false));
            };
            crate::db::throttle::clear(tx, &key)?;
            agents::set_totp_step(tx, agent.id, step)?;
            sessions::delete(tx, &pending.token_hash)?;
            let expires =
                clock::format(now + Duration::seconds(i64::from(ABSOLUTE_TIMEOUT_SECONDS)));
            sessions::create_agent(
                tx,
                &new_hash,
                agent.id,
                Stage::Full,
                &clock::format(now),
                &expires,
                &agent_string,
            )?;
            crate::db::audit::record(
                tx,
                &crate::db::audit::Entry {
                    actor: crate::db::audit::Actor::Agent(agent.id),
                    action: "agent.sign_in",
                    member: None,
                    at: &clock::format(now),
                    reason: "",
                    details: "",
                },
            )?;
            Ok(Ok(me_of(tx, agent.id)?))
        })
        .await?;
    match outcome {
        Ok(me) => {
            let mut response = Json(me).into_response();
            response.headers_mut().insert(
                header::SET_COOKIE,
                set_cookie(state.config.mode, &token.token),
            );
            Ok(response)
        }
        Err(spent) => Err(code_problem(lang, spent)),
    }
}

fn me_of(conn: &rusqlite::Connection, id: AgentId) -> Result<AgentMe, DbError> {
    let (email, display_name, role) =
        agents::profile(conn, id)?.ok_or_else(|| DbError::Data("agent vanished".into()))?;
    Ok(AgentMe {
        email,
        display_name,
        role: match role {
            Role::Agent => AgentRole::Agent,
            Role::Supervisor => AgentRole::Supervisor,
        },
    })
}

/// The signed-in agent.
#[utoipa::path(get, path = "/api/agent/me", tag = "agent",
    responses(
        (status = 200, description = "The signed-in agent", body = AgentMe),
        (status = 401, description = "No agent session", body = ApiError),
    ))]
pub async fn me(State(state): State<AppState>, agent: Agent) -> Result<Json<AgentMe>, AppError> {
    Ok(Json(
        state.db.call(move |conn| me_of(conn, agent.id)).await?,
    ))
}

/// Ends the agent session here.
#[utoipa::path(post, path = "/api/agent/logout", tag = "agent",
    responses((status = 204, description = "Signed out (also when no session was open)")))]
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(hash) = token_hash(&headers, state.config.mode) {
        state
            .db
            .call(move |conn| sessions::delete(conn, &hash))
            .await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, clear_cookie(state.config.mode));
    Ok(response)
}

fn enrolment_hash(token: &str) -> Vec<u8> {
    crypto::sha256(format!("agent-enrolment:{}", token.trim()).as_bytes()).to_vec()
}

fn link_expired(lang: Lang) -> AppError {
    AppError::Invalid(ApiError::new(
        "enrolment_link",
        match lang {
            Lang::Fr => {
                "Ce lien d’inscription n’est pas valable ou a expiré. Demandez un nouveau lien à l’exploitant."
            }
            Lang::En => {
                "This enrolment link is not valid or has expired. Ask the operator for a new one."
            }
        },
    ))
}

/// What an enrolment link unlocks: the authenticator secret to add to an app.
#[utoipa::path(post, path = "/api/agent/enrolment/info", tag = "agent", request_body = EnrolmentToken,
    responses(
        (status = 200, description = "The secret to add to the app", body = EnrolmentInfo),
        (status = 422, description = "Unknown or expired link", body = ApiError),
    ))]
pub async fn enrolment_info(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<EnrolmentToken>,
) -> Result<Json<EnrolmentInfo>, AppError> {
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let hash = enrolment_hash(&request.token);
    let found = state
        .db
        .call(move |conn| {
            let Some((id, email)) =
                agents::find_by_enrolment(conn, &hash, &clock::format(clock.now()))?
            else {
                return Ok(None);
            };
            Ok(agents::totp_secret(conn, &keys, id)?.map(|s| (email, s)))
        })
        .await?;
    let (email, secret) = found.ok_or_else(|| link_expired(lang))?;
    let uri = crate::security::totp(&secret, Some(("agents", &email)))?
        .to_url()
        .map_err(|e| AppError::Internal(format!("{e:?}")))?;
    Ok(Json(EnrolmentInfo {
        email,
        secret: secret
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" "),
        otpauth_uri: uri,
    }))
}

/// Ends enrolment: a password (the members' policy) and a first code from the app.
#[utoipa::path(post, path = "/api/agent/enrolment", tag = "agent", request_body = EnrolRequest,
    responses(
        (status = 204, description = "Enrolled: sign in now"),
        (status = 422, description = "Expired link, weak password or wrong code", body = ApiError),
    ))]
pub async fn enrol(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    JsonBody(request): JsonBody<EnrolRequest>,
) -> Result<StatusCode, AppError> {
    let keys = state.config.keys.clone();
    let clock = state.clock.clone();
    let hash = enrolment_hash(&request.token);
    let lookup = hash.clone();
    let found = {
        let (keys, clock) = (keys.clone(), clock.clone());
        state
            .db
            .call(move |conn| {
                let Some((id, email)) =
                    agents::find_by_enrolment(conn, &lookup, &clock::format(clock.now()))?
                else {
                    return Ok(None);
                };
                Ok(agents::totp_secret(conn, &keys, id)?.map(|s| (id, email, s)))
            })
            .await?
    };
    let (id, email, secret) = found.ok_or_else(|| link_expired(lang))?;
    let local_part = email.split('@').next().unwrap_or_default().to_owned();
    let personal = portail_shared::password::PersonalData {
        nir: "",
        names: local_part.split(['.', '-', '_']).collect(),
        birth_date: "",
    };
    let mut error = crate::error::validation(lang);
    if let Err(problem) = portail_shared::password::check_rules(&request.password, &personal) {
        error = error.with_field("password", problem.message(lang));
    }
    let typed: String = request
        .code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let step = crate::security::check_totp(&secret, &typed, clock.now(), None)?;
    if step.is_none() {
        error = error.with_field(
            "code",
            match lang {
                Lang::Fr => "Ce code n’est pas le bon. Saisissez le code affiché maintenant par l’application.",
                Lang::En => "This code is wrong. Enter the code the app shows now.",
            },
        );
    }
    let Some(step) = step.filter(|_| error.fields.is_empty()) else {
        return Err(AppError::Invalid(error));
    };
    let password_hash =
        crypto::hash_password(&request.password).map_err(|e| AppError::Internal(e.to_string()))?;
    let now = clock::format(clock.now());
    state
        .db
        .transaction(move |tx| {
            agents::complete_enrolment(tx, id, &password_hash, step)?;
            crate::db::audit::record(
                tx,
                &crate::db::audit::Entry {
                    actor: crate::db::audit::Actor::Agent(id),
                    action: "agent.enrolled",
                    member: None,
                    at: &now,
                    reason: "",
                    details: "",
                },
            )
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The code the demo agent's authenticator app would show now, for the agent whose password
/// was just accepted. Demo mode only (404 in production): a visitor trying the agents' area
/// has no app holding the demo agents' secrets.
#[utoipa::path(get, path = "/api/demo/agent-code", tag = "demo",
    responses(
        (status = 200, description = "The current 6-digit code", body = AgentCodeRequest),
        (status = 401, description = "No agent sign-in waiting for its code", body = ApiError),
        (status = 404, description = "Not a demo", body = ApiError),
    ))]
pub async fn demo_code(
    State(state): State<AppState>,
    pending: Result<PendingAgent, AppError>,
) -> Result<Json<AgentCodeRequest>, AppError> {
    if state.config.mode != Mode::Demo {
        return Err(AppError::NotFound);
    }
    let pending = pending?;
    let keys = state.config.keys.clone();
    let secret = state
        .db
        .call(move |conn| agents::totp_secret(conn, &keys, pending.id))
        .await?
        .ok_or(AppError::NotFound)?;
    let totp = crate::security::totp(&secret, None)?;
    let now = u64::try_from(state.clock.now().unix_timestamp()).unwrap_or(0);
    Ok(Json(AgentCodeRequest {
        code: totp.generate(now).to_string(),
    }))
}

/// What `portail agent create` prints.
#[derive(Debug, Clone)]
pub struct Created {
    /// The new agent.
    pub id: AgentId,
    /// The one-time enrolment link.
    pub link: String,
}

/// Creates an agent who enrols through a one-time link (valid [`ENROLMENT_HOURS`]).
pub fn create(
    tx: &rusqlite::Connection,
    keys: &crypto::Keys,
    public_origin: &str,
    email: &str,
    display_name: &str,
    role: Role,
    now: time::OffsetDateTime,
) -> Result<Created, DbError> {
    let token = crate::demo::base32(&crypto::random_bytes::<20>()?);
    let expires = clock::format(now + Duration::hours(ENROLMENT_HOURS));
    let id = agents::insert_enrolling(
        tx,
        &email.trim().to_lowercase(),
        display_name.trim(),
        role,
        &enrolment_hash(&token),
        &expires,
        &clock::format(now),
    )?;
    let secret = crate::demo::base32(&crypto::random_bytes::<20>()?);
    agents::set_totp_secret(tx, keys, id, &secret)?;
    crate::db::audit::record(
        tx,
        &crate::db::audit::Entry {
            actor: crate::db::audit::Actor::Operator,
            action: "agent.created",
            member: None,
            at: &clock::format(now),
            reason: "",
            details: role.as_str(),
        },
    )?;
    Ok(Created {
        id,
        link: format!(
            "{}/agent/inscription#{token}",
            public_origin.trim_end_matches('/')
        ),
    })
}
