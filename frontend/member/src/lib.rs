//! The members' portal: the browser app of insured people (its own wasm bundle; the agents'
//! area and the verification page are other apps, `portail-agent` and `portail-verifier`, on
//! the same component library, `portail-ui`).
//!
//! Everything renders from [`Layout`](components::layout::Layout), which takes the language and
//! the server's public configuration as props, so the same components run in the browser
//! ([`App`], with the real history and `GET /api/config`) and in native render tests
//! ([`ServerApp`], with an in-memory history at a chosen path).
//!
//! Who is signed in lives in [`session::SessionProvider`], above the layout: the browser app
//! asks `GET /api/me`, the render tests give the state as a prop.
//!
//! Browser globals (storage, `document`, focus, the clock) are only touched in [`browser`], from
//! effects and event handlers, never while rendering.

pub mod components;
pub mod pages;
pub mod route;
pub mod session;

pub use portail_ui::{api, browser, config, lang, time};

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::login::LoginStep;
use yew::prelude::*;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::prelude::*;

use crate::browser::UrlFragment;
use crate::components::layout::Layout;
use crate::config::ConfigState;
use crate::session::{SessionProvider, SessionState};

pub use crate::route::Route;

/// The browser app: remembers the language, loads the public configuration, follows the
/// address bar.
#[component]
pub fn App() -> Html {
    let shell = portail_ui::shell::use_shell(portail_shared::i18n::App::Member);
    html! {
        <portail_ui::shell::WordsGate words={shell.words}>
            <BrowserRouter>
                <SessionProvider initial={SessionState::Unknown} load=true lang={shell.lang}>
                    <Layout lang={shell.lang} config={shell.config} on_lang={shell.on_lang} />
                </SessionProvider>
            </BrowserRouter>
        </portail_ui::shell::WordsGate>
    }
}

/// Properties of [`ServerApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ServerAppProps {
    /// The path to render, e.g. `/connexion`.
    pub path: AttrValue,
    /// The language to render in.
    #[prop_or_default]
    pub lang: Lang,
    /// The public configuration, as `GET /api/config` would answer it (still loading if unset).
    #[prop_or_default]
    pub config: ConfigState,
    /// Who is signed in (nobody if unset; `Unknown` renders the state before `GET /api/me`
    /// answers).
    #[prop_or(SessionState::Anonymous)]
    pub session: SessionState,
    /// A sign-in waiting for its e-mailed code, as `POST /api/login` would have answered.
    #[prop_or_default]
    pub pending_login: Option<LoginStep>,
    /// The address's fragment, without `#` (the reset link's token on `/mot-de-passe/nouveau`).
    #[prop_or_default]
    pub url_fragment: Option<AttrValue>,
}

/// The app at a fixed path and language, without a browser: for render tests and pre-rendering.
#[component]
pub fn ServerApp(props: &ServerAppProps) -> Html {
    let history = use_memo(props.path.clone(), |path| {
        AnyHistory::from(MemoryHistory::with_entries([path.to_string()]))
    });

    html! {
        <Router history={(*history).clone()}>
            <SessionProvider
                initial={props.session.clone()}
                pending={props.pending_login.clone().map(Rc::new)}
                lang={props.lang}
            >
                <ContextProvider<UrlFragment> context={UrlFragment(props.url_fragment.clone())}>
                    <Layout lang={props.lang} config={props.config.clone()} />
                </ContextProvider<UrlFragment>>
            </SessionProvider>
        </Router>
    }
}
