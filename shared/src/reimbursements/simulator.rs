//! "Combien serai-je remboursé\u{a0}?": a planned doctor's visit computed by the same rules as the
//! fund's payments ([`super::compute`]), before the member goes.

use serde::{Deserialize, Serialize};

use super::{
    Act, Amount, Beneficiary, Computation, Date, Exemption, Nature, Pregnancy, Rate, Sector,
    Specialty, YearCounters, compute, consultation_base, explain, tariffs_on,
};
use crate::{Cents, Lang};

/// The doctor the member plans to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Doctor {
    /// Médecin généraliste.
    Gp,
    /// Gynécologue (direct access).
    Gynaecologist,
    /// Ophtalmologue (direct access).
    Ophthalmologist,
    /// Psychiatre (direct access from 16 to 25).
    Psychiatrist,
    /// Any other specialist (needs the médecin traitant's referral).
    OtherSpecialist,
}

/// The doctor's sector, as the doctor's page in the directory says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SectorChoice {
    /// Secteur 1: convention prices.
    One,
    /// Secteur 2 with OPTAM.
    TwoOptam,
    /// Secteur 2 without OPTAM.
    TwoNonOptam,
}

/// What changes the deductions or the rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    /// None of the others.
    None,
    /// Pregnant, from the 6th month.
    PregnantSixthMonth,
    /// The visit is for an affection de longue durée.
    Ald,
    /// Complémentaire santé solidaire.
    Css,
    /// Aide médicale de l'État.
    Ame,
}

/// The planned visit, as the form sends it (numbers as typed, checked here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SimulationRequest {
    /// Which doctor.
    pub doctor: Doctor,
    /// Their sector.
    pub sector: SectorChoice,
    /// The visit is in the parcours de soins (médecin traitant, or referred by them).
    pub in_parcours: bool,
    /// The patient's age in years, as typed.
    pub age: String,
    /// Their situation.
    pub situation: Situation,
    /// The price the doctor asks, as typed (empty: the convention price).
    #[serde(default)]
    pub price: String,
}

/// What the visit would cost and bring back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Simulation {
    /// The price counted.
    pub price: Cents,
    /// Base de remboursement.
    pub base: Cents,
    /// Rate, basis points.
    pub rate_bp: u32,
    /// Participation forfaitaire.
    pub participation: Cents,
    /// What the fund pays back.
    pub reimbursed: Cents,
    /// What is left: the complementary insurer may pay part of it.
    pub remaining: Cents,
    /// The computation in words.
    pub explanation: String,
    /// Notes for this case (parcours, dépassement, caps), in the request's language.
    pub notes: Vec<String>,
}

/// A field of the request that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimulationProblem {
    /// Age missing, not a number, or over 120.
    Age,
    /// Price not an amount, negative, or over 10 000 €.
    Price,
}

impl SimulationProblem {
    /// The request's field.
    pub fn field(self) -> &'static str {
        match self {
            SimulationProblem::Age => "age",
            SimulationProblem::Price => "price",
        }
    }

    /// What to fix.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SimulationProblem::Age, Lang::Fr) => {
                "Indiquez l’âge en années, par exemple 34 (0 pour un bébé)."
            }
            (SimulationProblem::Age, Lang::En) => {
                "Enter the age in years, for example 34 (0 for a baby)."
            }
            (SimulationProblem::Price, Lang::Fr) => {
                "Indiquez un prix en euros, par exemple 30 ou 45,50, ou laissez vide."
            }
            (SimulationProblem::Price, Lang::En) => {
                "Enter a price in euros, for example 30 or 45.50, or leave it empty."
            }
        }
    }
}

/// The base de remboursement of a visit on `on`.
pub fn base_of(doctor: Doctor, sector: SectorChoice, on: Date) -> Cents {
    let t = tariffs_on(on);
    match (doctor, sector) {
        (_, SectorChoice::TwoNonOptam) => t.amount(Amount::NonOptamSpecialist),
        (Doctor::Gp, _) => {
            consultation_base(on, Nature::Consultation, Sector::One).unwrap_or_default()
        }
        _ => t.amount(Amount::SpecialistConsultation),
    }
}

/// Every problem of the request, in the form's order.
pub fn check(request: &SimulationRequest) -> Vec<SimulationProblem> {
    let mut problems = Vec::new();
    if parse_age(&request.age).is_none() {
        problems.push(SimulationProblem::Age);
    }
    if parse_price(&request.price).is_none() {
        problems.push(SimulationProblem::Price);
    }
    problems
}

fn parse_age(text: &str) -> Option<i32> {
    let age: i32 = text.trim().parse().ok()?;
    (0..=120).contains(&age).then_some(age)
}

/// `Some(None)` for an empty price (the convention price), `None` when unreadable.
fn parse_price(text: &str) -> Option<Option<Cents>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    let price = Cents::parse_fr(text).ok()?;
    (price >= Cents::ZERO && price <= Cents(1_000_000)).then_some(Some(price))
}

/// The visit computed on `today`, as if no deduction had been taken yet this year; the
/// problems of the request otherwise.
pub fn simulate(
    request: &SimulationRequest,
    today: Date,
    lang: Lang,
) -> Result<Simulation, Vec<SimulationProblem>> {
    let problems = check(request);
    let (Some(age), Some(price)) = (parse_age(&request.age), parse_price(&request.price)) else {
        return Err(problems);
    };
    let base = base_of(request.doctor, request.sector, today);
    // A secteur 2 doctor's own price is unknown unless typed: the base is used, with a note.
    let price = price.unwrap_or(base);
    let nature = match request.doctor {
        Doctor::Gp => Nature::Consultation,
        Doctor::Gynaecologist => Nature::Specialist(Specialty::Gynaecology),
        Doctor::Ophthalmologist => Nature::Specialist(Specialty::Ophthalmology),
        Doctor::Psychiatrist => Nature::Specialist(Specialty::Psychiatry),
        Doctor::OtherSpecialist => Nature::Specialist(Specialty::Other),
    };
    let who = Beneficiary {
        birth: today.add_months(-age * 12),
        css: request.situation == Situation::Css,
        ame: request.situation == Situation::Ame,
        pregnancy: (request.situation == Situation::PregnantSixthMonth).then_some(Pregnancy {
            sixth_month: today,
            delivery: None,
        }),
    };
    let act = Act {
        date: today,
        nature,
        professional: "simulation".to_owned(),
        charged: price,
        base,
        in_parcours: request.in_parcours,
        ald_related: request.situation == Situation::Ald,
        tiers_payant: false,
        complementary: None,
    };
    let c = compute(&act, &who, &mut YearCounters::default());
    Ok(Simulation {
        price,
        base: c.base,
        rate_bp: c.rate_bp,
        participation: c.participation,
        reimbursed: c.reimbursed,
        remaining: c.remaining,
        explanation: explain(&c, lang),
        notes: notes(request, &c, price, base, today, lang),
    })
}

fn notes(
    request: &SimulationRequest,
    c: &Computation,
    price: Cents,
    base: Cents,
    today: Date,
    lang: Lang,
) -> Vec<String> {
    let fr = lang == Lang::Fr;
    let mut notes = Vec::new();
    let outside = c.rate_bp == tariffs_on(today).rate(Rate::OutsideParcours);
    if outside {
        notes.push(if fr {
            "Hors parcours de soins, le taux passe de 70 % à 30 %. Déclarez un médecin traitant pour être mieux remboursé.".to_owned()
        } else {
            "Outside the care pathway the rate falls from 70% to 30%. Declare a regular doctor (médecin traitant) to be reimbursed better.".to_owned()
        });
    }
    if price > base {
        let over = (price - base).format(lang);
        notes.push(if fr {
            format!("Le dépassement d’honoraires ({over}) n’est jamais remboursé par votre caisse\u{a0}; votre complémentaire santé peut en prendre une partie.")
        } else {
            format!("The extra fee ({over}) is never reimbursed by your fund; your complementary insurer may cover part of it.")
        });
    }
    if matches!(
        request.sector,
        SectorChoice::TwoOptam | SectorChoice::TwoNonOptam
    ) && request.price.trim().is_empty()
    {
        notes.push(if fr {
            "Un médecin de secteur 2 fixe librement son prix\u{a0}: indiquez-le pour connaître votre reste à charge.".to_owned()
        } else {
            "A secteur 2 doctor sets their own price: enter it to see what you will pay.".to_owned()
        });
    }
    if c.participation > Cents::ZERO {
        notes.push(if fr {
            "La participation forfaitaire n’est plus retenue une fois 50 € atteints dans l’année\u{a0}; ce calcul suppose que ce n’est pas encore le cas.".to_owned()
        } else {
            "The flat-rate contribution stops once €50 is reached in the year; this estimate assumes it is not yet.".to_owned()
        });
    }
    if c.exempted == Some(Exemption::Minor) && fr {
        notes.push("Avant 18 ans, aucune participation forfaitaire n'est retenue.".to_owned());
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-11-26").unwrap()
    }

    fn gp(in_parcours: bool, age: &str, situation: Situation, price: &str) -> SimulationRequest {
        SimulationRequest {
            doctor: Doctor::Gp,
            sector: SectorChoice::One,
            in_parcours,
            age: age.into(),
            situation,
            price: price.into(),
        }
    }

    fn reimbursed(request: &SimulationRequest) -> Cents {
        simulate(request, today(), Lang::Fr).unwrap().reimbursed
    }

    #[test]
    fn the_worked_examples_of_the_domain_reference() {
        // G in the parcours, adult: 30 × 70 % − 2 = 19,00 €; with 35 € charged, still 19,00 €.
        let s = simulate(&gp(true, "40", Situation::None, ""), today(), Lang::Fr).unwrap();
        assert_eq!(
            (s.price, s.base, s.reimbursed, s.remaining),
            (Cents(3000), Cents(3000), Cents(1900), Cents(1100))
        );
        assert_eq!(
            s.explanation,
            "30,00\u{a0}€ × 70\u{a0}% − 2,00\u{a0}€ de participation forfaitaire = 19,00\u{a0}€"
        );
        let over = simulate(&gp(true, "40", Situation::None, "35"), today(), Lang::Fr).unwrap();
        assert_eq!(
            (over.reimbursed, over.remaining),
            (Cents(1900), Cents(1600))
        );
        assert!(over.notes[0].contains("dépassement d’honoraires (5,00\u{a0}€)"));
    }

    #[test]
    fn parcours_age_and_situation_change_the_amount() {
        assert_eq!(
            reimbursed(&gp(false, "40", Situation::None, "")),
            Cents(700)
        );
        assert_eq!(
            reimbursed(&gp(true, "17", Situation::None, "")),
            Cents(2100)
        );
        assert_eq!(
            reimbursed(&gp(true, "18", Situation::None, "")),
            Cents(1900)
        );
        assert_eq!(
            reimbursed(&gp(true, "30", Situation::PregnantSixthMonth, "")),
            Cents(3000)
        );
        assert_eq!(reimbursed(&gp(true, "30", Situation::Css, "")), Cents(2100));
        assert_eq!(reimbursed(&gp(true, "70", Situation::Ald, "")), Cents(2800));
        // Direct access: a gynaecologist outside the parcours still at 70 %.
        let gyn = SimulationRequest {
            doctor: Doctor::Gynaecologist,
            ..gp(false, "30", Situation::None, "")
        };
        assert_eq!(simulate(&gyn, today(), Lang::Fr).unwrap().rate_bp, 7000);
        let other = SimulationRequest {
            doctor: Doctor::OtherSpecialist,
            ..gp(false, "30", Situation::None, "")
        };
        assert_eq!(simulate(&other, today(), Lang::Fr).unwrap().rate_bp, 3000);
        // Psychiatrist: direct access from 16 to 25 only.
        let psy = |age: &str| SimulationRequest {
            doctor: Doctor::Psychiatrist,
            ..gp(false, age, Situation::None, "")
        };
        assert_eq!(
            simulate(&psy("25"), today(), Lang::Fr).unwrap().rate_bp,
            7000
        );
        assert_eq!(
            simulate(&psy("26"), today(), Lang::Fr).unwrap().rate_bp,
            3000
        );
        // Secteur 2 without OPTAM: the base is 23 €, whatever the price.
        let s2 = SimulationRequest {
            sector: SectorChoice::TwoNonOptam,
            ..gp(true, "40", Situation::None, "60")
        };
        let s = simulate(&s2, today(), Lang::Fr).unwrap();
        assert_eq!(
            (s.base, s.reimbursed, s.remaining),
            (Cents(2300), Cents(1410), Cents(4590))
        );
    }

    #[test]
    fn unusable_fields_are_named() {
        let bad = gp(true, "quarante", Situation::None, "-3");
        assert_eq!(
            check(&bad),
            [SimulationProblem::Age, SimulationProblem::Price]
        );
        assert_eq!(simulate(&bad, today(), Lang::Fr).unwrap_err().len(), 2);
        assert_eq!(
            check(&gp(true, "121", Situation::None, "")),
            [SimulationProblem::Age]
        );
        assert_eq!(
            check(&gp(true, "0", Situation::None, "12 000")),
            [SimulationProblem::Price]
        );
        assert!(check(&gp(true, " 0 ", Situation::None, "45,50 €")).is_empty());
    }
}
