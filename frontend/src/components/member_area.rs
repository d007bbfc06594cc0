//! The frame of a member area while sign-in does not exist yet.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::route::Route;

/// Properties of [`MemberArea`].
#[derive(Properties, PartialEq, Clone)]
pub struct MemberAreaProps {
    /// The page's title.
    pub title: Text,
    /// What the member will find here once signed in.
    pub intro: Text,
    /// "Connectez-vous pour accéder à …".
    pub sign_in: Text,
}

/// A member area's title, what it offers, and a way to sign in.
#[component]
pub fn MemberArea(props: &MemberAreaProps) -> Html {
    let lang = use_lang();
    html! {
        <>
            <PageTitle text={props.title} />
            <p class="lead">{ props.intro.text(lang) }</p>
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
        </>
    }
}
