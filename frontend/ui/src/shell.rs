//! What every app does before its first page: remember the language, load the server's public
//! configuration (and learn its clock from it).

use portail_shared::Lang;
use portail_shared::api::PublicConfig;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::config::{self, ConfigState};
use crate::{api, browser, time};

/// The language on screen, the server's configuration, and what to call when the visitor
/// picks another language.
#[derive(Debug, Clone, PartialEq)]
pub struct Shell {
    /// The language on screen (remembered between visits).
    pub lang: Lang,
    /// What is known of `GET /api/config`.
    pub config: ConfigState,
    /// Switches the language and remembers the choice.
    pub on_lang: Callback<Lang>,
}

/// The shell of a browser app (see the module's documentation).
#[hook]
pub fn use_shell() -> Shell {
    let lang = use_state_eq(|| browser::stored_lang().unwrap_or_default());
    let config = use_state_eq(|| ConfigState::Loading);
    {
        let config = config.setter();
        let lang = *lang;
        // Loaded once: the language only changes the wording of an error, not the config.
        use_effect_with((), move |()| {
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
        let lang = lang.setter();
        Callback::from(move |chosen: Lang| {
            browser::store_lang(chosen);
            lang.set(chosen);
        })
    };
    Shell {
        lang: *lang,
        config: (*config).clone(),
        on_lang,
    }
}
