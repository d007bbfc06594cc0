//! "Ma messagerie" (`/messagerie`): the member's conversations with the fund and their unread
//! answers; writing a new message (`/messagerie/nouveau`: a topic that routes it, a subject, the
//! message, files, a draft kept); one conversation (`/messagerie/:id`: every message with when
//! it was read, an answer with its own draft, closing and reopening).

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::messages::{
    MAX_ATTACHMENTS, MessageView, NewDraft, NewThread, Party, Reply, ReplyDraft, Thread,
    ThreadStatus, ThreadSummary, Topic,
};
use portail_shared::requests::Attachment;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::browser;
use crate::components::error_summary::error_summary;
use crate::components::field::{TextAreaField, field_message, keep_field_focus};
use crate::components::file_field::FileField;
use crate::components::file_field::size_words;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::member_area::MemberArea;
use crate::components::page_title::{PageTitle, page_heading};
use crate::components::unread::refresh_unread;
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{Flash, FlashKind, SessionAction, SessionState, use_session};
use crate::time::{self, instant_words};

/// What a page knows of its data.
#[derive(Debug, Clone, PartialEq)]
enum Loaded<T> {
    /// Asking the server.
    Loading,
    /// The answer.
    Ready(Rc<T>),
    /// The request failed: what to say.
    Failed(AttrValue),
}

/// "26 novembre 2026" from an ISO instant.
fn day_words(iso: &str, lang: Lang) -> String {
    time::parse_utc(iso)
        .map(browser::local_instant)
        .map_or_else(|| iso.to_owned(), |at| time::date(at, lang))
}

/// "1 nouveau message", "3 nouveaux messages".
pub fn unread_words(count: u32, lang: Lang) -> String {
    if count == 1 {
        Text::MessagesUnreadOne.text(lang).to_owned()
    } else {
        let space = if lang == Lang::Fr { '\u{a0}' } else { ' ' };
        format!("{count}{space}{}", Text::MessagesUnreadMany.text(lang))
    }
}

/// Secure messages with the fund (`/messagerie`).
#[component]
pub fn MessagesPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <MemberMessages /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitleMessages}
                intro={Text::MessagesIntro}
                sign_in={Text::MessagesSignIn}
            />
        },
    }
}

#[component]
fn MemberMessages() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::<Vec<ThreadSummary>>::Loading);
    let draft = use_state(|| false);
    {
        let (loaded, draft) = (loaded.setter(), draft.setter());
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<Vec<ThreadSummary>>(api::paths::MESSAGES, lang).await;
                loaded.set(match answer {
                    Ok(list) => Loaded::Ready(Rc::new(list)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
                if let Ok(kept) = api::get_json::<NewDraft>(api::paths::MESSAGES_DRAFT, lang).await
                {
                    draft.set(kept.saved_at.is_some());
                }
            });
        });
    }
    let body = match &*loaded {
        Loaded::Loading => html! {
            <p class="loading" role="status">{ Text::MessagesLoading.text(lang) }</p>
        },
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(list) => html! { <ThreadList list={Rc::clone(list)} /> },
    };
    html! {
        <>
            <PageTitle text={Text::TitleMessages} />
            <p class="lead">{ Text::MessagesIntro.text(lang) }</p>
            <section class="box" aria-labelledby="ecrire">
                <h2 id="ecrire" class="visually-hidden">{ Text::MessagesWrite.text(lang) }</h2>
                <p>{ Text::MessagesWriteHint.text(lang) }</p>
                if *draft {
                    <p class="status-line status-line--warning">
                        <Icon kind={IconKind::Info} />
                        { Text::MessagesDraftWaiting.text(lang) }
                    </p>
                }
                <p>
                    <AppLink to={Route::MessageNew} classes={classes!("button")}>
                        { Text::MessagesWrite.text(lang) }
                    </AppLink>
                </p>
            </section>
            <section aria-labelledby="conversations">
                <h2 id="conversations">{ Text::MessagesListHeading.text(lang) }</h2>
                { body }
            </section>
        </>
    }
}

/// Properties of [`ThreadList`].
#[derive(Properties, PartialEq, Clone)]
pub struct ThreadListProps {
    /// The threads, most recently moved first.
    pub list: Rc<Vec<ThreadSummary>>,
}

fn status_badge(status: ThreadStatus, lang: Lang) -> Html {
    match status {
        ThreadStatus::Open => {
            html! { <p class="badge badge--info">{ Text::MessagesOpen.text(lang) }</p> }
        }
        ThreadStatus::Closed => {
            html! { <p class="badge">{ Text::MessagesClosed.text(lang) }</p> }
        }
    }
}

/// The threads as cards: topic, subject, status, unread answers, who waits for whom.
#[component]
pub fn ThreadList(props: &ThreadListProps) -> Html {
    let lang = use_lang();
    if props.list.is_empty() {
        return html! { <p>{ Text::MessagesNone.text(lang) }</p> };
    }
    html! {
        <ul class="request-list thread-list">
            { for props.list.iter().map(|t| {
                let waiting = t.status == ThreadStatus::Open && t.last_from == Party::Member;
                html! {
                    <li key={t.id} class={classes!("request-card", (t.unread > 0).then_some("thread-card--unread"))}>
                        <p class="request-card__kind">{ t.topic.label(lang) }</p>
                        <h3 class="request-card__title">{ t.subject.clone() }</h3>
                        <p class="thread-card__badges">
                            { status_badge(t.status, lang) }
                            if t.unread > 0 {
                                <span class="badge badge--warning">{ unread_words(t.unread, lang) }</span>
                            }
                        </p>
                        <p class="request-card__dates">
                            if waiting {
                                { Text::MessagesWaiting.text(lang) }
                            } else if let Some(at) = &t.answered_at {
                                { format!("{} {}", Text::MessagesAnsweredOn.text(lang), day_words(at, lang)) }
                            } else {
                                { format!("{} {}", Text::MessagesLastOn.text(lang), day_words(&t.last_at, lang)) }
                            }
                            if t.has_draft {
                                { format!(" · {}", Text::MessagesDraftKept.text(lang)) }
                            }
                        </p>
                        <AppLink to={Route::MessageThread { id: t.id }} classes={classes!("request-card__link")}>
                            { Text::MessagesSee.text(lang) }
                            <span class="visually-hidden">{ format!("\u{a0}: {}", t.subject) }</span>
                        </AppLink>
                    </li>
                }
            }) }
        </ul>
    }
}

const TOPIC_FIELD: &str = "theme";
const SUBJECT_ID: &str = "objet";
const BODY_ID: &str = "message";
const FILES_ID: &str = "pieces";

/// The radio button of a topic.
pub fn topic_id(topic: Topic) -> String {
    format!("theme-{}", topic.code())
}

/// The first topic's radio button, where the error summary sends the member.
pub const FIRST_TOPIC_ID: &str = "theme-reimbursements";

/// Writing a new message (`/messagerie/nouveau`).
#[component]
pub fn NewMessagePage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <NewMessageForm /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitleMessageNew}
                intro={Text::MessagesIntro}
                sign_in={Text::MessagesSignIn}
            />
        },
    }
}

/// The draft line: "Brouillon enregistré le 26 novembre 2026 à 15:42".
fn saved_line(saved_at: Option<&String>, lang: Lang) -> Html {
    html! {
        <p class="status-line-holder" role="status" id="brouillon-etat">
            if let Some(at) = saved_at {
                <span class="status-line status-line--success">
                    <Icon kind={IconKind::Success} />
                    { format!("{} {}", Text::MessageDraftSaved.text(lang), instant_words(at, lang)) }
                </span>
            }
        </p>
    }
}

#[component]
fn NewMessageForm() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let form = use_form();
    let topic = use_state(|| None::<Topic>);
    let subject = use_state(String::new);
    let body = use_state(String::new);
    let files = use_state(Vec::<Attachment>::new);
    let uploading = use_state_eq(|| false);
    let saved_at = use_state(|| None::<String>);
    {
        let (topic, subject, body, saved_at) = (
            topic.setter(),
            subject.setter(),
            body.setter(),
            saved_at.setter(),
        );
        use_effect_with((), move |()| {
            spawn_local(async move {
                let kept = api::get_json::<NewDraft>(api::paths::MESSAGES_DRAFT, lang).await;
                if let Ok(draft) = kept
                    && draft.saved_at.is_some()
                {
                    topic.set(draft.topic);
                    subject.set(draft.subject);
                    body.set(draft.body);
                    saved_at.set(draft.saved_at);
                }
            });
        });
    }
    let on_subject = {
        let (subject, form) = (subject.clone(), form.clone());
        Callback::from(move |e: InputEvent| {
            subject.set(e.target_unchecked_into::<HtmlInputElement>().value());
            form.clear_server_error("subject");
        })
    };
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
    let save_draft = {
        let form = form.clone();
        let (topic, subject, body, saved_at) = (
            topic.clone(),
            subject.clone(),
            body.clone(),
            saved_at.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let draft = NewDraft {
                topic: *topic,
                subject: (*subject).clone(),
                body: (*body).clone(),
                saved_at: None,
            };
            let saved_at = saved_at.setter();
            spawn_local(async move {
                let answer =
                    api::post_json::<_, NewDraft>(api::paths::MESSAGES_DRAFT, &draft, lang).await;
                if let Some(kept) = submission.finish(answer, lang) {
                    saved_at.set(kept.saved_at);
                }
            });
        })
    };
    let onsubmit = {
        let form = form.clone();
        let (topic, subject, body, files) =
            (topic.clone(), subject.clone(), body.clone(), files.clone());
        let dispatch = session.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let message = NewThread {
                topic: *topic,
                subject: (*subject).clone(),
                body: (*body).clone(),
                attachments: files.iter().map(|f| f.id).collect(),
            };
            let (dispatch, navigator) = (dispatch.clone(), navigator.clone());
            spawn_local(async move {
                let answer =
                    api::post_json::<_, Thread>(api::paths::MESSAGES, &message, lang).await;
                if let Some(thread) = submission.finish(answer, lang) {
                    let route = Route::MessageThread {
                        id: thread.summary.id,
                    };
                    dispatch.emit(SessionAction::ShowFlash(Flash {
                        route,
                        kind: FlashKind::Success,
                        text: Text::MessageSent,
                    }));
                    if let Some(navigator) = navigator {
                        navigator.push(&route);
                    }
                }
            });
        })
    };
    let topic_error = form.server_error("topic");
    let subject_error = form.server_error("subject");
    let body_error = form.server_error("body");
    let files_error = form.server_error("attachments");
    let summary = form.summary(&[
        (FIRST_TOPIC_ID, topic_error.clone()),
        (SUBJECT_ID, subject_error.clone()),
        (BODY_ID, body_error.clone()),
        (FILES_ID, files_error.clone()),
    ]);
    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleMessageNew} />
            <p class="lead">{ Text::MessagesWriteHint.text(lang) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <fieldset class={classes!("fieldset", topic_error.is_some().then_some("field--error"))}
                    aria-describedby="theme-aide theme-message">
                    <legend class="field__label">{ Text::MessageTopic.text(lang) }</legend>
                    <p class="field__hint" id="theme-aide">{ Text::MessageTopicHint.text(lang) }</p>
                    { field_message(TOPIC_FIELD, topic_error.as_ref(), lang) }
                    { for Topic::ALL.into_iter().map(|t| {
                        let id = topic_id(t);
                        let onchange = {
                            let (topic, form) = (topic.clone(), form.clone());
                            Callback::from(move |_: Event| {
                                topic.set(Some(t));
                                form.clear_server_error("topic");
                            })
                        };
                        html! {
                            <div class="checkbox">
                                <input class="checkbox__input" type="radio" name={TOPIC_FIELD} id={id.clone()}
                                    checked={*topic == Some(t)} {onchange} />
                                <label class="checkbox__label" for={id}>{ t.label(lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <div class={classes!("field", subject_error.is_some().then_some("field--error"))}>
                    <label class="field__label" for={SUBJECT_ID}>{ Text::MessageSubject.text(lang) }</label>
                    <p class="field__hint" id="objet-aide">{ Text::MessageSubjectHint.text(lang) }</p>
                    { field_message(SUBJECT_ID, subject_error.as_ref(), lang) }
                    <input class="field__input" type="text" id={SUBJECT_ID} name={SUBJECT_ID}
                        maxlength="120" autocomplete="off"
                        aria-invalid={subject_error.is_some().then_some("true")}
                        aria-describedby="objet-aide objet-message"
                        value={(*subject).clone()} oninput={on_subject} />
                </div>
                <TextAreaField
                    id={BODY_ID}
                    label={Text::MessageBody.text(lang)}
                    hint={AttrValue::from(Text::MessageBodyHint.text(lang))}
                    value={(*body).clone()}
                    error={body_error.clone()}
                    rows={8}
                    maxlength={5000}
                    counter=true
                    oninput={on_body}
                />
                <FileField
                    id={FILES_ID}
                    label={Text::MessageFiles.text(lang)}
                    hint={Text::MessageFilesHint.text(lang)}
                    files={(*files).clone()}
                    max={MAX_ATTACHMENTS}
                    error={files_error}
                    on_change={on_files}
                    {on_busy}
                />
                <div class="actions">
                    <button type="submit" class="button button--large" disabled={form.busy() || *uploading}
                        onmousedown={keep_field_focus()}>
                        if form.busy() {
                            { spinner() }
                            { Text::MessageSending.text(lang) }
                        } else {
                            { Text::MessageSend.text(lang) }
                        }
                    </button>
                    <button type="button" class="button button--secondary" disabled={form.busy()}
                        onclick={save_draft} aria-describedby="brouillon-note">
                        { Text::MessageSaveDraft.text(lang) }
                    </button>
                </div>
                <p class="field__hint" id="brouillon-note">{ Text::MessageDraftFilesNote.text(lang) }</p>
                { saved_line((*saved_at).as_ref(), lang) }
            </form>
            <p><AppLink to={Route::Messages}>{ Text::MessageBack.text(lang) }</AppLink></p>
        </div>
    }
}

/// Properties of [`ThreadPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct ThreadProps {
    /// The thread.
    pub id: i64,
}

/// One conversation (`/messagerie/:id`).
#[component]
pub fn ThreadPage(props: &ThreadProps) -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <MemberThread id={props.id} /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitleMessageThread}
                intro={Text::MessagesIntro}
                sign_in={Text::MessagesSignIn}
            />
        },
    }
}

#[component]
fn MemberThread(props: &ThreadProps) -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::<Thread>::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with(props.id, move |id| {
            let path = format!("{}/{id}", api::paths::MESSAGES);
            spawn_local(async move {
                let answer = api::get_json::<Thread>(&path, lang).await;
                loaded.set(match answer {
                    Ok(thread) => Loaded::Ready(Rc::new(thread)),
                    Err(api::ApiFailure::Api(e)) if e.code == "not_found" => {
                        Loaded::Failed(Text::MessageNotFound.text(lang).into())
                    }
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
                // Opening the thread read its answers: the navigation's count changes.
                refresh_unread();
            });
        });
    }
    let on_change = {
        let loaded = loaded.setter();
        Callback::from(move |thread: Thread| loaded.set(Loaded::Ready(Rc::new(thread))))
    };
    match &*loaded {
        Loaded::Loading => html! {
            <>
                <PageTitle text={Text::TitleMessageThread} />
                <p class="loading" role="status">{ Text::Loading.text(lang) }</p>
            </>
        },
        Loaded::Failed(message) => html! {
            <>
                <PageTitle text={Text::TitleMessageThread} />
                <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
                <p><AppLink to={Route::Messages}>{ Text::MessageBack.text(lang) }</AppLink></p>
            </>
        },
        Loaded::Ready(thread) => html! {
            <ThreadView thread={Rc::clone(thread)} {on_change} />
        },
    }
}

/// Properties of [`ThreadView`].
#[derive(Properties, PartialEq, Clone)]
pub struct ThreadViewProps {
    /// The thread.
    pub thread: Rc<Thread>,
    /// The thread after an answer, a closing or a reopening.
    #[prop_or_default]
    pub on_change: Callback<Thread>,
}

fn files_list(files: &[Attachment], lang: Lang) -> Html {
    if files.is_empty() {
        return html! {};
    }
    html! {
        <ul class="statements__list message__files">
            { for files.iter().map(|a| html! {
                <li key={a.id}>
                    <a href={format!("{}/{}", api::paths::ATTACHMENTS, a.id)} download="">{ a.name.clone() }</a>
                    <span class="statements__meta">{ format!(" · {}", size_words(a.size, lang)) }</span>
                </li>
            }) }
        </ul>
    }
}

fn message_item(m: &MessageView, lang: Lang) -> Html {
    let (who, class) = match m.from {
        Party::Member => (Text::MessageFromYou, "message--mine"),
        Party::Agent => (Text::MessageFromFund, "message--theirs"),
    };
    html! {
        <li key={m.id} class={classes!("message", class)}>
            <p class="message__head">
                <strong>{ who.text(lang) }</strong>
                { format!(" · {}", instant_words(&m.at, lang)) }
            </p>
            <p class="message__body">{ m.body.clone() }</p>
            { files_list(&m.attachments, lang) }
            if m.from == Party::Member {
                <p class="message__receipt">
                    if let Some(read) = &m.read_at {
                        <Icon kind={IconKind::Success} />
                        { format!("{} {}", Text::MessageReadByFund.text(lang), instant_words(read, lang)) }
                    } else {
                        { Text::MessageNotReadYet.text(lang) }
                    }
                </p>
            }
        </li>
    }
}

const REPLY_ID: &str = "reponse";
const REPLY_FILES_ID: &str = "reponse-pieces";

/// A conversation: subject, status, every message with its receipt, then the answer form (or
/// the closed conversation and how to reopen it).
#[component]
pub fn ThreadView(props: &ThreadViewProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let t = &props.thread;
    let id = t.summary.id;
    let body = use_state(|| t.draft.as_ref().map(|d| d.body.clone()).unwrap_or_default());
    let saved_at = use_state(|| t.draft.as_ref().and_then(|d| d.saved_at.clone()));
    let files = use_state(Vec::<Attachment>::new);
    let uploading = use_state_eq(|| false);
    let done = use_state(|| None::<Text>);
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
    // Close, reopen: one click, the new thread back, a line saying what happened.
    let action = |path: &'static str, text: Text| {
        let (form, on_change, done) = (form.clone(), props.on_change.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let (on_change, done) = (on_change.clone(), done.setter());
            spawn_local(async move {
                let url = format!("{}/{id}/{path}", api::paths::MESSAGES);
                let answer = api::post_empty::<Thread>(&url, lang).await;
                if let Some(thread) = submission.finish(answer, lang) {
                    done.set(Some(text));
                    on_change.emit(thread);
                }
            });
        })
    };
    let save_draft = {
        let (form, body, saved_at) = (form.clone(), body.clone(), saved_at.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let draft = ReplyDraft {
                body: (*body).clone(),
                saved_at: None,
            };
            let saved_at = saved_at.setter();
            spawn_local(async move {
                let url = format!("{}/{id}/draft", api::paths::MESSAGES);
                let answer = api::post_json::<_, ReplyDraft>(&url, &draft, lang).await;
                if let Some(kept) = submission.finish(answer, lang) {
                    saved_at.set(kept.saved_at);
                }
            });
        })
    };
    let onsubmit = {
        let (form, body, files, saved_at, done) = (
            form.clone(),
            body.clone(),
            files.clone(),
            saved_at.clone(),
            done.clone(),
        );
        let on_change = props.on_change.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let reply = Reply {
                body: (*body).clone(),
                attachments: files.iter().map(|f| f.id).collect(),
            };
            let (body, files, saved_at, done, on_change) = (
                body.setter(),
                files.setter(),
                saved_at.setter(),
                done.setter(),
                on_change.clone(),
            );
            spawn_local(async move {
                let url = format!("{}/{id}/reply", api::paths::MESSAGES);
                let answer = api::post_json::<_, Thread>(&url, &reply, lang).await;
                if let Some(thread) = submission.finish(answer, lang) {
                    body.set(String::new());
                    files.set(Vec::new());
                    saved_at.set(None);
                    done.set(Some(Text::MessageReplySent));
                    on_change.emit(thread);
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
    let open = t.summary.status == ThreadStatus::Open;
    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            { page_heading(t.summary.subject.clone()) }
            <p class="lead">
                <strong>{ t.summary.topic.label(lang) }</strong>
                { format!(" · {}", Text::TitleMessageThread.text(lang)) }
            </p>
            { status_badge(t.summary.status, lang) }
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
                    { for t.messages.iter().map(|m| message_item(m, lang)) }
                </ol>
            </section>
            if open {
                <section aria-labelledby="repondre" class="narrow">
                    <h2 id="repondre">{ Text::MessageReplyHeading.text(lang) }</h2>
                    <form class="form" novalidate=true {onsubmit}>
                        <TextAreaField
                            id={REPLY_ID}
                            label={Text::MessageReply.text(lang)}
                            hint={AttrValue::from(Text::MessageBodyHint.text(lang))}
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
                        />
                        <div class="actions">
                            <button type="submit" class="button" disabled={form.busy() || *uploading}
                                onmousedown={keep_field_focus()}>
                                if form.busy() {
                                    { spinner() }
                                    { Text::MessageSending.text(lang) }
                                } else {
                                    { Text::MessageReplySend.text(lang) }
                                }
                            </button>
                            <button type="button" class="button button--secondary" disabled={form.busy()}
                                onclick={save_draft}>
                                { Text::MessageSaveDraft.text(lang) }
                            </button>
                        </div>
                        { saved_line((*saved_at).as_ref(), lang) }
                    </form>
                </section>
                <section aria-labelledby="fermer" class="box">
                    <h2 id="fermer">{ Text::MessageClose.text(lang) }</h2>
                    <p>{ Text::MessageCloseHint.text(lang) }</p>
                    <button type="button" class="button button--secondary" disabled={form.busy()}
                        onclick={action("close", Text::MessageClosedDone)}>
                        { Text::MessageClose.text(lang) }
                    </button>
                </section>
            } else {
                <section aria-labelledby="fermee" class="box">
                    <h2 id="fermee">
                        { format!("{} {}", Text::MessageClosedOn.text(lang),
                            t.closed_at.as_deref().map(|at| day_words(at, lang)).unwrap_or_default()) }
                    </h2>
                    if t.can_reopen {
                        <button type="button" class="button" disabled={form.busy()}
                            onclick={action("reopen", Text::MessageReopened)}>
                            { Text::MessageReopen.text(lang) }
                        </button>
                    } else {
                        <p>{ Text::MessageReopenTooLate.text(lang) }</p>
                        <p>
                            <AppLink to={Route::MessageNew} classes={classes!("button")}>
                                { Text::MessagesWrite.text(lang) }
                            </AppLink>
                        </p>
                    }
                </section>
            }
            <p><AppLink to={Route::Messages}>{ Text::MessageBack.text(lang) }</AppLink></p>
        </>
    }
}
