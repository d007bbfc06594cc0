//! IBAN (ISO 13616) of the account reimbursements are paid to.
//!
//! Checked with the ISO mod-97 rule and the country's length for SEPA countries; for French and
//! Monegasque accounts, also with the RIB key, which catches an IBAN built from a mistyped RIB.
//! Like the NIR, the IBAN is personal data: `Debug` is masked and there is no `Display`.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// An IBAN whose country, length and check digits have been verified; uppercase, no spaces.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Iban(String);

/// Why a text is not an acceptable IBAN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IbanError {
    /// Nothing was typed.
    Empty,
    /// A character other than a letter or a digit.
    InvalidCharacter,
    /// The text does not start with two letters (the country code).
    MissingCountry,
    /// The country code is not one of a SEPA country.
    UnknownCountry,
    /// Not the length IBANs of this country have.
    WrongLength {
        /// Length for the country.
        expected: usize,
        /// Significant characters typed.
        found: usize,
    },
    /// The ISO 13616 check (mod 97) fails: some character is mistyped.
    WrongChecksum,
    /// The account part does not follow the country's format (French RIB: bank, branch, key digits).
    WrongFormat,
    /// The French RIB key (last two digits) does not match bank, branch and account.
    WrongRibKey,
}

impl IbanError {
    /// Stable machine code, e.g. for the API's `code` field.
    pub fn code(self) -> &'static str {
        match self {
            IbanError::Empty => "iban_empty",
            IbanError::InvalidCharacter => "iban_invalid_character",
            IbanError::MissingCountry => "iban_missing_country",
            IbanError::UnknownCountry => "iban_unknown_country",
            IbanError::WrongLength { .. } => "iban_wrong_length",
            IbanError::WrongChecksum => "iban_wrong_checksum",
            IbanError::WrongFormat => "iban_wrong_format",
            IbanError::WrongRibKey => "iban_wrong_rib_key",
        }
    }

    /// A sentence for the member that says what is wrong and how to fix it.
    pub fn message(self, lang: crate::Lang) -> Cow<'static, str> {
        let (fr, en) = match self {
            IbanError::Empty => (
                "Saisissez votre IBAN : il figure sur votre RIB (relevé d'identité bancaire).",
                "Enter your IBAN: it is on your bank details (RIB).",
            ),
            IbanError::InvalidCharacter => (
                "Un IBAN ne contient que des lettres et des chiffres : retirez les autres \
                 caractères.",
                "An IBAN contains only letters and digits: remove any other characters.",
            ),
            IbanError::MissingCountry => (
                "Un IBAN commence par deux lettres, le code du pays (FR pour la France) : \
                 vérifiez le début du numéro.",
                "An IBAN starts with two letters, the country code (FR for France): check the \
                 beginning of the number.",
            ),
            IbanError::UnknownCountry => (
                "Les deux premières lettres ne correspondent pas à un pays de la zone SEPA : \
                 vérifiez-les, ou indiquez un compte ouvert dans la zone SEPA.",
                "The first two letters are not those of a country in the SEPA area: check them, \
                 or give an account held in the SEPA area.",
            ),
            IbanError::WrongLength { expected, found } => {
                return Cow::Owned(wrong_length_message(expected, found, lang));
            }
            IbanError::WrongChecksum => (
                "Cet IBAN n'est pas valide : vérifiez chaque chiffre et chaque lettre sur votre \
                 RIB.",
                "This IBAN is not valid: check each digit and letter against your bank details.",
            ),
            IbanError::WrongFormat => (
                "Cet IBAN ne suit pas le format des comptes de ce pays : vérifiez-le sur votre RIB.",
                "This IBAN does not follow the account format of its country: check it against \
                 your bank details.",
            ),
            IbanError::WrongRibKey => (
                "La clé RIB (les deux derniers chiffres) ne correspond pas au compte : vérifiez \
                 chaque chiffre sur votre RIB.",
                "The RIB key (the last two digits) does not match the account: check each digit \
                 against your bank details.",
            ),
        };
        Cow::Borrowed(match lang {
            crate::Lang::Fr => fr,
            crate::Lang::En => en,
        })
    }
}

/// The length message, which alone needs numbers in it.
fn wrong_length_message(expected: usize, found: usize, lang: crate::Lang) -> String {
    match (lang, found < expected) {
        (crate::Lang::Fr, true) => format!(
            "Un IBAN de ce pays compte {expected} caractères et vous en avez saisi {found} : \
             vérifiez qu'il n'en manque aucun."
        ),
        (crate::Lang::Fr, false) => format!(
            "Un IBAN de ce pays compte {expected} caractères et vous en avez saisi {found} : \
             vérifiez qu'il n'y en a pas en trop."
        ),
        (crate::Lang::En, true) => format!(
            "An IBAN from this country has {expected} characters and you entered {found}: check \
             that none is missing."
        ),
        (crate::Lang::En, false) => format!(
            "An IBAN from this country has {expected} characters and you entered {found}: check \
             that there are none too many."
        ),
    }
}

impl fmt::Display for IbanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::Lang::Fr))
    }
}

impl std::error::Error for IbanError {}

/// IBAN length per country of the SEPA scheme (ISO 13616 registry).
#[rustfmt::skip]
const LENGTHS: [(&str, usize); 41] = [
    ("AD", 24), ("AL", 28), ("AT", 20), ("BE", 16), ("BG", 22), ("CH", 21), ("CY", 28),
    ("CZ", 24), ("DE", 22), ("DK", 18), ("EE", 20), ("ES", 24), ("FI", 18), ("FR", 27),
    ("GB", 22), ("GI", 23), ("GR", 27), ("HR", 21), ("HU", 28), ("IE", 22), ("IS", 26),
    ("IT", 27), ("LI", 21), ("LT", 20), ("LU", 20), ("LV", 21), ("MC", 27), ("MD", 24),
    ("ME", 22), ("MK", 19), ("MT", 31), ("NL", 18), ("NO", 15), ("PL", 28), ("PT", 25),
    ("RO", 24), ("SE", 24), ("SI", 19), ("SK", 24), ("SM", 27), ("VA", 22),
];

impl Iban {
    /// Parses an IBAN as people copy it: spaces anywhere, lowercase, an optional `IBAN` prefix.
    pub fn parse(input: &str) -> Result<Iban, IbanError> {
        let mut text: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        // Printed RIBs label the number "IBAN"; no country code starts with "IB".
        if let Some(rest) = text.strip_prefix("IBAN") {
            text = rest.trim_start_matches(':').to_owned();
        }
        if text.is_empty() {
            return Err(IbanError::Empty);
        }
        if !text.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(IbanError::InvalidCharacter);
        }
        let country = text
            .get(..2)
            .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()));
        let Some(country) = country else {
            return Err(IbanError::MissingCountry);
        };
        let Some(&(_, expected)) = LENGTHS.iter().find(|(code, _)| *code == country) else {
            return Err(IbanError::UnknownCountry);
        };
        if text.len() != expected {
            return Err(IbanError::WrongLength {
                expected,
                found: text.len(),
            });
        }
        // Check digits are numeric by the standard; letters there are a typo.
        let check_digits_numeric = text.bytes().skip(2).take(2).all(|b| b.is_ascii_digit());
        if !check_digits_numeric || mod97(&text) != 1 {
            return Err(IbanError::WrongChecksum);
        }
        if country == "FR" || country == "MC" {
            check_rib(&text[4..])?;
        }
        Ok(Iban(text))
    }

    /// The French IBAN of a RIB: bank (5 digits), branch (5 digits) and account (11 letters or
    /// digits), the RIB key and the ISO check digits computed, not typed.
    pub fn from_rib(bank: &str, branch: &str, account: &str) -> Result<Iban, IbanError> {
        let bban = format!("{bank}{branch}{account}").to_ascii_uppercase();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let account_ok = account.len() == 11 && account.bytes().all(|b| b.is_ascii_alphanumeric());
        if !digits(bank, 5) || !digits(branch, 5) || !account_ok {
            return Err(IbanError::WrongFormat);
        }
        let number = |range: std::ops::Range<usize>| {
            bban.as_bytes()[range]
                .iter()
                .fold(0u64, |n, &b| n * 10 + u64::from(rib_digit(b)))
        };
        let key = 97 - (89 * number(0..5) + 15 * number(5..10) + 3 * (number(10..21) % 97)) % 97;
        let bban = format!("{bban}{key:02}");
        let check = 98 - mod97(&format!("FR00{bban}"));
        Iban::parse(&format!("FR{check:02}{bban}"))
    }

    /// The canonical IBAN (uppercase, no spaces); for storage and payment files, never logs.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two-letter country code, e.g. `FR`.
    pub fn country(&self) -> &str {
        self.0.get(..2).unwrap_or("")
    }

    /// Groups of four as printed on a RIB: `FR14 2004 1010 0505 0001 3M02 606`.
    pub fn grouped(&self) -> String {
        group_by_four(self.0.chars())
    }

    /// Country, check digits and last 5 characters only: `FR76 •••• •••• •••• •••• ••12 345`.
    pub fn masked(&self) -> String {
        let visible_tail_from = self.0.len().saturating_sub(5);
        group_by_four(self.0.chars().enumerate().map(|(i, c)| {
            if i < 4 || i >= visible_tail_from {
                c
            } else {
                '•'
            }
        }))
    }
}

fn group_by_four(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    for (i, c) in chars.enumerate() {
        if i > 0 && i.is_multiple_of(4) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// ISO 13616: first four characters moved to the end, letters as 10..35, the number mod 97.
fn mod97(iban: &str) -> u32 {
    let rotated = iban.bytes().skip(4).chain(iban.bytes().take(4));
    rotated.fold(0, |rest, b| {
        let value = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        let shift = if value >= 10 { 100 } else { 10 };
        (rest * shift + value) % 97
    })
}

/// French BBAN: bank (5 digits), branch (5 digits), account (11 alphanumerics), key (2 digits);
/// key = 97 − ((89 × bank + 15 × branch + 3 × account) mod 97), account letters mapped to digits.
fn check_rib(bban: &str) -> Result<(), IbanError> {
    let bytes = bban.as_bytes();
    let digits_at = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 23 || !digits_at(0..10) || !digits_at(21..23) {
        return Err(IbanError::WrongFormat);
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u64, |n, &b| n * 10 + u64::from(rib_digit(b)))
    };
    let (bank, branch, account, key) =
        (number(0..5), number(5..10), number(10..21), number(21..23));
    let expected = 97 - (89 * bank + 15 * branch + 3 * (account % 97)) % 97;
    if key == expected {
        Ok(())
    } else {
        Err(IbanError::WrongRibKey)
    }
}

/// Letters of a French account number as digits: A,J→1 B,K,S→2 … I,R,Z→9.
fn rib_digit(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'A'..=b'I' => b - b'A' + 1,
        b'J'..=b'R' => b - b'J' + 1,
        // S maps to 2, not 1: the third series is shifted by one.
        b'S'..=b'Z' => b - b'S' + 2,
        _ => 0,
    }
}

impl fmt::Debug for Iban {
    // Masked so that a `{:?}` in a log line never leaks the account number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Iban").field(&self.masked()).finish()
    }
}

impl FromStr for Iban {
    type Err = IbanError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Iban::parse(s)
    }
}

impl serde::Serialize for Iban {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Iban {
    // Through `parse`, so an invalid IBAN can never be built from a request body or a row.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Iban::parse(&text).map_err(|e| serde::de::Error::custom(e.code()))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Iban {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
        let schema = ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("IBAN of a SEPA country, uppercase, no spaces."))
            .min_length(Some(15))
            .max_length(Some(34))
            .pattern(Some("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"))
            .examples(["FR1420041010050500013M02606"])
            .build();
        utoipa::openapi::RefOr::T(Schema::Object(schema))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Iban {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    /// Valid IBANs from several SEPA countries (registry examples; checked independently).
    const VALID: [&str; 12] = [
        "FR14 2004 1010 0505 0001 3M02 606",
        "FR76 3000 6000 0112 3456 7890 189",
        "MC58 1122 2000 0101 2345 6789 030",
        "DE89 3704 0044 0532 0130 00",
        "GB82 WEST 1234 5698 7654 32",
        "NL91 ABNA 0417 1643 00",
        "BE68 5390 0754 7034",
        "CH93 0076 2011 6238 5295 7",
        "ES91 2100 0418 4502 0005 1332",
        "IT60 X054 2811 1010 0000 0123 456",
        "NO93 8601 1117 947",
        "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
    ];

    const ALL_ERRORS: [IbanError; 9] = [
        IbanError::Empty,
        IbanError::InvalidCharacter,
        IbanError::MissingCountry,
        IbanError::UnknownCountry,
        IbanError::WrongLength {
            expected: 27,
            found: 25,
        },
        IbanError::WrongLength {
            expected: 27,
            found: 28,
        },
        IbanError::WrongChecksum,
        IbanError::WrongFormat,
        IbanError::WrongRibKey,
    ];

    fn canonical(s: &str) -> String {
        s.replace(' ', "")
    }

    #[test]
    fn registry_examples_are_accepted_and_canonicalised() {
        for iban in VALID {
            assert_eq!(
                Iban::parse(iban).unwrap().as_str(),
                canonical(iban),
                "{iban}"
            );
        }
    }

    #[test]
    fn lowercase_no_break_spaces_and_iban_prefix_are_accepted() {
        let expected = "FR1420041010050500013M02606";
        for typed in [
            "fr14 2004 1010 0505 0001 3m02 606",
            "FR14\u{a0}2004\u{202f}1010 0505 0001 3M02 606",
            "IBAN FR14 2004 1010 0505 0001 3M02 606",
            "IBAN: FR1420041010050500013M02606",
            "FR14-2004-1010-0505-0001-3M02-606",
        ] {
            assert_eq!(Iban::parse(typed).unwrap().as_str(), expected, "{typed}");
        }
    }

    #[test]
    fn changing_any_single_digit_makes_it_invalid() {
        for iban in VALID {
            let valid = canonical(iban);
            for (i, original) in valid.bytes().enumerate() {
                if !original.is_ascii_digit() {
                    continue;
                }
                for d in (b'0'..=b'9').filter(|&d| d != original) {
                    let mut bytes = valid.clone().into_bytes();
                    bytes[i] = d;
                    let text = String::from_utf8(bytes).unwrap();
                    assert!(Iban::parse(&text).is_err(), "{text}");
                }
            }
        }
    }

    #[test]
    fn swapping_two_adjacent_different_digits_makes_it_invalid() {
        for iban in VALID {
            let valid = canonical(iban);
            for i in 0..valid.len() - 1 {
                let mut bytes = valid.clone().into_bytes();
                let (a, b) = (bytes[i], bytes[i + 1]);
                if a == b || !a.is_ascii_digit() || !b.is_ascii_digit() {
                    continue;
                }
                bytes.swap(i, i + 1);
                let text = String::from_utf8(bytes).unwrap();
                assert!(Iban::parse(&text).is_err(), "{text}");
            }
        }
    }

    #[test]
    fn a_mistyped_character_is_a_checksum_error() {
        assert_eq!(
            Iban::parse("FR14 2004 1010 0505 0001 3M02 607"),
            Err(IbanError::WrongChecksum)
        );
        assert_eq!(
            Iban::parse("FR14 2004 1010 0505 0001 3N02 606"),
            Err(IbanError::WrongChecksum)
        );
        assert_eq!(
            Iban::parse("FRAB 2004 1010 0505 0001 3M02 606"),
            Err(IbanError::WrongChecksum)
        );
    }

    #[test]
    fn french_iban_with_a_consistent_checksum_but_wrong_rib_key_is_rejected() {
        // Check digits recomputed for a RIB whose key (88) is off by one from the right one (89).
        assert_eq!(
            Iban::parse("FR0630006000011234567890188"),
            Err(IbanError::WrongRibKey)
        );
    }

    #[test]
    fn french_iban_with_a_letter_in_the_bank_code_is_a_format_error() {
        // Valid mod 97, but a French bank code is five digits.
        assert_eq!(
            Iban::parse("FR783000A000011234567890189"),
            Err(IbanError::WrongFormat)
        );
    }

    #[test]
    fn rib_letters_follow_the_french_table() {
        let table = [
            ("AJ", 1),
            ("BKS", 2),
            ("CLT", 3),
            ("DMU", 4),
            ("ENV", 5),
            ("FOW", 6),
            ("GPX", 7),
            ("HQY", 8),
            ("IRZ", 9),
        ];
        for (letters, digit) in table {
            for b in letters.bytes() {
                assert_eq!(rib_digit(b), digit, "{}", char::from(b));
            }
        }
    }

    #[test]
    fn wrong_length_reports_the_length_expected_for_the_country() {
        assert_eq!(
            Iban::parse("FR14 2004 1010 0505 0001 3M02 6"),
            Err(IbanError::WrongLength {
                expected: 27,
                found: 25
            })
        );
        assert_eq!(
            Iban::parse("DE89 3704 0044 0532 0130 000"),
            Err(IbanError::WrongLength {
                expected: 22,
                found: 23
            })
        );
        let message = IbanError::WrongLength {
            expected: 27,
            found: 25,
        }
        .message(Lang::Fr);
        assert!(
            message.contains("27 caractères") && message.contains("25"),
            "{message}"
        );
        let message = IbanError::WrongLength {
            expected: 22,
            found: 23,
        }
        .message(Lang::En);
        assert!(
            message.contains("22 characters") && message.contains("23"),
            "{message}"
        );
    }

    #[test]
    fn countries_outside_sepa_or_missing_are_rejected() {
        assert_eq!(
            Iban::parse("US12 3456 7890 1234 5678 90"),
            Err(IbanError::UnknownCountry)
        );
        assert_eq!(
            Iban::parse("1234 2004 1010 0505 0001 3M02 606"),
            Err(IbanError::MissingCountry)
        );
        assert_eq!(Iban::parse("F"), Err(IbanError::MissingCountry));
    }

    #[test]
    fn empty_and_punctuation_are_reported() {
        assert_eq!(Iban::parse("  "), Err(IbanError::Empty));
        assert_eq!(Iban::parse("IBAN"), Err(IbanError::Empty));
        assert_eq!(
            Iban::parse("FR14 2004/1010"),
            Err(IbanError::InvalidCharacter)
        );
        assert_eq!(Iban::parse("FR14 2004 é"), Err(IbanError::InvalidCharacter));
    }

    #[test]
    fn every_country_in_the_table_has_a_plausible_iban_length() {
        for (code, length) in LENGTHS {
            assert!(code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
            assert!((15..=34).contains(&length), "{code}");
        }
        let mut codes: Vec<_> = LENGTHS.iter().map(|(c, _)| *c).collect();
        codes.dedup();
        assert_eq!(codes.len(), LENGTHS.len());
    }

    #[test]
    fn grouped_is_groups_of_four() {
        let iban = Iban::parse("FR1420041010050500013M02606").unwrap();
        assert_eq!(iban.grouped(), "FR14 2004 1010 0505 0001 3M02 606");
        assert_eq!(
            Iban::parse("NO9386011117947").unwrap().grouped(),
            "NO93 8601 1117 947"
        );
    }

    #[test]
    fn masked_keeps_country_check_digits_and_last_five() {
        let iban = Iban::parse("FR76 3000 6000 0112 3456 7890 189").unwrap();
        assert_eq!(iban.masked(), "FR76 •••• •••• •••• •••• ••90 189");
        let short = Iban::parse("NO93 8601 1117 947").unwrap();
        assert_eq!(short.masked(), "NO93 •••• ••17 947");
    }

    #[test]
    fn masked_shows_only_the_last_five_characters_of_the_account() {
        let iban = Iban::from_rib("30004", "00831", "00012345123").unwrap();
        let masked = iban.masked();
        let bare: String = masked.chars().filter(|c| *c != ' ').collect();
        assert_eq!(bare.chars().count(), 27);
        assert_eq!(&bare[..4], &iban.as_str()[..4]);
        assert!(bare.ends_with(&iban.as_str()[22..]));
        assert_eq!(masked.chars().filter(|c| *c == '•').count(), 18);
        // Grouped by four like the IBAN itself.
        assert_eq!(
            masked
                .split(' ')
                .map(|g| g.chars().count())
                .collect::<Vec<_>>(),
            [4, 4, 4, 4, 4, 4, 3]
        );
        assert!(!masked.contains("30004") && !masked.contains("0083"));
        let example = Iban::parse("FR14 2004 1010 0505 0001 3M02 606").unwrap();
        assert_eq!(example.masked(), "FR14 •••• •••• •••• •••• ••02 606");
    }

    #[test]
    fn a_rib_makes_the_iban_with_its_key_and_check_digits() {
        // domain.md's example: bank 20041, branch 01005, account 0500013M026, key 06.
        assert_eq!(
            Iban::from_rib("20041", "01005", "0500013M026")
                .unwrap()
                .as_str(),
            "FR1420041010050500013M02606"
        );
        assert_eq!(
            Iban::from_rib("30006", "00001", "12345678901")
                .unwrap()
                .as_str(),
            "FR7630006000011234567890189"
        );
        assert_eq!(
            Iban::from_rib("2004", "01005", "0500013M026"),
            Err(IbanError::WrongFormat)
        );
        assert_eq!(
            Iban::from_rib("20041", "01005", "0500013M02-"),
            Err(IbanError::WrongFormat)
        );
    }

    #[test]
    fn country_is_the_first_two_letters() {
        assert_eq!(Iban::parse(VALID[0]).unwrap().country(), "FR");
        assert_eq!(Iban::parse(VALID[3]).unwrap().country(), "DE");
    }

    #[test]
    fn debug_never_prints_the_full_iban() {
        let iban = Iban::parse("FR76 3000 6000 0112 3456 7890 189").unwrap();
        let debug = format!("{iban:?}");
        assert!(!debug.contains("30006000011234567890189"), "{debug}");
        assert!(!debug.contains("3000 6000"), "{debug}");
        assert_eq!(debug, "Iban(\"FR76 •••• •••• •••• •••• ••90 189\")");
    }

    #[test]
    fn serde_writes_the_canonical_string_and_reads_through_parse() {
        let iban: Iban = serde_json::from_str("\"fr14 2004 1010 0505 0001 3m02 606\"").unwrap();
        assert_eq!(
            serde_json::to_string(&iban).unwrap(),
            "\"FR1420041010050500013M02606\""
        );
        let error = serde_json::from_str::<Iban>("\"FR1420041010050500013M02607\"").unwrap_err();
        assert!(error.to_string().contains("iban_wrong_checksum"));
    }

    #[test]
    fn from_str_is_parse() {
        assert_eq!(
            "FR14 2004 1010 0505 0001 3M02 606".parse::<Iban>(),
            Iban::parse(VALID[0])
        );
    }

    #[test]
    fn error_codes_are_distinct_snake_case_with_iban_prefix() {
        let mut codes: Vec<_> = ALL_ERRORS.iter().map(|e| e.code()).collect();
        assert!(
            codes.iter().all(|c| c.starts_with("iban_")
                && c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'))
        );
        codes.sort_unstable();
        codes.dedup(); // both WrongLength samples share one code
        assert_eq!(codes.len(), ALL_ERRORS.len() - 1);
    }

    #[test]
    fn every_error_has_a_french_and_an_english_sentence() {
        for error in ALL_ERRORS {
            let fr = error.message(Lang::Fr);
            let en = error.message(Lang::En);
            assert_ne!(fr, en, "{error:?}");
            assert!(fr.ends_with('.') && en.ends_with('.'), "{error:?}");
            assert_eq!(error.to_string(), fr);
        }
        assert!(
            IbanError::WrongChecksum
                .message(Lang::Fr)
                .contains("vérifiez chaque chiffre")
        );
    }

    #[cfg(feature = "openapi")]
    #[test]
    fn openapi_schema_is_a_string() {
        let schema = serde_json::to_value(<Iban as utoipa::PartialSchema>::schema()).unwrap();
        assert_eq!(schema["type"], "string", "{schema}");
    }
}
