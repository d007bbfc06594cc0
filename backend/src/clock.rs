//! The time as the server sees it: the one place that reads the system clock.
//!
//! Production reads the system clock. `portail demo --today` starts a clock at a chosen instant
//! that then runs in real time. Tests hold a manual clock that stands still until they set or
//! move it, so a test can run on any day and hour, and never depends on when it runs.

use std::sync::{
    Arc,
    atomic::{AtomicBool, AtomicI64, Ordering},
};
use time::OffsetDateTime;

/// A source of "now", shared by every clone.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Stands still at `seconds` (since the epoch) instead of following the system clock.
    manual: AtomicBool,
    /// Manual: the instant, in seconds since the epoch. Otherwise: seconds added to the
    /// system clock.
    seconds: AtomicI64,
}

impl Clock {
    /// The system's clock.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that reads `at` now and then runs in real time (`portail demo --today`).
    pub fn starting_at(at: OffsetDateTime) -> Clock {
        let clock = Clock::system();
        clock.inner.seconds.store(
            (at - OffsetDateTime::now_utc()).whole_seconds(),
            Ordering::Relaxed,
        );
        clock
    }

    /// A clock that stands at `at` until it is set or moved (tests).
    pub fn manual(at: OffsetDateTime) -> Clock {
        let clock = Clock::default();
        clock.inner.manual.store(true, Ordering::Relaxed);
        clock
            .inner
            .seconds
            .store(at.unix_timestamp(), Ordering::Relaxed);
        clock
    }

    /// The current instant, to the second.
    pub fn now(&self) -> OffsetDateTime {
        let seconds = self.inner.seconds.load(Ordering::Relaxed);
        let at = if self.inner.manual.load(Ordering::Relaxed) {
            OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH)
        } else {
            OffsetDateTime::now_utc() + time::Duration::seconds(seconds)
        };
        at.replace_nanosecond(0).unwrap_or(at)
    }

    /// Today: the calendar day in mainland France, whatever the machine's time zone.
    pub fn today(&self) -> portail_shared::reimbursements::Date {
        paris_day(self.now())
    }

    /// Moves this clock (and every clone of it) forward, or back when `seconds` is negative.
    pub fn advance(&self, seconds: i64) {
        self.inner.seconds.fetch_add(seconds, Ordering::Relaxed);
    }

    /// Sets this clock (and every clone of it) to `at`; it keeps running if it ran.
    pub fn set(&self, at: OffsetDateTime) {
        let seconds = if self.inner.manual.load(Ordering::Relaxed) {
            at.unix_timestamp()
        } else {
            (at - OffsetDateTime::now_utc()).whole_seconds()
        };
        self.inner.seconds.store(seconds, Ordering::Relaxed);
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

/// The time in mainland France (CET, CEST from the last Sunday of March to the last Sunday of
/// October, switching at 01:00 UTC), for the dates and hours e-mails show members.
pub fn paris(at: OffsetDateTime) -> OffsetDateTime {
    let year = at.year();
    let summer_starts = last_sunday_one_utc(year, time::Month::March);
    let summer_ends = last_sunday_one_utc(year, time::Month::October);
    let hours = if at >= summer_starts && at < summer_ends {
        2
    } else {
        1
    };
    at.to_offset(time::UtcOffset::from_hms(hours, 0, 0).unwrap_or(time::UtcOffset::UTC))
}

/// The calendar day in mainland France at `at`, as the reimbursement rules count days.
pub fn paris_day(at: OffsetDateTime) -> portail_shared::reimbursements::Date {
    let day = paris(at).date();
    portail_shared::reimbursements::Date::new(day.year(), u8::from(day.month()), day.day())
        .unwrap_or(portail_shared::reimbursements::KNOWN_FROM)
}

/// A rules date in words ("26 novembre 2026"), as [`date_words`] says a calendar date.
pub fn day_words(day: portail_shared::reimbursements::Date, lang: portail_shared::Lang) -> String {
    time::Month::try_from(day.month())
        .ok()
        .and_then(|m| time::Date::from_calendar_date(day.year(), m, day.day()).ok())
        .map_or_else(|| day.to_string(), |d| date_words(d, lang))
}

/// Noon in Paris on `day` (a day given without an hour).
pub fn paris_noon(day: portail_shared::reimbursements::Date) -> Option<OffsetDateTime> {
    let month = time::Month::try_from(day.month()).ok()?;
    let date = time::Date::from_calendar_date(day.year(), month, day.day()).ok()?;
    let utc_noon = date.with_hms(12, 0, 0).ok()?.assume_utc();
    Some(utc_noon - time::Duration::seconds(paris(utc_noon).offset().whole_seconds().into()))
}

fn last_sunday_one_utc(year: i32, month: time::Month) -> OffsetDateTime {
    let last_day = time::Date::from_calendar_date(year, month, 31).unwrap_or(time::Date::MIN);
    let back = i64::from(last_day.weekday().number_days_from_sunday());
    let sunday = last_day - time::Duration::days(back);
    sunday
        .with_hms(1, 0, 0)
        .unwrap_or(sunday.midnight())
        .assume_utc()
}

/// A calendar date in words: "26 novembre 2026" ("1er janvier 2027"), "26 November 2026".
pub fn date_words(date: time::Date, lang: portail_shared::Lang) -> String {
    use time::Month::*;
    let (fr, en) = match date.month() {
        January => ("janvier", "January"),
        February => ("février", "February"),
        March => ("mars", "March"),
        April => ("avril", "April"),
        May => ("mai", "May"),
        June => ("juin", "June"),
        July => ("juillet", "July"),
        August => ("août", "August"),
        September => ("septembre", "September"),
        October => ("octobre", "October"),
        November => ("novembre", "November"),
        December => ("décembre", "December"),
    };
    match lang {
        portail_shared::Lang::Fr if date.day() == 1 => format!("1er {fr} {}", date.year()),
        portail_shared::Lang::Fr => format!("{} {fr} {}", date.day(), date.year()),
        portail_shared::Lang::En => format!("{} {en} {}", date.day(), date.year()),
    }
}

/// "26 novembre 2026 à 19 h 05", "26 November 2026 at 19:05", in Paris time.
pub fn words(at: OffsetDateTime, lang: portail_shared::Lang) -> String {
    let local = paris(at);
    let day = date_words(local.date(), lang);
    match lang {
        portail_shared::Lang::Fr => format!(
            "{day} à {} h {:02} (heure de Paris)",
            local.hour(),
            local.minute()
        ),
        portail_shared::Lang::En => format!(
            "{day} at {:02}:{:02} (Paris time)",
            local.hour(),
            local.minute()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn paris_is_one_hour_ahead_in_winter_and_two_in_summer() {
        assert_eq!(paris(datetime!(2026-11-26 18:05 UTC)).hour(), 19);
        assert_eq!(paris(datetime!(2026-07-14 10:00 UTC)).hour(), 12);
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(paris(datetime!(2026-03-29 00:59 UTC)).hour(), 1);
        assert_eq!(paris(datetime!(2026-03-29 01:00 UTC)).hour(), 3);
        assert_eq!(paris(datetime!(2026-10-25 00:59 UTC)).hour(), 2);
        assert_eq!(paris(datetime!(2026-10-25 01:00 UTC)).hour(), 2);
        assert_eq!(
            paris(datetime!(2026-10-25 01:00 UTC))
                .offset()
                .whole_hours(),
            1
        );
    }

    #[test]
    fn dates_in_words() {
        let at = datetime!(2026-11-26 18:05 UTC);
        assert_eq!(
            words(at, portail_shared::Lang::Fr),
            "26 novembre 2026 à 19 h 05 (heure de Paris)"
        );
        assert_eq!(
            words(datetime!(2026-08-01 06:30 UTC), portail_shared::Lang::En),
            "1 August 2026 at 08:30 (Paris time)"
        );
    }
}
