//! Member sessions over HTTP: the cookie, and the extractors that turn it into an
//! authenticated member (or a login waiting for its second factor).
//!
//! The cookie holds an opaque 256-bit random token; the database holds only its SHA-256. In
//! production the cookie is `__Host-` prefixed, `Secure`, `HttpOnly`, `SameSite=Lax`; a demo on
//! plain-HTTP localhost drops the prefix and `Secure`, which browsers would otherwise refuse.

use crate::{
    AppError, Mode,
    clock::{self, Clock},
    crypto,
    db::{
        accounts::AccountId,
        sessions::{self, Session, Stage},
    },
    http::AppState,
};
use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, HeaderValue, header, request::Parts},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use portail_shared::login::{ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS};

/// The cookie's name in production.
pub const SECURE_COOKIE: &str = "__Host-portail";
/// The cookie's name in a plain-HTTP demo.
pub const DEMO_COOKIE: &str = "portail_session";

/// The long-lived cookie that lets the portal recognise a browser it has seen (so a login
/// from any other one is reported); production name, then demo name.
pub const DEVICE_COOKIES: (&str, &str) = ("__Host-portail_appareil", "portail_appareil");
/// How long a browser is remembered (400 days, the longest browsers keep a cookie).
const DEVICE_MAX_AGE: u32 = 400 * 24 * 60 * 60;

/// The `Set-Cookie` value that names this browser.
pub fn device_cookie(mode: Mode, id: &str) -> HeaderValue {
    let value = match mode {
        Mode::Production => format!(
            "{}={id}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age={DEVICE_MAX_AGE}",
            DEVICE_COOKIES.0
        ),
        Mode::Demo => format!(
            "{}={id}; Path=/; HttpOnly; SameSite=Lax; Max-Age={DEVICE_MAX_AGE}",
            DEVICE_COOKIES.1
        ),
    };
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The browser's device id, if it has one (a random value; only its hash is stored).
pub fn device_id(headers: &HeaderMap, mode: Mode) -> Option<String> {
    let name = match mode {
        Mode::Production => DEVICE_COOKIES.0,
        Mode::Demo => DEVICE_COOKIES.1,
    };
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, v)| {
            *k == name
                && v.len() == 43
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(|(_, id)| id.to_owned())
}

/// A fresh session token and its stored hash.
pub struct NewToken {
    /// What goes in the cookie.
    pub token: String,
    /// What goes in the database.
    pub hash: Vec<u8>,
}

/// Generates a session token.
pub fn new_token() -> Result<NewToken, AppError> {
    let bytes: [u8; 32] = crypto::random_bytes().map_err(|e| AppError::Internal(e.to_string()))?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = crypto::sha256(token.as_bytes()).to_vec();
    Ok(NewToken { token, hash })
}

/// The `Set-Cookie` value that gives the browser a session.
pub fn set_cookie(mode: Mode, token: &str) -> HeaderValue {
    let value = match mode {
        Mode::Production => format!(
            "{SECURE_COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age={ABSOLUTE_TIMEOUT_SECONDS}"
        ),
        Mode::Demo => format!(
            "{DEMO_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={ABSOLUTE_TIMEOUT_SECONDS}"
        ),
    };
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_cookie(mode: Mode) -> HeaderValue {
    HeaderValue::from_static(match mode {
        Mode::Production => "__Host-portail=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0",
        Mode::Demo => "portail_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0",
    })
}

/// The hash of the session token the request carries, if any.
pub fn token_hash(headers: &HeaderMap, mode: Mode) -> Option<Vec<u8>> {
    let name = match mode {
        Mode::Production => SECURE_COOKIE,
        Mode::Demo => DEMO_COOKIE,
    };
    cookie_hash(headers, name)
}

/// The hash of the token in the cookie called `name`, if the request carries one (member and
/// agent sessions alike).
pub fn cookie_hash(headers: &HeaderMap, name: &str) -> Option<Vec<u8>> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, token)| crypto::sha256(token.as_bytes()).to_vec())
}

/// Whether a session is still within its idle and absolute limits at `now`.
pub fn is_live(session: &Session, clock: &Clock) -> bool {
    within_limits(&session.last_seen_at, &session.expires_at, clock)
}

/// Whether a session last seen at `last_seen_at` and ending at `expires_at` (ISO-8601) is
/// still within the idle and absolute limits (member and agent sessions alike).
pub fn within_limits(last_seen_at: &str, expires_at: &str, clock: &Clock) -> bool {
    let now = clock.now();
    let idle = (now - clock::parse(last_seen_at)).whole_seconds();
    now < clock::parse(expires_at) && idle <= i64::from(IDLE_TIMEOUT_SECONDS)
}

/// A fully logged-in member; extracting it refuses the request with 401 otherwise and records
/// the activity (sliding the idle limit).
#[derive(Debug, Clone)]
pub struct Member {
    /// The account.
    pub account_id: AccountId,
    /// The stored hash of the session token (to end this session).
    pub token_hash: Vec<u8>,
}

/// A login that passed its first factor and waits for the second.
#[derive(Debug, Clone)]
pub struct PendingLogin {
    /// The account.
    pub account_id: AccountId,
    /// The stored hash of the pending session's token.
    pub token_hash: Vec<u8>,
}

async fn load(
    parts: &Parts,
    state: &AppState,
    stage: Stage,
) -> Result<(AccountId, Vec<u8>), AppError> {
    let hash = token_hash(&parts.headers, state.config.mode).ok_or(AppError::Unauthenticated)?;
    let clock = state.clock.clone();
    let lookup = hash.clone();
    let found = state
        .db
        .call(move |conn| {
            let Some(session) = sessions::find(conn, &lookup)? else {
                return Ok(None);
            };
            if session.stage != stage || !is_live(&session, &clock) {
                if !is_live(&session, &clock) {
                    sessions::delete(conn, &lookup)?;
                }
                return Ok(None);
            }
            sessions::touch(conn, &lookup, &clock::format(clock.now()))?;
            Ok(Some(session.account_id))
        })
        .await?;
    found
        .map(|account| (account, hash))
        .ok_or(AppError::Unauthenticated)
}

impl FromRequestParts<AppState> for Member {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let (account_id, token_hash) = load(parts, state, Stage::Full).await?;
        Ok(Member {
            account_id,
            token_hash,
        })
    }
}

impl FromRequestParts<AppState> for PendingLogin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let (account_id, token_hash) = load(parts, state, Stage::SecondFactor).await?;
        Ok(PendingLogin {
            account_id,
            token_hash,
        })
    }
}
