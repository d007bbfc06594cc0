//! Creating an account, first step (`/creer-mon-compte`): NIR, birth date and e-mail; the fund
//! posts a letter with an activation code to the address it has on file.
//!
//! The server says precisely what is wrong (unknown number, birth date, an account that already
//! exists) because the member needs to know what to do; it never shows anyone else's data.

use portail_shared::Lang;
use portail_shared::activation::{LetterOrdered, LetterRequest, parse_email};
use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::browser;
use crate::components::date_input::{
    DateInput, DatePart, DateProblem, SimpleDate, parse_date, use_today,
};
use crate::components::error_summary::error_summary;
use crate::components::field::{TextField, keep_field_focus};
use crate::components::form::{Outcome, use_form};
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::nir_field::{NIR_ID, NirCheck, NirField, nir_is_well_formed};
use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::components::throttle::ThrottlePanel;
use crate::config::use_config;
use crate::lang::use_lang;
use crate::route::Route;

/// The birth date's ids start with this.
const BIRTH_DATE_ID: &str = "date-naissance";
/// The day box, first of the three (the summary links there).
const BIRTH_DAY_ID: &str = "date-naissance-jour";
/// The e-mail field.
const EMAIL_ID: &str = "adresse-email";
/// The confirmation panel (focused when it appears).
const SENT_ID: &str = "courrier-envoye";

/// The three boxes of the birth date.
#[derive(Debug, Clone, PartialEq, Default)]
struct DateParts {
    day: String,
    month: String,
    year: String,
}

/// What is wrong with the typed e-mail address, once judged.
pub fn email_error(
    input: &str,
    touched: bool,
    submitted: bool,
    lang: Lang,
) -> Option<&'static str> {
    match parse_email(input) {
        Ok(_) => None,
        Err(problem)
            if (input.trim().is_empty() && submitted)
                || (!input.trim().is_empty() && (touched || submitted)) =>
        {
            Some(problem.message(lang))
        }
        Err(_) => None,
    }
}

/// The birth date's message, once judged.
fn date_error(
    date: &DateParts,
    today: Option<SimpleDate>,
    touched: bool,
    submitted: bool,
    lang: Lang,
) -> Option<AttrValue> {
    let problem = parse_date(&date.day, &date.month, &date.year, today).err()?;
    let judged = match problem {
        DateProblem::Empty => submitted,
        DateProblem::Incomplete => touched || submitted,
        DateProblem::NotReal | DateProblem::Future => true,
    };
    judged.then(|| AttrValue::from(problem.birth_date_text().text(lang)))
}

/// The first step of creating an account.
#[component]
pub fn CreateAccountPage() -> Html {
    let lang = use_lang();
    let config = use_config();
    let form = use_form();
    let nir = use_state(String::new);
    let nir_touched = use_state_eq(|| false);
    let date = use_state(DateParts::default);
    let date_touched = use_state_eq(|| false);
    let email = use_state(String::new);
    let email_touched = use_state_eq(|| false);
    let sent = use_state(|| None::<LetterOrdered>);
    let today = use_today();
    use_effect_with(sent.is_some(), |shown| {
        if *shown {
            browser::focus_id(SENT_ID);
        }
    });

    let submitted = form.submitted();
    let nir_check = NirCheck::new(
        &nir,
        *nir_touched,
        submitted,
        form.server_error("nir"),
        lang,
    );
    let birth_error = form
        .server_error("birth_date")
        .or_else(|| date_error(&date, today, *date_touched, submitted, lang));
    let mail_error = form
        .server_error("email")
        .or_else(|| email_error(&email, *email_touched, submitted, lang).map(AttrValue::from));

    let on_nir_input = {
        let (nir, form) = (nir.clone(), form.clone());
        Callback::from(move |value: String| {
            form.clear_server_error("nir");
            nir.set(value);
        })
    };
    let on_nir_blur = {
        let nir_touched = nir_touched.clone();
        Callback::from(move |()| nir_touched.set(true))
    };
    let on_date_input = {
        let (date, form) = (date.clone(), form.clone());
        Callback::from(move |(part, value): (DatePart, String)| {
            form.clear_server_error("birth_date");
            let mut next = (*date).clone();
            match part {
                DatePart::Day => next.day = value,
                DatePart::Month => next.month = value,
                DatePart::Year => next.year = value,
            }
            date.set(next);
        })
    };
    let on_date_blur = {
        let (date_touched, date) = (date_touched.clone(), date.clone());
        Callback::from(move |part: DatePart| {
            if part == DatePart::Year || !date.year.trim().is_empty() {
                date_touched.set(true);
            }
        })
    };
    let on_email_input = {
        let (email, form) = (email.clone(), form.clone());
        Callback::from(move |value: String| {
            form.clear_server_error("email");
            email.set(value);
        })
    };
    let on_email_blur = {
        let email_touched = email_touched.clone();
        Callback::from(move |()| email_touched.set(true))
    };

    let onsubmit = {
        let (nir, date, email, form, sent) = (
            nir.clone(),
            date.clone(),
            email.clone(),
            form.clone(),
            sent.clone(),
        );
        let touched = (
            nir_touched.clone(),
            date_touched.clone(),
            email_touched.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            touched.0.set(true);
            touched.1.set(true);
            touched.2.set(true);
            let birth = parse_date(&date.day, &date.month, &date.year, today);
            let (true, Ok(birth), Ok(address)) =
                (nir_is_well_formed(&nir), birth, parse_email(&email))
            else {
                submission.local_errors();
                return;
            };
            submission.sending();
            let request = LetterRequest {
                nir: (*nir).clone(),
                birth_date: birth.iso(),
                email: address,
            };
            let sent = sent.setter();
            spawn_local(async move {
                let result = api::post_json::<_, LetterOrdered>(
                    api::paths::ACTIVATION_LETTER,
                    &request,
                    lang,
                )
                .await;
                if let Some(ordered) = submission.finish(result, lang) {
                    sent.set(Some(ordered));
                }
            });
        })
    };

    let summary = form.summary(&[
        (NIR_ID, nir_check.error.clone()),
        (BIRTH_DAY_ID, birth_error.clone()),
        (EMAIL_ID, mail_error.clone()),
    ]);

    let body = if let Some(ordered) = &*sent {
        let until = SimpleDate::from_iso(&ordered.code_expires_on)
            .map(|d| d.long(lang))
            .unwrap_or_else(|| ordered.code_expires_on.clone());
        html! {
            <section id={SENT_ID} class="panel panel--info" role="status" tabindex="-1" aria-labelledby="courrier-envoye-titre">
                <h2 id="courrier-envoye-titre" class="panel__title">
                    <Icon kind={IconKind::Mail} />
                    { Text::LetterSentTitle.text(lang) }
                </h2>
                <p>
                    { Text::LetterSentTo.text(lang) }{ " " }
                    <strong>{ ordered.town.clone() }</strong>{ "." }
                </p>
                <p>{ Text::LetterValidUntil.text(lang) }{ " " }<strong>{ until }</strong>{ "." }</p>
                <p>{ Text::LetterWrongAddress.text(lang) }</p>
                if config.is_demo() {
                    { demo_notice(lang) }
                }
                <AppLink to={Route::ActivateAccount} classes={classes!("button")}>
                    { Text::LetterReceived.text(lang) }
                </AppLink>
            </section>
        }
    } else {
        html! {
            <>
                if let Outcome::Throttled { message, retry } = form.outcome() {
                    <ThrottlePanel {message} {retry} />
                }
                <p class="lead">{ Text::CreateAccountLead.text(lang) }</p>
                <p>{ Text::CreateAccountNeeds.text(lang) }</p>
                <form class="form" novalidate=true {onsubmit}>
                    <NirField
                        value={AttrValue::from((*nir).clone())}
                        check={nir_check}
                        on_input={on_nir_input}
                        on_blur={on_nir_blur}
                    />
                    <DateInput
                        id={BIRTH_DATE_ID}
                        legend={Text::BirthDateLabel.text(lang)}
                        hint={Text::BirthDateHint.text(lang)}
                        day={AttrValue::from(date.day.clone())}
                        month={AttrValue::from(date.month.clone())}
                        year={AttrValue::from(date.year.clone())}
                        error={birth_error}
                        autocomplete={Some("bday")}
                        on_input={on_date_input}
                        on_blur={on_date_blur}
                    />
                    <TextField
                        id={EMAIL_ID}
                        label={Text::EmailLabel.text(lang)}
                        hint={Some(AttrValue::from(Text::EmailHint.text(lang)))}
                        value={AttrValue::from((*email).clone())}
                        error={mail_error}
                        input_type="email"
                        inputmode={Some(AttrValue::from("email"))}
                        autocomplete={Some(AttrValue::from("email"))}
                        on_input={on_email_input}
                        on_blur={on_email_blur}
                    />
                    <button type="submit" class="button button--large" disabled={form.busy()} onmousedown={keep_field_focus()}>
                        if form.busy() {
                            { spinner() }
                            { Text::CreateAccountSending.text(lang) }
                        } else {
                            { Text::CreateAccountSubmit.text(lang) }
                        }
                    </button>
                    <p class="visually-hidden" role="status">
                        if form.busy() { { Text::CreateAccountSending.text(lang) } }
                    </p>
                </form>
                <p class="form__aside">
                    { Text::HaveLetterAlready.text(lang) }{ " " }
                    <AppLink to={Route::ActivateAccount}>{ Text::EnterLetterCode.text(lang) }</AppLink>
                </p>
            </>
        }
    };

    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleCreateAccount} />
            { body }
            <section class="help-box" aria-labelledby="creer-compte-aide">
                <h2 id="creer-compte-aide">{ Text::HelpPhoneHeading.text(lang) }</h2>
                <PhoneLine />
                <p>{ Text::HelpPhoneText.text(lang) }</p>
            </section>
        </div>
    }
}

/// In demo mode: where the letter can be read.
pub fn demo_notice(lang: Lang) -> Html {
    html! {
        <p class="notice notice--demo" role="note">
            <Icon kind={IconKind::Mail} />
            <span>
                { Text::DemoLetterHint.text(lang) }{ " " }
                <AppLink to={Route::DemoOutbox}>{ Text::DemoCodeHintLink.text(lang) }</AppLink>{ "." }
            </span>
        </p>
    }
}
