//! The agents' area's pages, one module per page; [`switch`] picks the page of a route.

pub mod enrol;
pub mod home;
pub mod letters;
pub mod login;
pub mod members;
pub mod messages;
pub mod request;
pub mod requests;
pub mod stats;
pub mod thread;

use yew::prelude::*;

use crate::route::AgentRoute;

/// The page component for a route.
pub fn switch(route: AgentRoute) -> Html {
    match route {
        AgentRoute::Home => html! { <home::AgentHomePage /> },
        AgentRoute::Login => html! { <login::AgentLoginPage /> },
        AgentRoute::Enrol => html! { <enrol::AgentEnrolPage /> },
        AgentRoute::Messages => html! { <messages::AgentMessagesPage /> },
        AgentRoute::Thread { id } => html! { <thread::AgentThreadPage {id} /> },
        AgentRoute::Requests => html! { <requests::AgentRequestsPage /> },
        AgentRoute::Request { id } => html! { <request::AgentRequestPage {id} /> },
        AgentRoute::Members => html! { <members::AgentMembersPage /> },
        AgentRoute::Member { id } => html! { <members::AgentMemberPage {id} /> },
        AgentRoute::Letters => html! { <letters::AgentLettersPage /> },
        AgentRoute::Stats => html! { <stats::AgentStatsPage /> },
        AgentRoute::NotFound => html! { <NotFound /> },
    }
}

/// An address under `/agent` that names no page.
#[component]
fn NotFound() -> Html {
    let lang = crate::lang::use_lang();
    html! {
        <>
            <crate::components::page_title::PageTitle text={portail_shared::i18n::Text::TitleNotFound} />
            <p>
                <crate::components::link::AppLink to={AgentRoute::Home}>
                    { portail_shared::i18n::Text::TitleAgentHome.text(lang) }
                </crate::components::link::AppLink>
            </p>
        </>
    }
}
