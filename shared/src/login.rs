//! Logging in: the API bodies of the NIR + password + e-mail code journey, and the pure rules
//! that govern it (how long a member waits after failures, what a session's limits are).

use serde::{Deserialize, Serialize};

/// How long a session may stay unused before it ends.
pub const IDLE_TIMEOUT_SECONDS: u32 = 20 * 60;
/// How long a session may last at most, however active.
pub const ABSOLUTE_TIMEOUT_SECONDS: u32 = 12 * 60 * 60;
/// How long an e-mailed login code is valid.
pub const EMAIL_CODE_MINUTES: u32 = 10;
/// Wrong codes accepted before a code is spent.
pub const CODE_ATTEMPTS: u32 = 5;
/// Failed logins counted in one window before the account waits for the window's end.
pub const MAX_FAILURES_PER_DAY: u32 = 25;
/// The window failures are counted in.
pub const FAILURE_WINDOW_SECONDS: u64 = 24 * 60 * 60;

/// `POST /api/login`: the first factor. Fields are raw text so that a malformed NIR comes back
/// as a field error in the member's language rather than a decoding failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// The NIR as typed, with or without spaces.
    pub nir: String,
    /// The password.
    pub password: String,
}

/// Answer to a correct first factor: a code was sent; the session cookie is at the
/// second-factor stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginStep {
    /// Where the code went, masked (`c•••••@demo.portail.test`).
    pub masked_email: String,
    /// How long the code is valid.
    pub expires_in_minutes: u32,
    /// Where the code comes from.
    #[serde(default)]
    pub factor: SecondFactor,
    /// The account is being created: the code confirms the e-mail address, and the account is
    /// opened once it is right.
    #[serde(default)]
    pub confirming_email: bool,
}

/// How a member proves the second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum SecondFactor {
    /// A 6-digit code sent by e-mail at each login.
    #[default]
    Email,
    /// A 6-digit code from an authenticator app (TOTP), or a recovery code.
    Totp,
}

/// `POST /api/login/code`: the second factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeRequest {
    /// The 6-digit code as typed (spaces allowed).
    pub code: String,
}

/// `GET /api/me`: who is logged in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// Given names, for the greeting.
    pub given_names: String,
    /// Family name.
    pub family_name: String,
    /// The NIR, masked for display.
    pub masked_nir: String,
    /// Seconds of inactivity before the session ends.
    pub idle_timeout_seconds: u32,
}

/// The delay a member must wait after `failures` consecutive failed logins in the window:
/// none for the first two (typos), then 20 s doubling each time — 80 s after the fifth, over
/// the minute the baseline asks for — capped at one hour. A delay rather than a hard lock, so a
/// stranger who knows a NIR cannot lock its owner out for long.
pub fn login_delay_seconds(failures: u32) -> u64 {
    match failures {
        0..=2 => 0,
        n => {
            let doublings = (n - 3).min(16);
            (20u64 << doublings).min(3600)
        }
    }
}

/// Normalises a typed one-time code: digits only, exactly six of them.
pub fn parse_code(input: &str) -> Option<String> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// Masks an e-mail address for display: first character of the local part, bullets, domain.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••••@{domain}")
        }
        None => "•••••".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_two_failures_cost_nothing_then_the_delay_doubles() {
        assert_eq!(login_delay_seconds(0), 0);
        assert_eq!(login_delay_seconds(2), 0);
        assert_eq!(login_delay_seconds(3), 20);
        assert_eq!(login_delay_seconds(4), 40);
        assert_eq!(login_delay_seconds(5), 80);
        assert!(
            login_delay_seconds(5) > 60,
            "over a minute after five failures"
        );
    }

    #[test]
    fn delay_is_capped_at_one_hour_and_never_overflows() {
        assert_eq!(login_delay_seconds(9), 1280);
        assert_eq!(login_delay_seconds(10), 2560);
        assert_eq!(login_delay_seconds(11), 3600);
        assert_eq!(login_delay_seconds(u32::MAX), 3600);
        for n in 0..100 {
            assert!(login_delay_seconds(n) <= login_delay_seconds(n + 1));
        }
    }

    #[test]
    fn codes_are_six_digits_spaces_allowed() {
        assert_eq!(parse_code("123 456"), Some("123456".into()));
        assert_eq!(parse_code(" 012345 "), Some("012345".into()));
        assert_eq!(parse_code("12345"), None);
        assert_eq!(parse_code("1234567"), None);
        assert_eq!(parse_code("12a456"), None);
    }

    #[test]
    fn emails_are_masked_but_recognisable() {
        assert_eq!(mask_email("camille@demo.test"), "c•••••@demo.test");
        assert_eq!(mask_email("nonsense"), "•••••");
    }
}
