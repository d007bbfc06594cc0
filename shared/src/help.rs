//! The help centre: its articles and how they are searched, in French and English.
//!
//! The articles answer what members actually get stuck on (signing in, the posted code, a
//! number not recognised, fraudulent messages, checking an attestation, reaching a person).
//! Their words live in the catalogue ([`Text`]), so both languages and French typography are
//! checked there; here is what belongs together and the words people search with.

use crate::Lang;
use crate::i18n::Text;
use crate::text::fold;

/// One article of the help centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    /// Its anchor on the help page (`/aide#connexion`).
    pub id: &'static str,
    /// Its title.
    pub title: Text,
    /// Its paragraphs.
    pub body: &'static [Text],
    /// Other words people search with, in both languages.
    pub keywords: &'static str,
}

/// Every article, in the page's order.
pub const ARTICLES: [Article; 8] = [
    Article {
        id: "connexion",
        title: Text::HelpLoginHeading,
        body: &[
            Text::HelpLoginKey,
            Text::HelpLoginPassword,
            Text::HelpLoginLocked,
            Text::HelpLoginCode,
            Text::HelpLoginBrowser,
        ],
        keywords: "login sign in connexion identifiant bloque verrouille locked cle key navigateur browser cache",
    },
    Article {
        id: "courrier",
        title: Text::HelpLetterHeading,
        body: &[Text::HelpLetterText],
        keywords: "lettre letter post courrier activation creer compte create account",
    },
    Article {
        id: "numero-securite-sociale",
        title: Text::HelpNirHeading,
        body: &[Text::HelpNirText, Text::HelpNirWhere, Text::HelpNirCorsica],
        keywords: "nir numero number securite sociale social security carte vitale card",
    },
    Article {
        id: "numero-non-reconnu",
        title: Text::HelpUnknownHeading,
        body: &[Text::HelpUnknownText],
        keywords: "nir inconnu unknown regime scheme msa demenagement move",
    },
    Article {
        id: "messages-frauduleux",
        title: Text::HelpFraudHeading,
        body: &[
            Text::HelpFraudNever,
            Text::HelpFraudWhatToDo,
            Text::HelpFraudAddress,
        ],
        keywords: "phishing hameconnage arnaque scam fraude fraud sms e-mail faux fake",
    },
    Article {
        id: "attestation",
        title: Text::HelpAttestationHeading,
        body: &[Text::HelpAttestationText],
        keywords: "qr verifier verify authentique genuine employeur employer",
    },
    Article {
        id: "nous-joindre",
        title: Text::HelpReachHeading,
        body: &[Text::HelpReachText, Text::HelpPhoneText],
        keywords: "telephone phone 3646 36 46 appeler call conseiller adviser agence office messagerie",
    },
    Article {
        id: "difficulte",
        title: Text::HelpAccessibilityHeading,
        body: &[],
        keywords: "accessibilite accessibility handicap disability lecteur d ecran screen reader rgaa",
    },
];

/// The articles matching `query` in `lang`: every word of 2 letters or more appears in the
/// title, the text or the keywords (accents and capitals aside); title matches first. An empty
/// query gives every article.
pub fn search(query: &str, lang: Lang) -> Vec<&'static Article> {
    let words: Vec<String> = fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return ARTICLES.iter().collect();
    }
    let mut found: Vec<(bool, &'static Article)> = ARTICLES
        .iter()
        .filter_map(|a| {
            let title = fold(a.title.text(lang));
            let all = format!(
                "{title} {} {}",
                a.body
                    .iter()
                    .map(|t| fold(t.text(lang)))
                    .collect::<Vec<_>>()
                    .join(" "),
                a.keywords
            );
            words
                .iter()
                .all(|w| all.contains(w.as_str()))
                .then(|| (words.iter().any(|w| title.contains(w.as_str())), a))
        })
        .collect();
    // Stable: title matches first, then the page's order.
    found.sort_by_key(|(in_title, _)| !in_title);
    found.into_iter().map(|(_, a)| a).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(query: &str, lang: Lang) -> Vec<&'static str> {
        search(query, lang).iter().map(|a| a.id).collect()
    }

    #[test]
    fn an_empty_search_lists_every_article() {
        assert_eq!(search("", Lang::Fr).len(), ARTICLES.len());
        assert_eq!(search(" ? ", Lang::En).len(), ARTICLES.len());
    }

    #[test]
    fn searches_ignore_accents_and_capitals_in_both_languages() {
        assert_eq!(ids("MOT DE PASSE oublié", Lang::Fr), ["connexion"]);
        assert_eq!(ids("mot de passe oublie", Lang::Fr), ["connexion"]);
        assert_eq!(ids("forgotten password", Lang::En), ["connexion"]);
        assert_eq!(ids("courrier", Lang::Fr)[0], "courrier");
        assert!(ids("phishing", Lang::Fr).contains(&"messages-frauduleux"));
        assert!(ids("SMS", Lang::En).contains(&"messages-frauduleux"));
        assert_eq!(ids("qr", Lang::En), ["attestation"]);
    }

    #[test]
    fn every_word_must_match_and_title_matches_come_first() {
        assert!(ids("carte vitale", Lang::Fr).contains(&"numero-securite-sociale"));
        assert!(ids("zzz carte", Lang::Fr).is_empty());
        let phone = ids("36 46", Lang::Fr);
        assert!(phone.contains(&"nous-joindre") && phone.contains(&"courrier"));
        let numero = ids("numéro", Lang::Fr);
        assert_eq!(numero[0], "numero-securite-sociale");
    }

    #[test]
    fn anchors_are_unique_and_url_safe() {
        let mut ids: Vec<&str> = ARTICLES.iter().map(|a| a.id).collect();
        assert!(
            ids.iter()
                .all(|id| id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        );
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ARTICLES.len());
    }
}
