//! Exceptional financial aid (aide financière exceptionnelle, action sanitaire et sociale):
//! the fund's social commission may help with health costs that remain to be paid. The member
//! says why, what the expense costs, what is already covered (Assurance Maladie,
//! complementary, other help), what they ask, their household's monthly resources, and joins
//! a quote or an invoice.
//!
//! Everything here is pure: the reasons, the checks of an application, the API's body.

use serde::{Deserialize, Serialize};

use crate::money::MoneyParseError;
use crate::requests::{EXPLANATION_CHARS, MAX_ATTACHMENTS};
use crate::{Cents, Lang};

/// Months the social commission takes at most to answer.
pub const DECISION_MONTHS: i32 = 2;

/// Largest expense considered online, in euros (beyond: a typing mistake, or a call).
pub const MAX_EXPENSE_EUROS: i64 = 100_000;

/// Why the member asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Care costs left to pay (reste à charge).
    CareCosts,
    /// Glasses, dental prosthesis, hearing aids.
    Equipment,
    /// Costs of a hospital stay.
    Hospital,
    /// Help at home after a hospital stay.
    HomeHelp,
    /// Something else.
    Other,
}

impl Reason {
    /// Every reason, in the form's order.
    pub const ALL: [Reason; 5] = [
        Reason::CareCosts,
        Reason::Equipment,
        Reason::Hospital,
        Reason::HomeHelp,
        Reason::Other,
    ];

    /// The code exchanged.
    pub fn code(self) -> &'static str {
        match self {
            Reason::CareCosts => "care_costs",
            Reason::Equipment => "equipment",
            Reason::Hospital => "hospital",
            Reason::HomeHelp => "home_help",
            Reason::Other => "other",
        }
    }

    /// A few words for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Reason::CareCosts, Lang::Fr) => "Frais de soins restant à ma charge",
            (Reason::CareCosts, Lang::En) => "Care costs left to pay",
            (Reason::Equipment, Lang::Fr) => "Lunettes, prothèse dentaire ou auditive",
            (Reason::Equipment, Lang::En) => "Glasses, dental prosthesis or hearing aids",
            (Reason::Hospital, Lang::Fr) => "Frais d’hospitalisation",
            (Reason::Hospital, Lang::En) => "Hospital costs",
            (Reason::HomeHelp, Lang::Fr) => "Aide à domicile après une hospitalisation",
            (Reason::HomeHelp, Lang::En) => "Help at home after a hospital stay",
            (Reason::Other, Lang::Fr) => "Autre raison",
            (Reason::Other, Lang::En) => "Another reason",
        }
    }
}

/// An application (`POST /api/aid`); amounts as typed (`1 250,50`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AidRequest {
    /// Why; `None` when not chosen.
    #[serde(default)]
    pub reason: Option<Reason>,
    /// The situation and the expense, in the member's words.
    #[serde(default)]
    pub explanation: String,
    /// What the expense costs.
    #[serde(default)]
    pub total: String,
    /// What is already covered (Assurance Maladie, complementary, other help); empty is none.
    #[serde(default)]
    pub covered: String,
    /// What the member asks the fund for.
    #[serde(default)]
    pub requested: String,
    /// The household's monthly resources.
    #[serde(default)]
    pub monthly_resources: String,
    /// A quote or an invoice, and any other document, uploaded first: 1 to 5.
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// The amounts of an application that passed its checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amounts {
    /// What the expense costs.
    pub total: Cents,
    /// What is already covered.
    pub covered: Cents,
    /// What is asked.
    pub requested: Cents,
    /// The household's monthly resources.
    pub monthly_resources: Cents,
}

impl Amounts {
    /// What remains to pay: the cost less what is covered.
    pub fn remaining(self) -> Cents {
        self.total - self.covered
    }
}

/// What is wrong with an application, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// No reason chosen.
    ReasonMissing,
    /// Explanation under 10 characters.
    ExplanationShort,
    /// Explanation over 2,000 characters.
    ExplanationLong,
    /// An amount that cannot be read (field, why).
    Amount(&'static str, MoneyParseError),
    /// The expense is zero, or over [`MAX_EXPENSE_EUROS`].
    TotalOutOfRange,
    /// More covered than the expense costs.
    CoveredOverTotal,
    /// Nothing asked.
    RequestedZero,
    /// More asked than what remains to pay.
    RequestedOverRemaining,
    /// No quote nor invoice.
    NoDocument,
    /// More than 5 files.
    TooManyFiles,
}

impl Problem {
    /// The form's field (the API's `fields` key).
    pub fn field(self) -> &'static str {
        match self {
            Problem::ReasonMissing => "reason",
            Problem::ExplanationShort | Problem::ExplanationLong => "explanation",
            Problem::Amount(field, _) => field,
            Problem::TotalOutOfRange => "total",
            Problem::CoveredOverTotal => "covered",
            Problem::RequestedZero | Problem::RequestedOverRemaining => "requested",
            Problem::NoDocument | Problem::TooManyFiles => "attachments",
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> &'static str {
        let fr = lang == Lang::Fr;
        match self {
            Problem::ReasonMissing => {
                if fr {
                    "Choisissez la raison de votre demande."
                } else {
                    "Choose the reason for your request."
                }
            }
            Problem::ExplanationShort => {
                if fr {
                    "Décrivez votre situation et la dépense en quelques mots (10 caractères au moins)."
                } else {
                    "Describe your situation and the expense in a few words (at least 10 characters)."
                }
            }
            Problem::ExplanationLong => {
                if fr {
                    "Votre description dépasse 2 000 caractères\u{a0}: raccourcissez-la ou joignez un document."
                } else {
                    "Your description is over 2,000 characters: shorten it or attach a document."
                }
            }
            Problem::Amount(_, e) => e.message(lang),
            Problem::TotalOutOfRange => {
                if fr {
                    "Indiquez le coût de la dépense, entre 1 centime et 100 000 €."
                } else {
                    "Enter what the expense costs, between 1 cent and €100,000."
                }
            }
            Problem::CoveredOverTotal => {
                if fr {
                    "Le montant déjà pris en charge dépasse le coût de la dépense\u{a0}: vérifiez les deux montants."
                } else {
                    "The amount already covered is more than the expense costs: check both amounts."
                }
            }
            Problem::RequestedZero => {
                if fr {
                    "Indiquez le montant que vous demandez."
                } else {
                    "Enter the amount you ask for."
                }
            }
            Problem::RequestedOverRemaining => {
                if fr {
                    "Le montant demandé dépasse ce qui reste à votre charge (coût moins prise en charge)."
                } else {
                    "The amount asked is more than what remains to pay (cost less what is covered)."
                }
            }
            Problem::NoDocument => {
                if fr {
                    "Joignez au moins un devis ou une facture."
                } else {
                    "Attach at least one quote or invoice."
                }
            }
            Problem::TooManyFiles => {
                if fr {
                    "Joignez 5 fichiers au plus."
                } else {
                    "Attach at most 5 files."
                }
            }
        }
    }
}

fn amount(text: &str, field: &'static str, empty_is_zero: bool) -> Result<Cents, Problem> {
    if empty_is_zero && text.trim().is_empty() {
        return Ok(Cents::ZERO);
    }
    match Cents::parse_fr(text) {
        Ok(c) if c.is_negative() => Err(Problem::Amount(field, MoneyParseError::NotANumber)),
        Ok(c) => Ok(c),
        Err(e) => Err(Problem::Amount(field, e)),
    }
}

/// Checks an application: every problem in the form's order.
pub fn check(request: &AidRequest) -> Result<(Reason, Amounts), Vec<Problem>> {
    let mut problems = Vec::new();
    if request.reason.is_none() {
        problems.push(Problem::ReasonMissing);
    }
    let chars = request.explanation.trim().chars().count();
    if chars < EXPLANATION_CHARS.0 {
        problems.push(Problem::ExplanationShort);
    } else if chars > EXPLANATION_CHARS.1 {
        problems.push(Problem::ExplanationLong);
    }
    let total = amount(&request.total, "total", false);
    let covered = amount(&request.covered, "covered", true);
    let requested = amount(&request.requested, "requested", false);
    let resources = amount(&request.monthly_resources, "monthly_resources", false);
    match total {
        Ok(t) if t <= Cents::ZERO || t > Cents::from_euros(MAX_EXPENSE_EUROS) => {
            problems.push(Problem::TotalOutOfRange);
        }
        Err(p) => problems.push(p),
        Ok(_) => {}
    }
    match (total, covered) {
        (_, Err(p)) => problems.push(p),
        (Ok(t), Ok(c)) if c > t => problems.push(Problem::CoveredOverTotal),
        _ => {}
    }
    match (total, covered, requested) {
        (_, _, Err(p)) => problems.push(p),
        (_, _, Ok(r)) if r <= Cents::ZERO => problems.push(Problem::RequestedZero),
        (Ok(t), Ok(c), Ok(r)) if c <= t && r > t - c => {
            problems.push(Problem::RequestedOverRemaining);
        }
        _ => {}
    }
    if let Err(p) = resources {
        problems.push(p);
    }
    if request.attachments.is_empty() {
        problems.push(Problem::NoDocument);
    } else if request.attachments.len() > MAX_ATTACHMENTS {
        problems.push(Problem::TooManyFiles);
    }
    match (request.reason, total, covered, requested, resources) {
        (Some(reason), Ok(total), Ok(covered), Ok(requested), Ok(monthly_resources))
            if problems.is_empty() =>
        {
            Ok((
                reason,
                Amounts {
                    total,
                    covered,
                    requested,
                    monthly_resources,
                },
            ))
        }
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(total: &str, covered: &str, requested: &str) -> AidRequest {
        AidRequest {
            reason: Some(Reason::Equipment),
            explanation: "Prothèse auditive, reste à charge élevé.".into(),
            total: total.into(),
            covered: covered.into(),
            requested: requested.into(),
            monthly_resources: "1 100".into(),
            attachments: vec![7],
        }
    }

    #[test]
    fn the_request_is_at_most_what_remains_to_pay() {
        let (reason, amounts) = check(&request("1 500", "950,50", "549,50")).unwrap();
        assert_eq!(reason, Reason::Equipment);
        assert_eq!(amounts.remaining(), Cents(54_950));
        assert_eq!(
            check(&request("1 500", "950,50", "549,51")),
            Err(vec![Problem::RequestedOverRemaining])
        );
        // Nothing covered (empty) and everything asked.
        assert!(check(&request("800", "", "800")).is_ok());
        assert_eq!(
            check(&request("800", "800,01", "10")),
            Err(vec![Problem::CoveredOverTotal])
        );
        assert_eq!(
            check(&request("800", "", "0")),
            Err(vec![Problem::RequestedZero])
        );
    }

    #[test]
    fn the_expense_is_between_one_cent_and_the_limit() {
        assert_eq!(
            check(&request("0", "", "1")),
            Err(vec![
                Problem::TotalOutOfRange,
                Problem::RequestedOverRemaining
            ])
        );
        assert!(check(&request("100 000", "", "1")).is_ok());
        assert_eq!(
            check(&request("100 000,01", "", "1")),
            Err(vec![Problem::TotalOutOfRange])
        );
        assert_eq!(
            check(&request("cher", "", "1")),
            Err(vec![Problem::Amount("total", MoneyParseError::NotANumber)])
        );
    }

    #[test]
    fn an_empty_application_names_every_field() {
        let problems = check(&AidRequest::default()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field()).collect();
        assert_eq!(
            fields,
            [
                "reason",
                "explanation",
                "total",
                "requested",
                "monthly_resources",
                "attachments"
            ]
        );
        for p in problems {
            assert_ne!(p.message(Lang::Fr), p.message(Lang::En));
        }
        let many = AidRequest {
            attachments: (0..6).collect(),
            ..request("10", "", "10")
        };
        assert_eq!(check(&many), Err(vec![Problem::TooManyFiles]));
    }
}
