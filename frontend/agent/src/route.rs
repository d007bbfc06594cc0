//! The agents' area's addresses, all under `/agent`.

use portail_shared::i18n::Text;
use yew_router::prelude::*;

/// A page of the agents' area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Routable)]
pub enum AgentRoute {
    /// Agents' area: the queues and tools.
    #[at("/agent")]
    Home,
    /// Agents' sign-in: e-mail, password, authenticator code.
    #[at("/agent/connexion")]
    Login,
    /// A new agent's one-time enrolment link lands here (token in the fragment).
    #[at("/agent/inscription")]
    Enrol,
    /// The queue of members' messages.
    #[at("/agent/messages")]
    Messages,
    /// One conversation, seen by an agent.
    #[at("/agent/messages/:id")]
    Thread {
        /// The thread.
        id: i64,
    },
    /// The queue of requests.
    #[at("/agent/demarches")]
    Requests,
    /// One request, seen by an agent.
    #[at("/agent/demarches/:id")]
    Request {
        /// The request.
        id: i64,
    },
    /// Finding a member by NIR or name.
    #[at("/agent/membres")]
    Members,
    /// A member's file (opened with a reason) and account support.
    #[at("/agent/membres/:id")]
    Member {
        /// The member (roll id).
        id: i64,
    },
    /// Activation letters: print batches, "sent" marking.
    #[at("/agent/courriers")]
    Letters,
    /// The team's statistics (supervisors).
    #[at("/agent/statistiques")]
    Stats,
    /// Any other address under `/agent`.
    #[not_found]
    #[at("/agent/404")]
    NotFound,
}

/// The agents' area navigation, in order (statistics: supervisors only).
pub const AGENT_NAV: [(AgentRoute, Text); 6] = [
    (AgentRoute::Home, Text::TitleAgentHome),
    (AgentRoute::Messages, Text::TitleAgentMessages),
    (AgentRoute::Requests, Text::TitleAgentRequests),
    (AgentRoute::Members, Text::TitleAgentMembers),
    (AgentRoute::Letters, Text::TitleAgentLetters),
    (AgentRoute::Stats, Text::TitleAgentStats),
];

impl AgentRoute {
    /// The page's title: its `<h1>` and the first part of the browser tab's title.
    pub fn title(self) -> Text {
        match self {
            AgentRoute::Home => Text::TitleAgentHome,
            AgentRoute::Login => Text::TitleAgentLogin,
            AgentRoute::Enrol => Text::TitleAgentEnrol,
            AgentRoute::Messages => Text::TitleAgentMessages,
            AgentRoute::Thread { .. } => Text::TitleAgentThread,
            AgentRoute::Requests => Text::TitleAgentRequests,
            AgentRoute::Request { .. } => Text::TitleAgentRequest,
            AgentRoute::Members => Text::TitleAgentMembers,
            AgentRoute::Member { .. } => Text::TitleAgentMember,
            AgentRoute::Letters => Text::TitleAgentLetters,
            AgentRoute::Stats => Text::TitleAgentStats,
            AgentRoute::NotFound => Text::TitleNotFound,
        }
    }
}
