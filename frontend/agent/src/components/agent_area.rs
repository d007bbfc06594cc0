//! The frame of every page of the agents' area: who is signed in, the area's navigation, the
//! page's title. A visitor without an agent session is sent to the agents' sign-in.
//!
//! The agent comes from `GET /api/agent/me`, never from the member's session: the two kinds of
//! users have separate cookies and separate routes.

use std::rc::Rc;

use portail_shared::agent::{AgentMe, AgentRole};
use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiFailure};
use crate::components::icons::{Icon, IconKind};
use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::route::{AGENT_NAV, AgentRoute};

/// The signed-in agent, for the pages inside [`AgentArea`].
#[derive(Debug, Clone, PartialEq)]
pub struct AgentContext(pub Rc<AgentMe>);

/// Properties of [`AgentArea`].
#[derive(Properties, PartialEq, Clone)]
pub struct AgentAreaProps {
    /// The page's title.
    pub title: Text,
    /// Only supervisors see the content.
    #[prop_or_default]
    pub supervisor_only: bool,
    /// The page's content (rendered once the agent is known).
    #[prop_or_default]
    pub children: Html,
}

/// Where the agent check stands.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Loading,
    Agent(Rc<AgentMe>),
    Failed(AttrValue),
}

/// The agents' area frame (see the module's documentation).
#[component]
pub fn AgentArea(props: &AgentAreaProps) -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let who = use_state(|| Who::Loading);
    {
        let who = who.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                match api::get_json::<AgentMe>(api::paths::AGENT_ME, lang).await {
                    Ok(me) => who.set(Who::Agent(Rc::new(me))),
                    Err(ApiFailure::Api(e)) if e.code == api::codes::UNAUTHENTICATED => {
                        if let Some(navigator) = navigator {
                            navigator.replace(&AgentRoute::Login);
                        }
                    }
                    Err(other) => who.set(Who::Failed(other.message(lang).into())),
                }
            });
        });
    }
    let navigator = use_navigator();
    let sign_out = Callback::from(move |_: MouseEvent| {
        let navigator = navigator.clone();
        spawn_local(async move {
            let _ = api::post_empty::<()>(api::paths::AGENT_LOGOUT, lang).await;
            if let Some(navigator) = navigator {
                navigator.push(&AgentRoute::Login);
            }
        });
    });

    let me = match &*who {
        Who::Loading => {
            return html! {
                <>
                    <PageTitle text={props.title} />
                    <p class="loading" role="status">{ Text::AgentLoading.text(lang) }</p>
                </>
            };
        }
        Who::Failed(message) => {
            return html! {
                <>
                    <PageTitle text={props.title} />
                    <p class="notice notice--error" role="alert">
                        <Icon kind={IconKind::Error} />{ message.clone() }
                    </p>
                </>
            };
        }
        Who::Agent(me) => me.clone(),
    };
    let supervisor = me.role == AgentRole::Supervisor;
    html! {
        <ContextProvider<AgentContext> context={AgentContext(me.clone())}>
            <div class="agent-bar">
                <p class="agent-bar__who">
                    <Icon kind={IconKind::Person} />
                    <span>
                        <span class="visually-hidden">{ Text::AgentSignedInAs.text(lang) }{ " " }</span>
                        { me.display_name.clone() }
                    </span>
                </p>
                <button type="button" class="button button--secondary" onclick={sign_out}>
                    { Text::AgentSignOut.text(lang) }
                </button>
            </div>
            <nav class="agent-nav" aria-label={Text::AgentNavLabel.text(lang)}>
                <ul class="agent-nav__list">
                    { for AGENT_NAV.iter()
                        .filter(|(to, _)| supervisor || *to != AgentRoute::Stats)
                        .map(|(to, label)| html! {
                            <li key={to.to_path()}>
                                <AppLink to={*to} classes={classes!("agent-nav__link")}>
                                    { label.text(lang) }
                                </AppLink>
                            </li>
                        }) }
                </ul>
            </nav>
            <PageTitle text={props.title} />
            if props.supervisor_only && !supervisor {
                <p class="notice notice--info">
                    <Icon kind={IconKind::Info} />{ Text::AgentSupervisorOnly.text(lang) }
                </p>
            } else {
                { props.children.clone() }
            }
        </ContextProvider<AgentContext>>
    }
}

/// The signed-in agent (inside an [`AgentArea`]).
#[hook]
pub fn use_agent() -> Option<Rc<AgentMe>> {
    use_context::<AgentContext>().map(|c| c.0)
}
