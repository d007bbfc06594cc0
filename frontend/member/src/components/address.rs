//! "Adresse postale" in My account: the address on file, a change being processed with a link
//! to its request, and declaring a move (new address, its day, an optional proof). The fund
//! checks the move before the address on file changes.

use std::collections::BTreeSet;
use std::rc::Rc;

use portail_shared::address::{
    AddressChange, AddressProblem, AddressView, PostalAddress, check_change, check_moved_on,
};
use portail_shared::i18n::Text;
use portail_shared::reimbursements::Date;
use portail_shared::requests::Attachment;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::browser;
use crate::components::date_input::{
    DateInput, DatePart, SimpleDate, on_date_part, parse_date, use_today,
};
use crate::components::error_summary::error_summary;
use crate::components::field::{TextField, keep_field_focus};
use crate::components::file_field::FileField;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::lang::use_lang;
use crate::route::Route;

/// The form's fields: the API's name and the element's id (the summary's link target).
const FIELDS: [(&str, &str); 5] = [
    ("line1", "adresse-ligne1"),
    ("line2", "adresse-ligne2"),
    ("postal_code", "code-postal"),
    ("city", "commune"),
    ("moved_on", "date-demenagement-jour"),
];
const MOVED_ON_ID: &str = "date-demenagement";
const PROOF_ID: &str = "justificatif-domicile";
const STATUS_ID: &str = "etat-adresse-postale";

#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<AddressView>),
    Failed(AttrValue),
}

/// The section of My account.
#[component]
pub fn AddressSection() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    let open = use_state_eq(|| false);
    let status = use_state(|| None::<AttrValue>);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<AddressView>(api::paths::ADDRESS, lang).await;
                loaded.set(match answer {
                    Ok(view) => Loaded::Ready(Rc::new(view)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    use_effect_with(*open, |open| {
        if *open {
            browser::focus_id(FIELDS[0].1);
        }
    });
    let start = {
        let (open, status) = (open.setter(), status.setter());
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            open.set(true);
        })
    };
    let cancel = {
        let open = open.setter();
        Callback::from(move |()| {
            open.set(false);
            browser::focus_id(STATUS_ID);
        })
    };
    let filed = {
        let (open, status, loaded) = (open.setter(), status.setter(), loaded.setter());
        Callback::from(move |view: AddressView| {
            loaded.set(Loaded::Ready(Rc::new(view)));
            open.set(false);
            status.set(Some(Text::AddressFiled.text(lang).into()));
            browser::focus_id(STATUS_ID);
        })
    };
    let body = match &*loaded {
        Loaded::Loading => {
            html! { <p class="loading" role="status">{ Text::Loading.text(lang) }</p> }
        }
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(view) => html! {
            <>
                <AddressOnFile view={Rc::clone(view)} />
                if view.pending.is_none() {
                    if *open {
                        <AddressForm on_done={filed} on_cancel={cancel} />
                    } else {
                        <p>
                            <button type="button" class="button button--secondary" onclick={start}>
                                { Text::AddressChangeButton.text(lang) }
                            </button>
                        </p>
                    }
                }
            </>
        },
    };
    html! {
        <section class="account-section" aria-labelledby="adresse-postale">
            <h2 id="adresse-postale">{ Text::AddressHeading.text(lang) }</h2>
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

/// Properties of [`AddressOnFile`].
#[derive(Properties, PartialEq, Clone)]
pub struct AddressOnFileProps {
    /// The address and the change being processed.
    pub view: Rc<AddressView>,
}

/// The address as the post writes it, and the change being processed, if any.
#[component]
pub fn AddressOnFile(props: &AddressOnFileProps) -> Html {
    let lang = use_lang();
    let current = &props.view.current;
    html! {
        <>
            if current.line1.is_empty() && current.city.is_empty() {
                <p>{ Text::AddressNone.text(lang) }</p>
            } else {
                <p>{ Text::AddressLead.text(lang) }</p>
                { postal(current) }
            }
            if let Some(pending) = &props.view.pending {
                <div class="panel panel--info">
                    <p class="panel__title">
                        <Icon kind={IconKind::Info} />
                        { Text::AddressPendingText.text(lang) }
                    </p>
                    { postal(&pending.address) }
                    <dl class="details">
                        <div>
                            <dt>{ Text::AddressMovedOn.text(lang) }</dt>
                            <dd>{ SimpleDate::from_iso(&pending.moved_on).map_or_else(|| pending.moved_on.clone(), |d| d.long(lang)) }</dd>
                        </div>
                    </dl>
                    <p>{ Text::AddressPendingAfter.text(lang) }</p>
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

fn postal(a: &PostalAddress) -> Html {
    html! {
        <address class="postal-address">
            { a.line1.clone() }
            if !a.line2.is_empty() {
                <br />{ a.line2.clone() }
            }
            <br />{ format!("{} {}", a.postal_code, a.city) }
        </address>
    }
}

/// Properties of [`AddressForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct AddressFormProps {
    /// Filed: the address and the change, as they are now.
    pub on_done: Callback<AddressView>,
    /// The member gave up.
    pub on_cancel: Callback<()>,
}

/// The three boxes of the move's day as `YYYY-MM-DD`, or the problem to show.
pub fn moved_on(
    day: &str,
    month: &str,
    year: &str,
    today: Option<Date>,
) -> Result<String, AddressProblem> {
    let date = parse_date(day, month, year, None).map_err(|_| AddressProblem::MovedOnMissing)?;
    let iso = date.iso();
    if let Some(today) = today {
        check_moved_on(&iso, today)?;
    }
    Ok(iso)
}

/// The problems the browser shows: for a field left or once sent; an empty field once sent.
pub fn visible_problems(
    change: &AddressChange,
    date: Result<(), AddressProblem>,
    today: Date,
    left: &BTreeSet<&'static str>,
    submitted: bool,
) -> Vec<AddressProblem> {
    let mut problems = check_change(change, today).err().unwrap_or_default();
    // The day is judged from the three boxes (and the member's calendar) rather than the text.
    problems.retain(|p| p.field() != "moved_on");
    if let Err(p) = date {
        problems.push(p);
    }
    let empty = |p: &AddressProblem| {
        matches!(
            p,
            AddressProblem::Line1Empty
                | AddressProblem::PostalCodeEmpty
                | AddressProblem::CityEmpty
                | AddressProblem::MovedOnMissing
        )
    };
    problems.retain(|p| submitted || (left.contains(p.field()) && !empty(p)));
    problems
}

/// The move: the new address, its day and an optional proof.
#[component]
pub fn AddressForm(props: &AddressFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let values = use_state(|| [String::new(), String::new(), String::new(), String::new()]);
    let date = use_state(|| (String::new(), String::new(), String::new()));
    let left = use_state(BTreeSet::<&'static str>::new);
    let files = use_state(Vec::<Attachment>::new);
    let uploading = use_state_eq(|| false);
    let today = use_today().and_then(|d| Date::parse(&d.iso()));
    let day = moved_on(&date.0, &date.1, &date.2, today);
    let change = AddressChange {
        line1: values[0].clone(),
        line2: values[1].clone(),
        postal_code: values[2].clone(),
        city: values[3].clone(),
        moved_on: day.clone().unwrap_or_default(),
        proof: files.first().map(|f| f.id),
    };
    // Without the member's calendar (outside the browser) the server judges the day alone.
    let reference = today
        .or_else(|| Date::parse(&change.moved_on))
        .unwrap_or(Date::from_days_since_epoch(0));
    let problems = visible_problems(
        &change,
        day.as_ref().map(|_| ()).map_err(|p| *p),
        reference,
        &left,
        form.submitted(),
    );
    let error_of = |field: &str| {
        form.server_error(field).or_else(|| {
            problems
                .iter()
                .find(|p| p.field() == field)
                .map(|p| AttrValue::from(p.message(lang)))
        })
    };
    let typed = |index: usize, field: &'static str| {
        let (values, form) = (values.clone(), form.clone());
        Callback::from(move |value: String| {
            form.clear_server_error(field);
            let mut next = (*values).clone();
            next[index] = value;
            values.set(next);
        })
    };
    let leave = |field: &'static str| {
        let left = left.clone();
        Callback::from(move |()| {
            let mut next = (*left).clone();
            next.insert(field);
            left.set(next);
        })
    };
    let on_date = on_date_part(&date, &form, "moved_on");
    let on_date_blur = {
        let leave = leave("moved_on");
        Callback::from(move |_: DatePart| leave.emit(()))
    };
    let on_files = {
        let (files, form) = (files.clone(), form.clone());
        Callback::from(move |next: Vec<Attachment>| {
            form.clear_server_error("proof");
            files.set(next);
        })
    };
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |busy: bool| uploading.set(busy))
    };
    let onsubmit = {
        let form = form.clone();
        let on_done = props.on_done.clone();
        let (change, reference) = (change.clone(), reference);
        let day_ok = day.is_ok();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            if !day_ok || check_change(&change, reference).is_err() {
                submission.local_errors();
                return;
            }
            submission.sending();
            let (body, on_done) = (change.clone(), on_done.clone());
            spawn_local(async move {
                let answer =
                    api::post_json::<_, AddressView>(api::paths::ADDRESS, &body, lang).await;
                if let Some(view) = submission.finish(answer, lang) {
                    on_done.emit(view);
                }
            });
        })
    };
    let on_cancel = {
        let cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.emit(()))
    };
    let mut summary_fields: Vec<(&'static str, Option<AttrValue>)> = FIELDS
        .iter()
        .map(|(field, id)| (*id, error_of(field)))
        .collect();
    summary_fields.push((PROOF_ID, form.server_error("proof")));
    let summary = form.summary(&summary_fields);
    let text_field = |index: usize, label: Text, hint: Option<Text>, autocomplete: &'static str| {
        let (field, id) = FIELDS[index];
        html! {
            <TextField
                id={id}
                label={label.text(lang)}
                hint={hint.map(|h| AttrValue::from(h.text(lang)))}
                value={AttrValue::from(values[index].clone())}
                error={error_of(field)}
                autocomplete={AttrValue::from(autocomplete)}
                inputmode={(field == "postal_code").then_some(AttrValue::from("numeric"))}
                on_input={typed(index, field)}
                on_blur={leave(field)}
            />
        }
    };
    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <form class="form" novalidate=true {onsubmit}>
                { text_field(0, Text::AddressLine1, Some(Text::AddressLine1Hint), "address-line1") }
                { text_field(1, Text::AddressLine2, Some(Text::AddressLine2Hint), "address-line2") }
                { text_field(2, Text::AddressPostalCode, None, "postal-code") }
                { text_field(3, Text::AddressCity, None, "address-level2") }
                <DateInput
                    id={MOVED_ON_ID}
                    legend={Text::AddressMovedOn.text(lang)}
                    hint={Text::AddressMovedOnHint.text(lang)}
                    day={AttrValue::from(date.0.clone())}
                    month={AttrValue::from(date.1.clone())}
                    year={AttrValue::from(date.2.clone())}
                    error={error_of("moved_on")}
                    on_input={on_date}
                    on_blur={on_date_blur}
                />
                <FileField
                    id={PROOF_ID}
                    label={Text::AddressProof.text(lang)}
                    hint={Text::AddressProofHint.text(lang)}
                    files={(*files).clone()}
                    max={1}
                    error={form.server_error("proof")}
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
                            { Text::AddressSubmit.text(lang) }
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
