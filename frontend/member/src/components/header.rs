//! The header: product mark, language switch, the member's name and "Se déconnecter" (or the
//! sign-in link), main navigation.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::components::frame::{LanguageSwitch, ProductMark};
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::unread::UnreadBadge;
use crate::route::{MAIN_NAV, Route};
use crate::session::{Flash, FlashKind, SessionAction, SessionState, display_name, use_session};

/// The id the menu button controls.
const NAV_ID: &str = "navigation-principale";

/// Properties of [`Header`].
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    /// The language on screen.
    pub lang: Lang,
    /// Called with the language the member picks.
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
}

/// The header of every page.
///
/// Under 768 px the navigation folds behind a menu button; it folds again after each navigation.
/// The member's name and the sign-out button stay outside the menu, visible on every screen.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let route = use_route::<Route>();
    let menu_open = use_state_eq(|| false);
    let session = use_session();
    let signed_in = session.session.state.member().is_some();

    {
        let menu_open = menu_open.setter();
        use_effect_with(route, move |_| menu_open.set(false));
    }

    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };

    html! {
        <header class="site-header">
            <div class={classes!(
                "container",
                "site-header__bar",
                signed_in.then_some("site-header__bar--member"),
            )}>
                <AppLink to={Route::Home} classes={classes!("brand")}>
                    <ProductMark />
                </AppLink>
                <LanguageSwitch lang={lang} on_lang={props.on_lang.clone()} />
                <button
                    type="button"
                    class="menu-button"
                    aria-expanded={if *menu_open { "true" } else { "false" }}
                    aria-controls={NAV_ID}
                    onclick={toggle_menu}
                >
                    <Icon kind={if *menu_open { IconKind::Close } else { IconKind::Menu }} />
                    <span>{ Text::MenuButton.text(lang) }</span>
                </button>
                { match &session.session.state {
                    SessionState::Member(me) => html! {
                        <>
                            <p class="site-header__user">
                                <Icon kind={IconKind::Person} />
                                <span>
                                    <span class="visually-hidden">
                                        { Text::SignedInAs.text(lang) }{ " " }
                                    </span>
                                    { display_name(me) }
                                </span>
                            </p>
                            <SignOutButton
                                lang={lang}
                                classes={classes!("site-header__sign-out")}
                            />
                        </>
                    },
                    SessionState::Anonymous => html! {
                        <AppLink
                            to={Route::Login}
                            classes={classes!("button", "site-header__sign-in")}
                        >
                            { Text::SignIn.text(lang) }
                        </AppLink>
                    },
                    // Until the server says, neither: a member would see "Se connecter" flash.
                    SessionState::Unknown => html! {},
                } }
            </div>
            <nav
                id={NAV_ID}
                class={classes!("main-nav", menu_open.then_some("main-nav--open"))}
                aria-label={Text::MainNavLabel.text(lang)}
            >
                <ul class="container main-nav__list">
                    { for MAIN_NAV.iter().map(|(to, label)| html! {
                        <li key={to.to_path()}>
                            <AppLink to={*to} classes={classes!("main-nav__link")}>
                                { label.text(lang) }
                                if signed_in && *to == Route::Messages {
                                    <UnreadBadge />
                                }
                            </AppLink>
                        </li>
                    }) }
                </ul>
            </nav>
        </header>
    }
}

/// Properties of [`SignOutButton`].
#[derive(Properties, PartialEq, Clone)]
pub struct SignOutButtonProps {
    /// The language on screen.
    pub lang: Lang,
    /// Classes beside `button button--secondary` (its place in the header).
    #[prop_or_default]
    pub classes: Classes,
}

/// "Se déconnecter": ends the session on the server, forgets the member, and takes them home
/// with "Vous êtes déconnecté.". If the server cannot be reached, the session is still open
/// there, and the page says so rather than pretending.
#[component]
pub fn SignOutButton(props: &SignOutButtonProps) -> Html {
    let lang = props.lang;
    let busy = use_state_eq(|| false);
    let session = use_session();
    let navigator = use_navigator();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);

    let onclick = {
        let busy = busy.clone();
        let dispatch = session.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let busy = busy.setter();
            let dispatch = dispatch.clone();
            let navigator = navigator.clone();
            spawn_local(async move {
                let result = api::post_empty::<()>(api::paths::LOGOUT, lang).await;
                busy.set(false);
                let ended = match &result {
                    Ok(()) => true,
                    // Already over on the server (expired, ended elsewhere): signed out too.
                    Err(failure @ ApiFailure::Api(_)) => {
                        failure.code() == Some(api::codes::UNAUTHENTICATED)
                    }
                    Err(_) => false,
                };
                if ended {
                    browser::forget_pending_login();
                    dispatch.emit(SessionAction::SignedOut(Some(Flash {
                        route: Route::Home,
                        kind: FlashKind::Success,
                        text: Text::SignedOut,
                    })));
                    if let Some(navigator) = navigator {
                        navigator.push(&Route::Home);
                    }
                } else {
                    dispatch.emit(SessionAction::ShowFlash(Flash {
                        route,
                        kind: FlashKind::Error,
                        text: Text::SignOutFailed,
                    }));
                }
            });
        })
    };

    html! {
        <button
            type="button"
            class={classes!("button", "button--secondary", props.classes.clone())}
            disabled={*busy}
            {onclick}
        >
            if *busy {
                { spinner() }
                { Text::SigningOut.text(lang) }
            } else {
                { Text::SignOut.text(lang) }
            }
        </button>
    }
}
