//! Choosing a password: the API bodies of "forgotten password", and the rules a new password
//! must follow (CNIL 2022-100 / ASVS: length, no personal data, not the product's name). The
//! guessability score is computed on the server, which has the dictionary; these rules run on
//! both sides so the page can explain them as the member types.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// Shortest accepted password, in characters.
pub const MIN_CHARS: usize = 12;
/// Longest accepted password, in characters (never truncated).
pub const MAX_CHARS: usize = 128;
/// Minutes a reset link stays valid.
pub const RESET_LINK_MINUTES: u32 = 30;

/// `POST /api/password/forgot`: who forgot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ForgotPasswordRequest {
    /// The NIR as typed.
    pub nir: String,
    /// Birth date, `YYYY-MM-DD` (what an `<input type="date">` gives).
    pub birth_date: String,
}

/// `POST /api/password/reset`: the token from the e-mailed link and the new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetPasswordRequest {
    /// The token from the link.
    pub token: String,
    /// The new password.
    pub password: String,
}

/// `POST /api/password/strength`: a password being typed, judged by the server's dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StrengthRequest {
    /// The password as typed so far.
    pub password: String,
}

/// How strong a password being typed is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Strength {
    /// 0 (nothing) to 4 (very strong); under 3 is refused.
    pub score: u8,
    /// Whether the password would be accepted (personal data is checked on submit).
    pub acceptable: bool,
    /// What to do better, in the member's language, when it would be refused.
    pub advice: Option<String>,
}

/// What the member's personal data a password must not contain.
#[derive(Debug, Clone, Default)]
pub struct PersonalData<'a> {
    /// The NIR's 15 characters (its 13-digit body is looked for, with or without spaces).
    pub nir: &'a str,
    /// Given names and family name.
    pub names: Vec<&'a str>,
    /// Birth date `YYYY-MM-DD`.
    pub birth_date: &'a str,
}

/// Why a password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_CHARS`] characters.
    TooShort,
    /// More than [`MAX_CHARS`] characters.
    TooLong,
    /// Contains the NIR (or most of it).
    ContainsNir,
    /// Contains a name of the member.
    ContainsName,
    /// Contains the birth date in a common spelling.
    ContainsBirthDate,
    /// Contains the product's name.
    ContainsProductName,
    /// Easy to guess (common words, sequences, repetitions).
    Guessable,
}

impl PasswordProblem {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password_too_short",
            PasswordProblem::TooLong => "password_too_long",
            PasswordProblem::ContainsNir => "password_contains_nir",
            PasswordProblem::ContainsName => "password_contains_name",
            PasswordProblem::ContainsBirthDate => "password_contains_birth_date",
            PasswordProblem::ContainsProductName => "password_contains_product_name",
            PasswordProblem::Guessable => "password_guessable",
        }
    }

    /// A sentence saying what is wrong and how to do better.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PasswordProblem::TooShort, Lang::Fr) => {
                "Choisissez au moins 12 caractères. Une phrase de quelques mots est facile à retenir."
            }
            (PasswordProblem::TooShort, Lang::En) => {
                "Use at least 12 characters. A phrase of a few words is easy to remember."
            }
            (PasswordProblem::TooLong, Lang::Fr) => "Choisissez au plus 128 caractères.",
            (PasswordProblem::TooLong, Lang::En) => "Use at most 128 characters.",
            (PasswordProblem::ContainsNir, Lang::Fr) => {
                "N’utilisez pas votre numéro de sécurité sociale dans votre mot de passe."
            }
            (PasswordProblem::ContainsNir, Lang::En) => {
                "Do not use your social security number in your password."
            }
            (PasswordProblem::ContainsName, Lang::Fr) => {
                "N’utilisez pas votre nom ou votre prénom : ils sont faciles à deviner."
            }
            (PasswordProblem::ContainsName, Lang::En) => {
                "Do not use your name: it is easy to guess."
            }
            (PasswordProblem::ContainsBirthDate, Lang::Fr) => {
                "N’utilisez pas votre date de naissance : elle est facile à deviner."
            }
            (PasswordProblem::ContainsBirthDate, Lang::En) => {
                "Do not use your date of birth: it is easy to guess."
            }
            (PasswordProblem::ContainsProductName, Lang::Fr) => {
                "N’utilisez pas le nom du site dans votre mot de passe."
            }
            (PasswordProblem::ContainsProductName, Lang::En) => {
                "Do not use the site’s name in your password."
            }
            (PasswordProblem::Guessable, Lang::Fr) => {
                "Ce mot de passe est trop facile à deviner. Ajoutez des mots sans rapport entre eux."
            }
            (PasswordProblem::Guessable, Lang::En) => {
                "This password is too easy to guess. Add a few unrelated words."
            }
        }
    }
}

/// The rules that need no dictionary: length in characters (any Unicode, never truncated) and
/// no personal data or product name inside, compared without case, accents or separators.
pub fn check_rules(password: &str, personal: &PersonalData<'_>) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let flat = fold(password);
    let digits: String = password.chars().filter(char::is_ascii_digit).collect();
    let nir_body: String = personal.nir.chars().take(13).collect();
    if nir_body.len() == 13 && (digits.contains(&nir_body[..7]) || flat.contains(&fold(&nir_body)))
    {
        return Err(PasswordProblem::ContainsNir);
    }
    for name in &personal.names {
        for part in name.split([' ', '-', '\'']) {
            let part = fold(part);
            if part.chars().count() >= 3 && flat.contains(&part) {
                return Err(PasswordProblem::ContainsName);
            }
        }
    }
    if let [y, m, d] = personal.birth_date.split('-').collect::<Vec<_>>()[..] {
        let spellings = [
            format!("{d}{m}{y}"),
            format!("{y}{m}{d}"),
            format!("{d}{m}{}", y.get(2..).unwrap_or(y)),
        ];
        if spellings
            .iter()
            .any(|s| s.len() >= 6 && digits.contains(s.as_str()))
        {
            return Err(PasswordProblem::ContainsBirthDate);
        }
    }
    if flat.contains("portail") {
        return Err(PasswordProblem::ContainsProductName);
    }
    Ok(())
}

/// Lowercase, accents removed, only letters and digits: "Léa-Marie" → "leamarie".
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            other => other,
        })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camille() -> PersonalData<'static> {
        PersonalData {
            nir: "291056912304511",
            names: vec!["Camille", "Martin"],
            birth_date: "1991-05-14",
        }
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(check_rules("Écureuil-vif", &camille()), Ok(()));
        assert_eq!(
            check_rules("ééééééééééé", &camille()),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_rules(&"x".repeat(129), &camille()),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(check_rules(&"lune-ocre-".repeat(12), &camille()), Ok(()));
    }

    #[test]
    fn personal_data_is_refused_whatever_its_case_accents_or_separators() {
        let c = camille();
        assert_eq!(
            check_rules("jaime-CAMILLE-!", &c),
            Err(PasswordProblem::ContainsName)
        );
        assert_eq!(
            check_rules("soleil martin 42", &c),
            Err(PasswordProblem::ContainsName)
        );
        assert_eq!(
            check_rules("x 2 91 05 69 123 045", &c),
            Err(PasswordProblem::ContainsNir)
        );
        assert_eq!(
            check_rules("fleurs-14051991", &c),
            Err(PasswordProblem::ContainsBirthDate)
        );
        assert_eq!(
            check_rules("fleurs-19910514", &c),
            Err(PasswordProblem::ContainsBirthDate)
        );
        assert_eq!(
            check_rules("fleurs-140591!!", &c),
            Err(PasswordProblem::ContainsBirthDate)
        );
        assert_eq!(
            check_rules("mon-PORTAIL-2026", &c),
            Err(PasswordProblem::ContainsProductName)
        );
        let lea = PersonalData {
            nir: "",
            names: vec!["Léa"],
            birth_date: "",
        };
        assert_eq!(
            check_rules("la-LEA-des-bois", &lea),
            Err(PasswordProblem::ContainsName)
        );
    }

    #[test]
    fn short_name_parts_and_unrelated_digits_are_allowed() {
        let p = PersonalData {
            nir: "",
            names: vec!["Al Bo"],
            birth_date: "1991-05-14",
        };
        assert_eq!(check_rules("albatros-bonheur-1990", &p), Ok(()));
    }

    #[test]
    fn every_problem_has_a_code_and_both_languages() {
        for p in [
            PasswordProblem::TooShort,
            PasswordProblem::TooLong,
            PasswordProblem::ContainsNir,
            PasswordProblem::ContainsName,
            PasswordProblem::ContainsBirthDate,
            PasswordProblem::ContainsProductName,
            PasswordProblem::Guessable,
        ] {
            assert!(p.code().starts_with("password_"));
            assert_ne!(p.message(Lang::Fr), p.message(Lang::En));
        }
    }
}
