//! The member's home, what changed: the latest payments and the requests still open, each
//! linking to its page.

use std::rc::Rc;

use portail_shared::Cents;
use portail_shared::attention::Attention;
use portail_shared::i18n::Text;
use portail_shared::reimbursements::history::{self, History, Person};
use portail_shared::requests::Summary;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::date_input::SimpleDate;
use crate::components::link::AppLink;
use crate::lang::use_lang;
use crate::route::Route;

/// How many payments the home shows.
const SHOWN: usize = 3;

/// What a box knows.
#[derive(Debug, Clone, PartialEq)]
enum Loaded<T> {
    Loading,
    Ready(Rc<T>),
    Failed,
}

/// Properties of [`LatestPayments`].
#[derive(Properties, PartialEq, Clone)]
pub struct LatestPaymentsProps {
    /// Only this person's payments (rank), in the home's family view.
    #[prop_or_default]
    pub beneficiary: Option<u8>,
    /// Told the household once the history is loaded (the family view lists it).
    #[prop_or_default]
    pub on_people: Callback<Vec<Person>>,
}

/// "Vos derniers paiements": the three latest payments, what reached the member, how many acts;
/// one person's when the home shows one child.
#[component]
pub fn LatestPayments(props: &LatestPaymentsProps) -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::<History>::Loading);
    {
        let (loaded, on_people) = (loaded.setter(), props.on_people.clone());
        use_effect_with(props.beneficiary, move |beneficiary| {
            let path = match beneficiary {
                Some(rank) => format!("{}?beneficiary={rank}", api::paths::REIMBURSEMENTS),
                None => api::paths::REIMBURSEMENTS.to_owned(),
            };
            spawn_local(async move {
                let answer = api::get_json::<History>(&path, lang).await;
                if let Ok(history) = &answer {
                    on_people.emit(history.people.clone());
                }
                loaded.set(answer.map_or(Loaded::Failed, |h| Loaded::Ready(Rc::new(h))));
            });
        });
    }
    let heading = match (&*loaded, props.beneficiary) {
        (Loaded::Ready(h), Some(rank)) => h
            .people
            .iter()
            .find(|p| p.rank == rank)
            .map(|p| format!("{} {}", Text::FamilyPaymentsHeading.text(lang), p.name)),
        _ => None,
    }
    .unwrap_or_else(|| Text::HomePaymentsHeading.text(lang).to_owned());
    let body = match &*loaded {
        Loaded::Loading => html! { <p class="loading">{ Text::Loading.text(lang) }</p> },
        Loaded::Failed => html! { <p>{ Text::ErrorUnexpected.text(lang) }</p> },
        Loaded::Ready(h) => {
            let paid: Vec<_> = history::payments(&h.lines)
                .into_iter()
                .filter(|p| p.reference.is_some())
                .take(SHOWN)
                .collect();
            if paid.is_empty() {
                html! { <p>{ Text::HomePaymentsNone.text(lang) }</p> }
            } else {
                html! {
                    <ul class="dashboard__list">
                        { for paid.iter().map(|p| {
                            let date = p.date.and_then(SimpleDate::from_iso).map(|d| d.long(lang)).unwrap_or_default();
                            let total = p.to_member + p.to_professionals;
                            let acts = p.lines.len();
                            let words = if acts > 1 { Text::HomePaymentsActs } else { Text::HomePaymentsAct };
                            html! {
                                <li>
                                    <strong>{ date }</strong>
                                    { format!(" · {} · {acts} {}", money(total, lang), words.text(lang)) }
                                </li>
                            }
                        }) }
                    </ul>
                }
            }
        }
    };
    html! {
        <section class="box dashboard" aria-labelledby="derniers-paiements">
            <h2 id="derniers-paiements" class="panel__title">{ heading }</h2>
            { body }
            <p><AppLink to={Route::Reimbursements}>{ Text::HomePaymentsAll.text(lang) }</AppLink></p>
        </section>
    }
}

fn money(c: Cents, lang: portail_shared::Lang) -> String {
    c.format(lang)
}

/// "Vos démarches en cours": the open requests and where each stands.
#[component]
pub fn OpenRequests() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::<Vec<Summary>>::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<Vec<Summary>>(api::paths::REQUESTS, lang).await;
                loaded.set(answer.map_or(Loaded::Failed, |r| Loaded::Ready(Rc::new(r))));
            });
        });
    }
    let body = match &*loaded {
        Loaded::Loading => html! { <p class="loading">{ Text::Loading.text(lang) }</p> },
        Loaded::Failed => html! { <p>{ Text::ErrorUnexpected.text(lang) }</p> },
        Loaded::Ready(list) => {
            let open: Vec<&Summary> = list.iter().filter(|r| !r.status.is_final()).collect();
            if open.is_empty() {
                html! { <p>{ Text::HomeRequestsNone.text(lang) }</p> }
            } else {
                html! {
                    <ul class="dashboard__list">
                        { for open.iter().map(|r| html! {
                            <li key={r.id}>
                                <AppLink to={Route::Request { id: r.id }}>{ r.title.clone() }</AppLink>
                                { format!(" · {}", r.status.label(lang)) }
                            </li>
                        }) }
                    </ul>
                }
            }
        }
    };
    html! {
        <section class="box dashboard" aria-labelledby="demarches-en-cours">
            <h2 id="demarches-en-cours" class="panel__title">{ Text::HomeRequestsHeading.text(lang) }</h2>
            { body }
            <p><AppLink to={Route::Requests}>{ Text::HomeRequestsAll.text(lang) }</AppLink></p>
        </section>
    }
}

/// Properties of [`AttentionList`].
#[derive(Properties, PartialEq, Clone)]
pub struct AttentionListProps {
    /// What needs attention, most pressing first.
    pub items: Rc<Vec<Attention>>,
}

/// The items of "À faire", each linking to the page that deals with it.
#[component]
pub fn AttentionList(props: &AttentionListProps) -> Html {
    let lang = use_lang();
    if props.items.is_empty() {
        return html! { <p>{ Text::HomeAttentionNone.text(lang) }</p> };
    }
    html! {
        <ul class="dashboard__list">
            { for props.items.iter().map(|item| {
                let (route, action) = match item {
                    Attention::WaitingForYou { request, .. }
                    | Attention::BankChangePending { request }
                    | Attention::AddressChangePending { request } => {
                        (Route::Request { id: *request }, Text::RequestsSee)
                    }
                    Attention::NoDoctor { person, .. } => {
                        (Route::DoctorDeclare { person: *person }, Text::DoctorAttestationLink)
                    }
                    Attention::UnreadMessages { .. } => (Route::Messages, Text::MessagesRead),
                    Attention::CeamExpiring { .. } => (Route::Ceam, Text::CeamOrderOpen),
                    Attention::PreventionDue { .. } => {
                        (Route::Prevention, Text::HomeAttentionPrevention)
                    }
                };
                html! {
                    <li>
                        { item.words(lang) }{ " " }
                        <AppLink to={route}>{ action.text(lang) }</AppLink>
                    </li>
                }
            }) }
        </ul>
    }
}

/// "À faire": unread messages, requests waiting for the member, a missing médecin traitant,
/// an expired or expiring European card, prevention to do, changes being checked.
#[component]
pub fn NeedsAttention() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::<Vec<Attention>>::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<Vec<Attention>>(api::paths::ATTENTION, lang).await;
                loaded.set(answer.map_or(Loaded::Failed, |r| Loaded::Ready(Rc::new(r))));
            });
        });
    }
    let body = match &*loaded {
        Loaded::Loading => html! { <p class="loading">{ Text::Loading.text(lang) }</p> },
        Loaded::Failed => html! { <p>{ Text::ErrorUnexpected.text(lang) }</p> },
        Loaded::Ready(items) => html! { <AttentionList items={Rc::clone(items)} /> },
    };
    html! {
        <section class="box dashboard" aria-labelledby="a-faire">
            <h2 id="a-faire" class="panel__title">{ Text::HomeAttentionHeading.text(lang) }</h2>
            { body }
        </section>
    }
}

/// The actions members come for most, one tap away.
#[component]
pub fn QuickActions() -> Html {
    let lang = use_lang();
    let actions = [
        (Route::Documents, Text::HomeQuickAttestation),
        (Route::Doctor, Text::DoctorAttestationLink),
        (Route::Account, Text::HomeQuickBank),
        (Route::Simulator, Text::HomeQuickSimulator),
        (Route::Ceam, Text::HomeQuickCeam),
        (Route::Messages, Text::HomeQuickWrite),
    ];
    html! {
        <section class="box dashboard" aria-labelledby="actions-rapides">
            <h2 id="actions-rapides" class="panel__title">{ Text::HomeQuickHeading.text(lang) }</h2>
            <ul class="quick-actions">
                { for actions.iter().map(|(route, text)| html! {
                    <li><AppLink to={*route}>{ text.text(lang) }</AppLink></li>
                }) }
            </ul>
        </section>
    }
}
