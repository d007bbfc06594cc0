//! The fund's side: agents' sign-in, the reason every opening of a member's file needs, the
//! identity checks before account support, and the API bodies of the agent area (`/agent`).
//!
//! Agents are a separate kind of user: their own accounts (e-mail, password, mandatory
//! authenticator app), their own session cookie, their own routes under `/api/agent`.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// Longest free-text reason or note an agent may type.
pub const REASON_MAX_CHARS: usize = 300;

/// What an agent may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum AgentRole {
    /// Answers messages and processes requests.
    Agent,
    /// An agent who also sees the team's statistics.
    Supervisor,
}

/// `POST /api/agent/login`: e-mail and password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentLoginRequest {
    /// The agent's work e-mail.
    pub email: String,
    /// The password.
    pub password: String,
}

/// `POST /api/agent/login/code`: the authenticator app's 6 digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentCodeRequest {
    /// As typed (spaces allowed).
    pub code: String,
}

/// `GET /api/agent/me`: the signed-in agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgentMe {
    /// Work e-mail.
    pub email: String,
    /// Name shown to colleagues.
    pub display_name: String,
    /// Agent or supervisor.
    pub role: AgentRole,
}

/// `POST /api/agent/enrolment/info`: what the one-time enrolment link unlocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolmentToken {
    /// The token from the link's fragment.
    pub token: String,
}

/// The authenticator secret to add to an app, shown once during enrolment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolmentInfo {
    /// Whose account.
    pub email: String,
    /// The secret, base32, grouped by 4 for typing.
    pub secret: String,
    /// `otpauth://` address for apps that take one.
    pub otpauth_uri: String,
}

/// `POST /api/agent/enrolment`: choose a password and prove the app works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolRequest {
    /// The token from the link.
    pub token: String,
    /// The new password.
    pub password: String,
    /// A current code from the app.
    pub code: String,
}

/// Why an agent opens a member's file. Recorded with every opening; the member sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// The member is on the phone.
    PhoneCall,
    /// Answering the member's message.
    Message,
    /// Processing one of the member's requests.
    Request,
    /// A letter or a visit at a desk.
    Letter,
    /// Anything else: the text says what.
    Other,
}

impl ReasonKind {
    /// Every reason, in the order the form lists them.
    pub const ALL: [ReasonKind; 5] = [
        ReasonKind::PhoneCall,
        ReasonKind::Message,
        ReasonKind::Request,
        ReasonKind::Letter,
        ReasonKind::Other,
    ];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonKind::PhoneCall => "phone_call",
            ReasonKind::Message => "message",
            ReasonKind::Request => "request",
            ReasonKind::Letter => "letter",
            ReasonKind::Other => "other",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<ReasonKind> {
        ReasonKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// How the agent and the member read it.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ReasonKind::PhoneCall, Lang::Fr) => "Appel téléphonique de l’assuré",
            (ReasonKind::PhoneCall, Lang::En) => "Phone call from the member",
            (ReasonKind::Message, Lang::Fr) => "Réponse à un message",
            (ReasonKind::Message, Lang::En) => "Answering a message",
            (ReasonKind::Request, Lang::Fr) => "Traitement d’une démarche",
            (ReasonKind::Request, Lang::En) => "Processing a request",
            (ReasonKind::Letter, Lang::Fr) => "Courrier ou accueil",
            (ReasonKind::Letter, Lang::En) => "Letter or desk visit",
            (ReasonKind::Other, Lang::Fr) => "Autre motif",
            (ReasonKind::Other, Lang::En) => "Other reason",
        }
    }
}

/// A reason as the agent gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reason {
    /// Which.
    pub kind: ReasonKind,
    /// Details (required for `other`).
    #[serde(default)]
    pub details: String,
}

/// What is wrong with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonProblem {
    /// "Other" without saying what.
    DetailsMissing,
    /// Longer than [`REASON_MAX_CHARS`].
    TooLong,
}

impl ReasonProblem {
    /// What the agent reads next to the field.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ReasonProblem::DetailsMissing, Lang::Fr) => {
                "Précisez le motif\u{a0}: il est enregistré et l’assuré peut le consulter."
            }
            (ReasonProblem::DetailsMissing, Lang::En) => {
                "Say what the reason is: it is recorded and the member can see it."
            }
            (ReasonProblem::TooLong, Lang::Fr) => "300 caractères au plus.",
            (ReasonProblem::TooLong, Lang::En) => "300 characters at most.",
        }
    }
}

/// Checks a reason: "other" needs details; details stay short. Returns the reason trimmed.
pub fn check_reason(reason: &Reason) -> Result<Reason, ReasonProblem> {
    let details = reason.details.trim();
    if details.chars().count() > REASON_MAX_CHARS {
        return Err(ReasonProblem::TooLong);
    }
    if reason.kind == ReasonKind::Other && details.is_empty() {
        return Err(ReasonProblem::DetailsMissing);
    }
    Ok(Reason {
        kind: reason.kind,
        details: details.to_owned(),
    })
}

/// The identity checks an agent confirms before unlocking an account or resetting its second
/// factor (the caller could be anyone: these are what a fraudster would not know).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IdentityCheck {
    /// Full name and date of birth match the roll.
    NameAndBirth,
    /// The postal address on file, said by the caller.
    PostalAddress,
    /// A recent fact only the member knows (last payment's date or amount, médecin traitant).
    RecentFact,
}

impl IdentityCheck {
    /// Every check, all required.
    pub const ALL: [IdentityCheck; 3] = [
        IdentityCheck::NameAndBirth,
        IdentityCheck::PostalAddress,
        IdentityCheck::RecentFact,
    ];

    /// The checklist's line.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (IdentityCheck::NameAndBirth, Lang::Fr) => {
                "Nom, prénom et date de naissance confirmés par l’assuré"
            }
            (IdentityCheck::NameAndBirth, Lang::En) => {
                "Full name and date of birth confirmed by the member"
            }
            (IdentityCheck::PostalAddress, Lang::Fr) => {
                "Adresse postale donnée par l’assuré, identique au dossier"
            }
            (IdentityCheck::PostalAddress, Lang::En) => {
                "Postal address given by the member, same as on file"
            }
            (IdentityCheck::RecentFact, Lang::Fr) => {
                "Un fait récent confirmé (date d’un dernier paiement ou médecin traitant)"
            }
            (IdentityCheck::RecentFact, Lang::En) => {
                "A recent fact confirmed (date of a last payment, or médecin traitant)"
            }
        }
    }
}

/// Whether every identity check was made.
pub fn identity_checked(done: &[IdentityCheck]) -> bool {
    IdentityCheck::ALL.iter().all(|c| done.contains(c))
}

/// `POST /api/agent/members/search`: find members by NIR or name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberSearch {
    /// A full NIR (spaces allowed), or the start of a family name.
    pub query: String,
}

/// What a search may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchQuery {
    /// A complete, valid NIR.
    Nir(crate::Nir),
    /// The start of a family name, folded (no accents, lower case), 2 letters at least.
    Name(String),
}

/// Reads a search: digits make a NIR (which must be valid), letters a name (2 at least).
pub fn parse_search(query: &str) -> Result<SearchQuery, SearchProblem> {
    let trimmed = query.trim();
    if trimmed.chars().any(|c| c.is_ascii_digit()) {
        return crate::Nir::parse(trimmed)
            .map(SearchQuery::Nir)
            .map_err(|_| SearchProblem::BadNir);
    }
    let folded = crate::text::fold(trimmed);
    if folded.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return Err(SearchProblem::TooShort);
    }
    Ok(SearchQuery::Name(folded))
}

/// What is wrong with a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchProblem {
    /// Digits that are not a valid NIR.
    BadNir,
    /// Fewer than 2 letters.
    TooShort,
}

impl SearchProblem {
    /// The message next to the field.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SearchProblem::BadNir, Lang::Fr) => {
                "Ce numéro n’est pas un numéro de sécurité sociale valide (13 chiffres et la clé)."
            }
            (SearchProblem::BadNir, Lang::En) => {
                "This is not a valid social security number (13 digits and the key)."
            }
            (SearchProblem::TooShort, Lang::Fr) => {
                "Saisissez un numéro de sécurité sociale complet, ou au moins 2 lettres du nom."
            }
            (SearchProblem::TooShort, Lang::En) => {
                "Enter a complete social security number, or at least 2 letters of the name."
            }
        }
    }
}

/// One member found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberHit {
    /// Roll id (for opening the file).
    pub id: i64,
    /// "Given Family".
    pub full_name: String,
    /// Birth date (ISO).
    pub birth_date: String,
    /// NIR with the middle hidden.
    pub masked_nir: String,
    /// Town of the postal address.
    pub city: String,
}

/// `POST /api/agent/members/{id}/open` and the support actions: the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenFile {
    /// Why.
    pub reason: Reason,
}

/// A support action on a member's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupportAction {
    /// Lift the lock that failed logins put on the account.
    Unlock,
    /// Post a new activation letter (the old code stops working).
    ActivationLetter,
    /// Go back to codes by e-mail (the authenticator app and recovery codes are removed).
    ResetSecondFactor,
    /// Sign the member out everywhere.
    EndSessions,
}

impl SupportAction {
    /// Whether the identity checklist must be complete first.
    pub fn needs_identity_checks(self) -> bool {
        matches!(
            self,
            SupportAction::Unlock | SupportAction::ResetSecondFactor
        )
    }

    /// The audit trail's word.
    pub fn as_str(self) -> &'static str {
        match self {
            SupportAction::Unlock => "unlock",
            SupportAction::ActivationLetter => "activation_letter",
            SupportAction::ResetSecondFactor => "reset_second_factor",
            SupportAction::EndSessions => "end_sessions",
        }
    }
}

/// `POST /api/agent/members/{id}/support`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportRequest {
    /// What to do.
    pub action: SupportAction,
    /// Why (recorded).
    pub reason: Reason,
    /// The identity checks made (all required for unlocking or resetting the second factor).
    #[serde(default)]
    pub checks: Vec<IdentityCheck>,
}

/// A member's account as support sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountState {
    /// `none` (never created), `pending` (activation letter sent), `active`, `disabled`.
    pub status: String,
    /// Until when failed logins lock the account (ISO date-time), if they do.
    pub locked_until: Option<String>,
    /// `email` or `totp`.
    pub second_factor: String,
    /// Open sessions.
    pub sessions: i64,
    /// Activation letters waiting to be printed.
    pub letters_waiting: i64,
    /// The e-mail on file, masked.
    pub masked_email: String,
}

/// `POST /api/agent/members/{id}/open`: the member's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberFile {
    /// Who.
    pub member: MemberHit,
    /// The account.
    pub account: AccountState,
}

/// One access to a member's file, as the member sees it (`GET /api/accesses`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Access {
    /// When (ISO date-time).
    pub at: String,
    /// The agent's name.
    pub agent: String,
    /// What was done (`open`, or a [`SupportAction`]'s word).
    pub action: String,
    /// Why.
    pub reason: ReasonKind,
    /// The reason's details.
    pub details: String,
}

/// One activation letter waiting to be posted (`GET /api/agent/letters`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterItem {
    /// The letter.
    pub id: i64,
    /// To whom.
    pub full_name: String,
    /// Postal code and town.
    pub city: String,
    /// When it was asked for (ISO).
    pub created_at: String,
    /// When a batch including it was printed, if it was.
    pub printed_at: Option<String>,
}

/// `POST /api/agent/letters/sent`: letters handed to the post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LettersSent {
    /// Which (printed ones).
    pub ids: Vec<i64>,
}

/// One queue's figures for the supervisor (`GET /api/agent/stats`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueStat {
    /// `messages` or `requests`.
    pub area: String,
    /// The topic or request kind.
    pub queue: String,
    /// Items waiting for the fund.
    pub open: i64,
    /// Median hours from arrival to the first answer, over the last 90 days.
    pub median_response_hours: Option<f64>,
    /// When the oldest open item arrived (ISO).
    pub oldest_at: Option<String>,
}

/// Median of some durations (hours); `None` when there are none.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_needs_details_and_details_stay_short() {
        let other = |d: &str| Reason {
            kind: ReasonKind::Other,
            details: d.into(),
        };
        assert_eq!(
            check_reason(&other("  ")),
            Err(ReasonProblem::DetailsMissing)
        );
        assert_eq!(
            check_reason(&other(" vérification ")).unwrap().details,
            "vérification"
        );
        let call = Reason {
            kind: ReasonKind::PhoneCall,
            details: String::new(),
        };
        assert!(check_reason(&call).is_ok());
        let long = "é".repeat(REASON_MAX_CHARS);
        assert!(check_reason(&other(&long)).is_ok());
        let longer = "é".repeat(REASON_MAX_CHARS + 1);
        assert_eq!(check_reason(&other(&longer)), Err(ReasonProblem::TooLong));
    }

    #[test]
    fn every_identity_check_is_required() {
        assert!(identity_checked(&IdentityCheck::ALL));
        assert!(!identity_checked(&IdentityCheck::ALL[..2]));
        assert!(!identity_checked(&[]));
        assert!(SupportAction::Unlock.needs_identity_checks());
        assert!(SupportAction::ResetSecondFactor.needs_identity_checks());
        assert!(!SupportAction::EndSessions.needs_identity_checks());
    }

    #[test]
    fn a_search_is_a_valid_nir_or_two_letters_of_a_name() {
        assert!(matches!(
            parse_search("2 85 04 75 123 456 07"),
            Ok(SearchQuery::Nir(n)) if n.as_str() == "285047512345607"
        ));
        assert_eq!(
            parse_search("2 85 04 75 123 456 08"),
            Err(SearchProblem::BadNir)
        );
        assert_eq!(parse_search("1234"), Err(SearchProblem::BadNir));
        assert_eq!(parse_search(" é "), Err(SearchProblem::TooShort));
        assert_eq!(
            parse_search(" Lefèvre "),
            Ok(SearchQuery::Name("lefevre".into()))
        );
    }

    #[test]
    fn reasons_read_back_from_their_stored_form() {
        for kind in ReasonKind::ALL {
            assert_eq!(ReasonKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(ReasonKind::parse("curiosity"), None);
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
