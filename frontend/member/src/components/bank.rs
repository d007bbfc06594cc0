//! "Coordonnées bancaires" in My account: the account reimbursements are paid to (masked), a
//! change being processed with a link to its request, and changing it: the password typed
//! again first (the shared step-up), then the IBAN checked as typed, the BIC, the holder and
//! the RIB. The change becomes a request; the account paid stays the same until the fund
//! checks it.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::bank::{BankChange, BankDetails, BankProblem, parse_bic};
use portail_shared::i18n::Text;
use portail_shared::iban::{Iban, IbanError};
use portail_shared::requests::Attachment;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::error_summary::error_summary;
use crate::components::field::{TextField, keep_field_focus};
use crate::components::file_field::FileField;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::security::{Guarded, STEP_UP_ID, StepUp};
use crate::lang::use_lang;
use crate::route::Route;

const IBAN_ID: &str = "nouvel-iban";
const BIC_ID: &str = "bic";
const HOLDER_ID: &str = "titulaire-compte";
const RIB_ID: &str = "rib";
/// The line that says what just changed (focused after a change or a cancel).
const STATUS_ID: &str = "etat-coordonnees-bancaires";

/// What the section knows of the bank details.
#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<BankDetails>),
    Failed(AttrValue),
}

/// Properties of [`BankSection`].
#[derive(Properties, PartialEq, Clone)]
pub struct BankSectionProps {
    /// Whether the password was typed again in the last minutes (no step-up needed then).
    pub stepped_up: bool,
    /// Asks the page to load the account's security again (after a step-up).
    pub reload: Callback<()>,
}

/// The section of My account.
#[component]
pub fn BankSection(props: &BankSectionProps) -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    let step = use_state_eq(|| Guarded::Idle);
    let status = use_state(|| None::<AttrValue>);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<BankDetails>(api::paths::BANK, lang).await;
                loaded.set(match answer {
                    Ok(details) => Loaded::Ready(Rc::new(details)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    // Focus follows what opens: the password panel, then the form's first field.
    use_effect_with(*step, |step| match step {
        Guarded::StepUp => crate::browser::focus_id(STEP_UP_ID),
        Guarded::Form => crate::browser::focus_id(IBAN_ID),
        Guarded::Idle => {}
    });
    let open = {
        let (step, status) = (step.setter(), status.setter());
        let stepped_up = props.stepped_up;
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            step.set(if stepped_up {
                Guarded::Form
            } else {
                Guarded::StepUp
            });
        })
    };
    let to_form = {
        // The other sections learn that the password was just typed again.
        let (step, reload) = (step.setter(), props.reload.clone());
        Callback::from(move |()| {
            step.set(Guarded::Form);
            reload.emit(());
        })
    };
    let cancel = {
        let step = step.setter();
        Callback::from(move |()| {
            step.set(Guarded::Idle);
            crate::browser::focus_id(STATUS_ID);
        })
    };
    let filed = {
        let (step, status, loaded) = (step.setter(), status.setter(), loaded.setter());
        Callback::from(move |details: BankDetails| {
            loaded.set(Loaded::Ready(Rc::new(details)));
            step.set(Guarded::Idle);
            status.set(Some(Text::BankFiled.text(lang).into()));
            crate::browser::focus_id(STATUS_ID);
        })
    };
    let body = match &*loaded {
        Loaded::Loading => {
            html! { <p class="loading" role="status">{ Text::Loading.text(lang) }</p> }
        }
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(details) => html! {
            <>
                <BankOnFile details={Rc::clone(details)} />
                if details.pending.is_none() {
                    { match *step {
                        Guarded::Idle => html! {
                            <p>
                                <button type="button" class="button button--secondary" onclick={open}>
                                    { Text::BankChangeButton.text(lang) }
                                </button>
                            </p>
                        },
                        Guarded::StepUp => html! { <StepUp on_done={to_form} on_cancel={cancel} /> },
                        Guarded::Form => html! { <BankForm on_done={filed} on_cancel={cancel} /> },
                    } }
                }
            </>
        },
    };
    html! {
        <section class="account-section" aria-labelledby="coordonnees-bancaires">
            <h2 id="coordonnees-bancaires">{ Text::BankHeading.text(lang) }</h2>
            <p class="status-line-holder" role="status" id={STATUS_ID} tabindex="-1">
                if let Some(message) = &*status {
                    <span class="status-line status-line--success">
                        <Icon kind={IconKind::Success} />
                        { message.clone() }
                    </span>
                }
            </p>
            { body }
        </section>
    }
}

/// Properties of [`BankOnFile`].
#[derive(Properties, PartialEq, Clone)]
pub struct BankOnFileProps {
    /// The details, masked.
    pub details: Rc<BankDetails>,
}

/// The account paid (masked IBAN, holder) and the change being processed, if any.
#[component]
pub fn BankOnFile(props: &BankOnFileProps) -> Html {
    let lang = use_lang();
    let account = |a: &portail_shared::bank::BankAccount| {
        html! {
            <dl class="details">
                <div>
                    <dt>{ Text::BankIban.text(lang) }</dt>
                    <dd class="identifier">{ a.iban_masked.clone() }</dd>
                </div>
                <div>
                    <dt>{ Text::BankHolder.text(lang) }</dt>
                    <dd>{ a.holder.clone() }</dd>
                </div>
                if let Some(bic) = &a.bic {
                    <div><dt>{ "BIC" }</dt><dd class="identifier">{ bic.clone() }</dd></div>
                }
            </dl>
        }
    };
    html! {
        <>
            if let Some(current) = &props.details.current {
                <p>{ Text::BankLead.text(lang) }</p>
                { account(current) }
            } else {
                <p>{ Text::BankNone.text(lang) }</p>
            }
            if let Some(pending) = &props.details.pending {
                <div class="panel panel--info">
                    <p class="panel__title">
                        <Icon kind={IconKind::Info} />
                        { Text::BankPendingText.text(lang) }
                    </p>
                    { account(&pending.account) }
                    <p>{ Text::BankPendingAfter.text(lang) }</p>
                    <p>
                        <AppLink to={Route::Request { id: pending.request_id }}>
                            { Text::ChangeFollow.text(lang) }
                        </AppLink>
                    </p>
                </div>
            }
        </>
    }
}

/// What is wrong with the IBAN typed: an empty field once sent; a wrong one once left or sent.
pub fn iban_error(value: &str, touched: bool, submitted: bool, lang: Lang) -> Option<String> {
    match Iban::parse(value) {
        Ok(_) => None,
        Err(IbanError::Empty) => submitted.then(|| IbanError::Empty.message(lang).into_owned()),
        Err(e) => (touched || submitted).then(|| e.message(lang).into_owned()),
    }
}

/// Properties of [`BankForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct BankFormProps {
    /// Filed: the details as they are now.
    pub on_done: Callback<BankDetails>,
    /// The member gave up.
    pub on_cancel: Callback<()>,
}

/// The new bank details.
#[component]
pub fn BankForm(props: &BankFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let iban = use_state(String::new);
    let bic = use_state(String::new);
    let holder = use_state(String::new);
    let files = use_state(Vec::<Attachment>::new);
    let uploading = use_state_eq(|| false);
    let iban_left = use_state_eq(|| false);
    let bic_left = use_state_eq(|| false);
    let submitted = form.submitted();

    let iban_error = form
        .server_error("iban")
        .or_else(|| iban_error(&iban, *iban_left, submitted, lang).map(AttrValue::from));
    let iban_ok = (*iban_left && iban_error.is_none() && Iban::parse(&iban).is_ok())
        .then(|| AttrValue::from(Text::BankIbanValid.text(lang)));
    let bic_error = form.server_error("bic").or_else(|| {
        ((*bic_left || submitted) && parse_bic(&bic).is_err())
            .then(|| BankProblem::Bic.message(lang).into())
    });
    let holder_error = form.server_error("holder").or_else(|| {
        (submitted && holder.trim().is_empty())
            .then(|| BankProblem::HolderEmpty.message(lang).into())
    });
    let rib_error = form.server_error("rib").or_else(|| {
        (submitted && files.is_empty()).then(|| BankProblem::RibMissing.message(lang).into())
    });

    let typed = |state: &UseStateHandle<String>, field: &'static str| {
        let (state, form) = (state.clone(), form.clone());
        Callback::from(move |value: String| {
            form.clear_server_error(field);
            state.set(value);
        })
    };
    let left = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |()| state.set(true))
    };
    let on_files = {
        let (files, form) = (files.clone(), form.clone());
        Callback::from(move |next: Vec<Attachment>| {
            form.clear_server_error("rib");
            files.set(next);
        })
    };
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |busy: bool| uploading.set(busy))
    };
    let onsubmit = {
        let form = form.clone();
        let (iban, bic, holder, files) = (iban.clone(), bic.clone(), holder.clone(), files.clone());
        let (iban_left, bic_left) = (iban_left.clone(), bic_left.clone());
        let on_done = props.on_done.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            iban_left.set(true);
            bic_left.set(true);
            let body = BankChange {
                iban: (*iban).clone(),
                bic: (*bic).clone(),
                holder: (*holder).clone(),
                rib: files.first().map(|f| f.id),
            };
            if portail_shared::bank::check_change(&body).is_err() {
                submission.local_errors();
                return;
            }
            submission.sending();
            let on_done = on_done.clone();
            spawn_local(async move {
                let answer = api::post_json::<_, BankDetails>(api::paths::BANK, &body, lang).await;
                if let Some(details) = submission.finish(answer, lang) {
                    on_done.emit(details);
                }
            });
        })
    };
    let on_cancel = {
        let cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.emit(()))
    };
    let summary = form.summary(&[
        (IBAN_ID, iban_error.clone()),
        (BIC_ID, bic_error.clone()),
        (HOLDER_ID, holder_error.clone()),
        (RIB_ID, rib_error.clone()),
    ]);
    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <form class="form" novalidate=true {onsubmit}>
                <TextField
                    id={IBAN_ID}
                    label={Text::BankFormIban.text(lang)}
                    hint={AttrValue::from(Text::BankFormIbanHint.text(lang))}
                    value={AttrValue::from((*iban).clone())}
                    error={iban_error}
                    confirmation={iban_ok}
                    autocomplete={AttrValue::from("off")}
                    on_input={typed(&iban, "iban")}
                    on_blur={left(&iban_left)}
                />
                <TextField
                    id={BIC_ID}
                    label={Text::BankFormBic.text(lang)}
                    hint={AttrValue::from(Text::BankFormBicHint.text(lang))}
                    value={AttrValue::from((*bic).clone())}
                    error={bic_error}
                    autocomplete={AttrValue::from("off")}
                    on_input={typed(&bic, "bic")}
                    on_blur={left(&bic_left)}
                />
                <TextField
                    id={HOLDER_ID}
                    label={Text::BankFormHolder.text(lang)}
                    hint={AttrValue::from(Text::BankFormHolderHint.text(lang))}
                    value={AttrValue::from((*holder).clone())}
                    error={holder_error}
                    autocomplete={AttrValue::from("name")}
                    on_input={typed(&holder, "holder")}
                />
                <FileField
                    id={RIB_ID}
                    label={Text::BankFormRib.text(lang)}
                    hint={Text::BankFormRibHint.text(lang)}
                    files={(*files).clone()}
                    max={1}
                    error={rib_error}
                    on_change={on_files}
                    {on_busy}
                />
                <div class="actions">
                    <button type="submit" class="button" disabled={form.busy() || *uploading}
                        onmousedown={keep_field_focus()}>
                        if form.busy() {
                            { spinner() }
                            { Text::ChangeSending.text(lang) }
                        } else {
                            { Text::BankSubmit.text(lang) }
                        }
                    </button>
                    <button type="button" class="button button--secondary" onclick={on_cancel}>
                        { Text::Cancel.text(lang) }
                    </button>
                </div>
            </form>
        </>
    }
}
