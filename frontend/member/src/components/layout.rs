//! The frame of every page: skip link, banners, header, main content, footer.

use portail_shared::Lang;
use portail_shared::login::SecondFactor;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::browser;
use crate::components::frame::Frame;
use crate::components::header::Header;
use crate::components::icons::{Icon, IconKind};
use crate::components::session_timeout::SessionTimeout;
use crate::config::ConfigState;
use crate::pages;
use crate::route::{self, Route};
use crate::session::{FlashKind, SessionAction, use_session};

/// Properties of [`Layout`].
#[derive(Properties, PartialEq, Clone)]
pub struct LayoutProps {
    /// The language to render in; provided to every page as a context.
    pub lang: Lang,
    /// What is known of the server's public configuration.
    pub config: ConfigState,
    /// Called when the member picks another language.
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
}

/// Renders the page of the current route inside the portal's frame.
///
/// Must sit inside a router (`BrowserRouter` in the browser, `Router` with a memory history in
/// tests) and a [`SessionProvider`](crate::session::SessionProvider). Provides the language and
/// the configuration to every page as contexts, shows the session's flash message above the
/// page it belongs to, and, while a member is signed in, watches the session's idle time.
#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let lang = props.lang;
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let session = use_session();
    let signed_in = session.session.state.member().is_some();
    let app_code = session
        .session
        .pending
        .as_ref()
        .is_some_and(|step| step.factor == SecondFactor::Totp);
    let tab_title = route::tab_title(route, signed_in, props.config.is_production(), app_code);

    {
        // A flash belongs to one page: leaving it clears the flash.
        let flash_route = session.session.flash.as_ref().map(|flash| flash.route);
        let dispatch = session.dispatch.clone();
        use_effect_with(route, move |route| {
            if flash_route.is_some_and(|flash_route| flash_route != *route) {
                dispatch.emit(SessionAction::ClearFlash);
            }
        });
    }
    {
        // After a navigation, or a new flash on the same page (signing out from the home page,
        // where the button that had focus is gone), focus goes to the page's heading. Not on the
        // first page: a fresh load starts at the top, where the skip link is. Not for an error
        // flash on the same page: the control that failed keeps focus, the message is announced.
        let last_route = use_mut_ref(|| None::<Route>);
        let refocus = session
            .session
            .flash
            .as_ref()
            .is_some_and(|flash| flash.kind != FlashKind::Error);
        use_effect_with((route, session.session.flash_serial), move |(route, _)| {
            let previous = last_route.borrow_mut().replace(*route);
            match previous {
                None => {}
                Some(previous) if previous == *route && !refocus => {}
                Some(_) => browser::focus_page_heading(),
            }
        });
    }

    let flash = session
        .session
        .flash
        .as_ref()
        .filter(|flash| flash.route == route)
        .map(|flash| {
            let (class, icon) = match flash.kind {
                FlashKind::Success => ("notice--success", IconKind::Success),
                FlashKind::Info => ("notice--info", IconKind::Info),
                FlashKind::Error => ("notice--error", IconKind::Error),
            };
            html! {
                <p class={classes!("notice", class)}>
                    <Icon kind={icon} />
                    <span>{ flash.text.text(lang) }</span>
                </p>
            }
        });

    html! {
        <Frame
            {lang}
            config={props.config.clone()}
            {tab_title}
            header={html! { <Header lang={lang} on_lang={props.on_lang.clone()} /> }}
            // Always present, so a message that appears in it is announced.
            above={html! { <div class="flash-region" role="status">{ for flash }</div> }}
            after={html! { if signed_in { <SessionTimeout /> } }}
        >
            { pages::switch(route) }
        </Frame>
    }
}
