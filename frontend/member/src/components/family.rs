//! The family view of the home: a parent switches the home to one of their minor children
//! ("Afficher pour"), and the latest payments and the shortcuts then concern that child.
//!
//! The choice is the home's URL query (`/?pour=2`, the person's rank), so Back and a reload
//! keep it.

use portail_shared::i18n::Text;
use portail_shared::reimbursements::history::{Filter, Person};
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::lang::use_lang;
use crate::route::Route;

/// The home's query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FamilyQuery {
    /// The rank of the person shown (1 the insured, 2-19 a child); everyone when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pour: Option<u8>,
}

/// The person the home shows, read from its address (`None`: the whole family).
#[hook]
pub fn use_family_choice() -> Option<u8> {
    use_location()
        .and_then(|l| l.query::<FamilyQuery>().ok())
        .and_then(|q| q.pour)
}

/// Properties of [`FamilySwitch`].
#[derive(Properties, PartialEq, Clone)]
pub struct FamilySwitchProps {
    /// The insured and each minor dependant.
    pub people: Vec<Person>,
    /// Who is shown (`None`: everyone).
    pub chosen: Option<u8>,
}

/// "Afficher pour : Toute la famille / Camille / Hugo / Léa", as radio buttons; a choice
/// changes the home's address. Nothing for a member without dependants.
#[component]
pub fn FamilySwitch(props: &FamilySwitchProps) -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    if props.people.len() < 2 {
        return html! {};
    }
    let choose = |rank: Option<u8>| {
        let navigator = navigator.clone();
        Callback::from(move |_: Event| {
            if let Some(navigator) = &navigator {
                let _ = navigator.replace_with_query(&Route::Home, &FamilyQuery { pour: rank });
            }
        })
    };
    let option = |rank: Option<u8>, label: String| {
        let id = format!("afficher-pour-{}", rank.unwrap_or(0));
        html! {
            <div class="checkbox">
                <input class="checkbox__input" type="radio" name="afficher-pour" id={id.clone()}
                    checked={props.chosen == rank} onchange={choose(rank)} />
                <label class="checkbox__label" for={id}>{ label }</label>
            </div>
        }
    };
    html! {
        <fieldset class="fieldset family-switch">
            <legend class="fieldset__legend">{ Text::FamilyLegend.text(lang) }</legend>
            <p class="field__hint">{ Text::FamilyHint.text(lang) }</p>
            <div class="family-switch__options">
                { option(None, Text::FamilyEveryone.text(lang).to_owned()) }
                { for props.people.iter().map(|p| option(Some(p.rank), p.name.clone())) }
            </div>
        </fieldset>
    }
}

/// Properties of [`PersonShortcuts`].
#[derive(Properties, PartialEq, Clone)]
pub struct PersonShortcutsProps {
    /// The person shown.
    pub person: Person,
}

/// Where to go for one person: their payments (the list filtered to them), their attestation,
/// their médecin traitant, their screenings and vaccines.
#[component]
pub fn PersonShortcuts(props: &PersonShortcutsProps) -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let name = props.person.name.clone();
    let rank = props.person.rank;
    let payments = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(navigator) = &navigator {
            let filter = Filter {
                beneficiary: Some(rank),
                ..Filter::default()
            };
            let _ = navigator.push_with_query(&Route::Reimbursements, &filter);
        }
    });
    let href = format!(
        "{}?{}",
        Route::Reimbursements.to_path(),
        Filter {
            beneficiary: Some(rank),
            ..Filter::default()
        }
        .to_query()
    );
    let link = |to: Route, text: Text| {
        html! {
            <li>
                <crate::components::link::AppLink {to}>
                    { format!("{} {name}", text.text(lang)) }
                </crate::components::link::AppLink>
            </li>
        }
    };
    html! {
        <section class="box dashboard" aria-labelledby="raccourcis-personne">
            <h2 id="raccourcis-personne" class="panel__title">
                { format!("{} {name}", Text::FamilyShortcutsFor.text(lang)) }
            </h2>
            <ul class="link-list">
                <li><a href={href} onclick={payments}>{ format!("{} {name}", Text::FamilyPaymentsOf.text(lang)) }</a></li>
                { link(Route::Documents, Text::FamilyDocumentsOf) }
                { link(Route::Doctor, Text::FamilyDoctorOf) }
                { link(Route::Prevention, Text::FamilyPreventionOf) }
            </ul>
        </section>
    }
}
