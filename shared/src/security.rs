//! Account security: the second factor (e-mailed codes or an authenticator app with recovery
//! codes), the sessions open on other devices, and the step-up (the password asked again before
//! a sensitive change). The API bodies and the pure rules.

use crate::Lang;
use crate::login::SecondFactor;
use serde::{Deserialize, Serialize};

/// Minutes a step-up (the password typed again) keeps guarding changes open.
pub const STEP_UP_MINUTES: u32 = 10;
/// Recovery codes given when an authenticator app is set up.
pub const RECOVERY_CODES: usize = 10;
/// Seconds of a TOTP step (RFC 6238).
pub const TOTP_STEP_SECONDS: u64 = 30;
/// Steps accepted either side of now (a phone's clock a little off).
pub const TOTP_SKEW_STEPS: u8 = 1;

/// `GET /api/security`: what the security page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecuritySettings {
    /// How the member proves the second factor today.
    pub factor: SecondFactor,
    /// Recovery codes not used yet (authenticator app only).
    pub recovery_codes_left: u32,
    /// Whether the password was typed again in the last [`STEP_UP_MINUTES`].
    pub stepped_up: bool,
    /// The sessions open on this account, this one first.
    pub devices: Vec<Device>,
    /// The address codes and notices go to.
    pub email: String,
    /// A new address waiting for its confirmation code, if any.
    pub email_pending: Option<String>,
    /// The confirmed mobile number (E.164), if any; security alerts also go there by SMS.
    pub mobile: Option<String>,
    /// A number waiting for the code sent to it, if any.
    pub mobile_pending: Option<String>,
    /// Whether this portal can send text messages (a provider is configured).
    pub sms_available: bool,
}

/// `POST /api/security/mobile`: a mobile number for security alerts by SMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MobileChange {
    /// The number as typed (`06 12 34 56 78`, `+33 6…`).
    pub mobile: String,
}

/// Why a mobile number is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MobileProblem {
    /// Nothing typed.
    Empty,
    /// Not a French mobile number.
    Malformed,
}

impl MobileProblem {
    /// A sentence saying what to do.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MobileProblem::Empty, Lang::Fr) => "Saisissez votre numéro de téléphone mobile.",
            (MobileProblem::Empty, Lang::En) => "Enter your mobile phone number.",
            (MobileProblem::Malformed, Lang::Fr) => {
                "Saisissez un numéro de mobile français à 10 chiffres, commençant par 06 ou 07, \
                 par exemple 06 12 34 56 78."
            }
            (MobileProblem::Malformed, Lang::En) => {
                "Enter a 10-digit French mobile number starting with 06 or 07, for example \
                 06 12 34 56 78."
            }
        }
    }
}

/// Reads a French mobile number (06/07, with or without spaces, dots or dashes, or as
/// +33/0033) and gives it in E.164 (`+33612345678`).
pub fn parse_mobile(input: &str) -> Result<String, MobileProblem> {
    let kept: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '(' | ')'))
        .collect();
    if kept.is_empty() {
        return Err(MobileProblem::Empty);
    }
    let national = if let Some(rest) = kept
        .strip_prefix("+33")
        .or_else(|| kept.strip_prefix("0033"))
    {
        format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
    } else {
        kept
    };
    let ok = national.len() == 10
        && national.bytes().all(|b| b.is_ascii_digit())
        && (national.starts_with("06") || national.starts_with("07"));
    if ok {
        Ok(format!("+33{}", &national[1..]))
    } else {
        Err(MobileProblem::Malformed)
    }
}

/// An E.164 French number as the French write it: `+33612345678` → `06 12 34 56 78`.
pub fn format_mobile(e164: &str) -> String {
    match e164.strip_prefix("+33") {
        Some(rest) if rest.len() == 9 => {
            let national = format!("0{rest}");
            national
                .as_bytes()
                .chunks(2)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        }
        _ => e164.to_owned(),
    }
}

/// `POST /api/security/password`: a new password, chosen while signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    /// The new password.
    pub password: String,
}

/// `POST /api/security/email`: a new e-mail address, to be confirmed by a code sent there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailChange {
    /// The new address.
    pub email: String,
}

/// `POST /api/security/email/confirm`: the code sent to the new address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailConfirm {
    /// The 6-digit code.
    pub code: String,
}

/// One open session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Device {
    /// A handle to end it (not its token).
    pub id: String,
    /// The browser ("Firefox"), empty when not recognised.
    pub browser: String,
    /// The system ("Windows", "iPhone"), empty when not recognised.
    pub system: String,
    /// The kind of network: `loopback`, `private`, or the first part of a public address
    /// (`203.0.113.x`).
    pub network: String,
    /// When it was opened, ISO-8601 UTC.
    pub signed_in_at: String,
    /// Its last request, ISO-8601 UTC.
    pub last_seen_at: String,
    /// Whether it is the session making this request.
    pub current: bool,
}

/// `POST /api/security/step-up`: the password, typed again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepUpRequest {
    /// The current password.
    pub password: String,
}

/// `POST /api/security/totp`: a new secret to scan, not active until confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpSetup {
    /// The secret in base32, in groups of four, for typing by hand.
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    pub otpauth_url: String,
    /// The QR code's modules, row by row (`true` = dark), drawn by the page.
    pub qr: Vec<Vec<bool>>,
}

/// `POST /api/security/totp/confirm`: the first code the app shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TotpConfirm {
    /// The 6-digit code.
    pub code: String,
}

/// The recovery codes, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodes {
    /// Ten codes like `7KQ4M-T9XWP`; each works once instead of the app.
    pub codes: Vec<String>,
}

/// `POST /api/security/not-me`: the token of a "this was not me" link from a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotMeRequest {
    /// The token from the link's fragment.
    pub token: String,
}

/// Days a "this was not me" link works.
pub const NOT_ME_DAYS: u32 = 14;

/// What a typed second-factor code is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedCode {
    /// Six digits (e-mail or app).
    Digits(String),
    /// A recovery code, normalised (ten characters, no dash).
    Recovery(String),
}

/// Reads a typed code: six digits, or a recovery code (as the activation letter's, ten
/// letters and digits, dash and spaces optional).
pub fn parse_typed_code(input: &str) -> Option<TypedCode> {
    crate::login::parse_code(input)
        .map(TypedCode::Digits)
        .or_else(|| crate::activation::parse_letter_code(input).map(TypedCode::Recovery))
}

/// The browser and the system named by a `User-Agent` ("Firefox", "Windows"); empty strings
/// for what is not recognised. The page joins them in the member's language.
pub fn device_label(user_agent: &str) -> (String, String) {
    let ua = user_agent;
    // Order matters: Edge and Opera also say Chrome; Chrome also says Safari.
    let browser = if ua.contains("Edg/") || ua.contains("EdgA/") || ua.contains("EdgiOS/") {
        "Edge"
    } else if ua.contains("OPR/") || ua.contains("Opera") {
        "Opera"
    } else if ua.contains("SamsungBrowser/") {
        "Samsung Internet"
    } else if ua.contains("Firefox/") || ua.contains("FxiOS/") {
        "Firefox"
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("CriOS/") {
        "Chrome"
    } else if ua.contains("Safari/") {
        "Safari"
    } else {
        ""
    };
    let system = if ua.contains("iPhone") {
        "iPhone"
    } else if ua.contains("iPad") {
        "iPad"
    } else if ua.contains("Android") {
        "Android"
    } else if ua.contains("Windows") {
        "Windows"
    } else if ua.contains("CrOS") {
        "ChromeOS"
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        "Mac"
    } else if ua.contains("Linux") {
        "Linux"
    } else {
        ""
    };
    (browser.to_owned(), system.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_codes_are_digits_or_recovery_codes() {
        assert_eq!(
            parse_typed_code("123 456"),
            Some(TypedCode::Digits("123456".into()))
        );
        assert_eq!(
            parse_typed_code("7kq4m-t9xwp"),
            Some(TypedCode::Recovery("7KQ4MT9XWP".into()))
        );
        assert_eq!(parse_typed_code("12345"), None);
        assert_eq!(parse_typed_code("7KQ4M-T9XW"), None);
    }

    #[test]
    fn french_mobile_numbers_however_they_are_written() {
        for typed in [
            "06 12 34 56 78",
            "0612345678",
            "06.12.34.56.78",
            "+33 6 12 34 56 78",
            "0033612345678",
            "+33 (0)6 12 34 56 78",
        ] {
            assert_eq!(
                parse_mobile(typed),
                Ok("+33612345678".to_owned()),
                "{typed}"
            );
        }
        assert_eq!(
            parse_mobile("07 98 76 54 32"),
            Ok("+33798765432".to_owned())
        );
        assert_eq!(parse_mobile(""), Err(MobileProblem::Empty));
        // A landline, too short, letters.
        for bad in [
            "01 23 45 67 89",
            "06 12 34 56",
            "06 12 34 56 7a",
            "+44 7700 900123",
        ] {
            assert_eq!(parse_mobile(bad), Err(MobileProblem::Malformed), "{bad}");
        }
        assert_eq!(format_mobile("+33612345678"), "06 12 34 56 78");
    }

    #[test]
    fn browsers_and_systems_are_named_from_the_user_agent() {
        let firefox =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(device_label(firefox), ("Firefox".into(), "Windows".into()));
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
        assert_eq!(device_label(edge).0, "Edge");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
        assert_eq!(device_label(iphone), ("Safari".into(), "iPhone".into()));
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        assert_eq!(device_label(android), ("Chrome".into(), "Android".into()));
        assert_eq!(device_label("curl/8.5.0"), (String::new(), String::new()));
    }
}
