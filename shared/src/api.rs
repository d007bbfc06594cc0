//! Request and response bodies of the HTTP API, shared by the server and the browser.
//!
//! Every error the API returns has the one shape of [`ApiError`], so the browser can put each
//! message next to the field it concerns and keep what the member typed.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The one error shape of the API: a stable machine code, a human message in the language the
/// client asked for, and per-field messages for forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    /// Stable identifier, e.g. `not_found`, `validation`, `csrf`.
    pub code: String,
    /// A sentence for the person using the portal.
    pub message: String,
    /// Field name → message, for errors that belong next to a form field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// For throttling errors: seconds until the action may be tried again, so the browser can
    /// say "try again at 15:42" in the member's own time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u64>,
}

impl ApiError {
    /// An error with no field details.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            fields: BTreeMap::new(),
            retry_after_seconds: None,
        }
    }

    /// Says when the action may be retried.
    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        self.retry_after_seconds = Some(seconds);
        self
    }

    /// Adds a message for one form field.
    pub fn with_field(mut self, field: impl Into<String>, message: impl Into<String>) -> Self {
        self.fields.insert(field.into(), message.into());
        self
    }
}

/// Answer of `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` once the database answers.
    pub status: String,
    /// The portal's version.
    pub version: String,
}

/// How this deployment runs; the browser shows a banner in demo mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Seeded personas, local outbox, relaxed cookies: never real members.
    Demo,
    /// A real deployment.
    Production,
}

/// Answer of `GET /api/config`: what the browser needs to know before anyone logs in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicConfig {
    /// Demo or production.
    pub mode: Mode,
    /// The fund's name as shown in the footer and documents.
    pub fund_name: String,
    /// The portal's version.
    pub version: String,
    /// The server's clock (RFC 3339, UTC). The browser counts days and delays by it rather than
    /// by the device's clock, which may be wrong (and a demo may run on another day); "today"
    /// is the day in Paris, as the server judges dates.
    pub now: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_error_serialises_fields_only_when_present() {
        let plain = serde_json::to_value(ApiError::new("not_found", "Introuvable")).unwrap();
        assert_eq!(
            plain,
            serde_json::json!({"code": "not_found", "message": "Introuvable"})
        );
        let with = ApiError::new("validation", "Vérifiez le formulaire")
            .with_field("nir", "La clé ne correspond pas");
        let v = serde_json::to_value(&with).unwrap();
        assert_eq!(v["fields"]["nir"], "La clé ne correspond pas");
        let back: ApiError = serde_json::from_value(v).unwrap();
        assert_eq!(back, with);
    }

    #[test]
    fn mode_is_snake_case_on_the_wire() {
        assert_eq!(serde_json::to_string(&Mode::Demo).unwrap(), "\"demo\"");
    }
}
