//! My account's "E-mails de votre caisse": the member turns the payment e-mails on or off.
//! Security messages cannot be turned off and the section says so.

use portail_shared::i18n::Text;
use portail_shared::preferences::Preferences;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::icons::{Icon, IconKind};
use crate::lang::use_lang;

/// What the section knows.
#[derive(Debug, Clone, PartialEq)]
enum State {
    /// Asking the server.
    Loading,
    /// The stored choice, and whether a change was just saved.
    Ready(Preferences, bool),
    /// The server could not be reached: what to say.
    Failed(AttrValue),
}

/// The notification choices, saved as soon as the box is ticked or unticked.
#[component]
pub fn Notices() -> Html {
    let lang = use_lang();
    let state = use_state(|| State::Loading);
    {
        let state = state.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<Preferences>(api::paths::PREFERENCES, lang).await;
                state.set(match answer {
                    Ok(p) => State::Ready(p, false),
                    Err(failure) => State::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let wanted = Preferences {
                payment_emails: e.target_unchecked_into::<HtmlInputElement>().checked(),
            };
            let state = state.setter();
            spawn_local(async move {
                let answer =
                    api::post_json::<_, Preferences>(api::paths::PREFERENCES, &wanted, lang).await;
                state.set(match answer {
                    Ok(p) => State::Ready(p, true),
                    Err(failure) => State::Failed(failure.message(lang).into()),
                });
            });
        })
    };
    let (checked, saved, failed) = match &*state {
        State::Loading => (None, false, None),
        State::Ready(p, saved) => (Some(p.payment_emails), *saved, None),
        State::Failed(message) => (None, false, Some(message.clone())),
    };
    html! {
        <section class="account-section" aria-labelledby="emails-caisse">
            <h2 id="emails-caisse">{ Text::NoticesHeading.text(lang) }</h2>
            if let Some(checked) = checked {
                <div class="checkbox">
                    <input class="checkbox__input" type="checkbox" id="emails-paiements"
                        {checked} {onchange} />
                    <label class="checkbox__label" for="emails-paiements">
                        { Text::NoticesPayments.text(lang) }
                    </label>
                </div>
            }
            <p class="status-line-holder" role="status">
                if saved {
                    <span class="status-line status-line--success">
                        <Icon kind={IconKind::Success} />
                        { Text::NoticesSaved.text(lang) }
                    </span>
                }
            </p>
            if let Some(message) = failed {
                <p class="status-line status-line--error" role="alert">{ message }</p>
            }
            <p class="field__hint">{ Text::NoticesSecurity.text(lang) }</p>
        </section>
    }
}
