//! The outbox: every e-mail and letter the portal sends is kept, and in demo mode shown in the
//! browser so every journey can be completed without a mail server or a postman.

use serde::{Deserialize, Serialize};

/// How a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// By e-mail, over SMTP.
    #[default]
    Email,
    /// On paper, printed from a PDF.
    Letter,
    /// By text message, through the SMS provider.
    Sms,
}

/// One e-mail or letter as the demo outbox shows it (`GET /api/demo/outbox`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxMessage {
    /// Identifier, newest highest within a channel.
    pub id: i64,
    /// E-mail or letter.
    #[serde(default)]
    pub channel: Channel,
    /// Recipient address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// When it was written, ISO-8601 UTC.
    pub created_at: String,
    /// When it was handed to the SMTP server (e-mail) or exported for printing (letter).
    pub sent_at: Option<String>,
    /// Where the letter's PDF can be downloaded (letters only).
    #[serde(default)]
    pub pdf_url: Option<String>,
}
