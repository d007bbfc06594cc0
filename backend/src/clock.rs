//! The time as the server sees it. Production reads the system clock; tests move a manual
//! clock forward to prove that codes expire and delays end, without sleeping.

use std::sync::{
    Arc,
    atomic::{AtomicI64, Ordering},
};
use time::OffsetDateTime;

/// A source of "now".
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    /// The current instant (the system's, plus any offset a test added).
    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
            + time::Duration::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Moves this clock (and every clone of it) forward; for tests.
    pub fn advance(&self, seconds: i64) {
        self.offset_seconds.fetch_add(seconds, Ordering::Relaxed);
    }
}

/// Formats an instant the way the database stores it (ISO-8601 UTC, to the second).
pub fn format(at: OffsetDateTime) -> String {
    crate::db::format_instant(at)
}

/// Reads an instant stored by [`format`]; malformed values read as the epoch (so they count as
/// long expired rather than valid forever).
pub fn parse(text: &str) -> OffsetDateTime {
    OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}
