//! The footer: the fund's name, its phone number, help and accessibility links (and the demo
//! outbox in demo mode).

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::phone::PhoneLine;
use crate::config::ConfigState;
use crate::lang::use_lang;

/// Properties of [`Footer`].
#[derive(Properties, PartialEq, Clone)]
pub struct FooterProps {
    /// The fund's name and the version come from the server's configuration.
    pub config: ConfigState,
}

/// The footer of every page. Its links lead to the members' portal (help, accessibility, the
/// demo outbox), whichever app shows it: plain links, since another app may have to load.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let lang = use_lang();
    let config = props.config.loaded();

    html! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                if let Some(config) = config {
                    <p class="site-footer__fund">{ config.fund_name.clone() }</p>
                }
                <p>{ Text::FooterQuestion.text(lang) }</p>
                <PhoneLine />
                <nav aria-label={Text::FooterLinksLabel.text(lang)}>
                    <ul class="site-footer__links">
                        <li>
                            <a href="/aide">{ Text::TitleHelp.text(lang) }</a>
                        </li>
                        <li>
                            <a href="/accessibilite">{ Text::FooterAccessibility.text(lang) }</a>
                        </li>
                        if props.config.is_demo() {
                            <li>
                                <a href="/demo/boite-envoi">{ Text::TitleDemoOutbox.text(lang) }</a>
                            </li>
                        }
                    </ul>
                </nav>
                if let Some(config) = config {
                    <p class="site-footer__version">
                        { Text::FooterVersion.text(lang) }{ " " }{ config.version.clone() }
                    </p>
                }
            </div>
        </footer>
    }
}
