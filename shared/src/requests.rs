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
    /// Application for (or renewal of) the Complémentaire santé solidaire.
    Css,
    /// Change of family situation (marriage, PACS, separation, birth, death of a spouse).
    FamilySituation,
    /// Exceptional financial aid (action sanitaire et sociale).
    ExceptionalAid,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 8] = [
        Kind::Contest,
        Kind::BankDetails,
        Kind::AddressChange,
        Kind::Ceam,
        Kind::TreatingDoctor,
        Kind::Css,
        Kind::FamilySituation,
        Kind::ExceptionalAid,
    ];

    /// The code stored and exchanged.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Contest => "contest",
            Kind::BankDetails => "bank_details",
            Kind::AddressChange => "address_change",
            Kind::Ceam => "ceam",
            Kind::TreatingDoctor => "treating_doctor",
            Kind::Css => "css",
            Kind::FamilySituation => "family_situation",
            Kind::ExceptionalAid => "exceptional_aid",
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
            (Kind::Css, Lang::Fr) => "Demande de Complémentaire santé solidaire",
            (Kind::Css, Lang::En) => "Application for the Complémentaire santé solidaire",
            (Kind::FamilySituation, Lang::Fr) => "Changement de situation familiale",
            (Kind::FamilySituation, Lang::En) => "Change of family situation",
            (Kind::ExceptionalAid, Lang::Fr) => "Demande d’aide financière exceptionnelle",
            (Kind::ExceptionalAid, Lang::En) => "Application for exceptional financial aid",
        }
    }

    /// How long the fund takes, in months, at most.
    pub fn months_to_answer(self) -> i32 {
        match self {
            Kind::Contest => CONTEST_MONTHS,
            Kind::BankDetails
            | Kind::AddressChange
            | Kind::Ceam
            | Kind::TreatingDoctor
            | Kind::FamilySituation => CHANGE_MONTHS,
            Kind::Css => crate::css::DECISION_MONTHS,
            Kind::ExceptionalAid => crate::aid::DECISION_MONTHS,
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

// ---- The agents' side: queue, assignment, status changes, internal notes -----------------

/// Which requests a queue shows by assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Assignment {
    /// Assigned to the agent asking.
    Me,
    /// Assigned to nobody.
    Nobody,
}

impl Assignment {
    /// The code in the query string.
    pub fn code(self) -> &'static str {
        match self {
            Assignment::Me => "me",
            Assignment::Nobody => "none",
        }
    }

    /// Reads [`Assignment::code`].
    pub fn parse(code: &str) -> Option<Assignment> {
        [Assignment::Me, Assignment::Nobody]
            .into_iter()
            .find(|a| a.code() == code)
    }
}

/// One request in an agent's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    /// The request.
    pub id: i64,
    /// What is asked.
    pub kind: Kind,
    /// Its title (in the agent's language).
    pub title: String,
    /// Where it stands.
    pub status: Status,
    /// The member who filed it.
    pub member_name: String,
    /// Filed at (ISO-8601 UTC).
    pub created_at: String,
    /// Last step at.
    pub updated_at: String,
    /// The date promised to the member, `YYYY-MM-DD`.
    pub expected_by: Option<String>,
    /// Whole days since it was filed.
    pub age_days: i64,
    /// The agent it is assigned to, by name.
    pub assigned_to: Option<String>,
    /// Whether it is assigned to the agent asking.
    pub mine: bool,
}

/// A step as an agent sees it: internal notes included, with who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentEvent {
    /// When (ISO-8601 UTC).
    pub at: String,
    /// The status from then on (for a note, the status it was written in).
    pub status: Status,
    /// The words.
    pub message: String,
    /// `member`, `agent` or `system`.
    pub author: String,
    /// The agent's name, for an agent's step.
    pub author_name: Option<String>,
    /// An internal note, never shown to the member.
    pub internal: bool,
}

/// One request with everything an agent needs to process it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentDetail {
    /// The summary (title in the agent's language).
    pub summary: Summary,
    /// The member who filed it.
    pub member_name: String,
    /// Their NIR, masked.
    pub member_nir_masked: String,
    /// What was submitted, as (label, value).
    pub fields: Vec<(String, String)>,
    /// Every step, internal notes included, oldest first.
    pub events: Vec<AgentEvent>,
    /// The files joined (download at `/api/agent/requests/{id}/attachments/{file}`).
    pub attachments: Vec<Attachment>,
    /// The agent it is assigned to, by name.
    pub assigned_to: Option<String>,
    /// Whether it is assigned to the agent asking.
    pub mine: bool,
    /// What "Terminée" does beyond closing it (e.g. "activates the new bank account").
    pub on_complete: Option<String>,
    /// What "Refusée" does beyond closing it.
    pub on_refuse: Option<String>,
}

/// An agent moves a request on, with a message to the member
/// (`POST /api/agent/requests/{id}/status`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    /// The new status.
    pub status: Status,
    /// What the member reads in the timeline (they are told by an e-mail without it).
    #[serde(default)]
    pub message: String,
}

/// An internal note (`POST /api/agent/requests/{id}/notes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Note {
    /// The note, for agents only.
    #[serde(default)]
    pub text: String,
}

/// Shortest and longest message to the member with a status change, in characters.
pub const MESSAGE_CHARS: (usize, usize) = (10, 2000);

/// Shortest and longest internal note, in characters.
pub const NOTE_CHARS: (usize, usize) = (2, 2000);

/// Why a status change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeProblem {
    /// The request is already closed.
    Closed,
    /// "Déposée" is the member's step, not an agent's.
    BackToSubmitted,
    /// No message, or too short to tell the member anything.
    MessageShort,
    /// Over the limit.
    MessageLong,
}

impl ChangeProblem {
    /// The form's field.
    pub fn field(self) -> &'static str {
        match self {
            ChangeProblem::Closed | ChangeProblem::BackToSubmitted => "status",
            ChangeProblem::MessageShort | ChangeProblem::MessageLong => "message",
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> &'static str {
        let fr = lang == Lang::Fr;
        match self {
            ChangeProblem::Closed => {
                if fr {
                    "Cette démarche est close\u{a0}: son état ne change plus."
                } else {
                    "This request is closed: its status no longer changes."
                }
            }
            ChangeProblem::BackToSubmitted => {
                if fr {
                    "Choisissez «\u{a0}En cours de traitement\u{a0}», «\u{a0}En attente de votre part\u{a0}», «\u{a0}Terminée\u{a0}» ou «\u{a0}Refusée\u{a0}»."
                } else {
                    "Choose “Being processed”, “Waiting for you”, “Completed” or “Refused”."
                }
            }
            ChangeProblem::MessageShort => {
                if fr {
                    "Écrivez à l’assuré ce qui change et pourquoi (10 caractères au moins)."
                } else {
                    "Tell the member what changes and why (at least 10 characters)."
                }
            }
            ChangeProblem::MessageLong => {
                if fr {
                    "Le message dépasse 2 000 caractères\u{a0}: raccourcissez-le."
                } else {
                    "The message is over 2,000 characters: shorten it."
                }
            }
        }
    }
}

/// Checks an agent's status change of a request standing at `current`: every change carries a
/// message to the member.
pub fn check_change(current: Status, change: &StatusChange) -> Vec<ChangeProblem> {
    let mut problems = Vec::new();
    if current.is_final() {
        problems.push(ChangeProblem::Closed);
    } else if change.status == Status::Submitted {
        problems.push(ChangeProblem::BackToSubmitted);
    }
    let chars = change.message.trim().chars().count();
    if chars < MESSAGE_CHARS.0 {
        problems.push(ChangeProblem::MessageShort);
    } else if chars > MESSAGE_CHARS.1 {
        problems.push(ChangeProblem::MessageLong);
    }
    problems
}

/// Whether an internal note's length is acceptable.
pub fn note_ok(text: &str) -> bool {
    (NOTE_CHARS.0..=NOTE_CHARS.1).contains(&text.trim().chars().count())
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
    fn an_agent_moves_a_request_on_with_a_message_only() {
        let change = |status, message: &str| StatusChange {
            status,
            message: message.into(),
        };
        assert_eq!(
            check_change(
                Status::Submitted,
                &change(Status::Completed, "Droits ouverts.")
            ),
            []
        );
        assert_eq!(
            check_change(
                Status::InProgress,
                &change(Status::Refused, "  dix lettres ")
            ),
            []
        );
        assert_eq!(
            check_change(Status::InProgress, &change(Status::Refused, "Non.")),
            [ChangeProblem::MessageShort]
        );
        assert_eq!(
            check_change(Status::InProgress, &change(Status::Refused, "")),
            [ChangeProblem::MessageShort]
        );
        assert_eq!(
            check_change(
                Status::Completed,
                &change(Status::InProgress, &"x".repeat(2001))
            ),
            [ChangeProblem::Closed, ChangeProblem::MessageLong]
        );
        assert_eq!(
            check_change(
                Status::InProgress,
                &change(Status::Submitted, "On recommence.")
            ),
            [ChangeProblem::BackToSubmitted]
        );
        assert!(note_ok("ok") && !note_ok(" x ") && !note_ok(&"x".repeat(2001)));
        assert_eq!(Assignment::parse("none"), Some(Assignment::Nobody));
        assert_eq!(Assignment::parse("all"), None);
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
