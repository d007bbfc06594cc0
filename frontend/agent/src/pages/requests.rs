//! The members' requests (`/agent/demarches`): the queue by kind and age, the oldest first,
//! filtered by kind, status and assignment (to me, to nobody).

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::requests::{Assignment, Kind, QueueItem, Status};
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::agent_area::AgentArea;
use crate::components::link::AppLink;
use crate::lang::use_lang;
use crate::route::AgentRoute;

/// The queue (`/agent/demarches`).
#[component]
pub fn AgentRequestsPage() -> Html {
    html! {
        <AgentArea title={Text::TitleAgentRequests}>
            <Queue />
        </AgentArea>
    }
}

/// The queue's filters, as the API's query string takes them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// One kind only.
    pub kind: Option<Kind>,
    /// One status only (every open request otherwise).
    pub status: Option<Status>,
    /// To me, or to nobody.
    pub assigned: Option<Assignment>,
}

impl Filter {
    /// `kind=css&assigned=me`, empty without filters.
    pub fn to_query(&self) -> String {
        [
            self.kind.map(|k| format!("kind={}", k.code())),
            self.status.map(|s| format!("status={}", s.code())),
            self.assigned.map(|a| format!("assigned={}", a.code())),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("&")
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<Vec<QueueItem>>),
    Failed(AttrValue),
}

#[component]
fn Queue() -> Html {
    let lang = use_lang();
    let filter = use_state(Filter::default);
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with((*filter).clone(), move |filter| {
            let query = filter.to_query();
            let path = if query.is_empty() {
                api::paths::AGENT_REQUESTS.to_owned()
            } else {
                format!("{}?{query}", api::paths::AGENT_REQUESTS)
            };
            spawn_local(async move {
                loaded.set(match api::get_json::<Vec<QueueItem>>(&path, lang).await {
                    Ok(items) => Loaded::Ready(Rc::new(items)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let select = |apply: fn(&mut Filter, &str)| {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*filter).clone();
            apply(&mut next, &value);
            filter.set(next);
        })
    };
    let on_kind = select(|f, v| f.kind = Kind::parse(v));
    let on_status = select(|f, v| f.status = Status::parse(v));
    let on_assigned = select(|f, v| f.assigned = Assignment::parse(v));
    html! {
        <>
            <p class="lead">{ Text::AgentRequestsLead.text(lang) }</p>
            <section class="filters" aria-labelledby="filtres-demarches">
                <h2 id="filtres-demarches" class="filters__title">{ Text::AgentRequestsFilters.text(lang) }</h2>
                <div class="filters__grid">
                    <div class="field">
                        <label class="field__label" for="demarches-type">{ Text::AgentRequestsKind.text(lang) }</label>
                        <select id="demarches-type" class="field__select" onchange={on_kind}>
                            <option value="" selected={filter.kind.is_none()}>{ Text::AgentRequestsAllKinds.text(lang) }</option>
                            { for Kind::ALL.into_iter().map(|k| html! {
                                <option value={k.code()} selected={filter.kind == Some(k)}>{ k.label(lang) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="demarches-etat">{ Text::AgentRequestsStatus.text(lang) }</label>
                        <select id="demarches-etat" class="field__select" onchange={on_status}>
                            <option value="" selected={filter.status.is_none()}>{ Text::AgentRequestsAllOpen.text(lang) }</option>
                            { for Status::ALL.into_iter().map(|s| html! {
                                <option value={s.code()} selected={filter.status == Some(s)}>{ s.label(lang) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="demarches-attribution">{ Text::AgentRequestsAssigned.text(lang) }</label>
                        <select id="demarches-attribution" class="field__select" onchange={on_assigned}>
                            <option value="" selected={filter.assigned.is_none()}>{ Text::AgentRequestsAnyone.text(lang) }</option>
                            <option value="me" selected={filter.assigned == Some(Assignment::Me)}>{ Text::AgentRequestsMine.text(lang) }</option>
                            <option value="none" selected={filter.assigned == Some(Assignment::Nobody)}>{ Text::AgentRequestsNobody.text(lang) }</option>
                        </select>
                    </div>
                </div>
            </section>
            { match &*loaded {
                Loaded::Loading => html! {
                    <p class="loading" role="status">{ Text::AgentRequestsLoading.text(lang) }</p>
                },
                Loaded::Failed(message) => html! {
                    <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
                },
                Loaded::Ready(items) => html! { <RequestQueue items={Rc::clone(items)} /> },
            } }
        </>
    }
}

/// Properties of [`RequestQueue`].
#[derive(Properties, PartialEq, Clone)]
pub struct RequestQueueProps {
    /// The requests, oldest first.
    pub items: Rc<Vec<QueueItem>>,
}

fn age_words(days: i64, lang: Lang) -> String {
    format!("{days} {}", Text::AgentRequestsDays.text(lang))
}

/// The queue as a table: how long each request waits, its kind, its title (a link to it), the
/// member, its status, who has it.
#[component]
pub fn RequestQueue(props: &RequestQueueProps) -> Html {
    let lang = use_lang();
    let count = html! {
        <p role="status" class="queue-count">
            { format!("{} {}", Text::AgentRequestsCount.text(lang), props.items.len()) }
        </p>
    };
    if props.items.is_empty() {
        return html! {
            <>
                { count }
                <p>{ Text::AgentRequestsNone.text(lang) }</p>
            </>
        };
    }
    html! {
        <>
            { count }
            <div class="table-scroll">
                <table class="table queue">
                    <caption>{ Text::AgentRequestsCaption.text(lang) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ Text::AgentRequestsWaiting.text(lang) }</th>
                            <th scope="col">{ Text::AgentRequestsKind.text(lang) }</th>
                            <th scope="col">{ Text::AgentRequestsTitle.text(lang) }</th>
                            <th scope="col">{ Text::AgentRequestsMember.text(lang) }</th>
                            <th scope="col">{ Text::AgentRequestsStatus.text(lang) }</th>
                            <th scope="col">{ Text::AgentRequestsAssignedTo.text(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.items.iter().map(|item| html! {
                            <tr key={item.id}>
                                <td>{ age_words(item.age_days, lang) }</td>
                                <td>{ item.kind.label(lang) }</td>
                                <th scope="row">
                                    <AppLink to={AgentRoute::Request { id: item.id }}>{ item.title.clone() }</AppLink>
                                </th>
                                <td>{ item.member_name.clone() }</td>
                                <td>{ item.status.label(lang) }</td>
                                <td>{ match (&item.assigned_to, item.mine) {
                                    (_, true) => Text::AgentRequestsYou.text(lang).to_owned(),
                                    (Some(name), false) => name.clone(),
                                    (None, false) => Text::AgentRequestsUnassigned.text(lang).to_owned(),
                                } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
