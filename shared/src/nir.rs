//! The NIR (numéro d'inscription au répertoire, « numéro de sécurité sociale »).
//!
//! 13 characters and a 2-digit key: sex (1), birth year (2), birth month (2), birth department
//! (2, `2A`/`2B` for Corsica), commune or country (3), order number (3), key (2). The number is
//! sensitive (décret 2019-341): [`Nir`] never prints itself in full by accident, its `Debug` is
//! masked and it has no `Display`; callers ask for [`Nir::as_str`] when they truly need it.

use std::fmt;
use std::str::FromStr;

/// Number of significant characters in a NIR, key included.
const LEN: usize = 15;

/// A NIR whose structure and key have been checked: 15 uppercase characters, no spaces.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Nir(String);

/// Sex as encoded in the first digit of a NIR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    /// First digit 1.
    Male,
    /// First digit 2.
    Female,
}

/// Why a text is not an acceptable NIR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NirError {
    /// Nothing was typed.
    Empty,
    /// Not 15 characters once spaces are removed; `chars` is how many there are.
    WrongLength {
        /// Significant characters typed.
        chars: usize,
    },
    /// A character other than a digit, or a letter other than the A/B of Corsica.
    InvalidCharacter,
    /// A temporary number (NIA, first digit 7 or 8): not accepted for online accounts.
    Temporary,
    /// The first digit is neither 1 nor 2 (nor 7/8).
    InvalidSex,
    /// The birth month is none of 01-12, 20-42, 50-99.
    InvalidMonth,
    /// The two last digits do not match the 13 first characters.
    WrongKey,
}

impl NirError {
    /// Stable machine code, e.g. for the API's `code` field and the browser's tests.
    pub fn code(self) -> &'static str {
        match self {
            NirError::Empty => "nir_empty",
            NirError::WrongLength { .. } => "nir_wrong_length",
            NirError::InvalidCharacter => "nir_invalid_character",
            NirError::Temporary => "nir_temporary",
            NirError::InvalidSex => "nir_invalid_sex",
            NirError::InvalidMonth => "nir_invalid_month",
            NirError::WrongKey => "nir_wrong_key",
        }
    }

    /// A sentence for the member that says what is wrong and how to fix it.
    pub fn message(self, lang: crate::Lang) -> &'static str {
        let (fr, en) = match self {
            NirError::Empty => (
                "Saisissez votre numéro de sécurité sociale : il figure sur votre carte Vitale.",
                "Enter your social security number: it is on your Vitale card.",
            ),
            NirError::WrongLength { chars } if chars < LEN => (
                "Il manque des chiffres : le numéro de sécurité sociale compte 15 chiffres, clé \
                 comprise. Vérifiez-le sur votre carte Vitale.",
                "Some digits are missing: the social security number has 15 digits, including \
                 the key. Check it on your Vitale card.",
            ),
            NirError::WrongLength { .. } => (
                "Il y a trop de chiffres : le numéro de sécurité sociale compte 15 chiffres, clé \
                 comprise. Vérifiez-le sur votre carte Vitale.",
                "There are too many digits: the social security number has 15 digits, including \
                 the key. Check it on your Vitale card.",
            ),
            NirError::InvalidCharacter => (
                "Le numéro ne contient que des chiffres (et la lettre A ou B pour les personnes \
                 nées en Corse) : retirez les autres caractères.",
                "The number contains only digits (and the letter A or B for people born in \
                 Corsica): remove any other characters.",
            ),
            NirError::Temporary => (
                "Ce numéro commençant par 7 ou 8 est un numéro provisoire : il ne permet pas \
                 d'ouvrir un compte en ligne. Contactez votre caisse pour obtenir votre numéro \
                 définitif.",
                "A number starting with 7 or 8 is a temporary number: it cannot be used to open \
                 an online account. Contact your fund to get your permanent number.",
            ),
            NirError::InvalidSex => (
                "Le numéro de sécurité sociale commence par 1 ou 2 : vérifiez le premier chiffre.",
                "The social security number starts with 1 or 2: check the first digit.",
            ),
            NirError::InvalidMonth => (
                "Les 4e et 5e chiffres indiquent le mois de naissance : vérifiez-les sur votre \
                 carte Vitale.",
                "The 4th and 5th digits give the month of birth: check them on your Vitale card.",
            ),
            NirError::WrongKey => (
                "La clé ne correspond pas au numéro : vérifiez les deux derniers chiffres sur \
                 votre carte Vitale.",
                "The key does not match the number: check the last two digits on your Vitale \
                 card.",
            ),
        };
        match lang {
            crate::Lang::Fr => fr,
            crate::Lang::En => en,
        }
    }
}

impl fmt::Display for NirError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(crate::Lang::Fr))
    }
}

impl std::error::Error for NirError {}

/// What the browser learns from [`check_partial`] after each keystroke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialNir {
    /// Significant characters typed so far (separators not counted).
    pub typed: usize,
    /// Where the input stands.
    pub status: PartialStatus,
}

/// State of a NIR being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartialStatus {
    /// Nothing wrong so far; more characters are expected (also when nothing is typed yet).
    Incomplete,
    /// All 15 characters are there and the key matches.
    Valid,
    /// The input cannot become a valid NIR: a bad character or field, too many characters,
    /// or, once complete, [`NirError::WrongKey`].
    Invalid(NirError),
}

impl PartialNir {
    /// True while what is typed can still be completed into a valid NIR (or already is one).
    pub fn is_valid_prefix(self) -> bool {
        !matches!(self.status, PartialStatus::Invalid(_))
    }
}

/// Checks a NIR as it is being typed, without allocating: cheap enough for every keystroke.
pub fn check_partial(input: &str) -> PartialNir {
    let scan = Scan::of(input);
    let status = match scan.first_error {
        Some(error) => PartialStatus::Invalid(error),
        None if scan.len > LEN => PartialStatus::Invalid(NirError::WrongLength { chars: scan.len }),
        None if scan.len < LEN => PartialStatus::Incomplete,
        None if scan.key_matches() => PartialStatus::Valid,
        None => PartialStatus::Invalid(NirError::WrongKey),
    };
    PartialNir {
        typed: scan.len,
        status,
    }
}

impl Nir {
    /// Parses a NIR as people type it: spaces, dots and dashes anywhere, lowercase `2a`/`2b`.
    pub fn parse(input: &str) -> Result<Nir, NirError> {
        let scan = Scan::of(input);
        if scan.len == 0 {
            return Err(NirError::Empty);
        }
        if let Some(error) = scan.first_error {
            return Err(error);
        }
        if scan.len != LEN {
            return Err(NirError::WrongLength { chars: scan.len });
        }
        if !scan.key_matches() {
            return Err(NirError::WrongKey);
        }
        // Every stored byte is an ASCII digit or A/B, so this is a plain byte-to-char copy.
        Ok(Nir(scan.chars.iter().map(|&b| char::from(b)).collect()))
    }

    /// The NIR whose first 13 characters are `head`, completed with its key: for a roll that
    /// numbers people itself (the demo's children, the benchmark's roll).
    pub fn with_key(head: &str) -> Result<Nir, NirError> {
        let mut scan = Scan::of(&format!("{head}00"));
        if let Some(error) = scan.first_error {
            return Err(error);
        }
        if scan.len != LEN {
            return Err(NirError::WrongLength {
                chars: scan.len.saturating_sub(2),
            });
        }
        let key = scan.key();
        scan.chars[13] = b'0' + u8::try_from(key / 10).unwrap_or(0);
        scan.chars[14] = b'0' + u8::try_from(key % 10).unwrap_or(0);
        Ok(Nir(scan.chars.iter().map(|&b| char::from(b)).collect()))
    }

    /// The 15 canonical characters; only for storage or sending, never for logs.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as printed on the Vitale card: `2 95 10 99 126 111 93`.
    pub fn grouped(&self) -> String {
        self.group_with(|_| false)
    }

    /// The number with department, commune and order hidden: `2 95 10 •• ••• ••• 93`.
    pub fn masked(&self) -> String {
        self.group_with(|i| (5..13).contains(&i))
    }

    /// Sex encoded by the first digit (temporary numbers are refused, so it is always known).
    pub fn sex(&self) -> Sex {
        if self.0.starts_with('2') {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// Groups 1-2-2-2-3-3-2 separated by spaces, replacing hidden positions with bullets.
    fn group_with(&self, hidden: impl Fn(usize) -> bool) -> String {
        const GROUP_STARTS: [usize; 6] = [1, 3, 5, 7, 10, 13];
        let mut out = String::with_capacity(3 * LEN);
        for (i, c) in self.0.chars().enumerate() {
            if GROUP_STARTS.contains(&i) {
                out.push(' ');
            }
            out.push(if hidden(i) { '•' } else { c });
        }
        out
    }
}

impl fmt::Debug for Nir {
    // Masked so that a `{:?}` in a log line or a panic message never leaks the number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Nir").field(&self.masked()).finish()
    }
}

impl FromStr for Nir {
    type Err = NirError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Nir::parse(s)
    }
}

impl serde::Serialize for Nir {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Nir {
    // Through `parse`, so an invalid NIR can never be built from a request body or a row.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Nir::parse(&text).map_err(|e| serde::de::Error::custom(e.code()))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Nir {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
        let schema = ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "NIR (social security number): 13 characters and a 2-digit key, no spaces.",
            ))
            .min_length(Some(LEN))
            .max_length(Some(LEN))
            .pattern(Some("^[12][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{8}$"))
            .examples(["295109912611193"])
            .build();
        utoipa::openapi::RefOr::T(Schema::Object(schema))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Nir {}

/// One pass over the input: canonical characters, their count and the first structural error.
struct Scan {
    chars: [u8; LEN],
    len: usize,
    first_error: Option<NirError>,
}

impl Scan {
    fn of(input: &str) -> Scan {
        let mut scan = Scan {
            chars: [b'0'; LEN],
            len: 0,
            first_error: None,
        };
        for c in input.chars() {
            // `is_whitespace` covers the no-break and narrow no-break spaces pasted from documents.
            if c.is_whitespace() || matches!(c, '.' | '-' | '‐' | '‑' | '–') {
                continue;
            }
            let position = scan.len;
            scan.len += 1;
            if position >= LEN || scan.first_error.is_some() {
                continue;
            }
            let byte = match u8::try_from(c.to_ascii_uppercase()) {
                Ok(b) if b.is_ascii_digit() => b,
                // Corsica: 2A/2B in the department position only.
                Ok(b @ (b'A' | b'B')) if position == 6 && scan.chars[5] == b'2' => b,
                _ => {
                    scan.first_error = Some(NirError::InvalidCharacter);
                    continue;
                }
            };
            scan.chars[position] = byte;
            scan.first_error = check_field_ending_at(position, &scan.chars);
        }
        scan
    }

    fn key_matches(&self) -> bool {
        let typed = u32::from(self.chars[13] - b'0') * 10 + u32::from(self.chars[14] - b'0');
        typed == self.key()
    }

    /// Key = 97 − (N mod 97), N the 13 first characters with 2A read as 19 and 2B as 18.
    fn key(&self) -> u32 {
        let mut rest: u32 = 0;
        for (i, &b) in self.chars[..13].iter().enumerate() {
            let digit = match (i, b) {
                (5, b'2') if self.chars[6] == b'A' || self.chars[6] == b'B' => 1,
                (6, b'A') => 9,
                (6, b'B') => 8,
                _ => u32::from(b - b'0'),
            };
            rest = (rest * 10 + digit) % 97;
        }
        97 - rest
    }
}

/// Checks the field that the character at `position` completes, if any.
fn check_field_ending_at(position: usize, chars: &[u8; LEN]) -> Option<NirError> {
    match position {
        0 => match chars[0] {
            b'1' | b'2' => None,
            b'7' | b'8' => Some(NirError::Temporary),
            _ => Some(NirError::InvalidSex),
        },
        4 => {
            let month = (chars[3] - b'0') * 10 + (chars[4] - b'0');
            // 20-42 and 50-99 stand for civil records with an incomplete or unknown month.
            match month {
                1..=12 | 20..=42 | 50..=99 => None,
                _ => Some(NirError::InvalidMonth),
            }
        }
        // The department is not range-checked: historical codes (20 before 1976, 91-96 for
        // births in North Africa before independence) exist, and the key catches typos.
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    const ALL_ERRORS: [NirError; 8] = [
        NirError::Empty,
        NirError::WrongLength { chars: 3 },
        NirError::WrongLength { chars: 16 },
        NirError::InvalidCharacter,
        NirError::Temporary,
        NirError::InvalidSex,
        NirError::InvalidMonth,
        NirError::WrongKey,
    ];

    #[test]
    fn with_key_completes_thirteen_characters_with_their_key() {
        for nir in ["295109912611193", "253072B07300470", "253072A07300443"] {
            assert_eq!(Nir::with_key(&nir[..13]).unwrap().as_str(), nir);
        }
        assert_eq!(
            Nir::with_key("29510991261"),
            Err(NirError::WrongLength { chars: 11 })
        );
        assert_eq!(Nir::with_key("7951099126111"), Err(NirError::Temporary));
    }

    #[test]
    fn reference_vectors_are_accepted() {
        for nir in ["295109912611193", "253072B07300470", "253072A07300443"] {
            assert_eq!(Nir::parse(nir).unwrap().as_str(), nir);
        }
    }

    #[test]
    fn computed_vectors_are_accepted() {
        // Keys computed independently (Python) with 97 − (N mod 97).
        for nir in [
            "185057512345673",
            "199129999999961", // month 12
            "100010100100105",
            "285029999999952",
            "180019741212353", // born overseas (97 + 1 digit)
            "289309935001597", // N mod 97 = 0, so the key is 97
        ] {
            assert!(Nir::parse(nir).is_ok(), "{nir}");
        }
    }

    #[test]
    fn incomplete_civil_record_months_are_accepted() {
        // Months 20, 42 and 50 (incomplete records), month 97 (50-99 range).
        for nir in [
            "167203155500163",
            "250421305500296",
            "175509912304576",
            "260971341234506",
        ] {
            assert!(Nir::parse(nir).is_ok(), "{nir}");
        }
    }

    #[test]
    fn impossible_months_are_rejected_before_the_key() {
        for month in ["00", "13", "19", "43", "49"] {
            let nir = format!("195{month}75123456 00");
            assert_eq!(Nir::parse(&nir), Err(NirError::InvalidMonth), "{month}");
        }
    }

    #[test]
    fn spaces_dots_dashes_and_no_break_spaces_are_ignored() {
        for typed in [
            "2 95 10 99 126 111 93",
            " 295109912611193 ",
            "2.95.10.99.126.111.93",
            "2-95-10-99-126-111-93",
            "2\u{a0}95\u{a0}10\u{202f}99 126\t111 93",
        ] {
            assert_eq!(
                Nir::parse(typed).unwrap().as_str(),
                "295109912611193",
                "{typed}"
            );
        }
    }

    #[test]
    fn lowercase_corsican_department_is_canonicalised_to_uppercase() {
        assert_eq!(
            Nir::parse("2 53 07 2b 073 004 70").unwrap().as_str(),
            "253072B07300470"
        );
    }

    #[test]
    fn a_wrong_key_is_reported_as_wrong_key() {
        assert_eq!(Nir::parse("295109912611199"), Err(NirError::WrongKey));
        assert_eq!(Nir::parse("295109912611100"), Err(NirError::WrongKey));
    }

    #[test]
    fn swapping_corsican_letters_breaks_the_key() {
        assert_eq!(Nir::parse("253072A07300470"), Err(NirError::WrongKey));
        assert_eq!(Nir::parse("253072B07300443"), Err(NirError::WrongKey));
    }

    #[test]
    fn changing_any_single_digit_breaks_the_key() {
        let valid = "295109912611193";
        for i in [1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] {
            for d in b'0'..=b'9' {
                let mut bytes = valid.as_bytes().to_vec();
                if bytes[i] == d {
                    continue;
                }
                bytes[i] = d;
                let text = String::from_utf8(bytes).unwrap();
                assert!(Nir::parse(&text).is_err(), "{text}");
            }
        }
    }

    #[test]
    fn empty_and_blank_inputs_are_empty() {
        assert_eq!(Nir::parse(""), Err(NirError::Empty));
        assert_eq!(Nir::parse("  \u{a0} "), Err(NirError::Empty));
    }

    #[test]
    fn missing_or_extra_characters_report_the_count() {
        assert_eq!(
            Nir::parse("2951099126111"),
            Err(NirError::WrongLength { chars: 13 })
        );
        assert_eq!(
            Nir::parse("2951099126111930"),
            Err(NirError::WrongLength { chars: 16 })
        );
    }

    #[test]
    fn letters_outside_the_corsican_department_are_invalid_characters() {
        for typed in [
            "29510991261119A",
            "2951A9912611193",
            "253071A07300443",
            "2x5109912611193",
        ] {
            assert_eq!(
                Nir::parse(typed),
                Err(NirError::InvalidCharacter),
                "{typed}"
            );
        }
        assert_eq!(
            Nir::parse("25307 2C 07300443"),
            Err(NirError::InvalidCharacter)
        );
    }

    #[test]
    fn temporary_numbers_are_refused_with_their_own_error() {
        assert_eq!(Nir::parse("795109912611193"), Err(NirError::Temporary));
        assert_eq!(Nir::parse("895109912611193"), Err(NirError::Temporary));
    }

    #[test]
    fn other_first_digits_are_invalid_sex() {
        for first in ['0', '3', '4', '5', '6', '9'] {
            let nir = format!("{first}95109912611193");
            assert_eq!(Nir::parse(&nir), Err(NirError::InvalidSex), "{first}");
        }
    }

    #[test]
    fn grouped_follows_the_vitale_card_layout() {
        assert_eq!(
            Nir::parse("295109912611193").unwrap().grouped(),
            "2 95 10 99 126 111 93"
        );
        assert_eq!(
            Nir::parse("253072A07300443").unwrap().grouped(),
            "2 53 07 2A 073 004 43"
        );
    }

    #[test]
    fn masked_hides_department_commune_and_order() {
        assert_eq!(
            Nir::parse("295109912611193").unwrap().masked(),
            "2 95 10 •• ••• ••• 93"
        );
    }

    #[test]
    fn debug_never_prints_the_full_number() {
        let nir = Nir::parse("295109912611193").unwrap();
        let debug = format!("{nir:?} {:?}", Some(&nir));
        assert!(!debug.contains("295109912611193"));
        assert!(!debug.contains("99 126 111"));
        assert!(debug.contains("2 95 10 •• ••• ••• 93"));
    }

    #[test]
    fn sex_comes_from_the_first_digit() {
        assert_eq!(Nir::parse("295109912611193").unwrap().sex(), Sex::Female);
        assert_eq!(Nir::parse("185057512345673").unwrap().sex(), Sex::Male);
    }

    #[test]
    fn serde_writes_the_canonical_string_and_reads_through_parse() {
        let nir: Nir = serde_json::from_str("\"2 95 10 99 126 111 93\"").unwrap();
        assert_eq!(serde_json::to_string(&nir).unwrap(), "\"295109912611193\"");
        let error = serde_json::from_str::<Nir>("\"295109912611199\"").unwrap_err();
        assert!(error.to_string().contains("nir_wrong_key"));
        assert!(serde_json::from_str::<Nir>("295109912611193").is_err());
    }

    #[test]
    fn from_str_is_parse() {
        assert_eq!(
            "2 95 10 99 126 111 93".parse::<Nir>(),
            Nir::parse("295109912611193")
        );
    }

    #[test]
    fn partial_check_accepts_every_prefix_of_a_valid_number() {
        let typed = "2 53 07 2b 073 004 70";
        for end in 0..typed.len() {
            let partial = check_partial(&typed[..end]);
            assert!(partial.is_valid_prefix(), "{:?}", &typed[..end]);
            assert_eq!(
                partial.status,
                PartialStatus::Incomplete,
                "{:?}",
                &typed[..end]
            );
        }
        assert_eq!(
            check_partial(typed),
            PartialNir {
                typed: 15,
                status: PartialStatus::Valid
            }
        );
    }

    #[test]
    fn partial_check_counts_only_significant_characters() {
        assert_eq!(check_partial("2 95 10").typed, 5);
        assert_eq!(check_partial("").typed, 0);
    }

    #[test]
    fn partial_check_flags_problems_as_soon_as_they_are_typed() {
        let invalid = |s| check_partial(s).status;
        assert_eq!(invalid("3"), PartialStatus::Invalid(NirError::InvalidSex));
        assert_eq!(invalid("7"), PartialStatus::Invalid(NirError::Temporary));
        assert_eq!(
            invalid("2 95 13"),
            PartialStatus::Invalid(NirError::InvalidMonth)
        );
        assert_eq!(invalid("2 95 1"), PartialStatus::Incomplete);
        assert_eq!(
            invalid("2 95 10 9A"),
            PartialStatus::Invalid(NirError::InvalidCharacter)
        );
        assert_eq!(
            invalid("2 95 10 2C"),
            PartialStatus::Invalid(NirError::InvalidCharacter)
        );
    }

    #[test]
    fn partial_check_distinguishes_wrong_key_from_too_long() {
        let status = |s| check_partial(s).status;
        assert_eq!(
            status("295109912611199"),
            PartialStatus::Invalid(NirError::WrongKey)
        );
        assert_eq!(
            status("2951099126111930"),
            PartialStatus::Invalid(NirError::WrongLength { chars: 16 })
        );
    }

    #[test]
    fn partial_check_and_parse_agree_on_complete_input() {
        for nir in [
            "295109912611193",
            "295109912611199",
            "795109912611193",
            "253072A07300443",
        ] {
            let partial_ok = check_partial(nir).status == PartialStatus::Valid;
            assert_eq!(partial_ok, Nir::parse(nir).is_ok(), "{nir}");
        }
    }

    #[test]
    fn error_codes_are_distinct_snake_case_with_nir_prefix() {
        let mut codes: Vec<_> = ALL_ERRORS.iter().map(|e| e.code()).collect();
        assert!(
            codes.iter().all(|c| c.starts_with("nir_")
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
    }

    #[test]
    fn wrong_key_message_says_where_to_look() {
        assert_eq!(
            NirError::WrongKey.message(Lang::Fr),
            "La clé ne correspond pas au numéro : vérifiez les deux derniers chiffres sur votre \
             carte Vitale."
        );
    }

    #[test]
    fn length_message_says_whether_digits_are_missing_or_extra() {
        assert!(
            NirError::WrongLength { chars: 13 }
                .message(Lang::Fr)
                .starts_with("Il manque")
        );
        assert!(
            NirError::WrongLength { chars: 16 }
                .message(Lang::En)
                .starts_with("There are too")
        );
    }

    #[cfg(feature = "openapi")]
    #[test]
    fn openapi_schema_is_a_string() {
        let schema = serde_json::to_value(<Nir as utoipa::PartialSchema>::schema()).unwrap();
        assert_eq!(schema["type"], "string", "{schema}");
    }
}
