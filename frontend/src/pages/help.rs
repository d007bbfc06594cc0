//! The help page (`/aide`): where to find the NIR, the phone number, and how to spot fraud.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::lang::use_lang;
use crate::route::Route;

/// The help page.
#[component]
pub fn HelpPage() -> Html {
    let lang = use_lang();
    html! {
        <div class="prose">
            <PageTitle text={Text::TitleHelp} />
            <p class="lead">{ Text::HelpLead.text(lang) }</p>

            <section aria-labelledby="numero-securite-sociale">
                <h2 id="numero-securite-sociale">{ Text::HelpNirHeading.text(lang) }</h2>
                <p>{ Text::HelpNirText.text(lang) }</p>
                <p>{ Text::HelpNirWhere.text(lang) }</p>
                <p>{ Text::HelpNirCorsica.text(lang) }</p>
            </section>

            <section aria-labelledby="nous-appeler">
                <h2 id="nous-appeler">{ Text::HelpPhoneHeading.text(lang) }</h2>
                <PhoneLine />
                <p>{ Text::HelpPhoneText.text(lang) }</p>
            </section>

            <section class="panel panel--warning" aria-labelledby="messages-frauduleux">
                <h2 id="messages-frauduleux" class="panel__title">
                    <Icon kind={IconKind::Warning} />
                    { Text::HelpFraudHeading.text(lang) }
                </h2>
                <p><strong>{ Text::HelpFraudNever.text(lang) }</strong></p>
                <p>{ Text::HelpFraudWhatToDo.text(lang) }</p>
                <p>{ Text::HelpFraudAddress.text(lang) }</p>
            </section>

            <section aria-labelledby="difficulte">
                <h2 id="difficulte">{ Text::HelpAccessibilityHeading.text(lang) }</h2>
                <p>
                    <AppLink to={Route::Accessibility}>
                        { Text::HelpAccessibilityLink.text(lang) }
                    </AppLink>
                </p>
            </section>
        </div>
    }
}
