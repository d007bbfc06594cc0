//! The frame of a member area: its title and what it offers, then what the visitor can do now.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{SessionState, use_session};

/// Properties of [`MemberArea`].
#[derive(Properties, PartialEq, Clone)]
pub struct MemberAreaProps {
    /// The page's title.
    pub title: Text,
    /// What the member finds here.
    pub intro: Text,
    /// "Connectez-vous pour accéder à …".
    pub sign_in: Text,
}

/// A member area's title and what it offers; then, for a visitor, a way to sign in, and for a
/// signed-in member, an honest word that the area is not built yet (no made-up data).
#[component]
pub fn MemberArea(props: &MemberAreaProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let body = match session.session.state {
        SessionState::Anonymous => html! {
            <section class="panel panel--info" aria-labelledby="connexion-necessaire">
                <h2 id="connexion-necessaire" class="panel__title">
                    <Icon kind={IconKind::Info} />
                    { Text::SignInRequiredHeading.text(lang) }
                </h2>
                <p>{ props.sign_in.text(lang) }</p>
                <AppLink to={Route::Login} classes={classes!("button")}>
                    { Text::SignIn.text(lang) }
                </AppLink>
            </section>
        },
        SessionState::Member(_) => html! {
            <section class="panel panel--info" aria-labelledby="bientot-disponible">
                <h2 id="bientot-disponible" class="panel__title">
                    <Icon kind={IconKind::Info} />
                    { Text::ComingSoonHeading.text(lang) }
                </h2>
                <p>{ Text::ComingSoonText.text(lang) }</p>
                <p>{ Text::ComingSoonHelp.text(lang) }</p>
                <PhoneLine />
            </section>
        },
        SessionState::Unknown => html! {
            <p class="loading">{ Text::SessionLoading.text(lang) }</p>
        },
    };
    html! {
        <>
            <PageTitle text={props.title} />
            <p class="lead">{ props.intro.text(lang) }</p>
            { body }
        </>
    }
}
