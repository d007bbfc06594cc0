//! What goes on the printable statements: the monthly statement (relevé mensuel) of the
//! payments made in one calendar month, and the annual summary (récapitulatif annuel) of a
//! calendar year. Pure grouping and sums over the lines a member sees; the server lays them
//! out as PDF files.
//!
//! Which date counts:
//! - a monthly statement holds the lines **paid** in its month (payment date);
//! - the annual summary's care is counted by **date of care** (like the yearly counters of
//!   participations and franchises), paid lines only; daily allowances are listed apart, by
//!   **payment date** (the year they were received).

use serde::{Deserialize, Serialize};

use super::history::{Kind, Line, Status};
use crate::Cents;

/// A month that has a statement, for the list of statements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementMonth {
    /// `YYYY-MM`, as in `/api/reimbursements/statements/{month}`.
    pub month: String,
    /// Payments made that month.
    pub payments: u32,
    /// Everything paid that month (to the member and to professionals).
    pub paid: Cents,
    /// Paid to the member's bank account.
    pub to_member: Cents,
    /// Paid to professionals (tiers payant).
    pub to_professionals: Cents,
}

/// The statements a member can download.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statements {
    /// Months with at least one payment, newest first.
    pub months: Vec<StatementMonth>,
    /// Years with an annual summary (`/api/reimbursements/annual/{year}`), newest first.
    pub years: Vec<i32>,
}

/// `YYYY-MM` of a `YYYY-MM-DD` date.
fn month_of(date: &str) -> Option<&str> {
    date.get(..7)
}

/// `YYYY` of a `YYYY-MM-DD` date.
fn year_of(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}

/// Whether a line is paid, with its payment date.
fn paid_on(line: &Line) -> Option<&str> {
    line.payment_date
        .as_deref()
        .filter(|_| line.status == Status::Paid)
}

/// Reads `YYYY-MM` (month 01-12); anything else is `None`.
pub fn parse_month(text: &str) -> Option<(i32, u8)> {
    let (year, month) = text.split_once('-')?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(month, 2) {
        return None;
    }
    let month: u8 = month.parse().ok()?;
    (1..=12)
        .contains(&month)
        .then_some((year.parse().ok()?, month))
}

/// Reads `YYYY`; anything else is `None`.
pub fn parse_year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// The months with payments and the years with a summary, newest first.
pub fn index(lines: &[Line]) -> Statements {
    let mut months: Vec<StatementMonth> = Vec::new();
    let mut refs: Vec<(String, &str)> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    for line in lines {
        if let Some(month) = paid_on(line).and_then(month_of) {
            let at = match months.iter().position(|m| m.month == month) {
                Some(at) => at,
                None => {
                    months.push(StatementMonth {
                        month: month.to_owned(),
                        payments: 0,
                        paid: Cents::ZERO,
                        to_member: Cents::ZERO,
                        to_professionals: Cents::ZERO,
                    });
                    months.len() - 1
                }
            };
            let m = &mut months[at];
            let reference = line.payment_ref.as_deref().unwrap_or("");
            if !refs.iter().any(|(mm, r)| mm == month && *r == reference) {
                refs.push((month.to_owned(), reference));
                m.payments += 1;
            }
            m.to_member += line.paid_to_member();
            m.to_professionals += line.paid_to_professional();
            m.paid = m.to_member + m.to_professionals;
        }
        let year = if line.kind == Kind::DailyAllowance {
            paid_on(line).and_then(year_of)
        } else {
            (line.status == Status::Paid)
                .then(|| year_of(&line.care_date))
                .flatten()
        };
        if let Some(year) = year
            && !years.contains(&year)
        {
            years.push(year);
        }
    }
    months.sort_by(|a, b| b.month.cmp(&a.month));
    years.sort_by(|a, b| b.cmp(a));
    Statements { months, years }
}

/// The lines paid in `year`-`month`, in the order given (give them as the page lists them,
/// newest payment first, so that [`super::history::payments`] groups them the same way).
pub fn paid_in_month(lines: &[Line], (year, month): (i32, u8)) -> Vec<Line> {
    let key = format!("{year:04}-{month:02}");
    lines
        .iter()
        .filter(|l| paid_on(l).and_then(month_of) == Some(key.as_str()))
        .cloned()
        .collect()
}

/// The sums at the foot of a monthly statement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MonthTotals {
    /// Lines.
    pub lines: u32,
    /// Billed.
    pub charged: Cents,
    /// Base de remboursement.
    pub base: Cents,
    /// Participations forfaitaires and franchises taken on these lines.
    pub deductions: Cents,
    /// Reimbursed by the fund.
    pub reimbursed: Cents,
    /// Earlier deductions withheld from these payments.
    pub recovered: Cents,
    /// Paid to the member.
    pub to_member: Cents,
    /// Paid to professionals.
    pub to_professionals: Cents,
}

/// Sums of paid lines (others count for nothing).
pub fn month_totals(lines: &[Line]) -> MonthTotals {
    lines
        .iter()
        .filter(|l| l.status == Status::Paid)
        .fold(MonthTotals::default(), |mut t, l| {
            t.lines += 1;
            t.charged += l.charged;
            t.base += l.base;
            t.deductions += l.participation + l.franchise;
            t.reimbursed += l.reimbursed;
            t.recovered += l.recovered;
            t.to_member += l.paid_to_member();
            t.to_professionals += l.paid_to_professional();
            t
        })
}

/// Sums of a group of care lines in the annual summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sums {
    /// Lines.
    pub lines: u32,
    /// Billed.
    pub charged: Cents,
    /// Reimbursed by the fund.
    pub reimbursed: Cents,
    /// The complementary insurer's part, summed over the lines where it is known (`None`
    /// when it is known for none).
    pub complementary: Option<Cents>,
    /// Left to the member (reste à charge).
    pub remaining: Cents,
    /// Participations forfaitaires.
    pub participation: Cents,
    /// Franchises.
    pub franchise: Cents,
}

impl Sums {
    fn add(&mut self, line: &Line) {
        self.lines += 1;
        self.charged += line.charged;
        self.reimbursed += line.reimbursed;
        if let Some(c) = line.complementary {
            self.complementary = Some(self.complementary.unwrap_or(Cents::ZERO) + c);
        }
        self.remaining += line.remaining;
        self.participation += line.participation;
        self.franchise += line.franchise;
    }

    fn merge(&mut self, other: &Sums) {
        self.lines += other.lines;
        self.charged += other.charged;
        self.reimbursed += other.reimbursed;
        if let Some(c) = other.complementary {
            self.complementary = Some(self.complementary.unwrap_or(Cents::ZERO) + c);
        }
        self.remaining += other.remaining;
        self.participation += other.participation;
        self.franchise += other.franchise;
    }
}

/// One person's care in the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonYear {
    /// 1 the insured, 2-19 a dependant.
    pub rank: u8,
    /// Given name.
    pub name: String,
    /// By kind of care, in the order of [`Kind::ALL`].
    pub kinds: Vec<(Kind, Sums)>,
    /// All their care.
    pub total: Sums,
}

/// The annual summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annual {
    /// The calendar year.
    pub year: i32,
    /// Care by person (rank order), daily allowances excluded.
    pub people: Vec<PersonYear>,
    /// Everyone's care.
    pub total: Sums,
    /// Daily allowances paid in the year, oldest payment first.
    pub allowances: Vec<Line>,
    /// What they came to.
    pub allowances_total: Cents,
    /// Care of the year still being processed (not on the summary yet).
    pub pending: u32,
}

/// The annual summary of `year` from the lines a member sees.
pub fn annual(lines: &[Line], year: i32) -> Annual {
    let mut people: Vec<PersonYear> = Vec::new();
    let mut total = Sums::default();
    let mut pending = 0;
    let care = lines
        .iter()
        .filter(|l| l.kind != Kind::DailyAllowance && year_of(&l.care_date) == Some(year));
    for line in care {
        match line.status {
            Status::Paid => {}
            Status::Pending => {
                pending += 1;
                continue;
            }
            Status::Rejected => continue,
        }
        let at = match people.iter().position(|p| p.rank == line.beneficiary) {
            Some(at) => at,
            None => {
                people.push(PersonYear {
                    rank: line.beneficiary,
                    name: line.beneficiary_name.clone(),
                    kinds: Vec::new(),
                    total: Sums::default(),
                });
                people.len() - 1
            }
        };
        let person = &mut people[at];
        let kind_at = match person.kinds.iter().position(|(k, _)| *k == line.kind) {
            Some(at) => at,
            None => {
                person.kinds.push((line.kind, Sums::default()));
                person.kinds.len() - 1
            }
        };
        person.kinds[kind_at].1.add(line);
        person.total.add(line);
    }
    people.sort_by_key(|p| p.rank);
    for person in &mut people {
        person
            .kinds
            .sort_by_key(|(k, _)| Kind::ALL.iter().position(|all| all == k));
        total.merge(&person.total);
    }
    let mut allowances: Vec<Line> = lines
        .iter()
        .filter(|l| l.kind == Kind::DailyAllowance && paid_on(l).and_then(year_of) == Some(year))
        .cloned()
        .collect();
    allowances.sort_by(|a, b| {
        (&a.payment_date, &a.care_date, a.id).cmp(&(&b.payment_date, &b.care_date, b.id))
    });
    let allowances_total = allowances.iter().map(|l| l.reimbursed).sum();
    Annual {
        year,
        people,
        total,
        allowances,
        allowances_total,
        pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: i64, who: u8, care: &str, kind: Kind, paid: Option<&str>) -> Line {
        Line {
            id,
            beneficiary: who,
            beneficiary_name: ["", "Camille", "Léa", "Hugo"][usize::from(who)].into(),
            care_date: care.into(),
            professional: "Dr Élise Faure".into(),
            specialty: "Médecin généraliste".into(),
            kind,
            act: kind.label(crate::Lang::Fr).into(),
            charged: Cents(3000),
            base: Cents(3000),
            rate_bp: 7000,
            participation: Cents(200),
            franchise: Cents(50),
            reimbursed: Cents(1850),
            paid: Cents(1850),
            recovered: Cents::ZERO,
            deferred: Cents::ZERO,
            complementary: None,
            remaining: Cents(1150),
            tiers_payant: false,
            in_parcours: true,
            status: if paid.is_some() {
                Status::Paid
            } else {
                Status::Pending
            },
            reject_reason: None,
            payment_date: paid.map(str::to_owned),
            payment_ref: paid.map(|d| format!("PAI-{d}")),
        }
    }

    #[test]
    fn months_and_years() {
        assert_eq!(parse_month("2026-10"), Some((2026, 10)));
        assert_eq!(parse_month("2026-01"), Some((2026, 1)));
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-10",
            "2026-10-01",
            "",
            "abcd-ef",
            "+026-10",
        ] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
        assert_eq!(parse_year("2025"), Some(2025));
        for bad in ["25", "20250", "+202", "x025", ""] {
            assert_eq!(parse_year(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_index_counts_payments_by_month_newest_first() {
        let mut tp = line(3, 2, "2026-09-20", Kind::Medicine, Some("2026-10-02"));
        tp.tiers_payant = true;
        tp.paid = Cents(500);
        let lines = vec![
            line(1, 1, "2026-10-01", Kind::Consultation, Some("2026-10-05")),
            line(2, 1, "2026-09-28", Kind::Lab, Some("2026-10-05")),
            tp,
            line(4, 3, "2025-12-30", Kind::Consultation, Some("2026-01-04")),
            line(5, 1, "2026-10-20", Kind::Consultation, None),
            line(6, 1, "2024-12-28", Kind::DailyAllowance, Some("2025-01-10")),
        ];
        let index = index(&lines);
        let months: Vec<(&str, u32, i64, i64)> = index
            .months
            .iter()
            .map(|m| {
                (
                    m.month.as_str(),
                    m.payments,
                    m.to_member.0,
                    m.to_professionals.0,
                )
            })
            .collect();
        assert_eq!(
            months,
            [
                ("2026-10", 2, 3700, 500),
                ("2026-01", 1, 1850, 0),
                ("2025-01", 1, 1850, 0)
            ]
        );
        assert_eq!(index.months[0].paid, Cents(4200));
        // Care years of paid lines, and the year an allowance was received.
        assert_eq!(index.years, [2026, 2025]);
    }

    #[test]
    fn a_month_holds_what_was_paid_in_it_whenever_the_care() {
        let lines = vec![
            line(1, 1, "2026-10-01", Kind::Consultation, Some("2026-10-05")),
            line(2, 1, "2026-09-28", Kind::Lab, Some("2026-10-31")),
            line(3, 1, "2026-10-30", Kind::Lab, Some("2026-11-02")),
            line(4, 1, "2026-10-30", Kind::Lab, None),
        ];
        let month = paid_in_month(&lines, (2026, 10));
        assert_eq!(month.iter().map(|l| l.id).collect::<Vec<_>>(), [1, 2]);
        let t = month_totals(&month);
        assert_eq!(t.lines, 2);
        assert_eq!(t.charged, Cents(6000));
        assert_eq!(t.deductions, Cents(500));
        assert_eq!(t.reimbursed, Cents(3700));
        assert_eq!(t.to_member, Cents(3700));
        assert_eq!(t.to_professionals, Cents::ZERO);
        assert!(paid_in_month(&lines, (2026, 12)).is_empty());
    }

    #[test]
    fn the_annual_summary_groups_care_by_person_and_kind() {
        let mut with_complement = line(2, 1, "2025-03-01", Kind::Consultation, Some("2025-03-05"));
        with_complement.complementary = Some(Cents(900));
        with_complement.remaining = Cents(250);
        let mut rejected = line(7, 1, "2025-03-01", Kind::Consultation, Some("2025-03-05"));
        rejected.status = Status::Rejected;
        let lines = vec![
            line(1, 1, "2025-01-10", Kind::Consultation, Some("2025-01-15")),
            with_complement,
            line(3, 3, "2025-06-01", Kind::Medicine, Some("2025-06-03")),
            line(4, 2, "2025-12-30", Kind::Consultation, Some("2026-01-04")),
            line(5, 1, "2024-12-30", Kind::Consultation, Some("2025-01-04")),
            line(6, 1, "2025-12-31", Kind::Lab, None),
            rejected,
            line(8, 1, "2024-12-20", Kind::DailyAllowance, Some("2025-01-08")),
            line(9, 1, "2025-12-20", Kind::DailyAllowance, Some("2026-01-08")),
        ];
        let a = annual(&lines, 2025);
        let who: Vec<(u8, &str)> = a.people.iter().map(|p| (p.rank, p.name.as_str())).collect();
        assert_eq!(who, [(1, "Camille"), (2, "Léa"), (3, "Hugo")]);
        let camille = &a.people[0];
        assert_eq!(camille.kinds.len(), 1);
        assert_eq!(camille.kinds[0].0, Kind::Consultation);
        assert_eq!(camille.total.lines, 2);
        assert_eq!(camille.total.charged, Cents(6000));
        assert_eq!(camille.total.complementary, Some(Cents(900)));
        assert_eq!(camille.total.remaining, Cents(1400));
        assert_eq!(camille.total.participation, Cents(400));
        assert_eq!(camille.total.franchise, Cents(100));
        assert_eq!(a.people[1].total.complementary, None);
        assert_eq!(a.total.lines, 4);
        assert_eq!(a.total.reimbursed, Cents(4 * 1850));
        assert_eq!(a.total.complementary, Some(Cents(900)));
        assert_eq!(a.pending, 1);
        // Allowances by the year they were received.
        assert_eq!(a.allowances.iter().map(|l| l.id).collect::<Vec<_>>(), [8]);
        assert_eq!(a.allowances_total, Cents(1850));
    }
}
