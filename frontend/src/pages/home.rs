//! The public landing page (`/`): what the portal lets a member do, and how to start.

use portail_shared::i18n::Text;
use yew::prelude::*;
use yew_router::Routable;

use crate::components::icons::{Icon, IconKind};
use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::lang::use_lang;
use crate::route::Route;

/// What a member can do, each with the area that does it.
const FEATURES: [(Route, Text, Text); 5] = [
    (
        Route::Reimbursements,
        Text::FeaturePaymentsTitle,
        Text::FeaturePaymentsText,
    ),
    (
        Route::Documents,
        Text::FeatureDocumentsTitle,
        Text::FeatureDocumentsText,
    ),
    (
        Route::Requests,
        Text::FeatureRequestsTitle,
        Text::FeatureRequestsText,
    ),
    (
        Route::Messages,
        Text::FeatureMessagesTitle,
        Text::FeatureMessagesText,
    ),
    (
        Route::Prevention,
        Text::FeaturePreventionTitle,
        Text::FeaturePreventionText,
    ),
];

/// The landing page.
#[component]
pub fn HomePage() -> Html {
    let lang = use_lang();
    html! {
        <>
            <section class="hero">
                <PageTitle text={Text::TitleHome} />
                <p class="lead">{ Text::HomeLead.text(lang) }</p>
                <AppLink to={Route::Login} classes={classes!("button", "button--large")}>
                    { Text::SignIn.text(lang) }
                    <Icon kind={IconKind::Arrow} />
                </AppLink>
                <p class="hero__hint">{ Text::HomeSignInHint.text(lang) }</p>
            </section>

            <section aria-labelledby="ce-que-vous-pouvez-faire">
                <h2 id="ce-que-vous-pouvez-faire">{ Text::HomeFeaturesHeading.text(lang) }</h2>
                <ul class="cards">
                    { for FEATURES.iter().map(|(to, title, text)| html! {
                        <li class="card" key={to.to_path()}>
                            <h3 class="card__title">
                                <AppLink to={*to}>{ title.text(lang) }</AppLink>
                            </h3>
                            <p>{ text.text(lang) }</p>
                        </li>
                    }) }
                </ul>
            </section>

            <section aria-labelledby="besoin-d-aide" class="help-box">
                <h2 id="besoin-d-aide">{ Text::HomeHelpHeading.text(lang) }</h2>
                <ul class="link-list">
                    <li><AppLink to={Route::Help}>{ Text::HomeHelpNir.text(lang) }</AppLink></li>
                    <li><AppLink to={Route::Help}>{ Text::HomeHelpFraud.text(lang) }</AppLink></li>
                </ul>
                <PhoneLine />
            </section>
        </>
    }
}
