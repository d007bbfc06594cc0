//! "Médecin traitant" (`/medecin-traitant`): each person of the household with their declared
//! doctor, and declaring one (`/medecin-traitant/:person/declarer`): search the directory,
//! choose, confirm; the declaration becomes a request whose page opens.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::doctor::{
    self, Declarant, Declaration, Person, Professional, SPECIALTIES, Search,
};
use portail_shared::i18n::Text;
use portail_shared::requests::Summary;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiFailure};
use crate::components::date_input::SimpleDate;
use crate::components::error_summary::error_summary;
use crate::components::field::field_message;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::member_area::MemberArea;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::pages::requests::open_filed;
use crate::route::Route;
use crate::session::{SessionState, use_session};

const NAME_ID: &str = "recherche-nom";
const CITY_ID: &str = "recherche-ville";
const SPECIALTY_ID: &str = "recherche-specialite";
const DOCTOR_ID: &str = "medecin-choisi";
const AGREED_ID: &str = "accord-medecin";
const TEEN_ID: &str = "choix-adolescent";

/// What a page knows of the household.
#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<Vec<Person>>),
    Failed(AttrValue),
}

#[hook]
fn use_household() -> UseStateHandle<Loaded> {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<Vec<Person>>(api::paths::DOCTOR, lang).await;
                loaded.set(match answer {
                    Ok(people) => Loaded::Ready(Rc::new(people)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    loaded
}

/// The household's médecins traitants.
#[component]
pub fn DoctorPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <MemberDoctors /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea title={Text::TitleDoctor} intro={Text::DoctorIntro} sign_in={Text::DoctorSignIn} />
        },
    }
}

#[component]
fn MemberDoctors() -> Html {
    let lang = use_lang();
    let loaded = use_household();
    let body = match &*loaded {
        Loaded::Loading => html! {
            <p class="loading" role="status">{ Text::DoctorLoading.text(lang) }</p>
        },
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(people) => html! { <Household people={Rc::clone(people)} /> },
    };
    html! {
        <>
            <PageTitle text={Text::TitleDoctor} />
            <p class="lead">{ Text::DoctorIntro.text(lang) }</p>
            { body }
        </>
    }
}

/// Properties of [`Household`].
#[derive(Properties, PartialEq, Clone)]
pub struct HouseholdProps {
    /// The member, then their minor dependants.
    pub people: Rc<Vec<Person>>,
}

/// One card per person: the declared doctor, a pending declaration, or how to declare one.
#[component]
pub fn Household(props: &HouseholdProps) -> Html {
    let lang = use_lang();
    html! {
        <ul class="attestations">
            { for props.people.iter().map(|p| person_card(p, lang)) }
        </ul>
    }
}

fn long(iso: &str, lang: Lang) -> String {
    SimpleDate::from_iso(iso).map_or_else(|| iso.to_owned(), |d| d.long(lang))
}

fn rule(declarant: Declarant) -> Text {
    match declarant {
        Declarant::Adult => Text::DoctorRuleAdult,
        Declarant::Parent => Text::DoctorRuleParent,
        Declarant::TeenWithParent => Text::DoctorRuleTeen,
    }
}

fn sector(p: &Professional) -> Option<Text> {
    match p.sector? {
        1 => Some(Text::DoctorSector1),
        _ => Some(Text::DoctorSector2),
    }
}

fn doctor_lines(d: &Professional, lang: Lang) -> Html {
    html! {
        <>
            <strong>{ d.name.clone() }</strong>
            { format!(" — {}", doctor::specialty_label(&d.specialty, lang)) }<br />
            { format!("{}, {} {}", d.address, d.postal_code, d.city) }
            if let Some(sector) = sector(d) {
                <br />{ sector.text(lang) }
            }
            if !d.phone.is_empty() {
                <br />{ d.phone.clone() }
            }
        </>
    }
}

fn person_card(p: &Person, lang: Lang) -> Html {
    let heading = format!("medecin-{}", p.id);
    let action = if p.declared.is_some() {
        Text::DoctorChangeFor
    } else {
        Text::DoctorDeclareFor
    };
    html! {
        <li key={p.id} class="attestation-card" aria-labelledby={heading.clone()}>
            <h2 id={heading} class="attestation-card__name">{ p.name.clone() }</h2>
            if let Some(declared) = &p.declared {
                <p>{ doctor_lines(&declared.doctor, lang) }</p>
                <p>{ format!("{} {}", Text::DoctorSince.text(lang), long(&declared.since, lang)) }</p>
            } else {
                <p class="status-line status-line--warning">
                    <Icon kind={IconKind::Warning} />{ Text::DoctorNone.text(lang) }
                </p>
            }
            if let Some(request) = p.pending {
                <p>{ Text::DoctorPending.text(lang) }</p>
                <p><AppLink to={Route::Request { id: request }}>{ Text::DoctorPendingLink.text(lang) }</AppLink></p>
            } else {
                <p class="field__hint">{ rule(p.declarant).text(lang) }</p>
                <p>
                    <AppLink to={Route::DoctorDeclare { person: p.id }} classes={classes!("button", "button--secondary")}>
                        { format!("{} {}", action.text(lang), p.name) }
                    </AppLink>
                </p>
            }
        </li>
    }
}

/// Properties of [`DeclarePage`].
#[derive(Properties, PartialEq, Clone)]
pub struct DeclareProps {
    /// The person (roll id).
    pub person: i64,
}

/// Declaring a médecin traitant for one person.
#[component]
pub fn DeclarePage(props: &DeclareProps) -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <DeclareLoader person={props.person} /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea title={Text::TitleDoctorDeclare} intro={Text::DoctorIntro} sign_in={Text::DoctorSignIn} />
        },
    }
}

#[component]
fn DeclareLoader(props: &DeclareProps) -> Html {
    let lang = use_lang();
    let loaded = use_household();
    let body = match &*loaded {
        Loaded::Loading => html! {
            <>
                <PageTitle text={Text::TitleDoctorDeclare} />
                <p class="loading" role="status">{ Text::DoctorLoading.text(lang) }</p>
            </>
        },
        Loaded::Failed(message) => html! {
            <>
                <PageTitle text={Text::TitleDoctorDeclare} />
                <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
            </>
        },
        Loaded::Ready(people) => match people.iter().find(|p| p.id == props.person) {
            Some(person) => html! { <DeclareForm person={person.clone()} /> },
            None => html! {
                <>
                    <PageTitle text={Text::TitleDoctorDeclare} />
                    <p class="status-line status-line--error" role="alert">{ Text::TitleNotFound.text(lang) }</p>
                </>
            },
        },
    };
    html! {
        <div class="narrow">
            { body }
            <p><AppLink to={Route::Doctor}>{ Text::DoctorBack.text(lang) }</AppLink></p>
        </div>
    }
}

/// Properties of [`DeclareForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct DeclareFormProps {
    /// Who the doctor is declared for.
    pub person: Person,
}

/// Where the directory search stands.
#[derive(Debug, Clone, PartialEq)]
enum Found {
    NotYet,
    Searching,
    Answer(Rc<Vec<Professional>>),
}

/// Search, choose, confirm, send.
#[component]
pub fn DeclareForm(props: &DeclareFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let form = use_form();
    let search = use_state(Search::default);
    let search_error = use_state(|| None::<(String, AttrValue)>);
    let found = use_state(|| Found::NotYet);
    let chosen = use_state(|| 0_i64);
    let agreed = use_state(|| false);
    let teen_chose = use_state(|| false);
    let teen = props.person.declarant == Declarant::TeenWithParent;

    let on_text = |field: &'static str| {
        let (search, search_error) = (search.clone(), search_error.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*search).clone();
            match field {
                "name" => next.name = value,
                _ => next.city = value,
            }
            search.set(next);
            search_error.set(None);
        })
    };
    let on_specialty = {
        let search = search.clone();
        Callback::from(move |e: Event| {
            let mut next = (*search).clone();
            next.specialty = e.target_unchecked_into::<HtmlSelectElement>().value();
            search.set(next);
        })
    };
    let on_search = {
        let (search, search_error, found, chosen, form) = (
            search.clone(),
            search_error.clone(),
            found.clone(),
            chosen.clone(),
            form.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Err(problem) = doctor::check_search(&search) {
                search_error.set(Some((
                    problem.field().to_owned(),
                    problem.message(lang).into(),
                )));
                crate::browser::focus_id(NAME_ID);
                return;
            }
            found.set(Found::Searching);
            chosen.set(0);
            form.clear_server_error("doctor");
            let path = format!("{}?{}", api::paths::PROFESSIONALS, search.to_query());
            let (found, search_error) = (found.clone(), search_error.clone());
            spawn_local(async move {
                match api::get_json::<Vec<Professional>>(&path, lang).await {
                    Ok(list) => found.set(Found::Answer(Rc::new(list))),
                    Err(failure) => {
                        found.set(Found::NotYet);
                        let message = match &failure {
                            ApiFailure::Api(error) => error
                                .fields
                                .values()
                                .next()
                                .cloned()
                                .unwrap_or_else(|| failure.message(lang)),
                            _ => failure.message(lang),
                        };
                        search_error.set(Some(("name".to_owned(), message.into())));
                    }
                }
            });
        })
    };
    let onsubmit = {
        let form = form.clone();
        let (chosen, agreed, teen_chose) = (chosen.clone(), agreed.clone(), teen_chose.clone());
        let dispatch = session.dispatch.clone();
        let person = props.person.id;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let body = Declaration {
                person,
                doctor: *chosen,
                teen_chose: *teen_chose,
                doctor_agreed: *agreed,
            };
            let (dispatch, navigator) = (dispatch.clone(), navigator.clone());
            spawn_local(async move {
                let answer = api::post_json::<_, Summary>(api::paths::DOCTOR, &body, lang).await;
                if let Some(filed) = submission.finish(answer, lang) {
                    open_filed(&dispatch, navigator.as_ref(), filed.id, Text::DoctorFiled);
                }
            });
        })
    };

    let doctor_error = form.server_error("doctor");
    let agreed_error = form.server_error("doctor_agreed");
    let teen_error = form.server_error("teen_chose");
    let summary = form.summary(&[
        (DOCTOR_ID, doctor_error.clone()),
        (TEEN_ID, teen_error.clone()),
        (AGREED_ID, agreed_error.clone()),
    ]);
    let search_message = search_error.as_ref().map(|(_, m)| m.clone());
    let checkbox = |id: &'static str,
                    label: Text,
                    state: &UseStateHandle<bool>,
                    field: &'static str,
                    error: &Option<AttrValue>| {
        let onchange = {
            let (state, form) = (state.clone(), form.clone());
            Callback::from(move |e: Event| {
                state.set(e.target_unchecked_into::<HtmlInputElement>().checked());
                form.clear_server_error(field);
            })
        };
        html! {
            <div class={classes!("field", error.is_some().then_some("field--error"))}>
                { field_message(id, error.as_ref(), lang) }
                <div class="checkbox">
                    <input class="checkbox__input" type="checkbox" id={id} checked={**state}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={format!("{id}-message")} {onchange} />
                    <label class="checkbox__label" for={id}>{ label.text(lang) }</label>
                </div>
            </div>
        }
    };
    let results = match &*found {
        Found::NotYet => html! {},
        Found::Searching => {
            html! { <p class="loading" role="status">{ Text::DoctorSearching.text(lang) }</p> }
        }
        Found::Answer(list) if list.is_empty() => html! {
            <p role="status">{ Text::DoctorNoResult.text(lang) }</p>
        },
        Found::Answer(list) => html! {
            <fieldset class={classes!("fieldset", doctor_error.is_some().then_some("field--error"))}
                aria-describedby={format!("{DOCTOR_ID}-message")}>
                <legend class="field__label">{ Text::DoctorResults.text(lang) }</legend>
                <p class="field__hint" role="status">{ format!("{} {}", list.len(), Text::DoctorResultsCount.text(lang)) }</p>
                { field_message(DOCTOR_ID, doctor_error.as_ref(), lang) }
                { for list.iter().enumerate().map(|(i, d)| {
                    let id = if i == 0 { DOCTOR_ID.to_owned() } else { format!("medecin-{}", d.id) };
                    let onchange = {
                        let (chosen, form, doctor) = (chosen.clone(), form.clone(), d.id);
                        Callback::from(move |_: Event| {
                            chosen.set(doctor);
                            form.clear_server_error("doctor");
                        })
                    };
                    html! {
                        <div class="checkbox" key={d.id}>
                            <input class="checkbox__input" type="radio" name="medecin" id={id.clone()}
                                checked={*chosen == d.id} {onchange} />
                            <label class="checkbox__label" for={id}>{ doctor_lines(d, lang) }</label>
                        </div>
                    }
                }) }
            </fieldset>
        },
    };
    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleDoctorDeclare} />
            <p class="lead">{ format!("{} {}", Text::DoctorDeclareFor.text(lang), props.person.name) }</p>
            <section class="panel panel--info" aria-label={Text::TitleDoctor.text(lang)}>
                <p>{ rule(props.person.declarant).text(lang) }</p>
                <p>{ Text::DoctorIntro.text(lang) }</p>
            </section>
            <form class="form" novalidate=true role="search" onsubmit={on_search}>
                <h2>{ Text::DoctorSearchHeading.text(lang) }</h2>
                <div class={classes!("field", search_message.is_some().then_some("field--error"))}>
                    <label class="field__label" for={NAME_ID}>{ Text::DoctorSearchName.text(lang) }</label>
                    <p class="field__hint" id={format!("{NAME_ID}-aide")}>{ Text::DoctorSearchNameHint.text(lang) }</p>
                    { field_message(NAME_ID, search_message.as_ref(), lang) }
                    <input class="field__input" type="text" id={NAME_ID} autocomplete="off" spellcheck="false"
                        aria-invalid={search_message.is_some().then_some("true")}
                        aria-describedby={format!("{NAME_ID}-aide {NAME_ID}-message")}
                        value={search.name.clone()} oninput={on_text("name")} />
                </div>
                <div class="field">
                    <label class="field__label" for={CITY_ID}>{ Text::DoctorSearchCity.text(lang) }</label>
                    <input class="field__input" type="text" id={CITY_ID} autocomplete="address-level2"
                        value={search.city.clone()} oninput={on_text("city")} />
                </div>
                <div class="field">
                    <label class="field__label" for={SPECIALTY_ID}>{ Text::DoctorSearchSpecialty.text(lang) }</label>
                    <select class="field__input" id={SPECIALTY_ID} onchange={on_specialty}>
                        <option value="" selected={search.specialty.is_empty()}>{ Text::DoctorSearchAny.text(lang) }</option>
                        { for SPECIALTIES.iter().map(|s| html! {
                            <option value={*s} selected={search.specialty == *s}>{ doctor::specialty_label(s, lang) }</option>
                        }) }
                    </select>
                </div>
                <button class="button button--secondary" type="submit">{ Text::DoctorSearchSubmit.text(lang) }</button>
            </form>
            <form class="form" novalidate=true {onsubmit}>
                { results }
                <h2>{ Text::DoctorConfirmHeading.text(lang) }</h2>
                if teen {
                    { checkbox(TEEN_ID, Text::DoctorTeenChose, &teen_chose, "teen_chose", &teen_error) }
                }
                { checkbox(AGREED_ID, Text::DoctorAgreed, &agreed, "doctor_agreed", &agreed_error) }
                <button class="button button--primary" type="submit" disabled={form.busy()}>
                    if form.busy() {
                        { spinner() }
                        { Text::DoctorSending.text(lang) }
                    } else {
                        { Text::DoctorSubmit.text(lang) }
                    }
                </button>
            </form>
        </>
    }
}
