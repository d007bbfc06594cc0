//! Forgotten password (`/mot-de-passe-oublie`).
//!
//! Online reset comes in a later version: until then the page says so and gives the way that
//! works today, the phone. It never pretends to send anything.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::lang::use_lang;
use crate::route::Route;

/// The forgotten-password page.
#[component]
pub fn ForgotPasswordPage() -> Html {
    let lang = use_lang();
    html! {
        <div class="prose">
            <PageTitle text={Text::TitleForgotPassword} />
            <p class="lead">{ Text::ForgotPasswordLead.text(lang) }</p>
            <p>{ Text::ForgotPasswordCall.text(lang) }</p>
            <PhoneLine />
            <p>{ Text::HelpPhoneText.text(lang) }</p>
            <p class="actions">
                <AppLink to={Route::Login} classes={classes!("button")}>
                    { Text::BackToSignIn.text(lang) }
                </AppLink>
                <AppLink to={Route::Help}>{ Text::NotFoundHelp.text(lang) }</AppLink>
            </p>
        </div>
    }
}
