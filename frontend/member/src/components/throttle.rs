//! What a member sees after too many attempts: when to try again, and what else to do.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::link::AppLink;
use crate::route::Route;
use portail_ui::components::icons::{Icon, IconKind};
use portail_ui::components::phone::{PHONE_DISPLAY, PHONE_HREF};
use portail_ui::lang::use_lang;

pub use portail_ui::components::throttle::{RetryAt, THROTTLE_ID};

/// Properties of [`ThrottlePanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ThrottlePanelProps {
    /// The server's sentence, shown when the browser cannot compute the time itself.
    pub message: AttrValue,
    /// When to try again, on the member's clock.
    #[prop_or_default]
    pub retry: Option<RetryAt>,
}

/// "Trop de tentatives de connexion": when to try again, and the other ways forward: wait,
/// reset the password, or call.
#[component]
pub fn ThrottlePanel(props: &ThrottlePanelProps) -> Html {
    let lang = use_lang();
    let when = match props.retry {
        Some(retry) => AttrValue::from(retry.sentence(Text::RetryPrefix, lang)),
        None => props.message.clone(),
    };
    html! {
        <section
            id={THROTTLE_ID}
            class="panel panel--warning"
            role="alert"
            tabindex="-1"
            aria-labelledby="connexion-suspendue-titre"
        >
            <h2 id="connexion-suspendue-titre" class="panel__title">
                <Icon kind={IconKind::Warning} />
                { Text::LoginThrottledTitle.text(lang) }
            </h2>
            <p>{ Text::LoginThrottledIntro.text(lang) }</p>
            <p><strong>{ when }</strong></p>
            <p>{ Text::ThrottleOptionsIntro.text(lang) }</p>
            <ul class="option-list">
                <li>{ Text::ThrottleWait.text(lang) }</li>
                <li>
                    <AppLink to={Route::ForgotPassword}>{ Text::ThrottleReset.text(lang) }</AppLink>
                </li>
                <li>
                    { Text::ThrottleCall.text(lang) }
                    { " " }
                    <a class="phone-line__number" href={PHONE_HREF}>{ PHONE_DISPLAY }</a>
                    { " " }
                    { Text::PhoneCost.text(lang) }
                </li>
            </ul>
        </section>
    }
}
