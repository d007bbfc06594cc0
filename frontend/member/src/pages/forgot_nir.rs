//! Forgotten social security number (`/numero-oublie`): where to find it, and the phone.
//!
//! Nothing is asked or sent: a number is never given out on a web page.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::lang::use_lang;
use crate::route::Route;

/// The forgotten-NIR page.
#[component]
pub fn ForgotNirPage() -> Html {
    let lang = use_lang();
    html! {
        <div class="narrow prose">
            <PageTitle text={Text::TitleForgotNir} />
            <p class="lead">{ Text::ForgotNirLead.text(lang) }</p>
            <section aria-labelledby="ou-trouver-nir">
                <h2 id="ou-trouver-nir">{ Text::ForgotNirWhereHeading.text(lang) }</h2>
                <ul>
                    <li>{ Text::ForgotNirVitale.text(lang) }</li>
                    <li>{ Text::ForgotNirAttestation.text(lang) }</li>
                    <li>{ Text::ForgotNirPayslip.text(lang) }</li>
                </ul>
                <p>{ Text::ForgotNirChildren.text(lang) }</p>
            </section>
            <section class="help-box" aria-labelledby="nir-introuvable">
                <h2 id="nir-introuvable">{ Text::ForgotNirCallHeading.text(lang) }</h2>
                <p>{ Text::ForgotNirCall.text(lang) }</p>
                <PhoneLine />
                <p>{ Text::HelpPhoneText.text(lang) }</p>
            </section>
            <p class="form__aside">
                <AppLink to={Route::Login}>{ Text::BackToSignIn.text(lang) }</AppLink>
            </p>
        </div>
    }
}
