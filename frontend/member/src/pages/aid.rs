//! "Demander une aide financière exceptionnelle" (`/demarches/nouvelle/aide`): the reason, the
//! situation, the amounts (what is left to pay is shown as they type) and a quote or invoice.
//! Filing opens the new request's page.

use portail_shared::Cents;
use portail_shared::aid::{AidRequest, Reason};
use portail_shared::i18n::Text;
use portail_shared::requests::{Attachment, MAX_ATTACHMENTS, Summary};
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
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

const REASON_ID: &str = "aide-care_costs";
const EXPLANATION_ID: &str = "aide-situation";
const TOTAL_ID: &str = "aide-cout";
const COVERED_ID: &str = "aide-prise-en-charge";
const REQUESTED_ID: &str = "aide-montant";
const RESOURCES_ID: &str = "aide-ressources";
const FILES_ID: &str = "aide-pieces";

/// The application page.
#[component]
pub fn AidPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <AidForm /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea title={Text::TitleAid} intro={Text::AidIntro} sign_in={Text::AidSignIn} />
        },
    }
}

#[component]
fn AidForm() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let form = use_form();
    let reason = use_state(|| None::<Reason>);
    let explanation = use_state(String::new);
    let amounts = use_state(|| [String::new(), String::new(), String::new(), String::new()]);
    let files = use_state(Vec::<Attachment>::new);
    let uploading = use_state_eq(|| false);

    let amount_input = |i: usize, field: &'static str| {
        let (amounts, form) = (amounts.clone(), form.clone());
        Callback::from(move |v: String| {
            let mut next = (*amounts).clone();
            next[i] = v;
            amounts.set(next);
            form.clear_server_error(field);
        })
    };
    let on_explanation = {
        let (explanation, form) = (explanation.clone(), form.clone());
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
        let (reason, explanation, amounts, files) = (
            reason.clone(),
            explanation.clone(),
            amounts.clone(),
            files.clone(),
        );
        let dispatch = session.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let body = AidRequest {
                reason: *reason,
                explanation: (*explanation).clone(),
                total: amounts[0].clone(),
                covered: amounts[1].clone(),
                requested: amounts[2].clone(),
                monthly_resources: amounts[3].clone(),
                attachments: files.iter().map(|f| f.id).collect(),
            };
            let (dispatch, navigator) = (dispatch.clone(), navigator.clone());
            spawn_local(async move {
                let answer = api::post_json::<_, Summary>(api::paths::AID, &body, lang).await;
                if let Some(filed) = submission.finish(answer, lang) {
                    open_filed(&dispatch, navigator.as_ref(), filed.id, Text::AidFiled);
                }
            });
        })
    };
    let reason_error = form.server_error("reason");
    let explanation_error = form.server_error("explanation");
    let summary = form.summary(&[
        (REASON_ID, reason_error.clone()),
        (EXPLANATION_ID, explanation_error.clone()),
        (TOTAL_ID, form.server_error("total")),
        (COVERED_ID, form.server_error("covered")),
        (REQUESTED_ID, form.server_error("requested")),
        (RESOURCES_ID, form.server_error("monthly_resources")),
        (FILES_ID, form.server_error("attachments")),
    ]);
    let total = Cents::parse_fr(&amounts[0]).ok();
    let covered = if amounts[1].trim().is_empty() {
        Some(Cents::ZERO)
    } else {
        Cents::parse_fr(&amounts[1]).ok()
    };
    let remaining = match (total, covered) {
        (Some(t), Some(c)) if c <= t && t > Cents::ZERO => Some(t - c),
        _ => None,
    };
    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleAid} />
            <p class="lead">{ Text::AidIntro.text(lang) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <fieldset class={classes!("fieldset", reason_error.is_some().then_some("field--error"))}
                    aria-describedby="aide-raison-message">
                    <legend class="field__label">{ Text::AidReason.text(lang) }</legend>
                    { field_message("aide-raison", reason_error.as_ref(), lang) }
                    { for Reason::ALL.into_iter().map(|r| {
                        let id = format!("aide-{}", r.code());
                        let onchange = {
                            let (reason, form) = (reason.clone(), form.clone());
                            Callback::from(move |_: Event| {
                                reason.set(Some(r));
                                form.clear_server_error("reason");
                            })
                        };
                        html! {
                            <div class="checkbox">
                                <input class="checkbox__input" type="radio" name="raison" id={id.clone()}
                                    checked={*reason == Some(r)} {onchange} />
                                <label class="checkbox__label" for={id}>{ r.label(lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <TextAreaField
                    id={EXPLANATION_ID}
                    label={Text::AidExplanation.text(lang)}
                    hint={AttrValue::from(Text::AidExplanationHint.text(lang))}
                    value={(*explanation).clone()}
                    error={explanation_error.clone()}
                    rows={5}
                    maxlength={2000}
                    oninput={on_explanation}
                />
                <TextField id={TOTAL_ID} label={Text::AidTotal.text(lang)} value={amounts[0].clone()}
                    inputmode="decimal" autocomplete="off" error={form.server_error("total")}
                    on_input={amount_input(0, "total")} />
                <TextField id={COVERED_ID} label={Text::AidCovered.text(lang)}
                    hint={Text::AidCoveredHint.text(lang)} value={amounts[1].clone()}
                    inputmode="decimal" autocomplete="off" error={form.server_error("covered")}
                    on_input={amount_input(1, "covered")} />
                <p id="aide-reste" aria-live="polite">
                    if let Some(left) = remaining {
                        <strong>{ format!("{} : {}", Text::AidRemaining.text(lang), left.format(lang))
                            .replace(" : ", if lang == portail_shared::Lang::Fr { "\u{a0}: " } else { ": " }) }</strong>
                    }
                </p>
                <TextField id={REQUESTED_ID} label={Text::AidRequested.text(lang)}
                    hint={Text::AidRequestedHint.text(lang)} value={amounts[2].clone()}
                    inputmode="decimal" autocomplete="off" error={form.server_error("requested")}
                    on_input={amount_input(2, "requested")} />
                <TextField id={RESOURCES_ID} label={Text::AidResources.text(lang)} value={amounts[3].clone()}
                    inputmode="decimal" autocomplete="off" error={form.server_error("monthly_resources")}
                    on_input={amount_input(3, "monthly_resources")} />
                <FileField
                    id={FILES_ID}
                    label={Text::AidFiles.text(lang)}
                    hint={Text::AidFilesHint.text(lang)}
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
                        { Text::AidSending.text(lang) }
                    } else {
                        { Text::AidSubmit.text(lang) }
                    }
                </button>
            </form>
            <p><AppLink to={Route::Requests}>{ Text::RequestBack.text(lang) }</AppLink></p>
        </div>
    }
}
