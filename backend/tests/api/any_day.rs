//! The suite passes on any day and at any hour. Demo data is written from "today" (27 months of
//! payments, children's ages, cards about to expire, screenings due, CSS renewal windows…), so
//! every test whose assertions rest on such data is declared with [`any_day!`]: it runs once as
//! an ordinary test on the suite's fixed day ([`test_now`](crate::helpers::test_now)), and the
//! tests below run all of them again on many other days and hours, each on a demo seeded then
//! with the application's clock standing there. Nothing here reads the system clock.

use crate::helpers::{TestApp, demo_app_at};
use std::{future::Future, pin::Pin};
use time::{OffsetDateTime, macros::datetime};

/// A test that runs on whatever day its demo application was seeded: its name and body.
pub type Check = (
    &'static str,
    fn(TestApp) -> Pin<Box<dyn Future<Output = ()>>>,
);

/// Declares tests whose assertions rest on data written from "today". Each `async fn name(app)`
/// becomes the test `name` on a demo seeded at the suite's instant, and joins the module's
/// `ANY_DAY` list, which [`the_date_sensitive_tests_pass_on_any_day`] runs on many days.
macro_rules! any_day {
    ($( $(#[$meta:meta])* async fn $name:ident($app:ident) $body:block )*) => {
        /// The bodies of this module's date-sensitive tests, given a seeded demo application.
        pub mod on_a_day {
            #[allow(unused_imports)]
            use super::*;
            $( $(#[$meta])* pub async fn $name($app: crate::helpers::TestApp) $body )*
        }

        $(
            #[tokio::test]
            async fn $name() {
                on_a_day::$name(crate::helpers::demo_app().await).await
            }
        )*

        /// This module's date-sensitive tests, for `any_day`.
        pub const ANY_DAY: &[crate::any_day::Check] = &[$(
            (
                concat!(module_path!(), "::", stringify!($name)),
                |app| Box::pin(on_a_day::$name(app)),
            ),
        )*];
    };
}

/// Every module's date-sensitive tests.
fn checks() -> Vec<Check> {
    [
        crate::activation::ANY_DAY,
        crate::address::ANY_DAY,
        crate::agent_requests::ANY_DAY,
        crate::attention::ANY_DAY,
        crate::attestations::ANY_DAY,
        crate::ceam::ANY_DAY,
        crate::doctor::ANY_DAY,
        crate::import::ANY_DAY,
        crate::messages::ANY_DAY,
        crate::prevention::ANY_DAY,
        crate::reimbursements::ANY_DAY,
        crate::requests::ANY_DAY,
        crate::statements::ANY_DAY,
    ]
    .concat()
}

/// The days and hours checked: the 1st and the 15th of every month for two years from the
/// suite's day, each at an hour that turns with the list (late evening in Paris, when the UTC
/// day is still the day before, in winter and in summer time; the small hours; midday), plus
/// 29 February 2028, New Year's Eve and the nights summer time starts and ends.
pub fn instants() -> Vec<OffsetDateTime> {
    // (hour, minute) in UTC: 23:30 is 00:30 in Paris in winter, 22:30 is 00:30 in summer.
    const HOURS: [(u8, u8); 6] = [(23, 30), (22, 30), (0, 30), (21, 59), (10, 0), (1, 30)];
    let mut days = Vec::new();
    for month in 0..24 {
        let (year, month) = (2027 + month / 12, 1 + (month % 12) as u8);
        for day in [1, 15] {
            let (hour, minute) = HOURS[days.len() % HOURS.len()];
            let date = time::Date::from_calendar_date(
                year,
                time::Month::try_from(month).expect("a month"),
                day,
            )
            .expect("a day");
            days.push(date.with_hms(hour, minute, 0).expect("a time").assume_utc());
        }
    }
    days.extend([
        datetime!(2028-02-29 12:00 UTC),
        datetime!(2027-12-31 23:30 UTC),
        datetime!(2027-12-31 22:59 UTC),
        datetime!(2027-03-28 00:30 UTC),
        datetime!(2027-10-31 00:30 UTC),
    ]);
    days
}

/// Runs every date-sensitive test on `instants`, each on its own copy of a demo seeded there.
async fn run_on(instants: impl Iterator<Item = OffsetDateTime>) {
    let checks = checks();
    for at in instants {
        for (name, check) in &checks {
            // Shown with the failure: the day and the test that failed on it.
            eprintln!("{at}: {name}");
            check(demo_app_at(at).await).await;
        }
    }
}

#[tokio::test]
async fn the_date_sensitive_tests_pass_on_any_day_first_half() {
    run_on(instants().into_iter().step_by(2)).await;
}

#[tokio::test]
async fn the_date_sensitive_tests_pass_on_any_day_second_half() {
    run_on(instants().into_iter().skip(1).step_by(2)).await;
}

/// The system clock is read in one place on each side (`clock.rs` on the server, `browser.rs`
/// in the browser apps' library), so that every other line of code runs on whatever instant a
/// test or a demo sets.
#[test]
fn nothing_but_the_clock_reads_the_system_clock() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut readers = Vec::new();
    for (folder, allowed) in [
        ("backend/src", "backend/src/clock.rs"),
        ("frontend", "frontend/ui/src/browser.rs"),
        ("shared/src", ""),
    ] {
        let mut stack = vec![root.join(folder)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    if !path.ends_with("tests") {
                        stack.push(path);
                    }
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let shown = path.strip_prefix(&root).unwrap().display().to_string();
                for needle in ["now_utc(", "SystemTime::now", "Date::now(", "Date::new_0("] {
                    if text.contains(needle) && shown != allowed {
                        readers.push(format!("{shown}: {needle}"));
                    }
                }
            }
        }
    }
    assert_eq!(readers, Vec::<String>::new());
}
