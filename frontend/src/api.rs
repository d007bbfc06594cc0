//! A small typed client for the portal's JSON API.
//!
//! Every call says which language the member reads (`Accept-Language`), so the server's error
//! messages come back in it, and every error comes back as one [`ApiFailure`].

use gloo_net::http::{Request, RequestBuilder, Response};
use portail_shared::Lang;
use portail_shared::api::ApiError;
use portail_shared::i18n::Text;
use serde::Serialize;
use serde::de::DeserializeOwned;

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
    receive(request.send().await).await
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
    receive(request.send().await).await
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
