//! The agents' area rendered: its own header (no member navigation), the sign-in form, the
//! frame while the agent is being checked, a member's account as support sees it, and the
//! member's list of accesses.

use portail_agent::pages::members::account_facts;
use portail_member::components::accesses::accesses_table;
use portail_shared::Lang;
use portail_shared::agent::{Access, AccountState, ReasonKind};
use yew::prelude::*;

use super::{header_of, loaded, main_of, props, render_agent, render_props};
use portail_shared::api::Mode;

#[derive(Properties, PartialEq, Clone)]
struct Fragment {
    html: Html,
}

#[component]
fn Show(props: &Fragment) -> Html {
    props.html.clone()
}

async fn render_html(html: Html) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<Show>::with_props(Fragment { html })
                .hydratable(false)
                .render(),
        )
        .await
}

#[tokio::test]
async fn the_agents_sign_in_has_its_own_header_and_fields() {
    for (lang, email, nav) in [
        (
            Lang::Fr,
            "Adresse e-mail professionnelle",
            "Navigation principale",
        ),
        (Lang::En, "Work e-mail address", "Main navigation"),
    ] {
        let html = render_agent("/agent/connexion", lang, loaded(Mode::Demo)).await;
        let main = main_of(&html);
        assert!(main.contains(email), "{lang:?}");
        assert!(main.contains(r#"type="email""#));
        assert!(main.contains(r#"autocomplete="current-password""#));
        let header = header_of(&html);
        assert!(
            !header.contains(nav),
            "no member navigation in the agents' area"
        );
        assert!(
            !header.contains(r#"href="/connexion""#),
            "no member sign-in link"
        );
    }
    // A member page keeps the member header.
    let member = render_props(props("/aide", Lang::Fr, loaded(Mode::Demo))).await;
    assert!(header_of(&member).contains("Navigation principale"));
}

#[tokio::test]
async fn an_agent_page_shows_its_title_while_the_agent_is_checked() {
    let html = render_agent("/agent/membres", Lang::Fr, loaded(Mode::Demo)).await;
    let main = main_of(&html);
    assert!(main.contains("Rechercher un assuré"));
    assert!(main.contains("Chargement"));
    assert!(
        !main.contains("agent-query"),
        "no tool before the agent is known"
    );
}

fn account(locked: Option<&str>, factor: &str) -> AccountState {
    AccountState {
        status: "active".into(),
        locked_until: locked.map(str::to_owned),
        second_factor: factor.into(),
        sessions: 2,
        letters_waiting: 0,
        masked_email: "r•••••@demo.portail.test".into(),
    }
}

#[tokio::test]
async fn support_sees_the_lock_and_the_second_factor() {
    let locked = render_html(account_facts(
        &account(Some("2026-11-28T10:15:00Z"), "totp"),
        Lang::Fr,
    ))
    .await;
    assert!(
        locked.contains("Bloqué jusqu’au 2026-11-28 10:15"),
        "{locked}"
    );
    assert!(locked.contains("Application d’authentification"));
    assert!(locked.contains("Actif"));
    let free = render_html(account_facts(&account(None, "email"), Lang::En)).await;
    assert!(free.contains("Not locked"));
    assert!(free.contains("Code by e-mail"));
    assert!(!free.contains("Locked until"));
}

#[tokio::test]
async fn the_member_reads_who_opened_the_file_and_why() {
    let none = render_html(accesses_table(&[], Lang::Fr)).await;
    assert!(none.contains("Aucune consultation enregistrée."));
    let items = [
        Access {
            at: "2026-11-27T09:30:00Z".into(),
            agent: "Nadia Benali".into(),
            action: "member.unlock".into(),
            reason: ReasonKind::PhoneCall,
            details: String::new(),
        },
        Access {
            at: "2026-11-26T16:00:00Z".into(),
            agent: "Paul Lefèvre".into(),
            action: "member.open".into(),
            reason: ReasonKind::Other,
            details: "Courrier retourné".into(),
        },
    ];
    let html = render_html(accesses_table(&items, Lang::Fr)).await;
    assert!(html.contains("Déblocage du compte"));
    assert!(html.contains("Appel téléphonique de l’assuré"));
    assert!(html.contains("Autre motif – Courrier retourné"));
    assert!(html.contains("2026-11-27 09:30"));
    assert!(html.contains("Nadia Benali"));
}
