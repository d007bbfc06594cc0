//! Dates and times as members read them: "26 novembre 2026 à 15:42", "demain à 08:05".
//!
//! Pure arithmetic on epoch milliseconds and a UTC offset, so it runs and is tested natively;
//! the browser's clock and time zone come from [`browser`](crate::browser), read in handlers.

use portail_shared::Lang;
use portail_shared::i18n::Text;

const MS_PER_MINUTE: i64 = 60_000;
const MS_PER_DAY: i64 = 86_400_000;

/// A moment, with the offset of the member's clock from UTC at that moment (in minutes, east
/// positive: Paris is `60` in winter and `120` in summer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalInstant {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub epoch_ms: i64,
    /// Local time minus UTC, in minutes.
    pub offset_minutes: i32,
}

/// A local calendar date and wall-clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    /// Year, e.g. 2026.
    pub year: i64,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to 31.
    pub day: u32,
    /// Hour, 0 to 23.
    pub hour: u32,
    /// Minute, 0 to 59.
    pub minute: u32,
}

impl LocalInstant {
    /// A moment in UTC (tests, or a browser that cannot say its time zone).
    pub fn utc(epoch_ms: i64) -> Self {
        Self {
            epoch_ms,
            offset_minutes: 0,
        }
    }

    fn local_ms(self) -> i64 {
        self.epoch_ms + i64::from(self.offset_minutes) * MS_PER_MINUTE
    }

    /// The number of the local day since 1970-01-01.
    fn local_day(self) -> i64 {
        self.local_ms().div_euclid(MS_PER_DAY)
    }

    /// The local date and time.
    pub fn civil(self) -> Civil {
        let local = self.local_ms();
        let (year, month, day) = civil_from_days(local.div_euclid(MS_PER_DAY));
        let minutes_of_day = local.rem_euclid(MS_PER_DAY) / MS_PER_MINUTE;
        Civil {
            year,
            month,
            day,
            hour: u32::try_from(minutes_of_day / 60).unwrap_or(0),
            minute: u32::try_from(minutes_of_day % 60).unwrap_or(0),
        }
    }
}

/// "15:42": the local wall-clock time, 24-hour.
pub fn clock(at: LocalInstant) -> String {
    let civil = at.civil();
    format!("{:02}:{:02}", civil.hour, civil.minute)
}

/// "26 novembre 2026" ("1er novembre 2026"), "26 November 2026".
pub fn date(at: LocalInstant, lang: Lang) -> String {
    let civil = at.civil();
    calendar_date(civil.year, civil.month, civil.day, lang)
}

/// A calendar date in words: "26 novembre 2026" ("1er novembre 2026"), "26 November 2026".
pub fn calendar_date(year: i64, month: u32, day: u32, lang: Lang) -> String {
    let index = usize::try_from(month.saturating_sub(1)).unwrap_or(0);
    let month = Text::MONTHS[index.min(11)].text(lang);
    let first = if day == 1 && lang == Lang::Fr {
        "er"
    } else {
        ""
    };
    format!("{day}{first} {month} {year}")
}

/// "26 novembre 2026 à 15:42", "26 November 2026 at 15:42".
pub fn date_time(at: LocalInstant, lang: Lang) -> String {
    format!(
        "{} {} {}",
        date(at, lang),
        Text::DateAt.text(lang),
        clock(at)
    )
}

/// When an action refused `retry_after_seconds` ago at `now_ms` may be tried again, rounded up
/// to the next whole minute so that a member who waits until the time shown is never early.
pub fn retry_at_ms(now_ms: i64, retry_after_seconds: u64) -> i64 {
    let seconds = i64::try_from(retry_after_seconds).unwrap_or(i64::MAX / 1000);
    let at = now_ms.saturating_add(seconds.saturating_mul(1000));
    let rem = at.rem_euclid(MS_PER_MINUTE);
    if rem == 0 {
        at
    } else {
        at.saturating_add(MS_PER_MINUTE - rem)
    }
}

/// When, relative to today: "à 15:42", "demain à 08:05", "le 28 novembre 2026 à 15:42"
/// ("at 15:42", "tomorrow at 08:05", "on 28 November 2026 at 15:42").
pub fn when_phrase(now: LocalInstant, at: LocalInstant, lang: Lang) -> String {
    let at_clock = format!("{} {}", Text::DateAt.text(lang), clock(at));
    match at.local_day() - now.local_day() {
        i64::MIN..=0 => at_clock,
        1 => format!("{} {at_clock}", Text::DateTomorrow.text(lang)),
        _ => format!("{} {}", Text::DateOn.text(lang), date_time(at, lang)),
    }
}

/// Reads the API's UTC instants: `2026-11-26T14:42:00Z`, with or without fractions of a
/// second, a `T` or a space, `Z`, `+00:00` or any `±HH:MM` offset (no offset reads as UTC).
pub fn parse_utc(text: &str) -> Option<i64> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let number = |from: usize, len: usize| -> Option<i64> {
        let part = text.get(from..from + len)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if bytes.len() < 16 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[13] != b':' {
        return None;
    }
    if !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let year = number(0, 4)?;
    let month = number(5, 2)?;
    let day = number(8, 2)?;
    let hour = number(11, 2)?;
    let minute = number(14, 2)?;
    let mut at = 16;
    let mut second = 0;
    if bytes.get(at) == Some(&b':') {
        second = number(at + 1, 2)?;
        at += 3;
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        let digits = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 {
            return None;
        }
        at += digits;
    }
    let offset_minutes = match &bytes[at..] {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), rest @ ..] if rest.len() == 5 && rest[2] == b':' => {
            let minutes = number(at + 1, 2)? * 60 + number(at + 4, 2)?;
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => return None,
    };
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
        && second < 61;
    if !valid {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let minutes = days * 1440 + hour * 60 + minute - offset_minutes;
    Some(minutes * MS_PER_MINUTE + second.min(59) * 1000)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// "26 novembre 2026 à 15:42" from an ISO instant, on the member's clock.
pub fn instant_words(iso: &str, lang: Lang) -> String {
    parse_utc(iso)
        .map(crate::browser::local_instant)
        .map_or_else(|| iso.to_owned(), |at| date_time(at, lang))
}
