//! Forgotten password (`/mot-de-passe-oublie`): the NIR and the birth date, then an e-mailed link.
//!
//! The server answers the same whether or not an account matches, so the confirmation never
//! says one exists. The page keeps the ways that need no e-mail: where to find the NIR, and the
//! phone.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::password::ForgotPasswordRequest;
use serde::de::IgnoredAny;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::components::date_input::{DateInput, DatePart, DateProblem, parse_date, use_today};
use crate::components::error_summary::{SUMMARY_ID, SummaryItem, error_summary};
use crate::components::field::keep_field_focus;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::nir_field::{NIR_ID, NirCheck, NirField, nir_is_well_formed};
use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::components::throttle::{RetryAt, THROTTLE_ID, ThrottlePanel};
use crate::config::use_config;
use crate::lang::use_lang;
use crate::route::Route;

/// The birth date's ids start with this; the error summary links to its day box.
const BIRTH_DATE_ID: &str = "date-naissance";
/// The day box, first of the three.
const BIRTH_DAY_ID: &str = "date-naissance-jour";
/// The confirmation panel (focused when it appears).
const SENT_ID: &str = "lien-envoye";

/// Where the form stands after the last submit.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Not sent yet.
    Editing,
    /// Sent with mistakes (found here or by the server): messages next to the fields.
    Invalid,
    /// No usable answer: one message for the form.
    Failed(AttrValue),
    /// Too many requests.
    Throttled {
        /// The server's sentence, for when the browser cannot compute the time.
        message: AttrValue,
        /// When to try again, on the member's clock.
        retry: Option<RetryAt>,
    },
    /// Accepted: an e-mail has gone if an account matches.
    Sent,
}

/// The server's messages for each field, kept until the member changes that field.
#[derive(Debug, Clone, PartialEq, Default)]
struct ServerErrors {
    nir: Option<AttrValue>,
    birth_date: Option<AttrValue>,
}

/// The three boxes of the birth date.
#[derive(Debug, Clone, PartialEq, Default)]
struct DateParts {
    day: String,
    month: String,
    year: String,
}

fn read_answer(result: Result<IgnoredAny, ApiFailure>, lang: Lang) -> (Outcome, ServerErrors) {
    match result {
        Ok(_) => (Outcome::Sent, ServerErrors::default()),
        Err(ApiFailure::Api(error)) => match error.code.as_str() {
            api::codes::VALIDATION => {
                let errors = ServerErrors {
                    nir: error.fields.get("nir").cloned().map(AttrValue::from),
                    birth_date: error.fields.get("birth_date").cloned().map(AttrValue::from),
                };
                if errors == ServerErrors::default() {
                    (Outcome::Failed(error.message.into()), errors)
                } else {
                    (Outcome::Invalid, errors)
                }
            }
            api::codes::LOGIN_THROTTLED => (
                Outcome::Throttled {
                    message: error.message.into(),
                    retry: RetryAt::from_now(error.retry_after_seconds),
                },
                ServerErrors::default(),
            ),
            _ => (
                Outcome::Failed(error.message.into()),
                ServerErrors::default(),
            ),
        },
        Err(other) => (
            Outcome::Failed(other.message(lang).into()),
            ServerErrors::default(),
        ),
    }
}

/// The forgotten-password page.
#[component]
pub fn ForgotPasswordPage() -> Html {
    let lang = use_lang();
    let config = use_config();
    let nir_value = use_state(String::new);
    let nir_touched = use_state_eq(|| false);
    let date = use_state(DateParts::default);
    let date_touched = use_state_eq(|| false);
    let attempts = use_state_eq(|| 0_u32);
    let feedback = use_state_eq(|| 0_u32);
    let outcome = use_state(|| Outcome::Editing);
    let server = use_state(ServerErrors::default);
    let busy = use_state_eq(|| false);
    let today = use_today();

    {
        let outcome = (*outcome).clone();
        use_effect_with(*feedback, move |feedback| {
            if *feedback > 0 {
                match outcome {
                    Outcome::Invalid | Outcome::Failed(_) => browser::focus_id(SUMMARY_ID),
                    Outcome::Throttled { .. } => browser::focus_id(THROTTLE_ID),
                    Outcome::Sent => browser::focus_id(SENT_ID),
                    Outcome::Editing => {}
                }
            }
        });
    }

    let submitted = *attempts > 0;
    let nir_check = NirCheck::new(
        &nir_value,
        *nir_touched,
        submitted,
        server.nir.clone(),
        lang,
    );
    let date_problem = parse_date(&date.day, &date.month, &date.year, today).err();
    let date_error = server.birth_date.clone().or_else(|| {
        let problem = date_problem?;
        let judged = match problem {
            DateProblem::Empty => submitted,
            DateProblem::Incomplete => *date_touched || submitted,
            DateProblem::NotReal | DateProblem::Future => true,
        };
        judged.then(|| AttrValue::from(problem.birth_date_text().text(lang)))
    });

    let on_nir_input = {
        let nir_value = nir_value.clone();
        let server = server.clone();
        Callback::from(move |value: String| {
            if server.nir.is_some() {
                server.set(ServerErrors {
                    nir: None,
                    ..(*server).clone()
                });
            }
            nir_value.set(value);
        })
    };
    let on_nir_blur = {
        let nir_touched = nir_touched.clone();
        Callback::from(move |()| nir_touched.set(true))
    };
    let on_date_input = {
        let date = date.clone();
        let server = server.clone();
        Callback::from(move |(part, value): (DatePart, String)| {
            if server.birth_date.is_some() {
                server.set(ServerErrors {
                    birth_date: None,
                    ..(*server).clone()
                });
            }
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
        // Judged once the year is reached, not while moving from the day to the month.
        let date_touched = date_touched.clone();
        let date = date.clone();
        Callback::from(move |part: DatePart| {
            if part == DatePart::Year || !date.year.trim().is_empty() {
                date_touched.set(true);
            }
        })
    };

    let onsubmit = {
        let nir_value = nir_value.clone();
        let nir_touched = nir_touched.clone();
        let date = date.clone();
        let date_touched = date_touched.clone();
        let attempts = attempts.clone();
        let feedback = feedback.clone();
        let outcome = outcome.clone();
        let server = server.clone();
        let busy = busy.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            nir_touched.set(true);
            date_touched.set(true);
            attempts.set(*attempts + 1);
            let birth = parse_date(&date.day, &date.month, &date.year, today);
            let (true, Ok(birth)) = (nir_is_well_formed(&nir_value), birth) else {
                outcome.set(Outcome::Invalid);
                feedback.set(*feedback + 1);
                return;
            };
            busy.set(true);
            let request = ForgotPasswordRequest {
                nir: (*nir_value).clone(),
                birth_date: birth.iso(),
            };
            let next_feedback = *feedback + 1;
            let (busy, outcome, server, feedback) = (
                busy.setter(),
                outcome.setter(),
                server.setter(),
                feedback.setter(),
            );
            spawn_local(async move {
                let result =
                    api::post_json::<_, IgnoredAny>(api::paths::PASSWORD_FORGOT, &request, lang)
                        .await;
                busy.set(false);
                let (next, errors) = read_answer(result, lang);
                server.set(errors);
                outcome.set(next);
                feedback.set(next_feedback);
            });
        })
    };

    let summary: Vec<SummaryItem> = match &*outcome {
        Outcome::Invalid => [
            nir_check
                .error
                .clone()
                .map(|message| SummaryItem::field(NIR_ID, message)),
            date_error
                .clone()
                .map(|message| SummaryItem::field(BIRTH_DAY_ID, message)),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Outcome::Failed(message) => vec![SummaryItem::form(message.clone())],
        Outcome::Editing | Outcome::Throttled { .. } | Outcome::Sent => Vec::new(),
    };

    let body = if *outcome == Outcome::Sent {
        html! {
            <section
                id={SENT_ID}
                class="panel panel--info"
                role="status"
                tabindex="-1"
                aria-labelledby="lien-envoye-titre"
            >
                <h2 id="lien-envoye-titre" class="panel__title">
                    <Icon kind={IconKind::Mail} />
                    { Text::ForgotSentTitle.text(lang) }
                </h2>
                <p>{ Text::ForgotSentText.text(lang) }</p>
                if config.is_demo() {
                    <p class="notice notice--demo" role="note">
                        <Icon kind={IconKind::Mail} />
                        <span>
                            { Text::DemoCodeHint.text(lang) }
                            { " " }
                            <AppLink to={Route::DemoOutbox}>
                                { Text::DemoCodeHintLink.text(lang) }
                            </AppLink>
                            { "." }
                        </span>
                    </p>
                }
                <AppLink to={Route::Login} classes={classes!("button")}>
                    { Text::BackToSignIn.text(lang) }
                </AppLink>
            </section>
        }
    } else {
        html! {
            <>
                if let Outcome::Throttled { message, retry } = &*outcome {
                    <ThrottlePanel message={message.clone()} retry={*retry} />
                }
                <p class="lead">{ Text::ForgotPasswordLead.text(lang) }</p>
                <form class="form" novalidate=true {onsubmit}>
                    <NirField
                        value={AttrValue::from((*nir_value).clone())}
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
                        error={date_error}
                        autocomplete={Some("bday")}
                        on_input={on_date_input}
                        on_blur={on_date_blur}
                    />
                    <button
                        type="submit"
                        class="button button--large"
                        disabled={*busy}
                        onmousedown={keep_field_focus()}
                    >
                        if *busy {
                            { spinner() }
                            { Text::ForgotSending.text(lang) }
                        } else {
                            { Text::ForgotSubmit.text(lang) }
                        }
                    </button>
                    <p class="visually-hidden" role="status">
                        if *busy { { Text::ForgotSending.text(lang) } }
                    </p>
                </form>
                <p class="form__aside">
                    <AppLink to={Route::Login}>{ Text::BackToSignIn.text(lang) }</AppLink>
                </p>
            </>
        }
    };

    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleForgotPassword} />
            { body }
            <section class="help-box" aria-labelledby="nir-oublie">
                <h2 id="nir-oublie">{ Text::ForgotNirHeading.text(lang) }</h2>
                <p>{ Text::HelpNirWhere.text(lang) }</p>
            </section>
            <section class="help-box" aria-labelledby="appeler-caisse">
                <h2 id="appeler-caisse">{ Text::ForgotCallHeading.text(lang) }</h2>
                <p>{ Text::ForgotPasswordCall.text(lang) }</p>
                <PhoneLine />
                <p>{ Text::HelpPhoneText.text(lang) }</p>
            </section>
        </div>
    }
}
