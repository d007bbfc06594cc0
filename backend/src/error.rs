//! The one error type of the HTTP layer and its translation into the API error shape.
//!
//! Handlers return `AppError`; the response carries the error as an extension and the
//! `localize` middleware renders it in the language the request asked for, so every error
//! of every route, fallbacks included, speaks French or English consistently.

use crate::db::DbError;
use axum::{
    Json,
    extract::Request,
    http::{StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use portail_shared::{Lang, api::ApiError};

/// Everything a request can fail with, as the client should see it.
#[derive(Debug, Clone)]
pub enum AppError {
    /// No such route or object (also for objects that exist but belong to someone else).
    NotFound,
    /// The route exists but not with this method.
    MethodNotAllowed,
    /// A state-changing request that did not come from the portal's own pages.
    Csrf,
    /// The request body is larger than the route accepts.
    TooLarge,
    /// The body is not the JSON the route expects (a bug or a tampered client).
    BadRequest,
    /// The database is busy or unreachable; try again shortly.
    Unavailable,
    /// A bug or an unexpected failure; the cause is logged, never shown.
    Internal(String),
    /// Bad input, already phrased for the client (field messages included).
    Invalid(ApiError),
    /// No session, or it ended.
    Unauthenticated,
    /// Wrong NIR/password pair: one message that reveals neither which nor whether an
    /// account exists.
    LoginFailed,
    /// Too many failures: try again after this many seconds.
    Throttled(u64),
    /// A sensitive change needs the password typed again first.
    StepUpRequired,
    /// Signed in, but this role may not do this (an agent on a supervisor's route).
    Forbidden,
}

impl AppError {
    fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthenticated | AppError::LoginFailed => StatusCode::UNAUTHORIZED,
            AppError::Throttled(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::StepUpRequired | AppError::Forbidden => StatusCode::FORBIDDEN,
        }
    }

    /// The error as the API shows it, in `lang`.
    pub fn to_api(&self, lang: Lang) -> ApiError {
        let fr = lang == Lang::Fr;
        let (code, message) = match self {
            AppError::Invalid(e) => return e.clone(),
            AppError::Throttled(seconds) => {
                let minutes = seconds.div_ceil(60).max(1);
                let message = if fr {
                    format!(
                        "Trop d'essais infructueux. Par sécurité, attendez {minutes} minute{} avant de réessayer, \
                         réinitialisez votre mot de passe, ou appelez le 36 46.",
                        if minutes > 1 { "s" } else { "" }
                    )
                } else {
                    format!(
                        "Too many failed attempts. For your security, wait {minutes} minute{} before trying again, \
                         reset your password, or call 36 46.",
                        if minutes > 1 { "s" } else { "" }
                    )
                };
                return ApiError::new("login_throttled", message).with_retry_after(*seconds);
            }
            AppError::Unauthenticated => (
                "unauthenticated",
                if fr {
                    "Vous n'êtes pas connecté, ou votre session a pris fin. Connectez-vous pour continuer."
                } else {
                    "You are not signed in, or your session has ended. Sign in to continue."
                },
            ),
            AppError::StepUpRequired => (
                "step_up_required",
                if fr {
                    "Pour protéger votre compte, saisissez à nouveau votre mot de passe."
                } else {
                    "To protect your account, enter your password again."
                },
            ),
            AppError::Forbidden => (
                "forbidden",
                if fr {
                    "Votre rôle ne permet pas cette action."
                } else {
                    "Your role does not allow this action."
                },
            ),
            AppError::LoginFailed => (
                "login_failed",
                if fr {
                    "Le numéro de sécurité sociale ou le mot de passe est incorrect. Vérifiez-les et réessayez."
                } else {
                    "The social security number or the password is incorrect. Check them and try again."
                },
            ),
            AppError::NotFound => (
                "not_found",
                if fr {
                    "Cette page ou cet élément n'existe pas, ou vous n'y avez pas accès."
                } else {
                    "This page or item does not exist, or you do not have access to it."
                },
            ),
            AppError::MethodNotAllowed => (
                "method_not_allowed",
                if fr {
                    "Cette action n'est pas possible ici."
                } else {
                    "This action is not possible here."
                },
            ),
            AppError::Csrf => (
                "csrf",
                if fr {
                    "La demande ne vient pas des pages du portail. Rechargez la page et recommencez."
                } else {
                    "The request did not come from the portal's pages. Reload the page and try again."
                },
            ),
            AppError::TooLarge => (
                "too_large",
                if fr {
                    "L'envoi est trop volumineux."
                } else {
                    "What you sent is too large."
                },
            ),
            AppError::BadRequest => (
                "bad_request",
                if fr {
                    "La demande est mal formée. Rechargez la page et recommencez."
                } else {
                    "The request is malformed. Reload the page and try again."
                },
            ),
            AppError::Unavailable => (
                "unavailable",
                if fr {
                    "Le service est momentanément indisponible. Réessayez dans quelques instants."
                } else {
                    "The service is briefly unavailable. Please try again in a moment."
                },
            ),
            AppError::Internal(_) => (
                "internal",
                if fr {
                    "Une erreur inattendue s'est produite. Réessayez ; si elle persiste, appelez le 36 46."
                } else {
                    "Something unexpected went wrong. Please try again; if it persists, call 36 46."
                },
            ),
        };
        ApiError::new(code, message)
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                AppError::Unavailable
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(cause) = &self {
            tracing::error!(%cause, "request failed");
        }
        let mut response = (self.status(), Json(self.to_api(Lang::Fr))).into_response();
        if let AppError::Throttled(seconds) = &self
            && let Ok(v) = header::HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        response.extensions_mut().insert(self);
        response
    }
}

/// The start of every form error: a summary sentence; callers add a message per field.
pub fn validation(lang: Lang) -> ApiError {
    ApiError::new(
        "validation",
        match lang {
            Lang::Fr => "Vérifiez les informations signalées.",
            Lang::En => "Check the information highlighted.",
        },
    )
}

/// Re-renders error bodies in the request's language (from `Accept-Language`).
pub async fn localize(request: Request, next: Next) -> Response {
    let lang = request_lang(&request);
    let response = next.run(request).await;
    if lang == Lang::Fr {
        return response;
    }
    match response.extensions().get::<AppError>().cloned() {
        Some(error) => {
            let status = response.status();
            let mut fresh = (status, Json(error.to_api(lang))).into_response();
            for (name, value) in response.headers() {
                if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
                    fresh.headers_mut().insert(name.clone(), value.clone());
                }
            }
            fresh
        }
        None => response,
    }
}

/// The language a request asks for.
pub fn request_lang(request: &Request) -> Lang {
    request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// The request's language, as an extractor for handlers that phrase field errors.
#[derive(Debug, Clone, Copy)]
pub struct RequestLang(pub Lang);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for RequestLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(RequestLang(
            parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Lang::from_accept_language)
                .unwrap_or_default(),
        ))
    }
}

/// A JSON request body whose rejections speak the API's error shape (413 when too large,
/// 400 otherwise) instead of axum's plain-text answers.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonBody<T>(pub T);

impl<S, T> axum::extract::FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(JsonBody(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::TooLarge)
            }
            Err(_) => Err(AppError::BadRequest),
        }
    }
}
