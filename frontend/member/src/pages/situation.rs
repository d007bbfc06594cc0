//! "Déclarer un changement de situation familiale" (`/demarches/nouvelle/situation`): what
//! happened, when, who, and the supporting documents. Filing opens the new request's page.

use portail_shared::i18n::Text;
use portail_shared::requests::{Attachment, MAX_ATTACHMENTS, Summary};
use portail_shared::situation::{Event, SituationChange};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::date_input::{DateBoxes, DateInput, on_date_part, parse_date};
use crate::components::error_summary::error_summary;
use crate::components::field::{TextAreaField, TextField, field_message, keep_field_focus};
use crate::components::file_field::FileField;
use crate::components::form::use_form;
use crate::components::icons::spinner;
use crate::components::link::AppLink;
use crate::components::member_area::MemberArea;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::pages::requests::open_filed;
use crate::route::Route;
use crate::session::{SessionState, use_session};

const EVENT_ID: &str = "situation-marriage";
const DATE_ID: &str = "situation-date";
const DATE_TARGET: &str = "situation-date-jour";
const PERSON_ID: &str = "situation-personne";
const BOTH_ID: &str = "situation-deux-parents";
const COMMENT_ID: &str = "situation-commentaire";
const FILES_ID: &str = "situation-pieces";

/// The declaration page.
#[component]
pub fn SituationPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <SituationForm /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea title={Text::TitleSituation} intro={Text::SituationIntro} sign_in={Text::SituationSignIn} />
        },
    }
}

#[component]
fn SituationForm() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let form = use_form();
    let event = use_state(|| None::<Event>);
    let date = use_state(DateBoxes::default);
    let person = use_state(String::new);
    let both = use_state_eq(|| true);
    let comment = use_state(String::new);
    let files = use_state(Vec::<Attachment>::new);
    let uploading = use_state_eq(|| false);

    let on_person = {
        let (person, form) = (person.clone(), form.clone());
        Callback::from(move |v: String| {
            person.set(v);
            form.clear_server_error("person");
        })
    };
    let on_both = {
        let both = both.clone();
        Callback::from(move |e: Event_| {
            both.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_comment = {
        let (comment, form) = (comment.clone(), form.clone());
        Callback::from(move |e: InputEvent| {
            comment.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            form.clear_server_error("comment");
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
        let form = form.clone();
        let (event, date, person, both, comment, files) = (
            event.clone(),
            date.clone(),
            person.clone(),
            both.clone(),
            comment.clone(),
            files.clone(),
        );
        let dispatch = session.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let (d, m, y) = &*date;
            let body = SituationChange {
                event: *event,
                date: parse_date(d, m, y, None)
                    .map(|s| s.iso())
                    .unwrap_or_default(),
                person: (*person).clone(),
                both_parents: *both,
                comment: (*comment).clone(),
                attachments: files.iter().map(|f| f.id).collect(),
            };
            let (dispatch, navigator) = (dispatch.clone(), navigator.clone());
            spawn_local(async move {
                let answer = api::post_json::<_, Summary>(api::paths::SITUATION, &body, lang).await;
                if let Some(filed) = submission.finish(answer, lang) {
                    open_filed(
                        &dispatch,
                        navigator.as_ref(),
                        filed.id,
                        Text::SituationFiled,
                    );
                }
            });
        })
    };
    let event_error = form.server_error("event");
    let comment_error = form.server_error("comment");
    let summary = form.summary(&[
        (EVENT_ID, event_error.clone()),
        (DATE_TARGET, form.server_error("date")),
        (PERSON_ID, form.server_error("person")),
        (COMMENT_ID, comment_error.clone()),
        (FILES_ID, form.server_error("attachments")),
    ]);
    let person_label = event.unwrap_or(Event::Marriage).person_label(lang);
    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleSituation} />
            <p class="lead">{ Text::SituationIntro.text(lang) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <fieldset class={classes!("fieldset", event_error.is_some().then_some("field--error"))}
                    aria-describedby="situation-evenement-message">
                    <legend class="field__label">{ Text::SituationEvent.text(lang) }</legend>
                    { field_message("situation-evenement", event_error.as_ref(), lang) }
                    { for Event::ALL.into_iter().map(|ev| {
                        let id = format!("situation-{}", ev.code());
                        let onchange = {
                            let (event, form) = (event.clone(), form.clone());
                            Callback::from(move |_: Event_| {
                                event.set(Some(ev));
                                form.clear_server_error("event");
                            })
                        };
                        html! {
                            <div class="checkbox">
                                <input class="checkbox__input" type="radio" name="evenement" id={id.clone()}
                                    checked={*event == Some(ev)} {onchange} />
                                <label class="checkbox__label" for={id}>{ ev.label(lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <DateInput
                    id={DATE_ID}
                    legend={Text::SituationDate.text(lang)}
                    hint={Text::SituationDateHint.text(lang)}
                    day={date.0.clone()}
                    month={date.1.clone()}
                    year={date.2.clone()}
                    error={form.server_error("date")}
                    on_input={on_date_part(&date, &form, "date")}
                />
                <TextField
                    id={PERSON_ID}
                    label={person_label}
                    value={(*person).clone()}
                    autocomplete="off"
                    error={form.server_error("person")}
                    on_input={on_person}
                />
                if *event == Some(Event::Birth) {
                    <div class="checkbox">
                        <input class="checkbox__input" type="checkbox" id={BOTH_ID} checked={*both} onchange={on_both} />
                        <label class="checkbox__label" for={BOTH_ID}>{ Text::SituationBothParents.text(lang) }</label>
                    </div>
                }
                <TextAreaField
                    id={COMMENT_ID}
                    label={Text::SituationComment.text(lang)}
                    value={(*comment).clone()}
                    error={comment_error.clone()}
                    rows={4}
                    maxlength={2000}
                    oninput={on_comment}
                />
                <FileField
                    id={FILES_ID}
                    label={Text::SituationFiles.text(lang)}
                    hint={Text::SituationFilesHint.text(lang)}
                    files={(*files).clone()}
                    max={MAX_ATTACHMENTS}
                    error={form.server_error("attachments")}
                    on_change={on_files}
                    {on_busy}
                />
                <button type="submit" class="button button--large" disabled={form.busy() || *uploading}
                    onmousedown={keep_field_focus()}>
                    if form.busy() {
                        { spinner() }
                        { Text::SituationSending.text(lang) }
                    } else {
                        { Text::SituationSubmit.text(lang) }
                    }
                </button>
            </form>
            <p><AppLink to={Route::Requests}>{ Text::RequestBack.text(lang) }</AppLink></p>
        </div>
    }
}

/// The DOM's change event (the name `Event` is the family event here).
type Event_ = yew::events::Event;
