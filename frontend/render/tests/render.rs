//! Renders the app without a browser (Yew's server renderer) and checks what a member gets.
//!
//! `ServerApp` puts the whole layout inside a router with an in-memory history at the path under
//! test, so every route renders exactly as in the browser, minus effects.

// Helpers below are test code too: a panic there is a failed test.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::rc::Rc;

use portail_member::api::{self, ApiFailure};
use portail_member::components::date_input::{DateProblem, SimpleDate, parse_date};
use portail_member::components::session_timeout::{
    IdleState, SessionWarning, SessionWarningProps, WARNING_SECONDS, warning_state,
};
use portail_member::components::throttle::{RetryAt, ThrottlePanel, ThrottlePanelProps};
use portail_member::config::ConfigState;
use portail_member::pages::demo_outbox::paragraphs;
use portail_member::pages::login::{NirFeedback, nir_feedback};
use portail_member::pages::login_code::code_error;
use portail_member::pages::new_password::{length_strength, new_password_error, strength_text};
use portail_member::route::{Route, tab_title};
use portail_member::session::{
    Flash, FlashKind, Session, SessionAction, SessionState, display_name, first_given_name,
};
use portail_member::time::{self, LocalInstant};
use portail_member::{ServerApp, ServerAppProps};
use portail_shared::Lang;
use portail_shared::api::{ApiError, Mode, PublicConfig};
use portail_shared::i18n::Text;
use portail_shared::login::{LoginStep, Me, SecondFactor};
use portail_shared::nir::NirError;
use yew::Reducible;

#[path = "render/account.rs"]
mod account;
#[path = "render/agent.rs"]
mod agent;
#[path = "render/ceam.rs"]
mod ceam;
#[path = "render/dashboard.rs"]
mod dashboard;
#[path = "render/doctor.rs"]
mod doctor;
#[path = "render/documents.rs"]
mod documents;
#[path = "render/family.rs"]
mod family;
#[path = "render/messages.rs"]
mod messages;
#[path = "render/more_requests.rs"]
mod more_requests;
#[path = "render/payments.rs"]
mod payments;
#[path = "render/prevention.rs"]
mod prevention;
#[path = "render/requests.rs"]
mod requests;
#[path = "render/words.rs"]
mod words;

/// Every address of the portal, with a path that reaches it.
const PATHS: [&str; 43] = [
    "/",
    "/connexion",
    "/connexion/code",
    "/creer-mon-compte",
    "/creer-mon-compte/code",
    "/numero-oublie",
    "/securite/pas-moi",
    "/mot-de-passe-oublie",
    "/mot-de-passe/nouveau",
    "/demo/boite-envoi",
    "/remboursements",
    "/remboursements/1",
    "/remboursements/simulateur",
    "/documents",
    "/verifier",
    "/carte-europeenne",
    "/medecin-traitant",
    "/medecin-traitant/3/declarer",
    "/demarches",
    "/demarches/7",
    "/demarches/nouvelle/css",
    "/demarches/nouvelle/situation",
    "/demarches/nouvelle/aide",
    "/remboursements/1/contester",
    "/messagerie",
    "/messagerie/nouveau",
    "/messagerie/3",
    "/prevention",
    "/compte",
    "/aide",
    "/accessibilite",
    "/agent",
    "/agent/connexion",
    "/agent/inscription",
    "/agent/messages",
    "/agent/messages/4",
    "/agent/demarches",
    "/agent/demarches/5",
    "/agent/membres",
    "/agent/membres/2",
    "/agent/courriers",
    "/agent/statistiques",
    "/cette-page-n-existe-pas",
];

/// The props of a page seen by a visitor who is not signed in.
fn props(path: &str, lang: Lang, config: ConfigState) -> ServerAppProps {
    ServerAppProps {
        path: path.to_owned().into(),
        lang,
        config,
        session: SessionState::Anonymous,
        pending_login: None,
        url_fragment: None,
    }
}

/// A page of whichever app serves `path`, seen by a visitor who is not signed in: the agents'
/// area under `/agent`, the verification page at `/verifier`, the members' portal elsewhere.
async fn render(path: &str, lang: Lang, config: ConfigState) -> String {
    if path.starts_with("/agent") {
        render_agent(path, lang, config).await
    } else if path.starts_with("/verifier") {
        render_component::<portail_verifier::ServerApp>(portail_verifier::ServerAppProps {
            lang,
            config,
            url_fragment: None,
        })
        .await
    } else {
        render_props(props(path, lang, config)).await
    }
}

/// A page of the agents' area.
async fn render_agent(path: &str, lang: Lang, config: ConfigState) -> String {
    render_component::<portail_agent::ServerApp>(portail_agent::ServerAppProps {
        path: path.to_owned().into(),
        lang,
        config,
        url_fragment: None,
    })
    .await
}

async fn render_component<C: yew::BaseComponent>(props: C::Properties) -> String {
    tokio::task::LocalSet::new()
        .run_until(async move {
            yew::LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render()
                .await
        })
        .await
}

/// A page as Camille Martin sees it once signed in.
async fn render_member(path: &str, lang: Lang) -> String {
    render_props(ServerAppProps {
        session: SessionState::Member(Rc::new(camille())),
        ..props(path, lang, loaded(Mode::Demo))
    })
    .await
}

/// The code page after a right NIR and password.
async fn render_code_page(lang: Lang, mode: Mode) -> String {
    render_props(ServerAppProps {
        pending_login: Some(LoginStep {
            masked_email: "c•••••@demo.portail.test".to_owned(),
            expires_in_minutes: 10,
            factor: SecondFactor::Email,
            confirming_email: false,
        }),
        ..props("/connexion/code", lang, loaded(mode))
    })
    .await
}

fn camille() -> Me {
    Me {
        given_names: "Camille Anne".to_owned(),
        family_name: "Martin".to_owned(),
        masked_nir: "2 69 05 •• ••• ••• 80".to_owned(),
        idle_timeout_seconds: 1200,
    }
}

async fn render_props(props: ServerAppProps) -> String {
    render_component::<ServerApp>(props).await
}

async fn render_fr(path: &str) -> String {
    render(path, Lang::Fr, loaded(Mode::Production)).await
}

fn loaded(mode: Mode) -> ConfigState {
    ConfigState::Loaded(Rc::new(PublicConfig {
        mode,
        fund_name: "Caisse primaire de Testville".to_owned(),
        version: "0.1.0".to_owned(),
        now: "2026-11-26T14:41:10Z".to_owned(),
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

fn header_of(html: &str) -> &str {
    &html[html.find("<header").unwrap()..html.find("</header>").unwrap()]
}

fn footer_of(html: &str) -> &str {
    &html[html.find("<footer").unwrap()..html.find("</footer>").unwrap()]
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
        session: SessionState::Anonymous,
        pending_login: None,
        url_fragment: None,
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
    let sessions = [
        SessionState::Anonymous,
        SessionState::Unknown,
        SessionState::Member(Rc::new(camille())),
    ];
    for path in PATHS {
        for lang in [Lang::Fr, Lang::En] {
            for session in &sessions {
                for pending_login in [
                    None,
                    Some(LoginStep {
                        masked_email: "c•••••@demo.portail.test".to_owned(),
                        expires_in_minutes: 10,
                        factor: SecondFactor::Email,
                        confirming_email: false,
                    }),
                ] {
                    let html = render_props(ServerAppProps {
                        session: session.clone(),
                        pending_login,
                        ..props(path, lang, loaded(Mode::Demo))
                    })
                    .await;
                    let h1 = tag(&html, "h1", &[r#"tabindex="-1""#]);
                    assert_eq!(tags(&html, "h1").len(), 1, "{path} {lang:?} {session:?}");
                    assert!(
                        main_of(&html).contains(h1),
                        "{path}: the h1 is outside <main>"
                    );
                    // The server's Content-Security-Policy forbids inline styles.
                    assert!(!html.contains("style="), "{path} has an inline style");
                    assert!(!html.contains("<script"), "{path} has an inline script");
                    // Every id is unique (labels, aria-describedby and skip links rely on it).
                    let mut ids: Vec<&str> = html
                        .match_indices(" id=\"")
                        .map(|(at, m)| {
                            let rest = &html[at + m.len()..];
                            &rest[..rest.find('"').unwrap()]
                        })
                        .collect();
                    let all = ids.len();
                    ids.sort_unstable();
                    ids.dedup();
                    assert_eq!(ids.len(), all, "{path}: duplicate ids {ids:?}");
                }
            }
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
async fn help_centre_lists_its_topics_each_with_an_anchor_and_its_answers() {
    let html = render_fr("/aide").await;
    let main = main_of(&html);
    for article in portail_shared::help::ARTICLES {
        assert!(
            main.contains(&format!(r##"href="#{}""##, article.id)),
            "{}",
            article.id
        );
        assert!(
            main.contains(&format!(r#"id="{}""#, article.id)),
            "{}",
            article.id
        );
    }
    assert!(main.contains("Je n’arrive pas à me connecter"));
    assert!(main.contains("Par exemple\u{a0}: mot de passe"));
    assert!(main.contains(r#"type="search""#));
    assert!(main.contains(r#"href="/mot-de-passe-oublie""#));
    assert!(main.contains(r#"href="/verifier""#));
    let en = render("/aide", Lang::En, loaded(Mode::Production)).await;
    assert!(main_of(&en).contains("I cannot sign in"));
    assert!(main_of(&en).contains("Search the help"));
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

// ----- Session: header, home, member areas -----

#[tokio::test]
async fn header_shows_the_member_name_and_sign_out_when_signed_in() {
    let html = render_member("/aide", Lang::Fr).await;
    let header = header_of(&html);
    assert!(header.contains("Camille Martin"), "{header}");
    assert!(header.contains("Connecté au compte de"), "{header}");
    let sign_out = tag(header, "button", &["site-header__sign-out"]);
    assert!(sign_out.contains(r#"type="button""#), "{sign_out}");
    assert_eq!(inner(header, sign_out, "button"), "Se déconnecter");
    // Outside the folding navigation: visible on phones too.
    let nav = header.find("<nav").unwrap();
    assert!(header.find(sign_out).unwrap() < nav);
    assert!(!header.contains(r#"href="/connexion""#), "{header}");
    assert!(!header.contains("Se connecter"), "{header}");

    let en = render_member("/aide", Lang::En).await;
    let header = header_of(&en);
    assert!(header.contains("Signed in as"));
    assert_eq!(
        inner(
            header,
            tag(header, "button", &["site-header__sign-out"]),
            "button"
        ),
        "Sign out"
    );
}

#[tokio::test]
async fn header_offers_sign_in_to_visitors_and_waits_while_the_session_is_unknown() {
    let html = render_fr("/aide").await;
    let header = header_of(&html);
    let sign_in = tag(header, "a", &[r#"href="/connexion""#]);
    assert_eq!(inner(header, sign_in, "a"), "Se connecter");
    assert!(!header.contains("Se déconnecter"));

    let unknown = render_props(ServerAppProps {
        session: SessionState::Unknown,
        ..props("/aide", Lang::Fr, loaded(Mode::Production))
    })
    .await;
    let header = header_of(&unknown);
    assert!(!header.contains("Se connecter"), "{header}");
    assert!(!header.contains("Se déconnecter"), "{header}");
}

#[tokio::test]
async fn home_greets_the_signed_in_member_by_given_name() {
    let html = render_member("/", Lang::Fr).await;
    assert_eq!(inner(&html, tags(&html, "h1")[0], "h1"), "Bonjour Camille");
    let main = main_of(&html);
    assert!(main.contains("Bienvenue dans votre espace."));
    assert!(main.contains("2 69 05 •• ••• ••• 80"));
    for area in [
        "/remboursements",
        "/documents",
        "/demarches",
        "/messagerie",
        "/prevention",
        "/compte",
    ] {
        assert!(
            main.contains(&format!("href=\"{area}\"")),
            "no quick link to {area}"
        );
    }
    // No invitation to sign in a member who is signed in.
    assert!(!main.contains(r#"href="/connexion""#));
    assert!(!html.contains("Vos remboursements et vos démarches, en ligne"));

    let en = render_member("/", Lang::En).await;
    assert_eq!(inner(&en, tags(&en, "h1")[0], "h1"), "Hello Camille");
}

#[tokio::test]
async fn a_members_payments_page_loads_their_payments_and_a_visitor_is_asked_to_sign_in() {
    let html = render_member("/remboursements", Lang::Fr).await;
    let main = main_of(&html);
    assert_eq!(
        inner(&html, tags(&html, "h1")[0], "h1"),
        "Paiements et remboursements"
    );
    assert!(main.contains("Chargement de vos paiements…"));
    assert!(!main.contains("prochaine version"));
    let line = render_member("/remboursements/12", Lang::En).await;
    assert_eq!(
        inner(&line, tags(&line, "h1")[0], "h1"),
        "Reimbursement details"
    );
    assert!(main_of(&line).contains(r#"href="/remboursements""#));
    let visitor = render_fr("/remboursements/12").await;
    assert!(main_of(&visitor).contains("Connectez-vous pour accéder à vos paiements."));
}

#[tokio::test]
async fn the_messaging_loads_the_members_conversations_and_asks_a_visitor_to_sign_in() {
    let html = render_member("/messagerie", Lang::Fr).await;
    assert_eq!(inner(&html, tags(&html, "h1")[0], "h1"), "Messagerie");
    let main = main_of(&html);
    assert!(main.contains("Chargement de vos messages…"));
    assert!(main.contains(r#"href="/messagerie/nouveau""#));
    assert!(!main.contains("prochaine version"));
    assert!(!main.contains(r#"href="/connexion""#));
    let new = render_member("/messagerie/nouveau", Lang::Fr).await;
    assert_eq!(inner(&new, tags(&new, "h1")[0], "h1"), "Nouveau message");
    for id in [
        "theme-reimbursements",
        "theme-other",
        "objet",
        "message",
        "pieces",
    ] {
        assert!(new.contains(&format!(r#"id="{id}""#)), "{id}");
    }
    assert!(new.contains("Enregistrer le brouillon"));
    let thread = render_member("/messagerie/3", Lang::En).await;
    assert_eq!(
        inner(&thread, tags(&thread, "h1")[0], "h1"),
        "Conversation with your fund"
    );
    for path in ["/messagerie", "/messagerie/nouveau", "/messagerie/3"] {
        let visitor = render_fr(path).await;
        assert!(!visitor.contains("prochaine version"), "{path}");
        assert!(
            visitor.contains("Connectez-vous pour accéder à votre messagerie."),
            "{path}"
        );
    }
}

#[tokio::test]
async fn prevention_loads_the_members_programmes_and_asks_a_visitor_to_sign_in() {
    let html = render_member("/prevention", Lang::Fr).await;
    assert_eq!(inner(&html, tags(&html, "h1")[0], "h1"), "Prévention");
    let main = main_of(&html);
    assert!(main.contains("Chargement de vos recommandations de prévention…"));
    assert!(!main.contains("prochaine version"));
    assert!(!main.contains("Connectez-vous"));
    let visitor = render_fr("/prevention").await;
    assert!(
        main_of(&visitor).contains("Connectez-vous pour accéder à vos rendez-vous de prévention.")
    );
    assert!(!visitor.contains("Chargement de vos recommandations"));
}

#[tokio::test]
async fn documents_show_the_attestation_section_to_a_member_and_sign_in_to_a_visitor() {
    let html = render_member("/documents", Lang::Fr).await;
    let main = main_of(&html);
    assert!(main.contains(">Attestation de droits<"), "{main}");
    assert!(main.contains("Chargement de vos attestations…"));
    assert!(main.contains(r#"href="/verifier""#));
    assert!(main.contains(r#"href="/remboursements""#));
    assert!(!main.contains("Connectez-vous"));
    let visitor = render_fr("/documents").await;
    assert!(visitor.contains("Connectez-vous pour accéder"));
    assert!(!visitor.contains("Chargement de vos attestations"));
}

#[tokio::test]
async fn member_areas_show_neither_panel_while_the_session_is_unknown() {
    let html = render_props(ServerAppProps {
        session: SessionState::Unknown,
        ..props("/documents", Lang::Fr, loaded(Mode::Production))
    })
    .await;
    let main = main_of(&html);
    assert!(main.contains("Chargement de votre espace…"));
    assert!(!main.contains("Connectez-vous"));
    assert!(!main.contains("prochaine version"));
}

#[tokio::test]
async fn signed_in_member_is_not_asked_to_sign_in_again() {
    for path in ["/connexion", "/connexion/code"] {
        let html = render_member(path, Lang::Fr).await;
        let main = main_of(&html);
        assert!(main.contains("Vous êtes déjà connecté."), "{path}");
        assert!(!main.contains("<form"), "{path}");
        assert!(main.contains(r#"href="/""#), "{path}");
    }
}

// ----- Sign-in: first step -----

#[tokio::test]
async fn login_page_links_to_the_forgotten_password_page_and_has_no_panel_yet() {
    let html = render_fr("/connexion").await;
    let main = main_of(&html);
    let link = tag(main, "a", &[r#"href="/mot-de-passe-oublie""#]);
    assert_eq!(inner(main, link, "a"), "Mot de passe oublié\u{202f}?");
    assert!(!main.contains("Trop de tentatives"));
    assert!(!main.contains("error-summary"));
    let submit = tag(main, "button", &[r#"type="submit""#]);
    assert!(!submit.contains("disabled"), "{submit}");
}

#[tokio::test]
async fn forgotten_password_page_asks_for_the_nir_and_the_birth_date() {
    let html = render_fr("/mot-de-passe-oublie").await;
    assert_eq!(
        inner(&html, tags(&html, "h1")[0], "h1"),
        "Mot de passe oublié"
    );
    let main = main_of(&html);
    // The NIR field is the sign-in page's: same label, hint and live message.
    let label = tag(main, "label", &[r#"for="nir""#]);
    assert_eq!(inner(main, label, "label"), "Numéro de sécurité sociale");
    let input = tag(main, "input", &[r#"id="nir""#]);
    assert!(
        input.contains(r#"aria-describedby="nir-aide nir-message""#),
        "{input}"
    );

    // The birth date: a fieldset with its legend and hint, and three labelled boxes.
    let fieldset = tag(main, "fieldset", &[r#"role="group""#]);
    assert!(
        fieldset.contains(r#"aria-describedby="date-naissance-aide date-naissance-message""#),
        "{fieldset}"
    );
    let legend = tags(main, "legend")[0];
    assert_eq!(inner(main, legend, "legend"), "Date de naissance");
    let hint = tag(main, "p", &[r#"id="date-naissance-aide""#]);
    assert_eq!(inner(main, hint, "p"), "Par exemple 14/05/1991");
    tag(
        main,
        "p",
        &[r#"id="date-naissance-message""#, r#"aria-live="polite""#],
    );
    for (id, words, autocomplete) in [
        ("date-naissance-jour", "Jour", "bday-day"),
        ("date-naissance-mois", "Mois", "bday-month"),
        ("date-naissance-annee", "Année", "bday-year"),
    ] {
        let label = tag(main, "label", &[&format!(r#"for="{id}""#)]);
        assert_eq!(inner(main, label, "label"), words);
        let input = tag(main, "input", &[&format!(r#"id="{id}""#)]);
        assert!(input.contains(r#"inputmode="numeric""#), "{input}");
        assert!(
            input.contains(&format!(r#"autocomplete="{autocomplete}""#)),
            "{input}"
        );
    }

    let submit = tag(main, "button", &[r#"type="submit""#]);
    assert_eq!(inner(main, submit, "button"), "Recevoir le lien par e-mail");
    assert!(!submit.contains("disabled"), "{submit}");
    // Nothing claims an e-mail went before the member asks.
    assert!(!main.contains("nous venons d’envoyer"));
    // The ways that need no e-mail stay: where the NIR is written, and the phone.
    assert!(main.contains("carte Vitale et sur votre attestation de droits"));
    assert!(main.contains(r#"href="tel:3646""#));
    assert!(main.contains(r#"href="/connexion""#));

    let en = render("/mot-de-passe-oublie", Lang::En, loaded(Mode::Production)).await;
    assert!(en.contains("Date of birth"));
    assert!(en.contains("Get the link by e-mail"));
}

#[tokio::test]
async fn new_password_page_without_a_token_says_the_link_is_no_longer_valid() {
    let html = render_fr("/mot-de-passe/nouveau").await;
    assert_eq!(
        inner(&html, tags(&html, "h1")[0], "h1"),
        "Choisir un nouveau mot de passe"
    );
    let main = main_of(&html);
    assert!(main.contains("Ce lien n’est plus valable"));
    let link = tag(main, "a", &[r#"href="/mot-de-passe-oublie""#]);
    assert_eq!(inner(main, link, "a"), "Demander un nouveau lien");
    assert!(!main.contains("<form"));
}

#[tokio::test]
async fn new_password_page_with_a_token_asks_for_the_password_and_gives_the_rules() {
    let html = render_props(ServerAppProps {
        url_fragment: Some("jeton-de-test".into()),
        ..props("/mot-de-passe/nouveau", Lang::Fr, loaded(Mode::Demo))
    })
    .await;
    let main = main_of(&html);
    assert!(!main.contains("Ce lien n’est plus valable"));
    let label = tag(main, "label", &[r#"for="nouveau-mot-de-passe""#]);
    assert_eq!(inner(main, label, "label"), "Nouveau mot de passe");
    let input = tag(main, "input", &[r#"id="nouveau-mot-de-passe""#]);
    assert!(input.contains(r#"type="password""#), "{input}");
    assert!(input.contains(r#"autocomplete="new-password""#), "{input}");
    assert!(
        input.contains(
            r#"aria-describedby="nouveau-mot-de-passe-aide nouveau-mot-de-passe-message""#
        ),
        "{input}"
    );
    let rules = inner(
        main,
        tag(main, "div", &[r#"id="nouveau-mot-de-passe-aide""#]),
        "ul",
    );
    assert!(rules.contains("au moins 12 caractères"), "{rules}");
    assert!(rules.contains("une phrase de plusieurs mots"), "{rules}");
    assert!(rules.contains("ni le nom du site"), "{rules}");
    tag(
        main,
        "input",
        &[
            r#"type="checkbox""#,
            r#"id="nouveau-mot-de-passe-afficher""#,
        ],
    );

    let meter = tag(main, "meter", &[r#"id="nouveau-mot-de-passe-solidite""#]);
    assert!(
        meter.contains(r#"min="0""#) && meter.contains(r#"max="4""#),
        "{meter}"
    );
    assert!(meter.contains(r#"value="0""#), "{meter}");
    let label = tag(main, "label", &[r#"for="nouveau-mot-de-passe-solidite""#]);
    assert_eq!(inner(main, label, "label"), "Solidité selon la longueur");

    let submit = tag(main, "button", &[r#"type="submit""#]);
    assert_eq!(inner(main, submit, "button"), "Enregistrer le mot de passe");
    // The token is never written into the page; the CSP forbids inline styles.
    assert!(!html.contains("jeton-de-test"));
    assert!(!html.contains("style="));
}

#[test]
fn birth_dates_are_real_past_dates_sent_as_iso() {
    let today = Some(SimpleDate {
        year: 2026,
        month: 3,
        day: 12,
    });
    let iso = |d: &str, m: &str, y: &str| parse_date(d, m, y, today).map(SimpleDate::iso);
    assert_eq!(iso("14", "5", "1991"), Ok("1991-05-14".to_owned()));
    assert_eq!(iso(" 01 ", "01", "2000"), Ok("2000-01-01".to_owned()));
    assert_eq!(iso("29", "02", "2024"), Ok("2024-02-29".to_owned()));
    assert_eq!(iso("12", "03", "2026"), Ok("2026-03-12".to_owned()));
    assert_eq!(iso("31", "02", "1991"), Err(DateProblem::NotReal));
    assert_eq!(iso("29", "02", "2023"), Err(DateProblem::NotReal));
    assert_eq!(iso("31", "04", "1991"), Err(DateProblem::NotReal));
    assert_eq!(iso("0", "5", "1991"), Err(DateProblem::NotReal));
    assert_eq!(iso("14", "13", "1991"), Err(DateProblem::NotReal));
    assert_eq!(iso("14", "05", "91"), Err(DateProblem::NotReal));
    assert_eq!(iso("1a", "05", "1991"), Err(DateProblem::NotReal));
    assert_eq!(iso("13", "03", "2026"), Err(DateProblem::Future));
    assert_eq!(iso("01", "01", "2030"), Err(DateProblem::Future));
    assert_eq!(iso("", "", ""), Err(DateProblem::Empty));
    assert_eq!(iso("14", "", "1991"), Err(DateProblem::Incomplete));
    // Without the browser's calendar, only the server refuses a future date.
    assert_eq!(
        parse_date("01", "01", "2999", None).map(SimpleDate::iso),
        Ok("2999-01-01".to_owned())
    );
}

#[test]
fn strength_is_judged_by_length_only_and_rules_after_leaving_the_field() {
    assert_eq!(length_strength(""), 0);
    assert_eq!(length_strength("court"), 1);
    assert_eq!(length_strength("ééééééééééé"), 1);
    assert_eq!(length_strength("douze carac."), 2);
    assert_eq!(length_strength("seize caractères"), 3);
    assert_eq!(length_strength("lune ocre et vent du nord"), 4);
    assert_eq!(strength_text(1), Text::StrengthTooShort);
    assert_eq!(strength_text(4), Text::StrengthVeryGood);

    assert_eq!(new_password_error("", false, false, Lang::Fr), None);
    assert_eq!(
        new_password_error("", true, true, Lang::Fr),
        Some("Choisissez un nouveau mot de passe.")
    );
    assert_eq!(new_password_error("court", false, false, Lang::Fr), None);
    assert!(
        new_password_error("court", true, false, Lang::Fr)
            .unwrap()
            .starts_with("Choisissez au moins 12 caractères")
    );
    assert!(
        new_password_error("mon portail préféré", true, false, Lang::Fr)
            .unwrap()
            .contains("nom du site")
    );
    assert_eq!(
        new_password_error("lune ocre et vent du nord", true, true, Lang::Fr),
        None
    );
}

#[tokio::test]
async fn throttle_panel_gives_the_time_or_the_server_words_and_the_ways_forward() {
    async fn panel(retry: Option<RetryAt>) -> String {
        let props = ThrottlePanelProps {
            message: "Trop de tentatives. Réessayez dans 2 minutes.".into(),
            retry,
        };
        tokio::task::LocalSet::new()
            .run_until(
                yew::LocalServerRenderer::<ThrottlePanel>::with_props(props)
                    .hydratable(false)
                    .render(),
            )
            .await
    }
    // Natively there is no browser clock: the server's sentence is shown.
    let html = panel(RetryAt::from_now(Some(120))).await;
    assert!(html.contains("Trop de tentatives de connexion"));
    assert!(html.contains("Réessayez dans 2 minutes."));
    assert!(html.contains(r#"href="/mot-de-passe-oublie""#));
    assert!(html.contains(r#"href="tel:3646""#));
    assert!(html.contains(r#"role="alert""#));

    // 2026-11-26T14:41:10Z, Paris winter time (UTC+1), 50 seconds to wait.
    let now = paris_winter(1_795_704_070_000);
    let at = paris_winter(time::retry_at_ms(now.epoch_ms, 50));
    let html = panel(Some(RetryAt::compute(now, at))).await;
    assert!(html.contains("Vous pourrez réessayer à 15:42."), "{html}");
    assert!(!html.contains("Réessayez dans 2 minutes."));
}

// ----- Sign-in: second step -----

#[tokio::test]
async fn code_page_explains_where_the_code_went_and_labels_its_field() {
    let html = render_code_page(Lang::Fr, Mode::Production).await;
    assert_eq!(
        inner(&html, tags(&html, "h1")[0], "h1"),
        "Saisir le code reçu par e-mail"
    );
    let main = main_of(&html);
    assert!(main.contains("Nous avons envoyé un code à 6 chiffres à"));
    assert!(main.contains("c•••••@demo.portail.test"));
    assert!(main.contains("Il est valable 10 minutes."));

    let label = tag(main, "label", &[r#"for="code""#]);
    assert_eq!(inner(main, label, "label"), "Code reçu par e-mail");
    let input = tag(main, "input", &[r#"id="code""#]);
    assert!(input.contains(r#"autocomplete="one-time-code""#), "{input}");
    assert!(input.contains(r#"inputmode="numeric""#), "{input}");
    assert!(
        input.contains(r#"aria-describedby="code-aide code-message""#),
        "{input}"
    );
    assert!(main.find(label) < main.find(input), "label above the field");

    let submit = tag(main, "button", &[r#"type="submit""#]);
    assert_eq!(inner(main, submit, "button"), "Valider le code");
    let resend = tag(main, "button", &["link-button"]);
    assert!(resend.contains(r#"type="button""#));
    assert_eq!(inner(main, resend, "button"), "Recevoir un nouveau code");
    tag(main, "p", &["resend-status", r#"role="status""#]);
    let back = tag(main, "a", &[r#"href="/connexion""#]);
    assert_eq!(inner(main, back, "a"), "Se connecter avec un autre numéro");

    let en = render_code_page(Lang::En, Mode::Production).await;
    assert!(en.contains("It is valid for 10 minutes."));
    assert!(en.contains("Code received by e-mail"));
}

#[tokio::test]
async fn code_page_points_to_the_demo_outbox_only_in_demo_mode() {
    let demo = render_code_page(Lang::Fr, Mode::Demo).await;
    let main = main_of(&demo);
    assert!(main.contains("Démo\u{a0}: les e-mails ne partent pas, lisez-les dans la"));
    let link = tag(main, "a", &[r#"href="/demo/boite-envoi""#]);
    assert_eq!(inner(main, link, "a"), "boîte d’envoi de démonstration");

    let production = render_code_page(Lang::Fr, Mode::Production).await;
    assert!(!production.contains("/demo/boite-envoi"));
    assert!(!production.contains("les e-mails ne partent pas"));
}

#[tokio::test]
async fn code_page_without_a_sign_in_in_progress_says_so() {
    let html = render("/connexion/code", Lang::Fr, loaded(Mode::Demo)).await;
    let main = main_of(&html);
    assert!(main.contains("Aucune connexion en cours"));
    assert!(main.contains(r#"href="/connexion""#));
    assert!(!main.contains("<form"));
}

// ----- Demo outbox -----

#[tokio::test]
async fn demo_outbox_exists_in_demo_mode_only() {
    let demo = render("/demo/boite-envoi", Lang::Fr, loaded(Mode::Demo)).await;
    assert_eq!(
        inner(&demo, tags(&demo, "h1")[0], "h1"),
        "Boîte d’envoi de démonstration"
    );
    let main = main_of(&demo);
    assert!(main.contains("Dans un vrai déploiement, ces e-mails partent"));
    let refresh = tag(main, "button", &[r#"type="button""#]);
    assert!(refresh.contains("disabled") || inner(main, refresh, "button") == "Actualiser");
    tag(main, "p", &["outbox__status", r#"role="status""#]);
    let footer = footer_of(&demo);
    assert!(footer.contains(r#"href="/demo/boite-envoi""#));

    let production = render("/demo/boite-envoi", Lang::Fr, loaded(Mode::Production)).await;
    assert_eq!(
        inner(&production, tags(&production, "h1")[0], "h1"),
        "Page introuvable"
    );
    assert!(!production.contains("/demo/boite-envoi"));
    assert!(!footer_of(&render_fr("/").await).contains("boite-envoi"));
}

#[test]
fn outbox_bodies_are_read_paragraph_by_paragraph() {
    let body =
        "Bonjour,\n\nVoici votre code : 123456\n\nIl est valable 10 minutes.\nUne seule fois.\n";
    let found: Vec<&str> = paragraphs(body).collect();
    assert_eq!(
        found,
        [
            "Bonjour,",
            "Voici votre code : 123456",
            "Il est valable 10 minutes.\nUne seule fois."
        ]
    );
    assert_eq!(paragraphs("\n\n \n\n").count(), 0);
}

#[test]
fn tab_titles_hide_the_greeting_and_the_outbox_outside_demo() {
    assert_eq!(tab_title(Route::Home, false, false, false), Text::TitleHome);
    assert_eq!(tab_title(Route::Home, true, false, false), Text::NavHome);
    assert_eq!(
        tab_title(Route::DemoOutbox, false, false, false),
        Text::TitleDemoOutbox
    );
    assert_eq!(
        tab_title(Route::DemoOutbox, false, true, false),
        Text::TitleNotFound
    );
    assert_eq!(
        tab_title(Route::LoginCode, false, true, false),
        Text::TitleLoginCode
    );
}

// ----- Session state -----

fn reduce(session: Session, action: SessionAction) -> Session {
    (*Rc::new(session).reduce(action)).clone()
}

#[test]
fn session_answer_from_the_server_never_overrides_a_sign_in() {
    let me = Rc::new(camille());
    let signed_in = reduce(Session::default(), SessionAction::SignedIn(me.clone()));
    let late = reduce(signed_in, SessionAction::Loaded(SessionState::Anonymous));
    assert_eq!(late.state, SessionState::Member(me));
    let first = reduce(
        Session::default(),
        SessionAction::Loaded(SessionState::Anonymous),
    );
    assert_eq!(first.state, SessionState::Anonymous);
}

#[test]
fn sign_in_keeps_the_pending_step_until_the_code_is_right() {
    let step = Rc::new(LoginStep {
        masked_email: "c•••••@demo.test".to_owned(),
        expires_in_minutes: 10,
        factor: SecondFactor::Email,
        confirming_email: false,
    });
    let pending = reduce(
        Session::default(),
        SessionAction::LoginStarted(step.clone()),
    );
    assert_eq!(pending.pending, Some(step));
    assert_eq!(pending.state, SessionState::Anonymous);
    let done = reduce(pending, SessionAction::SignedIn(Rc::new(camille())));
    assert_eq!(done.pending, None);
    assert!(done.state.member().is_some());
}

#[test]
fn signing_out_forgets_the_member_and_leaves_a_message_for_the_next_page() {
    let signed_in = reduce(
        Session::default(),
        SessionAction::SignedIn(Rc::new(camille())),
    );
    let flash = Flash {
        route: Route::Home,
        kind: FlashKind::Success,
        text: Text::SignedOut,
    };
    let out = reduce(signed_in, SessionAction::SignedOut(Some(flash.clone())));
    assert_eq!(out.state, SessionState::Anonymous);
    assert_eq!(out.flash, Some(flash));
    assert_eq!(out.flash_serial, 1);
    assert_eq!(Text::SignedOut.text(Lang::Fr), "Vous êtes déconnecté.");
    let cleared = reduce(out, SessionAction::ClearFlash);
    assert_eq!(cleared.flash, None);
    assert_eq!(cleared.flash_serial, 1);
}

#[test]
fn member_names_are_shown_by_first_given_name() {
    let me = camille();
    assert_eq!(first_given_name(&me), "Camille");
    assert_eq!(display_name(&me), "Camille Martin");
    let hyphenated = Me {
        given_names: "Jean-Pierre, Louis".to_owned(),
        ..camille()
    };
    assert_eq!(first_given_name(&hyphenated), "Jean-Pierre");
    let no_given = Me {
        given_names: String::new(),
        ..camille()
    };
    assert_eq!(display_name(&no_given), "Martin");
}

// ----- Code checks on the code page -----

#[test]
fn code_is_only_judged_after_leaving_the_field_or_submitting() {
    assert_eq!(code_error("", false, false), None);
    assert_eq!(code_error("", true, false), None);
    assert_eq!(code_error("", true, true), Some(Text::CodeRequired));
    assert_eq!(code_error("123", false, false), None);
    assert_eq!(code_error("123", true, false), Some(Text::CodeMalformed));
    assert_eq!(code_error("12a456", false, true), Some(Text::CodeMalformed));
    assert_eq!(code_error("123 456", true, true), None);
}

// ----- Dates and times -----

/// Paris in winter: UTC+1.
fn paris_winter(epoch_ms: i64) -> LocalInstant {
    LocalInstant {
        epoch_ms,
        offset_minutes: 60,
    }
}

#[test]
fn retry_time_is_shown_as_hh_mm_on_the_local_clock_rounded_up() {
    // 2026-11-26T14:41:10Z.
    let now = 1_795_704_070_000;
    assert_eq!(time::parse_utc("2026-11-26T14:41:10Z"), Some(now));
    let at = time::retry_at_ms(now, 50);
    assert_eq!(time::clock(paris_winter(at)), "15:42");
    assert_eq!(time::clock(LocalInstant::utc(at)), "14:42");
    // Exactly on the minute stays there; a second past goes to the next.
    assert_eq!(
        time::clock(paris_winter(time::retry_at_ms(now, 50 - 10))),
        "15:42"
    );
    assert_eq!(
        time::clock(paris_winter(time::retry_at_ms(now, 51))),
        "15:43"
    );
    // New York (UTC−5).
    let new_york = LocalInstant {
        epoch_ms: at,
        offset_minutes: -300,
    };
    assert_eq!(time::clock(new_york), "09:42");
    assert_eq!(
        time::when_phrase(paris_winter(now), paris_winter(at), Lang::Fr),
        "à 15:42"
    );
    assert_eq!(
        time::when_phrase(paris_winter(now), paris_winter(at), Lang::En),
        "at 15:42"
    );
    let sentence =
        RetryAt::compute(paris_winter(now), paris_winter(at)).sentence(Text::RetryPrefix, Lang::Fr);
    assert_eq!(sentence, "Vous pourrez réessayer à 15:42.");
}

#[test]
fn retry_after_midnight_says_tomorrow_and_later_says_the_date() {
    // 2026-11-26T22:30:00Z is 23:30 in Paris.
    let now = time::parse_utc("2026-11-26T22:30:00Z").unwrap();
    let at = time::retry_at_ms(now, 3600);
    assert_eq!(
        time::when_phrase(paris_winter(now), paris_winter(at), Lang::Fr),
        "demain à 00:30"
    );
    assert_eq!(
        time::when_phrase(paris_winter(now), paris_winter(at), Lang::En),
        "tomorrow at 00:30"
    );
    // The same instants in UTC are still today.
    assert_eq!(
        time::when_phrase(LocalInstant::utc(now), LocalInstant::utc(at), Lang::Fr),
        "à 23:30"
    );
    let later = time::retry_at_ms(now, 2 * 86_400);
    assert_eq!(
        time::when_phrase(paris_winter(now), paris_winter(later), Lang::Fr),
        "le 28 novembre 2026 à 23:30"
    );
    assert_eq!(
        time::when_phrase(paris_winter(now), paris_winter(later), Lang::En),
        "on 28 November 2026 at 23:30"
    );
}

#[test]
fn dates_read_as_members_write_them() {
    let at = paris_winter(time::parse_utc("2026-11-26T14:42:00Z").unwrap());
    assert_eq!(time::date_time(at, Lang::Fr), "26 novembre 2026 à 15:42");
    assert_eq!(time::date_time(at, Lang::En), "26 November 2026 at 15:42");
    // The first of the month is "1er" in French; summer time in Paris is UTC+2.
    let summer = LocalInstant {
        epoch_ms: time::parse_utc("2026-07-31T22:05:00Z").unwrap(),
        offset_minutes: 120,
    };
    assert_eq!(time::date_time(summer, Lang::Fr), "1er août 2026 à 00:05");
    assert_eq!(time::date_time(summer, Lang::En), "1 August 2026 at 00:05");
    // Leap day and year boundaries.
    let leap = LocalInstant::utc(time::parse_utc("2028-02-29T00:00:00Z").unwrap());
    assert_eq!(time::date(leap, Lang::Fr), "29 février 2028");
    let new_year = paris_winter(time::parse_utc("2026-12-31T23:00:00Z").unwrap());
    assert_eq!(
        time::date_time(new_year, Lang::Fr),
        "1er janvier 2027 à 00:00"
    );
    assert_eq!(time::date(LocalInstant::utc(0), Lang::En), "1 January 1970");
}

#[test]
fn api_instants_are_read_in_their_usual_spellings_and_nonsense_is_refused() {
    let expected = time::parse_utc("2026-11-26T14:42:00Z").unwrap();
    for spelling in [
        "2026-11-26T14:42:00.000Z",
        "2026-11-26 14:42:00",
        "2026-11-26T14:42Z",
        "2026-11-26T14:42:00+00:00",
        "2026-11-26T15:42:00+01:00",
        "2026-11-26T09:42:00-05:00",
    ] {
        assert_eq!(time::parse_utc(spelling), Some(expected), "{spelling}");
    }
    for nonsense in [
        "",
        "hier",
        "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z",
        "2026-11-26T24:00:00Z",
        "2026-11-26T14:42:00+1",
        "2026-11-26T14:42:00.Z",
        "2026/11/26 14:42",
    ] {
        assert_eq!(time::parse_utc(nonsense), None, "{nonsense}");
    }
}

#[test]
fn api_failure_exposes_its_code() {
    let failure = ApiFailure::Api(ApiError::new("login_throttled", "Trop").with_retry_after(90));
    assert_eq!(failure.code(), Some(api::codes::LOGIN_THROTTLED));
    assert_eq!(ApiFailure::Http(502).code(), None);
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
        r#"{"mode":"demo","fund_name":"Caisse de Testville","version":"0.1.0","now":"2026-11-26T14:41:10Z"}"#,
    )
    .unwrap();
    assert_eq!(config.mode, Mode::Demo);
    let nothing: () = api::decode(204, "").unwrap();
    assert_eq!(nothing, ());
}

#[test]
fn who_is_signed_in_reads_a_member_or_nobody() {
    let me: Option<Me> = api::decode(
        200,
        r#"{"given_names":"Camille","family_name":"Martin","masked_nir":"2 69 05 •• ••• ••• 80","idle_timeout_seconds":1200}"#,
    )
    .unwrap();
    assert_eq!(me.unwrap().given_names, "Camille");
    assert_eq!(api::decode::<Option<Me>>(200, "null").unwrap(), None);
    assert_eq!(api::decode::<Option<Me>>(204, "").unwrap(), None);
    let refused = api::decode::<Option<Me>>(
        401,
        r#"{"code":"unauthenticated","message":"Connectez-vous."}"#,
    )
    .unwrap_err();
    assert_eq!(refused.code(), Some(api::codes::UNAUTHENTICATED));
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

// ----- Pending sign-in kept across a reload -----

#[test]
fn a_restored_sign_in_never_replaces_a_known_one_and_abandoning_forgets_it() {
    let kept = Rc::new(LoginStep {
        masked_email: "c•••••@demo.test".to_owned(),
        expires_in_minutes: 10,
        factor: SecondFactor::Email,
        confirming_email: false,
    });
    let restored = reduce(
        Session::default(),
        SessionAction::LoginRestored(kept.clone()),
    );
    assert_eq!(restored.pending, Some(kept.clone()));
    // The server has not said who is signed in yet: restoring does not decide it.
    assert_eq!(restored.state, SessionState::Unknown);

    let fresh = Rc::new(LoginStep {
        masked_email: "c•••••@demo.test".to_owned(),
        expires_in_minutes: 9,
        factor: SecondFactor::Email,
        confirming_email: false,
    });
    let started = reduce(
        Session::default(),
        SessionAction::LoginStarted(fresh.clone()),
    );
    let late = reduce(started, SessionAction::LoginRestored(kept.clone()));
    assert_eq!(late.pending, Some(fresh));

    let member = reduce(
        Session::default(),
        SessionAction::SignedIn(Rc::new(camille())),
    );
    assert_eq!(
        reduce(member, SessionAction::LoginRestored(kept)).pending,
        None
    );

    let abandoned = reduce(restored, SessionAction::LoginAbandoned);
    assert_eq!(abandoned.pending, None);
}

#[test]
fn the_kept_sign_in_holds_only_what_the_code_page_shows() {
    let step = LoginStep {
        masked_email: "c•••••@demo.test".to_owned(),
        expires_in_minutes: 10,
        factor: SecondFactor::Email,
        confirming_email: false,
    };
    let json = serde_json::to_value(&step).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    // Never a code, a token or a full address: only the page's words.
    assert_eq!(
        keys,
        [
            "confirming_email",
            "expires_in_minutes",
            "factor",
            "masked_email"
        ]
    );
    assert_eq!(json["factor"], "email");
}

// ----- Idle session warning -----

#[test]
fn idle_warning_starts_one_minute_before_the_limit_and_ends_at_it() {
    let last = 1_795_704_070_000;
    let idle = 1200;
    let at = |seconds: i64, millis: i64| last + seconds * 1000 + millis;
    assert_eq!(warning_state(last, last, idle), IdleState::Idle);
    // Just before the warning: 60.001 s left.
    assert_eq!(warning_state(at(1139, 999), last, idle), IdleState::Idle);
    // At the warning: exactly one minute left.
    assert_eq!(
        warning_state(at(1140, 0), last, idle),
        IdleState::Warn { seconds_left: 60 }
    );
    assert_eq!(
        warning_state(at(1140, 1), last, idle),
        IdleState::Warn { seconds_left: 60 }
    );
    assert_eq!(
        warning_state(at(1199, 999), last, idle),
        IdleState::Warn { seconds_left: 1 }
    );
    // At the limit and after it.
    assert_eq!(warning_state(at(1200, 0), last, idle), IdleState::Expired);
    assert_eq!(warning_state(at(5000, 0), last, idle), IdleState::Expired);
    // A clock set back counts as no time at all.
    assert_eq!(warning_state(last - 60_000, last, idle), IdleState::Idle);
    // A limit shorter than the warning warns at once.
    assert_eq!(
        warning_state(last, last, WARNING_SECONDS / 2),
        IdleState::Warn { seconds_left: 30 }
    );
    assert_eq!(warning_state(last, last, 0), IdleState::Expired);
}

async fn render_warning(show: bool, lang: Lang, error: Option<&str>) -> String {
    let props = SessionWarningProps {
        show,
        busy: false,
        error: error.map(|error| error.to_owned().into()),
        lang,
        on_stay: yew::Callback::noop(),
    };
    tokio::task::LocalSet::new()
        .run_until(async move {
            yew::LocalServerRenderer::<SessionWarning>::with_props(props)
                .hydratable(false)
                .render()
                .await
        })
        .await
}

#[tokio::test]
async fn idle_warning_is_a_named_alert_dialog_with_both_ways_out() {
    let html = render_warning(true, Lang::Fr, None).await;
    let dialog = tag(&html, "dialog", &[r#"role="alertdialog""#]);
    assert!(
        dialog.contains(r#"aria-labelledby="session-fin-titre""#),
        "{dialog}"
    );
    assert!(
        dialog.contains(r#"aria-describedby="session-fin-texte""#),
        "{dialog}"
    );
    // Opened by the browser with showModal(), never by an `open` attribute.
    assert!(!dialog.contains("open"), "{dialog}");
    let title = tag(&html, "h2", &[r#"id="session-fin-titre""#]);
    assert!(inner(&html, title, "h2").ends_with("Votre session va bientôt se terminer"));
    let text = tag(&html, "p", &[r#"id="session-fin-texte""#]);
    assert_eq!(
        inner(&html, text, "p"),
        "Sans action de votre part, vous serez déconnecté dans 1 minute pour protéger vos données."
    );
    let stay = tag(&html, "button", &[r#"id="session-fin-rester""#]);
    assert!(stay.contains(r#"type="button""#), "{stay}");
    assert_eq!(inner(&html, stay, "button"), "Rester connecté");
    let sign_out = tag(&html, "button", &["button--secondary"]);
    assert_eq!(inner(&html, sign_out, "button"), "Se déconnecter");
    assert!(html.find(stay) < html.find(sign_out), "staying comes first");
    assert!(!html.contains("style="));

    let en = render_warning(true, Lang::En, None).await;
    for words in [
        "Your session is about to end",
        "If you do nothing, you will be signed out in 1 minute to protect your data.",
        "Stay signed in",
        "Sign out",
    ] {
        assert!(en.contains(words), "{words} missing: {en}");
    }
}

#[tokio::test]
async fn idle_warning_is_empty_when_closed_and_says_when_staying_failed() {
    let closed = render_warning(false, Lang::Fr, None).await;
    tag(&closed, "dialog", &[r#"role="alertdialog""#]);
    assert!(!closed.contains("Votre session va bientôt se terminer"));
    assert!(!closed.contains("<button"));

    let failed = render_warning(true, Lang::Fr, Some("Le portail ne répond pas.")).await;
    let alert = tag(&failed, "p", &[r#"role="alert""#]);
    assert!(inner(&failed, alert, "p").ends_with("Le portail ne répond pas."));
}

#[tokio::test]
async fn only_a_signed_in_member_gets_the_idle_watch() {
    let member = render_member("/", Lang::Fr).await;
    tag(&member, "dialog", &[r#"role="alertdialog""#]);
    assert!(!member.contains("Votre session va bientôt se terminer"));
    let visitor = render_fr("/").await;
    assert!(tags(&visitor, "dialog").is_empty());
}

#[test]
fn ended_sessions_are_explained_in_both_languages() {
    assert_eq!(
        Text::SessionIdleEnded.text(Lang::Fr),
        "Votre session a pris fin après 20 minutes sans activité. Reconnectez-vous pour continuer."
    );
    assert!(Text::SessionIdleEnded.text(Lang::En).contains("20 minutes"));
    assert_eq!(
        portail_shared::login::IDLE_TIMEOUT_SECONDS,
        20 * 60,
        "the message says 20 minutes"
    );
}

// ----- Creating an account -----

#[tokio::test]
async fn login_page_offers_account_creation_and_the_forgotten_number_page() {
    let html = render_fr("/connexion").await;
    let main = main_of(&html);
    let create = tag(main, "a", &[r#"href="/creer-mon-compte""#]);
    assert_eq!(inner(main, create, "a"), "Créer mon compte");
    let nir = tag(main, "a", &[r#"href="/numero-oublie""#]);
    assert_eq!(
        inner(main, nir, "a"),
        "Numéro de sécurité sociale oublié\u{202f}?"
    );
}

#[tokio::test]
async fn create_account_page_asks_for_nir_birth_date_and_email_and_says_a_letter_comes() {
    let html = render_fr("/creer-mon-compte").await;
    assert_eq!(inner(&html, tags(&html, "h1")[0], "h1"), "Créer mon compte");
    let main = main_of(&html);
    tag(main, "input", &[r#"id="nir""#]);
    tag(
        main,
        "input",
        &[r#"id="date-naissance-jour""#, r#"autocomplete="bday-day""#],
    );
    let email = tag(main, "input", &[r#"id="adresse-email""#]);
    assert!(email.contains(r#"type="email""#), "{email}");
    assert!(email.contains(r#"autocomplete="email""#), "{email}");
    // The page explains a malformed address itself: the browser's own bubble never blocks it.
    assert!(tag(main, "form", &[]).contains("novalidate"));
    assert!(main.contains("3 à 5 jours ouvrés"));
    let submit = tag(main, "button", &[r#"type="submit""#]);
    assert_eq!(
        inner(main, submit, "button"),
        "Recevoir mon code par courrier"
    );
    // Someone who already has the letter goes straight to the code.
    tag(main, "a", &[r#"href="/creer-mon-compte/code""#]);
    // In English too.
    let en = render("/creer-mon-compte", Lang::En, loaded(Mode::Production)).await;
    assert!(main_of(&en).contains("Get my code by post"));
}

#[tokio::test]
async fn activation_page_asks_for_nir_letter_code_and_a_new_password_with_its_meter() {
    let html = render("/creer-mon-compte/code", Lang::Fr, loaded(Mode::Demo)).await;
    let main = main_of(&html);
    assert_eq!(
        inner(&html, tags(&html, "h1")[0], "h1"),
        "Saisir le code reçu par courrier"
    );
    tag(main, "input", &[r#"id="nir""#]);
    let code = tag(main, "label", &[r#"for="code-activation""#]);
    assert_eq!(inner(main, code, "label"), "Code d’activation");
    let password = tag(main, "input", &[r#"id="mot-de-passe-choisi""#]);
    assert!(
        password.contains(r#"autocomplete="new-password""#),
        "{password}"
    );
    tag(main, "meter", &[r#"id="mot-de-passe-choisi-solidite""#]);
    // The demo says where the letter can be read.
    tag(main, "a", &[r#"href="/demo/boite-envoi""#]);
    let production = render_fr("/creer-mon-compte/code").await;
    assert!(!main_of(&production).contains("/demo/boite-envoi"));
}

#[test]
fn a_letter_code_is_judged_once_left_and_always_on_submit() {
    use portail_member::pages::activate_account::letter_code_error;
    assert_eq!(letter_code_error("", false, false), None);
    assert_eq!(
        letter_code_error("", true, true),
        Some(Text::LetterCodeRequired)
    );
    assert_eq!(letter_code_error("7KQ4", false, false), None);
    assert_eq!(
        letter_code_error("7KQ4", true, false),
        Some(Text::LetterCodeMalformed)
    );
    assert_eq!(letter_code_error("7kq4m t9xwp", true, true), None);
}

#[test]
fn an_email_address_is_judged_once_left_and_always_on_submit() {
    use portail_member::pages::create_account::email_error;
    assert_eq!(email_error("", true, false, Lang::Fr), None);
    assert_eq!(
        email_error("", false, true, Lang::Fr),
        Some("Saisissez votre adresse e-mail.")
    );
    assert_eq!(email_error("alix@", false, false, Lang::Fr), None);
    assert!(
        email_error("alix@", true, false, Lang::En).is_some_and(|m| m.starts_with("Enter a full"))
    );
    assert_eq!(email_error("alix@exemple.fr", true, true, Lang::Fr), None);
}

#[tokio::test]
async fn the_code_page_says_when_it_confirms_the_address_of_a_new_account() {
    let html = render_props(ServerAppProps {
        pending_login: Some(LoginStep {
            masked_email: "a•••••@demo.portail.test".to_owned(),
            expires_in_minutes: 10,
            factor: SecondFactor::Email,
            confirming_email: true,
        }),
        ..props("/connexion/code", Lang::Fr, loaded(Mode::Demo))
    })
    .await;
    let main = main_of(&html);
    assert!(main.contains("Dernière étape"), "{main}");
    assert!(main.contains("a•••••@demo.portail.test"));
    let usual = render_code_page(Lang::Fr, Mode::Demo).await;
    assert!(!main_of(&usual).contains("Dernière étape"));
}

#[tokio::test]
async fn forgotten_number_page_says_where_to_find_it_and_gives_the_phone() {
    let html = render_fr("/numero-oublie").await;
    assert_eq!(
        inner(&html, tags(&html, "h1")[0], "h1"),
        "Retrouver mon numéro de sécurité sociale"
    );
    let main = main_of(&html);
    assert!(main.contains("carte Vitale"));
    assert!(main.contains("bulletins de salaire"));
    tag(main, "a", &[r#"href="tel:3646""#]);
    assert!(!main.contains("<form"));
}

// ----- Second factor by app; account security -----

#[tokio::test]
async fn with_an_app_the_code_page_asks_for_its_code_and_offers_no_email() {
    let html = render_props(ServerAppProps {
        pending_login: Some(LoginStep {
            masked_email: "t•••••@demo.portail.test".to_owned(),
            expires_in_minutes: 0,
            factor: SecondFactor::Totp,
            confirming_email: false,
        }),
        ..props("/connexion/code", Lang::Fr, loaded(Mode::Demo))
    })
    .await;
    assert_eq!(
        inner(&html, tags(&html, "h1")[0], "h1"),
        "Saisir le code de votre application"
    );
    let main = main_of(&html);
    let label = tag(main, "label", &[r#"for="code""#]);
    assert_eq!(inner(main, label, "label"), "Code de l’application");
    assert!(main.contains("codes de secours"), "{main}");
    // Nothing was e-mailed: no address, no "new code", no outbox hint.
    assert!(!main.contains("t•••••@"));
    assert!(!main.contains("Recevoir un nouveau code"));
    assert!(!main.contains("/demo/boite-envoi"));
    assert_eq!(
        tab_title(Route::LoginCode, false, false, true),
        Text::TitleAppCode
    );
}

#[test]
fn an_app_code_may_be_six_digits_or_a_recovery_code() {
    use portail_member::pages::login_code::app_code_error;
    assert_eq!(app_code_error("123456", true, true), None);
    assert_eq!(app_code_error("7kq4m-t9xwp", true, true), None);
    assert_eq!(
        app_code_error("12345", true, false),
        Some(Text::AppCodeMalformed)
    );
    assert_eq!(app_code_error("", false, true), Some(Text::CodeRequired));
    // An e-mailed code is six digits only.
    assert_eq!(
        code_error("7KQ4M-T9XWP", true, true),
        Some(Text::CodeMalformed)
    );
}

#[tokio::test]
async fn the_account_page_asks_visitors_to_sign_in_and_loads_security_for_members() {
    let visitor = render_fr("/compte").await;
    assert!(main_of(&visitor).contains(r#"href="/connexion""#));
    let member = render_member("/compte", Lang::Fr).await;
    let main = main_of(&member);
    assert_eq!(inner(&member, tags(&member, "h1")[0], "h1"), "Mon compte");
    assert!(main.contains("Chargement"), "{main}");
    assert!(!main.contains("Bientôt disponible"));
}

#[test]
fn devices_are_named_in_the_members_language_and_qr_codes_are_drawn_from_modules() {
    use portail_member::components::security::{device_name, qr_path};
    use portail_shared::security::Device;
    let device = |browser: &str, system: &str| Device {
        id: "a1".into(),
        browser: browser.into(),
        system: system.into(),
        network: "loopback".into(),
        signed_in_at: "2026-11-26T10:00:00Z".into(),
        last_seen_at: "2026-11-26T10:05:00Z".into(),
        current: true,
    };
    assert_eq!(
        device_name(&device("Firefox", "Windows"), Lang::Fr),
        "Firefox sur Windows"
    );
    assert_eq!(
        device_name(&device("Safari", "iPhone"), Lang::En),
        "Safari on iPhone"
    );
    assert_eq!(device_name(&device("", ""), Lang::Fr), "Navigateur inconnu");
    // Dark modules only, shifted by the four-module quiet zone.
    assert_eq!(
        qr_path(&[vec![true, false], vec![false, true]]),
        "M4 4h1v1h-1zM5 5h1v1h-1z"
    );
}

#[tokio::test]
async fn this_was_not_me_offers_one_button_with_a_token_and_a_way_forward_without() {
    let html = render_props(ServerAppProps {
        url_fragment: Some("abc".into()),
        ..props("/securite/pas-moi", Lang::Fr, loaded(Mode::Demo))
    })
    .await;
    let main = main_of(&html);
    assert_eq!(
        inner(&html, tags(&html, "h1")[0], "h1"),
        "Sécuriser mon compte"
    );
    let button = tag(main, "button", &[]);
    assert_eq!(
        inner(main, button, "button"),
        "Déconnecter tout et changer de mot de passe"
    );
    // Nothing to type: a forged link gains nothing.
    assert!(!main.contains("<input"));
    let without = render_props(ServerAppProps {
        url_fragment: Some("".into()),
        ..props("/securite/pas-moi", Lang::Fr, loaded(Mode::Demo))
    })
    .await;
    let main = main_of(&without);
    assert!(main.contains("Ce lien ne fonctionne plus"));
    tag(main, "a", &[r#"href="/mot-de-passe-oublie""#]);
}
