//! The home's "À faire", rendered from known items: each European card to renew and each
//! person's prevention to do links to its page, in French and in English.

use std::rc::Rc;

use portail_member::components::dashboard::AttentionList;
use portail_shared::Lang;
use portail_shared::attention::Attention;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct InLangProps {
    lang: Lang,
    items: Rc<Vec<Attention>>,
}

#[component]
fn InLang(props: &InLangProps) -> Html {
    html! {
        <ContextProvider<Lang> context={props.lang}>
            <AttentionList items={Rc::clone(&props.items)} />
        </ContextProvider<Lang>>
    }
}

async fn render(lang: Lang, items: Vec<Attention>) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<InLang>::with_props(InLangProps {
                lang,
                items: Rc::new(items),
            })
            .hydratable(false)
            .render(),
        )
        .await
}

fn items() -> Vec<Attention> {
    vec![
        Attention::CeamExpiring {
            person: 3,
            name: "Yanis Mercier".into(),
            valid_until: "2025-11-27".into(),
            expired: true,
        },
        Attention::PreventionDue {
            person: 5,
            name: "Françoise Lefort".into(),
            count: 2,
            overdue: 1,
        },
    ]
}

#[tokio::test]
async fn a_card_to_renew_and_prevention_to_do_link_to_their_pages() {
    let html = render(Lang::Fr, items()).await;
    assert!(html.contains(
        "La carte européenne d’assurance maladie de Yanis Mercier a expiré le 27\u{a0}novembre 2025\u{a0}: commandez-en une nouvelle avant votre prochain séjour en Europe."
    ));
    assert!(html.contains(r#"<a href="/carte-europeenne">Commander une carte</a>"#));
    assert!(html.contains(
        "2\u{a0}actions de prévention à faire pour Françoise Lefort, dont 1\u{a0}en retard."
    ));
    assert!(html.contains(r#"<a href="/prevention">Voir les recommandations de prévention</a>"#));
    // Most pressing first, as the server sent them.
    assert!(html.find("Yanis Mercier") < html.find("Françoise Lefort"));

    let html = render(Lang::En, items()).await;
    assert!(html.contains(
        "Yanis Mercier’s European health insurance card expired on 27 November 2025: order a new one before your next stay in Europe."
    ));
    assert!(html.contains(r#"<a href="/carte-europeenne">Order a card</a>"#));
    assert!(html.contains("2 prevention steps to do for Françoise Lefort, 1 of them overdue."));
    assert!(html.contains(r#"<a href="/prevention">See the prevention recommendations</a>"#));
}
