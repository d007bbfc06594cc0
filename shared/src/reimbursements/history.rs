//! What a member sees of their reimbursements ("Mes paiements"): the lines, the filters, the
//! period's totals, payments grouped, the months for the chart, the yearly counters and the CSV
//! export. The server and the page use the same functions, so the totals on screen are the
//! totals of the export.

use crate::text::{encode, fold};
use serde::{Deserialize, Serialize};

use super::{Computation, Date, Exemption, Nature, Smr, Specialty};
use crate::{Cents, Lang};

/// The kind of act, as the member filters by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// General practitioner.
    Consultation,
    /// Specialist.
    Specialist,
    /// Pharmacy.
    Medicine,
    /// Lab analyses.
    Lab,
    /// Radiology.
    Radiology,
    /// Nurse, physiotherapist, speech therapist.
    Paramedical,
    /// Medical transport.
    Transport,
    /// Hospital.
    Hospital,
    /// Dental care.
    Dental,
    /// Optical.
    Optical,
    /// Daily allowance.
    DailyAllowance,
}

impl Kind {
    /// Every kind, in the order of the filter.
    pub const ALL: [Kind; 11] = [
        Kind::Consultation,
        Kind::Specialist,
        Kind::Medicine,
        Kind::Lab,
        Kind::Radiology,
        Kind::Paramedical,
        Kind::Transport,
        Kind::Hospital,
        Kind::Dental,
        Kind::Optical,
        Kind::DailyAllowance,
    ];

    /// The kind of a nature of act.
    pub fn of(nature: Nature) -> Kind {
        match nature {
            Nature::Consultation => Kind::Consultation,
            Nature::Specialist(_) => Kind::Specialist,
            Nature::Medicine { .. } => Kind::Medicine,
            Nature::Lab => Kind::Lab,
            Nature::Radiology => Kind::Radiology,
            Nature::Paramedical { .. } => Kind::Paramedical,
            Nature::Transport { .. } => Kind::Transport,
            Nature::Hospital { .. } => Kind::Hospital,
            Nature::Dental => Kind::Dental,
            Nature::Optical => Kind::Optical,
            Nature::DailyAllowance => Kind::DailyAllowance,
        }
    }

    /// The code in URLs and files.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Consultation => "consultation",
            Kind::Specialist => "specialist",
            Kind::Medicine => "medicine",
            Kind::Lab => "lab",
            Kind::Radiology => "radiology",
            Kind::Paramedical => "paramedical",
            Kind::Transport => "transport",
            Kind::Hospital => "hospital",
            Kind::Dental => "dental",
            Kind::Optical => "optical",
            Kind::DailyAllowance => "daily_allowance",
        }
    }

    /// Reads [`Kind::code`].
    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A few words for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Kind::Consultation => ("Médecin généraliste", "General practitioner"),
            Kind::Specialist => ("Médecin spécialiste", "Specialist"),
            Kind::Medicine => ("Pharmacie", "Pharmacy"),
            Kind::Lab => ("Analyses de laboratoire", "Lab tests"),
            Kind::Radiology => ("Radiologie", "Radiology"),
            Kind::Paramedical => ("Auxiliaires médicaux", "Nursing and therapy"),
            Kind::Transport => ("Transport", "Medical transport"),
            Kind::Hospital => ("Hospitalisation", "Hospital"),
            Kind::Dental => ("Dentaire", "Dental"),
            Kind::Optical => ("Optique", "Optical"),
            Kind::DailyAllowance => ("Indemnités journalières", "Daily allowance"),
        };
        if lang == Lang::Fr { fr } else { en }
    }
}

/// Where a line stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Received, not paid yet.
    Pending,
    /// Paid.
    Paid,
    /// Refused, with a reason.
    Rejected,
}

impl Status {
    /// Every status, in the order of the filter.
    pub const ALL: [Status; 3] = [Status::Paid, Status::Pending, Status::Rejected];

    /// The code in the database, URLs and files.
    pub fn code(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Paid => "paid",
            Status::Rejected => "rejected",
        }
    }

    /// Reads [`Status::code`].
    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// A word for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Pending, Lang::Fr) => "En cours",
            (Status::Pending, Lang::En) => "In progress",
            (Status::Paid, Lang::Fr) => "Payé",
            (Status::Paid, Lang::En) => "Paid",
            (Status::Rejected, Lang::Fr) => "Rejeté",
            (Status::Rejected, Lang::En) => "Rejected",
        }
    }
}

/// The nature of an act as stored and exchanged: `consultation`, `specialist:gynaecology`,
/// `medicine:major:3`, `paramedical:4`, `transport:2`, `hospital:3`…
pub fn nature_code(nature: Nature) -> String {
    let specialty = |s| match s {
        Specialty::Gynaecology => "gynaecology",
        Specialty::Ophthalmology => "ophthalmology",
        Specialty::Psychiatry => "psychiatry",
        Specialty::Stomatology => "stomatology",
        Specialty::Other => "other",
    };
    let smr = |s| match s {
        Smr::Irreplaceable => "irreplaceable",
        Smr::Major => "major",
        Smr::Moderate => "moderate",
        Smr::Low => "low",
    };
    let kind = Kind::of(nature).code();
    match nature {
        Nature::Specialist(s) => format!("{kind}:{}", specialty(s)),
        Nature::Medicine { smr: s, boxes } => format!("{kind}:{}:{boxes}", smr(s)),
        Nature::Paramedical { acts: n }
        | Nature::Transport { trips: n }
        | Nature::Hospital { days: n } => format!("{kind}:{n}"),
        _ => kind.to_owned(),
    }
}

/// Reads [`nature_code`]; counts must be 1 to 999.
pub fn parse_nature(code: &str) -> Option<Nature> {
    let mut parts = code.trim().split(':');
    let kind = Kind::parse(parts.next()?)?;
    let count = |part: Option<&str>| -> Option<u32> {
        let n: u32 = part?.parse().ok()?;
        (1..=999).contains(&n).then_some(n)
    };
    let nature = match kind {
        Kind::Consultation => Nature::Consultation,
        Kind::Lab => Nature::Lab,
        Kind::Radiology => Nature::Radiology,
        Kind::Dental => Nature::Dental,
        Kind::Optical => Nature::Optical,
        Kind::DailyAllowance => Nature::DailyAllowance,
        Kind::Paramedical => Nature::Paramedical {
            acts: count(parts.next())?,
        },
        Kind::Transport => Nature::Transport {
            trips: count(parts.next())?,
        },
        Kind::Hospital => Nature::Hospital {
            days: count(parts.next())?,
        },
        Kind::Specialist => Nature::Specialist(match parts.next()? {
            "gynaecology" => Specialty::Gynaecology,
            "ophthalmology" => Specialty::Ophthalmology,
            "psychiatry" => Specialty::Psychiatry,
            "stomatology" => Specialty::Stomatology,
            "other" => Specialty::Other,
            _ => return None,
        }),
        Kind::Medicine => {
            let smr = match parts.next()? {
                "irreplaceable" => Smr::Irreplaceable,
                "major" => Smr::Major,
                "moderate" => Smr::Moderate,
                "low" => Smr::Low,
                _ => return None,
            };
            Nature::Medicine {
                smr,
                boxes: count(parts.next())?,
            }
        }
    };
    parts.next().is_none().then_some(nature)
}

/// The act in a few words: "Pharmacie : 3 boîtes", "Hospitalisation : 2 jours".
pub fn describe(nature: Nature, lang: Lang) -> String {
    let label = Kind::of(nature).label(lang);
    let fr = lang == Lang::Fr;
    let plural = |n: u32, fr_one: &str, fr_many: &str, en_one: &str, en_many: &str| {
        let word = match (fr, n > 1) {
            (true, false) => fr_one,
            (true, true) => fr_many,
            (false, false) => en_one,
            (false, true) => en_many,
        };
        format!("{label}{} {n} {word}", if fr { "\u{a0}:" } else { ":" })
    };
    match nature {
        Nature::Medicine { boxes, .. } => plural(boxes, "boîte", "boîtes", "box", "boxes"),
        Nature::Paramedical { acts } => plural(acts, "acte", "actes", "act", "acts"),
        Nature::Transport { trips } => plural(trips, "trajet", "trajets", "trip", "trips"),
        Nature::Hospital { days } => plural(days, "jour", "jours", "day", "days"),
        _ => label.to_owned(),
    }
}

/// One reimbursement line as the member sees it. Amounts are what the fund computed and paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Line {
    /// Identifies the line (for its detail page).
    pub id: i64,
    /// Who was cared for: 1 the insured, 2-19 a dependant's rank.
    pub beneficiary: u8,
    /// Their given name.
    pub beneficiary_name: String,
    /// Date of care, `YYYY-MM-DD`.
    pub care_date: String,
    /// The professional or establishment.
    pub professional: String,
    /// Their specialty, in words.
    pub specialty: String,
    /// The kind of act.
    pub kind: Kind,
    /// The act in words (see [`describe`]).
    pub act: String,
    /// What the member was billed.
    pub charged: Cents,
    /// Base de remboursement.
    pub base: Cents,
    /// Rate in basis points (7000 = 70 %).
    pub rate_bp: u32,
    /// Participation forfaitaire.
    pub participation: Cents,
    /// Franchise médicale.
    pub franchise: Cents,
    /// What the fund reimbursed (AMO).
    pub reimbursed: Cents,
    /// What the fund paid for this line: to the member, or to the professional under tiers
    /// payant, after withholding earlier deductions (`recovered`).
    pub paid: Cents,
    /// Earlier deductions withheld from this line's payment.
    pub recovered: Cents,
    /// This line's deductions to be withheld from later payments (tiers payant).
    pub deferred: Cents,
    /// What the complementary insurer paid, when known.
    pub complementary: Option<Cents>,
    /// Reste à charge.
    pub remaining: Cents,
    /// The fund paid the professional directly.
    pub tiers_payant: bool,
    /// In the parcours de soins.
    pub in_parcours: bool,
    /// Where the line stands.
    pub status: Status,
    /// Why it was rejected.
    pub reject_reason: Option<String>,
    /// When it was paid, `YYYY-MM-DD`.
    pub payment_date: Option<String>,
    /// The payment it belongs to (lines paid together share it).
    pub payment_ref: Option<String>,
}

impl Line {
    /// What reached the member's bank account for this line.
    pub fn paid_to_member(&self) -> Cents {
        match self.status {
            Status::Paid if !self.tiers_payant => self.paid,
            _ => Cents::ZERO,
        }
    }

    /// What the fund paid the professional (tiers payant).
    pub fn paid_to_professional(&self) -> Cents {
        match self.status {
            Status::Paid if self.tiers_payant => self.paid,
            _ => Cents::ZERO,
        }
    }

    /// Does the line match the free-text search (professional, act, specialty, beneficiary)?
    pub fn matches_search(&self, search: &str) -> bool {
        let needle = fold(search);
        needle.is_empty()
            || [
                &self.professional,
                &self.act,
                &self.specialty,
                &self.beneficiary_name,
            ]
            .iter()
            .any(|field| fold(field).contains(&needle))
    }
}

/// What the member asks to see. Absent fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct Filter {
    /// First date of care, `YYYY-MM-DD` (default: 24 months before `to`).
    pub from: Option<String>,
    /// Last date of care, `YYYY-MM-DD` (default: today).
    pub to: Option<String>,
    /// Everything the fund holds, whatever `from` says.
    #[serde(default)]
    pub all: bool,
    /// Only this beneficiary (1 the insured, 2-19 a dependant's rank).
    pub beneficiary: Option<u8>,
    /// Only this kind of act.
    pub kind: Option<Kind>,
    /// Only this status.
    pub status: Option<Status>,
    /// Words to find in the professional, the act or the beneficiary.
    pub q: Option<String>,
}

impl Filter {
    /// The filter as a URL query string (without `?`), fields in a fixed order.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(from) = &self.from {
            pairs.push(("from", from.clone()));
        }
        if let Some(to) = &self.to {
            pairs.push(("to", to.clone()));
        }
        if self.all {
            pairs.push(("all", "true".to_owned()));
        }
        if let Some(b) = self.beneficiary {
            pairs.push(("beneficiary", b.to_string()));
        }
        if let Some(k) = self.kind {
            pairs.push(("kind", k.code().to_owned()));
        }
        if let Some(s) = self.status {
            pairs.push(("status", s.code().to_owned()));
        }
        if let Some(q) = self.q.as_deref().filter(|q| !q.trim().is_empty()) {
            pairs.push(("q", q.trim().to_owned()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The period asked for, `today` deciding the defaults: the last 24 months, or from
    /// `held_from` with `all`. `None` when a date is unreadable or `from` is after `to`.
    pub fn period(&self, today: Date, held_from: Date) -> Option<(Date, Date)> {
        let to = match &self.to {
            Some(text) => Date::parse(text)?,
            None => today,
        };
        let from = match (&self.from, self.all) {
            (_, true) => held_from.min(to),
            (Some(text), false) => Date::parse(text)?,
            (None, false) => to.add_months(-(DEFAULT_MONTHS as i32)).add_days(1),
        };
        (from <= to).then_some((from, to))
    }

    /// Whether a line passes the beneficiary, kind, status and search filters (the period is
    /// applied by the query).
    pub fn keeps(&self, line: &Line) -> bool {
        self.beneficiary.is_none_or(|b| b == line.beneficiary)
            && self.kind.is_none_or(|k| k == line.kind)
            && self.status.is_none_or(|s| s == line.status)
            && self.q.as_deref().is_none_or(|q| line.matches_search(q))
    }
}

/// Months shown by default.
pub const DEFAULT_MONTHS: u32 = 24;

/// Months the fund keeps online at least ("tout afficher" reaches at least this far back).
pub const HELD_MONTHS: u32 = 27;

/// A person whose lines the member sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    /// 1 the insured, 2-19 a dependant's rank.
    pub rank: u8,
    /// Given name.
    pub name: String,
}

/// The period's sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Totals {
    /// Lines counted.
    pub lines: u32,
    /// What was billed (paid by the member or, under tiers payant, owed).
    pub charged: Cents,
    /// What the fund reimbursed.
    pub reimbursed: Cents,
    /// Reste à charge.
    pub remaining: Cents,
    /// Participations forfaitaires and franchises.
    pub deductions: Cents,
}

/// Sums of the lines that are not rejected.
pub fn totals(lines: &[Line]) -> Totals {
    lines
        .iter()
        .filter(|l| l.status != Status::Rejected)
        .fold(Totals::default(), |mut t, l| {
            t.lines += 1;
            t.charged += l.charged;
            t.reimbursed += l.reimbursed;
            t.remaining += l.remaining;
            t.deductions += l.participation + l.franchise;
            t
        })
}

/// One month of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Month {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
    /// Reimbursed by the fund for care in that month.
    pub reimbursed: Cents,
    /// Left to the member for care in that month.
    pub remaining: Cents,
}

/// Every month from `from` to `to` (both included), with the lines' sums by month of care;
/// rejected lines count for nothing.
pub fn months(lines: &[Line], from: Date, to: Date) -> Vec<Month> {
    let mut out = Vec::new();
    let mut at = Date::new(from.year(), from.month(), 1).unwrap_or(from);
    while at <= to {
        out.push(Month {
            year: at.year(),
            month: at.month(),
            reimbursed: Cents::ZERO,
            remaining: Cents::ZERO,
        });
        at = at.add_months(1);
    }
    for line in lines.iter().filter(|l| l.status != Status::Rejected) {
        let Some(day) = Date::parse(&line.care_date) else {
            continue;
        };
        if let Some(m) = out
            .iter_mut()
            .find(|m| m.year == day.year() && m.month == day.month())
        {
            m.reimbursed += line.reimbursed;
            m.remaining += line.remaining;
        }
    }
    out
}

/// One person's deductions in a year, against the caps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Counter {
    /// The person.
    pub person: Person,
    /// The calendar year.
    pub year: i32,
    /// Participations forfaitaires taken.
    pub participation: Cents,
    /// Their yearly cap.
    pub participation_cap: Cents,
    /// Franchises taken.
    pub franchise: Cents,
    /// Their yearly cap.
    pub franchise_cap: Cents,
}

/// Lines paid together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment<'a> {
    /// The payment's reference (`None` for lines not paid: in progress or rejected).
    pub reference: Option<&'a str>,
    /// When it was paid.
    pub date: Option<&'a str>,
    /// To the member's bank account.
    pub to_member: Cents,
    /// To professionals (tiers payant).
    pub to_professionals: Cents,
    /// Its lines, in the order given.
    pub lines: Vec<&'a Line>,
}

/// Groups neighbouring lines of the same payment (or, unpaid, of the same status), in the
/// order given: newest first from the server, so a rejected line stays where it happened.
pub fn payments(lines: &[Line]) -> Vec<Payment<'_>> {
    let mut out: Vec<Payment<'_>> = Vec::new();
    for line in lines {
        let reference = line
            .payment_ref
            .as_deref()
            .filter(|_| line.status == Status::Paid);
        let same = out.last().is_some_and(|p| {
            p.reference == reference && (reference.is_some() || p.lines[0].status == line.status)
        });
        if !same {
            out.push(Payment {
                reference,
                date: line.payment_date.as_deref().filter(|_| reference.is_some()),
                to_member: Cents::ZERO,
                to_professionals: Cents::ZERO,
                lines: Vec::new(),
            });
        }
        if let Some(group) = out.last_mut() {
            group.to_member += line.paid_to_member();
            group.to_professionals += line.paid_to_professional();
            group.lines.push(line);
        }
    }
    out
}

/// The whole "Mes paiements" answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct History {
    /// First day shown.
    pub from: String,
    /// Last day shown.
    pub to: String,
    /// The oldest date of care the fund holds for this member (for "tout afficher").
    pub held_from: String,
    /// The insured and each minor dependant whose lines the member sees.
    pub people: Vec<Person>,
    /// Lines in the period that pass the filter, newest payment first.
    pub lines: Vec<Line>,
    /// Their totals.
    pub totals: Totals,
    /// Every month of the period.
    pub months: Vec<Month>,
    /// This year's deductions per person.
    pub counters: Vec<Counter>,
}

/// One line with how it was computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Detail {
    /// The line.
    pub line: Line,
    /// The computation in words ([`super::explain`]).
    pub explanation: String,
}

/// How a stored line was computed, in words: the rule's sentence ([`super::explain`]), then
/// what was withheld for earlier acts, or why the line was rejected.
pub fn explain_line(
    line: &Line,
    exempted: Option<Exemption>,
    hospital_daily_charge: Cents,
    lang: Lang,
) -> String {
    let fr = lang == Lang::Fr;
    if line.status == Status::Rejected {
        let why = line.reject_reason.as_deref().unwrap_or_default();
        return if fr {
            format!("Ce remboursement a été rejeté\u{a0}: {why}")
        } else {
            format!("This reimbursement was rejected: {why}")
        };
    }
    let gross = super::apply_rate(line.base, line.rate_bp);
    let computation = Computation {
        base: line.base,
        rate_bp: line.rate_bp,
        gross,
        participation: line.participation,
        franchise: line.franchise,
        reimbursed: line.reimbursed,
        paid_now: line.paid + line.recovered,
        deferred: line.deferred,
        remaining: line.remaining,
        hospital_daily_charge,
        exempted,
    };
    let mut out = super::explain(&computation, lang);
    if line.recovered > Cents::ZERO {
        let amount = line.recovered.format(lang);
        out.push_str(&if fr {
            format!(" {amount} de participations et franchises d’actes antérieurs ont été retenus sur ce paiement.")
        } else {
            format!(" {amount} of deductions from earlier care were withheld from this payment.")
        });
    }
    out
}

/// Column titles of the CSV export.
fn csv_header(lang: Lang) -> [&'static str; 17] {
    match lang {
        Lang::Fr => [
            "Date des soins",
            "Bénéficiaire",
            "Acte",
            "Professionnel",
            "Spécialité",
            "Montant payé",
            "Base de remboursement",
            "Taux",
            "Participation forfaitaire",
            "Franchise",
            "Remboursé",
            "Part complémentaire",
            "Reste à charge",
            "Tiers payant",
            "Statut",
            "Date de paiement",
            "Référence du paiement",
        ],
        Lang::En => [
            "Date of care",
            "Beneficiary",
            "Act",
            "Professional",
            "Specialty",
            "Amount paid",
            "Reimbursement base",
            "Rate",
            "Flat-rate contribution",
            "Deductible",
            "Reimbursed",
            "Complementary insurer",
            "Remaining cost",
            "Third-party payment",
            "Status",
            "Payment date",
            "Payment reference",
        ],
    }
}

/// The lines as a spreadsheet opens them: UTF-8 with a byte-order mark, `;` between fields,
/// CRLF between lines, decimal commas in French (`30,00`) and points in English, no currency
/// sign (so the cells are numbers). Text that a spreadsheet would take for a formula
/// (`=`, `+`, `-`, `@`) is prefixed with `'`.
pub fn to_csv(lines: &[Line], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let row = |out: &mut String, cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    let header: Vec<String> = csv_header(lang).iter().map(|h| (*h).to_owned()).collect();
    row(&mut out, &header);
    let number = |c: Cents| {
        let sign = if c.0 < 0 { "-" } else { "" };
        let abs = c.0.unsigned_abs();
        let sep = if lang == Lang::Fr { ',' } else { '.' };
        format!("{sign}{}{sep}{:02}", abs / 100, abs % 100)
    };
    let yes_no = |b: bool| match (b, lang) {
        (true, Lang::Fr) => "oui",
        (false, Lang::Fr) => "non",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    };
    for l in lines {
        row(
            &mut out,
            &[
                l.care_date.clone(),
                l.beneficiary_name.clone(),
                l.act.clone(),
                l.professional.clone(),
                l.specialty.clone(),
                number(l.charged),
                number(l.base),
                super::percent(l.rate_bp, lang).replace('\u{a0}', " "),
                number(l.participation),
                number(l.franchise),
                number(l.reimbursed),
                l.complementary.map(number).unwrap_or_default(),
                number(l.remaining),
                yes_no(l.tiers_payant).to_owned(),
                l.status.label(lang).to_owned(),
                l.payment_date.clone().unwrap_or_default(),
                l.payment_ref.clone().unwrap_or_default(),
            ],
        );
    }
    out
}

/// One CSV cell: quoted when it holds `;`, `"` or a line break; formula-looking text defused.
fn csv_cell(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => format!("'{text}"),
        Some('-') if !is_number(text) => format!("'{text}"),
        _ => text.to_owned(),
    };
    if defused.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// `-12,50` or `-12.50`: a negative amount this export wrote itself.
fn is_number(text: &str) -> bool {
    let rest = text.strip_prefix('-').unwrap_or(text);
    !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn line(id: i64, care: &str, status: Status, payment: Option<(&str, &str)>) -> Line {
        Line {
            id,
            beneficiary: 1,
            beneficiary_name: "Camille".into(),
            care_date: care.into(),
            professional: "Dr Élise Faure".into(),
            specialty: "Médecin généraliste".into(),
            kind: Kind::Consultation,
            act: "Médecin généraliste".into(),
            charged: Cents(3000),
            base: Cents(3000),
            rate_bp: 7000,
            participation: Cents(200),
            franchise: Cents::ZERO,
            reimbursed: Cents(1900),
            paid: Cents(1900),
            recovered: Cents::ZERO,
            deferred: Cents::ZERO,
            complementary: Some(Cents(900)),
            remaining: Cents(200),
            tiers_payant: false,
            in_parcours: true,
            status,
            reject_reason: None,
            payment_date: payment.map(|p| p.0.to_owned()),
            payment_ref: payment.map(|p| p.1.to_owned()),
        }
    }

    #[test]
    fn every_nature_code_reads_back() {
        let natures = [
            Nature::Consultation,
            Nature::Specialist(Specialty::Gynaecology),
            Nature::Specialist(Specialty::Ophthalmology),
            Nature::Specialist(Specialty::Psychiatry),
            Nature::Specialist(Specialty::Stomatology),
            Nature::Specialist(Specialty::Other),
            Nature::Medicine {
                smr: Smr::Irreplaceable,
                boxes: 1,
            },
            Nature::Medicine {
                smr: Smr::Major,
                boxes: 3,
            },
            Nature::Medicine {
                smr: Smr::Moderate,
                boxes: 2,
            },
            Nature::Medicine {
                smr: Smr::Low,
                boxes: 999,
            },
            Nature::Lab,
            Nature::Radiology,
            Nature::Paramedical { acts: 4 },
            Nature::Transport { trips: 2 },
            Nature::Hospital { days: 3 },
            Nature::Dental,
            Nature::Optical,
            Nature::DailyAllowance,
        ];
        for nature in natures {
            assert_eq!(
                parse_nature(&nature_code(nature)),
                Some(nature),
                "{nature:?}"
            );
        }
        assert_eq!(
            nature_code(Nature::Medicine {
                smr: Smr::Major,
                boxes: 3
            }),
            "medicine:major:3"
        );
    }

    #[test]
    fn bad_nature_codes_are_refused() {
        for bad in [
            "",
            "visit",
            "medicine",
            "medicine:major",
            "medicine:major:0",
            "medicine:major:1000",
            "medicine:best:2",
            "specialist",
            "specialist:surgeon",
            "transport:x",
            "consultation:1",
            "hospital:-2",
        ] {
            assert_eq!(parse_nature(bad), None, "{bad}");
        }
    }

    #[test]
    fn acts_are_described_with_their_count() {
        assert_eq!(
            describe(
                Nature::Medicine {
                    smr: Smr::Major,
                    boxes: 3
                },
                Lang::Fr
            ),
            "Pharmacie\u{a0}: 3 boîtes"
        );
        assert_eq!(
            describe(Nature::Hospital { days: 1 }, Lang::En),
            "Hospital: 1 day"
        );
        assert_eq!(
            describe(Nature::Consultation, Lang::Fr),
            "Médecin généraliste"
        );
    }

    #[test]
    fn dates_move_by_days_and_months() {
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(d("2024-12-31").add_days(1), d("2025-01-01"));
        assert_eq!(d("2026-03-31").add_months(-1), d("2026-02-28"));
        assert_eq!(d("2026-11-26").add_months(-24), d("2024-11-26"));
        assert_eq!(d("2026-01-15").add_months(-13), d("2024-12-15"));
        for days in [-800_000_i64, -1, 0, 1, 19_000, 20_418, 2_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }

    #[test]
    fn the_default_period_is_the_last_24_months_and_all_reaches_what_is_held() {
        let today = d("2026-11-26");
        let held = d("2024-08-03");
        let f = Filter::default();
        assert_eq!(f.period(today, held), Some((d("2024-11-27"), today)));
        let all = Filter {
            all: true,
            ..Filter::default()
        };
        assert_eq!(all.period(today, held), Some((held, today)));
        let asked = Filter {
            from: Some("2025-01-01".into()),
            to: Some("2025-03-31".into()),
            ..Filter::default()
        };
        assert_eq!(
            asked.period(today, held),
            Some((d("2025-01-01"), d("2025-03-31")))
        );
        let reversed = Filter {
            from: Some("2025-04-01".into()),
            to: Some("2025-03-31".into()),
            ..Filter::default()
        };
        assert_eq!(reversed.period(today, held), None);
        let unreadable = Filter {
            from: Some("01/04/2025".into()),
            ..Filter::default()
        };
        assert_eq!(unreadable.period(today, held), None);
    }

    #[test]
    fn filters_keep_only_matching_lines_and_search_ignores_case_and_accents() {
        let mut l = line(1, "2026-10-02", Status::Paid, Some(("2026-10-06", "P1")));
        assert!(Filter::default().keeps(&l));
        assert!(
            Filter {
                q: Some("elise".into()),
                ..Filter::default()
            }
            .keeps(&l)
        );
        assert!(
            Filter {
                q: Some("  FAURE ".into()),
                ..Filter::default()
            }
            .keeps(&l)
        );
        assert!(
            !Filter {
                q: Some("dentiste".into()),
                ..Filter::default()
            }
            .keeps(&l)
        );
        assert!(
            !Filter {
                beneficiary: Some(2),
                ..Filter::default()
            }
            .keeps(&l)
        );
        assert!(
            !Filter {
                kind: Some(Kind::Medicine),
                ..Filter::default()
            }
            .keeps(&l)
        );
        assert!(
            !Filter {
                status: Some(Status::Pending),
                ..Filter::default()
            }
            .keeps(&l)
        );
        l.beneficiary = 2;
        assert!(
            Filter {
                beneficiary: Some(2),
                kind: Some(Kind::Consultation),
                ..Filter::default()
            }
            .keeps(&l)
        );
    }

    #[test]
    fn the_filter_round_trips_through_the_url() {
        let f = Filter {
            from: Some("2025-01-01".into()),
            to: None,
            all: false,
            beneficiary: Some(3),
            kind: Some(Kind::DailyAllowance),
            status: Some(Status::Rejected),
            q: Some(" Dr Léa & co ".into()),
        };
        assert_eq!(
            f.to_query(),
            "from=2025-01-01&beneficiary=3&kind=daily_allowance&status=rejected&q=Dr%20L%C3%A9a%20%26%20co"
        );
        assert_eq!(Filter::default().to_query(), "");
    }

    #[test]
    fn totals_leave_rejected_lines_out() {
        let mut rejected = line(3, "2026-09-01", Status::Rejected, None);
        rejected.reimbursed = Cents::ZERO;
        let lines = [
            line(1, "2026-10-02", Status::Paid, Some(("2026-10-06", "P1"))),
            line(2, "2026-10-20", Status::Pending, None),
            rejected,
        ];
        let t = totals(&lines);
        assert_eq!(t.lines, 2);
        assert_eq!(t.charged, Cents(6000));
        assert_eq!(t.reimbursed, Cents(3800));
        assert_eq!(t.remaining, Cents(400));
        assert_eq!(t.deductions, Cents(400));
    }

    #[test]
    fn months_cover_the_period_with_empty_months_at_zero() {
        let lines = [
            line(1, "2026-10-02", Status::Paid, Some(("2026-10-06", "P1"))),
            line(2, "2026-10-20", Status::Pending, None),
            line(3, "2026-08-31", Status::Rejected, None),
        ];
        let m = months(&lines, d("2026-08-15"), d("2026-11-26"));
        assert_eq!(m.len(), 4);
        assert_eq!(
            (m[0].year, m[0].month, m[0].reimbursed),
            (2026, 8, Cents::ZERO)
        );
        assert_eq!(m[1].reimbursed, Cents::ZERO);
        assert_eq!(
            (m[2].month, m[2].reimbursed, m[2].remaining),
            (10, Cents(3800), Cents(400))
        );
        assert_eq!(m[3].month, 11);
    }

    #[test]
    fn lines_paid_together_are_one_payment() {
        let mut tp = line(3, "2026-10-01", Status::Paid, Some(("2026-10-06", "P1")));
        tp.tiers_payant = true;
        tp.paid = Cents(2100);
        let lines = [
            line(4, "2026-10-20", Status::Pending, None),
            line(5, "2026-10-21", Status::Pending, None),
            line(1, "2026-10-02", Status::Paid, Some(("2026-10-06", "P1"))),
            tp,
            line(6, "2026-09-20", Status::Rejected, None),
            line(2, "2026-09-02", Status::Paid, Some(("2026-09-05", "P0"))),
            line(7, "2025-03-01", Status::Rejected, None),
        ];
        let p = payments(&lines);
        assert_eq!(p.len(), 5);
        assert_eq!(p[0].reference, None);
        assert_eq!(p[0].lines.iter().map(|l| l.id).collect::<Vec<_>>(), [4, 5]);
        assert_eq!(p[1].reference, Some("P1"));
        assert_eq!(p[1].date, Some("2026-10-06"));
        assert_eq!(
            (p[1].to_member, p[1].to_professionals),
            (Cents(1900), Cents(2100))
        );
        // Rejected lines stay where they happened, each group with its own lines.
        assert_eq!((p[2].reference, p[2].lines[0].id), (None, 6));
        assert_eq!(p[3].reference, Some("P0"));
        assert_eq!(p[4].lines[0].id, 7);
    }

    #[test]
    fn the_csv_opens_in_a_french_spreadsheet() {
        let mut l = line(1, "2026-10-02", Status::Paid, Some(("2026-10-06", "P1")));
        l.professional = "=HYPERLINK(\"http://x\";\"y\")".into();
        let csv = to_csv(&[l], Lang::Fr);
        assert!(csv.starts_with("\u{feff}Date des soins;Bénéficiaire;Acte;"));
        let rows: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(rows.len(), 3, "header, one line, trailing break");
        assert_eq!(
            rows[1],
            "2026-10-02;Camille;Médecin généraliste;\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";\
             Médecin généraliste;30,00;30,00;70 %;2,00;0,00;19,00;9,00;2,00;non;Payé;2026-10-06;P1"
        );
        let en = to_csv(&[line(1, "2026-10-02", Status::Pending, None)], Lang::En);
        assert!(en.contains(";30.00;30.00;70%;2.00;0.00;19.00;9.00;2.00;no;In progress;;\r\n"));
    }

    #[test]
    fn csv_cells_defuse_formulas_but_keep_negative_amounts() {
        assert_eq!(csv_cell("-12,50"), "-12,50");
        assert_eq!(csv_cell("-cmd"), "'-cmd");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("Dupont; fils"), "\"Dupont; fils\"");
        assert_eq!(csv_cell("Dr Faure"), "Dr Faure");
    }
}
