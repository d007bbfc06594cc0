//! Languages of the portal. French is the default; English is a full translation.
//!
//! Messages are `match`es over enums, so a missing translation is a compile error, not a blank.

use serde::{Deserialize, Serialize};

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français (default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag used in `lang` attributes and cookies.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses a stored tag (`fr`, `en`, `en-GB`…); anything else is French.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// Picks the language from an `Accept-Language` header: the first of fr/en by preference
    /// order as written (q-values are rare in practice and browsers list by preference).
    pub fn from_accept_language(header: &str) -> Lang {
        for part in header.split(',') {
            let tag = part.split(';').next().unwrap_or("").trim();
            let primary = tag.split('-').next().unwrap_or("");
            if primary.eq_ignore_ascii_case("fr") {
                return Lang::Fr;
            }
            if primary.eq_ignore_ascii_case("en") {
                return Lang::En;
            }
        }
        Lang::Fr
    }
}

impl Text {
    /// The months' names, January first.
    pub const MONTHS: [Text; 12] = [
        Text::MonthJanuary,
        Text::MonthFebruary,
        Text::MonthMarch,
        Text::MonthApril,
        Text::MonthMay,
        Text::MonthJune,
        Text::MonthJuly,
        Text::MonthAugust,
        Text::MonthSeptember,
        Text::MonthOctober,
        Text::MonthNovember,
        Text::MonthDecember,
    ];
}

// The catalogue: `Text` and, with the words, each language's table, generated from
// `i18n/<lang>.toml` by `build.rs` (which refuses a key some language lacks).
include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

impl Lang {
    /// Every language, in the tables' order.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// This language's place in the tables.
    const fn index(self) -> usize {
        match self {
            Lang::Fr => 0,
            Lang::En => 1,
        }
    }

    /// A whole number as this language writes it: `1 234` (a narrow no-break space) in
    /// French, `1,234` in English.
    pub fn number(self, n: u64) -> String {
        crate::money::group_thousands(
            n,
            match self {
                Lang::Fr => '\u{202f}',
                Lang::En => ',',
            },
        )
    }

    /// The plural form `count` takes (CLDR): French says "1 message", "0 message"; English
    /// "1 message", "0 messages".
    pub fn plural(self, count: u64) -> &'static str {
        match (self, count) {
            (Lang::Fr, 0 | 1) | (Lang::En, 1) => "one",
            _ => "other",
        }
    }
}

impl Text {
    /// The words of this message in `lang` (a plural message's first form). In the browser,
    /// the words of a language are loaded at run time ([`install`]); until then, nothing.
    pub fn text(self, lang: Lang) -> &'static str {
        words(lang, Text::FIRST_SLOT[self as usize] as usize)
    }

    /// The words with each `{name}` replaced by its value.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        fill(self.text(lang), values)
    }

    /// The plural form `count` takes in `lang`, with `{count}` (and `values`) filled in. A
    /// message without plural forms is filled as it is.
    pub fn count(self, lang: Lang, count: u64, values: &[(&str, &str)]) -> String {
        let first = Text::FIRST_SLOT[self as usize] as usize;
        let form = self
            .forms()
            .and_then(|forms| forms.iter().position(|f| *f == lang.plural(count)))
            .unwrap_or(0);
        let number = lang.number(count);
        let mut all = vec![("count", number.as_str())];
        all.extend_from_slice(values);
        fill(words(lang, first + form), &all)
    }
}

fn fill(words: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(words.len() + 16);
    let mut rest = words;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.split_once('}') {
            Some((name, tail)) => {
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(any(feature = "words", test))]
fn words(lang: Lang, slot: usize) -> &'static str {
    TABLES[lang.index()][slot]
}

#[cfg(not(any(feature = "words", test)))]
fn words(lang: Lang, slot: usize) -> &'static str {
    LOADED.with(|loaded| {
        loaded.borrow()[lang.index()]
            .and_then(|table| table.get(slot).copied())
            .unwrap_or("")
    })
}

#[cfg(not(any(feature = "words", test)))]
thread_local! {
    /// The tables the browser has loaded, kept for the page's life.
    static LOADED: std::cell::RefCell<[Option<&'static [&'static str]>; 2]> =
        const { std::cell::RefCell::new([None; 2]) };
}

/// A language's words for one app, as the server sends them to the browser
/// (`GET /i18n/<app>/<lang>.json`): the common words and the app's own, the others empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    /// [`Text::FINGERPRINT`] of the build whose words these are.
    pub fingerprint: String,
    /// The table: [`Text::SLOTS`] strings in the catalogue's order.
    pub words: Vec<String>,
}

/// Why a table was not installed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordsError {
    /// The table belongs to another build of the portal (an app kept offline after an update).
    OtherBuild,
}

impl Words {
    /// The words of `lang` that `app` says (the server, which has them all).
    #[cfg(any(feature = "words", test))]
    pub fn of(lang: Lang, app: App) -> Words {
        let mut words: Vec<String> = vec![String::new(); Text::SLOTS];
        for &text in Text::ALL {
            if text.app().is_none_or(|own| own == app) {
                let first = Text::FIRST_SLOT[text as usize] as usize;
                let forms = text.forms().map_or(1, <[&str]>::len);
                for slot in first..first + forms {
                    words[slot] = TABLES[lang.index()][slot].to_owned();
                }
            }
        }
        Words {
            fingerprint: Text::FINGERPRINT.to_owned(),
            words,
        }
    }
}

/// Installs the words of `lang` loaded by the browser; kept for the page's life. Whether the
/// words of `lang` are there is [`has_words`].
pub fn install(lang: Lang, table: Words) -> Result<(), WordsError> {
    if table.fingerprint != Text::FINGERPRINT || table.words.len() != Text::SLOTS {
        return Err(WordsError::OtherBuild);
    }
    #[cfg(not(any(feature = "words", test)))]
    {
        let leaked: Vec<&'static str> = table
            .words
            .into_iter()
            .map(|w| &*Box::leak(w.into_boxed_str()))
            .collect();
        let leaked: &'static [&'static str] = Box::leak(leaked.into_boxed_slice());
        LOADED.with(|loaded| loaded.borrow_mut()[lang.index()] = Some(leaked));
    }
    #[cfg(any(feature = "words", test))]
    let _ = lang;
    Ok(())
}

/// Whether the words of `lang` can be shown (always, where the words are built in).
pub fn has_words(lang: Lang) -> bool {
    #[cfg(any(feature = "words", test))]
    {
        let _ = lang;
        true
    }
    #[cfg(not(any(feature = "words", test)))]
    LOADED.with(|loaded| loaded.borrow()[lang.index()].is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_words_in_both_languages_without_stray_spaces() {
        for &text in Text::ALL {
            for lang in [Lang::Fr, Lang::En] {
                let words = text.text(lang);
                assert!(!words.is_empty(), "{text:?} is empty in {lang:?}");
                assert_eq!(words, words.trim(), "{text:?} has outer spaces in {lang:?}");
                assert!(
                    !words.contains("  "),
                    "{text:?} has a double space in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn french_messages_follow_french_typography() {
        for &text in Text::ALL {
            let fr = text.text(Lang::Fr);
            assert!(
                !fr.contains('\''),
                "{text:?}: use the typographic apostrophe in French"
            );
            for mark in [":", ";", "?", "!", "»"] {
                assert!(
                    !fr.contains(&format!(" {mark}")),
                    "{text:?}: a no-break space goes before {mark:?} in French"
                );
            }
        }
    }

    #[test]
    fn accept_language_takes_first_known_language() {
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,fr;q=0.9,en;q=0.8"),
            Lang::Fr
        );
        assert_eq!(Lang::from_accept_language("de-DE"), Lang::Fr);
        assert_eq!(Lang::from_accept_language(""), Lang::Fr);
    }

    #[test]
    fn tags_round_trip_and_default_to_french() {
        for l in [Lang::Fr, Lang::En] {
            assert_eq!(Lang::from_tag(l.tag()), l);
        }
        assert_eq!(Lang::from_tag("EN-us"), Lang::En);
        assert_eq!(Lang::from_tag("xx"), Lang::Fr);
    }
}
