//! The agents' area (`/agent`): the fund's agents answer members' messages, process requests,
//! find a member (with a recorded reason), support accounts and print letters. Its own wasm
//! bundle, sign-in and session (`GET /api/agent/me`): no member ever downloads it, and it never
//! reads a member's session.
//!
//! [`App`] runs in the browser; [`ServerApp`] renders one address natively for the render
//! tests.

pub mod components;
pub mod pages;
pub mod route;

pub use portail_ui::{api, browser, config, lang, time};

use portail_shared::Lang;
use yew::prelude::*;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::prelude::*;

use crate::browser::UrlFragment;
use crate::components::frame::{Frame, ProductMark, SiteHeader};
use crate::components::link::AppLink;
use crate::config::ConfigState;
pub use crate::route::AgentRoute;

/// The agents' area in the browser: the language, the server's configuration, the address bar.
#[component]
pub fn App() -> Html {
    let shell = portail_ui::shell::use_shell(portail_shared::i18n::App::Agent);
    html! {
        <portail_ui::shell::WordsGate words={shell.words}>
            <BrowserRouter>
                <Layout lang={shell.lang} config={shell.config} on_lang={shell.on_lang} />
            </BrowserRouter>
        </portail_ui::shell::WordsGate>
    }
}

/// Properties of [`ServerApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ServerAppProps {
    /// The address to render, e.g. `/agent/connexion`.
    pub path: AttrValue,
    /// The language to render in.
    #[prop_or_default]
    pub lang: Lang,
    /// The public configuration, as `GET /api/config` would answer it.
    #[prop_or_default]
    pub config: ConfigState,
    /// The address's fragment, without `#` (the enrolment link's token).
    #[prop_or_default]
    pub url_fragment: Option<AttrValue>,
}

/// The agents' area at a fixed address, without a browser (render tests).
#[component]
pub fn ServerApp(props: &ServerAppProps) -> Html {
    let history = use_memo(props.path.clone(), |path| {
        AnyHistory::from(MemoryHistory::with_entries([path.to_string()]))
    });
    html! {
        <Router history={(*history).clone()}>
            <ContextProvider<UrlFragment> context={UrlFragment(props.url_fragment.clone())}>
                <Layout lang={props.lang} config={props.config.clone()} />
            </ContextProvider<UrlFragment>>
        </Router>
    }
}

/// Properties of [`Layout`].
#[derive(Properties, PartialEq, Clone)]
pub struct LayoutProps {
    /// The language to render in.
    pub lang: Lang,
    /// What is known of the server's public configuration.
    pub config: ConfigState,
    /// Called when the agent picks another language.
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
}

/// The page of the current address inside the frame; focus goes to the page's heading after a
/// navigation (not on the first page, where the skip link comes first).
#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let route = use_route::<AgentRoute>().unwrap_or(AgentRoute::NotFound);
    {
        let last_route = use_mut_ref(|| None::<AgentRoute>);
        use_effect_with(route, move |route| {
            let previous = last_route.borrow_mut().replace(*route);
            if previous.is_some_and(|previous| previous != *route) {
                browser::focus_page_heading();
            }
        });
    }
    let mark = html! {
        <AppLink to={AgentRoute::Home} classes={classes!("brand")}><ProductMark /></AppLink>
    };
    html! {
        <Frame
            lang={props.lang}
            config={props.config.clone()}
            tab_title={route.title()}
            header={html! { <SiteHeader lang={props.lang} on_lang={props.on_lang.clone()} {mark} /> }}
        >
            { pages::switch(route) }
        </Frame>
    }
}
