//! Money as a whole number of euro cents.
//!
//! Integer cents, never floats: 0.1 + 0.2 must be 0.30 € on both the server and the browser, and
//! a reimbursement must add up to the cent. Arithmetic saturates instead of overflowing, because
//! panicking is forbidden here and no real amount comes near ±92 million billion euros.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use crate::Lang;

/// An amount of money in euro cents (negative for amounts owed or deducted).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Cents(pub i64);

/// Why a typed amount could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MoneyParseError {
    /// Nothing was typed.
    Empty,
    /// Something other than digits, one decimal comma (or point), spaces and €.
    NotANumber,
    /// More than two digits after the decimal comma.
    TooManyDecimals,
    /// Too large to be an amount.
    TooLarge,
}

impl MoneyParseError {
    /// Stable machine code, e.g. for the API's `code` field.
    pub fn code(self) -> &'static str {
        match self {
            MoneyParseError::Empty => "money_empty",
            MoneyParseError::NotANumber => "money_not_a_number",
            MoneyParseError::TooManyDecimals => "money_too_many_decimals",
            MoneyParseError::TooLarge => "money_too_large",
        }
    }

    /// A sentence for the member that says what is wrong and how to fix it.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MoneyParseError::Empty, Lang::Fr) => {
                "Indiquez un montant en euros, par exemple 25,50."
            }
            (MoneyParseError::Empty, Lang::En) => "Enter an amount in euros, for example 25.50.",
            (MoneyParseError::NotANumber, Lang::Fr) => {
                "Le montant ne doit contenir que des chiffres et une virgule, par exemple 1 234,56."
            }
            (MoneyParseError::NotANumber, Lang::En) => {
                "The amount should contain only digits and one decimal point, for example 1234.56."
            }
            (MoneyParseError::TooManyDecimals, Lang::Fr) => {
                "Indiquez au plus deux chiffres après la virgule (les centimes)."
            }
            (MoneyParseError::TooManyDecimals, Lang::En) => {
                "Enter at most two digits after the decimal point (the cents)."
            }
            (MoneyParseError::TooLarge, Lang::Fr) => {
                "Ce montant est trop élevé : vérifiez le nombre de chiffres."
            }
            (MoneyParseError::TooLarge, Lang::En) => {
                "This amount is too large: check the number of digits."
            }
        }
    }
}

impl fmt::Display for MoneyParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::Fr))
    }
}

impl std::error::Error for MoneyParseError {}

impl Cents {
    /// Zero euros.
    pub const ZERO: Cents = Cents(0);

    /// A whole number of euros (saturating at the bounds of `i64` cents).
    pub const fn from_euros(euros: i64) -> Cents {
        Cents(euros.saturating_mul(100))
    }

    /// Whole euros, truncated toward zero: −12,34 € gives −12.
    pub const fn euros(self) -> i64 {
        self.0 / 100
    }

    /// The cents after the euros, always 0-99 whatever the sign: −12,34 € gives 34.
    pub const fn cents_part(self) -> u8 {
        // The remainder is in −99..=99, so the cast cannot truncate.
        (self.0 % 100).unsigned_abs() as u8
    }

    /// True for amounts below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Sum, or `None` on overflow.
    pub const fn checked_add(self, other: Cents) -> Option<Cents> {
        match self.0.checked_add(other.0) {
            Some(v) => Some(Cents(v)),
            None => None,
        }
    }

    /// Difference, or `None` on overflow.
    pub const fn checked_sub(self, other: Cents) -> Option<Cents> {
        match self.0.checked_sub(other.0) {
            Some(v) => Some(Cents(v)),
            None => None,
        }
    }

    /// Amount times a count (boxes, days, acts), or `None` on overflow.
    pub const fn checked_mul(self, count: i64) -> Option<Cents> {
        match self.0.checked_mul(count) {
            Some(v) => Some(Cents(v)),
            None => None,
        }
    }

    /// `rate_percent` % of the amount, rounded to the nearest cent with halves away from zero
    /// (0,5 c → 1 c, −0,5 c → −1 c), as on paper; `None` on overflow.
    ///
    /// Away from zero rather than banker's rounding so that a refund and its reversal are exact
    /// opposites and members can check a figure by hand.
    pub fn checked_mul_percent(self, rate_percent: u32) -> Option<Cents> {
        let product = i128::from(self.0) * i128::from(rate_percent);
        let (quotient, remainder) = (product / 100, product % 100);
        let rounded = if remainder.abs() * 2 >= 100 {
            quotient + product.signum()
        } else {
            quotient
        };
        i64::try_from(rounded).ok().map(Cents)
    }

    /// The amount for people reading `lang`: `1 234,56 €` or `€1,234.56`.
    pub fn format(self, lang: Lang) -> String {
        let sign = if self.is_negative() { "\u{2212}" } else { "" };
        let euros = self.0.unsigned_abs() / 100;
        let cents = self.cents_part();
        match lang {
            // Narrow no-break space between thousands, no-break space before the symbol, so that
            // an amount never wraps across two lines (typographic convention of the Imprimerie
            // nationale).
            Lang::Fr => format!(
                "{sign}{},{cents:02}\u{a0}€",
                group_thousands(euros, '\u{202f}')
            ),
            Lang::En => format!("{sign}€{}.{cents:02}", group_thousands(euros, ',')),
        }
    }

    /// Reads an amount as French people type it: `12`, `12,5`, `1 234,56`, `12.50`, `12,50 €`.
    ///
    /// The decimal separator is a comma or a point; spaces (of any kind) group thousands;
    /// a leading `-` or `−` makes it negative. `1.234,56` is refused rather than guessed.
    pub fn parse_fr(input: &str) -> Result<Cents, MoneyParseError> {
        let text = input.trim();
        let text = text
            .strip_suffix('€')
            .or_else(|| text.strip_prefix('€'))
            .unwrap_or(text);
        let text = text.trim();
        if text.is_empty() {
            return Err(MoneyParseError::Empty);
        }
        let (negative, text) = match text.strip_prefix(['-', '\u{2212}']) {
            Some(rest) => (true, rest.trim_start()),
            None => (false, text),
        };
        let (whole, fraction) = match text.split_once([',', '.']) {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let whole: String = whole.chars().filter(|c| !c.is_whitespace()).collect();
        let fraction = fraction.unwrap_or("");
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(&whole) || !all_digits(fraction) || whole.len() + fraction.len() == 0 {
            return Err(MoneyParseError::NotANumber);
        }
        if fraction.len() > 2 {
            return Err(MoneyParseError::TooManyDecimals);
        }
        let mut cents: i64 = 0;
        // Whole digits, then the fraction padded to two digits: "12,5" is 12 × 100 + 50.
        let padded = fraction.bytes().chain(std::iter::repeat(b'0')).take(2);
        for b in whole.bytes().chain(padded) {
            cents = cents
                .checked_mul(10)
                .and_then(|c| c.checked_add(i64::from(b - b'0')))
                .ok_or(MoneyParseError::TooLarge)?;
        }
        Ok(Cents(if negative { -cents } else { cents }))
    }
}

/// Writes `n` with `separator` between groups of three digits.
pub(crate) fn group_thousands(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Cents {
    /// French form, `1 234,56 €`; honours width and alignment for plain-text tables.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.format(Lang::Fr))
    }
}

impl Add for Cents {
    type Output = Cents;

    fn add(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }
}

impl Sub for Cents {
    type Output = Cents;

    fn sub(self, other: Cents) -> Cents {
        Cents(self.0.saturating_sub(other.0))
    }
}

impl Neg for Cents {
    type Output = Cents;

    fn neg(self) -> Cents {
        Cents(self.0.saturating_neg())
    }
}

impl AddAssign for Cents {
    fn add_assign(&mut self, other: Cents) {
        *self = *self + other;
    }
}

impl SubAssign for Cents {
    fn sub_assign(&mut self, other: Cents) {
        *self = *self - other;
    }
}

impl Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Cents> for Cents {
    fn sum<I: Iterator<Item = &'a Cents>>(iter: I) -> Cents {
        iter.copied().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NNBSP: char = '\u{202f}';
    const NBSP: char = '\u{a0}';

    #[test]
    fn zero_is_formatted_with_two_decimals() {
        assert_eq!(Cents(0).to_string(), format!("0,00{NBSP}€"));
        assert_eq!(Cents(0).format(Lang::En), "€0.00");
    }

    #[test]
    fn five_cents_keep_the_leading_zero() {
        assert_eq!(Cents(5).to_string(), format!("0,05{NBSP}€"));
        assert_eq!(Cents(5).format(Lang::En), "€0.05");
    }

    #[test]
    fn hundred_euros_have_no_separator() {
        assert_eq!(Cents::from_euros(100).to_string(), format!("100,00{NBSP}€"));
    }

    #[test]
    fn thousands_are_separated_by_a_narrow_no_break_space() {
        assert_eq!(Cents(123_456).to_string(), format!("1{NNBSP}234,56{NBSP}€"));
        assert_eq!(Cents(123_456).format(Lang::En), "€1,234.56");
    }

    #[test]
    fn millions_have_two_separators() {
        assert_eq!(
            Cents(123_456_789).to_string(),
            format!("1{NNBSP}234{NNBSP}567,89{NBSP}€")
        );
        assert_eq!(Cents(100_000_000).format(Lang::En), "€1,000,000.00");
        assert_eq!(Cents(99_999_999).format(Lang::En), "€999,999.99");
    }

    #[test]
    fn negatives_use_the_minus_sign() {
        assert_eq!(Cents(-1200).to_string(), format!("\u{2212}12,00{NBSP}€"));
        assert_eq!(Cents(-123_456).format(Lang::En), "\u{2212}€1,234.56");
        assert_eq!(Cents(-5).to_string(), format!("\u{2212}0,05{NBSP}€"));
    }

    #[test]
    fn extreme_values_format_without_overflow() {
        assert!(Cents(i64::MIN).to_string().starts_with("\u{2212}92"));
        assert!(Cents(i64::MAX).format(Lang::En).ends_with(".07"));
    }

    #[test]
    fn display_honours_width_for_text_tables() {
        assert_eq!(format!("{:>12}", Cents(500)), format!("      5,00{NBSP}€"));
    }

    #[test]
    fn euros_and_cents_part_split_the_amount() {
        assert_eq!((Cents(1234).euros(), Cents(1234).cents_part()), (12, 34));
        assert_eq!((Cents(-1234).euros(), Cents(-1234).cents_part()), (-12, 34));
        assert_eq!(Cents::from_euros(30), Cents(3000));
        assert_eq!(Cents::from_euros(i64::MAX), Cents(i64::MAX));
    }

    #[test]
    fn percent_of_a_consultation_matches_the_worked_example() {
        // G consultation at 30 € reimbursed at 70 %, minus the 2 € participation: 19 €.
        let amo = Cents::from_euros(30).checked_mul_percent(70).unwrap() - Cents::from_euros(2);
        assert_eq!(amo, Cents(1900));
    }

    #[test]
    fn percent_rounds_halves_away_from_zero() {
        assert_eq!(Cents(5).checked_mul_percent(50), Some(Cents(3))); // 2.5 → 3
        assert_eq!(Cents(-5).checked_mul_percent(50), Some(Cents(-3))); // −2.5 → −3
        assert_eq!(Cents(1).checked_mul_percent(49), Some(Cents(0))); // 0.49 → 0
        assert_eq!(Cents(2650).checked_mul_percent(70), Some(Cents(1855)));
        assert_eq!(Cents(333).checked_mul_percent(15), Some(Cents(50))); // 49.95 → 50
        assert_eq!(Cents(333).checked_mul_percent(65), Some(Cents(216))); // 216.45 → 216
    }

    #[test]
    fn percent_overflow_is_none_not_a_panic() {
        assert_eq!(Cents(i64::MAX).checked_mul_percent(200), None);
        assert_eq!(
            Cents(i64::MAX).checked_mul_percent(100),
            Some(Cents(i64::MAX))
        );
    }

    #[test]
    fn operators_saturate_and_checked_helpers_report_overflow() {
        assert_eq!(Cents(i64::MAX) + Cents(1), Cents(i64::MAX));
        assert_eq!(Cents(i64::MIN) - Cents(1), Cents(i64::MIN));
        assert_eq!(-Cents(i64::MIN), Cents(i64::MAX));
        assert_eq!(Cents(i64::MAX).checked_add(Cents(1)), None);
        assert_eq!(Cents(i64::MIN).checked_sub(Cents(1)), None);
        assert_eq!(Cents(100).checked_mul(3), Some(Cents(300)));
        assert_eq!(Cents(i64::MAX).checked_mul(2), None);
    }

    #[test]
    fn sum_adds_owned_and_borrowed_amounts() {
        let amounts = [Cents(10), Cents(20), Cents(-5)];
        assert_eq!(amounts.iter().sum::<Cents>(), Cents(25));
        assert_eq!(amounts.into_iter().sum::<Cents>(), Cents(25));
        let mut total = Cents::ZERO;
        total += Cents(7);
        total -= Cents(2);
        assert_eq!(total, Cents(5));
    }

    #[test]
    fn clamping_at_zero_uses_ord() {
        assert_eq!((Cents(100) - Cents(300)).max(Cents::ZERO), Cents::ZERO);
    }

    #[test]
    fn parse_fr_accepts_the_usual_ways_of_typing_an_amount() {
        let cases = [
            ("12", 1200),
            ("12,5", 1250),
            ("12,50", 1250),
            ("12.50", 1250),
            ("0,05", 5),
            (",5", 50),
            ("12,", 1200),
            ("1 234,56", 123_456),
            ("1\u{202f}234,56\u{a0}€", 123_456),
            ("12,50 €", 1250),
            ("12,50€", 1250),
            ("€12.50", 1250),
            ("  7  ", 700),
            ("-3,20", -320),
            ("\u{2212}12,00 €", -1200),
        ];
        for (typed, cents) in cases {
            assert_eq!(Cents::parse_fr(typed), Ok(Cents(cents)), "{typed:?}");
        }
    }

    #[test]
    fn parse_fr_rejects_what_it_cannot_read_safely() {
        let cases = [
            ("", MoneyParseError::Empty),
            (" € ", MoneyParseError::Empty),
            ("abc", MoneyParseError::NotANumber),
            ("1.234,56", MoneyParseError::NotANumber),
            ("1,234.56", MoneyParseError::NotANumber),
            ("12,5 0", MoneyParseError::NotANumber),
            ("12 € 50", MoneyParseError::NotANumber),
            (",", MoneyParseError::NotANumber),
            ("+12", MoneyParseError::NotANumber),
            ("12,345", MoneyParseError::TooManyDecimals),
            ("1.234", MoneyParseError::TooManyDecimals),
            ("99999999999999999999", MoneyParseError::TooLarge),
        ];
        for (typed, error) in cases {
            assert_eq!(Cents::parse_fr(typed), Err(error), "{typed:?}");
        }
    }

    #[test]
    fn parse_fr_reads_back_what_display_writes() {
        for cents in [
            0,
            5,
            99,
            100,
            1250,
            123_456,
            123_456_789,
            -1,
            -1200,
            -123_456,
        ] {
            let shown = Cents(cents).to_string();
            assert_eq!(Cents::parse_fr(&shown), Ok(Cents(cents)), "{shown}");
        }
    }

    #[test]
    fn serde_is_a_plain_integer_of_cents() {
        assert_eq!(serde_json::to_string(&Cents(1234)).unwrap(), "1234");
        assert_eq!(serde_json::from_str::<Cents>("-50").unwrap(), Cents(-50));
        assert!(serde_json::from_str::<Cents>("12.5").is_err());
    }

    #[test]
    fn error_codes_and_messages_exist_in_both_languages() {
        let errors = [
            MoneyParseError::Empty,
            MoneyParseError::NotANumber,
            MoneyParseError::TooManyDecimals,
            MoneyParseError::TooLarge,
        ];
        let mut codes: Vec<_> = errors.iter().map(|e| e.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), errors.len());
        for error in errors {
            assert!(error.code().starts_with("money_"));
            assert_ne!(error.message(Lang::Fr), error.message(Lang::En));
            assert_eq!(error.to_string(), error.message(Lang::Fr));
        }
    }

    #[cfg(feature = "openapi")]
    #[test]
    fn openapi_schema_is_a_integer() {
        let schema = serde_json::to_value(<Cents as utoipa::PartialSchema>::schema()).unwrap();
        assert_eq!(schema["type"], "integer", "{schema}");
    }
}
