//! The accessibility statement (`/accessibilite`), as the RGAA asks every public service.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::lang::use_lang;

/// The ombudsman's site, where a member can take an unanswered complaint.
const DEFENSEUR_DES_DROITS: &str = "https://www.defenseurdesdroits.fr/";

/// What is already in place, as listed on the statement.
const DONE: [Text; 5] = [
    Text::A11yDoneKeyboard,
    Text::A11yDoneSkipLink,
    Text::A11yDoneContrast,
    Text::A11yDoneForms,
    Text::A11yDoneZoom,
];

/// The accessibility statement.
#[component]
pub fn AccessibilityPage() -> Html {
    let lang = use_lang();
    html! {
        <div class="prose">
            <PageTitle text={Text::TitleAccessibility} />
            <p class="lead">{ Text::A11yLead.text(lang) }</p>

            <section aria-labelledby="etat-de-conformite">
                <h2 id="etat-de-conformite">{ Text::A11yStatusHeading.text(lang) }</h2>
                <p>{ Text::A11yStatusText.text(lang) }</p>
            </section>

            <section aria-labelledby="deja-en-place">
                <h2 id="deja-en-place">{ Text::A11yDoneHeading.text(lang) }</h2>
                <ul>
                    { for DONE.iter().map(|item| html! { <li>{ item.text(lang) }</li> }) }
                </ul>
            </section>

            <section aria-labelledby="signaler-un-probleme">
                <h2 id="signaler-un-probleme">{ Text::A11yReportHeading.text(lang) }</h2>
                <p>{ Text::A11yReportText.text(lang) }</p>
                <PhoneLine />
            </section>

            <section aria-labelledby="voies-de-recours">
                <h2 id="voies-de-recours">{ Text::A11yRemedyHeading.text(lang) }</h2>
                <p>{ Text::A11yRemedyText.text(lang) }</p>
                <p><a href={DEFENSEUR_DES_DROITS}>{ Text::A11yRemedyLink.text(lang) }</a></p>
            </section>
        </div>
    }
}
