//! Complémentaire santé solidaire (CSS): the means-tested complementary cover, free or with a
//! monthly contribution per person depending on age, granted for one year; a renewal is asked in
//! the last 4 months of the current rights (domain reference, "Complémentaire santé solidaire").
//!
//! Everything here is pure: the resource ceilings by household size and date, the contribution
//! by age, the estimate the member sees before applying, when rights start and end, whether a
//! renewal may be asked today, the checks of an application, and the API's bodies.
//!
//! Sources of the figures (the domain reference gives "free or 8 to 30 € per person per month
//! depending on age"; the figures below fill it in, metropolitan France):
//! - ceilings from 2025-04-01: efl.fr, « Complémentaire santé solidaire : conditions de
//!   ressources », table « applicables du 1-4-2025 au 1-4-2026 » (arrêté of 2025-03-29, +1.7 %);
//! - ceilings until 2025-03-31: quechoisir.org, « Complémentaire santé solidaire, ce que vous
//!   devez savoir » (« applicable jusqu’au 31 mars 2025 »);
//! - contributions by age on 1 January of the year the rights are granted (8, 14, 21, 25, 30 €):
//!   CPAM des Bouches-du-Rhône, « Grille tarifaire des participations financières », and ameli.fr,
//!   « Qui peut bénéficier de la Complémentaire santé solidaire ? ».
//!
//! The last table stays in force until a newer one is added (verify each April). Overseas
//! departments have higher ceilings and Alsace-Moselle lower contributions: not modelled, the
//! estimate says it is an estimate and the fund decides.

use serde::{Deserialize, Serialize};

use crate::activation::age_on;
use crate::money::MoneyParseError;
use crate::reimbursements::Date;
use crate::{Cents, Lang};

/// Months of rights granted by a decision.
pub const RIGHTS_MONTHS: i32 = 12;

/// A renewal may be asked in the last this many months of the current rights.
pub const RENEWAL_WINDOW_MONTHS: i32 = 4;

/// Months the fund takes at most to decide (its silence then means a refusal).
pub const DECISION_MONTHS: i32 = 2;

/// Most people in one household (the member, their dependants and the others they declare).
pub const MAX_PERSONS: usize = 12;

/// Most other people declared beyond those on the roll.
pub const MAX_OTHERS: usize = 10;

/// Largest amount of one kind of resources, in euros a year (beyond: a typing mistake).
pub const MAX_RESOURCE_EUROS: i64 = 1_000_000;

/// Yearly resource ceilings, in whole euros, from a date on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ceilings {
    /// First day in force, `(year, month, day)`.
    pub since: (i32, u8, u8),
    /// Free CSS: households of 1, 2, 3 and 4 people.
    pub free: [i64; 4],
    /// Free CSS: each person beyond 4.
    pub free_extra: i64,
    /// CSS with a contribution: households of 1, 2, 3 and 4 people.
    pub contribution: [i64; 4],
    /// CSS with a contribution: each person beyond 4.
    pub contribution_extra: i64,
    /// Where the figures come from.
    pub source: &'static str,
}

/// The ceilings, oldest first (see the module's sources).
pub const CEILINGS: &[Ceilings] = &[
    Ceilings {
        since: (2024, 4, 1),
        free: [10_166, 15_249, 18_298, 21_348],
        free_extra: 4_066,
        contribution: [13_724, 20_586, 24_703, 28_820],
        contribution_extra: 5_490,
        source: "quechoisir.org, plafonds applicables jusqu’au 31 mars 2025",
    },
    Ceilings {
        since: (2025, 4, 1),
        free: [10_339, 15_508, 18_609, 21_711],
        free_extra: 4_135,
        contribution: [13_957, 20_936, 25_123, 29_311],
        contribution_extra: 5_583,
        source: "efl.fr, plafonds applicables du 1-4-2025 au 1-4-2026",
    },
];

/// Monthly contribution per person by age on 1 January of the year the rights start: (from this
/// age, cents), youngest band first.
pub const CONTRIBUTIONS: [(i32, Cents); 5] = [
    (0, Cents(800)),
    (30, Cents(1400)),
    (50, Cents(2100)),
    (60, Cents(2500)),
    (70, Cents(3000)),
];

/// The ceilings in force on `day` (the oldest table before its date, the latest after).
pub fn ceilings_on(day: Date) -> &'static Ceilings {
    let key = (day.year(), day.month(), day.day());
    CEILINGS
        .iter()
        .rev()
        .find(|c| c.since <= key)
        .unwrap_or(&CEILINGS[0])
}

fn by_size(table: [i64; 4], extra: i64, persons: usize) -> Cents {
    let persons = persons.max(1);
    let euros = if persons <= 4 {
        table[persons - 1]
    } else {
        table[3] + extra * i64::try_from(persons - 4).unwrap_or(i64::MAX / 2 / extra.max(1))
    };
    Cents::from_euros(euros)
}

impl Ceilings {
    /// The yearly ceiling of free CSS for a household of `persons`.
    pub fn free_for(&self, persons: usize) -> Cents {
        by_size(self.free, self.free_extra, persons)
    }

    /// The yearly ceiling of CSS with a contribution for a household of `persons`.
    pub fn contribution_for(&self, persons: usize) -> Cents {
        by_size(self.contribution, self.contribution_extra, persons)
    }
}

/// The monthly contribution of one person aged `age` on 1 January of the year of the rights.
pub fn contribution_for_age(age: i32) -> Cents {
    CONTRIBUTIONS
        .iter()
        .rev()
        .find(|(from, _)| age >= *from)
        .map_or(CONTRIBUTIONS[0].1, |(_, amount)| *amount)
}

/// Age in whole years on 1 January of `year` (the age the contribution counts).
pub fn age_on_january_first(birth: Date, year: i32) -> i32 {
    age_on((birth.year(), birth.month(), birth.day()), (year, 1, 1)).max(0)
}

/// The first day of rights granted on `decided`: the day after the current rights when they
/// are still running (a renewal follows on), otherwise the first day of the next month.
pub fn rights_start(decided: Date, current_until: Option<Date>) -> Date {
    match current_until {
        Some(until) if until >= decided => until.add_days(1),
        _ => {
            let next = decided.add_months(1);
            next.add_days(1 - i64::from(next.day()))
        }
    }
}

/// The last day of rights starting on `start`: one year later, the day before.
pub fn rights_until(start: Date) -> Date {
    start.add_days(-1).add_months(RIGHTS_MONTHS)
}

/// The first day a renewal of rights ending on `until` may be asked: the window is the last
/// [`RENEWAL_WINDOW_MONTHS`] months, `until` included.
pub fn renewal_opens(until: Date) -> Date {
    until.add_months(-RENEWAL_WINDOW_MONTHS).add_days(1)
}

/// Whether the member may apply today, given their current rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Window {
    /// No rights running: a first application (or after they ended).
    First,
    /// Rights end on `until`, in the last 4 months: a renewal.
    Renewal {
        /// Last day of the current rights, `YYYY-MM-DD`.
        until: String,
    },
    /// Rights run beyond the last 4 months: too early, the window opens on `opens`.
    TooEarly {
        /// Last day of the current rights.
        until: String,
        /// First day a renewal may be asked.
        opens: String,
    },
}

/// The window on `today` for rights ending on `current_until` (`None`: no rights).
pub fn window(current_until: Option<Date>, today: Date) -> Window {
    match current_until {
        Some(until) if until >= today => {
            let opens = renewal_opens(until);
            if today >= opens {
                Window::Renewal {
                    until: until.to_string(),
                }
            } else {
                Window::TooEarly {
                    until: until.to_string(),
                    opens: opens.to_string(),
                }
            }
        }
        _ => Window::First,
    }
}

/// What the estimate says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Resources at or under the free ceiling.
    Free,
    /// Over the free ceiling, at or under the other: a monthly contribution per person.
    Contribution,
    /// Over both ceilings.
    Over,
}

impl Outcome {
    /// A few words for the member and the agent.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outcome::Free, Lang::Fr) => "Sans participation financière",
            (Outcome::Free, Lang::En) => "Free of charge",
            (Outcome::Contribution, Lang::Fr) => "Avec une participation financière",
            (Outcome::Contribution, Lang::En) => "With a monthly contribution",
            (Outcome::Over, Lang::Fr) => "Ressources au-dessus des plafonds",
            (Outcome::Over, Lang::En) => "Resources above the ceilings",
        }
    }
}

/// The estimate shown before applying (and kept with the application for the agent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Estimate {
    /// Free, with a contribution, or over the ceilings.
    pub outcome: Outcome,
    /// People in the household.
    pub persons: u32,
    /// The household's resources of the last 12 months.
    pub resources: Cents,
    /// Ceiling of free CSS for this household.
    pub free_ceiling: Cents,
    /// Ceiling of CSS with a contribution.
    pub contribution_ceiling: Cents,
    /// Each person's monthly contribution (zero when free), in the household's order.
    pub per_person: Vec<Cents>,
    /// The household's monthly contribution.
    pub monthly: Cents,
    /// First day of the rights if granted today, `YYYY-MM-DD`.
    pub rights_from: String,
    /// Last day of those rights.
    pub rights_until: String,
}

/// The estimate for a household born on `births` with `resources` over the last 12 months,
/// applying on `today` (ceilings of that day) for rights starting on `start` (ages on
/// 1 January of that year).
pub fn estimate(births: &[Date], resources: Cents, today: Date, start: Date) -> Estimate {
    let persons = births.len().max(1);
    let ceilings = ceilings_on(today);
    let (free, paying) = (
        ceilings.free_for(persons),
        ceilings.contribution_for(persons),
    );
    let outcome = if resources <= free {
        Outcome::Free
    } else if resources <= paying {
        Outcome::Contribution
    } else {
        Outcome::Over
    };
    let per_person: Vec<Cents> = births
        .iter()
        .map(|birth| match outcome {
            Outcome::Contribution => {
                contribution_for_age(age_on_january_first(*birth, start.year()))
            }
            Outcome::Free | Outcome::Over => Cents::ZERO,
        })
        .collect();
    let monthly = per_person.iter().copied().sum();
    Estimate {
        outcome,
        persons: u32::try_from(persons).unwrap_or(u32::MAX),
        resources,
        free_ceiling: free,
        contribution_ceiling: paying,
        per_person,
        monthly,
        rights_from: start.to_string(),
        rights_until: rights_until(start).to_string(),
    }
}

/// How a declared person relates to the member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Spouse, PACS partner or partner living with the member.
    Partner,
    /// A child living with the member and not on their roll (e.g. on the other parent's).
    Child,
    /// Another dependent person living with the member.
    Other,
}

impl Relation {
    /// Every relation, in the form's order.
    pub const ALL: [Relation; 3] = [Relation::Partner, Relation::Child, Relation::Other];

    /// The code exchanged.
    pub fn code(self) -> &'static str {
        match self {
            Relation::Partner => "partner",
            Relation::Child => "child",
            Relation::Other => "other",
        }
    }

    /// A few words for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Relation::Partner, Lang::Fr) => "Conjoint, partenaire de PACS ou concubin",
            (Relation::Partner, Lang::En) => "Spouse, civil partner or partner",
            (Relation::Child, Lang::Fr) => "Enfant à charge",
            (Relation::Child, Lang::En) => "Dependent child",
            (Relation::Other, Lang::Fr) => "Autre personne à charge",
            (Relation::Other, Lang::En) => "Other dependent person",
        }
    }
}

/// Someone of the household who is not on the member's roll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OtherPerson {
    /// How they relate to the member.
    pub relation: Relation,
    /// Given names and family name.
    #[serde(default)]
    pub name: String,
    /// Birth date, `YYYY-MM-DD` (empty when not typed).
    #[serde(default)]
    pub birth_date: String,
}

/// A kind of resources of the last 12 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// Wages and self-employed income.
    Work,
    /// Unemployment benefits and daily allowances.
    Benefits,
    /// Pensions, retirement and disability.
    Pensions,
    /// Family and housing benefits.
    Family,
    /// Anything else (alimony received, rents, savings income…).
    Other,
}

impl ResourceKind {
    /// Every kind, in the form's order.
    pub const ALL: [ResourceKind; 5] = [
        ResourceKind::Work,
        ResourceKind::Benefits,
        ResourceKind::Pensions,
        ResourceKind::Family,
        ResourceKind::Other,
    ];

    /// The code exchanged (and the form's field, `resources_{code}`).
    pub fn code(self) -> &'static str {
        match self {
            ResourceKind::Work => "work",
            ResourceKind::Benefits => "benefits",
            ResourceKind::Pensions => "pensions",
            ResourceKind::Family => "family",
            ResourceKind::Other => "other",
        }
    }

    /// The API's field name.
    pub fn field(self) -> &'static str {
        match self {
            ResourceKind::Work => "resources_work",
            ResourceKind::Benefits => "resources_benefits",
            ResourceKind::Pensions => "resources_pensions",
            ResourceKind::Family => "resources_family",
            ResourceKind::Other => "resources_other",
        }
    }

    /// A few words for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ResourceKind::Work, Lang::Fr) => "Salaires et revenus d’activité",
            (ResourceKind::Work, Lang::En) => "Wages and work income",
            (ResourceKind::Benefits, Lang::Fr) => "Allocations chômage et indemnités journalières",
            (ResourceKind::Benefits, Lang::En) => "Unemployment benefits and daily allowances",
            (ResourceKind::Pensions, Lang::Fr) => "Retraites, pensions et rentes",
            (ResourceKind::Pensions, Lang::En) => "Retirement and other pensions",
            (ResourceKind::Family, Lang::Fr) => "Prestations familiales et aides au logement",
            (ResourceKind::Family, Lang::En) => "Family and housing benefits",
            (ResourceKind::Other, Lang::Fr) => {
                "Autres ressources (pension alimentaire reçue, loyers…)"
            }
            (ResourceKind::Other, Lang::En) => "Other resources (alimony received, rents…)",
        }
    }
}

/// One kind of resources as typed (empty means none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResourceLine {
    /// What kind.
    pub kind: ResourceKind,
    /// The household's total of this kind over the last 12 months, as typed (`12 000,50`).
    #[serde(default)]
    pub amount: String,
}

/// An application (`POST /api/css`): the household beyond the roll, the resources, the files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CssApplication {
    /// People living with the member who are not on their roll (the roll's are counted).
    #[serde(default)]
    pub others: Vec<OtherPerson>,
    /// The household's resources of the last 12 months, by kind.
    #[serde(default)]
    pub resources: Vec<ResourceLine>,
    /// The member certifies the statement is true.
    #[serde(default)]
    pub certified: bool,
    /// Files uploaded first (`POST /api/attachments`), by id.
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// What is wrong with an application, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Other person `n` (from 0) has no name.
    NameMissing(usize),
    /// Other person `n` has no birth date, or not a real one.
    BirthMissing(usize),
    /// Other person `n` is born after today.
    BirthFuture(usize),
    /// More than [`MAX_OTHERS`] others.
    TooManyPersons,
    /// An amount that cannot be read.
    Amount(ResourceKind, MoneyParseError),
    /// A negative amount.
    AmountNegative(ResourceKind),
    /// Over [`MAX_RESOURCE_EUROS`].
    AmountTooLarge(ResourceKind),
    /// The statement is not certified.
    NotCertified,
    /// More than 5 files.
    TooManyFiles,
}

impl Problem {
    /// The form's field (the API's `fields` key).
    pub fn field(self) -> String {
        match self {
            Problem::NameMissing(i) => format!("person_{i}_name"),
            Problem::BirthMissing(i) | Problem::BirthFuture(i) => format!("person_{i}_birth"),
            Problem::TooManyPersons => "others".to_owned(),
            Problem::Amount(kind, _)
            | Problem::AmountNegative(kind)
            | Problem::AmountTooLarge(kind) => kind.field().to_owned(),
            Problem::NotCertified => "certified".to_owned(),
            Problem::TooManyFiles => "attachments".to_owned(),
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            Problem::NameMissing(i) => if fr {
                format!("Personne {}\u{a0}: saisissez son prénom et son nom.", i + 1)
            } else {
                format!("Person {}: enter their given name and family name.", i + 1)
            },
            Problem::BirthMissing(i) => if fr {
                format!("Personne {}\u{a0}: saisissez sa date de naissance, par exemple 14/05/1991.", i + 1)
            } else {
                format!("Person {}: enter their date of birth, for example 14/05/1991.", i + 1)
            },
            Problem::BirthFuture(i) => if fr {
                format!("Personne {}\u{a0}: la date de naissance ne peut pas être dans le futur.", i + 1)
            } else {
                format!("Person {}: the date of birth cannot be in the future.", i + 1)
            },
            Problem::TooManyPersons => if fr {
                "Déclarez 10 autres personnes au plus\u{a0}: pour un foyer plus grand, appelez le 36 46."
            } else {
                "Declare at most 10 other people: for a larger household, call 36 46."
            }
            .to_owned(),
            Problem::Amount(kind, e) => if fr {
                format!("{}\u{a0}: {}", kind.label(lang), e.message(lang))
            } else {
                format!("{}: {}", kind.label(lang), e.message(lang))
            },
            Problem::AmountNegative(kind) => if fr {
                format!("{}\u{a0}: le montant ne peut pas être négatif.", kind.label(lang))
            } else {
                format!("{}: the amount cannot be negative.", kind.label(lang))
            },
            Problem::AmountTooLarge(kind) => if fr {
                format!("{}\u{a0}: ce montant semble trop élevé, vérifiez-le (montant sur 12 mois, en euros).", kind.label(lang))
            } else {
                format!("{}: this amount looks too high, check it (over 12 months, in euros).", kind.label(lang))
            },
            Problem::NotCertified => if fr {
                "Cochez la case pour certifier que votre déclaration est exacte."
            } else {
                "Tick the box to certify that your statement is true."
            }
            .to_owned(),
            Problem::TooManyFiles => if fr {
                "Joignez 5 fichiers au plus."
            } else {
                "Attach at most 5 files."
            }
            .to_owned(),
        }
    }
}

/// The resources of one line: empty is zero.
pub fn read_amount(line: &ResourceLine) -> Result<Cents, Problem> {
    if line.amount.trim().is_empty() {
        return Ok(Cents::ZERO);
    }
    let cents = Cents::parse_fr(&line.amount).map_err(|e| Problem::Amount(line.kind, e))?;
    if cents.is_negative() {
        Err(Problem::AmountNegative(line.kind))
    } else if cents > Cents::from_euros(MAX_RESOURCE_EUROS) {
        Err(Problem::AmountTooLarge(line.kind))
    } else {
        Ok(cents)
    }
}

/// The household's total resources, or the lines that cannot be read (every kind counted once,
/// the last line of a kind wins).
pub fn total_resources(lines: &[ResourceLine]) -> Result<Cents, Vec<Problem>> {
    let mut total = Cents::ZERO;
    let mut problems = Vec::new();
    for kind in ResourceKind::ALL {
        let Some(line) = lines.iter().rev().find(|l| l.kind == kind) else {
            continue;
        };
        match read_amount(line) {
            Ok(cents) => total += cents,
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(total)
    } else {
        Err(problems)
    }
}

/// An application that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The others' birth dates, in order.
    pub other_births: Vec<Date>,
    /// The household's resources of the last 12 months.
    pub resources: Cents,
}

/// Checks an application filed on `today`: the others declared, the amounts, the certificate
/// and the files; every problem in the form's order.
pub fn check(application: &CssApplication, today: Date) -> Result<Checked, Vec<Problem>> {
    let mut problems = Vec::new();
    if application.others.len() > MAX_OTHERS {
        problems.push(Problem::TooManyPersons);
    }
    let mut births = Vec::new();
    for (i, person) in application.others.iter().enumerate().take(MAX_OTHERS) {
        if person.name.trim().is_empty() {
            problems.push(Problem::NameMissing(i));
        }
        match Date::parse(&person.birth_date) {
            None => problems.push(Problem::BirthMissing(i)),
            Some(birth) if birth > today => problems.push(Problem::BirthFuture(i)),
            Some(birth) => births.push(birth),
        }
    }
    let resources = match total_resources(&application.resources) {
        Ok(total) => total,
        Err(more) => {
            problems.extend(more);
            Cents::ZERO
        }
    };
    if !application.certified {
        problems.push(Problem::NotCertified);
    }
    if application.attachments.len() > crate::requests::MAX_ATTACHMENTS {
        problems.push(Problem::TooManyFiles);
    }
    if problems.is_empty() {
        Ok(Checked {
            other_births: births,
            resources,
        })
    } else {
        Err(problems)
    }
}

/// Someone of the member's household on the roll (the member first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RollPerson {
    /// Given names and family name.
    pub name: String,
    /// Birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// 1 for the member, 2 to 19 for their dependants.
    pub rank: u8,
}

/// What the application page needs (`GET /api/css`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CssContext {
    /// Today in France, `YYYY-MM-DD` (the estimate's ceilings).
    pub today: String,
    /// The member and their dependants on the roll.
    pub household: Vec<RollPerson>,
    /// Whether the member may apply today.
    pub window: Window,
    /// First day of the rights if granted today.
    pub rights_from: String,
    /// An application being processed (its request), if any.
    pub pending: Option<i64>,
}

/// Everything the estimate needs on the page, from the context and the form.
pub fn estimate_for(
    context: &CssContext,
    other_births: &[Date],
    resources: Cents,
) -> Option<Estimate> {
    let today = Date::parse(&context.today)?;
    let start = Date::parse(&context.rights_from)?;
    let mut births: Vec<Date> = context
        .household
        .iter()
        .filter_map(|p| Date::parse(&p.birth_date))
        .collect();
    births.extend_from_slice(other_births);
    Some(estimate(&births, resources, today, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn euros(e: i64) -> Cents {
        Cents::from_euros(e)
    }

    #[test]
    fn every_table_date_exists_and_tables_are_in_order() {
        for pair in CEILINGS.windows(2) {
            assert!(pair[0].since < pair[1].since);
        }
        for c in CEILINGS {
            assert!(Date::new(c.since.0, c.since.1, c.since.2).is_some());
            for i in 0..4 {
                assert!(c.free[i] < c.contribution[i]);
            }
        }
    }

    #[test]
    fn the_ceilings_change_on_the_first_of_april() {
        assert_eq!(ceilings_on(d("2025-03-31")).free_for(1), euros(10_166));
        assert_eq!(ceilings_on(d("2025-04-01")).free_for(1), euros(10_339));
        assert_eq!(
            ceilings_on(d("2026-11-27")).contribution_for(1),
            euros(13_957)
        );
        // Before the first table: its figures, not nothing.
        assert_eq!(ceilings_on(d("2023-01-01")).free_for(1), euros(10_166));
    }

    #[test]
    fn ceilings_grow_with_the_household() {
        let c = ceilings_on(d("2026-01-10"));
        assert_eq!(c.free_for(0), euros(10_339));
        assert_eq!(c.free_for(2), euros(15_508));
        assert_eq!(c.free_for(3), euros(18_609));
        assert_eq!(c.free_for(4), euros(21_711));
        assert_eq!(c.free_for(5), euros(21_711 + 4_135));
        assert_eq!(c.free_for(6), euros(21_711 + 2 * 4_135));
        assert_eq!(c.contribution_for(4), euros(29_311));
        assert_eq!(c.contribution_for(5), euros(29_311 + 5_583));
    }

    #[test]
    fn resources_exactly_at_a_ceiling_are_under_it() {
        let today = d("2026-11-27");
        let start = d("2026-12-01");
        let one = [d("1994-02-10")];
        let at = |cents: i64| estimate(&one, Cents(cents), today, start).outcome;
        assert_eq!(at(1_033_900), Outcome::Free);
        assert_eq!(at(1_033_901), Outcome::Contribution);
        assert_eq!(at(1_395_700), Outcome::Contribution);
        assert_eq!(at(1_395_701), Outcome::Over);
        assert_eq!(at(0), Outcome::Free);
    }

    #[test]
    fn the_contribution_follows_the_age_bands() {
        assert_eq!(contribution_for_age(0), Cents(800));
        assert_eq!(contribution_for_age(29), Cents(800));
        assert_eq!(contribution_for_age(30), Cents(1400));
        assert_eq!(contribution_for_age(49), Cents(1400));
        assert_eq!(contribution_for_age(50), Cents(2100));
        assert_eq!(contribution_for_age(59), Cents(2100));
        assert_eq!(contribution_for_age(60), Cents(2500));
        assert_eq!(contribution_for_age(69), Cents(2500));
        assert_eq!(contribution_for_age(70), Cents(3000));
        assert_eq!(contribution_for_age(104), Cents(3000));
    }

    #[test]
    fn ages_count_on_the_first_of_january_of_the_rights_year() {
        // 30 on 1 January 2027 exactly: the 30-49 band for rights starting in 2027.
        assert_eq!(age_on_january_first(d("1997-01-01"), 2027), 30);
        // Born 2 January: still 29 on 1 January.
        assert_eq!(age_on_january_first(d("1997-01-02"), 2027), 29);
        let today = d("2026-11-27");
        let household = [d("1997-01-01"), d("1997-01-02"), d("2026-06-01")];
        let e = estimate(&household, euros(19_000), today, d("2027-01-01"));
        assert_eq!(e.outcome, Outcome::Contribution);
        assert_eq!(e.per_person, [Cents(1400), Cents(800), Cents(800)]);
        assert_eq!(e.monthly, Cents(3000));
        assert_eq!(e.persons, 3);
        assert_eq!(e.rights_until, "2027-12-31");
        // The same rights starting in December 2026: both adults are 29.
        let e = estimate(&household, euros(19_000), today, d("2026-12-01"));
        assert_eq!(e.per_person, [Cents(800), Cents(800), Cents(800)]);
        // Free: nobody pays.
        let e = estimate(&household, euros(18_000), today, d("2026-12-01"));
        assert_eq!((e.outcome, e.monthly), (Outcome::Free, Cents::ZERO));
    }

    #[test]
    fn rights_start_next_month_or_follow_on() {
        assert_eq!(rights_start(d("2026-11-27"), None), d("2026-12-01"));
        assert_eq!(rights_start(d("2026-12-31"), None), d("2027-01-01"));
        assert_eq!(rights_start(d("2026-01-31"), None), d("2026-02-01"));
        // Ended rights: like a first application.
        assert_eq!(
            rights_start(d("2026-11-27"), Some(d("2026-11-26"))),
            d("2026-12-01")
        );
        // Running rights: the new year follows on, without a gap.
        assert_eq!(
            rights_start(d("2026-11-27"), Some(d("2027-01-15"))),
            d("2027-01-16")
        );
        assert_eq!(
            rights_start(d("2026-11-27"), Some(d("2026-11-27"))),
            d("2026-11-28")
        );
        assert_eq!(rights_until(d("2026-12-01")), d("2027-11-30"));
        assert_eq!(rights_until(d("2024-02-29")), d("2025-02-28"));
    }

    #[test]
    fn a_renewal_is_asked_in_the_last_four_months_only() {
        let until = d("2027-06-30");
        assert_eq!(renewal_opens(until), d("2027-03-01"));
        let too_early = Window::TooEarly {
            until: "2027-06-30".into(),
            opens: "2027-03-01".into(),
        };
        assert_eq!(window(Some(until), d("2027-02-28")), too_early);
        let renewal = Window::Renewal {
            until: "2027-06-30".into(),
        };
        assert_eq!(window(Some(until), d("2027-03-01")), renewal);
        assert_eq!(window(Some(until), d("2027-06-30")), renewal);
        assert_eq!(window(Some(until), d("2027-07-01")), Window::First);
        assert_eq!(window(None, d("2027-07-01")), Window::First);
        // Mid-month ends: the window opens the day after the same day four months before.
        assert_eq!(renewal_opens(d("2027-06-15")), d("2027-02-16"));
        assert_eq!(renewal_opens(d("2027-03-31")), d("2026-12-01"));
    }

    fn application(others: Vec<OtherPerson>, amounts: &[(ResourceKind, &str)]) -> CssApplication {
        CssApplication {
            others,
            resources: amounts
                .iter()
                .map(|(kind, amount)| ResourceLine {
                    kind: *kind,
                    amount: (*amount).to_owned(),
                })
                .collect(),
            certified: true,
            attachments: vec![],
        }
    }

    #[test]
    fn an_application_adds_its_resources_and_checks_each_person() {
        let today = d("2026-11-27");
        let partner = OtherPerson {
            relation: Relation::Partner,
            name: "Karim Caron".into(),
            birth_date: "1990-04-02".into(),
        };
        let ok = application(
            vec![partner.clone()],
            &[
                (ResourceKind::Work, "9 000"),
                (ResourceKind::Family, "1 250,50"),
                (ResourceKind::Other, ""),
            ],
        );
        let checked = check(&ok, today).unwrap();
        assert_eq!(checked.resources, Cents(1_025_050));
        assert_eq!(checked.other_births, [d("1990-04-02")]);

        let bad = CssApplication {
            certified: false,
            attachments: (0..6).collect(),
            ..application(
                vec![
                    OtherPerson {
                        name: " ".into(),
                        ..partner.clone()
                    },
                    OtherPerson {
                        birth_date: "2026-11-28".into(),
                        ..partner.clone()
                    },
                    OtherPerson {
                        birth_date: "28/11/2020".into(),
                        ..partner
                    },
                ],
                &[
                    (ResourceKind::Work, "douze"),
                    (ResourceKind::Pensions, "-5"),
                ],
            )
        };
        let problems = check(&bad, today).unwrap_err();
        assert_eq!(
            problems,
            [
                Problem::NameMissing(0),
                Problem::BirthFuture(1),
                Problem::BirthMissing(2),
                Problem::Amount(ResourceKind::Work, MoneyParseError::NotANumber),
                Problem::AmountNegative(ResourceKind::Pensions),
                Problem::NotCertified,
                Problem::TooManyFiles,
            ]
        );
        assert_eq!(problems[2].field(), "person_2_birth");
        assert_eq!(problems[3].field(), "resources_work");
        for p in problems {
            let (fr, en) = (p.message(Lang::Fr), p.message(Lang::En));
            assert!(!fr.is_empty() && fr != en);
            assert!(!fr.contains(" :") && !en.contains('\u{a0}'), "{fr} / {en}");
        }
        // Born today is fine; a million euros is the most one line takes.
        let edge = application(
            vec![OtherPerson {
                relation: Relation::Child,
                name: "Bébé Caron".into(),
                birth_date: "2026-11-27".into(),
            }],
            &[(ResourceKind::Work, "1 000 000")],
        );
        assert!(check(&edge, today).is_ok());
        let over = application(vec![], &[(ResourceKind::Work, "1 000 000,01")]);
        assert_eq!(
            check(&over, today).unwrap_err(),
            [Problem::AmountTooLarge(ResourceKind::Work)]
        );
        let crowd = application(
            vec![
                OtherPerson {
                    relation: Relation::Other,
                    name: "X".into(),
                    birth_date: "2000-01-01".into()
                };
                11
            ],
            &[],
        );
        assert_eq!(check(&crowd, today).unwrap_err(), [Problem::TooManyPersons]);
    }

    #[test]
    fn the_page_estimate_counts_the_roll_and_the_others() {
        let context = CssContext {
            today: "2026-11-27".into(),
            household: vec![
                RollPerson {
                    name: "Aurélie Caron".into(),
                    birth_date: "1994-02-10".into(),
                    rank: 1,
                },
                RollPerson {
                    name: "Maël Caron".into(),
                    birth_date: "2022-06-18".into(),
                    rank: 2,
                },
            ],
            window: Window::First,
            rights_from: "2026-12-01".into(),
            pending: None,
        };
        let e = estimate_for(&context, &[], euros(18_000)).unwrap();
        assert_eq!(e.persons, 2);
        assert_eq!(e.outcome, Outcome::Contribution);
        assert_eq!(e.per_person, [Cents(1400), Cents(800)]);
        assert_eq!(e.monthly, Cents(2200));
        let e = estimate_for(&context, &[d("1990-04-02")], euros(18_000)).unwrap();
        assert_eq!((e.persons, e.outcome), (3, Outcome::Free));
    }
}
