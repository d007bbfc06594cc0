//! A small typed client for the portal's JSON API.
//!
//! Every call says which language the member reads (`Accept-Language`), so the server's error
//! messages come back in it, and every error comes back as one [`ApiFailure`].
//!
//! Every call also slides the member's session on the server, so the client remembers when the
//! last one was sent ([`last_activity_ms`]), for the idle warning; and a refusal for want of a
//! session is reported to whoever listens ([`set_session_lost_listener`]).

use std::cell::{Cell, RefCell};

use gloo_net::http::{Request, RequestBuilder, Response};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::i18n::Text;
use serde::Serialize;
use serde::de::DeserializeOwned;
use yew::Callback;

use crate::browser;

thread_local! {
    /// When the last answered call was sent, on the browser's clock.
    static LAST_ACTIVITY_MS: Cell<Option<i64>> = const { Cell::new(None) };
    /// Told when a call is refused for want of a session (set while a member is signed in).
    static SESSION_LOST: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

/// When the last successful call was sent (`None` before the first, and outside the browser).
///
/// The sending time rather than the answer's: the server counts from when the request arrived,
/// so the client's count never ends after the server's.
pub fn last_activity_ms() -> Option<i64> {
    LAST_ACTIVITY_MS.with(Cell::get)
}

/// Records activity at `now_ms` (a successful call; or the start of the watch, if none yet).
pub fn note_activity(now_ms: i64) {
    LAST_ACTIVITY_MS.with(|last| {
        last.set(Some(last.get().map_or(now_ms, |last| last.max(now_ms))));
    });
}

/// Who to tell when a call answers 401 `unauthenticated` (the session ended on the server);
/// `None` stops telling. Calls to [`paths::LOGOUT`] are not reported: their caller handles them.
pub fn set_session_lost_listener(listener: Option<Callback<()>>) {
    SESSION_LOST.with(|current| *current.borrow_mut() = listener);
}

fn report_session_lost() {
    // Cloned out first: the listener may replace itself.
    let listener = SESSION_LOST.with(|current| current.borrow().clone());
    if let Some(listener) = listener {
        listener.emit(());
    }
}

/// The API's addresses.
pub mod paths {
    /// `GET`: who is signed in (`Me`), or 401.
    pub const ME: &str = "/api/me";
    /// `POST LoginRequest`: first factor, answers `LoginStep`.
    pub const LOGIN: &str = "/api/login";
    /// `POST CodeRequest`: second factor, answers `Me`.
    pub const LOGIN_CODE: &str = "/api/login/code";
    /// `POST {}`: a new code, answers `LoginStep`.
    pub const LOGIN_CODE_RESEND: &str = "/api/login/code/resend";
    /// `POST {}`: ends the session, answers 204.
    pub const LOGOUT: &str = "/api/logout";
    /// `POST ForgotPasswordRequest`: e-mails a reset link if an account matches; answers `{}`
    /// either way.
    pub const PASSWORD_FORGOT: &str = "/api/password/forgot";
    /// `POST ResetPasswordRequest`: sets the new password, answers `{}`.
    pub const PASSWORD_RESET: &str = "/api/password/reset";
    /// `POST StrengthRequest`: the server's judgement of a password being typed (`Strength`).
    pub const PASSWORD_STRENGTH: &str = "/api/password/strength";
    /// `POST LetterRequest`: posts an activation letter, answers `LetterOrdered`.
    pub const ACTIVATION_LETTER: &str = "/api/activation/letter";
    /// `POST ActivateRequest`: the letter's code and the password, answers `LoginStep`.
    pub const ACTIVATION: &str = "/api/activation";
    /// `GET`: the account's security (`SecuritySettings`).
    pub const SECURITY: &str = "/api/security";
    /// `POST StepUpRequest`: the password typed again; answers `{}`.
    pub const SECURITY_STEP_UP: &str = "/api/security/step-up";
    /// `POST {}`: a new authenticator secret to scan (`TotpSetup`).
    pub const SECURITY_TOTP: &str = "/api/security/totp";
    /// `POST TotpConfirm`: the app's first code; answers `RecoveryCodes`.
    pub const SECURITY_TOTP_CONFIRM: &str = "/api/security/totp/confirm";
    /// `POST {}`: back to e-mailed codes; answers `{}`.
    pub const SECURITY_USE_EMAIL: &str = "/api/security/factor/email";

    /// `POST PasswordChange`: a new password while signed in; answers `{}`.
    pub const SECURITY_PASSWORD: &str = "/api/security/password";
    /// `POST EmailChange`: sends a code to a new address; answers `{}`.
    pub const SECURITY_EMAIL: &str = "/api/security/email";
    /// `POST EmailConfirm`: the new address's code; answers `{}`.
    pub const SECURITY_EMAIL_CONFIRM: &str = "/api/security/email/confirm";
    /// `POST MobileChange`: sends a code by SMS to a mobile number; answers `{}`.
    pub const SECURITY_MOBILE: &str = "/api/security/mobile";
    /// `POST EmailConfirm`: the SMS code; answers `{}`.
    pub const SECURITY_MOBILE_CONFIRM: &str = "/api/security/mobile/confirm";
    /// `POST {}`: removes the mobile number; answers `{}`.
    pub const SECURITY_MOBILE_REMOVE: &str = "/api/security/mobile/remove";
    /// `POST NotMeRequest`: a notice's "this was not me" link; answers `{}`.
    pub const SECURITY_NOT_ME: &str = "/api/security/not-me";

    /// `POST {}`: ends one of the member's sessions.
    pub fn security_device_end(id: &str) -> String {
        let id: String = id.chars().filter(char::is_ascii_alphanumeric).collect();
        format!("/api/security/devices/{id}/end")
    }

    /// `POST AgentLoginRequest`: an agent's e-mail and password; 204, then the code.
    pub const AGENT_LOGIN: &str = "/api/agent/login";
    /// `POST AgentCodeRequest`: the authenticator code; answers `AgentMe`.
    pub const AGENT_LOGIN_CODE: &str = "/api/agent/login/code";
    /// `GET`: the signed-in agent (`AgentMe`), or 401.
    pub const AGENT_ME: &str = "/api/agent/me";
    /// `GET`: a demo agent's current authenticator code, during sign-in (404 in production).
    pub const DEMO_AGENT_CODE: &str = "/api/demo/agent-code";
    /// `POST {}`: ends the agent session.
    pub const AGENT_LOGOUT: &str = "/api/agent/logout";
    /// `POST EnrolmentToken`: the secret an enrolment link unlocks (`EnrolmentInfo`).
    pub const AGENT_ENROLMENT_INFO: &str = "/api/agent/enrolment/info";
    /// `POST EnrolRequest`: ends enrolment; 204.
    pub const AGENT_ENROLMENT: &str = "/api/agent/enrolment";
    /// `POST MemberSearch`: members by NIR or name (`[MemberHit]`).
    pub const AGENT_MEMBER_SEARCH: &str = "/api/agent/members/search";
    /// `GET`: activation letters waiting (`[LetterItem]`).
    pub const AGENT_LETTERS: &str = "/api/agent/letters";
    /// `POST {}`: every waiting letter as one PDF.
    pub const AGENT_LETTERS_BATCH: &str = "/api/agent/letters/batch";
    /// `POST LettersSent`: printed letters posted; 204.
    pub const AGENT_LETTERS_SENT: &str = "/api/agent/letters/sent";
    /// `GET`: the team's figures (`[QueueStat]`), supervisors only.
    pub const AGENT_STATS: &str = "/api/agent/stats";
    /// `GET`: the agents' accesses to the member's file (`[Access]`).
    pub const ACCESSES: &str = "/api/accesses";

    /// `POST OpenFile`: a member's file, opened with a reason (`MemberFile`).
    pub fn agent_member_open(id: i64) -> String {
        format!("/api/agent/members/{id}/open")
    }

    /// `POST SupportRequest`: an action on a member's account (`MemberFile`).
    pub fn agent_member_support(id: i64) -> String {
        format!("/api/agent/members/{id}/support")
    }

    /// `GET`: the demo outbox, newest first (404 in production).
    pub const DEMO_OUTBOX: &str = "/api/demo/outbox";
    /// `GET`: a member's reimbursements (`?` + `Filter::to_query`); `/{id}` for one line.
    pub const REIMBURSEMENTS: &str = "/api/reimbursements";
    /// `GET`: the same lines as a CSV file.
    pub const REIMBURSEMENTS_CSV: &str = "/api/reimbursements.csv";
    /// `GET`: the months and years with statements; `/{yyyy-mm}` for a month's PDF.
    pub const STATEMENTS: &str = "/api/reimbursements/statements";
    /// `GET` `/{yyyy}`: a year's summary (PDF).
    pub const ANNUAL: &str = "/api/reimbursements/annual";
    /// `GET`/`POST`: the member's notification choices.
    pub const PREFERENCES: &str = "/api/preferences";
    /// `GET`: the member's requests; `/{id}` for one.
    pub const REQUESTS: &str = "/api/requests";
    /// `GET`: the CSS application's context (`CssContext`); `POST CssApplication` files one.
    pub const CSS: &str = "/api/css";
    /// `POST SituationChange`: a change of family situation.
    pub const SITUATION: &str = "/api/situation";
    /// `POST AidRequest`: an application for exceptional financial aid.
    pub const AID: &str = "/api/aid";
    /// `GET ?kind=&status=&assigned=`: the agents' queue of requests; `/{id}` for one,
    /// `/{id}/assign`, `/{id}/notes`, `/{id}/status`, `/{id}/attachments/{file}`.
    pub const AGENT_REQUESTS: &str = "/api/agent/requests";
    /// Who the member can get an attestation for; `/{id}` downloads one.
    pub const ATTESTATIONS: &str = "/api/attestations";
    /// The fund's public keys that verify attestations.
    pub const ATTESTATION_KEYS: &str = "/api/attestations/keys";
    /// `GET`: the household's médecins traitants; `POST`: a declaration.
    pub const DOCTOR: &str = "/api/doctor";
    /// `GET ?name=&city=&specialty=`: the directory of doctors.
    pub const PROFESSIONALS: &str = "/api/professionals";
    /// `GET`: what needs the member's attention (the home's "À faire").
    pub const ATTENTION: &str = "/api/attention";
    /// `GET`: the household's European health insurance cards.
    pub const CEAM: &str = "/api/ceam";
    /// `GET`: the household's prevention programmes.
    pub const PREVENTION: &str = "/api/prevention";
    /// `POST`: a programme done elsewhere.
    pub const PREVENTION_DONE: &str = "/api/prevention/done";
    /// `POST` a file's bytes (`?name=`); `GET /{id}` downloads one.
    pub const ATTACHMENTS: &str = "/api/attachments";
    /// `POST`: estimates a planned visit.
    pub const SIMULATE: &str = "/api/reimbursements/simulate";
    /// `GET`: the bank details, masked (`BankDetails`); `POST BankChange` files a change.
    pub const BANK: &str = "/api/bank";
    /// `GET`: the postal address (`AddressView`); `POST AddressChange` declares a move.
    pub const ADDRESS: &str = "/api/address";
    /// `GET`: the member's threads; `POST NewThread` writes to the fund; `/{id}` for one
    /// thread, `/{id}/reply`, `/{id}/draft`, `/{id}/close`, `/{id}/reopen`.
    pub const MESSAGES: &str = "/api/messages";
    /// `GET`: the unread count of the navigation (`Unread`).
    pub const MESSAGES_UNREAD: &str = "/api/messages/unread";
    /// `GET`/`POST`: the new message being written (`NewDraft`).
    pub const MESSAGES_DRAFT: &str = "/api/messages/draft";
    /// `GET ?` + `QueueFilter::to_query`: the agents' queue; `/{id}` for one thread,
    /// `/{id}/assign`, `/{id}/reply`, `/{id}/note`, `/{id}/close`, `/{id}/attachments`.
    pub const AGENT_MESSAGES: &str = "/api/agent/messages";
}

/// Error codes the browser reacts to.
pub mod codes {
    /// 422: per-field messages in `fields`.
    pub const VALIDATION: &str = "validation";
    /// 401 on `/api/login`: NIR or password wrong (never says which).
    pub const LOGIN_FAILED: &str = "login_failed";
    /// 429: too many attempts, with `retry_after_seconds`.
    pub const LOGIN_THROTTLED: &str = "login_throttled";
    /// 401: no session, or not at the stage the call needs.
    pub const UNAUTHENTICATED: &str = "unauthenticated";
    /// The password must be typed again before this change.
    pub const STEP_UP_REQUIRED: &str = "step_up_required";
}

/// Why an API call did not give the expected answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiFailure {
    /// The server refused the request and said why, in the API's error shape.
    Api(ApiError),
    /// The server answered an error status without the API's error shape (a proxy's page, a crash).
    Http(u16),
    /// No answer at all: offline, DNS failure, request aborted.
    Network(String),
    /// The request or the answer was not the JSON expected.
    Decode(String),
}

impl ApiFailure {
    /// A sentence for the member: the server's own message when it gave one.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ApiFailure::Api(error) => error.message.clone(),
            ApiFailure::Network(_) => Text::ErrorNetwork.text(lang).to_owned(),
            ApiFailure::Http(_) | ApiFailure::Decode(_) => {
                Text::ErrorUnexpected.text(lang).to_owned()
            }
        }
    }
}

/// `GET path`, decoding the JSON answer as `T`.
pub async fn get_json<T: DeserializeOwned>(path: &str, lang: Lang) -> Result<T, ApiFailure> {
    let request = with_common_headers(Request::get(path), lang);
    let sent_at = browser::now_ms();
    let result = receive(request.send().await).await;
    observe(path, sent_at, &result);
    result
}

/// `POST path` with `body` as JSON, decoding the JSON answer as `T`.
///
/// The `Content-Type: application/json` header is not optional: the server's CSRF rule rejects
/// state-changing requests without it (a cross-site form cannot send it).
pub async fn post_json<B, T>(path: &str, body: &B, lang: Lang) -> Result<T, ApiFailure>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let json = serde_json::to_string(body).map_err(|e| ApiFailure::Decode(e.to_string()))?;
    let request = with_common_headers(Request::post(path), lang)
        .header("Content-Type", "application/json")
        .body(json)
        .map_err(|e| ApiFailure::Decode(e.to_string()))?;
    let sent_at = browser::now_ms();
    let result = receive(request.send().await).await;
    observe(path, sent_at, &result);
    result
}

/// `POST path` with a file's bytes as the body (uploads), decoding the JSON answer as `T`.
///
/// The `x-portail-request` header is what the server's CSRF rule asks of a request whose body
/// is not JSON: a cross-site form cannot set it.
pub async fn post_file<T: DeserializeOwned>(
    path: &str,
    file: web_sys::File,
    lang: Lang,
) -> Result<T, ApiFailure> {
    let request = with_common_headers(Request::post(path), lang)
        .header("Content-Type", "application/octet-stream")
        .header("x-portail-request", "1")
        .body(wasm_bindgen::JsValue::from(file))
        .map_err(|e| ApiFailure::Decode(e.to_string()))?;
    let sent_at = browser::now_ms();
    let result = receive(request.send().await).await;
    observe(path, sent_at, &result);
    result
}

/// `POST path` with the empty JSON object `{}` (actions without parameters: resend a code,
/// log out), decoding the JSON answer as `T`; `T = ()` accepts `204 No Content`.
pub async fn post_empty<T: DeserializeOwned>(path: &str, lang: Lang) -> Result<T, ApiFailure> {
    post_json(path, &serde_json::Map::new(), lang).await
}

/// `GET path` answered by a file (a PDF made on demand): its bytes and the name the server
/// gave it (`Content-Disposition`).
pub async fn get_file(path: &str, lang: Lang) -> Result<(Vec<u8>, Option<String>), ApiFailure> {
    let request = with_common_headers(Request::get(path), lang);
    let sent_at = browser::now_ms();
    let result = receive_file(request.send().await).await;
    observe(path, sent_at, &result);
    result
}

/// A file's bytes and its name from an answer, or the failure the answer says.
async fn receive_file(
    sent: Result<Response, gloo_net::Error>,
) -> Result<(Vec<u8>, Option<String>), ApiFailure> {
    let response = sent.map_err(|e| ApiFailure::Network(e.to_string()))?;
    if !response.ok() {
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        return decode::<()>(status, &body).and(Err(ApiFailure::Http(status)));
    }
    let name = response
        .headers()
        .get("content-disposition")
        .and_then(|v| file_name(&v));
    response
        .binary()
        .await
        .map(|bytes| (bytes, name))
        .map_err(|e| ApiFailure::Network(e.to_string()))
}

/// The `filename="…"` of a `Content-Disposition` header.
pub fn file_name(header: &str) -> Option<String> {
    header
        .split(';')
        .filter_map(|part| part.trim().strip_prefix("filename="))
        .map(|name| name.trim_matches('"').to_owned())
        .find(|name| !name.is_empty() && !name.contains(['/', '\\']))
}

/// `POST path` with `{}`, answered by a file (a PDF): its bytes.
pub async fn post_for_file(path: &str, lang: Lang) -> Result<Vec<u8>, ApiFailure> {
    let request = with_common_headers(Request::post(path), lang)
        .header("Content-Type", "application/json")
        .body("{}")
        .map_err(|e| ApiFailure::Decode(e.to_string()))?;
    let sent_at = browser::now_ms();
    let result = receive_file(request.send().await)
        .await
        .map(|(bytes, _)| bytes);
    observe(path, sent_at, &result);
    result
}

impl ApiFailure {
    /// The API's error code (`validation`, `login_failed`…), when the server gave one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiFailure::Api(error) => Some(&error.code),
            ApiFailure::Http(_) | ApiFailure::Network(_) | ApiFailure::Decode(_) => None,
        }
    }
}

/// Turns a status and a body into the typed answer or the failure.
///
/// Separate from the network so it can be tested natively. An empty body reads as JSON `null`,
/// so `T = ()` accepts `204 No Content`.
pub fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiFailure> {
    let body = if body.trim().is_empty() { "null" } else { body };
    if (200..300).contains(&status) {
        serde_json::from_str(body).map_err(|e| ApiFailure::Decode(e.to_string()))
    } else {
        match serde_json::from_str::<ApiError>(body) {
            Ok(error) => Err(ApiFailure::Api(error)),
            Err(_) => Err(ApiFailure::Http(status)),
        }
    }
}

/// What every answer tells the session watch: activity, or a session gone.
fn observe<T>(path: &str, sent_at: Option<i64>, result: &Result<T, ApiFailure>) {
    match result {
        Ok(_) => {
            if let Some(sent_at) = sent_at {
                note_activity(sent_at);
            }
        }
        Err(failure) => {
            if failure.code() == Some(codes::UNAUTHENTICATED) && path != paths::LOGOUT {
                report_session_lost();
            }
        }
    }
}

fn with_common_headers(request: RequestBuilder, lang: Lang) -> RequestBuilder {
    request
        .header("Accept", "application/json")
        .header("Accept-Language", lang.tag())
}

async fn receive<T: DeserializeOwned>(
    sent: Result<Response, gloo_net::Error>,
) -> Result<T, ApiFailure> {
    let response = sent.map_err(|e| ApiFailure::Network(e.to_string()))?;
    let body = response
        .text()
        .await
        .map_err(|e| ApiFailure::Network(e.to_string()))?;
    decode(response.status(), &body)
}
