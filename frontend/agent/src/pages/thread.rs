//! A conversation with a member (`/agent/messages/:id`): every message and internal note, when
//! the member read the answers, assigning it to oneself, answering with files (the member is
//! told by an e-mail that says nothing of the answer), internal notes, closing.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::messages::{
    AgentMessage, AgentReply, AgentThread, MAX_ATTACHMENTS, Note, Party, ThreadStatus,
};
use portail_shared::requests::Attachment;
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::agent_area::AgentArea;
use crate::components::error_summary::error_summary;
use crate::components::field::{TextAreaField, keep_field_focus};
use crate::components::file_field::FileField;
use crate::components::file_field::size_words;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::lang::use_lang;
use crate::route::AgentRoute;
use crate::time::instant_words;

/// Properties of [`AgentThreadPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct AgentThreadPageProps {
    /// The thread.
    pub id: i64,
}

/// One conversation (`/agent/messages/:id`).
#[component]
pub fn AgentThreadPage(props: &AgentThreadPageProps) -> Html {
    html! {
        <AgentArea title={Text::TitleAgentThread}>
            <Loader id={props.id} />
        </AgentArea>
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<AgentThread>),
    Failed(AttrValue),
}

#[component]
fn Loader(props: &AgentThreadPageProps) -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with(props.id, move |id| {
            let path = format!("{}/{id}", api::paths::AGENT_MESSAGES);
            spawn_local(async move {
                loaded.set(match api::get_json::<AgentThread>(&path, lang).await {
                    Ok(thread) => Loaded::Ready(Rc::new(thread)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let on_change = {
        let loaded = loaded.setter();
        Callback::from(move |thread: AgentThread| loaded.set(Loaded::Ready(Rc::new(thread))))
    };
    html! {
        <>
            { match &*loaded {
                Loaded::Loading => html! {
                    <p class="loading" role="status">{ Text::AgentLoading.text(lang) }</p>
                },
                Loaded::Failed(message) => html! {
                    <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
                },
                Loaded::Ready(thread) => html! {
                    <AgentThreadView thread={Rc::clone(thread)} {on_change} />
                },
            } }
            <p><AppLink to={AgentRoute::Messages}>{ Text::AgentThreadBack.text(lang) }</AppLink></p>
        </>
    }
}

/// Properties of [`AgentThreadView`].
#[derive(Properties, PartialEq, Clone)]
pub struct AgentThreadViewProps {
    /// The thread.
    pub thread: Rc<AgentThread>,
    /// The thread after an action.
    #[prop_or_default]
    pub on_change: Callback<AgentThread>,
}

fn message_item(thread: i64, m: &AgentMessage, lang: Lang) -> Html {
    let class = match (m.from, m.internal) {
        (_, true) => "message--note",
        (Party::Member, false) => "message--theirs",
        (Party::Agent, false) => "message--mine",
    };
    html! {
        <li key={m.id} class={classes!("message", class)}>
            <p class="message__head">
                if m.internal {
                    <span class="badge badge--warning">{ Text::AgentThreadNote.text(lang) }</span>{ " " }
                }
                <strong>{ m.author.clone() }</strong>
                { format!(" · {}", instant_words(&m.at, lang)) }
            </p>
            <p class="message__body">{ m.body.clone() }</p>
            if !m.attachments.is_empty() {
                <ul class="statements__list message__files">
                    { for m.attachments.iter().map(|a| html! {
                        <li key={a.id}>
                            <a href={format!("{}/{thread}/attachments/{}", api::paths::AGENT_MESSAGES, a.id)} download="">
                                { a.name.clone() }
                            </a>
                            <span class="statements__meta">{ format!(" · {}", size_words(a.size, lang)) }</span>
                        </li>
                    }) }
                </ul>
            }
            if m.from == Party::Agent && !m.internal {
                <p class="message__receipt">
                    if let Some(read) = &m.read_at {
                        <Icon kind={IconKind::Success} />
                        { format!("{} {}", Text::AgentThreadReadByMember.text(lang), instant_words(read, lang)) }
                    } else {
                        { Text::AgentThreadNotRead.text(lang) }
                    }
                </p>
            }
        </li>
    }
}

/// The conversation: who, which queue, who has it; the messages and notes; the answer and note
/// forms; closing.
#[component]
pub fn AgentThreadView(props: &AgentThreadViewProps) -> Html {
    let lang = use_lang();
    let t = &props.thread;
    let id = t.id;
    let busy = use_state_eq(|| false);
    let done = use_state(|| None::<Text>);
    let changed = {
        let (on_change, done) = (props.on_change.clone(), done.clone());
        Callback::from(move |(thread, text): (AgentThread, Text)| {
            done.set(Some(text));
            on_change.emit(thread);
        })
    };
    let action = |path: &'static str, text: Text| {
        let (busy, changed) = (busy.clone(), changed.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (busy, changed) = (busy.setter(), changed.clone());
            spawn_local(async move {
                let url = format!("{}/{id}/{path}", api::paths::AGENT_MESSAGES);
                let answer = api::post_empty::<AgentThread>(&url, lang).await;
                busy.set(false);
                if let Ok(thread) = answer {
                    changed.emit((thread, text));
                }
            });
        })
    };
    let open = t.status == ThreadStatus::Open;
    html! {
        <>
            <h2 class="thread-subject">{ t.subject.clone() }</h2>
            <dl class="details">
                <div><dt>{ Text::AgentQueueMember.text(lang) }</dt><dd>{ t.member_name.clone() }</dd></div>
                <div><dt>{ Text::AgentQueueTopic.text(lang) }</dt><dd>{ t.topic.label(lang) }</dd></div>
                <div>
                    <dt>{ Text::AgentThreadAssignedTo.text(lang) }</dt>
                    <dd>
                        { if t.assigned_to_me {
                            Text::AgentQueueYou.text(lang).to_owned()
                        } else {
                            t.assigned_to.clone().unwrap_or_else(|| Text::AgentQueueNobody.text(lang).to_owned())
                        } }
                    </dd>
                </div>
                if let Some(since) = &t.waiting_since {
                    <div>
                        <dt>{ Text::AgentQueueAge.text(lang) }</dt>
                        <dd>{ format!("{} {}", Text::AgentQueueWaitingSince.text(lang), instant_words(since, lang)) }</dd>
                    </div>
                }
            </dl>
            if !t.assigned_to_me {
                <p>
                    <button type="button" class="button button--secondary" disabled={*busy}
                        onclick={action("assign", Text::AgentThreadAssignedDone)}>
                        { Text::AgentThreadAssign.text(lang) }
                    </button>
                </p>
            }
            <p class="status-line-holder" role="status">
                if let Some(text) = *done {
                    <span class="status-line status-line--success">
                        <Icon kind={IconKind::Success} />{ text.text(lang) }
                    </span>
                }
            </p>
            <section aria-labelledby="fil">
                <h2 id="fil">{ Text::MessageHistory.text(lang) }</h2>
                <ol class="messages">
                    { for t.messages.iter().map(|m| message_item(id, m, lang)) }
                </ol>
            </section>
            if open {
                <ReplyForm {id} on_done={changed.clone()} />
            } else {
                <p class="notice notice--info">
                    <Icon kind={IconKind::Info} />{ Text::AgentThreadClosed.text(lang) }
                </p>
            }
            <NoteForm {id} on_done={changed.clone()} />
            if open {
                <section aria-labelledby="fermer" class="box">
                    <h2 id="fermer">{ Text::MessageClose.text(lang) }</h2>
                    <button type="button" class="button button--secondary" disabled={*busy}
                        onclick={action("close", Text::MessageClosedDone)}>
                        { Text::MessageClose.text(lang) }
                    </button>
                </section>
            }
        </>
    }
}

/// Properties of the answer and note forms.
#[derive(Properties, PartialEq, Clone)]
struct FormProps {
    id: i64,
    on_done: Callback<(AgentThread, Text)>,
}

const REPLY_ID: &str = "reponse-agent";
const REPLY_FILES_ID: &str = "reponse-agent-pieces";
const NOTE_ID: &str = "note-interne";

#[component]
fn ReplyForm(props: &FormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let body = use_state(String::new);
    let files = use_state(Vec::<Attachment>::new);
    let uploading = use_state_eq(|| false);
    let id = props.id;
    let on_body = {
        let (body, form) = (body.clone(), form.clone());
        Callback::from(move |e: InputEvent| {
            body.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            form.clear_server_error("body");
        })
    };
    let on_files = {
        let (files, form) = (files.clone(), form.clone());
        Callback::from(move |next: Vec<Attachment>| {
            form.clear_server_error("attachments");
            files.set(next);
        })
    };
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |busy: bool| uploading.set(busy))
    };
    let onsubmit = {
        let (form, body, files, on_done) = (
            form.clone(),
            body.clone(),
            files.clone(),
            props.on_done.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let reply = AgentReply {
                body: (*body).clone(),
                attachments: files.iter().map(|f| f.id).collect(),
            };
            let (body, files, on_done) = (body.setter(), files.setter(), on_done.clone());
            spawn_local(async move {
                let url = format!("{}/{id}/reply", api::paths::AGENT_MESSAGES);
                let answer = api::post_json::<_, AgentThread>(&url, &reply, lang).await;
                if let Some(thread) = submission.finish(answer, lang) {
                    body.set(String::new());
                    files.set(Vec::new());
                    on_done.emit((thread, Text::AgentThreadSent));
                }
            });
        })
    };
    let body_error = form.server_error("body");
    let files_error = form.server_error("attachments");
    let summary = form.summary(&[
        (REPLY_ID, body_error.clone()),
        (REPLY_FILES_ID, files_error.clone()),
    ]);
    html! {
        <section aria-labelledby="repondre" class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <h2 id="repondre">{ Text::AgentThreadReply.text(lang) }</h2>
            <form class="form" novalidate=true {onsubmit}>
                <TextAreaField
                    id={REPLY_ID}
                    label={Text::MessageReply.text(lang)}
                    hint={AttrValue::from(Text::AgentThreadReplyHint.text(lang))}
                    value={(*body).clone()}
                    error={body_error.clone()}
                    rows={6}
                    maxlength={5000}
                    oninput={on_body}
                />
                <FileField
                    id={REPLY_FILES_ID}
                    label={Text::MessageFiles.text(lang)}
                    hint={Text::MessageFilesHint.text(lang)}
                    files={(*files).clone()}
                    max={MAX_ATTACHMENTS}
                    error={files_error}
                    on_change={on_files}
                    {on_busy}
                    upload_path={AttrValue::from(format!("{}/{id}/attachments", api::paths::AGENT_MESSAGES))}
                />
                <button type="submit" class="button" disabled={form.busy() || *uploading}
                    onmousedown={keep_field_focus()}>
                    if form.busy() {
                        { spinner() }
                        { Text::MessageSending.text(lang) }
                    } else {
                        { Text::AgentThreadSend.text(lang) }
                    }
                </button>
            </form>
        </section>
    }
}

#[component]
fn NoteForm(props: &FormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let body = use_state(String::new);
    let id = props.id;
    let on_body = {
        let (body, form) = (body.clone(), form.clone());
        Callback::from(move |e: InputEvent| {
            body.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            form.clear_server_error("body");
        })
    };
    let onsubmit = {
        let (form, body, on_done) = (form.clone(), body.clone(), props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let note = Note {
                body: (*body).clone(),
            };
            let (body, on_done) = (body.setter(), on_done.clone());
            spawn_local(async move {
                let url = format!("{}/{id}/note", api::paths::AGENT_MESSAGES);
                let answer = api::post_json::<_, AgentThread>(&url, &note, lang).await;
                if let Some(thread) = submission.finish(answer, lang) {
                    body.set(String::new());
                    on_done.emit((thread, Text::AgentThreadNoted));
                }
            });
        })
    };
    let body_error = form.server_error("body");
    let summary = form.summary(&[(NOTE_ID, body_error.clone())]);
    html! {
        <section aria-labelledby="noter" class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <h2 id="noter">{ Text::AgentThreadNote.text(lang) }</h2>
            <form class="form" novalidate=true {onsubmit}>
                <TextAreaField
                    id={NOTE_ID}
                    label={Text::AgentThreadNote.text(lang)}
                    hint={AttrValue::from(Text::AgentThreadNoteHint.text(lang))}
                    value={(*body).clone()}
                    error={body_error.clone()}
                    rows={3}
                    maxlength={5000}
                    oninput={on_body}
                />
                <button type="submit" class="button button--secondary" disabled={form.busy()}
                    onmousedown={keep_field_focus()}>
                    { Text::AgentThreadAddNote.text(lang) }
                </button>
            </form>
        </section>
    }
}
