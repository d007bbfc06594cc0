//! What every app does before its first page: remember the language, load that language's
//! words (only that one: the other is loaded when the visitor switches), and load the server's
//! public configuration (learning its clock from it).

use portail_shared::Lang;
use portail_shared::api::PublicConfig;
use portail_shared::i18n::{self, App, Words};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::config::{self, ConfigState};
use crate::{api, browser, time};

/// Where an app's words in a language are published (`/i18n/member/fr.json`).
pub fn words_path(app: App, lang: Lang) -> String {
    format!("/i18n/{}/{}.json", app.name(), lang.tag())
}

/// Where the words on screen stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordsState {
    /// The language's words are being loaded.
    Loading,
    /// Shown.
    Ready,
    /// Could not be loaded (offline before any visit, or an app kept offline after an update).
    Failed,
}

/// The language on screen, its words, the server's configuration, and what to call when the
/// visitor picks another language.
#[derive(Debug, Clone, PartialEq)]
pub struct Shell {
    /// The language on screen (remembered between visits).
    pub lang: Lang,
    /// Whether its words can be shown.
    pub words: WordsState,
    /// What is known of `GET /api/config`.
    pub config: ConfigState,
    /// Switches the language (once its words are there) and remembers the choice.
    pub on_lang: Callback<Lang>,
}

/// Loads and installs `app`'s words in `lang` unless they are there.
async fn load_words(app: App, lang: Lang) -> WordsState {
    if i18n::has_words(lang) {
        return WordsState::Ready;
    }
    let installed = api::get_json::<Words>(&words_path(app, lang), lang)
        .await
        .ok()
        .is_some_and(|words| i18n::install(lang, words).is_ok());
    if installed {
        WordsState::Ready
    } else {
        WordsState::Failed
    }
}

/// The shell of the browser app `app` (see the module's documentation).
#[hook]
pub fn use_shell(app: App) -> Shell {
    let lang = use_state_eq(|| browser::stored_lang().unwrap_or_default());
    let words = use_state_eq(|| {
        if i18n::has_words(*lang) {
            WordsState::Ready
        } else {
            WordsState::Loading
        }
    });
    let config = use_state_eq(|| ConfigState::Loading);
    {
        let (config, words) = (config.setter(), words.setter());
        let lang = *lang;
        // Once: the language only changes the wording of an error, not the config.
        use_effect_with((), move |()| {
            spawn_local(async move { words.set(load_words(app, lang).await) });
            spawn_local(async move {
                let loaded = api::get_json::<PublicConfig>(config::CONFIG_PATH, lang).await;
                if let Some(now) = loaded.as_ref().ok().and_then(|c| time::parse_utc(&c.now)) {
                    browser::set_server_now(now);
                }
                config.set(ConfigState::from_result(loaded));
            });
        });
    }
    let on_lang = {
        let (lang, words) = (lang.setter(), words.setter());
        Callback::from(move |chosen: Lang| {
            let (lang, words) = (lang.clone(), words.clone());
            spawn_local(async move {
                // The page keeps its words until the other language's have arrived.
                if load_words(app, chosen).await == WordsState::Ready {
                    browser::store_lang(chosen);
                    lang.set(chosen);
                    words.set(WordsState::Ready);
                }
            });
        })
    };
    Shell {
        lang: *lang,
        words: *words,
        config: (*config).clone(),
        on_lang,
    }
}

/// Properties of [`WordsGate`].
#[derive(Properties, PartialEq, Clone)]
pub struct WordsGateProps {
    /// Where the words stand.
    pub words: WordsState,
    /// The app, shown once its words are there.
    #[prop_or_default]
    pub children: Html,
}

/// Shows the app once its words are there; nothing while they load (a few milliseconds); if
/// they cannot be loaded, the one message that cannot come from the catalogue, in both
/// languages, like the page's `<noscript>`.
#[component]
pub fn WordsGate(props: &WordsGateProps) -> Html {
    match props.words {
        WordsState::Ready => props.children.clone(),
        WordsState::Loading => html! {},
        WordsState::Failed => html! {
            <main class="noscript" role="alert">
                <p lang="fr">
                    { "Le portail n’a pas pu se charger. Vérifiez votre connexion à Internet, puis \
                       rechargez la page, ou appelez le 36 46." }
                </p>
                <p lang="en">
                    { "The portal could not load. Check your internet connection, then reload the \
                       page, or call 36 46." }
                </p>
            </main>
        },
    }
}
