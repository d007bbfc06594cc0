//! The outbox: every e-mail the portal sends is kept, and in demo mode shown in the browser so
//! every journey can be completed without a mail server.

use serde::{Deserialize, Serialize};

/// One e-mail as the demo outbox shows it (`GET /api/demo/outbox`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxEmail {
    /// Identifier, newest highest.
    pub id: i64,
    /// Recipient address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// When it was written, ISO-8601 UTC.
    pub created_at: String,
    /// When it was handed to the SMTP server, if one is configured.
    pub sent_at: Option<String>,
}
