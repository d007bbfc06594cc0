//! Synthetic reimbursement histories for the demo personas and the benchmark roll: plausible
//! care (doctors, pharmacy, labs, pregnancy follow-up, an ALD's monthly care, a sick leave…)
//! computed by the very rules of `portail_shared::reimbursements`, paid in grouped payments with
//! deferred deductions recovered, deterministic for a seed and a date.

use portail_shared::Cents;
use portail_shared::reimbursements::history::{self, Status};
use portail_shared::reimbursements::{
    Act, Beneficiary, Date, Nature, Pregnancy, Sector, Smr, Specialty, YearCounters,
    apply_deferred, apply_rate, compute, consultation_base, rate,
};

use crate::db::members::MemberId;
use crate::db::reimbursements::{Amounts, Detail, NewLine, exemption_code};

/// A small deterministic generator (SplitMix64): the same seed gives the same history.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    #[allow(clippy::should_implement_trait)] // An endless generator, not an `Iterator`.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True `per_mille` times in a thousand.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// Cents in `lo..=hi`.
    pub fn cents(&mut self, lo: i64, hi: i64) -> Cents {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1);
        Cents(lo + i64::try_from(self.below(span)).unwrap_or(0))
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        items[i]
    }
}

/// What shapes someone's care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Traits {
    /// Woman (gynaecology follow-up).
    pub woman: bool,
    /// In an affection de longue durée: monthly doctor, medicines, nurse, labs at 100 %.
    pub ald: bool,
    /// Pregnant: the follow-up, and the maternity cover from the 6th month.
    pub pregnancy: Option<Pregnancy>,
    /// Complémentaire santé solidaire: no deductions, tiers payant everywhere.
    pub css: bool,
    /// Has declared a médecin traitant (else GP visits are outside the parcours from 16).
    pub treating_doctor: bool,
    /// Has a complementary insurer whose part the fund knows.
    pub complementary: bool,
    /// Had a sick leave (daily allowance) in the period.
    pub sick_leave: bool,
    /// GP visits a year, roughly.
    pub visits_per_year: u32,
}

/// One person of a household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Someone {
    /// On the roll.
    pub member: MemberId,
    /// Birth date.
    pub birth: Date,
    /// Their care.
    pub traits: Traits,
}

/// One act before payment.
struct Care {
    who: usize,
    act: Act,
    professional: String,
    specialty: &'static str,
    rejected: Option<&'static str>,
}

const GIVEN: &[&str] = &[
    "Élise", "Marc", "Nadia", "Julien", "Claire", "Karim", "Anne", "Olivier", "Sarah", "Thierry",
    "Mathilde", "Yann",
];
const FAMILY: &[&str] = &[
    "Faure",
    "Lemoine",
    "Benhamou",
    "Garnier",
    "Rousseau",
    "Chevalier",
    "Marchand",
    "Perrin",
    "Da Silva",
    "Nguyen",
    "Kervella",
    "Aubert",
];
const PHARMACIES: &[&str] = &[
    "Pharmacie du Marché",
    "Pharmacie Centrale",
    "Pharmacie des Halles",
    "Grande Pharmacie du Port",
    "Pharmacie de la Gare",
];
const LABS: &[&str] = &[
    "Laboratoire d’analyses des Lilas",
    "Biolab du Centre",
    "Laboratoire du Parc",
];
const REJECTIONS: &[&str] = &[
    "feuille de soins reçue en double\u{a0}: ces soins ont déjà été remboursés",
    "droits non ouverts à la date des soins\u{a0}: mettez à jour votre carte Vitale en pharmacie, puis demandez au professionnel de renvoyer la feuille de soins",
];

fn doctor(rng: &mut Rng) -> String {
    format!("Dr {} {}", rng.pick(GIVEN), rng.pick(FAMILY))
}

fn person_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))
}

/// Everyone's care from `today − months` to `today`, computed, paid and numbered.
///
/// `external_prefix` makes the lines' external references unique across households.
pub fn history(
    seed: u64,
    insured: MemberId,
    people: &[Someone],
    today: Date,
    months: u32,
    external_prefix: &str,
) -> Vec<NewLine> {
    history_with(seed, insured, people, today, months, external_prefix, &[])
}

/// A prevention act in someone's history (a screening, an M’T dents exam, a flu vaccine),
/// named by its act label. Paid under tiers payant and never rejected, it draws nothing from
/// the generator: the rest of the history stays as [`history`] makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screening {
    /// The person, as an index in `people`.
    pub who: usize,
    /// The day of the act.
    pub on: Date,
    /// Its nature (radiology, lab, dental…).
    pub nature: Nature,
    /// The act label, kept as the line's specialty ("Mammographie de dépistage").
    pub label: &'static str,
    /// Who did it.
    pub professional: &'static str,
    /// Base de remboursement (also what was charged).
    pub base: Cents,
}

/// [`history`] with prevention acts added (those outside the period are left out).
pub fn history_with(
    seed: u64,
    insured: MemberId,
    people: &[Someone],
    today: Date,
    months: u32,
    external_prefix: &str,
    screenings: &[Screening],
) -> Vec<NewLine> {
    let mut rng = Rng::new(seed);
    let start = today.add_months(-i32::try_from(months).unwrap_or(27));
    let mut cares = Vec::new();
    for (who, person) in people.iter().enumerate() {
        plan(&mut rng, who, person, start, today, &mut cares);
    }
    for s in screenings {
        if s.who >= people.len() || s.on > today || s.on < start {
            continue;
        }
        cares.push(Care {
            who: s.who,
            act: Act {
                date: s.on,
                nature: s.nature,
                professional: s.professional.to_owned(),
                charged: s.base,
                base: s.base,
                in_parcours: true,
                ald_related: false,
                tiers_payant: true,
                complementary: None,
            },
            professional: s.professional.to_owned(),
            specialty: s.label,
            rejected: None,
        });
    }
    cares.sort_by_key(|c| (c.act.date, c.who));
    price(&mut rng, insured, people, cares, today, external_prefix)
}

/// Adds `person`'s care between `start` and `today` to `cares`.
fn plan(
    rng: &mut Rng,
    who: usize,
    person: &Someone,
    start: Date,
    today: Date,
    cares: &mut Vec<Care>,
) {
    let t = person.traits;
    let gp = doctor(rng);
    let pharmacy = rng.pick(PHARMACIES);
    let lab = rng.pick(LABS);
    let days = today.days_since_epoch() - start.days_since_epoch();
    let day = |rng: &mut Rng| {
        start.add_days(i64::try_from(rng.below(u64::try_from(days).unwrap_or(1))).unwrap_or(0))
    };
    let months = u32::try_from(days / 30).unwrap_or(27);
    let mut add = |rng: &mut Rng,
                   date: Date,
                   nature: Nature,
                   professional: &str,
                   specialty: &'static str,
                   base: Cents,
                   charged: Cents| {
        if date > today || date < start {
            return;
        }
        let under16 = person.birth.add_months(16 * 12) > date;
        let tiers_payant = t.css
            || t.ald
            || matches!(
                nature,
                Nature::Medicine { .. }
                    | Nature::Lab
                    | Nature::Hospital { .. }
                    | Nature::Transport { .. }
            );
        let ald_related = t.ald && !matches!(nature, Nature::Dental | Nature::Optical);
        cares.push(Care {
            who,
            act: Act {
                date,
                nature,
                professional: professional.to_owned(),
                charged,
                base,
                in_parcours: t.treating_doctor
                    || under16
                    || !matches!(nature, Nature::Consultation),
                ald_related,
                tiers_payant,
                complementary: None,
            },
            professional: professional.to_owned(),
            specialty,
            rejected: rng.chance(15).then(|| rng.pick(REJECTIONS)),
        });
    };
    // The GP, and often the pharmacy the next day. Each visit falls in its own slice of the
    // period, so that care (and payments) run through the whole history whatever day it ends:
    // a family's 27 months never have a year without a visit.
    let visits = t.visits_per_year * months / 12;
    let slice = days / i64::from(visits.max(1));
    for visit in 0..visits {
        let on = start.add_days(i64::from(visit) * slice).add_days(
            i64::try_from(rng.below(u64::try_from(slice).unwrap_or(1).max(1))).unwrap_or(0),
        );
        let base = consultation_base(on, Nature::Consultation, Sector::One).unwrap_or(Cents(3000));
        add(
            rng,
            on,
            Nature::Consultation,
            &gp,
            "Médecin généraliste",
            base,
            base,
        );
        if rng.chance(700) {
            let boxes = 1 + u32::try_from(rng.below(3)).unwrap_or(0);
            let price = rng.cents(250, 1800);
            let base = Cents(price.0 * i64::from(boxes));
            let smr = if rng.chance(800) {
                Smr::Major
            } else {
                Smr::Moderate
            };
            add(
                rng,
                on.add_days(1),
                Nature::Medicine { smr, boxes },
                pharmacy,
                "Pharmacie",
                base,
                base,
            );
        }
        if rng.chance(200) {
            let base = rng.cents(1500, 6000);
            add(
                rng,
                on.add_days(3),
                Nature::Lab,
                lab,
                "Laboratoire de biologie médicale",
                base,
                base,
            );
        }
    }
    // Yearly: dentist; women: gynaecologist; every other year: ophthalmologist and glasses.
    for year in 0..=months / 12 {
        let anchor = start.add_months(i32::try_from(year * 12).unwrap_or(0));
        let dentist = format!("Dr {}, chirurgien-dentiste", person_name(rng));
        let base = rng.cents(2300, 8000);
        let on = anchor.add_days(rng_days(rng, 300));
        add(
            rng,
            on,
            Nature::Dental,
            &dentist,
            "Chirurgien-dentiste",
            base,
            base,
        );
        if t.woman && t.pregnancy.is_none() && person.birth.add_months(18 * 12) < anchor {
            let on = anchor.add_days(rng_days(rng, 300));
            let doctor = doctor(rng);
            add(
                rng,
                on,
                Nature::Specialist(Specialty::Gynaecology),
                &doctor,
                "Gynécologue",
                Cents(3000),
                Cents(5000),
            );
        }
        if year % 2 == 1 {
            let on = anchor.add_days(rng_days(rng, 300));
            let doctor = doctor(rng);
            add(
                rng,
                on,
                Nature::Specialist(Specialty::Ophthalmology),
                &doctor,
                "Ophtalmologue",
                Cents(3000),
                Cents(4500),
            );
            if rng.chance(600) {
                let charged = rng.cents(18000, 42000);
                add(
                    rng,
                    on.add_days(12),
                    Nature::Optical,
                    "Optique des Lumières",
                    "Opticien",
                    Cents(900),
                    charged,
                );
            }
        }
    }
    if rng.chance(350) {
        let on = day(rng);
        let base = rng.cents(2500, 6900);
        add(
            rng,
            on,
            Nature::Radiology,
            "Cabinet d'imagerie du Parc",
            "Radiologie",
            base,
            base,
        );
    }
    // A series of physiotherapy, twice a week for four weeks.
    if rng.chance(300) {
        let first = day(rng);
        let physio = format!("{}, masseur-kinésithérapeute", person_name(rng));
        for session in 0..8 {
            let on = first.add_days(session / 2 * 7 + session % 2 * 3);
            add(
                rng,
                on,
                Nature::Paramedical { acts: 1 },
                &physio,
                "Masseur-kinésithérapeute",
                Cents(1613),
                Cents(1613),
            );
        }
    }
    if t.ald {
        ald_care(rng, start, today, &gp, pharmacy, lab, &mut add);
    }
    if let Some(p) = t.pregnancy {
        pregnancy_care(rng, p, lab, &mut add);
    }
    if t.sick_leave {
        let on = day(rng);
        let days = 5 + u32::try_from(rng.below(10)).unwrap_or(0);
        let base = Cents(4340 * i64::from(days));
        let label = format!("Arrêt de travail de {days} jours prescrit par {gp}");
        add(
            rng,
            on,
            Nature::DailyAllowance,
            &label,
            "Indemnités journalières",
            base,
            base,
        );
    }
}

fn rng_days(rng: &mut Rng, span: u64) -> i64 {
    i64::try_from(rng.below(span)).unwrap_or(0)
}

type Add<'a> = dyn FnMut(&mut Rng, Date, Nature, &str, &'static str, Cents, Cents) + 'a;

/// An ALD's month: the médecin traitant, medicines (one irreplaceable), the nurse twice, a lab
/// test each quarter, a yearly specialist reached by ambulance and a short hospital stay.
fn ald_care(
    rng: &mut Rng,
    start: Date,
    today: Date,
    gp: &str,
    pharmacy: &str,
    lab: &str,
    add: &mut Add<'_>,
) {
    let nurse = format!("{}, infirmière", person_name(rng));
    let cardiologist = doctor(rng);
    let mut month = 0;
    while start.add_months(month) <= today {
        let first = start.add_months(month).add_days(rng_days(rng, 10));
        let g = consultation_base(first, Nature::Consultation, Sector::One).unwrap_or(Cents(3000));
        add(
            rng,
            first,
            Nature::Consultation,
            gp,
            "Médecin généraliste",
            g,
            g,
        );
        let price = rng.cents(3000, 9000);
        add(
            rng,
            first.add_days(1),
            Nature::Medicine {
                smr: Smr::Irreplaceable,
                boxes: 1,
            },
            pharmacy,
            "Pharmacie",
            price,
            price,
        );
        let price = rng.cents(600, 1500);
        add(
            rng,
            first.add_days(1),
            Nature::Medicine {
                smr: Smr::Major,
                boxes: 2,
            },
            pharmacy,
            "Pharmacie",
            Cents(price.0 * 2),
            Cents(price.0 * 2),
        );
        for visit in [3, 17] {
            add(
                rng,
                first.add_days(visit),
                Nature::Paramedical { acts: 1 },
                &nurse,
                "Infirmier",
                Cents(1070),
                Cents(1070),
            );
        }
        if month % 3 == 0 {
            let base = rng.cents(2000, 5500);
            add(
                rng,
                first.add_days(5),
                Nature::Lab,
                lab,
                "Laboratoire de biologie médicale",
                base,
                base,
            );
        }
        if month % 12 == 4 {
            let on = first.add_days(12);
            add(
                rng,
                on,
                Nature::Specialist(Specialty::Other),
                &cardiologist,
                "Cardiologue",
                Cents(5100),
                Cents(5100),
            );
            add(
                rng,
                on,
                Nature::Transport { trips: 2 },
                "Ambulances du Val",
                "Transport sanitaire",
                Cents(9600),
                Cents(9600),
            );
        }
        if month == 14 {
            let on = first.add_days(20);
            add(
                rng,
                on,
                Nature::Hospital { days: 2 },
                "Clinique des Cèdres",
                "Établissement de santé",
                Cents(184_000),
                Cents(184_000 + 4000),
            );
        }
        month += 1;
    }
}

/// A pregnancy's follow-up: a monthly visit and lab test, three ultrasounds, and the delivery.
fn pregnancy_care(rng: &mut Rng, p: Pregnancy, lab: &str, add: &mut Add<'_>) {
    let midwife = format!("{}, sage-femme", person_name(rng));
    let gynaecologist = doctor(rng);
    // The 6th month starts 5 months after conception.
    let conception = p.sixth_month.add_months(-5);
    for month in 1..=8 {
        let on = conception.add_months(month).add_days(rng_days(rng, 12));
        let (who, specialty) = if month % 2 == 0 {
            (gynaecologist.as_str(), "Gynécologue")
        } else {
            (midwife.as_str(), "Sage-femme")
        };
        add(
            rng,
            on,
            Nature::Specialist(Specialty::Gynaecology),
            who,
            specialty,
            Cents(3000),
            Cents(3000),
        );
        let base = rng.cents(1800, 4200);
        add(
            rng,
            on.add_days(2),
            Nature::Lab,
            lab,
            "Laboratoire de biologie médicale",
            base,
            base,
        );
        if month % 3 == 0 {
            add(
                rng,
                on.add_days(7),
                Nature::Radiology,
                "Cabinet d'imagerie du Parc",
                "Échographie",
                Cents(5699),
                Cents(7500),
            );
        }
    }
    if let Some(delivery) = p.delivery {
        add(
            rng,
            delivery,
            Nature::Hospital { days: 4 },
            "Maternité des Tilleuls",
            "Établissement de santé",
            Cents(290_000),
            Cents(290_000),
        );
    }
}

/// Computes, pays and numbers the planned care.
fn price(
    rng: &mut Rng,
    insured: MemberId,
    people: &[Someone],
    cares: Vec<Care>,
    today: Date,
    external_prefix: &str,
) -> Vec<NewLine> {
    let mut counters: Vec<YearCounters> = people.iter().map(|_| YearCounters::default()).collect();
    let mut lines: Vec<(NewLine, Cents)> = Vec::with_capacity(cares.len());
    for (n, mut care) in cares.into_iter().enumerate() {
        let person = &people[care.who];
        let who = Beneficiary {
            birth: person.birth,
            css: person.traits.css,
            ame: false,
            pregnancy: person.traits.pregnancy,
        };
        if person.traits.complementary {
            let gross = apply_rate(care.act.base.min(care.act.charged), rate(&care.act, &who));
            let over = care.act.charged - care.act.base.min(care.act.charged);
            let extra = match care.act.nature {
                Nature::Optical => over.min(Cents(15_000)),
                Nature::Specialist(_) | Nature::Radiology => over,
                _ => Cents::ZERO,
            };
            care.act.complementary = Some(care.act.base.min(care.act.charged) - gross + extra);
        }
        let delay = if care.act.tiers_payant {
            3
        } else {
            2 + rng_days(rng, 5)
        };
        let paid_on = care.act.date.add_days(delay);
        let pending = paid_on > today;
        let (status, amounts, exempted, hospital_charge, deferred) = match care.rejected {
            Some(_) if !pending => {
                let amounts = Amounts {
                    charged: care.act.charged,
                    remaining: care.act.charged,
                    ..Amounts::default()
                };
                (Status::Rejected, amounts, None, Cents::ZERO, Cents::ZERO)
            }
            _ => {
                let c = compute(&care.act, &who, &mut counters[care.who]);
                let amounts = Amounts {
                    charged: care.act.charged,
                    base: c.base,
                    rate_bp: c.rate_bp,
                    participation: c.participation,
                    franchise: c.franchise,
                    reimbursed: c.reimbursed,
                    paid: c.paid_now,
                    recovered: Cents::ZERO,
                    deferred: c.deferred,
                    complementary: care.act.complementary,
                    remaining: c.remaining,
                };
                let status = if pending {
                    Status::Pending
                } else {
                    Status::Paid
                };
                (
                    status,
                    amounts,
                    c.exempted,
                    c.hospital_daily_charge,
                    c.deferred,
                )
            }
        };
        let payment_date = (status == Status::Paid).then_some(paid_on);
        let line = NewLine {
            insured,
            beneficiary: person.member,
            external_ref: format!("{external_prefix}-{n:05}"),
            care_date: care.act.date,
            status,
            payment_date,
            payment_ref: payment_date
                .map(|d| format!("PAI-{}-{}", insured.0, d.to_string().replace('-', ""))),
            amounts,
            tiers_payant: care.act.tiers_payant,
            in_parcours: care.act.in_parcours,
            detail: Detail {
                nature: history::nature_code(care.act.nature),
                professional_id: care.professional.clone(),
                professional: care.professional,
                specialty: care.specialty.to_owned(),
                ald_related: care.act.ald_related,
                exemption: exempted.map(exemption_code).map(str::to_owned),
                hospital_daily_charge: hospital_charge.0,
                reject_reason: (status == Status::Rejected)
                    .then(|| care.rejected.map(str::to_owned))
                    .flatten(),
            },
        };
        lines.push((line, deferred));
    }
    recover_deferred(&mut lines);
    lines.into_iter().map(|(line, _)| line).collect()
}

/// Deductions not withheld at the time (tiers payant) are taken from the member's next
/// payments, in payment order.
fn recover_deferred(lines: &mut [(NewLine, Cents)]) {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by_key(|&i| (lines[i].0.payment_date, i));
    let mut owes = Cents::ZERO;
    for i in order {
        let (line, deferred) = &mut lines[i];
        if line.status != Status::Paid {
            continue;
        }
        if !line.tiers_payant {
            let before = line.amounts.paid;
            line.amounts.paid = apply_deferred(before, &mut owes);
            line.amounts.recovered = before - line.amounts.paid;
        }
        owes += *deferred;
    }
}

// ---- The demo directory of professionals ------------------------------------------------

const DIRECTORY_GIVEN: &[&str] = &[
    "Élise",
    "Marc",
    "Nadia",
    "Julien",
    "Claire",
    "Karim",
    "Anne",
    "Olivier",
    "Sarah",
    "Thierry",
    "Mathilde",
    "Yann",
    "Inès",
    "Hervé",
    "Fatou",
    "Grégoire",
    "Lucie",
    "Samir",
];
const DIRECTORY_FAMILY: &[&str] = &[
    "Faure",
    "Lemoine",
    "Benhamou",
    "Garnier",
    "Rousseau",
    "Chevalier",
    "Marchand",
    "Perrin",
    "Da Silva",
    "Nguyen",
    "Kervella",
    "Aubert",
    "Barbier",
    "Collin",
    "Diallo",
    "Étienne",
    "Fontaine",
    "Guérin",
    "Hamel",
    "Jacquet",
    "Lacroix",
    "Martel",
    "Noël",
    "Ollivier",
];
/// The towns of the demo personas, with a postal code and a street.
const DIRECTORY_TOWNS: &[(&str, &str, &str)] = &[
    ("Lyon", "69003", "cours Gambetta"),
    ("Ajaccio", "20000", "cours Napoléon"),
    ("Toulouse", "31000", "rue d’Alsace-Lorraine"),
    ("Paris", "75011", "boulevard Voltaire"),
    ("Marseille", "13002", "rue de la République"),
    ("Lille", "59000", "rue Nationale"),
    ("Nantes", "44000", "rue Crébillon"),
    ("Bordeaux", "33000", "cours de l’Intendance"),
    ("Strasbourg", "67000", "rue du Dôme"),
    ("Rennes", "35000", "rue de Saint-Malo"),
    ("Dijon", "21000", "rue de la Liberté"),
    ("Clermont-Ferrand", "63000", "avenue des États-Unis"),
];
/// Specialties, general practice first and most frequent.
const DIRECTORY_SPECIALTIES: &[&str] = &[
    "Médecine générale",
    "Médecine générale",
    "Médecine générale",
    "Médecine générale",
    "Pédiatrie",
    "Gynécologie médicale",
    "Cardiologie",
    "Dermatologie",
    "Ophtalmologie",
    "Psychiatrie",
];

/// A plausible directory of `per_town` doctors in each demo town (fictitious people: names
/// drawn from common French names, RPPS numbers from a range no real professional holds).
pub fn directory(per_town: usize) -> Vec<crate::db::professionals::Professional> {
    let mut rng = Rng::new(0x0D1_2EC7);
    let mut people = Vec::new();
    for (t, (city, postal_code, street)) in DIRECTORY_TOWNS.iter().enumerate() {
        for i in 0..per_town {
            let n = t * per_town + i;
            let specialty = DIRECTORY_SPECIALTIES[n % DIRECTORY_SPECIALTIES.len()];
            let sector = if specialty == "Médecine générale" || rng.chance(600) {
                Some(1)
            } else {
                Some(2)
            };
            people.push(crate::db::professionals::Professional {
                id: 0,
                rpps: format!("109{n:08}"),
                family_name: rng.pick(DIRECTORY_FAMILY).to_owned(),
                given_name: rng.pick(DIRECTORY_GIVEN).to_owned(),
                specialty: specialty.to_owned(),
                sector,
                address_line: format!("{} {street}", 1 + rng.below(120)),
                postal_code: (*postal_code).to_owned(),
                city: (*city).to_owned(),
                phone: format!(
                    "0{} {:02} {:02} {:02} {:02}",
                    1 + rng.below(5),
                    rng.below(100),
                    rng.below(100),
                    rng.below(100),
                    rng.below(100)
                ),
            });
        }
    }
    people
}
