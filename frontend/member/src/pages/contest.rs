//! "Contester un remboursement" (`/remboursements/:id/contester`): the reason, the member's
//! explanation and supporting files, with the 2-month rules said before anything is asked.
//! Filing opens the new request's page.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::reimbursements::Date;
use portail_shared::reimbursements::history::Detail;
use portail_shared::requests::{
    Attachment, ContestReason, ContestRequest, MAX_ATTACHMENTS, Summary, contest_deadline,
    decided_on,
};
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::date_input::SimpleDate;
use crate::components::error_summary::error_summary;
use crate::components::field::{TextAreaField, field_message, keep_field_focus};
use crate::components::file_field::FileField;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::member_area::MemberArea;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::pages::requests::open_filed;
use crate::route::Route;
use crate::session::{SessionState, use_session};

const REASON_ID: &str = "motif-amount";
const EXPLANATION_ID: &str = "explication";
const FILES_ID: &str = "pieces";

/// Properties of [`ContestPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct ContestProps {
    /// The reimbursement line.
    pub id: i64,
}

/// The contest page.
#[component]
pub fn ContestPage(props: &ContestProps) -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <ContestForm id={props.id} /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitleContest}
                intro={Text::PaymentsIntro}
                sign_in={Text::PaymentsSignIn}
            />
        },
    }
}

/// The last day to contest a line, if it can be contested at all.
pub fn deadline_of(detail: &Detail) -> Option<Date> {
    decided_on(&detail.line).map(contest_deadline)
}

#[component]
fn ContestForm(props: &ContestProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let form = use_form();
    let line = use_state(|| None::<Rc<Detail>>);
    let reason = use_state(|| ContestReason::Amount);
    let explanation = use_state(String::new);
    let files = use_state(Vec::<Attachment>::new);
    let uploading = use_state_eq(|| false);
    {
        let line = line.setter();
        use_effect_with(props.id, move |id| {
            let path = format!("{}/{id}", api::paths::REIMBURSEMENTS);
            spawn_local(async move {
                if let Ok(detail) = api::get_json::<Detail>(&path, lang).await {
                    line.set(Some(Rc::new(detail)));
                }
            });
        });
    }
    let on_explanation = {
        let explanation = explanation.clone();
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            explanation.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            form.clear_server_error("explanation");
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
        let (reason, explanation, files) = (reason.clone(), explanation.clone(), files.clone());
        let dispatch = session.dispatch.clone();
        let line_id = props.id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let body = ContestRequest {
                reason: *reason,
                explanation: (*explanation).clone(),
                attachments: files.iter().map(|f| f.id).collect(),
            };
            let (dispatch, navigator) = (dispatch.clone(), navigator.clone());
            spawn_local(async move {
                let path = format!("{}/{line_id}/contest", api::paths::REIMBURSEMENTS);
                let answer = api::post_json::<_, Summary>(&path, &body, lang).await;
                if let Some(filed) = submission.finish(answer, lang) {
                    open_filed(&dispatch, navigator.as_ref(), filed.id, Text::ContestFiled);
                }
            });
        })
    };
    let reason_error = form.server_error("reason");
    let explanation_error = form.server_error("explanation");
    let files_error = form.server_error("attachments");
    let summary = form.summary(&[
        (REASON_ID, reason_error.clone()),
        (EXPLANATION_ID, explanation_error.clone()),
        (FILES_ID, form.server_error("attachments")),
    ]);
    let line_words = line.as_ref().map(|d| {
        let l = &d.line;
        let date = SimpleDate::from_iso(&l.care_date)
            .map_or_else(|| l.care_date.clone(), |x| x.long(lang));
        format!("{} · {} · {}", l.act, date, l.beneficiary_name)
    });
    let deadline = line.as_ref().and_then(|d| deadline_of(d)).map(|d| {
        SimpleDate::from_iso(&d.to_string()).map_or_else(|| d.to_string(), |x| x.long(lang))
    });
    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleContest} />
            if let Some(words) = line_words {
                <p class="lead">{ words }</p>
            }
            <section class="panel panel--info" aria-labelledby="regles-contestation">
                <h2 id="regles-contestation" class="panel__title">
                    <Icon kind={IconKind::Info} />
                    { deadline.map_or_else(
                        || Text::TitleContest.text(lang).to_owned(),
                        |d| format!("{} {d}", contest_until(lang)),
                    ) }
                </h2>
                <p>{ Text::ContestRules.text(lang) }</p>
                <p>{ Text::ContestSilence.text(lang) }</p>
            </section>
            <form class="form" novalidate=true {onsubmit}>
                <fieldset class={classes!("fieldset", reason_error.is_some().then_some("field--error"))}
                    aria-describedby="motif-message">
                    <legend class="field__label">{ Text::ContestReason.text(lang) }</legend>
                    { field_message("motif", reason_error.as_ref(), lang) }
                    { for ContestReason::ALL.into_iter().map(|r| {
                        let id = format!("motif-{}", r.code());
                        let onchange = {
                            let reason = reason.clone();
                            let form = form.clone();
                            Callback::from(move |_: Event| {
                                reason.set(r);
                                form.clear_server_error("reason");
                            })
                        };
                        html! {
                            <div class="checkbox">
                                <input class="checkbox__input" type="radio" name="motif" id={id.clone()}
                                    checked={*reason == r} {onchange} />
                                <label class="checkbox__label" for={id}>{ r.label(lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <TextAreaField
                    id={EXPLANATION_ID}
                    label={Text::ContestExplanation.text(lang)}
                    hint={AttrValue::from(Text::ContestExplanationHint.text(lang))}
                    value={(*explanation).clone()}
                    error={explanation_error.clone()}
                    rows={6}
                    maxlength={2000}
                    counter=true
                    oninput={on_explanation}
                />
                <FileField
                    id={FILES_ID}
                    label={Text::ContestFiles.text(lang)}
                    hint={Text::ContestFilesHint.text(lang)}
                    files={(*files).clone()}
                    max={MAX_ATTACHMENTS}
                    error={files_error}
                    on_change={on_files}
                    {on_busy}
                />
                <button type="submit" class="button button--large" disabled={form.busy() || *uploading}
                    onmousedown={keep_field_focus()}>
                    if form.busy() {
                        { spinner() }
                        { Text::ContestSending.text(lang) }
                    } else {
                        { Text::ContestSubmit.text(lang) }
                    }
                </button>
            </form>
            <p><AppLink to={Route::ReimbursementLine { id: props.id }}>{ Text::PaymentsBack.text(lang) }</AppLink></p>
        </div>
    }
}

fn contest_until(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Vous pouvez contester ce remboursement jusqu’au",
        Lang::En => "You can contest this reimbursement until",
    }
}
