//! Bank details (coordonnées bancaires): the account reimbursements are paid to, and changing
//! it. A change is a request the fund checks against the RIB sent with it; until then the
//! account on file stays the one paid. The full IBAN never comes back from the server: only its
//! masked form ([`crate::Iban::masked`]).

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::iban::{Iban, IbanError};

/// What "My account" shows of the bank details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BankDetails {
    /// The account paid today, if any.
    pub current: Option<BankAccount>,
    /// A change being processed, if any.
    pub pending: Option<PendingBankChange>,
}

/// An account on file, masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BankAccount {
    /// `FR76 •••• •••• •••• •••• ••12 345`.
    pub iban_masked: String,
    /// The account holder's name.
    pub holder: String,
    /// The BIC, when given.
    pub bic: Option<String>,
}

/// A change filed and not decided yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingBankChange {
    /// The request that follows it (its page: `/demarches/{id}`).
    pub request_id: i64,
    /// The new account, masked.
    pub account: BankAccount,
}

/// A member's new bank details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BankChange {
    /// The IBAN as typed (spaces allowed).
    pub iban: String,
    /// The BIC, optional (8 or 11 characters).
    #[serde(default)]
    pub bic: String,
    /// The account holder's name, as on the RIB.
    pub holder: String,
    /// The RIB, uploaded first (`POST /api/attachments`).
    pub rib: Option<i64>,
}

/// Longest holder name, in characters (the SEPA name field).
pub const HOLDER_CHARS: usize = 70;

/// What is wrong with a bank details change, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankProblem {
    /// The IBAN.
    Iban(IbanError),
    /// The BIC is not 8 or 11 letters and digits in the BIC's shape.
    Bic,
    /// No holder name.
    HolderEmpty,
    /// Over [`HOLDER_CHARS`].
    HolderLong,
    /// No RIB joined.
    RibMissing,
}

impl BankProblem {
    /// The form's field (the API's `fields` key).
    pub fn field(self) -> &'static str {
        match self {
            BankProblem::Iban(_) => "iban",
            BankProblem::Bic => "bic",
            BankProblem::HolderEmpty | BankProblem::HolderLong => "holder",
            BankProblem::RibMissing => "rib",
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            BankProblem::Iban(e) => return e.message(lang).into_owned(),
            BankProblem::Bic => if fr {
                "Un BIC compte 8 ou 11 lettres et chiffres (par exemple BNPAFRPP)\u{a0}: recopiez-le depuis votre RIB, ou laissez ce champ vide."
            } else {
                "A BIC has 8 or 11 letters and digits (for example BNPAFRPP): copy it from your bank details, or leave this field empty."
            },
            BankProblem::HolderEmpty => if fr {
                "Saisissez le nom du titulaire du compte, tel qu’il figure sur le RIB."
            } else {
                "Enter the account holder’s name, as it appears on the bank details."
            },
            BankProblem::HolderLong => if fr {
                "Le nom du titulaire compte 70 caractères au plus."
            } else {
                "The holder’s name has 70 characters at most."
            },
            BankProblem::RibMissing => if fr {
                "Joignez votre RIB (PDF, JPEG ou PNG)\u{a0}: votre caisse vérifie le compte avec lui."
            } else {
                "Attach your bank details (RIB) as a PDF, JPEG or PNG: your fund checks the account against it."
            },
        }
        .to_owned()
    }
}

/// Reads a BIC as typed: `None` when empty, the uppercase BIC when well formed (4 letters for
/// the bank, 2 for the country, 2 letters or digits for the place, 3 optional for the branch).
pub fn parse_bic(input: &str) -> Result<Option<String>, BankProblem> {
    let bic: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if bic.is_empty() {
        return Ok(None);
    }
    let b = bic.as_bytes();
    let shaped = matches!(b.len(), 8 | 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(u8::is_ascii_alphanumeric);
    if shaped {
        Ok(Some(bic))
    } else {
        Err(BankProblem::Bic)
    }
}

/// A change whose every field is right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedBankChange {
    /// The new IBAN.
    pub iban: Iban,
    /// The BIC, if given.
    pub bic: Option<String>,
    /// The holder, trimmed.
    pub holder: String,
    /// The RIB's attachment id.
    pub rib: i64,
}

/// Checks every field of a change; all the problems at once, in the form's order.
pub fn check_change(change: &BankChange) -> Result<CheckedBankChange, Vec<BankProblem>> {
    let mut problems = Vec::new();
    let iban = Iban::parse(&change.iban)
        .map_err(|e| problems.push(BankProblem::Iban(e)))
        .ok();
    let bic = parse_bic(&change.bic)
        .map_err(|e| problems.push(e))
        .ok()
        .flatten();
    let holder = change
        .holder
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if holder.is_empty() {
        problems.push(BankProblem::HolderEmpty);
    } else if holder.chars().count() > HOLDER_CHARS {
        problems.push(BankProblem::HolderLong);
    }
    if change.rib.is_none() {
        problems.push(BankProblem::RibMissing);
    }
    match (iban, change.rib) {
        (Some(iban), Some(rib)) if problems.is_empty() => Ok(CheckedBankChange {
            iban,
            bic,
            holder,
            rib,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(iban: &str, bic: &str, holder: &str, rib: Option<i64>) -> BankChange {
        BankChange {
            iban: iban.into(),
            bic: bic.into(),
            holder: holder.into(),
            rib,
        }
    }

    #[test]
    fn a_right_change_is_canonicalised() {
        let checked = check_change(&change(
            "fr14 2004 1010 0505 0001 3m02 606",
            " bnpa frpp xxx ",
            "  Camille   Martin ",
            Some(3),
        ))
        .unwrap();
        assert_eq!(checked.iban.as_str(), "FR1420041010050500013M02606");
        assert_eq!(checked.bic.as_deref(), Some("BNPAFRPPXXX"));
        assert_eq!(checked.holder, "Camille Martin");
        assert_eq!(checked.rib, 3);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let problems = check_change(&change("FR14 2004", "BNP", " ", None)).unwrap_err();
        assert_eq!(
            problems.iter().map(|p| p.field()).collect::<Vec<_>>(),
            ["iban", "bic", "holder", "rib"]
        );
        assert!(matches!(
            problems[0],
            BankProblem::Iban(IbanError::WrongLength { .. })
        ));
        let long = "x".repeat(HOLDER_CHARS + 1);
        assert_eq!(
            check_change(&change("FR1420041010050500013M02606", "", &long, Some(1))),
            Err(vec![BankProblem::HolderLong])
        );
    }

    #[test]
    fn a_bic_is_optional_and_has_eight_or_eleven_characters() {
        assert_eq!(parse_bic(""), Ok(None));
        assert_eq!(parse_bic("cmcifrpp"), Ok(Some("CMCIFRPP".into())));
        assert_eq!(parse_bic("CMCIFRPP123"), Ok(Some("CMCIFRPP123".into())));
        for wrong in ["CMCIFRP", "CMCIFRPP1", "CMCI12PP", "1MCIFRPP", "CMCIFR-P"] {
            assert_eq!(parse_bic(wrong), Err(BankProblem::Bic), "{wrong}");
        }
    }

    #[test]
    fn every_problem_speaks_both_languages_with_french_typography() {
        assert_eq!(
            BankProblem::Iban(IbanError::WrongChecksum).message(Lang::En),
            IbanError::WrongChecksum.message(Lang::En)
        );
        for p in [
            BankProblem::Bic,
            BankProblem::HolderEmpty,
            BankProblem::HolderLong,
            BankProblem::RibMissing,
        ] {
            let (fr, en) = (p.message(Lang::Fr), p.message(Lang::En));
            assert_ne!(fr, en);
            assert!(!fr.contains(" :") && !fr.contains('\''), "{fr}");
        }
    }
}
