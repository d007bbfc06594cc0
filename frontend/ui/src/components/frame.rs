//! The frame of every page, in every app: skip link, banners, the app's header, the main
//! content, the footer. It gives the pages the language and the server's configuration as
//! contexts ([`use_lang`](crate::lang::use_lang), [`use_config`](crate::config::use_config)).

use portail_shared::Lang;
use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::browser;
use crate::components::banner::{DemoBanner, UnavailableBanner};
use crate::components::footer::Footer;
use crate::components::icons::BrandMark;
use crate::config::ConfigState;

/// Properties of [`Frame`].
#[derive(Properties, PartialEq, Clone)]
pub struct FrameProps {
    /// The language to render in.
    pub lang: Lang,
    /// What is known of the server's public configuration.
    pub config: ConfigState,
    /// The browser tab's title, before the product's name.
    pub tab_title: Text,
    /// The app's header (see [`SiteHeader`] for the plain one).
    pub header: Html,
    /// Inside `<main>`, above the page: messages that belong to the page (the members' flash).
    #[prop_or_default]
    pub above: Html,
    /// The page.
    #[prop_or_default]
    pub children: Html,
    /// After the footer (the idle session's dialog).
    #[prop_or_default]
    pub after: Html,
}

/// The frame (see the module's documentation).
#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let lang = props.lang;
    use_effect_with(lang, |lang| browser::set_document_lang(*lang));
    use_effect_with((props.tab_title, lang), |(tab_title, lang)| {
        let title = format!(
            "{} – {}",
            tab_title.text(*lang),
            Text::ProductName.text(*lang)
        );
        browser::set_document_title(&title);
    });
    html! {
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<ConfigState> context={props.config.clone()}>
            <a class="skip-link" href="#contenu">{ Text::SkipToContent.text(lang) }</a>
            if props.config.is_demo() {
                <DemoBanner />
            }
            if props.config == ConfigState::Unavailable {
                <UnavailableBanner />
            }
            { props.header.clone() }
            <main id="contenu" class="site-main" tabindex="-1">
                <div class="container">
                    { props.above.clone() }
                    { props.children.clone() }
                </div>
            </main>
            <Footer config={props.config.clone()} />
            { props.after.clone() }
        </ContextProvider<ConfigState>>
        </ContextProvider<Lang>>
    }
}

/// Properties of [`SiteHeader`].
#[derive(Properties, PartialEq, Clone)]
pub struct SiteHeaderProps {
    /// The language on screen.
    pub lang: Lang,
    /// Called with the language the member picks.
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
    /// The product mark, linking to the app's home (see [`ProductMark`]).
    pub mark: Html,
}

/// A header with the product mark and the language switch only (the agents' area, the
/// verification page).
#[component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    html! {
        <header class="site-header">
            <div class="container site-header__bar">
                { props.mark.clone() }
                <LanguageSwitch lang={props.lang} on_lang={props.on_lang.clone()} />
            </div>
        </header>
    }
}

/// The product's mark and name, the content of the link home.
#[component]
pub fn ProductMark() -> Html {
    let lang = crate::lang::use_lang();
    html! {
        <>
            <BrandMark />
            <span class="brand__name">{ Text::ProductName.text(lang) }</span>
        </>
    }
}

/// Properties of [`LanguageSwitch`].
#[derive(Properties, PartialEq, Clone)]
pub struct LanguageSwitchProps {
    /// The language on screen.
    pub lang: Lang,
    /// Called with the language the member picks.
    pub on_lang: Callback<Lang>,
}

/// Two buttons, each language named in itself; the current one is pressed.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let button = |choice: Lang, name: &'static str| {
        let pressed = props.lang == choice;
        let on_lang = props.on_lang.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_lang.emit(choice));
        html! {
            <button
                type="button"
                class="lang-switch__button"
                lang={choice.tag()}
                aria-pressed={if pressed { "true" } else { "false" }}
                {onclick}
            >
                { name }
            </button>
        }
    };

    html! {
        <div class="lang-switch" role="group" aria-label={Text::LanguageSwitchLabel.text(props.lang)}>
            { button(Lang::Fr, Text::LanguageNameFr.text(props.lang)) }
            { button(Lang::En, Text::LanguageNameEn.text(props.lang)) }
        </div>
    }
}
