//! What a member sees after too many attempts: when to try again, and what else to do.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::browser;
use crate::components::icons::{Icon, IconKind};
use crate::components::link::AppLink;
use crate::components::phone::{PHONE_DISPLAY, PHONE_HREF};
use crate::lang::use_lang;
use crate::route::Route;
use crate::time::{self, LocalInstant};

/// The id of the throttle panel: the page focuses it when it appears.
pub const THROTTLE_ID: &str = "connexion-suspendue";

/// When the server said an action may be tried again, read on the member's own clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAt {
    /// The moment the refusal arrived.
    pub now: LocalInstant,
    /// The first whole minute the action may be tried again.
    pub at: LocalInstant,
}

impl RetryAt {
    /// From the refusal's `retry_after_seconds`, on the browser's clock; `None` without one
    /// (natively), where the server's own sentence is shown instead.
    pub fn from_now(retry_after_seconds: Option<u64>) -> Option<Self> {
        let seconds = retry_after_seconds?;
        let now = browser::now_ms()?;
        Some(Self::compute(
            browser::local_instant(now),
            browser::local_instant(time::retry_at_ms(now, seconds)),
        ))
    }

    /// From two moments already read (tests).
    pub fn compute(now: LocalInstant, at: LocalInstant) -> Self {
        Self { now, at }
    }

    /// "Vous pourrez réessayer à 15:42." with the given start ([`Text::RetryPrefix`]…).
    pub fn sentence(self, prefix: Text, lang: Lang) -> String {
        format!(
            "{} {}.",
            prefix.text(lang),
            time::when_phrase(self.now, self.at, lang)
        )
    }
}

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
