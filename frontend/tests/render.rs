//! Renders the app without a browser (Yew's server renderer) and checks what a member gets.
//!
//! `ServerApp` puts the whole layout inside a router with an in-memory history at the path under
//! test, so every route renders exactly as in the browser, minus effects.

// Helpers below are test code too: a panic there is a failed test.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::rc::Rc;

use portail_frontend::ServerApp;
use portail_frontend::ServerAppProps;
use portail_frontend::api::{self, ApiFailure};
use portail_frontend::config::ConfigState;
use portail_frontend::pages::login::{NirFeedback, nir_feedback};
use portail_shared::Lang;
use portail_shared::api::{Mode, PublicConfig};
use portail_shared::i18n::Text;
use portail_shared::nir::NirError;

/// Every address of the portal, with a path that reaches it.
const PATHS: [&str; 11] = [
    "/",
    "/connexion",
    "/remboursements",
    "/documents",
    "/demarches",
    "/messagerie",
    "/prevention",
    "/compte",
    "/aide",
    "/accessibilite",
    "/cette-page-n-existe-pas",
];

async fn render(path: &str, lang: Lang, config: ConfigState) -> String {
    let props = ServerAppProps {
        path: path.to_owned().into(),
        lang,
        config,
    };
    tokio::task::LocalSet::new()
        .run_until(async move {
            yew::LocalServerRenderer::<ServerApp>::with_props(props)
                .hydratable(false)
                .render()
                .await
        })
        .await
}

async fn render_fr(path: &str) -> String {
    render(path, Lang::Fr, loaded(Mode::Production)).await
}

fn loaded(mode: Mode) -> ConfigState {
    ConfigState::Loaded(Rc::new(PublicConfig {
        mode,
        fund_name: "Caisse primaire de Testville".to_owned(),
        version: "0.1.0".to_owned(),
    }))
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Every opening tag `<name …>` of the page, attributes included.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .filter(|(start, _)| {
            let next = html[start + open.len()..].chars().next();
            matches!(next, Some(' ' | '>'))
        })
        .map(|(start, _)| {
            let end = html[start..]
                .find('>')
                .map_or(html.len(), |end| start + end + 1);
            &html[start..end]
        })
        .collect()
}

/// The one opening tag `<name …>` that has all these attributes (`key="value"`), whatever
/// their order.
fn tag<'a>(html: &'a str, name: &str, attributes: &[&str]) -> &'a str {
    let found: Vec<_> = tags(html, name)
        .into_iter()
        .filter(|tag| attributes.iter().all(|a| tag.contains(a)))
        .collect();
    assert_eq!(found.len(), 1, "<{name}> with {attributes:?}: {found:?}");
    found[0]
}

/// The text between the end of `opening` and the next `</name>`.
fn inner<'a>(html: &'a str, opening: &str, name: &str) -> &'a str {
    let start = html.find(opening).unwrap() + opening.len();
    let end = html[start..].find(&format!("</{name}>")).unwrap() + start;
    &html[start..end]
}

fn main_of(html: &str) -> &str {
    &html[html.find("<main").unwrap()..html.find("</main>").unwrap()]
}

// ----- Layout -----

#[tokio::test]
async fn skip_link_comes_first_and_targets_the_focusable_main() {
    let html = render_fr("/").await;
    let skip = tags(&html, "a")[0];
    assert!(html.starts_with(skip), "the skip link is not first: {html}");
    assert!(skip.contains(r##"href="#contenu""##), "{skip}");
    assert_eq!(inner(&html, skip, "a"), "Aller au contenu");
    tag(&html, "main", &[r#"id="contenu""#, r#"tabindex="-1""#]);
    assert_eq!(count(&html, "<header"), 1);
    assert_eq!(count(&html, "<footer"), 1);
}

#[tokio::test]
async fn navigation_lists_the_seven_areas_in_order() {
    let html = render_fr("/").await;
    let nav_start = html.find(r#"aria-label="Navigation principale""#).unwrap();
    let nav = &html[nav_start..html[nav_start..].find("</nav>").unwrap() + nav_start];
    let expected = [
        ("/", "Accueil"),
        ("/remboursements", "Paiements"),
        ("/documents", "Documents"),
        ("/demarches", "Démarches"),
        ("/messagerie", "Messagerie"),
        ("/prevention", "Prévention"),
        ("/compte", "Mon compte"),
    ];
    let mut from = 0;
    for (href, label) in expected {
        let at = nav[from..]
            .find(&format!("href=\"{href}\""))
            .unwrap_or_else(|| panic!("{href} missing or out of order in {nav}"));
        from += at;
        assert!(nav[from..].contains(label), "{label} missing");
    }
}

#[tokio::test]
async fn current_page_is_marked_in_the_navigation_only() {
    let html = render_fr("/documents").await;
    assert_eq!(count(&html, r#"aria-current="page""#), 1, "{html}");
    tag(
        &html,
        "a",
        &[
            r#"href="/documents""#,
            r#"aria-current="page""#,
            "main-nav__link",
        ],
    );
}

#[tokio::test]
async fn menu_button_controls_the_navigation_and_starts_closed() {
    let html = render_fr("/").await;
    let button = tag(
        &html,
        "button",
        &[r#"aria-controls="navigation-principale""#],
    );
    assert!(button.contains(r#"aria-expanded="false""#), "{button}");
    assert_eq!(
        tags(&html, "nav")
            .iter()
            .filter(|nav| nav.contains(r#"id="navigation-principale""#))
            .count(),
        1
    );
}

#[tokio::test]
async fn demo_banner_shows_only_when_the_server_says_demo() {
    let demo = render("/", Lang::Fr, loaded(Mode::Demo)).await;
    assert!(demo.contains(
        "Démo — ceci est une démonstration\u{a0}: aucune donnée réelle, ce site n’est pas celui de l’Assurance Maladie."
    ));
    let demo_en = render("/aide", Lang::En, loaded(Mode::Demo)).await;
    assert!(demo_en.contains("Demo — this is a demonstration"));

    for config in [
        loaded(Mode::Production),
        ConfigState::Loading,
        ConfigState::Unavailable,
    ] {
        let html = render("/", Lang::Fr, config).await;
        assert!(!html.contains("site-banner--demo"));
        assert!(!html.contains("démonstration"));
    }
}

#[tokio::test]
async fn unreachable_server_is_said_not_hidden() {
    let html = render("/", Lang::Fr, ConfigState::Unavailable).await;
    assert!(html.contains("Le portail ne répond pas pour le moment."));
    let ok = render_fr("/").await;
    assert!(!ok.contains("site-banner--error"));
}

#[tokio::test]
async fn footer_names_the_fund_and_gives_phone_help_and_accessibility() {
    let html = render_fr("/").await;
    let footer = &html[html.find("<footer").unwrap()..];
    assert!(footer.contains("Caisse primaire de Testville"));
    assert_eq!(
        inner(footer, tag(footer, "a", &[r#"href="tel:3646""#]), "a"),
        "36 46"
    );
    assert!(footer.contains(r#"href="/aide""#));
    assert!(footer.contains(r#"href="/accessibilite""#));
    assert!(footer.contains("Accessibilité\u{a0}: partiellement conforme"));
    assert!(footer.contains("Version 0.1.0"));
}

// ----- Languages -----

#[tokio::test]
async fn french_is_the_default_language() {
    let html = yew::LocalServerRenderer::<ServerApp>::with_props(ServerAppProps {
        path: "/".into(),
        lang: Lang::default(),
        config: ConfigState::default(),
    })
    .hydratable(false);
    let html = tokio::task::LocalSet::new().run_until(html.render()).await;
    assert!(html.contains("Aller au contenu"));
    assert!(html.contains("Se connecter"));
    tag(&html, "button", &[r#"lang="fr""#, r#"aria-pressed="true""#]);
    tag(
        &html,
        "button",
        &[r#"lang="en""#, r#"aria-pressed="false""#],
    );
}

#[tokio::test]
async fn english_pages_are_fully_english() {
    let html = render("/", Lang::En, loaded(Mode::Production)).await;
    for words in [
        "Skip to content",
        "Main navigation",
        "Payments",
        "My account",
        "Sign in",
    ] {
        assert!(html.contains(words), "{words} missing");
    }
    for french in [
        "Aller au contenu",
        "Paiements",
        "Mon compte",
        "Se connecter",
        "Appelez",
    ] {
        assert!(!html.contains(french), "{french} left in the English page");
    }
    tag(&html, "button", &[r#"lang="en""#, r#"aria-pressed="true""#]);
}

// ----- Pages -----

#[tokio::test]
async fn every_page_has_exactly_one_h1_and_no_inline_style() {
    for path in PATHS {
        for lang in [Lang::Fr, Lang::En] {
            let html = render(path, lang, loaded(Mode::Demo)).await;
            let h1 = tag(&html, "h1", &[r#"tabindex="-1""#]);
            assert_eq!(tags(&html, "h1").len(), 1, "{path} {lang:?}");
            assert!(
                main_of(&html).contains(h1),
                "{path}: the h1 is outside <main>"
            );
            // The server's Content-Security-Policy forbids inline styles.
            assert!(!html.contains("style="), "{path} has an inline style");
            assert!(!html.contains("<script"), "{path} has an inline script");
        }
    }
}

#[tokio::test]
async fn home_page_explains_the_portal_and_invites_to_sign_in() {
    let html = render_fr("/").await;
    let h1 = tags(&html, "h1")[0];
    assert_eq!(
        inner(&html, h1, "h1"),
        "Vos remboursements et vos démarches, en ligne"
    );
    assert!(html.contains("Ce que vous pouvez faire"));
    let main = main_of(&html);
    let cta = tag(main, "a", &[r#"href="/connexion""#, "button--large"]);
    assert!(inner(main, cta, "a").starts_with("Se connecter"));
    assert!(html.contains("Besoin d’aide\u{202f}?"));
}

#[tokio::test]
async fn member_areas_ask_to_sign_in_with_a_link() {
    let areas = [
        (
            "/remboursements",
            "Paiements et remboursements",
            "vos paiements",
        ),
        ("/documents", "Documents", "vos documents"),
        ("/demarches", "Démarches", "vos démarches"),
        ("/messagerie", "Messagerie", "votre messagerie"),
        ("/prevention", "Prévention", "vos rendez-vous de prévention"),
        ("/compte", "Mon compte", "votre compte"),
    ];
    for (path, title, what) in areas {
        let html = render_fr(path).await;
        assert_eq!(inner(&html, tags(&html, "h1")[0], "h1"), title, "{path}");
        assert!(
            html.contains(&format!("Connectez-vous pour accéder à {what}.")),
            "{path}"
        );
        let main = main_of(&html);
        assert!(
            main.contains(r#"href="/connexion""#),
            "{path} has no sign-in link"
        );
    }
}

#[tokio::test]
async fn unknown_address_shows_the_not_found_page_with_a_way_home() {
    let html = render_fr("/nulle-part/ailleurs").await;
    assert_eq!(inner(&html, tags(&html, "h1")[0], "h1"), "Page introuvable");
    let main = main_of(&html);
    assert_eq!(
        inner(main, tag(main, "a", &[r#"href="/""#]), "a"),
        "Revenir à l’accueil"
    );
}

#[tokio::test]
async fn help_page_gives_nir_location_phone_and_phishing_warning() {
    let html = render_fr("/aide").await;
    assert!(html.contains("carte Vitale"));
    assert!(html.contains("attestation de droits"));
    assert!(html.contains(r#"href="tel:3646""#));
    assert!(html.contains(
        "Votre caisse ne vous demande jamais votre mot de passe ni vos coordonnées bancaires par e-mail, par SMS ou par téléphone."
    ));
}

#[tokio::test]
async fn accessibility_statement_states_rgaa_target_and_partial_compliance() {
    let html = render_fr("/accessibilite").await;
    assert!(html.contains("RGAA), version 4.1"));
    assert!(html.contains("partiellement conforme"));
    assert!(html.contains("Signaler un problème"));
    assert!(html.contains("Défenseur des droits"));
}

#[tokio::test]
async fn login_nir_field_has_a_label_a_hint_and_a_live_message() {
    let html = render_fr("/connexion").await;
    let label = tag(&html, "label", &[r#"for="nir""#]);
    assert_eq!(inner(&html, label, "label"), "Numéro de sécurité sociale");
    let hint = tag(&html, "p", &[r#"id="nir-aide""#]);
    assert!(inner(&html, hint, "p").starts_with("15 caractères"));
    tag(
        &html,
        "p",
        &[r#"id="nir-message""#, r#"aria-live="polite""#],
    );
    // The label comes before (above) the field.
    assert!(html.find(label) < html.find(tag(&html, "input", &[r#"id="nir""#])));

    let input = tag(&html, "input", &[r#"id="nir""#]);
    assert!(
        input.contains(r#"aria-describedby="nir-aide nir-message""#),
        "{input}"
    );
    assert!(input.contains(r#"autocomplete="username""#), "{input}");
    assert!(!input.contains("aria-invalid"), "{input}");

    let password = tag(&html, "input", &[r#"id="mot-de-passe""#]);
    assert!(password.contains(r#"type="password""#));
    assert!(password.contains(r#"autocomplete="current-password""#));
    let label = tag(&html, "label", &[r#"for="mot-de-passe""#]);
    assert_eq!(inner(&html, label, "label"), "Mot de passe");
    let submit = tag(&html, "button", &[r#"type="submit""#]);
    assert_eq!(inner(&html, submit, "button"), "Se connecter");
    // Nothing is said about sign-in before the member tries.
    assert!(!html.contains("pas encore ouverte"));
}

// ----- NIR feedback on the sign-in page -----

#[test]
fn nir_is_quiet_while_a_valid_start_is_being_typed() {
    assert_eq!(nir_feedback("2 69 05", false, false), NirFeedback::Quiet);
    assert_eq!(nir_feedback("", false, false), NirFeedback::Quiet);
}

#[test]
fn nir_key_is_checked_live_once_complete() {
    assert_eq!(
        nir_feedback("2 69 05 49 588 157 80", false, false),
        NirFeedback::Valid
    );
    assert_eq!(
        nir_feedback("2 69 05 49 588 157 81", false, false),
        NirFeedback::Error(NirError::WrongKey)
    );
}

#[test]
fn nir_half_typed_is_an_error_only_after_leaving_the_field() {
    assert!(matches!(
        nir_feedback("2 69 05", true, false),
        NirFeedback::Error(NirError::WrongLength { .. })
    ));
}

#[test]
fn nir_empty_is_an_error_only_after_submit() {
    assert_eq!(nir_feedback("", true, false), NirFeedback::Quiet);
    assert_eq!(
        nir_feedback("", true, true),
        NirFeedback::Error(NirError::Empty)
    );
}

// ----- API client -----

#[test]
fn api_success_decodes_the_body() {
    let config: PublicConfig = api::decode(
        200,
        r#"{"mode":"demo","fund_name":"Caisse de Testville","version":"0.1.0"}"#,
    )
    .unwrap();
    assert_eq!(config.mode, Mode::Demo);
    let nothing: () = api::decode(204, "").unwrap();
    assert_eq!(nothing, ());
}

#[test]
fn api_error_shape_becomes_an_api_failure_with_its_message() {
    let failure = api::decode::<PublicConfig>(
        422,
        r#"{"code":"validation","message":"Vérifiez le formulaire","fields":{"nir":"La clé ne correspond pas"}}"#,
    )
    .unwrap_err();
    let ApiFailure::Api(error) = &failure else {
        panic!("expected an API error, got {failure:?}");
    };
    assert_eq!(error.code, "validation");
    assert_eq!(error.fields["nir"], "La clé ne correspond pas");
    assert_eq!(failure.message(Lang::Fr), "Vérifiez le formulaire");
}

#[test]
fn api_errors_without_the_error_shape_or_with_bad_json_are_told_apart() {
    assert_eq!(
        api::decode::<PublicConfig>(502, "<html>Bad Gateway</html>"),
        Err(ApiFailure::Http(502))
    );
    assert!(matches!(
        api::decode::<PublicConfig>(200, "{}"),
        Err(ApiFailure::Decode(_))
    ));
    let network = ApiFailure::Network("offline".to_owned());
    assert_eq!(network.message(Lang::En), Text::ErrorNetwork.text(Lang::En));
    assert_eq!(
        ApiFailure::Http(500).message(Lang::Fr),
        Text::ErrorUnexpected.text(Lang::Fr)
    );
}
