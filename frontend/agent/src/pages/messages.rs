//! The members' messages (`/agent/messages`): the open conversations, those waiting longest for
//! an answer first, filtered by queue (topic), by assignment and by whether they wait.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::messages::{Assignment, QueueFilter, QueueItem, Topic};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::agent_area::AgentArea;
use crate::components::link::AppLink;
use crate::lang::use_lang;
use crate::route::AgentRoute;
use crate::time::instant_words;

/// The queue (`/agent/messages`).
#[component]
pub fn AgentMessagesPage() -> Html {
    html! {
        <AgentArea title={Text::TitleAgentMessages}>
            <Queue />
        </AgentArea>
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<Vec<QueueItem>>),
    Failed(AttrValue),
}

fn assignment_label(a: Assignment) -> Text {
    match a {
        Assignment::All => Text::AgentQueueAll,
        Assignment::Mine => Text::AgentQueueMine,
        Assignment::Unassigned => Text::AgentQueueUnassigned,
    }
}

#[component]
fn Queue() -> Html {
    let lang = use_lang();
    let filter = use_state(QueueFilter::default);
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with((*filter).clone(), move |filter| {
            let query = filter.to_query();
            let path = if query.is_empty() {
                api::paths::AGENT_MESSAGES.to_owned()
            } else {
                format!("{}?{query}", api::paths::AGENT_MESSAGES)
            };
            spawn_local(async move {
                loaded.set(match api::get_json::<Vec<QueueItem>>(&path, lang).await {
                    Ok(items) => Loaded::Ready(Rc::new(items)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let on_topic = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*filter).clone();
            next.topic = Topic::parse(&value);
            filter.set(next);
        })
    };
    let on_assigned = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*filter).clone();
            next.assigned = Assignment::parse(&value).unwrap_or_default();
            filter.set(next);
        })
    };
    let on_waiting = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let mut next = (*filter).clone();
            next.waiting = e.target_unchecked_into::<HtmlInputElement>().checked();
            filter.set(next);
        })
    };
    let current_topic = filter.topic.map_or("", Topic::code);
    html! {
        <>
            <p class="lead">{ Text::AgentMessagesIntro.text(lang) }</p>
            <section class="filters" aria-labelledby="filtres-titre">
                <h2 id="filtres-titre" class="filters__title">{ Text::AgentQueueFilters.text(lang) }</h2>
                <div class="filters__grid">
                    <div class="field">
                        <label class="field__label" for="file-sujet">{ Text::AgentQueueTopic.text(lang) }</label>
                        <select id="file-sujet" class="field__select" onchange={on_topic}>
                            <option value="" selected={current_topic.is_empty()}>
                                { Text::AgentQueueAllTopics.text(lang) }
                            </option>
                            { for Topic::ALL.into_iter().map(|t| html! {
                                <option value={t.code()} selected={current_topic == t.code()}>
                                    { t.label(lang) }
                                </option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="file-attribution">{ Text::AgentQueueAssigned.text(lang) }</label>
                        <select id="file-attribution" class="field__select" onchange={on_assigned}>
                            { for Assignment::ALL.into_iter().map(|a| html! {
                                <option value={a.code()} selected={filter.assigned == a}>
                                    { assignment_label(a).text(lang) }
                                </option>
                            }) }
                        </select>
                    </div>
                    <div class="checkbox">
                        <input class="checkbox__input" type="checkbox" id="file-attente"
                            checked={filter.waiting} onchange={on_waiting} />
                        <label class="checkbox__label" for="file-attente">{ Text::AgentQueueWaitingOnly.text(lang) }</label>
                    </div>
                </div>
            </section>
            { match &*loaded {
                Loaded::Loading => html! {
                    <p class="loading" role="status">{ Text::AgentLoading.text(lang) }</p>
                },
                Loaded::Failed(message) => html! {
                    <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
                },
                Loaded::Ready(items) => html! { <QueueTable items={Rc::clone(items)} /> },
            } }
        </>
    }
}

/// Properties of [`QueueTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct QueueTableProps {
    /// The threads, in the queue's order.
    pub items: Rc<Vec<QueueItem>>,
}

fn waiting_words(item: &QueueItem, lang: Lang) -> String {
    match &item.waiting_since {
        Some(since) => format!(
            "{} {}",
            Text::AgentQueueWaitingSince.text(lang),
            instant_words(since, lang)
        ),
        None => Text::AgentQueueAnswered.text(lang).to_owned(),
    }
}

/// The queue as a table: how long each member waits, the queue, the subject (a link to the
/// conversation), the member, who has it.
#[component]
pub fn QueueTable(props: &QueueTableProps) -> Html {
    let lang = use_lang();
    let count = html! {
        <p role="status" class="queue-count">
            { format!("{} {}", props.items.len(), Text::AgentQueueCount.text(lang)) }
        </p>
    };
    if props.items.is_empty() {
        return html! {
            <>
                { count }
                <p>{ Text::AgentQueueNone.text(lang) }</p>
            </>
        };
    }
    html! {
        <>
            { count }
            <div class="table-scroll">
                <table class="table queue">
                    <caption>{ Text::AgentQueueCaption.text(lang) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ Text::AgentQueueAge.text(lang) }</th>
                            <th scope="col">{ Text::AgentQueueTopic.text(lang) }</th>
                            <th scope="col">{ Text::AgentQueueSubject.text(lang) }</th>
                            <th scope="col">{ Text::AgentQueueMember.text(lang) }</th>
                            <th scope="col">{ Text::AgentQueueAssigned.text(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.items.iter().map(|item| html! {
                            <tr key={item.id} class={classes!(item.waiting_since.is_some().then_some("queue__row--waiting"))}>
                                <td>{ waiting_words(item, lang) }</td>
                                <td>{ item.topic.label(lang) }</td>
                                <th scope="row">
                                    <AppLink to={AgentRoute::Thread { id: item.id }}>{ item.subject.clone() }</AppLink>
                                </th>
                                <td>{ item.member_name.clone() }</td>
                                <td>
                                    { if item.assigned_to_me {
                                        Text::AgentQueueYou.text(lang).to_owned()
                                    } else {
                                        item.assigned_to.clone().unwrap_or_else(|| Text::AgentQueueNobody.text(lang).to_owned())
                                    } }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
