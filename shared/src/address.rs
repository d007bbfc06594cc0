//! The postal address on file, and changing it after a move. The change is a request the fund
//! checks; the address on file stays the same until an agent approves it.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::reimbursements::Date;

/// A postal address in France, as the roll holds it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostalAddress {
    /// Number and street.
    pub line1: String,
    /// Building, floor, "chez"… (may be empty).
    #[serde(default)]
    pub line2: String,
    /// Five digits.
    pub postal_code: String,
    /// Town.
    pub city: String,
}

impl PostalAddress {
    /// The address on one line: "12 rue des Tilleuls, 69003 Lyon".
    pub fn one_line(&self) -> String {
        let mut parts: Vec<&str> = vec![self.line1.as_str()];
        if !self.line2.is_empty() {
            parts.push(&self.line2);
        }
        let town = format!("{} {}", self.postal_code, self.city);
        parts.push(town.trim());
        parts.retain(|p| !p.is_empty());
        parts.join(", ")
    }
}

/// What "My account" shows of the address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressView {
    /// The address on file.
    pub current: PostalAddress,
    /// A change being processed, if any.
    pub pending: Option<PendingAddressChange>,
}

/// A change of address filed and not decided yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingAddressChange {
    /// The request that follows it.
    pub request_id: i64,
    /// The new address.
    pub address: PostalAddress,
    /// The day of the move, `YYYY-MM-DD`.
    pub moved_on: String,
}

/// A member's new address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressChange {
    /// Number and street.
    pub line1: String,
    /// Building, floor… (optional).
    #[serde(default)]
    pub line2: String,
    /// Five digits.
    pub postal_code: String,
    /// Town.
    pub city: String,
    /// The day of the move, `YYYY-MM-DD`.
    pub moved_on: String,
    /// A proof of address uploaded first (`POST /api/attachments`), optional.
    #[serde(default)]
    pub proof: Option<i64>,
}

/// Longest line of a postal address, in characters (AFNOR NF Z10-011: 38 per line).
pub const LINE_CHARS: usize = 38;

/// How far ahead a move may be announced, in months.
pub const MONTHS_AHEAD: i32 = 3;

/// How long after a move it may still be declared here, in months.
pub const MONTHS_BACK: i32 = 12;

/// What is wrong with a change of address, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProblem {
    /// No street.
    Line1Empty,
    /// The street line is over [`LINE_CHARS`].
    Line1Long,
    /// The second line is over [`LINE_CHARS`].
    Line2Long,
    /// No postal code.
    PostalCodeEmpty,
    /// Not five digits of a French département.
    PostalCodeMalformed,
    /// No town.
    CityEmpty,
    /// The town is over [`LINE_CHARS`].
    CityLong,
    /// No date, or not a date.
    MovedOnMissing,
    /// More than [`MONTHS_AHEAD`] months ahead.
    MovedOnTooLate,
    /// More than [`MONTHS_BACK`] months ago.
    MovedOnTooEarly,
}

impl AddressProblem {
    /// Every problem (for tests of the messages).
    pub const ALL: [AddressProblem; 10] = [
        AddressProblem::Line1Empty,
        AddressProblem::Line1Long,
        AddressProblem::Line2Long,
        AddressProblem::PostalCodeEmpty,
        AddressProblem::PostalCodeMalformed,
        AddressProblem::CityEmpty,
        AddressProblem::CityLong,
        AddressProblem::MovedOnMissing,
        AddressProblem::MovedOnTooLate,
        AddressProblem::MovedOnTooEarly,
    ];

    /// The form's field (the API's `fields` key).
    pub fn field(self) -> &'static str {
        match self {
            AddressProblem::Line1Empty | AddressProblem::Line1Long => "line1",
            AddressProblem::Line2Long => "line2",
            AddressProblem::PostalCodeEmpty | AddressProblem::PostalCodeMalformed => "postal_code",
            AddressProblem::CityEmpty | AddressProblem::CityLong => "city",
            AddressProblem::MovedOnMissing
            | AddressProblem::MovedOnTooLate
            | AddressProblem::MovedOnTooEarly => "moved_on",
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> &'static str {
        let fr = lang == Lang::Fr;
        match self {
            AddressProblem::Line1Empty => {
                if fr {
                    "Saisissez le numéro et le nom de la rue."
                } else {
                    "Enter the number and the street."
                }
            }
            AddressProblem::Line1Long | AddressProblem::Line2Long | AddressProblem::CityLong => {
                if fr {
                    "Une ligne d’adresse compte 38 caractères au plus\u{a0}: abrégez (bd, av., bât.) ou utilisez le complément d’adresse."
                } else {
                    "An address line has 38 characters at most: abbreviate, or use the second line."
                }
            }
            AddressProblem::PostalCodeEmpty => {
                if fr {
                    "Saisissez le code postal."
                } else {
                    "Enter the postcode."
                }
            }
            AddressProblem::PostalCodeMalformed => {
                if fr {
                    "Un code postal français compte 5 chiffres, par exemple 69003."
                } else {
                    "A French postcode has 5 digits, for example 69003."
                }
            }
            AddressProblem::CityEmpty => {
                if fr {
                    "Saisissez la commune."
                } else {
                    "Enter the town."
                }
            }
            AddressProblem::MovedOnMissing => {
                if fr {
                    "Saisissez la date de votre déménagement, par exemple 15/03/2026."
                } else {
                    "Enter the date of your move, for example 15/03/2026."
                }
            }
            AddressProblem::MovedOnTooLate => {
                if fr {
                    "Vous pouvez signaler un déménagement 3 mois à l’avance au plus\u{a0}: revenez plus près de la date."
                } else {
                    "You can report a move 3 months ahead at most: come back closer to the date."
                }
            }
            AddressProblem::MovedOnTooEarly => {
                if fr {
                    "Ce déménagement date de plus d’un an\u{a0}: appelez le 36 46 pour mettre votre adresse à jour."
                } else {
                    "This move is over a year old: call 36 46 to update your address."
                }
            }
        }
    }
}

/// Whether `code` is five digits of a French postal code (départements 01 to 95, overseas 97,
/// Monaco and the Pacific 98; never 00).
pub fn is_postal_code(code: &str) -> bool {
    code.len() == 5
        && code.bytes().all(|b| b.is_ascii_digit())
        && !code.starts_with("00")
        && !code.starts_with("96")
        && !code.starts_with("99")
}

/// Checks the move's day against `today`.
pub fn check_moved_on(moved_on: &str, today: Date) -> Result<Date, AddressProblem> {
    let day = Date::parse(moved_on).ok_or(AddressProblem::MovedOnMissing)?;
    if day > today.add_months(MONTHS_AHEAD) {
        Err(AddressProblem::MovedOnTooLate)
    } else if day < today.add_months(-MONTHS_BACK) {
        Err(AddressProblem::MovedOnTooEarly)
    } else {
        Ok(day)
    }
}

/// Checks every field of a change filed on `today`: the cleaned address and the day of the
/// move, or every problem in the form's order.
pub fn check_change(
    change: &AddressChange,
    today: Date,
) -> Result<(PostalAddress, Date), Vec<AddressProblem>> {
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let address = PostalAddress {
        line1: clean(&change.line1),
        line2: clean(&change.line2),
        postal_code: change.postal_code.split_whitespace().collect(),
        city: clean(&change.city),
    };
    let long = |s: &str| s.chars().count() > LINE_CHARS;
    let mut problems = Vec::new();
    if address.line1.is_empty() {
        problems.push(AddressProblem::Line1Empty);
    } else if long(&address.line1) {
        problems.push(AddressProblem::Line1Long);
    }
    if long(&address.line2) {
        problems.push(AddressProblem::Line2Long);
    }
    if address.postal_code.is_empty() {
        problems.push(AddressProblem::PostalCodeEmpty);
    } else if !is_postal_code(&address.postal_code) {
        problems.push(AddressProblem::PostalCodeMalformed);
    }
    if address.city.is_empty() {
        problems.push(AddressProblem::CityEmpty);
    } else if long(&address.city) {
        problems.push(AddressProblem::CityLong);
    }
    let moved_on = check_moved_on(&change.moved_on, today).map_err(|p| problems.push(p));
    match moved_on {
        Ok(day) if problems.is_empty() => Ok((address, day)),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn change(line1: &str, postal_code: &str, city: &str, moved_on: &str) -> AddressChange {
        AddressChange {
            line1: line1.into(),
            line2: String::new(),
            postal_code: postal_code.into(),
            city: city.into(),
            moved_on: moved_on.into(),
            proof: None,
        }
    }

    #[test]
    fn a_right_address_is_cleaned_and_accepted() {
        let mut typed = change("  10   rue   des Lilas ", "69 003", " Lyon ", "2026-03-01");
        typed.line2 = " Bât. B ".into();
        let (address, day) = check_change(&typed, d("2026-03-10")).unwrap();
        assert_eq!(address.line1, "10 rue des Lilas");
        assert_eq!(address.line2, "Bât. B");
        assert_eq!(address.postal_code, "69003");
        assert_eq!(address.city, "Lyon");
        assert_eq!(day, d("2026-03-01"));
        assert_eq!(address.one_line(), "10 rue des Lilas, Bât. B, 69003 Lyon");
    }

    #[test]
    fn every_missing_field_is_named_in_the_forms_order() {
        let problems = check_change(&change(" ", "", "", ""), d("2026-03-10")).unwrap_err();
        assert_eq!(
            problems.iter().map(|p| p.field()).collect::<Vec<_>>(),
            ["line1", "postal_code", "city", "moved_on"]
        );
    }

    #[test]
    fn postal_codes_are_five_digits_of_a_french_departement() {
        for right in ["75011", "20000", "97110", "98000", "01000"] {
            assert!(is_postal_code(right), "{right}");
        }
        for wrong in ["7501", "750110", "7501A", "00100", "99000", "2A000"] {
            assert!(!is_postal_code(wrong), "{wrong}");
        }
        assert_eq!(
            check_change(
                &change("1 rue", "7501", "Paris", "2026-03-01"),
                d("2026-03-10")
            ),
            Err(vec![AddressProblem::PostalCodeMalformed])
        );
    }

    #[test]
    fn lines_have_at_most_38_characters() {
        let mut typed = change(&"a".repeat(39), "75011", &"b".repeat(39), "2026-03-01");
        typed.line2 = "c".repeat(39);
        assert_eq!(
            check_change(&typed, d("2026-03-10")).unwrap_err(),
            [
                AddressProblem::Line1Long,
                AddressProblem::Line2Long,
                AddressProblem::CityLong
            ]
        );
        let ok = change(&"a".repeat(38), "75011", "Paris", "2026-03-01");
        assert!(check_change(&ok, d("2026-03-10")).is_ok());
    }

    #[test]
    fn a_move_is_declared_up_to_three_months_ahead_and_a_year_after() {
        let today = d("2026-03-10");
        assert_eq!(check_moved_on("2026-06-10", today), Ok(d("2026-06-10")));
        assert_eq!(
            check_moved_on("2026-06-11", today),
            Err(AddressProblem::MovedOnTooLate)
        );
        assert_eq!(check_moved_on("2025-03-10", today), Ok(d("2025-03-10")));
        assert_eq!(
            check_moved_on("2025-03-09", today),
            Err(AddressProblem::MovedOnTooEarly)
        );
        assert_eq!(
            check_moved_on("2026-02-30", today),
            Err(AddressProblem::MovedOnMissing)
        );
        assert_eq!(
            check_moved_on("10/03/2026", today),
            Err(AddressProblem::MovedOnMissing)
        );
    }

    #[test]
    fn every_problem_speaks_both_languages_with_french_typography() {
        for p in AddressProblem::ALL {
            let (fr, en) = (p.message(Lang::Fr), p.message(Lang::En));
            assert_ne!(fr, en, "{p:?}");
            assert!(fr.ends_with('.') && en.ends_with('.'), "{p:?}");
            assert!(!fr.contains('\''), "{p:?}: typographic apostrophe");
            for mark in [":", ";", "?", "!"] {
                assert!(!fr.contains(&format!(" {mark}")), "{p:?}: no-break space");
            }
        }
    }
}
