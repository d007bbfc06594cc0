//! Requests (démarches): what a member asks the fund, followed step by step. A request has a
//! kind, the data submitted, attachments, and a timeline of dated steps (déposée → en cours de
//! traitement → terminée or refusée), each with a message. Agents move requests along in the
//! back-office; the member sees every step.
//!
//! The first kind is the contest of a reimbursement (recours amiable).

use serde::{Deserialize, Serialize};

use crate::reimbursements::Date;
use crate::reimbursements::history::{Line, Status as LineStatus};
use crate::{Cents, Lang};

/// What is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Contest of a reimbursement (recours amiable before the commission de recours amiable).
    Contest,
    /// New bank details (the fund checks the RIB before paying to the new account).
    BankDetails,
    /// New postal address after a move (the fund checks it before changing the roll).
    AddressChange,
    /// An order of a European health insurance card (CEAM) for one person of the household.
    Ceam,
    /// Declaration of a médecin traitant (completed by the doctor's confirmation or an agent).
    TreatingDoctor,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 5] = [
        Kind::Contest,
        Kind::BankDetails,
        Kind::AddressChange,
        Kind::Ceam,
        Kind::TreatingDoctor,
    ];

    /// The code stored and exchanged.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Contest => "contest",
            Kind::BankDetails => "bank_details",
            Kind::AddressChange => "address_change",
            Kind::Ceam => "ceam",
            Kind::TreatingDoctor => "treating_doctor",
        }
    }

    /// Reads [`Kind::code`].
    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The request's name for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Contest, Lang::Fr) => "Contestation d’un remboursement",
            (Kind::Contest, Lang::En) => "Contest of a reimbursement",
            (Kind::BankDetails, Lang::Fr) => "Changement de coordonnées bancaires",
            (Kind::BankDetails, Lang::En) => "Change of bank details",
            (Kind::AddressChange, Lang::Fr) => "Changement d’adresse",
            (Kind::AddressChange, Lang::En) => "Change of address",
            (Kind::Ceam, Lang::Fr) => "Commande de carte européenne d’assurance maladie",
            (Kind::Ceam, Lang::En) => "European health insurance card order",
            (Kind::TreatingDoctor, Lang::Fr) => "Déclaration de médecin traitant",
            (Kind::TreatingDoctor, Lang::En) => "Declaration of a regular doctor",
        }
    }

    /// How long the fund takes, in months, at most.
    pub fn months_to_answer(self) -> i32 {
        match self {
            Kind::Contest => CONTEST_MONTHS,
            Kind::BankDetails | Kind::AddressChange | Kind::Ceam | Kind::TreatingDoctor => {
                CHANGE_MONTHS
            }
        }
    }
}

/// A step of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Déposée.
    Submitted,
    /// En cours de traitement.
    InProgress,
    /// The fund waits for something from the member.
    WaitingMember,
    /// Terminée.
    Completed,
    /// Refusée.
    Refused,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 5] = [
        Status::Submitted,
        Status::InProgress,
        Status::WaitingMember,
        Status::Completed,
        Status::Refused,
    ];

    /// The code stored.
    pub fn code(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::InProgress => "in_progress",
            Status::WaitingMember => "waiting_member",
            Status::Completed => "completed",
            Status::Refused => "refused",
        }
    }

    /// Reads [`Status::code`].
    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// A few words for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Submitted, Lang::Fr) => "Déposée",
            (Status::Submitted, Lang::En) => "Submitted",
            (Status::InProgress, Lang::Fr) => "En cours de traitement",
            (Status::InProgress, Lang::En) => "Being processed",
            (Status::WaitingMember, Lang::Fr) => "En attente de votre part",
            (Status::WaitingMember, Lang::En) => "Waiting for you",
            (Status::Completed, Lang::Fr) => "Terminée",
            (Status::Completed, Lang::En) => "Completed",
            (Status::Refused, Lang::Fr) => "Refusée",
            (Status::Refused, Lang::En) => "Refused",
        }
    }

    /// Whether the request is closed.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Completed | Status::Refused)
    }
}

/// One request in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Summary {
    /// Identifies the request (for its page).
    pub id: i64,
    /// What is asked.
    pub kind: Kind,
    /// A title in the member's words, e.g. "Médecin généraliste du 2 octobre 2026".
    pub title: String,
    /// Where it stands.
    pub status: Status,
    /// When it was filed (ISO-8601 UTC).
    pub created_at: String,
    /// When it last moved (ISO-8601 UTC).
    pub updated_at: String,
    /// The date by which the fund answers, `YYYY-MM-DD`.
    pub expected_by: Option<String>,
}

/// A dated step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    /// When (ISO-8601 UTC).
    pub at: String,
    /// The status from then on.
    pub status: Status,
    /// What the fund (or the member) said.
    pub message: String,
    /// Who wrote it: `member`, `agent` or `system`.
    pub author: String,
}

/// A file joined to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// Identifies it (download at `/api/attachments/{id}`).
    pub id: i64,
    /// The file's name as sent.
    pub name: String,
    /// `application/pdf`, `image/jpeg` or `image/png`, read from the content.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// One request with everything the member sent and every step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Detail {
    /// The summary.
    pub summary: Summary,
    /// What was submitted, as (label, value) in the member's language.
    pub fields: Vec<(String, String)>,
    /// The timeline, oldest first.
    pub events: Vec<Event>,
    /// The files joined.
    pub attachments: Vec<Attachment>,
}

/// Why a reimbursement is contested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContestReason {
    /// The amount looks wrong.
    Amount,
    /// The rate looks wrong (parcours de soins, ALD, maternity…).
    Rate,
    /// The rejection is contested.
    Rejection,
    /// The member did not receive this care.
    NotMine,
    /// Something else.
    Other,
}

impl ContestReason {
    /// Every reason, in the form's order.
    pub const ALL: [ContestReason; 5] = [
        ContestReason::Amount,
        ContestReason::Rate,
        ContestReason::Rejection,
        ContestReason::NotMine,
        ContestReason::Other,
    ];

    /// The code.
    pub fn code(self) -> &'static str {
        match self {
            ContestReason::Amount => "amount",
            ContestReason::Rate => "rate",
            ContestReason::Rejection => "rejection",
            ContestReason::NotMine => "not_mine",
            ContestReason::Other => "other",
        }
    }

    /// A few words for the member.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ContestReason::Amount, Lang::Fr) => "Le montant remboursé me semble faux",
            (ContestReason::Amount, Lang::En) => "The amount reimbursed looks wrong",
            (ContestReason::Rate, Lang::Fr) => {
                "Le taux ne tient pas compte de ma situation (médecin traitant, ALD, grossesse…)"
            }
            (ContestReason::Rate, Lang::En) => {
                "The rate ignores my situation (regular doctor, ALD, pregnancy…)"
            }
            (ContestReason::Rejection, Lang::Fr) => "Je conteste le rejet",
            (ContestReason::Rejection, Lang::En) => "I contest the rejection",
            (ContestReason::NotMine, Lang::Fr) => "Je n’ai pas reçu ces soins",
            (ContestReason::NotMine, Lang::En) => "I did not receive this care",
            (ContestReason::Other, Lang::Fr) => "Autre raison",
            (ContestReason::Other, Lang::En) => "Another reason",
        }
    }
}

/// A member's contest of one reimbursement line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContestRequest {
    /// Why.
    pub reason: ContestReason,
    /// In the member's words.
    pub explanation: String,
    /// Files uploaded first (`POST /api/attachments`), by id.
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// Months to file a recours amiable after the decision, and for the commission to answer.
pub const CONTEST_MONTHS: i32 = 2;

/// Months the fund takes at most to check a change of bank details or address.
pub const CHANGE_MONTHS: i32 = 1;

/// Shortest and longest explanation, in characters.
pub const EXPLANATION_CHARS: (usize, usize) = (10, 2000);

/// Most files joined to one request.
pub const MAX_ATTACHMENTS: usize = 5;

/// Largest file accepted, in bytes (5 MiB).
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;

/// The last day a decision made on `decided` can be contested: two months later.
pub fn contest_deadline(decided: Date) -> Date {
    decided.add_months(CONTEST_MONTHS)
}

/// When a line was decided, which starts the time to contest it: its payment date, or for a
/// rejection its date of care (the earliest bound); `None` while it is being processed.
pub fn decided_on(line: &Line) -> Option<Date> {
    match line.status {
        LineStatus::Paid => line.payment_date.as_deref().and_then(Date::parse),
        LineStatus::Rejected => Date::parse(&line.care_date),
        LineStatus::Pending => None,
    }
}

/// What is wrong with a contest, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContestProblem {
    /// Too short to be understood.
    ExplanationShort,
    /// Over the limit.
    ExplanationLong,
    /// Too many files.
    TooManyFiles,
    /// The two months are over.
    TooLate,
    /// Nothing decided yet (the line is still being processed).
    NotDecided,
}

impl ContestProblem {
    /// The form's field.
    pub fn field(self) -> &'static str {
        match self {
            ContestProblem::ExplanationShort | ContestProblem::ExplanationLong => "explanation",
            ContestProblem::TooManyFiles => "attachments",
            ContestProblem::TooLate | ContestProblem::NotDecided => "reason",
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            ContestProblem::ExplanationShort => if fr {
                "Expliquez en quelques mots ce qui ne va pas (10 caractères au moins)."
            } else {
                "Explain in a few words what is wrong (at least 10 characters)."
            }
            .to_owned(),
            ContestProblem::ExplanationLong => if fr {
                "Votre explication dépasse 2 000 caractères : raccourcissez-la ou joignez un document."
            } else {
                "Your explanation is over 2,000 characters: shorten it or attach a document."
            }
            .to_owned(),
            ContestProblem::TooManyFiles => if fr {
                "Joignez 5 fichiers au plus."
            } else {
                "Attach at most 5 files."
            }
            .to_owned(),
            ContestProblem::TooLate => if fr {
                "Le délai de 2 mois pour contester ce remboursement est dépassé. Appelez le 36 46 pour savoir ce qui reste possible."
            } else {
                "The 2-month period to contest this reimbursement is over. Call 36 46 to find out what is still possible."
            }
            .to_owned(),
            ContestProblem::NotDecided => if fr {
                "Ce remboursement est encore en cours de traitement : vous pourrez le contester une fois payé ou rejeté."
            } else {
                "This reimbursement is still being processed: you can contest it once it is paid or rejected."
            }
            .to_owned(),
        }
    }
}

/// Checks a contest of a line decided on `decided` (payment or rejection date; `None` while
/// pending), filed on `today`.
pub fn check_contest(
    request: &ContestRequest,
    decided: Option<Date>,
    today: Date,
) -> Vec<ContestProblem> {
    let mut problems = Vec::new();
    match decided {
        None => problems.push(ContestProblem::NotDecided),
        Some(day) if today > contest_deadline(day) => problems.push(ContestProblem::TooLate),
        Some(_) => {}
    }
    let chars = request.explanation.trim().chars().count();
    if chars < EXPLANATION_CHARS.0 {
        problems.push(ContestProblem::ExplanationShort);
    } else if chars > EXPLANATION_CHARS.1 {
        problems.push(ContestProblem::ExplanationLong);
    }
    if request.attachments.len() > MAX_ATTACHMENTS {
        problems.push(ContestProblem::TooManyFiles);
    }
    problems
}

/// The media type of a file from its first bytes: PDF, JPEG or PNG, whatever its name says.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else {
        None
    }
}

/// A file name safe to store and show: the last path segment, control characters and quotes
/// removed, at most 100 characters; `document` when nothing is left.
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ';'))
        .take(100)
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.');
    if trimmed.is_empty() {
        "document".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The contest's title: the act and its date of care, e.g. "Pharmacie : 3 boîtes, 2025-10-02".
pub fn contest_title(act: &str, care_date: &str, amount: Cents, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{act}, soins du {care_date} ({})", amount.format(lang)),
        Lang::En => format!("{act}, care on {care_date} ({})", amount.format(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn contest(explanation: &str, files: usize) -> ContestRequest {
        ContestRequest {
            reason: ContestReason::Amount,
            explanation: explanation.into(),
            attachments: (0..files as i64).collect(),
        }
    }

    #[test]
    fn a_decision_can_be_contested_for_two_months() {
        let ok = contest("Le taux appliqué est faux.", 1);
        let paid = d("2026-09-30");
        assert_eq!(contest_deadline(paid), d("2026-11-30"));
        assert!(check_contest(&ok, Some(paid), d("2026-11-30")).is_empty());
        assert_eq!(
            check_contest(&ok, Some(paid), d("2026-12-01")),
            [ContestProblem::TooLate]
        );
        assert_eq!(
            check_contest(&ok, None, d("2026-10-01")),
            [ContestProblem::NotDecided]
        );
    }

    #[test]
    fn the_explanation_and_files_have_limits() {
        let today = d("2026-10-01");
        let paid = Some(d("2026-09-30"));
        assert_eq!(check_contest(&contest("  trop court ", 0), paid, today), []);
        assert_eq!(
            check_contest(&contest("court", 0), paid, today),
            [ContestProblem::ExplanationShort]
        );
        let long = "x".repeat(2001);
        assert_eq!(
            check_contest(&contest(&long, 6), paid, today),
            [
                ContestProblem::ExplanationLong,
                ContestProblem::TooManyFiles
            ]
        );
        for p in [
            ContestProblem::ExplanationShort,
            ContestProblem::TooLate,
            ContestProblem::TooManyFiles,
        ] {
            assert!(!p.message(Lang::Fr).is_empty() && !p.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn files_are_known_by_their_content_not_their_name() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some("application/pdf"));
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Some("image/jpeg")
        );
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("image/png"));
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b"MZ\x90\0"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn file_names_lose_paths_and_dangerous_characters() {
        assert_eq!(
            clean_file_name("C:\\Users\\me\\ordonnance.pdf"),
            "ordonnance.pdf"
        );
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("a\"b;c<d>.png"), "abcd.png");
        assert_eq!(clean_file_name("..."), "document");
        assert_eq!(clean_file_name(&"é".repeat(300)).chars().count(), 100);
    }

    #[test]
    fn statuses_and_kinds_read_back_from_their_codes() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.code()), Some(k));
            assert_ne!(k.label(Lang::Fr), k.label(Lang::En));
        }
        assert_eq!(Kind::parse("bank"), None);
        assert!(Status::Refused.is_final() && !Status::InProgress.is_final());
    }
}
