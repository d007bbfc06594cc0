//! Prevention (`/prevention`): for the member and each minor dependant, the screenings, the
//! M’T dents exam and the flu vaccination recommended for them, each with its state ("À
//! faire", "En retard", "À jour jusqu’au …"), why, how, the cover, the source, when it was last
//! done (and from which reimbursed act), and a small form to say it was done elsewhere.

use std::collections::BTreeSet;
use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::prevention::{
    DoneElsewhere, DoneProblem, PreventionHousehold, PreventionPerson, Programme, Recommendation,
    State, long_date,
};
use portail_shared::reimbursements::Date;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::browser;
use crate::components::date_input::{
    DateInput, DatePart, DateProblem, SimpleDate, on_date_part, parse_date,
};
use crate::components::error_summary::{SummaryItem, error_summary};
use crate::components::field::keep_field_focus;
use crate::components::form::{Outcome, use_form};
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::member_area::MemberArea;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::session::{SessionState, use_session};

/// The date boxes of the one form open.
const DATE_ID: &str = "prevention-fait-le";
const DATE_FIRST_BOX: &str = "prevention-fait-le-jour";

/// The page: visitors are asked to sign in.
#[component]
pub fn PreventionPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <MemberPrevention /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitlePrevention}
                intro={Text::PreventionIntro}
                sign_in={Text::PreventionSignIn}
            />
        },
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<PreventionHousehold>),
    Failed(AttrValue),
}

#[component]
fn MemberPrevention() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer =
                    api::get_json::<PreventionHousehold>(api::paths::PREVENTION, lang).await;
                loaded.set(match answer {
                    Ok(household) => Loaded::Ready(Rc::new(household)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let body = match &*loaded {
        Loaded::Loading => html! {
            <p class="loading" role="status">{ Text::PreventionLoading.text(lang) }</p>
        },
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(household) => html! {
            <PreventionView household={Rc::clone(household)} />
        },
    };
    html! {
        <>
            <PageTitle text={Text::TitlePrevention} />
            <p class="lead">{ Text::PreventionIntro.text(lang) }</p>
            <p>{ Text::PreventionLead.text(lang) }</p>
            { body }
        </>
    }
}

/// Properties of [`PreventionView`].
#[derive(Properties, PartialEq, Clone)]
pub struct PreventionViewProps {
    /// The household's programmes, as loaded.
    pub household: Rc<PreventionHousehold>,
}

fn card_id(person: i64, programme: Programme) -> String {
    format!("prevention-{person}-{}", programme.code())
}

/// Each person, then a card per programme; a declaration replaces that person's cards.
#[component]
pub fn PreventionView(props: &PreventionViewProps) -> Html {
    let lang = use_lang();
    let people = use_state(|| props.household.people.clone());
    let saved = use_state_eq(|| None::<(i64, Programme)>);
    let open = use_state_eq(|| None::<(i64, Programme)>);
    let today = props.household.today.clone();
    html! {
        <div class="prevention">
            { for people.iter().map(|person| {
                let heading = format!("prevention-{}", person.id);
                html! {
                    <section key={person.id} class="prevention-person" aria-labelledby={heading.clone()}>
                        <h2 id={heading}>{ person.name.clone() }</h2>
                        if person.programmes.is_empty() {
                            <p>{ Text::PreventionNone.text(lang) }</p>
                        } else {
                            <ul class="attestations">
                                { for person.programmes.iter().map(|r| {
                                    let key = (person.id, r.programme);
                                    let on_open = {
                                        let (open, saved) = (open.setter(), saved.setter());
                                        Callback::from(move |_: MouseEvent| {
                                            saved.set(None);
                                            open.set(Some(key));
                                        })
                                    };
                                    let on_cancel = {
                                        let open = open.setter();
                                        Callback::from(move |()| open.set(None))
                                    };
                                    let on_done = {
                                        let (people, saved) = (people.clone(), saved.clone());
                                        let open = open.setter();
                                        let programme = r.programme;
                                        Callback::from(move |updated: PreventionPerson| {
                                            let id = updated.id;
                                            let next = people
                                                .iter()
                                                .map(|p| if p.id == id { updated.clone() } else { p.clone() })
                                                .collect();
                                            people.set(next);
                                            open.set(None);
                                            saved.set(Some((id, programme)));
                                            browser::focus_id(&format!("{}-enregistre", card_id(id, programme)));
                                        })
                                    };
                                    let card_state = CardState {
                                        today: &today,
                                        saved: *saved == Some(key),
                                        open: *open == Some(key),
                                    };
                                    card(person, r, &card_state, Actions { on_open, on_cancel, on_done }, lang)
                                }) }
                            </ul>
                        }
                    </section>
                }
            }) }
        </div>
    }
}

/// The state's badge: its words, a colour and an icon.
fn badge(state: &State, lang: Lang) -> Html {
    let (class, icon) = match state {
        State::Due { .. } => ("badge badge--warning", IconKind::Warning),
        State::Overdue { .. } => ("badge badge--error", IconKind::Error),
        State::UpToDate { .. } => ("badge badge--success", IconKind::Success),
    };
    html! { <span class={class}><Icon kind={icon} />{ state.badge(lang) }</span> }
}

/// The state in a sentence, when the badge does not say it all.
fn state_words(state: &State, today: &str, lang: Lang) -> Option<String> {
    match state {
        State::Due { due_on: Some(on) } if on.as_str() > today => Some(format!(
            "{} {}.",
            Text::PreventionDueFrom.text(lang),
            long_date(on, lang)
        )),
        State::Due { due_on: Some(on) } => Some(format!(
            "{} {}.",
            Text::PreventionDueSince.text(lang),
            long_date(on, lang)
        )),
        State::Overdue { due_on } => Some(format!(
            "{} {}.",
            Text::PreventionOverdueSince.text(lang),
            long_date(due_on, lang)
        )),
        State::Due { due_on: None } | State::UpToDate { .. } => None,
    }
}

struct CardState<'a> {
    today: &'a str,
    saved: bool,
    open: bool,
}

struct Actions {
    on_open: Callback<MouseEvent>,
    on_cancel: Callback<()>,
    on_done: Callback<PreventionPerson>,
}

fn card(
    person: &PreventionPerson,
    r: &Recommendation,
    at: &CardState<'_>,
    actions: Actions,
    lang: Lang,
) -> Html {
    let today = at.today;
    let id = card_id(person.id, r.programme);
    let heading = format!("{id}-titre");
    let done = r
        .done_words(lang)
        .unwrap_or_else(|| Text::PreventionNeverDone.text(lang).to_owned());
    html! {
        <li key={r.programme.code()} class="attestation-card prevention-card" id={id.clone()} aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ r.programme.title(lang) }</h3>
            <p>{ badge(&r.state, lang) }</p>
            if let Some(words) = state_words(&r.state, today, lang) {
                <p>{ words }</p>
            }
            <div class="status-line-holder" role="status" id={format!("{id}-enregistre")} tabindex="-1">
                if at.saved {
                    <p class="status-line status-line--success">
                        <Icon kind={IconKind::Success} />
                        { Text::PreventionElsewhereSaved.text(lang) }
                    </p>
                }
            </div>
            <dl class="details">
                <div><dt>{ Text::PreventionWhy.text(lang) }</dt><dd>{ r.why(lang) }</dd></div>
                <div><dt>{ Text::PreventionHow.text(lang) }</dt><dd>{ r.programme.how(r.age, lang) }</dd></div>
                <div><dt>{ Text::PreventionCover.text(lang) }</dt><dd>{ r.programme.cover(lang) }</dd></div>
                <div><dt>{ Text::PreventionLastDone.text(lang) }</dt><dd>{ done }</dd></div>
                <div><dt>{ Text::PreventionSource.text(lang) }</dt><dd>{ r.programme.source(lang) }</dd></div>
            </dl>
            if at.open {
                <DoneForm
                    person={person.id}
                    name={AttrValue::from(person.name.clone())}
                    birth_date={AttrValue::from(person.birth_date.clone())}
                    programme={r.programme}
                    today={AttrValue::from(today.to_owned())}
                    on_done={actions.on_done}
                    on_cancel={actions.on_cancel}
                />
            } else {
                <p>
                    <button type="button" class="button button--secondary" onclick={actions.on_open}>
                        { Text::PreventionElsewhere.text(lang) }
                        <span class="visually-hidden">
                            { format!(" {} {}, {}", r.programme.title(lang), Text::PreventionElsewhereFor.text(lang), person.name) }
                        </span>
                    </button>
                </p>
            }
        </li>
    }
}

/// Properties of [`DoneForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct DoneFormProps {
    /// The person's id.
    pub person: i64,
    /// Their name (for screen readers on the button).
    pub name: AttrValue,
    /// `YYYY-MM-DD`.
    pub birth_date: AttrValue,
    /// The programme.
    pub programme: Programme,
    /// The fund's day, `YYYY-MM-DD`.
    pub today: AttrValue,
    /// Accepted: the person's programmes updated.
    #[prop_or_default]
    pub on_done: Callback<PreventionPerson>,
    /// The member gave up.
    #[prop_or_default]
    pub on_cancel: Callback<()>,
}

/// The mistake the browser shows for the typed date: after the boxes were left, or once sent.
pub fn date_problem(
    (day, month, year): (&str, &str, &str),
    birth_date: &str,
    today: &str,
) -> Option<DoneProblem> {
    let today_date = SimpleDate::from_iso(today);
    match parse_date(day, month, year, today_date) {
        Err(DateProblem::Empty) => Some(DoneProblem::DateMissing),
        Err(DateProblem::Incomplete | DateProblem::NotReal) => Some(DoneProblem::DateNotReal),
        Err(DateProblem::Future) => Some(DoneProblem::DateFuture),
        Ok(date) => {
            let (Some(day), Some(birth), Some(today)) = (
                Date::parse(&date.iso()),
                Date::parse(birth_date),
                Date::parse(today),
            ) else {
                return Some(DoneProblem::DateNotReal);
            };
            portail_shared::prevention::check_done_on(&day.to_string(), birth, today).err()
        }
    }
}

/// "Fait ailleurs": the day, then "Enregistrer la date".
#[component]
pub fn DoneForm(props: &DoneFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let date = use_state(|| (String::new(), String::new(), String::new()));
    let left = use_state(BTreeSet::<&'static str>::new);
    // Opened: the eye and the keyboard go to the first box.
    use_effect_with((), |()| browser::focus_id(DATE_FIRST_BOX));
    let problem = date_problem((&date.0, &date.1, &date.2), &props.birth_date, &props.today);
    let shown = problem.filter(|p| {
        form.submitted() || (left.contains("done_on") && *p != DoneProblem::DateMissing)
    });
    let date_error = form
        .server_error("done_on")
        .or_else(|| shown.map(|p| AttrValue::from(p.message(lang))));
    let programme_error = form.server_error("programme");
    let on_date = on_date_part(&date, &form, "done_on");
    let on_blur = {
        let left = left.clone();
        Callback::from(move |_: DatePart| {
            let mut next = (*left).clone();
            next.insert("done_on");
            left.set(next);
        })
    };
    let onsubmit = {
        let form = form.clone();
        let date = date.clone();
        let props = props.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            if date_problem((&date.0, &date.1, &date.2), &props.birth_date, &props.today).is_some()
            {
                submission.local_errors();
                return;
            }
            let done_on = parse_date(&date.0, &date.1, &date.2, None)
                .map(SimpleDate::iso)
                .unwrap_or_default();
            let body = DoneElsewhere {
                person: props.person,
                programme: props.programme,
                done_on,
            };
            submission.sending();
            let on_done = props.on_done.clone();
            spawn_local(async move {
                let answer =
                    api::post_json::<_, PreventionPerson>(api::paths::PREVENTION_DONE, &body, lang)
                        .await;
                if let Some(person) = submission.finish(answer, lang) {
                    on_done.emit(person);
                }
            });
        })
    };
    let mut summary = form.summary(&[(DATE_FIRST_BOX, date_error.clone())]);
    if let Some(message) = &programme_error
        && form.outcome() == Outcome::Invalid
    {
        summary.push(SummaryItem::form(message.clone()));
    }
    let on_cancel = {
        let cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.emit(()))
    };
    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <form class="form" novalidate=true {onsubmit}>
                <DateInput
                    id={DATE_ID}
                    legend={Text::PreventionElsewhereDate.text(lang)}
                    hint={Text::PreventionElsewhereHint.text(lang)}
                    day={AttrValue::from(date.0.clone())}
                    month={AttrValue::from(date.1.clone())}
                    year={AttrValue::from(date.2.clone())}
                    error={date_error}
                    on_input={on_date}
                    {on_blur}
                />
                if let Some(message) = programme_error {
                    <p class="status-line status-line--error" role="alert">
                        <Icon kind={IconKind::Error} />{ message }
                    </p>
                }
                <div class="actions">
                    <button type="submit" class="button" disabled={form.busy()} onmousedown={keep_field_focus()}>
                        if form.busy() {
                            { spinner() }
                            { Text::PreventionElsewhereSending.text(lang) }
                        } else {
                            { Text::PreventionElsewhereSubmit.text(lang) }
                            <span class="visually-hidden">
                                { format!(" {} {}", Text::PreventionElsewhereFor.text(lang), props.name) }
                            </span>
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
