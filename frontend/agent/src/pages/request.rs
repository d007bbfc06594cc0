//! One request, seen by an agent (`/agent/demarches/:id`): what the member sent and the files,
//! every step (internal notes marked), assigning it to oneself, moving it on with a message to
//! the member (who gets an e-mail without content), and internal notes the member never sees.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::requests::{AgentDetail, AgentEvent, Note, Status, StatusChange};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::agent_area::AgentArea;
use crate::components::error_summary::error_summary;
use crate::components::field::{TextAreaField, field_message, keep_field_focus};
use crate::components::file_field::size_words;
use crate::components::form::use_form;
use crate::components::icons::spinner;
use crate::components::link::AppLink;
use crate::lang::use_lang;
use crate::route::AgentRoute;
use crate::time::instant_words;

const STATUS_ID: &str = "demarche-etat";
const MESSAGE_ID: &str = "demarche-message";
const NOTE_ID: &str = "demarche-note";

/// Properties of [`AgentRequestPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct AgentRequestPageProps {
    /// Which.
    pub id: i64,
}

/// One request (`/agent/demarches/:id`).
#[component]
pub fn AgentRequestPage(props: &AgentRequestPageProps) -> Html {
    html! {
        <AgentArea title={Text::TitleAgentRequest}>
            <Processing id={props.id} />
        </AgentArea>
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<AgentDetail>),
    Failed(AttrValue),
}

#[component]
fn Processing(props: &AgentRequestPageProps) -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    let saved = use_state(|| None::<Text>);
    {
        let loaded = loaded.setter();
        use_effect_with(props.id, move |id| {
            let path = format!("{}/{id}", api::paths::AGENT_REQUESTS);
            spawn_local(async move {
                loaded.set(match api::get_json::<AgentDetail>(&path, lang).await {
                    Ok(detail) => Loaded::Ready(Rc::new(detail)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let on_change = {
        let (loaded, saved) = (loaded.clone(), saved.clone());
        Callback::from(move |(detail, text): (AgentDetail, Text)| {
            loaded.set(Loaded::Ready(Rc::new(detail)));
            saved.set(Some(text));
        })
    };
    let body = match &*loaded {
        Loaded::Loading => {
            html! { <p class="loading" role="status">{ Text::Loading.text(lang) }</p> }
        }
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(detail) => html! {
            <RequestFile detail={Rc::clone(detail)} {on_change} />
        },
    };
    html! {
        <>
            <p role="status" id="demarche-enregistree" class="status-line status-line--success">
                { saved.map(|t| t.text(lang)).unwrap_or_default() }
            </p>
            { body }
            <p><AppLink to={AgentRoute::Requests}>{ Text::AgentRequestBack.text(lang) }</AppLink></p>
        </>
    }
}

/// Properties of [`RequestFile`].
#[derive(Properties, PartialEq, Clone)]
pub struct RequestFileProps {
    /// The request as agents see it.
    pub detail: Rc<AgentDetail>,
    /// The request after an action, and what to say about it.
    #[prop_or_default]
    pub on_change: Callback<(AgentDetail, Text)>,
}

fn badge(status: Status, lang: Lang) -> Html {
    let tone = match status {
        Status::Completed => "badge--success",
        Status::Refused => "badge--error",
        Status::WaitingMember => "badge--warning",
        Status::Submitted | Status::InProgress => "badge--info",
    };
    html! { <p class={classes!("badge", tone)}>{ status.label(lang) }</p> }
}

fn step(e: &AgentEvent, lang: Lang) -> Html {
    let who = match (e.author.as_str(), &e.author_name) {
        ("agent", Some(name)) => name.clone(),
        ("member", _) => Text::AgentRequestByMember.text(lang).to_owned(),
        _ => Text::AgentRequestBySystem.text(lang).to_owned(),
    };
    let (head, message) = match (e.internal, e.message.is_empty()) {
        (true, true) => (Text::AgentRequestAssignedStep.text(lang), None),
        (true, false) => (
            Text::AgentRequestInternal.text(lang),
            Some(e.message.clone()),
        ),
        (false, _) => (
            e.status.label(lang),
            Some(e.message.clone()).filter(|m| !m.is_empty()),
        ),
    };
    html! {
        <li class={classes!("timeline__step", e.internal.then_some("timeline__step--internal"))}>
            <p class="timeline__head">
                <strong>{ head }</strong>
                { format!(" · {} · {who}", instant_words(&e.at, lang)) }
            </p>
            if let Some(message) = message {
                <p class="timeline__message">{ message }</p>
            }
        </li>
    }
}

/// The request, its files and steps, and the forms that move it on.
#[component]
pub fn RequestFile(props: &RequestFileProps) -> Html {
    let lang = use_lang();
    let d = &props.detail;
    let s = &d.summary;
    let id = s.id;
    let open = !s.status.is_final();
    let assigning = use_state_eq(|| false);
    let assign = {
        let (on_change, assigning) = (props.on_change.clone(), assigning.clone());
        Callback::from(move |_: MouseEvent| {
            let (on_change, assigning) = (on_change.clone(), assigning.clone());
            assigning.set(true);
            spawn_local(async move {
                let path = format!("{}/{id}/assign", api::paths::AGENT_REQUESTS);
                let answer = api::post_empty::<AgentDetail>(&path, lang).await;
                assigning.set(false);
                if let Ok(detail) = answer {
                    on_change.emit((detail, Text::AgentRequestYours));
                }
            });
        })
    };
    html! {
        <>
            <p class="lead"><strong>{ s.kind.label(lang) }</strong>{ format!(" · {}", s.title) }</p>
            { badge(s.status, lang) }
            <dl class="details">
                <div><dt>{ Text::AgentRequestsMember.text(lang) }</dt><dd>{ d.member_name.clone() }</dd></div>
                <div><dt>{ Text::AgentRequestNir.text(lang) }</dt><dd>{ d.member_nir_masked.clone() }</dd></div>
                <div><dt>{ Text::AgentRequestsFiled.text(lang) }</dt><dd>{ instant_words(&s.created_at, lang) }</dd></div>
            </dl>
            if open {
                <p>
                    { match (&d.assigned_to, d.mine) {
                        (_, true) => Text::AgentRequestYours.text(lang).to_owned(),
                        (Some(name), false) => format!("{} {name}.", Text::AgentRequestsAssignedTo.text(lang)),
                        (None, false) => Text::AgentRequestUnassigned.text(lang).to_owned(),
                    } }
                </p>
                if !d.mine {
                    <button type="button" class="button button--secondary" onclick={assign} disabled={*assigning}>
                        { Text::AgentRequestAssign.text(lang) }
                    </button>
                }
            } else {
                <p>{ Text::AgentRequestClosed.text(lang) }</p>
            }
            <section aria-labelledby="demarche-envoye">
                <h2 id="demarche-envoye">{ Text::AgentRequestSent.text(lang) }</h2>
                <dl class="details">
                    { for d.fields.iter().map(|(label, value)| html! {
                        <div><dt>{ label.clone() }</dt><dd class="details__text">{ value.clone() }</dd></div>
                    }) }
                </dl>
            </section>
            if !d.attachments.is_empty() {
                <section aria-labelledby="demarche-pieces">
                    <h2 id="demarche-pieces">{ Text::AgentRequestFiles.text(lang) }</h2>
                    <ul class="statements__list">
                        { for d.attachments.iter().map(|a| html! {
                            <li key={a.id}>
                                <a href={format!("{}/{id}/attachments/{}", api::paths::AGENT_REQUESTS, a.id)} download="">{ a.name.clone() }</a>
                                <span class="statements__meta">{ format!(" · {}", size_words(a.size, lang)) }</span>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            <section aria-labelledby="demarche-historique">
                <h2 id="demarche-historique">{ Text::AgentRequestTimeline.text(lang) }</h2>
                <ol class="timeline">
                    { for d.events.iter().map(|e| step(e, lang)) }
                </ol>
            </section>
            if open {
                <ChangeForm detail={Rc::clone(d)} on_change={props.on_change.clone()} />
            }
            <NoteForm {id} on_change={props.on_change.clone()} />
        </>
    }
}

#[component]
fn ChangeForm(props: &RequestFileProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let status = use_state(|| Status::InProgress);
    let message = use_state(String::new);
    let id = props.detail.summary.id;
    let on_status = {
        let (status, form) = (status.clone(), form.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            status.set(Status::parse(&value).unwrap_or(Status::InProgress));
            form.clear_server_error("status");
        })
    };
    let on_message = {
        let (message, form) = (message.clone(), form.clone());
        Callback::from(move |e: InputEvent| {
            message.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            form.clear_server_error("message");
        })
    };
    let onsubmit = {
        let form = form.clone();
        let (status, message) = (status.clone(), message.clone());
        let on_change = props.on_change.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let body = StatusChange {
                status: *status,
                message: (*message).clone(),
            };
            let (on_change, message) = (on_change.clone(), message.clone());
            spawn_local(async move {
                let path = format!("{}/{id}/status", api::paths::AGENT_REQUESTS);
                let answer = api::post_json::<_, AgentDetail>(&path, &body, lang).await;
                if let Some(detail) = submission.finish(answer, lang) {
                    message.set(String::new());
                    on_change.emit((detail, Text::AgentRequestSaved));
                }
            });
        })
    };
    let status_error = form.server_error("status");
    let message_error = form.server_error("message");
    let summary = form.summary(&[
        (STATUS_ID, status_error.clone()),
        (MESSAGE_ID, message_error.clone()),
    ]);
    let effect = match *status {
        Status::Completed => props.detail.on_complete.clone(),
        Status::Refused => props.detail.on_refuse.clone(),
        _ => None,
    };
    html! {
        <section aria-labelledby="demarche-avancer" class="box">
            <h2 id="demarche-avancer">{ Text::AgentRequestChange.text(lang) }</h2>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <form class="form" novalidate=true {onsubmit}>
                <div class={classes!("field", status_error.is_some().then_some("field--error"))}>
                    <label class="field__label" for={STATUS_ID}>{ Text::AgentRequestNewStatus.text(lang) }</label>
                    { field_message(STATUS_ID, status_error.as_ref(), lang) }
                    <select id={STATUS_ID} class="field__select" onchange={on_status}
                        aria-describedby={format!("{STATUS_ID}-message demarche-effet")}>
                        { for [Status::InProgress, Status::WaitingMember, Status::Completed, Status::Refused].into_iter().map(|s| html! {
                            <option value={s.code()} selected={*status == s}>{ s.label(lang) }</option>
                        }) }
                    </select>
                    <p class="field__hint" id="demarche-effet">{ effect.unwrap_or_default() }</p>
                </div>
                <TextAreaField
                    id={MESSAGE_ID}
                    label={Text::AgentRequestMessage.text(lang)}
                    hint={AttrValue::from(Text::AgentRequestMessageHint.text(lang))}
                    value={(*message).clone()}
                    error={message_error.clone()}
                    rows={5}
                    maxlength={2000}
                    oninput={on_message}
                />
                <button type="submit" class="button" disabled={form.busy()} onmousedown={keep_field_focus()}>
                    if form.busy() {
                        { spinner() }
                        { Text::AgentRequestSending.text(lang) }
                    } else {
                        { Text::AgentRequestSubmit.text(lang) }
                    }
                </button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct NoteFormProps {
    id: i64,
    on_change: Callback<(AgentDetail, Text)>,
}

#[component]
fn NoteForm(props: &NoteFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let text = use_state(String::new);
    let id = props.id;
    let on_text = {
        let (text, form) = (text.clone(), form.clone());
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            form.clear_server_error("text");
        })
    };
    let onsubmit = {
        let (form, text) = (form.clone(), text.clone());
        let on_change = props.on_change.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let body = Note {
                text: (*text).clone(),
            };
            let (on_change, text) = (on_change.clone(), text.clone());
            spawn_local(async move {
                let path = format!("{}/{id}/notes", api::paths::AGENT_REQUESTS);
                let answer = api::post_json::<_, AgentDetail>(&path, &body, lang).await;
                if let Some(detail) = submission.finish(answer, lang) {
                    text.set(String::new());
                    on_change.emit((detail, Text::AgentRequestNoteSaved));
                }
            });
        })
    };
    let error = form.server_error("text");
    let summary = form.summary(&[(NOTE_ID, error.clone())]);
    html! {
        <section aria-labelledby="demarche-note-titre" class="box">
            <h2 id="demarche-note-titre">{ Text::AgentRequestInternal.text(lang) }</h2>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <form class="form" novalidate=true {onsubmit}>
                <TextAreaField
                    id={NOTE_ID}
                    label={Text::AgentRequestNote.text(lang)}
                    value={(*text).clone()}
                    error={error.clone()}
                    rows={3}
                    maxlength={2000}
                    oninput={on_text}
                />
                <button type="submit" class="button button--secondary" disabled={form.busy()} onmousedown={keep_field_focus()}>
                    { Text::AgentRequestAddNote.text(lang) }
                </button>
            </form>
        </section>
    }
}
