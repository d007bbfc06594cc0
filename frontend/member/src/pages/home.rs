//! The home page (`/`): for a visitor, what the portal lets a member do and how to start; for a
//! signed-in member, a greeting and the way to each area.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::login::Me;
use portail_shared::reimbursements::history::Person;
use yew::prelude::*;
use yew_router::Routable;

use crate::components::dashboard::{LatestPayments, NeedsAttention, OpenRequests, QuickActions};
use crate::components::family::{FamilySwitch, PersonShortcuts, use_family_choice};
use crate::components::icons::{Icon, IconKind};
use crate::components::link::AppLink;
use crate::components::page_title::{PageTitle, page_heading};
use crate::components::phone::PhoneLine;
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{first_given_name, use_session};

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

/// The home page: the member's home once signed in, the public landing otherwise (also while
/// the server has not said yet).
#[component]
pub fn HomePage() -> Html {
    let lang = use_lang();
    let session = use_session();
    match session.session.state.member() {
        Some(me) => member_home(me, lang),
        None => public_home(lang),
    }
}

/// "Bonjour Camille", and a card for each area.
fn member_home(me: &Me, lang: Lang) -> Html {
    let greeting = format!("{} {}", Text::Hello.text(lang), first_given_name(me));
    let areas = FEATURES.iter().chain(std::iter::once(&(
        Route::Account,
        Text::FeatureAccountTitle,
        Text::FeatureAccountText,
    )));
    html! {
        <>
            <section class="hero hero--member">
                { page_heading(greeting) }
                <p class="lead">{ Text::MemberHomeLead.text(lang) }</p>
                <p class="hero__hint">
                    { Text::MaskedNirLabel.text(lang) }{ " " }
                    <span class="identifier">{ me.masked_nir.clone() }</span>
                </p>
            </section>

            <FamilyDashboard />

            <section aria-labelledby="vos-rubriques">
                <h2 id="vos-rubriques">{ Text::MemberHomeAreasHeading.text(lang) }</h2>
                <ul class="cards">
                    { for areas.map(|(to, title, text)| html! {
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
                    <li><AppLink to={Route::Help}>{ Text::HomeHelpFraud.text(lang) }</AppLink></li>
                </ul>
                <PhoneLine />
            </section>
        </>
    }
}

/// The dashboard, for the whole family or, chosen in the family view, one minor child: that
/// child's latest payments and shortcuts.
#[component]
fn FamilyDashboard() -> Html {
    let chosen = use_family_choice();
    let people = use_state(Vec::<Person>::new);
    let on_people = {
        let people = people.clone();
        Callback::from(move |list: Vec<Person>| {
            if *people != list {
                people.set(list);
            }
        })
    };
    // A rank that is not (or no longer) in the household shows everyone.
    let chosen = chosen.filter(|rank| people.is_empty() || people.iter().any(|p| p.rank == *rank));
    let person = chosen.and_then(|rank| people.iter().find(|p| p.rank == rank).cloned());
    html! {
        <>
            <FamilySwitch people={(*people).clone()} {chosen} />
            <div class="dashboard-grid">
                <NeedsAttention />
                if let Some(person) = person {
                    <PersonShortcuts {person} />
                } else {
                    <QuickActions />
                }
                <LatestPayments beneficiary={chosen} {on_people} />
                <OpenRequests />
            </div>
        </>
    }
}

/// The public landing page.
fn public_home(lang: Lang) -> Html {
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
