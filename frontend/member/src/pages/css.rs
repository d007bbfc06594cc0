//! "Demander la Complémentaire santé solidaire" (`/demarches/nouvelle/css`): the household (the
//! people on the member's file, and the others they add), the resources of the last 12 months
//! by kind, and the estimate (free, or a monthly contribution by age) computed as they type by
//! the same rules as the server's (`portail_shared::css`). A renewal is only offered in the last
//! 4 months of the current rights. Filing opens the new request's page.

use std::rc::Rc;

use portail_shared::css::{
    self, CssApplication, CssContext, Estimate, OtherPerson, Outcome, Relation, ResourceKind,
    ResourceLine, Window,
};
use portail_shared::i18n::Text;
use portail_shared::reimbursements::Date;
use portail_shared::requests::{Attachment, MAX_ATTACHMENTS, Summary};
use portail_shared::{Cents, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::date_input::{DateInput, DatePart, SimpleDate, parse_date};
use crate::components::error_summary::{SummaryItem, error_summary};
use crate::components::field::{TextField, field_message, keep_field_focus};
use crate::components::file_field::FileField;
use crate::components::form::{Outcome as FormOutcome, use_form};
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::member_area::MemberArea;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::pages::requests::open_filed;
use crate::route::Route;
use crate::session::{SessionState, use_session};

const CERTIFY_ID: &str = "css-certifie";
const FILES_ID: &str = "css-pieces";
const ADD_ID: &str = "css-ajouter";

/// The ids of the others' fields (at most [`css::MAX_OTHERS`] rows).
const NAME_IDS: [&str; css::MAX_OTHERS] = [
    "css-personne-1-nom",
    "css-personne-2-nom",
    "css-personne-3-nom",
    "css-personne-4-nom",
    "css-personne-5-nom",
    "css-personne-6-nom",
    "css-personne-7-nom",
    "css-personne-8-nom",
    "css-personne-9-nom",
    "css-personne-10-nom",
];
const BIRTH_IDS: [&str; css::MAX_OTHERS] = [
    "css-personne-1-naissance",
    "css-personne-2-naissance",
    "css-personne-3-naissance",
    "css-personne-4-naissance",
    "css-personne-5-naissance",
    "css-personne-6-naissance",
    "css-personne-7-naissance",
    "css-personne-8-naissance",
    "css-personne-9-naissance",
    "css-personne-10-naissance",
];
const BIRTH_TARGETS: [&str; css::MAX_OTHERS] = [
    "css-personne-1-naissance-jour",
    "css-personne-2-naissance-jour",
    "css-personne-3-naissance-jour",
    "css-personne-4-naissance-jour",
    "css-personne-5-naissance-jour",
    "css-personne-6-naissance-jour",
    "css-personne-7-naissance-jour",
    "css-personne-8-naissance-jour",
    "css-personne-9-naissance-jour",
    "css-personne-10-naissance-jour",
];

fn resource_id(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Work => "css-ressources-work",
        ResourceKind::Benefits => "css-ressources-benefits",
        ResourceKind::Pensions => "css-ressources-pensions",
        ResourceKind::Family => "css-ressources-family",
        ResourceKind::Other => "css-ressources-other",
    }
}

/// One other person as typed.
#[derive(Debug, Clone, PartialEq, Default)]
struct Row {
    relation: Option<Relation>,
    name: String,
    birth: (String, String, String),
}

impl Row {
    fn birth(&self) -> Option<Date> {
        let (d, m, y) = &self.birth;
        parse_date(d, m, y, None)
            .ok()
            .and_then(|s| Date::parse(&s.iso()))
    }

    fn birth_iso(&self) -> String {
        let (d, m, y) = &self.birth;
        parse_date(d, m, y, None)
            .map(SimpleDate::iso)
            .unwrap_or_default()
    }
}

/// The application page.
#[component]
pub fn CssPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <CssForm /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea title={Text::TitleCss} intro={Text::CssIntro} sign_in={Text::CssSignIn} />
        },
    }
}

fn long_date(iso: &str, lang: Lang) -> String {
    SimpleDate::from_iso(iso).map_or_else(|| iso.to_owned(), |d| d.long(lang))
}

#[component]
fn CssForm() -> Html {
    let lang = use_lang();
    let context = use_state(|| None::<Result<Rc<CssContext>, AttrValue>>);
    {
        let context = context.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<CssContext>(api::paths::CSS, lang).await;
                context.set(Some(
                    answer
                        .map(Rc::new)
                        .map_err(|f| AttrValue::from(f.message(lang))),
                ));
            });
        });
    }
    let body = match &*context {
        None => html! { <p class="loading" role="status">{ Text::Loading.text(lang) }</p> },
        Some(Err(message)) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Some(Ok(context)) => match (&context.window, context.pending) {
            (_, Some(request)) => html! {
                <section class="panel panel--info" aria-labelledby="css-en-cours">
                    <h2 id="css-en-cours" class="panel__title">
                        <Icon kind={IconKind::Info} />{ Text::CssPending.text(lang) }
                    </h2>
                    <p><AppLink to={Route::Request { id: request }}>{ Text::CeamFollow.text(lang) }</AppLink></p>
                </section>
            },
            (Window::TooEarly { until, opens }, None) => html! {
                <section class="panel panel--info" aria-labelledby="css-trop-tot">
                    <h2 id="css-trop-tot" class="panel__title">
                        <Icon kind={IconKind::Info} />
                        { format!("{} {}.", Text::CssRenewal.text(lang), long_date(until, lang)) }
                    </h2>
                    <p>{ format!("{} {}.", Text::CssTooEarly.text(lang), long_date(opens, lang)) }</p>
                </section>
            },
            _ => html! { <Application context={Rc::clone(context)} /> },
        },
    };
    html! {
        <div class="narrow">
            <PageTitle text={Text::TitleCss} />
            <p class="lead">{ Text::CssIntro.text(lang) }</p>
            <p>{ Text::CssRules.text(lang) }</p>
            { body }
            <p><AppLink to={Route::Requests}>{ Text::RequestBack.text(lang) }</AppLink></p>
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct ApplicationProps {
    context: Rc<CssContext>,
}

#[component]
fn Application(props: &ApplicationProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let form = use_form();
    let rows = use_state(Vec::<Row>::new);
    let amounts = use_state(|| vec![String::new(); ResourceKind::ALL.len()]);
    let certified = use_state_eq(|| false);
    let files = use_state(Vec::<Attachment>::new);
    let uploading = use_state_eq(|| false);
    let context = &props.context;

    let lines: Vec<ResourceLine> = ResourceKind::ALL
        .into_iter()
        .zip(amounts.iter())
        .map(|(kind, amount)| ResourceLine {
            kind,
            amount: amount.clone(),
        })
        .collect();
    let readable: Cents = lines.iter().filter_map(|l| css::read_amount(l).ok()).sum();
    let births: Vec<Date> = rows.iter().filter_map(Row::birth).collect();
    let estimate = css::estimate_for(context, &births, readable);
    let mut names: Vec<String> = context.household.iter().map(|p| p.name.clone()).collect();
    names.extend(
        rows.iter()
            .filter(|r| r.birth().is_some())
            .enumerate()
            .map(|(i, r)| {
                if r.name.trim().is_empty() {
                    format!("{} {}", Text::CssPerson.text(lang), i + 1)
                } else {
                    r.name.trim().to_owned()
                }
            }),
    );

    let add = {
        let (rows, form) = (rows.clone(), form.clone());
        Callback::from(move |_: MouseEvent| {
            if rows.len() < css::MAX_OTHERS {
                let mut next = (*rows).clone();
                next.push(Row::default());
                rows.set(next);
                form.clear_server_error("others");
            }
        })
    };
    let on_certify = {
        let (certified, form) = (certified.clone(), form.clone());
        Callback::from(move |e: Event| {
            certified.set(e.target_unchecked_into::<HtmlInputElement>().checked());
            form.clear_server_error("certified");
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
        let (rows, lines, certified, files) = (
            rows.clone(),
            lines.clone(),
            certified.clone(),
            files.clone(),
        );
        let dispatch = session.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let body = CssApplication {
                others: rows
                    .iter()
                    .map(|r| OtherPerson {
                        relation: r.relation.unwrap_or(Relation::Other),
                        name: r.name.clone(),
                        birth_date: r.birth_iso(),
                    })
                    .collect(),
                resources: lines.clone(),
                certified: *certified,
                attachments: files.iter().map(|f| f.id).collect(),
            };
            let (dispatch, navigator) = (dispatch.clone(), navigator.clone());
            spawn_local(async move {
                let answer = api::post_json::<_, Summary>(api::paths::CSS, &body, lang).await;
                if let Some(filed) = submission.finish(answer, lang) {
                    open_filed(&dispatch, navigator.as_ref(), filed.id, Text::CssFiled);
                }
            });
        })
    };

    let mut summary_items: Vec<SummaryItem> = Vec::new();
    if form.outcome() == FormOutcome::Invalid {
        for i in 0..rows.len().min(css::MAX_OTHERS) {
            if let Some(m) = form.server_error(&format!("person_{i}_name")) {
                summary_items.push(SummaryItem::field(NAME_IDS[i], m));
            }
            if let Some(m) = form.server_error(&format!("person_{i}_birth")) {
                summary_items.push(SummaryItem::field(BIRTH_TARGETS[i], m));
            }
        }
        if let Some(m) = form.server_error("others") {
            summary_items.push(SummaryItem::field(ADD_ID, m));
        }
        for kind in ResourceKind::ALL {
            if let Some(m) = form.server_error(kind.field()) {
                summary_items.push(SummaryItem::field(resource_id(kind), m));
            }
        }
        for (field, id) in [("certified", CERTIFY_ID), ("attachments", FILES_ID)] {
            if let Some(m) = form.server_error(field) {
                summary_items.push(SummaryItem::field(id, m));
            }
        }
    } else {
        summary_items = form.summary(&[]);
    }
    let certify_error = form.server_error("certified");

    let person_rows = rows.iter().enumerate().take(css::MAX_OTHERS).map(|(i, row)| {
        let update = |f: fn(&mut Row, String), field: String| {
            let (rows, form) = (rows.clone(), form.clone());
            Callback::from(move |value: String| {
                let mut next = (*rows).clone();
                if let Some(r) = next.get_mut(i) {
                    f(r, value);
                }
                rows.set(next);
                form.clear_server_error(&field);
            })
        };
        let on_name = update(|r, v| r.name = v, format!("person_{i}_name"));
        let on_relation = {
            let (rows, form) = (rows.clone(), form.clone());
            Callback::from(move |e: Event| {
                let code = e.target_unchecked_into::<HtmlSelectElement>().value();
                let mut next = (*rows).clone();
                if let Some(r) = next.get_mut(i) {
                    r.relation = Relation::ALL.into_iter().find(|x| x.code() == code);
                }
                rows.set(next);
                form.clear_server_error("others");
            })
        };
        let on_birth = {
            let (rows, form) = (rows.clone(), form.clone());
            Callback::from(move |(part, value): (DatePart, String)| {
                let mut next = (*rows).clone();
                if let Some(r) = next.get_mut(i) {
                    match part {
                        DatePart::Day => r.birth.0 = value,
                        DatePart::Month => r.birth.1 = value,
                        DatePart::Year => r.birth.2 = value,
                    }
                }
                rows.set(next);
                form.clear_server_error(&format!("person_{i}_birth"));
            })
        };
        let remove = {
            let (rows, form) = (rows.clone(), form.clone());
            Callback::from(move |_: MouseEvent| {
                let mut next = (*rows).clone();
                if i < next.len() {
                    next.remove(i);
                }
                rows.set(next);
                form.clear_server_error(&format!("person_{i}_name"));
                form.clear_server_error(&format!("person_{i}_birth"));
            })
        };
        let relation_id = format!("css-personne-{}-lien", i + 1);
        let legend = format!("{} {}", Text::CssPerson.text(lang), i + 1);
        html! {
            <fieldset class="fieldset css-person" key={i}>
                <legend class="field__label">{ legend.clone() }</legend>
                <div class="field">
                    <label class="field__label" for={relation_id.clone()}>{ Text::CssPersonRelation.text(lang) }</label>
                    <select class="field__select" id={relation_id} onchange={on_relation}>
                        { for Relation::ALL.into_iter().map(|r| html! {
                            <option value={r.code()} selected={row.relation.unwrap_or(Relation::Partner) == r}>{ r.label(lang) }</option>
                        }) }
                    </select>
                </div>
                <TextField
                    id={NAME_IDS[i]}
                    label={Text::CssPersonName.text(lang)}
                    value={row.name.clone()}
                    autocomplete="off"
                    error={form.server_error(&format!("person_{i}_name"))}
                    on_input={on_name}
                />
                <DateInput
                    id={BIRTH_IDS[i]}
                    legend={Text::CssPersonBirth.text(lang)}
                    hint={Text::CssPersonBirthHint.text(lang)}
                    day={row.birth.0.clone()}
                    month={row.birth.1.clone()}
                    year={row.birth.2.clone()}
                    error={form.server_error(&format!("person_{i}_birth"))}
                    on_input={on_birth}
                />
                <button type="button" class="button button--secondary" onclick={remove}>
                    { Text::CssRemovePerson.text(lang) }
                    <span class="visually-hidden">{ format!(" ({legend})") }</span>
                </button>
            </fieldset>
        }
    });

    html! {
        <>
            if !summary_items.is_empty() {
                { error_summary(&summary_items, lang) }
            }
            if let Window::Renewal { until } = &context.window {
                <section class="panel panel--info" aria-labelledby="css-renouvellement">
                    <h2 id="css-renouvellement" class="panel__title">
                        <Icon kind={IconKind::Info} />
                        { format!("{} {}.", Text::CssRenewal.text(lang), long_date(until, lang)) }
                    </h2>
                    <p>{ Text::CssRenewalNow.text(lang) }</p>
                </section>
            }
            <form class="form" novalidate=true {onsubmit}>
                <section aria-labelledby="css-foyer">
                    <h2 id="css-foyer">{ Text::CssHousehold.text(lang) }</h2>
                    <p>{ Text::CssHouseholdRoll.text(lang) }</p>
                    <ul class="css-roll">
                        { for context.household.iter().map(|p| html! {
                            <li>{ format!("{} ({})", p.name, long_date(&p.birth_date, lang)) }</li>
                        }) }
                    </ul>
                    <h3>{ Text::CssOthers.text(lang) }</h3>
                    <p class="field__hint">{ Text::CssOthersHint.text(lang) }</p>
                    { for person_rows }
                    { field_message(ADD_ID, form.server_error("others").as_ref(), lang) }
                    if rows.len() < css::MAX_OTHERS {
                        <button type="button" id={ADD_ID} class="button button--secondary" onclick={add}>
                            { Text::CssAddPerson.text(lang) }
                        </button>
                    }
                </section>
                <fieldset class="fieldset">
                    <legend class="field__label">{ Text::CssResources.text(lang) }</legend>
                    <p class="field__hint">{ Text::CssResourcesHint.text(lang) }</p>
                    { for ResourceKind::ALL.into_iter().enumerate().map(|(i, kind)| {
                        let on_input = {
                            let (amounts, form) = (amounts.clone(), form.clone());
                            Callback::from(move |value: String| {
                                let mut next = (*amounts).clone();
                                next[i] = value;
                                amounts.set(next);
                                form.clear_server_error(kind.field());
                            })
                        };
                        html! {
                            <TextField
                                id={resource_id(kind)}
                                label={kind.label(lang)}
                                value={amounts[i].clone()}
                                inputmode="decimal"
                                autocomplete="off"
                                error={form.server_error(kind.field())}
                                {on_input}
                            />
                        }
                    }) }
                </fieldset>
                if let Some(estimate) = estimate {
                    <EstimateView {estimate} names={names} />
                }
                <div class={classes!("field", certify_error.is_some().then_some("field--error"))}>
                    { field_message(CERTIFY_ID, certify_error.as_ref(), lang) }
                    <div class="checkbox">
                        <input class="checkbox__input" type="checkbox" id={CERTIFY_ID}
                            checked={*certified} onchange={on_certify}
                            aria-invalid={certify_error.is_some().then_some("true")}
                            aria-describedby={format!("{CERTIFY_ID}-message")} />
                        <label class="checkbox__label" for={CERTIFY_ID}>{ Text::CssCertify.text(lang) }</label>
                    </div>
                </div>
                <FileField
                    id={FILES_ID}
                    label={Text::CssFiles.text(lang)}
                    hint={Text::CssFilesHint.text(lang)}
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
                        { Text::CssSending.text(lang) }
                    } else {
                        { Text::CssSubmit.text(lang) }
                    }
                </button>
            </form>
        </>
    }
}

/// Properties of [`EstimateView`].
#[derive(Properties, PartialEq, Clone)]
pub struct EstimateViewProps {
    /// The estimate.
    pub estimate: Estimate,
    /// Each person's name, in the estimate's order.
    pub names: Vec<String>,
}

/// The estimate: free, a contribution (each person's and the total), or over the ceilings;
/// the ceilings for this household, and the rights' period. A polite live region: it changes
/// as the member types.
#[component]
pub fn EstimateView(props: &EstimateViewProps) -> Html {
    let lang = use_lang();
    let (e, names) = (&props.estimate, &props.names);
    let (tone, headline) = match e.outcome {
        Outcome::Free => (
            "panel--success",
            Text::CssEstimateFree.text(lang).to_owned(),
        ),
        Outcome::Contribution => (
            "panel--info",
            format!(
                "{} {}.",
                Text::CssEstimateContribution.text(lang),
                e.monthly.format(lang)
            ),
        ),
        Outcome::Over => (
            "panel--warning",
            Text::CssEstimateOver.text(lang).to_owned(),
        ),
    };
    html! {
        <section id="css-estimation" class={classes!("panel", tone)} aria-labelledby="css-estimation-titre" aria-live="polite">
            <h2 id="css-estimation-titre" class="panel__title">{ Text::CssEstimate.text(lang) }</h2>
            <p><strong>{ headline }</strong></p>
            if e.outcome == Outcome::Contribution {
                <ul>
                    { for names.iter().zip(&e.per_person).map(|(name, amount)| html! {
                        <li>{ format!("{name} : {} {}", amount.format(lang), Text::CssEstimatePerPerson.text(lang))
                            .replace(" : ", if lang == Lang::Fr { "\u{a0}: " } else { ": " }) }</li>
                    }) }
                </ul>
            }
            <dl class="details">
                <div><dt>{ Text::CssEstimateTotal.text(lang) }</dt><dd>{ e.resources.format(lang) }</dd></div>
                <div><dt>{ Text::CssEstimateCeilingFree.text(lang) }</dt><dd>{ e.free_ceiling.format(lang) }</dd></div>
                <div><dt>{ Text::CssEstimateCeilingContribution.text(lang) }</dt><dd>{ e.contribution_ceiling.format(lang) }</dd></div>
            </dl>
            if e.outcome != Outcome::Over {
                <p>{ format!("{} {} {} {}.", Text::CssEstimateRights.text(lang), long_date(&e.rights_from, lang),
                    Text::CssEstimateTo.text(lang), long_date(&e.rights_until, lang)) }</p>
            }
            <p class="field__hint">{ Text::CssEstimateNote.text(lang) }</p>
        </section>
    }
}
