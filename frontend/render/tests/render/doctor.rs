//! The médecin traitant pages, rendered from known answers.

use std::rc::Rc;

use portail_member::pages::doctor::{DeclareForm, DeclareFormProps, Household, HouseholdProps};
use portail_shared::doctor::{Declarant, Declared, Person, Professional};

async fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

fn gp() -> Professional {
    Professional {
        id: 40,
        name: "Dr Élise Faure".into(),
        specialty: "Médecine générale".into(),
        sector: Some(1),
        address: "12 cours Gambetta".into(),
        postal_code: "69003".into(),
        city: "Lyon".into(),
        phone: "04 12 34 56 78".into(),
    }
}

fn person(id: i64, name: &str, declarant: Declarant, doctor: bool, pending: Option<i64>) -> Person {
    Person {
        id,
        name: name.into(),
        rank: if declarant == Declarant::Adult { 1 } else { 2 },
        declarant,
        declared: doctor.then(|| Declared {
            doctor: gp(),
            since: "2024-05-02".into(),
        }),
        pending,
    }
}

#[tokio::test]
async fn each_person_shows_their_doctor_or_the_cost_of_having_none() {
    let html = render::<Household>(HouseholdProps {
        people: Rc::new(vec![
            person(1, "Camille Martin", Declarant::Adult, true, None),
            person(2, "Léa Martin", Declarant::Parent, false, None),
            person(3, "Hugo Martin", Declarant::TeenWithParent, true, Some(77)),
        ]),
    })
    .await;
    assert!(html.contains("Dr Élise Faure"));
    assert!(html.contains("12 cours Gambetta, 69003 Lyon"));
    assert!(html.contains("Secteur 1\u{a0}: sans dépassement d’honoraires"));
    assert!(html.contains("Déclaré depuis le 2 mai 2024"));
    // Léa has none: the 30 % consequence is said, and a parent declares for her.
    assert!(html.contains("remboursées à 30\u{a0}% au lieu de 70\u{a0}%"));
    assert!(html.contains("Moins de 16 ans\u{a0}: c’est vous, son parent"));
    assert!(html.contains(r#"href="/medecin-traitant/2/declarer""#));
    assert!(html.contains("Déclarer un médecin traitant pour Léa Martin"));
    assert!(html.contains("Changer de médecin traitant pour Camille Martin"));
    // Hugo's declaration is pending: followed, not declared again.
    assert!(html.contains(r#"href="/demarches/77""#));
    assert!(!html.contains(r#"href="/medecin-traitant/3/declarer""#));
}

#[tokio::test]
async fn a_teenagers_declaration_asks_for_their_choice_and_an_adults_does_not() {
    let teen = render::<DeclareForm>(DeclareFormProps {
        person: person(3, "Hugo Martin", Declarant::TeenWithParent, false, None),
    })
    .await;
    assert!(teen.contains("Déclarer un médecin traitant pour Hugo Martin"));
    assert!(teen.contains("16 ou 17 ans\u{a0}: l’adolescent choisit"));
    assert!(teen.contains("L’adolescent a choisi ce médecin, et je donne mon accord de parent."));
    assert!(teen.contains("Le médecin a accepté d’être le médecin traitant."));
    assert!(teen.contains(r#"for="recherche-nom""#) && teen.contains(r#"for="recherche-ville""#));
    assert!(teen.contains(">Pédiatrie</option>"));

    let adult = render::<DeclareForm>(DeclareFormProps {
        person: person(1, "Camille Martin", Declarant::Adult, true, None),
    })
    .await;
    assert!(!adult.contains("L’adolescent a choisi"));
    assert!(adult.contains("Le médecin a accepté d’être le médecin traitant."));
}

#[tokio::test]
async fn the_homes_to_do_list_links_each_item_to_its_page() {
    use portail_member::components::dashboard::{AttentionList, AttentionListProps};
    use portail_shared::attention::Attention;
    let html = render::<AttentionList>(AttentionListProps {
        items: Rc::new(vec![
            Attention::WaitingForYou {
                request: 4,
                title: "Contestation".into(),
            },
            Attention::NoDoctor {
                person: 12,
                name: "Léon Garnier".into(),
            },
        ]),
    })
    .await;
    assert!(html.contains("Votre caisse attend une réponse de votre part\u{a0}: Contestation"));
    assert!(html.contains(r#"href="/demarches/4""#));
    assert!(html.contains("Léon Garnier n’a pas de médecin traitant déclaré"));
    assert!(html.contains(r#"href="/medecin-traitant/12/declarer""#));
    let none = render::<AttentionList>(AttentionListProps {
        items: Rc::new(vec![]),
    })
    .await;
    assert!(none.contains("Rien à faire pour l’instant"));
}
