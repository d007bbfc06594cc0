//! The public verification page (`/verifier`): anyone checks an attestation's signed code, in
//! the browser, online and offline. Its own small wasm bundle: a pharmacist who scans an
//! attestation's QR code downloads only what checks the code, not the members' portal.
//!
//! [`App`] runs in the browser; [`ServerApp`] renders the page natively for the render tests.

pub mod page;

pub use portail_ui::{api, browser, components, config, lang, time};

use portail_shared::Lang;
use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::browser::UrlFragment;
use crate::components::frame::{Frame, ProductMark, SiteHeader};
use crate::config::ConfigState;

/// The verification page in the browser: the language, the server's configuration.
#[component]
pub fn App() -> Html {
    let shell = portail_ui::shell::use_shell(portail_shared::i18n::App::Verifier);
    html! {
        <portail_ui::shell::WordsGate words={shell.words}>
            <Layout lang={shell.lang} config={shell.config} on_lang={shell.on_lang} />
        </portail_ui::shell::WordsGate>
    }
}

/// Properties of [`ServerApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct ServerAppProps {
    /// The language to render in.
    #[prop_or_default]
    pub lang: Lang,
    /// The public configuration, as `GET /api/config` would answer it.
    #[prop_or_default]
    pub config: ConfigState,
    /// The address's fragment, without `#` (the code from the QR code).
    #[prop_or_default]
    pub url_fragment: Option<AttrValue>,
}

/// The page without a browser (render tests).
#[component]
pub fn ServerApp(props: &ServerAppProps) -> Html {
    html! {
        <ContextProvider<UrlFragment> context={UrlFragment(props.url_fragment.clone())}>
            <Layout lang={props.lang} config={props.config.clone()} />
        </ContextProvider<UrlFragment>>
    }
}

/// Properties of [`Layout`].
#[derive(Properties, PartialEq, Clone)]
pub struct LayoutProps {
    /// The language to render in.
    pub lang: Lang,
    /// What is known of the server's public configuration.
    pub config: ConfigState,
    /// Called when the visitor picks another language.
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
}

/// The page inside the frame; the product mark leads to the members' portal.
#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let mark = html! { <a href="/" class="brand"><ProductMark /></a> };
    html! {
        <Frame
            lang={props.lang}
            config={props.config.clone()}
            tab_title={Text::TitleVerifier}
            header={html! { <SiteHeader lang={props.lang} on_lang={props.on_lang.clone()} {mark} /> }}
        >
            <page::VerifierPage />
        </Frame>
    }
}
