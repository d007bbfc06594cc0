//! Who is signed in, the sign-in in progress, and one message that outlives a navigation.
//!
//! [`SessionProvider`] holds it all in one reducer and gives it to every component as a
//! [`SessionContext`]. The session itself is an HttpOnly cookie the app never sees: what the app
//! knows is what `GET /api/me` and the sign-in answers told it.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::login::{LoginStep, Me};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::route::Route;

/// What the app knows of the member's session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SessionState {
    /// `GET /api/me` has not answered yet.
    #[default]
    Unknown,
    /// Nobody is signed in (or the second factor is still to come).
    Anonymous,
    /// A member is fully signed in.
    Member(Rc<Me>),
}

impl SessionState {
    /// The signed-in member, if any.
    pub fn member(&self) -> Option<&Me> {
        match self {
            SessionState::Member(me) => Some(me),
            SessionState::Unknown | SessionState::Anonymous => None,
        }
    }
}

/// The first of the member's given names, as used in a greeting ("Bonjour Camille").
pub fn first_given_name(me: &Me) -> &str {
    me.given_names
        .split([' ', ','])
        .find(|name| !name.is_empty())
        .unwrap_or(me.family_name.as_str())
}

/// The member's name as the header shows it: first given name and family name.
pub fn display_name(me: &Me) -> String {
    let given = first_given_name(me);
    if given == me.family_name || me.family_name.trim().is_empty() {
        given.to_owned()
    } else {
        format!("{given} {}", me.family_name.trim())
    }
}

/// How a [`Flash`] looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    /// Something the member asked for is done ("Vous êtes déconnecté.").
    Success,
    /// Something the member should know.
    Info,
    /// Something went wrong.
    Error,
}

/// A message shown on one page, set just before navigating to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// The page it belongs to; leaving that page clears it.
    pub route: Route,
    /// How it looks.
    pub kind: FlashKind,
    /// Its words.
    pub text: Text,
}

/// Everything the provider holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Session {
    /// Who is signed in.
    pub state: SessionState,
    /// The first factor's answer while the code is awaited: where it was sent, how long it lasts.
    pub pending: Option<Rc<LoginStep>>,
    /// The message for the page being shown or about to be.
    pub flash: Option<Flash>,
    /// Counts the flashes shown, so the layout can move focus when a new one appears.
    pub flash_serial: u32,
}

/// What can happen to the session.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionAction {
    /// `GET /api/me` answered; ignored if a sign-in or sign-out already decided.
    Loaded(SessionState),
    /// The NIR and password were right: a code was sent.
    LoginStarted(Rc<LoginStep>),
    /// The code page found a sign-in kept from before a reload; ignored if one is known.
    LoginRestored(Rc<LoginStep>),
    /// The member left the sign-in in progress to start again with another number.
    LoginAbandoned,
    /// The code was right: the member is signed in.
    SignedIn(Rc<Me>),
    /// Signed out, or the sign-in in progress was lost; with a message for the next page.
    SignedOut(Option<Flash>),
    /// A message for a page.
    ShowFlash(Flash),
    /// The message's page was left.
    ClearFlash,
}

impl Reducible for Session {
    type Action = SessionAction;

    fn reduce(self: Rc<Self>, action: SessionAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SessionAction::Loaded(state) => {
                if next.state != SessionState::Unknown {
                    return self;
                }
                next.state = state;
            }
            SessionAction::LoginStarted(step) => {
                next.pending = Some(step);
                if next.state == SessionState::Unknown {
                    next.state = SessionState::Anonymous;
                }
            }
            SessionAction::LoginRestored(step) => {
                if next.pending.is_some() || next.state.member().is_some() {
                    return self;
                }
                next.pending = Some(step);
            }
            SessionAction::LoginAbandoned => {
                if next.pending.is_none() {
                    return self;
                }
                next.pending = None;
            }
            SessionAction::SignedIn(me) => {
                next.state = SessionState::Member(me);
                next.pending = None;
            }
            SessionAction::SignedOut(flash) => {
                next.state = SessionState::Anonymous;
                next.pending = None;
                if let Some(flash) = flash {
                    next.flash = Some(flash);
                    next.flash_serial = next.flash_serial.wrapping_add(1);
                }
            }
            SessionAction::ShowFlash(flash) => {
                next.flash = Some(flash);
                next.flash_serial = next.flash_serial.wrapping_add(1);
            }
            SessionAction::ClearFlash => {
                if next.flash.is_none() {
                    return self;
                }
                next.flash = None;
            }
        }
        Rc::new(next)
    }
}

/// What every component gets: the session, and a way to change it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionContext {
    /// The current state.
    pub session: Rc<Session>,
    /// Applies an action (a no-op outside a [`SessionProvider`]).
    pub dispatch: Callback<SessionAction>,
}

/// The session (unknown and unchangeable outside a [`SessionProvider`]).
#[hook]
pub fn use_session() -> SessionContext {
    use_context::<SessionContext>().unwrap_or_default()
}

/// Properties of [`SessionProvider`].
#[derive(Properties, PartialEq, Clone)]
pub struct SessionProviderProps {
    /// The state to start from: `Unknown` in the browser, any state in render tests.
    pub initial: SessionState,
    /// A sign-in in progress to start from (render tests of the code page).
    #[prop_or_default]
    pub pending: Option<Rc<LoginStep>>,
    /// Whether to ask `GET /api/me` who is signed in (the browser app does).
    #[prop_or_default]
    pub load: bool,
    /// The language of the request (only the wording of an error depends on it).
    #[prop_or_default]
    pub lang: Lang,
    /// The app.
    #[prop_or_default]
    pub children: Html,
}

/// Holds the session for everything inside it, and asks the server once who is signed in.
#[component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let session = {
        let initial = props.initial.clone();
        let pending = props.pending.clone();
        use_reducer(move || Session {
            state: initial,
            pending,
            ..Session::default()
        })
    };
    let dispatch = {
        let dispatcher = session.dispatcher();
        use_memo((), move |()| {
            Callback::from(move |action: SessionAction| dispatcher.dispatch(action))
        })
    };

    {
        let dispatch = (*dispatch).clone();
        let load = props.load;
        let lang = props.lang;
        use_effect_with((), move |()| {
            if load {
                spawn_local(async move {
                    // A member, or 401; `null` or 204 are read as nobody too, should the server
                    // prefer not to answer an error to every visitor.
                    let state = match api::get_json::<Option<Me>>(api::paths::ME, lang).await {
                        Ok(Some(me)) => SessionState::Member(Rc::new(me)),
                        // 401, or no answer: nobody we can show as signed in.
                        Ok(None) | Err(_) => SessionState::Anonymous,
                    };
                    dispatch.emit(SessionAction::Loaded(state));
                });
            }
        });
    }

    let context = SessionContext {
        session: Rc::new((*session).clone()),
        dispatch: (*dispatch).clone(),
    };
    html! {
        <ContextProvider<SessionContext> {context}>
            { props.children.clone() }
        </ContextProvider<SessionContext>>
    }
}
