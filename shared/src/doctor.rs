//! Médecin traitant: who declares for whom, the checks of a declaration, and the directory's
//! answers.
//!
//! Rules (domain reference): a declaration is made jointly with the doctor; for a child under
//! 16 a parent declares; a 16- or 17-year-old chooses their doctor, with a parent's agreement;
//! an adult declares for themselves. Without a declared médecin traitant (and outside the
//! direct-access exceptions) a visit is reimbursed at 30 % instead of 70 %.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::activation::age_on;
use crate::reimbursements::Date;

/// Who makes the declaration for a person, by their age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Declarant {
    /// An adult declares for themselves.
    Adult,
    /// A child under 16: a parent declares for them.
    Parent,
    /// 16 or 17: the teenager chooses, with a parent's agreement.
    TeenWithParent,
}

/// Who declares for someone born on `birth`, on `today`.
pub fn declarant(birth: Date, today: Date) -> Declarant {
    match age_on(
        (birth.year(), birth.month(), birth.day()),
        (today.year(), today.month(), today.day()),
    ) {
        ..=15 => Declarant::Parent,
        16 | 17 => Declarant::TeenWithParent,
        _ => Declarant::Adult,
    }
}

/// A professional of the directory, as members see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Professional {
    /// Directory id (what a declaration names).
    pub id: i64,
    /// "Dr Élise Faure".
    pub name: String,
    /// "Médecine générale".
    pub specialty: String,
    /// Conventionnement sector (1: no extra fees; 2: extra fees possible), when known.
    pub sector: Option<u8>,
    /// Street.
    pub address: String,
    /// Postal code.
    pub postal_code: String,
    /// Town.
    pub city: String,
    /// Phone.
    pub phone: String,
}

/// The declared doctor of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Declared {
    /// The doctor.
    pub doctor: Professional,
    /// Declared since, `YYYY-MM-DD`.
    pub since: String,
}

/// One person of the household and their médecin traitant (`GET /api/doctor`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    /// Roll id (what a declaration names).
    pub id: i64,
    /// Given names and family name.
    pub name: String,
    /// 1 the insured, 2-19 a dependant.
    pub rank: u8,
    /// Who declares for them.
    pub declarant: Declarant,
    /// The current doctor, if any.
    pub declared: Option<Declared>,
    /// A declaration waiting for the doctor's or the fund's confirmation (request id).
    pub pending: Option<i64>,
}

/// A declaration (`POST /api/doctor`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Declaration {
    /// The person declared for (the member or a minor dependant).
    pub person: i64,
    /// The doctor chosen from the directory.
    pub doctor: i64,
    /// For a 16- or 17-year-old: the parent confirms the teenager chose this doctor and agrees.
    #[serde(default)]
    pub teen_chose: bool,
    /// The member confirms the doctor agreed to be the médecin traitant.
    #[serde(default)]
    pub doctor_agreed: bool,
}

/// What is wrong with a declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Problem {
    /// No doctor chosen.
    NoDoctor,
    /// A 16-17-year-old's declaration without the confirmation that they chose.
    TeenChoice,
    /// The doctor's agreement not confirmed.
    DoctorAgreement,
}

impl Problem {
    /// The form field it belongs to.
    pub fn field(self) -> &'static str {
        match self {
            Problem::NoDoctor => "doctor",
            Problem::TeenChoice => "teen_chose",
            Problem::DoctorAgreement => "doctor_agreed",
        }
    }

    /// What to do, for the member.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Problem::NoDoctor, Lang::Fr) => {
                "Choisissez un médecin dans l’annuaire\u{a0}: cherchez-le par son nom ou sa ville."
            }
            (Problem::NoDoctor, Lang::En) => {
                "Choose a doctor from the directory: search by name or town."
            }
            (Problem::TeenChoice, Lang::Fr) => {
                "À 16 et 17 ans, c’est l’adolescent qui choisit son médecin\u{a0}: cochez la case pour confirmer son choix et votre accord."
            }
            (Problem::TeenChoice, Lang::En) => {
                "At 16 and 17 the teenager chooses their doctor: tick the box to confirm their choice and your agreement."
            }
            (Problem::DoctorAgreement, Lang::Fr) => {
                "Le médecin doit avoir accepté d’être le médecin traitant\u{a0}: cochez la case pour le confirmer."
            }
            (Problem::DoctorAgreement, Lang::En) => {
                "The doctor must have agreed to be the regular doctor: tick the box to confirm it."
            }
        }
    }
}

/// Checks a declaration for a person whose declarant is `declarant`.
pub fn check(declaration: &Declaration, declarant: Declarant) -> Vec<Problem> {
    let mut problems = Vec::new();
    if declaration.doctor <= 0 {
        problems.push(Problem::NoDoctor);
    }
    if declarant == Declarant::TeenWithParent && !declaration.teen_chose {
        problems.push(Problem::TeenChoice);
    }
    if !declaration.doctor_agreed {
        problems.push(Problem::DoctorAgreement);
    }
    problems
}

/// A search of the directory (`GET /api/professionals`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct Search {
    /// Start of the family name.
    #[serde(default)]
    pub name: String,
    /// Start of the town.
    #[serde(default)]
    pub city: String,
    /// One specialty of [`SPECIALTIES`], or empty for all.
    #[serde(default)]
    pub specialty: String,
}

impl Search {
    /// The query string of `GET /api/professionals`.
    pub fn to_query(&self) -> String {
        format!(
            "name={}&city={}&specialty={}",
            crate::text::encode(self.name.trim()),
            crate::text::encode(self.city.trim()),
            crate::text::encode(&self.specialty)
        )
    }
}

/// At most this many answers to a search.
pub const SEARCH_LIMIT: u32 = 20;

/// The specialties a member can filter on (the directory's own names).
pub const SPECIALTIES: [&str; 7] = [
    "Médecine générale",
    "Pédiatrie",
    "Gynécologie médicale",
    "Cardiologie",
    "Dermatologie",
    "Ophtalmologie",
    "Psychiatrie",
];

/// Why a search cannot be run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SearchProblem {
    /// Neither a name nor a town of 2 letters or more.
    TooShort,
    /// A specialty not in [`SPECIALTIES`].
    UnknownSpecialty,
}

impl SearchProblem {
    /// The form field it belongs to.
    pub fn field(self) -> &'static str {
        match self {
            SearchProblem::TooShort => "name",
            SearchProblem::UnknownSpecialty => "specialty",
        }
    }

    /// What to do, for the member.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SearchProblem::TooShort, Lang::Fr) => {
                "Saisissez au moins 2 lettres du nom du médecin ou de sa ville."
            }
            (SearchProblem::TooShort, Lang::En) => {
                "Type at least 2 letters of the doctor’s name or town."
            }
            (SearchProblem::UnknownSpecialty, Lang::Fr) => "Choisissez une spécialité de la liste.",
            (SearchProblem::UnknownSpecialty, Lang::En) => "Choose a specialty from the list.",
        }
    }
}

/// Checks a search before it is run.
pub fn check_search(search: &Search) -> Result<(), SearchProblem> {
    let long_enough = |t: &str| t.trim().chars().count() >= 2;
    if !long_enough(&search.name) && !long_enough(&search.city) {
        return Err(SearchProblem::TooShort);
    }
    if !search.specialty.is_empty() && !SPECIALTIES.contains(&search.specialty.as_str()) {
        return Err(SearchProblem::UnknownSpecialty);
    }
    Ok(())
}

/// How a specialty's name reads in English (the directory's names are French).
pub fn specialty_label(specialty: &str, lang: Lang) -> &str {
    match (specialty, lang) {
        (_, Lang::Fr) => specialty,
        ("Médecine générale", Lang::En) => "General practice",
        ("Pédiatrie", Lang::En) => "Paediatrics",
        ("Gynécologie médicale", Lang::En) => "Gynaecology",
        ("Cardiologie", Lang::En) => "Cardiology",
        ("Dermatologie", Lang::En) => "Dermatology",
        ("Ophtalmologie", Lang::En) => "Ophthalmology",
        ("Psychiatrie", Lang::En) => "Psychiatry",
        (other, Lang::En) => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).expect("date")
    }

    #[test]
    fn the_declarant_changes_on_the_16th_and_18th_birthdays() {
        let today = day(2026, 11, 27);
        assert_eq!(declarant(day(2010, 11, 28), today), Declarant::Parent);
        assert_eq!(
            declarant(day(2010, 11, 27), today),
            Declarant::TeenWithParent
        );
        assert_eq!(
            declarant(day(2008, 11, 28), today),
            Declarant::TeenWithParent
        );
        assert_eq!(declarant(day(2008, 11, 27), today), Declarant::Adult);
        assert_eq!(declarant(day(2026, 1, 1), today), Declarant::Parent);
    }

    fn declaration() -> Declaration {
        Declaration {
            person: 3,
            doctor: 12,
            teen_chose: false,
            doctor_agreed: true,
        }
    }

    #[test]
    fn a_complete_declaration_passes_for_an_adult_and_a_young_child() {
        assert!(check(&declaration(), Declarant::Adult).is_empty());
        assert!(check(&declaration(), Declarant::Parent).is_empty());
    }

    #[test]
    fn a_teenager_must_have_chosen_and_the_doctor_agreed() {
        assert_eq!(
            check(&declaration(), Declarant::TeenWithParent),
            [Problem::TeenChoice]
        );
        let chosen = Declaration {
            teen_chose: true,
            ..declaration()
        };
        assert!(check(&chosen, Declarant::TeenWithParent).is_empty());
        let nothing = Declaration {
            doctor: 0,
            doctor_agreed: false,
            ..declaration()
        };
        assert_eq!(
            check(&nothing, Declarant::Adult),
            [Problem::NoDoctor, Problem::DoctorAgreement]
        );
    }

    #[test]
    fn a_search_needs_two_letters_and_a_known_specialty() {
        let search = |name: &str, city: &str, specialty: &str| Search {
            name: name.into(),
            city: city.into(),
            specialty: specialty.into(),
        };
        assert_eq!(
            check_search(&search("", "", "")),
            Err(SearchProblem::TooShort)
        );
        assert_eq!(
            check_search(&search(" F ", "L", "")),
            Err(SearchProblem::TooShort)
        );
        assert_eq!(check_search(&search("Fa", "", "")), Ok(()));
        assert_eq!(check_search(&search("", "Ly", "Pédiatrie")), Ok(()));
        assert_eq!(
            check_search(&search("", "Ly", "Chirurgie")),
            Err(SearchProblem::UnknownSpecialty)
        );
    }

    #[test]
    fn messages_exist_in_both_languages() {
        for p in [
            Problem::NoDoctor,
            Problem::TeenChoice,
            Problem::DoctorAgreement,
        ] {
            assert!(!p.message(Lang::Fr).is_empty() && !p.message(Lang::En).is_empty());
        }
        assert_eq!(specialty_label("Pédiatrie", Lang::En), "Paediatrics");
        assert_eq!(specialty_label("Pédiatrie", Lang::Fr), "Pédiatrie");
    }
}
