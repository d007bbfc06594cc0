//! Creating an account (activation): the member gives NIR, birth date and e-mail; the fund posts
//! a letter with an activation code; with the NIR and that code the member chooses a password,
//! then confirms the e-mail address with a code sent there. These are the API bodies and the
//! pure rules (code format, who may open an account, what an e-mail address looks like).

use crate::Lang;
use serde::{Deserialize, Serialize};

/// Days a letter's activation code stays valid.
pub const LETTER_CODE_DAYS: u32 = 30;
/// Wrong codes accepted before a letter is spent.
pub const LETTER_ATTEMPTS: u32 = 5;
/// Working days a letter takes to arrive: from…
pub const DELIVERY_DAYS_MIN: u32 = 3;
/// …to.
pub const DELIVERY_DAYS_MAX: u32 = 5;
/// Hours before another letter can be asked (each letter costs the fund a stamp).
pub const LETTER_INTERVAL_HOURS: u32 = 24;
/// Youngest age at which a member opens their own account; a younger child's affairs are
/// handled from a parent's account.
pub const MIN_AGE_YEARS: i32 = 16;
/// Characters of an activation code.
pub const CODE_LEN: usize = 10;
/// The code's alphabet: capitals and digits without the look-alikes 0/O, 1/I/L.
pub const CODE_ALPHABET: &[u8; 31] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// `POST /api/activation/letter`: ask for a letter. Raw text so each mistake comes back as a
/// field error in the member's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterRequest {
    /// The NIR as typed.
    pub nir: String,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// The e-mail address the account will use.
    pub email: String,
}

/// Answer to a letter request: a letter is on its way to the address on file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterOrdered {
    /// The date the code ends, `YYYY-MM-DD`.
    pub code_expires_on: String,
    /// The postal code and town the letter goes to (no street: enough to recognise, too little
    /// to leak).
    pub town: String,
}

/// `POST /api/activation`: the NIR, the letter's code and the chosen password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivateRequest {
    /// The NIR as typed.
    pub nir: String,
    /// The letter's code as typed (spaces, dashes and small letters allowed).
    pub code: String,
    /// The new password.
    pub password: String,
}

/// Normalises a typed activation code: capitals, no spaces or dashes, ten characters of the
/// alphabet.
pub fn parse_letter_code(input: &str) -> Option<String> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// Writes a normalised code as it is printed: two groups of five (`7KQ4M-T9XWP`).
pub fn format_letter_code(code: &str) -> String {
    match (code.get(..5), code.get(5..)) {
        (Some(a), Some(b)) if !b.is_empty() => format!("{a}-{b}"),
        _ => code.to_owned(),
    }
}

/// Turns random bytes into a code: each byte below the largest multiple of the alphabet's size
/// picks a character (no modulo bias); returns `None` if the bytes ran out first.
pub fn letter_code_from_bytes(bytes: &[u8]) -> Option<String> {
    let n = CODE_ALPHABET.len();
    let limit = 256 - 256 % n;
    let code: String = bytes
        .iter()
        .filter(|b| usize::from(**b) < limit)
        .take(CODE_LEN)
        .map(|b| char::from(CODE_ALPHABET[usize::from(*b) % n]))
        .collect();
    (code.len() == CODE_LEN).then_some(code)
}

/// Age in whole years on `today`, both dates `(year, month, day)`.
pub fn age_on(birth: (i32, u8, u8), today: (i32, u8, u8)) -> i32 {
    let had_birthday = (today.1, today.2) >= (birth.1, birth.2);
    today.0 - birth.0 - i32::from(!had_birthday)
}

/// Why an e-mail address is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailProblem {
    /// Nothing typed.
    Empty,
    /// Not of the form `name@domain.tld`.
    Malformed,
}

impl EmailProblem {
    /// A sentence saying what to do.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EmailProblem::Empty, Lang::Fr) => "Saisissez votre adresse e-mail.",
            (EmailProblem::Empty, Lang::En) => "Enter your e-mail address.",
            (EmailProblem::Malformed, Lang::Fr) => {
                "Saisissez une adresse e-mail complète, par exemple nom@exemple.fr."
            }
            (EmailProblem::Malformed, Lang::En) => {
                "Enter a full e-mail address, for example name@example.com."
            }
        }
    }
}

/// Checks and normalises an e-mail address: trimmed, one `@`, a local part, a domain with a
/// dot and no empty label, no spaces, at most 254 characters; the domain in small letters.
pub fn parse_email(input: &str) -> Result<String, EmailProblem> {
    let email = input.trim();
    if email.is_empty() {
        return Err(EmailProblem::Empty);
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(EmailProblem::Malformed);
    };
    let labels_ok = domain.contains('.')
        && domain.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    if email.len() > 254 || !labels_ok || !local_ok {
        return Err(EmailProblem::Malformed);
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_however_they_are_typed() {
        assert_eq!(
            parse_letter_code("7kq4m-t9xwp").as_deref(),
            Some("7KQ4MT9XWP")
        );
        assert_eq!(
            parse_letter_code(" 7KQ4M T9XWP ").as_deref(),
            Some("7KQ4MT9XWP")
        );
        // Look-alikes are not in the alphabet, too short or too long is refused.
        assert_eq!(parse_letter_code("7KQ4M-T9XW0"), None);
        assert_eq!(parse_letter_code("7KQ4M-T9XW"), None);
        assert_eq!(parse_letter_code("7KQ4M-T9XWPP"), None);
        assert_eq!(format_letter_code("7KQ4MT9XWP"), "7KQ4M-T9XWP");
    }

    #[test]
    fn codes_from_bytes_skip_biased_bytes_and_use_the_alphabet() {
        // 248 = 256 - 256 % 31 is the first refused byte.
        let bytes = [248, 0, 1, 2, 255, 3, 4, 5, 6, 7, 8, 9, 30];
        assert_eq!(
            letter_code_from_bytes(&bytes).as_deref(),
            Some("ABCDEFGHJK")
        );
        assert_eq!(letter_code_from_bytes(&[0; 9]), None);
        let code = letter_code_from_bytes(&[30, 61, 92, 123, 154, 185, 216, 247, 30, 61]);
        assert_eq!(code.as_deref(), Some("9999999999"));
        assert!(parse_letter_code(&code.unwrap_or_default()).is_some());
    }

    #[test]
    fn age_counts_the_birthday_itself() {
        assert_eq!(age_on((2010, 11, 26), (2026, 11, 26)), 16);
        assert_eq!(age_on((2010, 11, 27), (2026, 11, 26)), 15);
        assert_eq!(age_on((2008, 2, 29), (2026, 2, 28)), 17);
        assert_eq!(age_on((2008, 2, 29), (2026, 3, 1)), 18);
    }

    #[test]
    fn email_addresses() {
        assert_eq!(
            parse_email("  Alix.Leroy@Exemple.FR "),
            Ok("Alix.Leroy@exemple.fr".to_owned())
        );
        assert_eq!(
            parse_email("a+b@sous.domaine.fr"),
            Ok("a+b@sous.domaine.fr".to_owned())
        );
        assert_eq!(parse_email(""), Err(EmailProblem::Empty));
        for bad in [
            "alix",
            "alix@",
            "@exemple.fr",
            "alix@exemple",
            "alix@exemple..fr",
            "alix leroy@exemple.fr",
            "alix@@exemple.fr",
            ".alix@exemple.fr",
            "alix@-exemple.fr",
        ] {
            assert_eq!(parse_email(bad), Err(EmailProblem::Malformed), "{bad}");
        }
        assert!(
            EmailProblem::Malformed
                .message(Lang::Fr)
                .contains("nom@exemple.fr")
        );
    }
}
