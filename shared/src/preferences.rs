//! What a member chooses to receive.

use serde::{Deserialize, Serialize};

/// The member's notification choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Preferences {
    /// An e-mail ("information de paiement", without amounts) for each payment.
    pub payment_emails: bool,
}
