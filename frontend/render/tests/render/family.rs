//! The family view of the home: the switch lists the household and marks who is shown; the
//! shortcuts name the child and filter her payments.

use portail_member::components::family::{
    FamilySwitch, FamilySwitchProps, PersonShortcuts, PersonShortcutsProps,
};
use portail_shared::reimbursements::history::Person;
use yew::prelude::*;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::prelude::*;

#[derive(Properties, PartialEq, Clone)]
struct Frame {
    children: Html,
}

#[component]
fn InRouter(props: &Frame) -> Html {
    let history = AnyHistory::from(MemoryHistory::with_entries(["/".to_owned()]));
    html! {
        <Router {history}>
            <ContextProvider<portail_shared::Lang> context={portail_shared::Lang::Fr}>
                { props.children.clone() }
            </ContextProvider<portail_shared::Lang>>
        </Router>
    }
}

async fn render(children: Html) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<InRouter>::with_props(Frame { children })
                .hydratable(false)
                .render(),
        )
        .await
}

fn household() -> Vec<Person> {
    ["Camille", "Hugo", "Léa"]
        .iter()
        .zip(1u8..)
        .map(|(name, rank)| Person {
            rank,
            name: (*name).to_owned(),
        })
        .collect()
}

#[tokio::test]
async fn the_switch_lists_the_household_and_marks_who_is_shown() {
    let props = FamilySwitchProps {
        people: household(),
        chosen: Some(3),
    };
    let html = render(html! { <FamilySwitch ..props /> }).await;
    assert!(html.contains("Afficher pour"));
    assert!(html.contains("Toute la famille"));
    for name in ["Camille", "Hugo", "Léa"] {
        assert!(html.contains(name), "{name}");
    }
    let checked: Vec<&str> = html
        .split("<input")
        .skip(1)
        .filter(|input| input.split('>').next().unwrap_or("").contains("checked"))
        .collect();
    assert_eq!(checked.len(), 1, "one choice");
    assert!(checked[0].contains(r#"id="afficher-pour-3""#));
}

#[tokio::test]
async fn no_switch_without_dependants() {
    let props = FamilySwitchProps {
        people: household().into_iter().take(1).collect(),
        chosen: None,
    };
    let html = render(html! { <FamilySwitch ..props /> }).await;
    assert!(!html.contains("Afficher pour"), "{html}");
}

#[tokio::test]
async fn the_shortcuts_name_the_child_and_filter_her_payments() {
    let props = PersonShortcutsProps {
        person: Person {
            rank: 3,
            name: "Léa".into(),
        },
    };
    let html = render(html! { <PersonShortcuts ..props /> }).await;
    assert!(html.contains("Raccourcis pour Léa"));
    assert!(
        html.contains(r#"href="/remboursements?beneficiary=3""#),
        "{html}"
    );
    assert!(html.contains("Attestation de droits de Léa"));
    assert!(html.contains(r#"href="/prevention""#));
}
