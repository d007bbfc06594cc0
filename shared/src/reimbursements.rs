//! Reimbursement (remboursement) rules: what the fund (AMO) pays for one act of care.
//!
//! `AMO = base × taux − participation forfaitaire − franchise`, never below zero. The deductions
//! have daily and yearly caps and exemptions, and every rate and amount is dated data with its
//! source ([`AMOUNTS`], [`RATES`], read through [`tariffs_on`]), so that a 2024 act and a 2026
//! act each use the values in force on their own date. Source of truth: `reference/domain.md`,
//! section "Reimbursement (remboursement) computation".
//!
//! Rounding: amounts are integer cents and `base × taux` is rounded to the nearest cent, halves
//! up (every amount here is ≥ 0, so this is also [`Cents::checked_mul_percent`]'s rounding).

use std::collections::BTreeMap;
use std::fmt;

use crate::activation::age_on;
use crate::{Cents, Lang};

pub mod history;
pub mod simulator;
pub mod statements;

/// A calendar date (Gregorian), valid by construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, or `None` if that day does not exist (2023-02-29, month 13…).
    pub const fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Reads `YYYY-MM-DD`.
    pub fn parse(input: &str) -> Option<Date> {
        let mut parts = input.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The year.
    pub const fn year(self) -> i32 {
        self.year
    }

    /// Days since 1970-01-01 (negative before), to count days across months and years.
    pub const fn days_since_epoch(self) -> i64 {
        // H. Hinnant's days_from_civil: years start on 1 March so the leap day comes last.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let doy = (153 * ((self.month as i64 + 9) % 12) + 2) / 5 + self.day as i64 - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    const fn ymd(self) -> (i32, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// The month, 1 to 12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The date `days` days after 1970-01-01 (H. Hinnant's civil_from_days).
    pub const fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        Date { year, month, day }
    }

    /// `days` days later (earlier when negative).
    pub const fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// The same day `months` months later (earlier when negative), or the month's last day
    /// when it is shorter (31 March − 1 month = 29 or 28 February).
    pub const fn add_months(self, months: i32) -> Date {
        let index = self.year * 12 + self.month as i32 - 1 + months;
        let year = index.div_euclid(12);
        let month = (index.rem_euclid(12) + 1) as u8;
        let last = days_in_month(year, month);
        let day = if self.day > last { last } else { self.day };
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date in this file's tables; a test checks each one exists.
const fn date(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

/// The first date the tables know: the portal shows 24 to 27 months of history. An earlier act
/// gets each item's first row; check the sources before showing acts older than this.
pub const KNOWN_FROM: Date = date(2024, 1, 1);

/// An amount in the dated table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Amount {
    /// General practitioner consultation (G), secteur 1 or OPTAM: the base de remboursement.
    G,
    /// Specialist consultation base for a secteur 2 doctor outside OPTAM.
    NonOptamSpecialist,
    /// Specialist consultation base (secteur 1 or OPTAM).
    SpecialistConsultation,
    /// Participation forfaitaire per doctor act, radiology or lab analysis.
    Participation,
    /// Participation cap per day for the same professional.
    ParticipationDailyCap,
    /// Participation cap per calendar year.
    ParticipationYearlyCap,
    /// Franchise per box of medicine.
    FranchiseMedicineBox,
    /// Franchise per paramedical act.
    FranchiseParamedical,
    /// Franchise cap per day on paramedical acts.
    FranchiseParamedicalDailyCap,
    /// Franchise per medical transport trip.
    FranchiseTransport,
    /// Franchise cap per day on transport.
    FranchiseTransportDailyCap,
    /// Franchise cap per calendar year, all kinds together (separate from the participation's).
    FranchiseYearlyCap,
    /// Forfait journalier: what a hospital stay costs the patient per day, never reimbursed.
    HospitalDailyCharge,
}

/// A reimbursement rate (taux) in the dated table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rate {
    /// Doctor consultation in the parcours de soins, or a direct-access specialty.
    Parcours,
    /// Doctor consultation outside the parcours de soins.
    OutsideParcours,
    /// Medicine recognised as irreplaceable.
    MedicineIrreplaceable,
    /// Medicine with major or important medical benefit (SMR).
    MedicineMajor,
    /// Medicine with moderate medical benefit.
    MedicineModerate,
    /// Medicine with low medical benefit.
    MedicineLow,
    /// Lab analyses.
    Lab,
    /// Radiology.
    Radiology,
    /// Nurse, physiotherapist, speech therapist.
    Paramedical,
    /// Medical transport.
    Transport,
    /// Hospital stay.
    Hospital,
    /// Dental care.
    Dental,
    /// Optical devices.
    Optical,
    /// Maternity (6th month to 12 days after delivery) and ALD-related care.
    FullCover,
    /// Daily allowance: computed upstream, paid as is.
    DailyAllowance,
}

/// Dated amounts: (item, in force from, value, source); one item's rows are oldest first.
#[rustfmt::skip]
pub const AMOUNTS: &[(Amount, Date, Cents, &str)] = &[
    (Amount::G,                            KNOWN_FROM,         Cents(2650), "ameli, convention médicale"),
    (Amount::G,                            date(2024, 12, 22), Cents(3000), "ameli, convention médicale 2024-2029"),
    (Amount::NonOptamSpecialist,           KNOWN_FROM,         Cents(2300), "domain.md (verify)"),
    (Amount::SpecialistConsultation,       KNOWN_FROM,         Cents(3000), "assumed: CS, convention médicale (verify)"),
    (Amount::Participation,                KNOWN_FROM,         Cents(100),  "ameli / service-public"),
    (Amount::Participation,                date(2024, 5, 15),  Cents(200),  "ameli / service-public"),
    (Amount::ParticipationDailyCap,        KNOWN_FROM,         Cents(400),  "ameli / service-public"),
    (Amount::ParticipationYearlyCap,       KNOWN_FROM,         Cents(5000), "ameli / service-public"),
    (Amount::FranchiseMedicineBox,         KNOWN_FROM,         Cents(50),   "ameli"),
    (Amount::FranchiseMedicineBox,         date(2024, 3, 31),  Cents(100),  "ameli"),
    (Amount::FranchiseParamedical,         KNOWN_FROM,         Cents(50),   "ameli"),
    (Amount::FranchiseParamedical,         date(2024, 3, 31),  Cents(100),  "ameli"),
    (Amount::FranchiseParamedicalDailyCap, KNOWN_FROM,         Cents(200),  "ameli (assumed halved before 2024-03-31, verify)"),
    (Amount::FranchiseParamedicalDailyCap, date(2024, 3, 31),  Cents(400),  "ameli"),
    (Amount::FranchiseTransport,           KNOWN_FROM,         Cents(200),  "ameli"),
    (Amount::FranchiseTransport,           date(2024, 3, 31),  Cents(400),  "ameli"),
    (Amount::FranchiseTransportDailyCap,   KNOWN_FROM,         Cents(400),  "ameli"),
    (Amount::FranchiseTransportDailyCap,   date(2024, 3, 31),  Cents(800),  "ameli"),
    (Amount::FranchiseYearlyCap,           KNOWN_FROM,         Cents(5000), "ameli"),
    (Amount::HospitalDailyCharge,          KNOWN_FROM,         Cents(2000), "domain.md (verify)"),
];

/// Dated rates in basis points (7000 = 70 %): (item, in force from, value, source).
#[rustfmt::skip]
pub const RATES: &[(Rate, Date, u32, &str)] = &[
    (Rate::Parcours,              KNOWN_FROM, 7000,   "ameli"),
    (Rate::OutsideParcours,       KNOWN_FROM, 3000,   "ameli"),
    (Rate::MedicineIrreplaceable, KNOWN_FROM, 10_000, "ameli (verify)"),
    (Rate::MedicineMajor,         KNOWN_FROM, 6500,   "ameli (verify)"),
    (Rate::MedicineModerate,      KNOWN_FROM, 3000,   "ameli (verify)"),
    (Rate::MedicineLow,           KNOWN_FROM, 1500,   "ameli (verify)"),
    (Rate::Lab,                   KNOWN_FROM, 6000,   "domain.md (verify)"),
    (Rate::Radiology,             KNOWN_FROM, 7000,   "assumed: doctor's technical act (verify)"),
    (Rate::Paramedical,           KNOWN_FROM, 6000,   "domain.md (verify)"),
    (Rate::Transport,             KNOWN_FROM, 5500,   "domain.md (verify)"),
    (Rate::Hospital,              KNOWN_FROM, 8000,   "domain.md (verify)"),
    (Rate::Dental,                KNOWN_FROM, 6000,   "assumed: ameli, 60 % since 2023-10-01 (verify)"),
    (Rate::Optical,               KNOWN_FROM, 6000,   "assumed (verify)"),
    (Rate::FullCover,             KNOWN_FROM, 10_000, "ameli"),
    (Rate::DailyAllowance,        KNOWN_FROM, 10_000, "computed upstream, paid as is"),
];

/// The values in force on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tariffs {
    on: Date,
}

/// The tables as they stand on `on`.
pub fn tariffs_on(on: Date) -> Tariffs {
    Tariffs { on }
}

impl Tariffs {
    /// The amount in force (zero only if the table lacked the item, which a test rules out).
    pub fn amount(self, item: Amount) -> Cents {
        in_force(AMOUNTS, item, self.on).unwrap_or_default()
    }

    /// The rate in force, in basis points.
    pub fn rate(self, item: Rate) -> u32 {
        in_force(RATES, item, self.on).unwrap_or_default()
    }
}

/// The value of `item`'s last row in force on `on`, or of its first row for earlier dates.
fn in_force<K: PartialEq, V: Copy>(table: &[(K, Date, V, &str)], item: K, on: Date) -> Option<V> {
    let mut rows = table.iter().filter(|row| row.0 == item);
    let first = rows.next()?;
    Some(rows.filter(|row| row.1 <= on).last().unwrap_or(first).2)
}

/// A doctor's sector, which sets the consultation base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sector {
    /// Secteur 1: convention tariffs.
    One,
    /// Secteur 2 with the OPTAM price-moderation option.
    TwoOptam,
    /// Secteur 2 without OPTAM.
    TwoNonOptam,
}

/// The consultation base the tables know, if any: G for a general practitioner in secteur 1 or
/// OPTAM, the non-OPTAM base for a secteur 2 specialist; otherwise the base comes with the bill.
pub fn consultation_base(on: Date, nature: Nature, sector: Sector) -> Option<Cents> {
    let item = match (nature, sector) {
        (Nature::Consultation, Sector::One | Sector::TwoOptam) => Amount::G,
        (Nature::Specialist(_), Sector::TwoNonOptam) => Amount::NonOptamSpecialist,
        _ => return None,
    };
    Some(tariffs_on(on).amount(item))
}

/// A specialist's field, as far as it changes the rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Specialty {
    /// Gynaecology: direct access.
    Gynaecology,
    /// Ophthalmology: direct access.
    Ophthalmology,
    /// Psychiatry: direct access from 16 to 25 years old.
    Psychiatry,
    /// Stomatology: direct access.
    Stomatology,
    /// Any other specialty: needs the médecin traitant's referral.
    Other,
}

/// Medical benefit (service médical rendu) of a medicine, which sets its rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Smr {
    /// Irreplaceable and costly: 100 %.
    Irreplaceable,
    /// Major or important: 65 %.
    Major,
    /// Moderate: 30 %.
    Moderate,
    /// Low: 15 %.
    Low,
}

/// Nature of the act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nature {
    /// General practitioner consultation.
    Consultation,
    /// Specialist consultation.
    Specialist(Specialty),
    /// Medicines, one franchise per box.
    Medicine {
        /// Medical benefit.
        smr: Smr,
        /// Number of boxes.
        boxes: u32,
    },
    /// Lab analyses.
    Lab,
    /// Radiology.
    Radiology,
    /// Paramedical acts (nurse, physiotherapist, speech therapist).
    Paramedical {
        /// Number of acts.
        acts: u32,
    },
    /// Medical transport.
    Transport {
        /// Number of trips (one way each).
        trips: u32,
    },
    /// Hospital stay.
    Hospital {
        /// Days charged the forfait journalier.
        days: u32,
    },
    /// Dental care.
    Dental,
    /// Optical devices.
    Optical,
    /// Daily allowance (indemnités journalières): the base is the allowance computed upstream;
    /// `charged` is ignored.
    DailyAllowance,
}

/// One act to reimburse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    /// Date of care: it selects the tariffs, and the day and year of the caps.
    pub date: Date,
    /// What was done.
    pub nature: Nature,
    /// A stable key for the professional (RPPS/ADELI number): the participation's daily cap is
    /// per professional.
    pub professional: String,
    /// What the member was billed, dépassements and forfait journalier included.
    pub charged: Cents,
    /// Base de remboursement (e.g. [`consultation_base`]); limited to `charged` when computing.
    pub base: Cents,
    /// In the parcours de soins (médecin traitant, referral, emergency, away from home…).
    pub in_parcours: bool,
    /// Care for the member's affection de longue durée: 100 %, deductions still apply.
    pub ald_related: bool,
    /// Tiers payant: the fund pays the professional; deductions are taken from later payments.
    pub tiers_payant: bool,
    /// What the complementary insurer paid, when known.
    pub complementary: Option<Cents>,
}

/// A pregnancy, for the maternity cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pregnancy {
    /// First day of the 6th month.
    pub sixth_month: Date,
    /// Delivery date, once known.
    pub delivery: Option<Date>,
}

impl Pregnancy {
    /// Maternity cover: from the 1st day of the 6th month to 12 days after delivery, inclusive.
    pub fn covers(&self, on: Date) -> bool {
        let day = on.days_since_epoch();
        let ended = self
            .delivery
            .is_some_and(|d| day > d.days_since_epoch() + 12);
        on >= self.sixth_month && !ended
    }
}

/// The person cared for, as of the date of care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Beneficiary {
    /// Birth date.
    pub birth: Date,
    /// Has the Complémentaire santé solidaire.
    pub css: bool,
    /// Has the Aide médicale de l'État.
    pub ame: bool,
    /// Current or recent pregnancy.
    pub pregnancy: Option<Pregnancy>,
}

impl Beneficiary {
    /// Age in whole years on `on`.
    pub fn age_on(&self, on: Date) -> i32 {
        age_on(self.birth.ymd(), on.ymd())
    }

    /// Whether deductions are waived on `on`, and why.
    pub fn exemption(&self, on: Date) -> Option<Exemption> {
        if self.age_on(on) < 18 {
            Some(Exemption::Minor)
        } else if self.pregnancy.is_some_and(|p| p.covers(on)) {
            Some(Exemption::Pregnancy)
        } else if self.css {
            Some(Exemption::Css)
        } else {
            self.ame.then_some(Exemption::Ame)
        }
    }
}

/// Why no participation forfaitaire nor franchise is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exemption {
    /// Under 18 on the date of care.
    Minor,
    /// From the 6th month of pregnancy to 12 days after delivery.
    Pregnancy,
    /// Complémentaire santé solidaire.
    Css,
    /// Aide médicale de l'État.
    Ame,
}

impl Exemption {
    /// A few words for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Exemption::Minor, Lang::Fr) => "moins de 18 ans",
            (Exemption::Minor, Lang::En) => "under 18",
            (Exemption::Pregnancy, Lang::Fr) => "grossesse, à partir du 6e mois",
            (Exemption::Pregnancy, Lang::En) => "pregnancy, from the 6th month",
            (Exemption::Css, Lang::Fr) => "Complémentaire santé solidaire",
            (Exemption::Css, Lang::En) => "Complémentaire santé solidaire (CSS)",
            (Exemption::Ame, Lang::Fr) => "Aide médicale de l'État",
            (Exemption::Ame, Lang::En) => "State medical aid (AME)",
        }
    }
}

/// Deductions already taken from one person, so that the caps hold across acts: one per
/// person, for any number of years, acts in any order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearCounters {
    participation_year: BTreeMap<i32, Cents>,
    franchise_year: BTreeMap<i32, Cents>,
    daily: BTreeMap<(Date, DailyKey), Cents>,
}

/// What a daily cap counts: participations per professional, franchises per kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum DailyKey {
    Participation(String),
    Paramedical,
    Transport,
}

impl YearCounters {
    /// Participation forfaitaire taken in `year`.
    pub fn participation_in(&self, year: i32) -> Cents {
        let taken = self.participation_year.get(&year);
        taken.copied().unwrap_or_default()
    }

    /// Franchises taken in `year`.
    pub fn franchise_in(&self, year: i32) -> Cents {
        self.franchise_year.get(&year).copied().unwrap_or_default()
    }

    /// Takes `count × unit`, cut to what the daily cap (if any) and the yearly cap leave.
    fn take(
        &mut self,
        t: Tariffs,
        on: Date,
        unit: Amount,
        count: u32,
        daily: Option<DailyKey>,
    ) -> Cents {
        let (years, cap) = if unit == Amount::Participation {
            (&mut self.participation_year, Amount::ParticipationYearlyCap)
        } else {
            (&mut self.franchise_year, Amount::FranchiseYearlyCap)
        };
        let year_used = years.entry(on.year()).or_default();
        let wanted = Cents(t.amount(unit).0.saturating_mul(i64::from(count)));
        let mut amount = wanted.min(room(t.amount(cap), *year_used));
        if let Some(key) = daily {
            let cap = match key {
                DailyKey::Participation(_) => Amount::ParticipationDailyCap,
                DailyKey::Paramedical => Amount::FranchiseParamedicalDailyCap,
                DailyKey::Transport => Amount::FranchiseTransportDailyCap,
            };
            let day_used = self.daily.entry((on, key)).or_default();
            amount = amount.min(room(t.amount(cap), *day_used));
            *day_used += amount;
        }
        *year_used += amount;
        amount
    }
}

fn room(cap: Cents, used: Cents) -> Cents {
    (cap - used).max(Cents::ZERO)
}

/// The result for one act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Computation {
    /// Base de remboursement used: the act's base, limited to what was charged.
    pub base: Cents,
    /// Rate in basis points (7000 = 70 %).
    pub rate_bp: u32,
    /// `base × rate`, rounded to the nearest cent, halves up.
    pub gross: Cents,
    /// Participation forfaitaire taken, after caps and exemptions.
    pub participation: Cents,
    /// Franchise médicale taken, after caps and exemptions.
    pub franchise: Cents,
    /// AMO: `gross − participation − franchise`, never below zero.
    pub reimbursed: Cents,
    /// What the fund pays now for this act (to the professional under tiers payant).
    pub paid_now: Cents,
    /// Deductions not withheld now (tiers payant, or more than `gross`), for [`apply_deferred`].
    pub deferred: Cents,
    /// Reste à charge: `charged − reimbursed − complementary`, never below zero.
    pub remaining: Cents,
    /// Forfait journalier the member owes the hospital (part of `remaining`).
    pub hospital_daily_charge: Cents,
    /// Why deductions that would apply were waived.
    pub exempted: Option<Exemption>,
}

/// The rate for `act`, in basis points.
pub fn rate(act: &Act, who: &Beneficiary) -> u32 {
    let maternity = who.pregnancy.is_some_and(|p| p.covers(act.date));
    let direct = |s| match s {
        Specialty::Gynaecology | Specialty::Ophthalmology | Specialty::Stomatology => true,
        Specialty::Psychiatry => (16..=25).contains(&who.age_on(act.date)),
        Specialty::Other => false,
    };
    let item = match act.nature {
        Nature::DailyAllowance => Rate::DailyAllowance,
        _ if act.ald_related || maternity => Rate::FullCover,
        Nature::Consultation if act.in_parcours => Rate::Parcours,
        Nature::Specialist(s) if act.in_parcours || direct(s) => Rate::Parcours,
        Nature::Consultation | Nature::Specialist(_) => Rate::OutsideParcours,
        Nature::Medicine { smr, .. } => match smr {
            Smr::Irreplaceable => Rate::MedicineIrreplaceable,
            Smr::Major => Rate::MedicineMajor,
            Smr::Moderate => Rate::MedicineModerate,
            Smr::Low => Rate::MedicineLow,
        },
        Nature::Lab => Rate::Lab,
        Nature::Radiology => Rate::Radiology,
        Nature::Paramedical { .. } => Rate::Paramedical,
        Nature::Transport { .. } => Rate::Transport,
        Nature::Hospital { .. } => Rate::Hospital,
        Nature::Dental => Rate::Dental,
        Nature::Optical => Rate::Optical,
    };
    tariffs_on(act.date).rate(item)
}

/// Computes one act and records its deductions in `counters` (the member's, all years).
pub fn compute(act: &Act, who: &Beneficiary, counters: &mut YearCounters) -> Computation {
    let t = tariffs_on(act.date);
    let charged = match act.nature {
        Nature::DailyAllowance => act.base,
        _ => act.charged,
    }
    .max(Cents::ZERO);
    let base = act.base.clamp(Cents::ZERO, charged);
    let rate_bp = rate(act, who);
    let gross = apply_rate(base, rate_bp);
    let professional = DailyKey::Participation(act.professional.clone());
    let (unit, count, daily) = match act.nature {
        Nature::Consultation | Nature::Specialist(_) | Nature::Lab | Nature::Radiology => {
            (Amount::Participation, 1, Some(professional))
        }
        Nature::Medicine { boxes, .. } => (Amount::FranchiseMedicineBox, boxes, None),
        Nature::Paramedical { acts } => (
            Amount::FranchiseParamedical,
            acts,
            Some(DailyKey::Paramedical),
        ),
        Nature::Transport { trips } => {
            (Amount::FranchiseTransport, trips, Some(DailyKey::Transport))
        }
        _ => (Amount::Participation, 0, None),
    };
    let exemption = who.exemption(act.date);
    let exempted = exemption.filter(|_| count > 0);
    let taken = match exempted {
        None if count > 0 => counters.take(t, act.date, unit, count, daily),
        _ => Cents::ZERO,
    };
    let is_participation = unit == Amount::Participation;
    let withheld = if act.tiers_payant {
        Cents::ZERO
    } else {
        taken.min(gross)
    };
    let reimbursed = (gross - taken).max(Cents::ZERO);
    let complementary = act.complementary.unwrap_or_default().max(Cents::ZERO);
    let hospital_daily_charge = match (act.nature, exemption) {
        (Nature::Hospital { days }, None | Some(Exemption::Minor)) => Cents(
            t.amount(Amount::HospitalDailyCharge)
                .0
                .saturating_mul(i64::from(days)),
        ),
        _ => Cents::ZERO,
    };
    Computation {
        base,
        rate_bp,
        gross,
        participation: if is_participation { taken } else { Cents::ZERO },
        franchise: if is_participation { Cents::ZERO } else { taken },
        reimbursed,
        paid_now: gross - withheld,
        deferred: taken - withheld,
        remaining: (charged - reimbursed - complementary).max(Cents::ZERO),
        hospital_daily_charge,
        exempted,
    }
}

/// `amount × rate_bp / 10 000`, to the nearest cent, halves up (amounts here are ≥ 0).
pub fn apply_rate(amount: Cents, rate_bp: u32) -> Cents {
    let product = i128::from(amount.0) * i128::from(rate_bp);
    Cents(i64::try_from((product + 5000).div_euclid(10_000)).unwrap_or(i64::MAX))
}

/// Takes what the member still `owes` (deferred deductions) from a `payment`: returns what is
/// left to pay out and lowers `owes` by what was taken.
pub fn apply_deferred(payment: Cents, owes: &mut Cents) -> Cents {
    let taken = (*owes).min(payment).max(Cents::ZERO);
    *owes -= taken;
    payment - taken
}

/// The computation in words, e.g.
/// `30,00 € × 70 % − 2,00 € de participation forfaitaire = 19,00 €`.
pub fn explain(c: &Computation, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let say = |fr_text: &'static str, en_text: &'static str| if fr { fr_text } else { en_text };
    let money = |x: Cents| x.format(lang);
    let mut out = format!("{} × {}", money(c.base), percent(c.rate_bp, lang));
    let participation = say("de participation forfaitaire", "flat-rate contribution");
    let franchise = say("de franchise médicale", "medical deductible");
    for (amount, what) in [(c.participation, participation), (c.franchise, franchise)] {
        if amount > Cents::ZERO {
            out.push_str(&format!(" − {} {what}", money(amount)));
        }
    }
    out.push_str(&format!(" = {}", money(c.reimbursed)));
    let mut notes = Vec::new();
    if let Some(e) = c.exempted {
        let why = say(
            "Ni participation forfaitaire ni franchise :",
            "No deductions:",
        );
        notes.push(format!("{why} {}", e.label(lang)));
    }
    if c.deferred > Cents::ZERO {
        let when = say(
            "seront déduits d'un prochain remboursement",
            "will be deducted later",
        );
        notes.push(format!("{} {when}", money(c.deferred)));
    }
    if c.hospital_daily_charge > Cents::ZERO {
        let what = say(
            "Forfait journalier à votre charge :",
            "Daily hospital charge to pay:",
        );
        notes.push(format!("{what} {}", money(c.hospital_daily_charge)));
    }
    for note in &notes {
        out.push_str(". ");
        out.push_str(note);
    }
    if !notes.is_empty() {
        out.push('.');
    }
    out
}

/// `7000` → `70 %` in French (no-break space), `70%` in English; `6550` → `65,5 %`.
fn percent(rate_bp: u32, lang: Lang) -> String {
    let (whole, hundredths) = (rate_bp / 100, rate_bp % 100);
    let sep = if lang == Lang::Fr { ',' } else { '.' };
    let number = match hundredths {
        0 => whole.to_string(),
        h if h % 10 == 0 => format!("{whole}{sep}{}", h / 10),
        h => format!("{whole}{sep}{h:02}"),
    };
    match lang {
        Lang::Fr => format!("{number}\u{a0}%"),
        Lang::En => format!("{number}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn born(birth: &str) -> Beneficiary {
        let birth = d(birth);
        Beneficiary {
            birth,
            css: false,
            ame: false,
            pregnancy: None,
        }
    }

    fn adult() -> Beneficiary {
        born("1980-06-15")
    }

    fn act(on: &str, nature: Nature, base: i64, charged: i64) -> Act {
        Act {
            date: d(on),
            nature,
            professional: "a".into(),
            charged: Cents(charged),
            base: Cents(base),
            in_parcours: true,
            ald_related: false,
            tiers_payant: false,
            complementary: None,
        }
    }

    fn once(a: &Act, who: &Beneficiary) -> Computation {
        compute(a, who, &mut YearCounters::default())
    }

    /// A computation's amounts in cents, on one line.
    fn sums(c: &Computation) -> String {
        let (pf, fr, amo) = (c.participation.0, c.franchise.0, c.reimbursed.0);
        let (now, later, rest) = (c.paid_now.0, c.deferred.0, c.remaining.0);
        let head = format!("{} × {} = {}", c.base.0, c.rate_bp, c.gross.0);
        format!("{head}, pf {pf}, fr {fr}, amo {amo}, now {now}, later {later}, rest {rest}")
    }

    #[test]
    fn worked_example_g_in_parcours_adult_is_19_euros() {
        let base = consultation_base(d("2026-03-02"), Nature::Consultation, Sector::One);
        let c = once(
            &act("2026-03-02", Nature::Consultation, base.unwrap().0, 3000),
            &adult(),
        );
        let expected = "3000 × 7000 = 2100, pf 200, fr 0, amo 1900, now 1900, later 0, rest 1100";
        assert_eq!(sums(&c), expected);
        let fr =
            "30,00\u{a0}€ × 70\u{a0}% − 2,00\u{a0}€ de participation forfaitaire = 19,00\u{a0}€";
        assert_eq!(explain(&c, Lang::Fr), fr);
        let en = "€30.00 × 70% − €2.00 flat-rate contribution = €19.00";
        assert_eq!(explain(&c, Lang::En), en);
    }

    #[test]
    fn worked_example_with_35_euros_charged_is_still_19_euros() {
        let c = once(
            &act("2026-03-02", Nature::Consultation, 3000, 3500),
            &adult(),
        );
        let expected = "3000 × 7000 = 2100, pf 200, fr 0, amo 1900, now 1900, later 0, rest 1600";
        assert_eq!(sums(&c), expected);
    }

    #[test]
    fn each_act_uses_the_values_in_force_on_its_date() {
        let g = |on| {
            consultation_base(d(on), Nature::Consultation, Sector::One)
                .unwrap()
                .0
        };
        assert_eq!(
            ["2019-01-01", "2024-12-21", "2024-12-22"].map(g),
            [2650, 2650, 3000]
        );
        let specialist = Nature::Specialist(Specialty::Other);
        assert_eq!(
            consultation_base(d("2025-01-10"), specialist, Sector::TwoNonOptam),
            Some(Cents(2300))
        );
        assert_eq!(
            consultation_base(d("2025-01-10"), specialist, Sector::One),
            None
        );
        let amo = |on| {
            once(&act(on, Nature::Consultation, g(on), 5000), &adult())
                .reimbursed
                .0
        };
        assert_eq!(
            ["2024-05-14", "2024-05-15", "2024-12-22"].map(amo),
            [1755, 1655, 1900]
        );
        let cents = |on, item| tariffs_on(d(on)).amount(item).0;
        assert_eq!(cents("2024-03-30", Amount::FranchiseMedicineBox), 50);
        assert_eq!(cents("2024-03-31", Amount::FranchiseMedicineBox), 100);
        assert_eq!(cents("2024-03-30", Amount::FranchiseTransport), 200);
        assert_eq!(cents("2024-03-31", Amount::FranchiseTransport), 400);
        assert_eq!(cents("2024-03-31", Amount::FranchiseTransportDailyCap), 800);
    }

    #[test]
    fn every_item_has_rows_from_real_dates_in_order_with_a_source() {
        use {Amount as A, Rate as R};
        #[rustfmt::skip]
        let amounts = [
            A::G, A::NonOptamSpecialist, A::Participation, A::ParticipationDailyCap,
            A::ParticipationYearlyCap, A::FranchiseMedicineBox, A::FranchiseParamedical,
            A::FranchiseParamedicalDailyCap, A::FranchiseTransport, A::FranchiseTransportDailyCap,
            A::FranchiseYearlyCap, A::HospitalDailyCharge,
        ];
        #[rustfmt::skip]
        let rates = [
            R::Parcours, R::OutsideParcours, R::MedicineIrreplaceable, R::MedicineMajor,
            R::MedicineModerate, R::MedicineLow, R::Lab, R::Radiology, R::Paramedical,
            R::Transport, R::Hospital, R::Dental, R::Optical, R::FullCover, R::DailyAllowance,
        ];
        let since = |rows: Vec<Date>| !rows.is_empty() && rows.is_sorted();
        for item in amounts {
            assert!(since(
                AMOUNTS
                    .iter()
                    .filter(|r| r.0 == item)
                    .map(|r| r.1)
                    .collect()
            ));
        }
        for item in rates {
            assert!(since(
                RATES.iter().filter(|r| r.0 == item).map(|r| r.1).collect()
            ));
        }
        let rows = AMOUNTS.iter().map(|r| (r.1, r.3));
        for (since, source) in rows.chain(RATES.iter().map(|r| (r.1, r.3))) {
            assert_eq!(Date::parse(&since.to_string()), Some(since));
            assert!(since >= KNOWN_FROM && !source.is_empty());
        }
    }

    #[test]
    fn rates_follow_the_parcours_direct_access_and_full_cover_rules() {
        let who = adult();
        let rate_of = |nature, in_parcours, ald_related| {
            let mut a = act("2026-02-02", nature, 0, 0);
            (a.in_parcours, a.ald_related) = (in_parcours, ald_related);
            rate(&a, &who)
        };
        assert_eq!(rate_of(Nature::Consultation, true, false), 7000);
        assert_eq!(rate_of(Nature::Consultation, false, false), 3000);
        assert_eq!(rate_of(Nature::Consultation, false, true), 10_000);
        let specialist = |s| rate_of(Nature::Specialist(s), false, false);
        use Specialty::*;
        let specialties = [Other, Gynaecology, Ophthalmology, Stomatology];
        assert_eq!(specialties.map(specialist), [3000, 7000, 7000, 7000]);
        let medicine = |smr| rate_of(Nature::Medicine { smr, boxes: 1 }, true, false);
        let smrs = [Smr::Irreplaceable, Smr::Major, Smr::Moderate, Smr::Low];
        assert_eq!(smrs.map(medicine), [10_000, 6500, 3000, 1500]);
        assert_eq!(rate_of(Nature::Lab, true, false), 6000);
        assert_eq!(rate_of(Nature::Transport { trips: 1 }, true, false), 5500);
        assert_eq!(rate_of(Nature::Hospital { days: 1 }, true, false), 8000);
        assert_eq!(rate_of(Nature::DailyAllowance, false, true), 10_000);
        let allowance = once(&act("2026-02-02", Nature::DailyAllowance, 5000, 0), &who);
        assert_eq!(
            (allowance.reimbursed, allowance.remaining),
            (Cents(5000), Cents::ZERO)
        );
    }

    #[test]
    fn psychiatry_is_direct_access_from_16_to_25_years_old() {
        let who = born("2000-06-15");
        let psy = |on| {
            let mut a = act(on, Nature::Specialist(Specialty::Psychiatry), 0, 0);
            a.in_parcours = false;
            rate(&a, &who)
        };
        let days = ["2016-06-14", "2016-06-15", "2026-06-14", "2026-06-15"];
        assert_eq!(days.map(psy), [3000, 7000, 7000, 3000]);
    }

    #[test]
    fn exemptions_start_and_end_on_the_right_day() {
        let minor = born("2008-06-15");
        assert_eq!(minor.exemption(d("2026-06-14")), Some(Exemption::Minor));
        assert_eq!(minor.exemption(d("2026-06-15")), None);
        let mut mother = adult();
        let (sixth_month, delivery) = (d("2026-01-10"), Some(d("2026-04-20")));
        mother.pregnancy = Some(Pregnancy {
            sixth_month,
            delivery,
        });
        let on = |s| mother.exemption(d(s)).is_some();
        let days = ["2026-01-09", "2026-01-10", "2026-05-02", "2026-05-03"];
        assert_eq!(days.map(on), [false, true, true, false]);
        let (mut css, mut ame) = (adult(), adult());
        (css.css, ame.ame) = (true, true);
        assert_eq!(css.exemption(d("2026-01-01")), Some(Exemption::Css));
        assert_eq!(ame.exemption(d("2026-01-01")), Some(Exemption::Ame));
        let c = once(
            &act("2026-03-01", Nature::Consultation, 3000, 3000),
            &mother,
        );
        let expected = "3000 × 10000 = 3000, pf 0, fr 0, amo 3000, now 3000, later 0, rest 0";
        assert_eq!(sums(&c), expected);
        let c = once(
            &act("2026-03-01", Nature::Transport { trips: 2 }, 5000, 5000),
            &minor,
        );
        let expected = "5000 × 5500 = 2750, pf 0, fr 0, amo 2750, now 2750, later 0, rest 2250";
        assert_eq!(sums(&c), expected);
        let note = ". Ni participation forfaitaire ni franchise : moins de 18 ans.";
        assert!(explain(&c, Lang::Fr).ends_with(note));
    }

    #[test]
    fn participation_is_capped_at_4_euros_a_day_per_professional_and_50_a_year() {
        let (who, mut counters) = (adult(), YearCounters::default());
        let mut pf = |on: &str, professional: &str| {
            let mut a = act(on, Nature::Lab, 900, 900);
            a.professional = professional.into();
            compute(&a, &who, &mut counters).participation.0
        };
        let same_day = ["a", "a", "a", "b"].map(|p| pf("2025-01-02", p));
        assert_eq!(
            same_day,
            [200, 200, 0, 200],
            "4 € a day for the same professional"
        );
        for day in 3..=24 {
            pf(&format!("2025-01-{day:02}"), "a");
        }
        assert_eq!(
            pf("2025-01-25", "a"),
            0,
            "25 participations of 2 € make 50 €"
        );
        assert_eq!(
            pf("2026-01-01", "a"),
            200,
            "a new calendar year starts again"
        );
        assert_eq!(counters.participation_in(2025), Cents(5000));
    }

    #[test]
    fn franchises_have_their_own_daily_and_yearly_caps() {
        let (who, mut counters) = (adult(), YearCounters::default());
        let mut fr = |on, nature| compute(&act(on, nature, 9000, 9000), &who, &mut counters);
        let transport = Nature::Transport { trips: 3 };
        assert_eq!(
            fr("2024-03-30", transport).franchise.0,
            400,
            "2 € a trip, 4 € a day"
        );
        assert_eq!(
            fr("2024-03-31", transport).franchise.0,
            800,
            "4 € a trip, 8 € a day"
        );
        let paramedical = Nature::Paramedical { acts: 3 };
        assert_eq!(fr("2025-02-01", paramedical).franchise.0, 300);
        assert_eq!(fr("2025-02-01", paramedical).franchise.0, 100, "4 € a day");
        let boxes = |boxes| Nature::Medicine {
            smr: Smr::Major,
            boxes,
        };
        assert_eq!(fr("2025-02-02", boxes(48)).franchise.0, 4600, "50 € a year");
        assert_eq!(fr("2025-02-03", boxes(2)).franchise.0, 0);
        assert_eq!(fr("2025-02-03", Nature::Consultation).participation.0, 200);
        assert_eq!(counters.franchise_in(2025), Cents(5000));
        assert_eq!(counters.participation_in(2025), Cents(200));
    }

    #[test]
    fn tiers_payant_defers_deductions_to_later_payments() {
        let mut a = act("2026-03-02", Nature::Consultation, 3000, 3000);
        a.tiers_payant = true;
        let c = once(&a, &adult());
        let expected = "3000 × 7000 = 2100, pf 200, fr 0, amo 1900, now 2100, later 200, rest 1100";
        assert_eq!(sums(&c), expected);
        assert!(explain(&c, Lang::En).ends_with(". €2.00 will be deducted later."));
        let mut owes = c.deferred;
        let payments = [150, 1000, 500].map(|p| apply_deferred(Cents(p), &mut owes).0);
        assert_eq!((payments, owes), ([0, 950, 500], Cents::ZERO));
    }

    #[test]
    fn deductions_above_the_payment_are_carried_over_never_negative() {
        let low = Nature::Medicine {
            smr: Smr::Low,
            boxes: 1,
        };
        let c = once(&act("2026-03-02", low, 200, 200), &adult());
        let expected = "200 × 1500 = 30, pf 0, fr 100, amo 0, now 0, later 70, rest 200";
        assert_eq!(sums(&c), expected);
    }

    #[test]
    fn rounding_is_to_the_nearest_cent_halves_up() {
        assert_eq!(apply_rate(Cents(2650), 7000), Cents(1855));
        assert_eq!(apply_rate(Cents(10), 5500), Cents(6)); // 5,5 c
        assert_eq!(apply_rate(Cents(333), 1500), Cents(50)); // 49,95 c
        assert_eq!(apply_rate(Cents(333), 6500), Cents(216)); // 216,45 c
        assert_eq!(apply_rate(Cents(i64::MAX), 10_000), Cents(i64::MAX));
        assert_eq!(percent(6550, Lang::Fr), "65,5\u{a0}%");
        assert_eq!(percent(1234, Lang::En), "12.34%");
    }

    #[test]
    fn hospital_stays_bear_the_daily_charge_except_under_css_ame_and_maternity() {
        let stay = act("2026-03-02", Nature::Hospital { days: 3 }, 100_000, 106_000);
        let c = once(&stay, &adult());
        let expected =
            "100000 × 8000 = 80000, pf 0, fr 0, amo 80000, now 80000, later 0, rest 26000";
        assert_eq!(sums(&c), expected);
        assert_eq!(c.hospital_daily_charge, Cents(6000));
        let note = "Forfait journalier à votre charge : 60,00\u{a0}€.";
        assert!(explain(&c, Lang::Fr).ends_with(note));
        let mut css = adult();
        css.css = true;
        assert_eq!(once(&stay, &css).hospital_daily_charge, Cents::ZERO);
    }

    #[test]
    fn dates_parse_strictly_and_count_days() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        let bad = [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "+024-01-01",
            "2024-01-01-1",
            "",
        ];
        assert_eq!(bad.map(Date::parse), [None; 6]);
        let days = ["1969-12-31", "1970-01-01", "2000-02-28", "2000-03-01"];
        assert_eq!(
            days.map(|s| d(s).days_since_epoch()),
            [-1, 0, 11_015, 11_017]
        );
    }

    /// Xorshift64: deterministic pseudo-random numbers for property-style tests.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }

        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            items[self.below(items.len() as u64) as usize]
        }
    }

    fn random_act(rng: &mut Rng, year: i32) -> Act {
        let n = 1 + rng.below(4) as u32;
        let smr = rng.pick(&[Smr::Irreplaceable, Smr::Major, Smr::Moderate, Smr::Low]);
        let specialty = rng.pick(&[Specialty::Psychiatry, Specialty::Other]);
        let natures = [
            Nature::Consultation,
            Nature::Specialist(specialty),
            Nature::Medicine { smr, boxes: n },
            Nature::Lab,
            Nature::Radiology,
            Nature::Paramedical { acts: n },
            Nature::Transport { trips: n },
            Nature::Hospital { days: n },
            Nature::Dental,
            Nature::Optical,
            Nature::DailyAllowance,
        ];
        let base = rng.below(20_000) as i64;
        Act {
            date: Date::new(year, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8).unwrap(),
            nature: rng.pick(&natures),
            professional: rng.below(3).to_string(),
            charged: Cents(base + rng.below(6000) as i64 - 1000),
            base: Cents(base),
            in_parcours: rng.below(3) > 0,
            ald_related: rng.below(5) == 0,
            tiers_payant: rng.below(2) == 0,
            complementary: (rng.below(2) == 0).then(|| Cents(rng.below(5000) as i64)),
        }
    }

    #[test]
    fn random_years_never_go_negative_above_the_base_or_over_a_cap() {
        for seed in 1..=24_u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let (year, who, mut counters) =
                (2024 + (seed % 3) as i32, adult(), YearCounters::default());
            let (mut participation, mut franchise) = (Cents::ZERO, Cents::ZERO);
            let mut daily: BTreeMap<(Date, String), Cents> = BTreeMap::new();
            for _ in 0..2000 {
                let a = random_act(&mut rng, year);
                let c = compute(&a, &who, &mut counters);
                let zero = Cents::ZERO;
                let billed = match a.nature {
                    Nature::DailyAllowance => a.base,
                    _ => a.charged,
                };
                let sane = c.base <= billed.max(zero)
                    && zero <= c.reimbursed
                    && c.reimbursed <= c.base
                    && zero <= c.paid_now.min(c.deferred).min(c.remaining)
                    && c.paid_now - c.deferred == c.gross - c.participation - c.franchise;
                assert!(sane, "{a:?} {c:?}");
                participation += c.participation;
                franchise += c.franchise;
                let (key, cap, taken) = match a.nature {
                    Nature::Paramedical { .. } => (
                        "p".into(),
                        Amount::FranchiseParamedicalDailyCap,
                        c.franchise,
                    ),
                    Nature::Transport { .. } => {
                        ("t".into(), Amount::FranchiseTransportDailyCap, c.franchise)
                    }
                    _ => (
                        a.professional.clone(),
                        Amount::ParticipationDailyCap,
                        c.participation,
                    ),
                };
                let used = daily.entry((a.date, key)).or_default();
                *used += taken;
                assert!(*used <= tariffs_on(a.date).amount(cap), "{a:?}");
            }
            assert_eq!(
                (participation, franchise),
                (Cents(5000), Cents(5000)),
                "caps reached, held"
            );
            assert_eq!(counters.participation_in(year), participation);
            assert_eq!(counters.franchise_in(year), franchise);
        }
    }

    #[test]
    fn random_acts_for_exempt_people_carry_no_deduction() {
        let mut rng = Rng(42);
        let (mut css, mut ame) = (adult(), adult());
        (css.css, ame.ame) = (true, true);
        let people = [born("2015-01-01"), css, ame];
        let mut counters = YearCounters::default();
        for i in 0..3000 {
            let c = compute(&random_act(&mut rng, 2025), &people[i % 3], &mut counters);
            assert_eq!(c.participation + c.franchise + c.deferred, Cents::ZERO);
        }
    }
}
