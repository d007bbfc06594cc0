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
