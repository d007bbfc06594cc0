//! Site-wide notices above the header.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::browser;

use crate::components::icons::{Icon, IconKind};
use crate::lang::use_lang;

/// The ribbon of a demo deployment: nobody may mistake it for a real fund's site.
#[component]
pub fn DemoBanner() -> Html {
    let lang = use_lang();
    html! {
        <div class="site-banner site-banner--demo" role="note">
            <p class="container site-banner__text">
                <Icon kind={IconKind::Warning} />
                <span>{ Text::DemoNotice.text(lang) }</span>
            </p>
        </div>
    }
}

/// Shown when the server's configuration could not be loaded.
#[component]
pub fn UnavailableBanner() -> Html {
    let lang = use_lang();
    html! {
        <div class="site-banner site-banner--error" role="alert">
            <p class="container site-banner__text">
                <Icon kind={IconKind::Error} />
                <span>
                    { if browser::is_online() { Text::ConfigUnavailable } else { Text::ConfigOffline }.text(lang) }
                </span>
            </p>
        </div>
    }
}
