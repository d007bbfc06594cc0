//! "Carte européenne d’assurance maladie" (`/carte-europeenne`): each person's card (number
//! masked, validity, a warning when it ends soon or has ended), an order in progress with its
//! request, and ordering a card (reason, departure day, delivery address confirmed). When the
//! departure is less than 15 days away the card cannot arrive in time: the page says so and
//! offers the provisional replacement certificate at once.

use std::collections::BTreeSet;
use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::address::PostalAddress;
use portail_shared::ceam::{
    self, CardStatus, CeamHousehold, CeamOrder, CeamPerson, OrderFiled, OrderProblem, TripReason,
};
use portail_shared::i18n::Text;
use portail_shared::reimbursements::Date;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::browser;
use crate::components::date_input::{DateInput, DatePart, SimpleDate, on_date_part, parse_date};
use crate::components::download::DownloadLink;
use crate::components::error_summary::error_summary;
use crate::components::field::keep_field_focus;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::member_area::MemberArea;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{SessionState, use_session};

const REASON_ID: &str = "ceam-raison-holiday";
const DEPARTURE_ID: &str = "ceam-depart";
const DEPARTURE_FIRST_BOX: &str = "ceam-depart-jour";
const ADDRESS_ID: &str = "ceam-adresse";
const STATUS_ID: &str = "ceam-etat";

/// The page.
#[component]
pub fn CeamPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <MemberCeam /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea title={Text::TitleCeam} intro={Text::CeamIntro} sign_in={Text::CeamSignIn} />
        },
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<CeamHousehold>),
    Failed(AttrValue),
}

#[component]
fn MemberCeam() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    let reload = use_state_eq(|| 0_u32);
    let filed = use_state(|| None::<Filed>);
    {
        let loaded = loaded.setter();
        use_effect_with(*reload, move |_| {
            spawn_local(async move {
                let answer = api::get_json::<CeamHousehold>(api::paths::CEAM, lang).await;
                loaded.set(match answer {
                    Ok(household) => Loaded::Ready(Rc::new(household)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let on_filed = {
        let (filed, reload) = (filed.setter(), reload.clone());
        Callback::from(move |done: Filed| {
            filed.set(Some(done));
            reload.set(*reload + 1);
            browser::focus_id(STATUS_ID);
        })
    };
    let body = match &*loaded {
        Loaded::Loading => html! {
            <p class="loading" role="status">{ Text::CeamLoading.text(lang) }</p>
        },
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(household) => html! {
            <CeamView household={Rc::clone(household)} {on_filed} />
        },
    };
    html! {
        <>
            <PageTitle text={Text::TitleCeam} />
            <p class="lead">{ Text::CeamIntro.text(lang) }</p>
            <p>{ Text::CeamDelays.text(lang) }</p>
            <div class="status-line-holder" role="status" id={STATUS_ID} tabindex="-1">
                if let Some(done) = &*filed {
                    { filed_panel(done, lang) }
                }
            </div>
            { body }
        </>
    }
}

/// An order just accepted, for the confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct Filed {
    /// The person the card is for.
    pub person: i64,
    /// Their name.
    pub name: String,
    /// The server's answer.
    pub answer: OrderFiled,
}

fn long(iso: &str, lang: Lang) -> String {
    SimpleDate::from_iso(iso).map_or_else(|| iso.to_owned(), |d| d.long(lang))
}

fn provisional_link(person: i64, name: &str, lang: Lang) -> Html {
    html! {
        <DownloadLink classes={classes!("button", "button--secondary")}
            href={ceam::provisional_path(person)} file_name="certificat-provisoire.pdf">
            { Text::CeamProvisionalDownload.text(lang) }
            <span class="visually-hidden">{ format!(" {} {name}", Text::CeamFor.text(lang)) }</span>
        </DownloadLink>
    }
}

fn filed_panel(done: &Filed, lang: Lang) -> Html {
    html! {
        <div class="panel panel--success">
            <p class="panel__title">
                <Icon kind={IconKind::Success} />
                { format!("{} {} ({})", Text::CeamFiled.text(lang), long(&done.answer.delivery_by, lang), done.name) }
            </p>
            if !done.answer.in_time {
                <p>{ Text::CeamFiledLate.text(lang) }</p>
                <p>{ provisional_link(done.person, &done.name, lang) }</p>
            }
            <p>
                <AppLink to={Route::Request { id: done.answer.request_id }}>{ Text::CeamFollow.text(lang) }</AppLink>
            </p>
        </div>
    }
}

/// Properties of [`CeamView`].
#[derive(Properties, PartialEq, Clone)]
pub struct CeamViewProps {
    /// The household's cards.
    pub household: Rc<CeamHousehold>,
    /// An order was accepted.
    #[prop_or_default]
    pub on_filed: Callback<Filed>,
}

/// One card per person, and the order form of the person chosen (one at a time).
#[component]
pub fn CeamView(props: &CeamViewProps) -> Html {
    let lang = use_lang();
    let open = use_state_eq(|| None::<i64>);
    let h = &props.household;
    html! {
        <ul class="attestations">
            { for h.people.iter().map(|p| {
                let start = {
                    let open = open.setter();
                    let id = p.id;
                    Callback::from(move |_: MouseEvent| open.set(Some(id)))
                };
                let cancel = {
                    let open = open.setter();
                    Callback::from(move |()| open.set(None))
                };
                let done = {
                    let (open, on_filed) = (open.setter(), props.on_filed.clone());
                    Callback::from(move |filed: Filed| {
                        open.set(None);
                        on_filed.emit(filed);
                    })
                };
                let heading = format!("ceam-{}", p.id);
                html! {
                    <li key={p.id} class="attestation-card ceam-card" aria-labelledby={heading.clone()}>
                        <h2 id={heading}>{ p.name.clone() }</h2>
                        { card(p, lang) }
                        if let Some(pending) = &p.pending {
                            <div class="panel panel--info">
                                <p class="panel__title"><Icon kind={IconKind::Info} />{ Text::CeamPending.text(lang) }</p>
                                <dl class="details">
                                    if !pending.departure.is_empty() {
                                        <div><dt>{ Text::CeamPendingDeparture.text(lang) }</dt><dd>{ long(&pending.departure, lang) }</dd></div>
                                    }
                                    <div><dt>{ Text::CeamPendingArrival.text(lang) }</dt><dd>{ long(&pending.delivery_by, lang) }</dd></div>
                                </dl>
                                if !pending.in_time {
                                    <p>{ Text::CeamFiledLate.text(lang) }</p>
                                    <p>{ provisional_link(p.id, &p.name, lang) }</p>
                                }
                                <p><AppLink to={Route::Request { id: pending.request_id }}>{ Text::CeamFollow.text(lang) }</AppLink></p>
                            </div>
                        } else if *open == Some(p.id) {
                            <OrderForm person={p.clone()} address={h.address.clone()} today={h.today.clone()}
                                on_done={done} on_cancel={cancel} />
                        } else {
                            <p>
                                <button type="button" class="button" onclick={start}>
                                    { Text::CeamOrderOpen.text(lang) }
                                    <span class="visually-hidden">{ format!(" {} {}", Text::CeamFor.text(lang), p.name) }</span>
                                </button>
                            </p>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

fn card(p: &CeamPerson, lang: Lang) -> Html {
    let Some(card) = &p.card else {
        return html! { <p>{ Text::CeamNoCard.text(lang) }</p> };
    };
    let (badge, icon) = match card.status {
        CardStatus::Valid => ("badge badge--success", IconKind::Success),
        CardStatus::ExpiresSoon => ("badge badge--warning", IconKind::Warning),
        CardStatus::Expired => ("badge badge--error", IconKind::Error),
    };
    let warning = match card.status {
        CardStatus::Valid => None,
        CardStatus::ExpiresSoon => Some(Text::CeamExpiresSoon),
        CardStatus::Expired => Some(Text::CeamExpired),
    };
    html! {
        <>
            <dl class="details">
                <div><dt>{ Text::CeamNumber.text(lang) }</dt><dd class="identifier">{ card.number_masked.clone() }</dd></div>
                <div>
                    <dt>{ Text::CeamValidity.text(lang) }</dt>
                    <dd>{ format!("{} {} {} {}", Text::CeamFrom.text(lang), long(&card.valid_from, lang), Text::CeamTo.text(lang), long(&card.valid_until, lang)) }</dd>
                </div>
                <div>
                    <dt>{ Text::CeamStatus.text(lang) }</dt>
                    <dd><span class={badge}><Icon kind={icon} />{ card.status.label(lang) }</span></dd>
                </div>
            </dl>
            if let Some(warning) = warning {
                <p class="status-line status-line--warning">
                    <Icon kind={IconKind::Warning} />
                    { warning.text(lang) }
                </p>
            }
        </>
    }
}

/// Properties of [`OrderForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct OrderFormProps {
    /// Who the card is for.
    pub person: CeamPerson,
    /// Where it is sent.
    pub address: PostalAddress,
    /// The fund's day, `YYYY-MM-DD`.
    pub today: String,
    /// Accepted.
    pub on_done: Callback<Filed>,
    /// The member gave up.
    pub on_cancel: Callback<()>,
}

/// The problems the browser shows: for a field left or once sent; an empty field once sent.
pub fn visible_problems(
    order: &CeamOrder,
    departure_typed: bool,
    today: Date,
    left: &BTreeSet<&'static str>,
    submitted: bool,
) -> Vec<OrderProblem> {
    let mut problems = ceam::check_order(order, today).err().unwrap_or_default();
    problems.retain(|p| {
        submitted
            || (p.field() == "departure"
                && left.contains("departure")
                && (departure_typed || *p != OrderProblem::DepartureMissing))
    });
    problems
}

/// The order: reason, departure day, address confirmed.
#[component]
pub fn OrderForm(props: &OrderFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let reason = use_state(|| None::<TripReason>);
    let date = use_state(|| (String::new(), String::new(), String::new()));
    let confirmed = use_state_eq(|| false);
    let left = use_state(BTreeSet::<&'static str>::new);
    let today = Date::parse(&props.today).unwrap_or(Date::from_days_since_epoch(0));
    let typed = !(date.0.trim().is_empty() && date.1.trim().is_empty() && date.2.trim().is_empty());
    let departure = parse_date(&date.0, &date.1, &date.2, None)
        .map(SimpleDate::iso)
        .unwrap_or_default();
    let order = CeamOrder {
        reason: *reason,
        departure,
        address_confirmed: *confirmed,
    };
    let problems = visible_problems(&order, typed, today, &left, form.submitted());
    let error_of = |field: &str| {
        form.server_error(field).or_else(|| {
            problems
                .iter()
                .find(|p| p.field() == field)
                .map(|p| AttrValue::from(p.message(lang)))
        })
    };
    let too_late = ceam::check_departure(&order.departure, today)
        .is_ok_and(|day| !ceam::arrives_in_time(day, today));
    let on_date = on_date_part(&date, &form, "departure");
    let on_date_blur = {
        let left = left.clone();
        Callback::from(move |_: DatePart| {
            let mut next = (*left).clone();
            next.insert("departure");
            left.set(next);
        })
    };
    let on_confirm = {
        let (confirmed, form) = (confirmed.clone(), form.clone());
        Callback::from(move |e: Event| {
            confirmed.set(e.target_unchecked_into::<HtmlInputElement>().checked());
            form.clear_server_error("address_confirmed");
        })
    };
    let onsubmit = {
        let form = form.clone();
        let on_done = props.on_done.clone();
        let (order, person) = (order.clone(), props.person.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            if ceam::check_order(&order, today).is_err() {
                submission.local_errors();
                return;
            }
            submission.sending();
            let (body, on_done, person) = (order.clone(), on_done.clone(), person.clone());
            spawn_local(async move {
                let path = format!("{}/{}/order", api::paths::CEAM, person.id);
                let answer = api::post_json::<_, OrderFiled>(&path, &body, lang).await;
                if let Some(answer) = submission.finish(answer, lang) {
                    on_done.emit(Filed {
                        person: person.id,
                        name: person.name.clone(),
                        answer,
                    });
                }
            });
        })
    };
    let on_cancel = {
        let cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.emit(()))
    };
    let reason_error = error_of("reason");
    let address_error = error_of("address_confirmed");
    let summary = form.summary(&[
        (REASON_ID, reason_error.clone()),
        (DEPARTURE_FIRST_BOX, error_of("departure")),
        (ADDRESS_ID, address_error.clone()),
    ]);
    let message = |id: &str, error: &Option<AttrValue>| {
        html! {
            <p class="field__message" id={format!("{id}-message")} aria-live="polite">
                if let Some(error) = error {
                    <span class="field__error">
                        <Icon kind={IconKind::Error} />
                        <span class="visually-hidden">{ Text::ErrorPrefix.text(lang) }{ " " }</span>
                        { error.clone() }
                    </span>
                }
            </p>
        }
    };
    let a = &props.address;
    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <form class="form" novalidate=true {onsubmit}>
                <fieldset class={classes!("fieldset", "field", reason_error.is_some().then_some("field--error"))}
                    aria-describedby="ceam-raison-message">
                    <legend class="field__label">{ Text::CeamReason.text(lang) }</legend>
                    { message("ceam-raison", &reason_error) }
                    { for TripReason::ALL.into_iter().map(|r| {
                        let id = format!("ceam-raison-{}", r.code());
                        let onchange = {
                            let (reason, form) = (reason.clone(), form.clone());
                            Callback::from(move |_: Event| {
                                reason.set(Some(r));
                                form.clear_server_error("reason");
                            })
                        };
                        html! {
                            <div class="checkbox">
                                <input class="checkbox__input" type="radio" name="ceam-raison" id={id.clone()}
                                    value={r.code()} checked={*reason == Some(r)} {onchange} />
                                <label class="checkbox__label" for={id}>{ r.label(lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <DateInput
                    id={DEPARTURE_ID}
                    legend={Text::CeamDeparture.text(lang)}
                    hint={Text::CeamDepartureHint.text(lang)}
                    day={AttrValue::from(date.0.clone())}
                    month={AttrValue::from(date.1.clone())}
                    year={AttrValue::from(date.2.clone())}
                    error={error_of("departure")}
                    on_input={on_date}
                    on_blur={on_date_blur}
                />
                if too_late {
                    <div class="panel panel--warning" id="ceam-trop-tard">
                        <p class="panel__title"><Icon kind={IconKind::Warning} />{ Text::CeamTooLate.text(lang) }</p>
                        <p>{ provisional_link(props.person.id, &props.person.name, lang) }</p>
                    </div>
                }
                <fieldset class={classes!("fieldset", "field", address_error.is_some().then_some("field--error"))}
                    aria-describedby="ceam-adresse-aide ceam-adresse-message">
                    <legend class="field__label">{ Text::CeamAddress.text(lang) }</legend>
                    <p class="field__hint" id="ceam-adresse-aide">{ Text::CeamAddressHint.text(lang) }</p>
                    <address class="postal-address">
                        { a.line1.clone() }
                        if !a.line2.is_empty() {
                            <br />{ a.line2.clone() }
                        }
                        <br />{ format!("{} {}", a.postal_code, a.city) }
                    </address>
                    { message(ADDRESS_ID, &address_error) }
                    <div class="checkbox">
                        <input class="checkbox__input" type="checkbox" id={ADDRESS_ID} name={ADDRESS_ID}
                            checked={*confirmed} onchange={on_confirm}
                            aria-invalid={address_error.is_some().then_some("true")} />
                        <label class="checkbox__label" for={ADDRESS_ID}>{ Text::CeamAddressConfirm.text(lang) }</label>
                    </div>
                    <p>
                        { Text::CeamAddressMoved.text(lang) }{ " " }
                        <AppLink to={Route::Account}>{ Text::CeamAddressMovedLink.text(lang) }</AppLink>
                    </p>
                </fieldset>
                <div class="actions">
                    <button type="submit" class="button" disabled={form.busy()} onmousedown={keep_field_focus()}>
                        if form.busy() {
                            { spinner() }
                            { Text::CeamSending.text(lang) }
                        } else {
                            { Text::CeamSubmit.text(lang) }
                            <span class="visually-hidden">{ format!(" {} {}", Text::CeamFor.text(lang), props.person.name) }</span>
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
