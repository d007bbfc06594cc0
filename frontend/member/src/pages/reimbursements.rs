//! "Mes paiements" (`/remboursements`): the member's reimbursements and their minor children's,
//! filtered by period, person, kind of care, status and words; the period's totals and a CSV
//! export; this year's deductions against their caps; the lines grouped by payment; a chart of
//! each month with its table. One line's detail lives at `/remboursements/:id`.
//!
//! The filter is the page's URL query, so the back button returns to the same list.

use std::rc::Rc;

use portail_shared::i18n::Text;
use portail_shared::reimbursements::Date;
use portail_shared::reimbursements::history::{
    self, Detail, Filter, History, Kind, Line, Month, Payment, Status,
};
use portail_shared::reimbursements::statements::{StatementMonth, Statements};
use portail_shared::{Cents, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::date_input::SimpleDate;
use crate::components::download::DownloadLink;
use crate::components::link::AppLink;
use crate::components::member_area::MemberArea;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{SessionState, use_session};

/// What a page knows of its data.
#[derive(Debug, Clone, PartialEq)]
enum Loaded<T> {
    /// The first request has not answered.
    Loading,
    /// The answer.
    Ready(Rc<T>),
    /// The request failed: what to say.
    Failed(AttrValue),
}

/// Payments and reimbursements (`/remboursements`).
#[component]
pub fn ReimbursementsPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <Payments /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitlePayments}
                intro={Text::PaymentsIntro}
                sign_in={Text::PaymentsSignIn}
            />
        },
    }
}

/// A date as words: "6 octobre 2026".
fn long_date(iso: &str, lang: Lang) -> String {
    SimpleDate::from_iso(iso).map_or_else(|| iso.to_owned(), |d| d.long(lang))
}

/// The periods offered; their select values.
const PERIOD_24: &str = "24";
const PERIOD_3: &str = "3";
const PERIOD_12: &str = "12";
const PERIOD_ALL: &str = "all";
const PERIOD_CHOSEN: &str = "chosen";

/// The select value that shows `filter`'s period.
fn period_value(filter: &Filter, today: Date) -> String {
    let months_back = |n: i32| Some(today.add_months(-n).add_days(1).to_string());
    if filter.all {
        return PERIOD_ALL.to_owned();
    }
    match (&filter.from, &filter.to) {
        (None, None) => PERIOD_24.to_owned(),
        (from, None) if *from == months_back(3) => PERIOD_3.to_owned(),
        (from, None) if *from == months_back(12) => PERIOD_12.to_owned(),
        (Some(from), Some(to))
            if from.ends_with("-01-01") && to.ends_with("-12-31") && from[..4] == to[..4] =>
        {
            format!("y{}", &from[..4])
        }
        _ => PERIOD_CHOSEN.to_owned(),
    }
}

/// `filter` with the period of a select value.
fn with_period(mut filter: Filter, value: &str, today: Date) -> Filter {
    filter.all = value == PERIOD_ALL;
    let months_back = |n: i32| Some(today.add_months(-n).add_days(1).to_string());
    let (from, to) = match value {
        PERIOD_3 => (months_back(3), None),
        PERIOD_12 => (months_back(12), None),
        PERIOD_CHOSEN => (filter.from.clone(), filter.to.clone()),
        year if year.starts_with('y') => (
            Some(format!("{}-01-01", &year[1..])),
            Some(format!("{}-12-31", &year[1..])),
        ),
        _ => (None, None),
    };
    filter.from = from;
    filter.to = to;
    filter
}

/// The signed-in member's payments.
#[component]
fn Payments() -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let location = use_location();
    let filter: Filter = location
        .and_then(|l| l.query::<Filter>().ok())
        .unwrap_or_default();
    let loaded = use_state(|| Loaded::<History>::Loading);
    let busy = use_state_eq(|| false);
    {
        let loaded = loaded.setter();
        let busy = busy.setter();
        use_effect_with(filter.clone(), move |filter| {
            let path = format!("{}?{}", api::paths::REIMBURSEMENTS, filter.to_query());
            busy.set(true);
            spawn_local(async move {
                let answer = api::get_json::<History>(&path, lang).await;
                busy.set(false);
                loaded.set(match answer {
                    Ok(history) => Loaded::Ready(Rc::new(history)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let apply = Callback::from(move |next: Filter| {
        if let Some(navigator) = &navigator {
            // Lost only if the browser refuses the URL; the list then stays as it was.
            let _ = navigator.push_with_query(&Route::Reimbursements, &next);
        }
    });
    let body = match &*loaded {
        Loaded::Loading => html! {
            <p class="loading" role="status">{ Text::PaymentsLoading.text(lang) }</p>
        },
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(history) => html! {
            <PaymentsView
                filter={filter.clone()}
                history={Rc::clone(history)}
                apply={apply}
                busy={*busy}
            />
        },
    };
    html! {
        <>
            <PageTitle text={Text::TitlePayments} />
            <p class="lead">{ Text::PaymentsIntro.text(lang) }</p>
            <p>
                <AppLink to={Route::Simulator}>{ Text::PaymentsSimulatorLink.text(lang) }</AppLink>
            </p>
            { body }
        </>
    }
}

/// Properties of [`PaymentsView`] and its filter form.
#[derive(Properties, PartialEq, Clone)]
pub struct PaymentsViewProps {
    /// The filter of the list on screen.
    pub filter: Filter,
    /// The list on screen (its people, its period).
    pub history: Rc<History>,
    /// Shows the list for a new filter.
    pub apply: Callback<Filter>,
    /// A list is being fetched.
    pub busy: bool,
}

/// The filters and what they found.
#[component]
pub fn PaymentsView(props: &PaymentsViewProps) -> Html {
    let lang = use_lang();
    html! {
        <>
            <Filters ..props.clone() />
            { results(&props.history, &props.filter, lang) }
        </>
    }
}

/// The filter form; nothing changes until "Afficher".
#[component]
fn Filters(props: &PaymentsViewProps) -> Html {
    let lang = use_lang();
    let today = today_of(&props.filter, &props.history);
    let draft = {
        let filter = props.filter.clone();
        use_state(move || filter)
    };
    let period = use_state({
        let value = period_value(&props.filter, today);
        move || value
    });
    let onsubmit = {
        let draft = draft.clone();
        let period = period.clone();
        let apply = props.apply.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            apply.emit(with_period((*draft).clone(), &period, today));
        })
    };
    let select = |id: &'static str,
                  label: Text,
                  value: String,
                  options: Html,
                  on: Callback<String>| {
        let onchange = Callback::from(move |e: Event| {
            let target: HtmlSelectElement = e.target_unchecked_into();
            on.emit(target.value());
        });
        html! {
            <div class="field">
                <label class="field__label" for={id}>{ label.text(lang) }</label>
                <select id={id} class="field__select" {onchange} value={value}>{ options }</select>
            </div>
        }
    };
    let edit = |change: fn(&mut Filter, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            change(&mut next, value);
            draft.set(next);
        })
    };
    let option = |value: String, words: String, selected: bool| {
        html! { <option value={value} selected={selected}>{ words }</option> }
    };
    let history = &props.history;
    let first_year = Date::parse(&history.held_from).map_or(today.year(), Date::year);
    let periods = html! {
        <>
            { option(PERIOD_24.into(), Text::PaymentsPeriod24.text(lang).into(), *period == PERIOD_24) }
            { option(PERIOD_3.into(), Text::PaymentsPeriod3.text(lang).into(), *period == PERIOD_3) }
            { option(PERIOD_12.into(), Text::PaymentsPeriod12.text(lang).into(), *period == PERIOD_12) }
            { for (first_year..=today.year()).rev().map(|y| {
                let value = format!("y{y}");
                let selected = *period == value;
                option(value, y.to_string(), selected)
            }) }
            { option(PERIOD_ALL.into(), Text::PaymentsPeriodAll.text(lang).into(), *period == PERIOD_ALL) }
            if *period == PERIOD_CHOSEN {
                { option(PERIOD_CHOSEN.into(), period_words(history, lang), true) }
            }
        </>
    };
    let on_period = {
        let period = period.clone();
        Callback::from(move |value: String| period.set(value))
    };
    let beneficiary = draft.beneficiary;
    let people = html! {
        <>
            { option(String::new(), Text::PaymentsEveryone.text(lang).into(), beneficiary.is_none()) }
            { for history.people.iter().map(|p| option(p.rank.to_string(), p.name.clone(), beneficiary == Some(p.rank))) }
        </>
    };
    let kind = draft.kind;
    let kinds = html! {
        <>
            { option(String::new(), Text::PaymentsAllKinds.text(lang).into(), kind.is_none()) }
            { for Kind::ALL.into_iter().map(|k| option(k.code().into(), k.label(lang).into(), kind == Some(k))) }
        </>
    };
    let status = draft.status;
    let statuses = html! {
        <>
            { option(String::new(), Text::PaymentsAllStatuses.text(lang).into(), status.is_none()) }
            { for Status::ALL.into_iter().map(|s| option(s.code().into(), s.label(lang).into(), status == Some(s))) }
        </>
    };
    let on_search = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*draft).clone();
            next.q = Some(input.value()).filter(|q| !q.is_empty());
            draft.set(next);
        })
    };
    html! {
        <form class="filters" onsubmit={onsubmit} aria-labelledby="filtres-titre">
            <h2 id="filtres-titre" class="filters__title">{ Text::PaymentsFilters.text(lang) }</h2>
            <div class="filters__grid">
                { select("filtre-periode", Text::PaymentsPeriod, (*period).clone(), periods, on_period) }
                if history.people.len() > 1 {
                    { select("filtre-beneficiaire", Text::PaymentsWho, beneficiary.map(|b| b.to_string()).unwrap_or_default(), people,
                        edit(|f, v| f.beneficiary = v.parse().ok())) }
                }
                { select("filtre-soins", Text::PaymentsKind, kind.map(|k| k.code().to_owned()).unwrap_or_default(), kinds,
                    edit(|f, v| f.kind = Kind::parse(&v))) }
                { select("filtre-etat", Text::PaymentsStatus, status.map(|s| s.code().to_owned()).unwrap_or_default(), statuses,
                    edit(|f, v| f.status = Status::parse(&v))) }
                <div class="field filters__search">
                    <label class="field__label" for="filtre-recherche">{ Text::PaymentsSearch.text(lang) }</label>
                    <p class="field__hint" id="filtre-recherche-aide">{ Text::PaymentsSearchHint.text(lang) }</p>
                    <input
                        id="filtre-recherche"
                        class="field__input"
                        type="search"
                        aria-describedby="filtre-recherche-aide"
                        value={draft.q.clone().unwrap_or_default()}
                        oninput={on_search}
                    />
                </div>
            </div>
            <button type="submit" class="button" disabled={props.busy}>
                { Text::PaymentsApply.text(lang) }
            </button>
        </form>
    }
}

/// Today as the server counts it: the end of a default period.
fn today_of(filter: &Filter, history: &History) -> Date {
    let shown = Date::parse(&history.to);
    match (&filter.to, shown) {
        (None, Some(to)) => to,
        _ => crate::browser::today()
            .and_then(|d| Date::parse(&d.iso()))
            .or(shown)
            .unwrap_or(portail_shared::reimbursements::KNOWN_FROM),
    }
}

/// "du 27 novembre 2024 au 26 novembre 2026".
fn period_words(history: &History, lang: Lang) -> String {
    let (from, to) = (long_date(&history.from, lang), long_date(&history.to, lang));
    match lang {
        Lang::Fr => format!("du {from} au {to}"),
        Lang::En => format!("from {from} to {to}"),
    }
}

/// "12 remboursements du … au …".
fn count_sentence(n: usize, history: &History, lang: Lang) -> String {
    let words = match (lang, n) {
        (Lang::Fr, 0 | 1) => "remboursement",
        (Lang::Fr, _) => "remboursements",
        (Lang::En, 1) => "reimbursement",
        (Lang::En, _) => "reimbursements",
    };
    format!("{n} {words} {}", period_words(history, lang))
}

/// Everything below the filters.
fn results(history: &History, filter: &Filter, lang: Lang) -> Html {
    let csv = format!("{}?{}", api::paths::REIMBURSEMENTS_CSV, filter.to_query());
    let t = history.totals;
    let amount = |c: Cents| c.format(lang);
    html! {
        <>
            <p class="payments__status" role="status">{ count_sentence(history.lines.len(), history, lang) }</p>
            <section class="box" aria-labelledby="totaux">
                <h2 id="totaux" class="panel__title">{ Text::PaymentsTotalsHeading.text(lang) }</h2>
                <dl class="totals">
                    <div><dt>{ Text::PaymentsCharged.text(lang) }</dt><dd>{ amount(t.charged) }</dd></div>
                    <div><dt>{ Text::PaymentsReimbursed.text(lang) }</dt><dd>{ amount(t.reimbursed) }</dd></div>
                    <div><dt>{ Text::PaymentsRemaining.text(lang) }</dt><dd>{ amount(t.remaining) }</dd></div>
                    <div><dt>{ Text::PaymentsDeductions.text(lang) }</dt><dd>{ amount(t.deductions) }</dd></div>
                </dl>
                <p class="field__hint">{ Text::PaymentsRemainingNote.text(lang) }</p>
                if !history.lines.is_empty() {
                    <a class="button button--secondary" href={csv} download="">
                        { Text::PaymentsExport.text(lang) }
                    </a>
                }
            </section>
            { counters(history, lang) }
            <StatementsBox />
            { list(history, lang) }
            if !history.lines.is_empty() {
                { chart(&history.months, lang) }
            }
        </>
    }
}

/// This year's deductions per person, against their caps.
fn counters(history: &History, lang: Lang) -> Html {
    let Some(year) = history.counters.first().map(|c| c.year) else {
        return html! {};
    };
    let meter = |label: Text, used: Cents, cap: Cents, id: String| {
        let value = used.0.clamp(0, cap.0.max(1));
        html! {
            <div class="counter">
                <span class="counter__label" id={id.clone()}>{ label.text(lang) }</span>
                <meter aria-labelledby={id} min="0" max={cap.0.to_string()} value={value.to_string()}></meter>
                <span class="counter__figures">
                    { format!("{} {} {}", used.format(lang), Text::PaymentsOf.text(lang), cap.format(lang)) }
                </span>
            </div>
        }
    };
    html! {
        <section class="box" aria-labelledby="plafonds">
            <h2 id="plafonds" class="panel__title">
                { format!("{} {year}", Text::PaymentsCountersHeading.text(lang)) }
            </h2>
            <ul class="counters">
                { for history.counters.iter().map(|c| html! {
                    <li key={c.person.rank}>
                        <h3 class="counters__person">{ c.person.name.clone() }</h3>
                        { meter(Text::PaymentsCounterParticipation, c.participation, c.participation_cap, format!("plafond-participation-{}", c.person.rank)) }
                        { meter(Text::PaymentsCounterFranchise, c.franchise, c.franchise_cap, format!("plafond-franchise-{}", c.person.rank)) }
                    </li>
                }) }
            </ul>
            <p class="field__hint">{ Text::PaymentsCountersNote.text(lang) }</p>
        </section>
    }
}

/// The lines, one group per payment.
fn list(history: &History, lang: Lang) -> Html {
    let body = if history.lines.is_empty() {
        html! {
            <>
                <p>{ Text::PaymentsNone.text(lang) }</p>
                <p>{ Text::PaymentsNoneHelp.text(lang) }</p>
            </>
        }
    } else {
        html! {
            <ol class="payments">
                { for history::payments(&history.lines).iter().enumerate().map(|(i, p)| html! {
                    <li key={i}>{ payment(p, i, lang) }</li>
                }) }
            </ol>
        }
    };
    html! {
        <section aria-labelledby="liste">
            <h2 id="liste">{ Text::PaymentsListHeading.text(lang) }</h2>
            { body }
        </section>
    }
}

/// One payment and its lines.
fn payment(p: &Payment<'_>, index: usize, lang: Lang) -> Html {
    let heading_id = format!("paiement-{index}");
    let title = match (p.date, p.lines.first().map(|l| l.status)) {
        (Some(date), _) => format!(
            "{} {}",
            Text::PaymentsPaidOn.text(lang),
            long_date(date, lang)
        ),
        (None, Some(Status::Rejected)) => Text::PaymentsRejectedGroup.text(lang).to_owned(),
        _ => Text::PaymentsPendingGroup.text(lang).to_owned(),
    };
    let mut sums = Vec::new();
    if p.to_member > Cents::ZERO {
        sums.push(format!(
            "{} {}",
            p.to_member.format(lang),
            Text::PaymentsToYou.text(lang)
        ));
    }
    if p.to_professionals > Cents::ZERO {
        sums.push(format!(
            "{} {}",
            p.to_professionals.format(lang),
            Text::PaymentsToProfessionals.text(lang)
        ));
    }
    html! {
        <section class="payment" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id} class="payment__title">{ title }</h3>
            if !sums.is_empty() {
                <p class="payment__sums">{ sums.join(" · ") }</p>
            }
            <ul class="payment__lines">
                { for p.lines.iter().map(|l| line_card(l, lang)) }
            </ul>
        </section>
    }
}

fn line_card(l: &Line, lang: Lang) -> Html {
    let date = long_date(&l.care_date, lang);
    let reimbursed = match l.status {
        Status::Rejected => l.status.label(lang).to_owned(),
        _ => format!(
            "{} {} {}",
            l.reimbursed.format(lang),
            Text::PaymentsOf.text(lang),
            l.charged.format(lang)
        ),
    };
    html! {
        <li class={classes!("line-card", (l.status == Status::Rejected).then_some("line-card--rejected"))} key={l.id}>
            <p class="line-card__act"><strong>{ l.act.clone() }</strong></p>
            <p class="line-card__who">{ format!("{} · {} · {}", date, l.beneficiary_name, l.professional) }</p>
            <p class="line-card__amount">
                <span class="visually-hidden">{ format!("{} : ", Text::PaymentsReimbursed.text(lang)) }</span>
                { reimbursed }
            </p>
            <AppLink to={Route::ReimbursementLine { id: l.id }} classes={classes!("line-card__link")}>
                { Text::PaymentsSeeDetail.text(lang) }
                <span class="visually-hidden">{ format!(" : {}, {}", l.act, date) }</span>
            </AppLink>
        </li>
    }
}

/// Reimbursed and remaining amounts per month as stacked bars, with the same figures in a table.
fn chart(months: &[Month], lang: Lang) -> Html {
    const HEIGHT: i64 = 160;
    const BAR: i64 = 14;
    const GAP: i64 = 6;
    let top = months
        .iter()
        .map(|m| (m.reimbursed + m.remaining).0)
        .max()
        .unwrap_or(0)
        .max(1);
    let width = i64::try_from(months.len()).unwrap_or(0) * (BAR + GAP) + GAP;
    let scale = |c: Cents| c.0.max(0) * HEIGHT / top;
    let month_name = |m: &Month| {
        let name = Text::MONTHS[usize::from(m.month.clamp(1, 12)) - 1].text(lang);
        format!("{name} {}", m.year)
    };
    html! {
        <section class="box" aria-labelledby="graphique">
            <h2 id="graphique" class="panel__title">{ Text::PaymentsChartHeading.text(lang) }</h2>
            <p class="chart__legend" aria-hidden="true">
                <span class="chart__key chart__key--reimbursed"></span>{ Text::PaymentsReimbursed.text(lang) }
                <span class="chart__key chart__key--remaining"></span>{ Text::PaymentsRemaining.text(lang) }
            </p>
            <svg class="chart" viewBox={format!("0 0 {width} {}", HEIGHT + 20)} role="img"
                aria-label={Text::PaymentsChartHeading.text(lang)} preserveAspectRatio="none">
                { for months.iter().enumerate().map(|(i, m)| {
                    let x = GAP + i64::try_from(i).unwrap_or(0) * (BAR + GAP);
                    let r = scale(m.reimbursed);
                    let rest = scale(m.remaining);
                    html! {
                        <g key={i}>
                            <rect class="chart__reimbursed" x={x.to_string()} y={(HEIGHT - r).to_string()}
                                width={BAR.to_string()} height={r.to_string()} />
                            <rect class="chart__remaining" x={x.to_string()} y={(HEIGHT - r - rest).to_string()}
                                width={BAR.to_string()} height={rest.to_string()} />
                            if m.month == 1 || i == 0 {
                                <text class="chart__year" x={x.to_string()} y={(HEIGHT + 16).to_string()}>{ m.year }</text>
                            }
                        </g>
                    }
                }) }
            </svg>
            <details class="chart__table">
                <summary>{ Text::PaymentsChartTable.text(lang) }</summary>
                <table class="table">
                    <caption class="visually-hidden">{ Text::PaymentsChartHeading.text(lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ Text::PaymentsMonth.text(lang) }</th>
                        <th scope="col">{ Text::PaymentsReimbursed.text(lang) }</th>
                        <th scope="col">{ Text::PaymentsRemaining.text(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for months.iter().map(|m| html! {
                            <tr>
                                <th scope="row">{ month_name(m) }</th>
                                <td>{ m.reimbursed.format(lang) }</td>
                                <td>{ m.remaining.format(lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}

/// Properties of [`ReimbursementLinePage`].
#[derive(Properties, PartialEq, Clone)]
pub struct LineProps {
    /// The line.
    pub id: i64,
}

/// One reimbursement (`/remboursements/:id`): every field and the computation in words.
#[component]
pub fn ReimbursementLinePage(props: &LineProps) -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <LineDetail id={props.id} /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitlePaymentLine}
                intro={Text::PaymentsIntro}
                sign_in={Text::PaymentsSignIn}
            />
        },
    }
}

#[component]
fn LineDetail(props: &LineProps) -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::<Detail>::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with(props.id, move |id| {
            let path = format!("{}/{id}", api::paths::REIMBURSEMENTS);
            spawn_local(async move {
                let answer = api::get_json::<Detail>(&path, lang).await;
                loaded.set(match answer {
                    Ok(detail) => Loaded::Ready(Rc::new(detail)),
                    Err(api::ApiFailure::Api(e)) if e.code == "not_found" => {
                        Loaded::Failed(Text::PaymentNotFound.text(lang).into())
                    }
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let body = match &*loaded {
        Loaded::Loading => html! {
            <p class="loading" role="status">{ Text::Loading.text(lang) }</p>
        },
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(detail) => html! { <LineView detail={Rc::clone(detail)} /> },
    };
    html! {
        <>
            <PageTitle text={Text::TitlePaymentLine} />
            { body }
            <p>
                <AppLink to={Route::Reimbursements}>{ Text::PaymentsBack.text(lang) }</AppLink>
            </p>
        </>
    }
}

/// Properties of [`LineView`].
#[derive(Properties, PartialEq, Clone)]
pub struct LineViewProps {
    /// The line and its explanation.
    pub detail: Rc<Detail>,
}

/// Every field of a line, and how its amount was computed.
#[component]
pub fn LineView(props: &LineViewProps) -> Html {
    let lang = use_lang();
    let detail = &props.detail;
    let l = &detail.line;
    let money = |c: Cents| c.format(lang);
    let row = |label: Text, value: String| {
        html! { <div><dt>{ label.text(lang) }</dt><dd>{ value }</dd></div> }
    };
    let yes_no = |b: bool| if b { Text::Yes } else { Text::No }.text(lang).to_owned();
    // Contesting is offered until the deadline (on the member's calendar; the server checks
    // again); not at all while the line is still being processed.
    let today = crate::browser::today().and_then(|d| Date::parse(&d.iso()));
    let contest_open =
        crate::pages::contest::deadline_of(detail).map(|last| today.is_none_or(|t| t <= last));
    let percent = match lang {
        Lang::Fr => format!("{}\u{a0}%", l.rate_bp / 100),
        Lang::En => format!("{}%", l.rate_bp / 100),
    };
    html! {
        <>
            <p class="lead">
                <strong>{ l.act.clone() }</strong>
                { format!(" · {} · {}", long_date(&l.care_date, lang), l.beneficiary_name) }
            </p>
            <section class="panel panel--info" aria-labelledby="calcul">
                <h2 id="calcul" class="panel__title">{ Text::PaymentHowComputed.text(lang) }</h2>
                <p class="explanation">{ detail.explanation.clone() }</p>
            </section>
            if let Some(open) = contest_open {
                if open {
                    <p>
                        <AppLink to={Route::Contest { id: l.id }} classes={classes!("button", "button--secondary")}>
                            { Text::PaymentContest.text(lang) }
                        </AppLink>
                    </p>
                } else {
                    <p class="field__hint">{ Text::PaymentContestClosed.text(lang) }</p>
                }
            }
            <dl class="details">
                { row(Text::PaymentStatus, l.status.label(lang).to_owned()) }
                if let Some(reason) = &l.reject_reason {
                    { row(Text::PaymentRejectReason, reason.clone()) }
                }
                { row(Text::PaymentCareDate, long_date(&l.care_date, lang)) }
                { row(Text::PaymentBeneficiary, l.beneficiary_name.clone()) }
                { row(Text::PaymentProfessional, l.professional.clone()) }
                { row(Text::PaymentSpecialty, l.specialty.clone()) }
                { row(Text::PaymentAct, l.act.clone()) }
                { row(Text::PaymentCharged, money(l.charged)) }
                if l.status != Status::Rejected {
                    { row(Text::PaymentBase, money(l.base)) }
                    { row(Text::PaymentRate, percent) }
                    { row(Text::PaymentParticipation, money(l.participation)) }
                    { row(Text::PaymentFranchise, money(l.franchise)) }
                    { row(Text::PaymentsReimbursed, money(l.reimbursed)) }
                    if l.recovered > Cents::ZERO {
                        { row(Text::PaymentRecovered, money(l.recovered)) }
                    }
                    if l.deferred > Cents::ZERO {
                        { row(Text::PaymentDeferred, money(l.deferred)) }
                    }
                    { row(Text::PaymentPaid, money(l.paid)) }
                    { row(Text::PaymentComplementary, l.complementary.map_or_else(|| Text::PaymentComplementaryUnknown.text(lang).to_owned(), money)) }
                }
                { row(Text::PaymentsRemaining, money(l.remaining)) }
                if l.status != Status::Rejected {
                    { row(Text::PaymentTiersPayant, if l.tiers_payant { Text::PaymentTiersPayantYes.text(lang).to_owned() } else { yes_no(false) }) }
                    { row(Text::PaymentParcours, if l.in_parcours { yes_no(true) } else { Text::PaymentParcoursNo.text(lang).to_owned() }) }
                }
                if let Some(date) = &l.payment_date {
                    { row(Text::PaymentDate, long_date(date, lang)) }
                }
                if let Some(reference) = &l.payment_ref {
                    { row(Text::PaymentRef, reference.clone()) }
                }
            </dl>
        </>
    }
}

/// How many months are listed before "Mois précédents".
const RECENT_MONTHS: usize = 6;

/// The monthly statements and yearly summaries to download.
#[component]
fn StatementsBox() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::<Statements>::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<Statements>(api::paths::STATEMENTS, lang).await;
                loaded.set(match answer {
                    Ok(statements) => Loaded::Ready(Rc::new(statements)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let body = match &*loaded {
        Loaded::Loading => html! { <p class="loading">{ Text::Loading.text(lang) }</p> },
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error">{ message.clone() }</p>
        },
        Loaded::Ready(s) if s.months.is_empty() && s.years.is_empty() => html! {
            <p>{ Text::PaymentsNoStatements.text(lang) }</p>
        },
        Loaded::Ready(s) => {
            let (recent, older) = s.months.split_at(s.months.len().min(RECENT_MONTHS));
            html! {
                <div class="statements">
                    <div>
                        <h3>{ Text::PaymentsMonthly.text(lang) }</h3>
                        <ul class="statements__list">
                            { for recent.iter().map(|m| statement_link(m, lang)) }
                        </ul>
                        if !older.is_empty() {
                            <details>
                                <summary>{ Text::PaymentsOlderMonths.text(lang) }</summary>
                                <ul class="statements__list">
                                    { for older.iter().map(|m| statement_link(m, lang)) }
                                </ul>
                            </details>
                        }
                    </div>
                    <div>
                        <h3>{ Text::PaymentsAnnual.text(lang) }</h3>
                        <ul class="statements__list">
                            { for s.years.iter().map(|y| html! {
                                <li key={*y}>
                                    <DownloadLink href={format!("{}/{y}", api::paths::ANNUAL)} file_name={format!("releve-annuel-{y}.pdf")}>
                                        { format!("{} {y} (PDF)", Text::PaymentsYearSummary.text(lang)) }
                                    </DownloadLink>
                                </li>
                            }) }
                        </ul>
                    </div>
                </div>
            }
        }
    };
    html! {
        <section class="box" aria-labelledby="releves">
            <h2 id="releves" class="panel__title">{ Text::PaymentsStatementsHeading.text(lang) }</h2>
            <p>{ Text::PaymentsStatementsLead.text(lang) }</p>
            { body }
        </section>
    }
}

/// "octobre 2026 (PDF)", then "3 paiements, 120,00 €".
fn statement_link(m: &StatementMonth, lang: Lang) -> Html {
    let name = m
        .month
        .split_once('-')
        .and_then(|(y, mo)| Some((y, mo.parse::<usize>().ok()?)))
        .filter(|(_, mo)| (1..=12).contains(mo))
        .map_or_else(
            || m.month.clone(),
            |(y, mo)| format!("{} {y}", Text::MONTHS[mo - 1].text(lang)),
        );
    let payments = if m.payments == 1 {
        Text::PaymentsPaymentOne
    } else {
        Text::PaymentsPaymentMany
    };
    html! {
        <li key={m.month.clone()}>
            <DownloadLink href={format!("{}/{}", api::paths::STATEMENTS, m.month)} file_name={format!("releve-{}.pdf", m.month)}>
                { format!("{name} (PDF)") }
            </DownloadLink>
            <span class="statements__meta">
                { format!(" · {} {}, {}", m.payments, payments.text(lang), m.paid.format(lang)) }
            </span>
        </li>
    }
}
