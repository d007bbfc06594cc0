//! "Estimer un remboursement" (`/remboursements/simulateur`): a planned doctor's visit computed
//! by the server with the payment rules. Open to everyone; nothing is stored.

use portail_shared::i18n::Text;
use portail_shared::reimbursements::simulator::{
    Doctor, SectorChoice, Simulation, SimulationRequest, Situation,
};
use portail_shared::{Cents, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::error_summary::error_summary;
use crate::components::field::{TextField, keep_field_focus};
use crate::components::form::use_form;
use crate::components::icons::spinner;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;

const AGE_ID: &str = "age";
const PRICE_ID: &str = "prix";
const RESULT_ID: &str = "estimation";

const DOCTORS: [(Doctor, Text); 5] = [
    (Doctor::Gp, Text::SimGp),
    (Doctor::Gynaecologist, Text::SimGynaecologist),
    (Doctor::Ophthalmologist, Text::SimOphthalmologist),
    (Doctor::Psychiatrist, Text::SimPsychiatrist),
    (Doctor::OtherSpecialist, Text::SimOtherSpecialist),
];

const SECTORS: [(SectorChoice, &str, Text); 3] = [
    (SectorChoice::One, "one", Text::SimSectorOne),
    (SectorChoice::TwoOptam, "two_optam", Text::SimSectorTwoOptam),
    (
        SectorChoice::TwoNonOptam,
        "two_non_optam",
        Text::SimSectorTwoNonOptam,
    ),
];

const SITUATIONS: [(Situation, &str, Text); 5] = [
    (Situation::None, "none", Text::SimSituationNone),
    (
        Situation::PregnantSixthMonth,
        "pregnant",
        Text::SimSituationPregnant,
    ),
    (Situation::Ald, "ald", Text::SimSituationAld),
    (Situation::Css, "css", Text::SimSituationCss),
    (Situation::Ame, "ame", Text::SimSituationAme),
];

/// The simulator page.
#[component]
pub fn SimulatorPage() -> Html {
    let lang = use_lang();
    let form = use_form();
    let request = use_state(|| SimulationRequest {
        doctor: Doctor::Gp,
        sector: SectorChoice::One,
        in_parcours: true,
        age: String::new(),
        situation: Situation::None,
        price: String::new(),
    });
    let result = use_state(|| None::<Simulation>);
    // Focus moves to a new estimate, so keyboard and screen-reader users land on it.
    {
        let shown = result.is_some();
        use_effect_with((*result).clone(), move |_| {
            if shown {
                crate::browser::focus_id(RESULT_ID);
            }
        });
    }
    let set = |change: fn(&mut SimulationRequest, String), field: Option<&'static str>| {
        let request = request.clone();
        let result = result.clone();
        let form = form.clone();
        Callback::from(move |value: String| {
            let mut next = (*request).clone();
            change(&mut next, value);
            request.set(next);
            result.set(None);
            if let Some(field) = field {
                form.clear_server_error(field);
            }
        })
    };
    let on_select = |on: Callback<String>| {
        Callback::from(move |e: Event| {
            on.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_radio = |on: Callback<String>, value: &'static str| {
        Callback::from(move |e: Event| {
            if e.target_unchecked_into::<HtmlInputElement>().checked() {
                on.emit(value.to_owned());
            }
        })
    };
    let onsubmit = {
        let form = form.clone();
        let request = request.clone();
        let result = result.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let body = (*request).clone();
            let result = result.setter();
            spawn_local(async move {
                let answer =
                    api::post_json::<_, Simulation>(api::paths::SIMULATE, &body, lang).await;
                if let Some(simulation) = submission.finish(answer, lang) {
                    result.set(Some(simulation));
                }
            });
        })
    };
    let age_error = form.server_error("age");
    let price_error = form.server_error("price");
    let summary = form.summary(&[(AGE_ID, age_error.clone()), (PRICE_ID, price_error.clone())]);
    let doctor_change = set(
        |r, v| {
            r.doctor = DOCTORS
                .iter()
                .map(|(d, _)| *d)
                .find(|d| doctor_code(*d) == v)
                .unwrap_or(Doctor::Gp);
        },
        None,
    );
    let parcours_change = set(|r, v| r.in_parcours = v == "oui", None);
    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleSimulator} />
            <p class="lead">{ Text::SimLead.text(lang) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <fieldset class="fieldset">
                    <legend class="field__label">{ Text::SimDoctor.text(lang) }</legend>
                    { for DOCTORS.iter().map(|(doctor, words)| {
                        let id = format!("medecin-{}", doctor_code(*doctor));
                        html! {
                            <div class="checkbox">
                                <input class="checkbox__input" type="radio" name="medecin" id={id.clone()}
                                    checked={request.doctor == *doctor}
                                    onchange={on_radio(doctor_change.clone(), doctor_code(*doctor))} />
                                <label class="checkbox__label" for={id}>{ words.text(lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <div class="field">
                    <label class="field__label" for="secteur">{ Text::SimSector.text(lang) }</label>
                    <p class="field__hint" id="secteur-aide">{ Text::SimSectorHint.text(lang) }</p>
                    <select id="secteur" class="field__select" aria-describedby="secteur-aide"
                        onchange={on_select(set(|r, v| r.sector = SECTORS.iter().find(|s| s.1 == v).map_or(SectorChoice::One, |s| s.0), None))}>
                        { for SECTORS.iter().map(|(sector, code, words)| html! {
                            <option value={*code} selected={request.sector == *sector}>{ words.text(lang) }</option>
                        }) }
                    </select>
                </div>
                <fieldset class="fieldset" aria-describedby="parcours-aide">
                    <legend class="field__label">{ Text::SimParcours.text(lang) }</legend>
                    <p class="field__hint" id="parcours-aide">{ Text::SimParcoursHint.text(lang) }</p>
                    <div class="checkbox">
                        <input class="checkbox__input" type="radio" name="parcours" id="parcours-oui"
                            checked={request.in_parcours} onchange={on_radio(parcours_change.clone(), "oui")} />
                        <label class="checkbox__label" for="parcours-oui">{ Text::Yes.text(lang) }</label>
                    </div>
                    <div class="checkbox">
                        <input class="checkbox__input" type="radio" name="parcours" id="parcours-non"
                            checked={!request.in_parcours} onchange={on_radio(parcours_change, "non")} />
                        <label class="checkbox__label" for="parcours-non">{ Text::No.text(lang) }</label>
                    </div>
                </fieldset>
                <TextField
                    id={AGE_ID}
                    label={Text::SimAge.text(lang)}
                    value={AttrValue::from(request.age.clone())}
                    error={age_error}
                    inputmode={Some(AttrValue::from("numeric"))}
                    on_input={set(|r, v| r.age = v, Some("age"))}
                />
                <div class="field">
                    <label class="field__label" for="situation">{ Text::SimSituation.text(lang) }</label>
                    <select id="situation" class="field__select"
                        onchange={on_select(set(|r, v| r.situation = SITUATIONS.iter().find(|s| s.1 == v).map_or(Situation::None, |s| s.0), None))}>
                        { for SITUATIONS.iter().map(|(situation, code, words)| html! {
                            <option value={*code} selected={request.situation == *situation}>{ words.text(lang) }</option>
                        }) }
                    </select>
                </div>
                <TextField
                    id={PRICE_ID}
                    label={Text::SimPrice.text(lang)}
                    hint={Some(AttrValue::from(Text::SimPriceHint.text(lang)))}
                    value={AttrValue::from(request.price.clone())}
                    error={price_error}
                    inputmode={Some(AttrValue::from("decimal"))}
                    on_input={set(|r, v| r.price = v, Some("price"))}
                />
                <button type="submit" class="button button--large" disabled={form.busy()} onmousedown={keep_field_focus()}>
                    if form.busy() {
                        { spinner() }
                        { Text::SimSending.text(lang) }
                    } else {
                        { Text::SimSubmit.text(lang) }
                    }
                </button>
            </form>
            if let Some(simulation) = &*result {
                { estimate(simulation, lang) }
            }
        </div>
    }
}

fn doctor_code(doctor: Doctor) -> &'static str {
    match doctor {
        Doctor::Gp => "generaliste",
        Doctor::Gynaecologist => "gynecologue",
        Doctor::Ophthalmologist => "ophtalmologue",
        Doctor::Psychiatrist => "psychiatre",
        Doctor::OtherSpecialist => "specialiste",
    }
}

/// The estimate: what comes back, what is left, how.
pub fn estimate(s: &Simulation, lang: Lang) -> Html {
    let money = |c: Cents| c.format(lang);
    html! {
        <section id={RESULT_ID} class="panel panel--info" tabindex="-1" aria-labelledby="estimation-titre">
            <h2 id="estimation-titre" class="panel__title">{ Text::SimResultHeading.text(lang) }</h2>
            <dl class="totals">
                <div><dt>{ Text::SimReimbursed.text(lang) }</dt><dd>{ money(s.reimbursed) }</dd></div>
                <div><dt>{ Text::SimRemaining.text(lang) }</dt><dd>{ money(s.remaining) }</dd></div>
            </dl>
            <p class="explanation">{ s.explanation.clone() }</p>
            if !s.notes.is_empty() {
                <ul>
                    { for s.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                </ul>
            }
            <p class="field__hint">{ Text::SimDisclaimer.text(lang) }</p>
        </section>
    }
}
