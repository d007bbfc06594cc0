//! When an action refused for too many attempts may be tried again, on the member's clock.

use portail_shared::Lang;
use portail_shared::i18n::Text;

use crate::browser;
use crate::time::{self, LocalInstant};

/// The id of the throttle panel: the page focuses it when it appears.
pub const THROTTLE_ID: &str = "connexion-suspendue";

/// When the server said an action may be tried again, read on the member's own clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAt {
    /// The moment the refusal arrived.
    pub now: LocalInstant,
    /// The first whole minute the action may be tried again.
    pub at: LocalInstant,
}

impl RetryAt {
    /// From the refusal's `retry_after_seconds`, on the browser's clock; `None` without one
    /// (natively), where the server's own sentence is shown instead.
    pub fn from_now(retry_after_seconds: Option<u64>) -> Option<Self> {
        let seconds = retry_after_seconds?;
        let now = browser::now_ms()?;
        Some(Self::compute(
            browser::local_instant(now),
            browser::local_instant(time::retry_at_ms(now, seconds)),
        ))
    }

    /// From two moments already read (tests).
    pub fn compute(now: LocalInstant, at: LocalInstant) -> Self {
        Self { now, at }
    }

    /// "Vous pourrez réessayer à 15:42." with the given start ([`Text::RetryPrefix`]…).
    pub fn sentence(self, prefix: Text, lang: Lang) -> String {
        format!(
            "{} {}.",
            prefix.text(lang),
            time::when_phrase(self.now, self.at, lang)
        )
    }
}
