//! The agents' area home (`/agent`): what the area holds, one link per tool.

use portail_shared::i18n::Text;
use yew::prelude::*;
use yew_router::Routable;

use crate::components::agent_area::{AgentArea, use_agent};
use crate::components::link::AppLink;
use crate::lang::use_lang;
use crate::route::{AGENT_NAV, AgentRoute};

/// The agents' area home.
#[component]
pub fn AgentHomePage() -> Html {
    html! {
        <AgentArea title={Text::TitleAgentHome}>
            <Tools />
        </AgentArea>
    }
}

#[component]
fn Tools() -> Html {
    let lang = use_lang();
    let supervisor =
        use_agent().is_some_and(|me| me.role == portail_shared::agent::AgentRole::Supervisor);
    html! {
        <>
            <p class="lead">{ Text::AgentIntro.text(lang) }</p>
            <ul class="quick-actions">
                { for AGENT_NAV.iter()
                    .filter(|(to, _)| *to != AgentRoute::Home)
                    .filter(|(to, _)| supervisor || *to != AgentRoute::Stats)
                    .map(|(to, label)| html! {
                        <li key={to.to_path()}>
                            <AppLink to={*to} classes={classes!("quick-actions__link")}>
                                { label.text(lang) }
                            </AppLink>
                        </li>
                    }) }
            </ul>
        </>
    }
}
