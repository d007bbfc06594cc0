//! Secure messaging ("Ma messagerie"): threads between a member and the fund. A new message
//! picks a topic, which routes it to an agents' queue; the member sees when each of their
//! messages was read and answered, keeps a draft, and closes or reopens a thread. Agents answer,
//! and write internal notes that never reach the member.
//!
//! The rules here (topics, limits, who may reopen) are shared by the browser's form and the
//! server's checks.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::reimbursements::Date;
use crate::requests::Attachment;
use crate::text::encode;

/// What a thread is about; it routes the thread to an agents' queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Remboursements.
    Reimbursements,
    /// Carte Vitale.
    VitaleCard,
    /// Attestations.
    Attestation,
    /// Changement de situation (family, address, work).
    SituationChange,
    /// Réclamation.
    Complaint,
    /// Anything else.
    Other,
}

impl Topic {
    /// Every topic, in the form's order.
    pub const ALL: [Topic; 6] = [
        Topic::Reimbursements,
        Topic::VitaleCard,
        Topic::Attestation,
        Topic::SituationChange,
        Topic::Complaint,
        Topic::Other,
    ];

    /// The code stored and exchanged (also the queue's name).
    pub fn code(self) -> &'static str {
        match self {
            Topic::Reimbursements => "reimbursements",
            Topic::VitaleCard => "vitale_card",
            Topic::Attestation => "attestation",
            Topic::SituationChange => "situation_change",
            Topic::Complaint => "complaint",
            Topic::Other => "other",
        }
    }

    /// Reads [`Topic::code`].
    pub fn parse(code: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The topic's name.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Topic::Reimbursements, Lang::Fr) => "Remboursements",
            (Topic::Reimbursements, Lang::En) => "Reimbursements",
            (Topic::VitaleCard, Lang::Fr) => "Carte Vitale",
            (Topic::VitaleCard, Lang::En) => "Carte Vitale (health card)",
            (Topic::Attestation, Lang::Fr) => "Attestation",
            (Topic::Attestation, Lang::En) => "Certificate",
            (Topic::SituationChange, Lang::Fr) => "Changement de situation",
            (Topic::SituationChange, Lang::En) => "Change of situation",
            (Topic::Complaint, Lang::Fr) => "Réclamation",
            (Topic::Complaint, Lang::En) => "Complaint",
            (Topic::Other, Lang::Fr) => "Autre question",
            (Topic::Other, Lang::En) => "Another question",
        }
    }
}

/// Whether a thread is going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ThreadStatus {
    /// Going on: both sides may write.
    Open,
    /// Closed by the member or an agent; the member may reopen it for a while.
    Closed,
}

impl ThreadStatus {
    /// The code stored.
    pub fn code(self) -> &'static str {
        match self {
            ThreadStatus::Open => "open",
            ThreadStatus::Closed => "closed",
        }
    }

    /// Reads [`ThreadStatus::code`].
    pub fn parse(code: &str) -> Option<ThreadStatus> {
        match code {
            "open" => Some(ThreadStatus::Open),
            "closed" => Some(ThreadStatus::Closed),
            _ => None,
        }
    }
}

/// Who wrote, or acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The member.
    Member,
    /// An agent of the fund.
    Agent,
}

impl Party {
    /// The code stored.
    pub fn code(self) -> &'static str {
        match self {
            Party::Member => "member",
            Party::Agent => "agent",
        }
    }

    /// Reads [`Party::code`].
    pub fn parse(code: &str) -> Option<Party> {
        match code {
            "member" => Some(Party::Member),
            "agent" => Some(Party::Agent),
            _ => None,
        }
    }
}

/// Shortest and longest subject, in characters (spaces around not counted).
pub const SUBJECT_CHARS: (usize, usize) = (3, 120);

/// Shortest and longest message, in characters.
pub const BODY_CHARS: (usize, usize) = (2, 5000);

/// Most files joined to one message (the requests' rule).
pub const MAX_ATTACHMENTS: usize = crate::requests::MAX_ATTACHMENTS;

/// A closed thread can be reopened by its member for this many days; after that, a new
/// message starts a new thread.
pub const REOPEN_DAYS: i64 = 90;

/// A subject as stored: spaces and line breaks folded into single spaces.
pub fn clean_subject(subject: &str) -> String {
    subject.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What is wrong with a message, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// No topic chosen.
    TopicMissing,
    /// Subject too short.
    SubjectShort,
    /// Subject over the limit.
    SubjectLong,
    /// Message empty or too short.
    BodyShort,
    /// Message over the limit.
    BodyLong,
    /// More than [`MAX_ATTACHMENTS`] files.
    TooManyFiles,
}

impl Problem {
    /// The form's field (and the API's `fields` key).
    pub fn field(self) -> &'static str {
        match self {
            Problem::TopicMissing => "topic",
            Problem::SubjectShort | Problem::SubjectLong => "subject",
            Problem::BodyShort | Problem::BodyLong => "body",
            Problem::TooManyFiles => "attachments",
        }
    }

    /// What to do.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Problem::TopicMissing, Lang::Fr) => "Choisissez le thème de votre message.",
            (Problem::TopicMissing, Lang::En) => "Choose what your message is about.",
            (Problem::SubjectShort, Lang::Fr) => {
                "Donnez un objet à votre message (3 caractères au moins)."
            }
            (Problem::SubjectShort, Lang::En) => {
                "Give your message a subject (at least 3 characters)."
            }
            (Problem::SubjectLong, Lang::Fr) => {
                "L’objet dépasse 120 caractères\u{a0}: raccourcissez-le."
            }
            (Problem::SubjectLong, Lang::En) => "The subject is over 120 characters: shorten it.",
            (Problem::BodyShort, Lang::Fr) => "Écrivez votre message.",
            (Problem::BodyShort, Lang::En) => "Write your message.",
            (Problem::BodyLong, Lang::Fr) => {
                "Votre message dépasse 5\u{a0}000 caractères\u{a0}: raccourcissez-le ou joignez un document."
            }
            (Problem::BodyLong, Lang::En) => {
                "Your message is over 5,000 characters: shorten it or attach a document."
            }
            (Problem::TooManyFiles, Lang::Fr) => "Joignez 5 fichiers au plus.",
            (Problem::TooManyFiles, Lang::En) => "Attach at most 5 files.",
        }
    }
}

fn check_body(body: &str, problems: &mut Vec<Problem>) {
    let chars = body.trim().chars().count();
    if chars < BODY_CHARS.0 {
        problems.push(Problem::BodyShort);
    } else if chars > BODY_CHARS.1 {
        problems.push(Problem::BodyLong);
    }
}

/// Checks a new thread before it is sent.
pub fn check_new(message: &NewThread) -> Vec<Problem> {
    let mut problems = Vec::new();
    if message.topic.is_none() {
        problems.push(Problem::TopicMissing);
    }
    let subject = clean_subject(&message.subject).chars().count();
    if subject < SUBJECT_CHARS.0 {
        problems.push(Problem::SubjectShort);
    } else if subject > SUBJECT_CHARS.1 {
        problems.push(Problem::SubjectLong);
    }
    check_body(&message.body, &mut problems);
    if message.attachments.len() > MAX_ATTACHMENTS {
        problems.push(Problem::TooManyFiles);
    }
    problems
}

/// Checks an answer in a thread (a member's reply, an agent's answer or internal note).
pub fn check_reply(body: &str, attachments: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_body(body, &mut problems);
    if attachments > MAX_ATTACHMENTS {
        problems.push(Problem::TooManyFiles);
    }
    problems
}

/// Checks a draft: it may be unfinished, but not over the limits.
pub fn check_draft(subject: &str, body: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    if clean_subject(subject).chars().count() > SUBJECT_CHARS.1 {
        problems.push(Problem::SubjectLong);
    }
    if body.trim().chars().count() > BODY_CHARS.1 {
        problems.push(Problem::BodyLong);
    }
    problems
}

/// Why a thread cannot be reopened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReopenProblem {
    /// It is open.
    NotClosed,
    /// Only the member reopens a thread (an agent answers in an open one).
    MemberOnly,
    /// Closed more than [`REOPEN_DAYS`] days ago: write a new message.
    TooOld,
}

impl ReopenProblem {
    /// What to do.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ReopenProblem::NotClosed, Lang::Fr) => "Cette conversation est déjà ouverte.",
            (ReopenProblem::NotClosed, Lang::En) => "This conversation is already open.",
            (ReopenProblem::MemberOnly, Lang::Fr) => "Seul l’assuré peut rouvrir une conversation.",
            (ReopenProblem::MemberOnly, Lang::En) => "Only the member can reopen a conversation.",
            (ReopenProblem::TooOld, Lang::Fr) => {
                "Cette conversation est fermée depuis plus de 90\u{a0}jours\u{a0}: écrivez un nouveau message."
            }
            (ReopenProblem::TooOld, Lang::En) => {
                "This conversation was closed more than 90 days ago: write a new message."
            }
        }
    }
}

/// Whether `by` may reopen a thread in `status`, closed on `closed_on`, on `today`: only the
/// member, and within [`REOPEN_DAYS`] days of the closing (whoever closed it).
pub fn may_reopen(
    by: Party,
    status: ThreadStatus,
    closed_on: Option<Date>,
    today: Date,
) -> Result<(), ReopenProblem> {
    if status == ThreadStatus::Open {
        return Err(ReopenProblem::NotClosed);
    }
    if by != Party::Member {
        return Err(ReopenProblem::MemberOnly);
    }
    match closed_on {
        Some(day) if today.days_since_epoch() - day.days_since_epoch() > REOPEN_DAYS => {
            Err(ReopenProblem::TooOld)
        }
        _ => Ok(()),
    }
}

/// Whether a thread waits for the fund: the last message that counts (not a draft, not an
/// internal note) is the member's and the thread is open.
pub fn awaits_answer(status: ThreadStatus, last_from: Option<Party>) -> bool {
    status == ThreadStatus::Open && last_from == Some(Party::Member)
}

// ----- API bodies: the member's side -----

/// `POST /api/messages`: a new thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewThread {
    /// What it is about (required; absent gives a field message).
    pub topic: Option<Topic>,
    /// The subject.
    pub subject: String,
    /// The message.
    pub body: String,
    /// Files uploaded first (`POST /api/attachments`), by id.
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// `POST /api/messages/{id}/reply`: the member writes again in a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reply {
    /// The message.
    pub body: String,
    /// Files uploaded first, by id.
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// The draft of a new message (`GET`/`POST /api/messages/draft`); all empty when none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewDraft {
    /// The topic chosen so far.
    pub topic: Option<Topic>,
    /// The subject so far.
    #[serde(default)]
    pub subject: String,
    /// The message so far.
    #[serde(default)]
    pub body: String,
    /// When it was saved (ISO-8601 UTC); set by the server.
    #[serde(default)]
    pub saved_at: Option<String>,
}

/// The draft of an answer in a thread (`POST /api/messages/{id}/draft`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyDraft {
    /// The answer so far (empty removes the draft).
    pub body: String,
    /// When it was saved (ISO-8601 UTC); set by the server.
    #[serde(default)]
    pub saved_at: Option<String>,
}

/// `GET /api/messages/unread`: the number the navigation shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unread {
    /// The fund's messages the member has not opened yet.
    pub count: u32,
}

/// One thread in the member's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadSummary {
    /// Identifies the thread (for its page).
    pub id: i64,
    /// What it is about.
    pub topic: Topic,
    /// The subject.
    pub subject: String,
    /// Open or closed.
    pub status: ThreadStatus,
    /// The fund's messages not opened yet.
    pub unread: u32,
    /// Who wrote last.
    pub last_from: Party,
    /// When the last message was written (ISO-8601 UTC).
    pub last_at: String,
    /// When the fund last answered, if it did.
    pub answered_at: Option<String>,
    /// Whether an answer to the thread is being written and kept.
    pub has_draft: bool,
}

/// One message as the member sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageView {
    /// Identifies it.
    pub id: i64,
    /// The member or the fund.
    pub from: Party,
    /// The text.
    pub body: String,
    /// When it was sent (ISO-8601 UTC).
    pub at: String,
    /// When the other side opened it.
    pub read_at: Option<String>,
    /// The files joined (download at `/api/attachments/{id}`).
    pub attachments: Vec<Attachment>,
}

/// A thread and its messages as the member sees them (internal notes never appear).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Thread {
    /// The summary.
    pub summary: ThreadSummary,
    /// Oldest first.
    pub messages: Vec<MessageView>,
    /// The answer being written, if one was kept.
    pub draft: Option<ReplyDraft>,
    /// When it was closed.
    pub closed_at: Option<String>,
    /// Whether the member may reopen it now.
    pub can_reopen: bool,
}

// ----- API bodies: the agents' side -----

/// Whose threads a queue shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Assignment {
    /// Every thread.
    #[default]
    All,
    /// Assigned to the agent asking.
    Mine,
    /// Nobody's yet.
    Unassigned,
}

impl Assignment {
    /// Every choice, in the filter's order.
    pub const ALL: [Assignment; 3] = [Assignment::All, Assignment::Mine, Assignment::Unassigned];

    /// The code in the query string.
    pub fn code(self) -> &'static str {
        match self {
            Assignment::All => "all",
            Assignment::Mine => "mine",
            Assignment::Unassigned => "unassigned",
        }
    }

    /// Reads [`Assignment::code`].
    pub fn parse(code: &str) -> Option<Assignment> {
        Assignment::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// `GET /api/agent/messages?…`: which open threads to list (oldest first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct QueueFilter {
    /// Only this topic's queue.
    pub topic: Option<Topic>,
    /// Whose threads.
    #[serde(default)]
    pub assigned: Assignment,
    /// Only threads waiting for the fund's answer.
    #[serde(default)]
    pub waiting: bool,
}

impl QueueFilter {
    /// The filter as a URL query string (without `?`), fields in a fixed order.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<String> = Vec::new();
        if let Some(topic) = self.topic {
            pairs.push(format!("topic={}", encode(topic.code())));
        }
        if self.assigned != Assignment::All {
            pairs.push(format!("assigned={}", self.assigned.code()));
        }
        if self.waiting {
            pairs.push("waiting=true".to_owned());
        }
        pairs.join("&")
    }
}

/// One thread in an agents' queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    /// The thread.
    pub id: i64,
    /// Its queue.
    pub topic: Topic,
    /// The subject.
    pub subject: String,
    /// The member's name.
    pub member_name: String,
    /// The agent it is assigned to.
    pub assigned_to: Option<String>,
    /// Whether it is assigned to the agent asking.
    pub assigned_to_me: bool,
    /// Since when the member waits for an answer (ISO-8601 UTC), if they do.
    pub waiting_since: Option<String>,
    /// When the thread started.
    pub created_at: String,
    /// When it last moved.
    pub updated_at: String,
}

/// One message as an agent sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentMessage {
    /// Identifies it.
    pub id: i64,
    /// The member or an agent.
    pub from: Party,
    /// The author's name (the member's, or the agent's).
    pub author: String,
    /// An internal note: never shown to the member.
    pub internal: bool,
    /// The text.
    pub body: String,
    /// When it was written (ISO-8601 UTC).
    pub at: String,
    /// When the other side opened it.
    pub read_at: Option<String>,
    /// The files joined (download at `/api/agent/messages/{thread}/attachments/{id}`).
    pub attachments: Vec<Attachment>,
}

/// A thread as an agent sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentThread {
    /// The thread.
    pub id: i64,
    /// Its queue.
    pub topic: Topic,
    /// The subject.
    pub subject: String,
    /// Open or closed.
    pub status: ThreadStatus,
    /// The member's name.
    pub member_name: String,
    /// The agent it is assigned to.
    pub assigned_to: Option<String>,
    /// Whether it is assigned to the agent asking.
    pub assigned_to_me: bool,
    /// Since when the member waits for an answer.
    pub waiting_since: Option<String>,
    /// Messages and internal notes, oldest first.
    pub messages: Vec<AgentMessage>,
}

/// `POST /api/agent/messages/{id}/reply`: the fund's answer, e-mailed as a bare notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentReply {
    /// The answer.
    pub body: String,
    /// Files uploaded first (`POST /api/agent/messages/{id}/attachments`), by id.
    #[serde(default)]
    pub attachments: Vec<i64>,
}

/// `POST /api/agent/messages/{id}/note`: an internal note, for agents only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Note {
    /// The note.
    pub body: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn new(topic: Option<Topic>, subject: &str, body: &str, files: usize) -> NewThread {
        NewThread {
            topic,
            subject: subject.into(),
            body: body.into(),
            attachments: (0..files as i64).collect(),
        }
    }

    #[test]
    fn topics_read_back_from_their_codes_and_have_names_in_both_languages() {
        for t in Topic::ALL {
            assert_eq!(Topic::parse(t.code()), Some(t));
            assert!(!t.label(Lang::Fr).is_empty() && !t.label(Lang::En).is_empty());
        }
        assert_eq!(Topic::parse("Reimbursements"), None);
        assert_eq!(Topic::parse(""), None);
        assert_eq!(
            serde_json::to_string(&Topic::VitaleCard).unwrap(),
            "\"vitale_card\""
        );
        for p in [Party::Member, Party::Agent] {
            assert_eq!(Party::parse(p.code()), Some(p));
        }
        for s in [ThreadStatus::Open, ThreadStatus::Closed] {
            assert_eq!(ThreadStatus::parse(s.code()), Some(s));
        }
        for a in Assignment::ALL {
            assert_eq!(Assignment::parse(a.code()), Some(a));
        }
    }

    #[test]
    fn a_new_message_needs_a_topic_a_subject_and_a_body_within_limits() {
        let t = Some(Topic::Reimbursements);
        assert!(check_new(&new(t, "Abc", "Ok", 5)).is_empty());
        assert_eq!(
            check_new(&new(None, " a\n ", " x ", 6)),
            [
                Problem::TopicMissing,
                Problem::SubjectShort,
                Problem::BodyShort,
                Problem::TooManyFiles
            ]
        );
        let subject_max = "s".repeat(120);
        let body_max = "b".repeat(5000);
        assert!(check_new(&new(t, &subject_max, &body_max, 0)).is_empty());
        assert_eq!(
            check_new(&new(
                t,
                &format!("{subject_max}s"),
                &format!("{body_max}b"),
                0
            )),
            [Problem::SubjectLong, Problem::BodyLong]
        );
        // Spaces inside a subject fold; outside they do not count.
        assert_eq!(clean_subject("  Ma\n\n carte   Vitale "), "Ma carte Vitale");
        assert!(check_new(&new(t, "  Ab c  ", "  ok  ", 0)).is_empty());
    }

    #[test]
    fn replies_and_drafts_have_their_own_limits() {
        assert_eq!(check_reply("", 0), [Problem::BodyShort]);
        assert!(check_reply("Merci", 5).is_empty());
        assert_eq!(check_reply("Merci", 6), [Problem::TooManyFiles]);
        // A draft may be empty or unfinished, never over the limits.
        assert!(check_draft("", "").is_empty());
        assert_eq!(
            check_draft(&"s".repeat(121), &"b".repeat(5001)),
            [Problem::SubjectLong, Problem::BodyLong]
        );
        for p in [
            Problem::TopicMissing,
            Problem::SubjectShort,
            Problem::SubjectLong,
            Problem::BodyShort,
            Problem::BodyLong,
            Problem::TooManyFiles,
        ] {
            assert_ne!(p.message(Lang::Fr), p.message(Lang::En));
            assert!(!p.field().is_empty());
        }
    }

    #[test]
    fn only_the_member_reopens_a_closed_thread_within_90_days() {
        let closed = Some(d("2026-01-01"));
        let member = Party::Member;
        assert_eq!(
            may_reopen(member, ThreadStatus::Closed, closed, d("2026-04-01")),
            Ok(())
        );
        assert_eq!(
            may_reopen(member, ThreadStatus::Closed, closed, d("2026-04-02")),
            Err(ReopenProblem::TooOld)
        );
        assert_eq!(
            may_reopen(Party::Agent, ThreadStatus::Closed, closed, d("2026-01-02")),
            Err(ReopenProblem::MemberOnly)
        );
        assert_eq!(
            may_reopen(member, ThreadStatus::Open, None, d("2026-01-02")),
            Err(ReopenProblem::NotClosed)
        );
        // A closing date unknown (older data) does not lock the member out.
        assert_eq!(
            may_reopen(member, ThreadStatus::Closed, None, d("2030-01-01")),
            Ok(())
        );
    }

    #[test]
    fn a_thread_waits_for_the_fund_while_the_member_wrote_last() {
        assert!(awaits_answer(ThreadStatus::Open, Some(Party::Member)));
        assert!(!awaits_answer(ThreadStatus::Open, Some(Party::Agent)));
        assert!(!awaits_answer(ThreadStatus::Closed, Some(Party::Member)));
        assert!(!awaits_answer(ThreadStatus::Open, None));
    }

    #[test]
    fn queue_filters_write_a_stable_query() {
        assert_eq!(QueueFilter::default().to_query(), "");
        let f = QueueFilter {
            topic: Some(Topic::Complaint),
            assigned: Assignment::Unassigned,
            waiting: true,
        };
        assert_eq!(
            f.to_query(),
            "topic=complaint&assigned=unassigned&waiting=true"
        );
    }
}
