//! The sign-in page (`/connexion`).
//!
//! Sign-in is not open in this version: the form checks what is typed, then says so plainly and
//! gives the phone number. It never pretends to succeed.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::nir::{self, Nir, NirError, PartialStatus};
use yew::prelude::*;

use crate::browser;
use crate::components::field::TextField;
use crate::components::icons::{Icon, IconKind};
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;

/// Ids of the form's elements (focus targets of the error summary).
const NIR_ID: &str = "nir";
const PASSWORD_ID: &str = "mot-de-passe";
const SUMMARY_ID: &str = "resume-erreurs";
const NOT_OPEN_ID: &str = "connexion-fermee";

/// What the NIR field says under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NirFeedback {
    /// Nothing yet.
    Quiet,
    /// The number is complete and its key matches.
    Valid,
    /// What is wrong, with a message that says how to fix it.
    Error(NirError),
}

/// Decides what the NIR field says.
///
/// Before the member first leaves the field, only a complete number is judged, so the key is
/// checked live as soon as the fifteenth character is typed without nagging about a number half
/// typed. Once the field has been left (or the form sent), every change is judged; an empty
/// field is only an error after a submit.
pub fn nir_feedback(input: &str, touched: bool, submitted: bool) -> NirFeedback {
    if !touched && !submitted {
        let partial = nir::check_partial(input);
        return match partial.status {
            PartialStatus::Valid => NirFeedback::Valid,
            PartialStatus::Invalid(error) if partial.typed >= 15 => NirFeedback::Error(error),
            PartialStatus::Invalid(_) | PartialStatus::Incomplete => NirFeedback::Quiet,
        };
    }
    match Nir::parse(input) {
        Ok(_) => NirFeedback::Valid,
        Err(NirError::Empty) if !submitted => NirFeedback::Quiet,
        Err(error) => NirFeedback::Error(error),
    }
}

/// Where the form stands after the last submit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Not sent yet.
    Editing,
    /// Sent with mistakes: the error summary shows.
    Invalid,
    /// Sent with a well-formed number and a password: sign-in is not open yet.
    NotOpen,
}

/// The sign-in page.
#[component]
pub fn LoginPage() -> Html {
    let lang = use_lang();
    let nir_value = use_state(String::new);
    let nir_touched = use_state_eq(|| false);
    let password = use_state(String::new);
    let show_password = use_state_eq(|| false);
    let attempts = use_state_eq(|| 0_u32);
    let outcome = use_state_eq(|| Outcome::Editing);

    let submitted = *attempts > 0;
    let nir_state = nir_feedback(&nir_value, *nir_touched, submitted);
    let nir_error = match nir_state {
        NirFeedback::Error(error) => Some(error.message(lang)),
        NirFeedback::Valid | NirFeedback::Quiet => None,
    };
    let password_error =
        (submitted && password.is_empty()).then(|| Text::PasswordRequired.text(lang));

    {
        // After each submit, focus goes where the eye should go: the summary or the notice.
        let outcome = *outcome;
        use_effect_with(*attempts, move |attempts| {
            if *attempts > 0 {
                match outcome {
                    Outcome::Invalid => browser::focus_id(SUMMARY_ID),
                    Outcome::NotOpen => browser::focus_id(NOT_OPEN_ID),
                    Outcome::Editing => {}
                }
            }
        });
    }

    let on_nir_input = {
        let nir_value = nir_value.clone();
        Callback::from(move |value: String| nir_value.set(value))
    };
    let on_nir_blur = {
        let nir_touched = nir_touched.clone();
        Callback::from(move |()| nir_touched.set(true))
    };
    let on_password_input = {
        let password = password.clone();
        Callback::from(move |value: String| password.set(value))
    };
    let on_show_password = {
        let show_password = show_password.clone();
        Callback::from(move |_: Event| show_password.set(!*show_password))
    };
    let onsubmit = {
        let nir_value = nir_value.clone();
        let nir_touched = nir_touched.clone();
        let password = password.clone();
        let attempts = attempts.clone();
        let outcome = outcome.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            nir_touched.set(true);
            let complete = Nir::parse(&nir_value).is_ok() && !password.is_empty();
            outcome.set(if complete {
                Outcome::NotOpen
            } else {
                Outcome::Invalid
            });
            attempts.set(*attempts + 1);
        })
    };

    let summary: Vec<(&'static str, &'static str)> = [
        nir_error.map(|message| (NIR_ID, message)),
        password_error.map(|message| (PASSWORD_ID, message)),
    ]
    .into_iter()
    .flatten()
    .collect();

    html! {
        <div class="narrow">
            if *outcome == Outcome::Invalid && !summary.is_empty() {
                <ErrorSummary lang={lang} errors={summary} />
            }
            <PageTitle text={Text::TitleLogin} />
            if *outcome == Outcome::NotOpen {
                <section id={NOT_OPEN_ID} class="panel panel--info" tabindex="-1" role="status">
                    <h2 class="panel__title">
                        <Icon kind={IconKind::Info} />
                        { Text::LoginNotOpenTitle.text(lang) }
                    </h2>
                    <p>{ Text::LoginNotOpenText.text(lang) }</p>
                </section>
            }
            <p class="lead">{ Text::LoginIntro.text(lang) }</p>
            <form class="form" {onsubmit}>
                <TextField
                    id={NIR_ID}
                    label={Text::NirLabel.text(lang)}
                    hint={Some(AttrValue::from(Text::NirHint.text(lang)))}
                    value={AttrValue::from((*nir_value).clone())}
                    error={nir_error.map(AttrValue::from)}
                    confirmation={(nir_state == NirFeedback::Valid)
                        .then(|| AttrValue::from(Text::NirKeyMatches.text(lang)))}
                    autocomplete={Some(AttrValue::from("username"))}
                    on_input={on_nir_input}
                    on_blur={on_nir_blur}
                />
                <TextField
                    id={PASSWORD_ID}
                    label={Text::PasswordLabel.text(lang)}
                    value={AttrValue::from((*password).clone())}
                    error={password_error.map(AttrValue::from)}
                    input_type={if *show_password { "text" } else { "password" }}
                    autocomplete={Some(AttrValue::from("current-password"))}
                    on_input={on_password_input}
                >
                    <div class="checkbox">
                        <input
                            type="checkbox"
                            id="afficher-mot-de-passe"
                            class="checkbox__input"
                            checked={*show_password}
                            onchange={on_show_password}
                        />
                        <label class="checkbox__label" for="afficher-mot-de-passe">
                            { Text::ShowPassword.text(lang) }
                        </label>
                    </div>
                </TextField>
                <button type="submit" class="button button--large">
                    { Text::SignIn.text(lang) }
                </button>
            </form>
        </div>
    }
}

/// Properties of [`ErrorSummary`].
#[derive(Properties, PartialEq, Clone)]
struct ErrorSummaryProps {
    lang: Lang,
    /// Field id and message, in the form's order.
    errors: Vec<(&'static str, &'static str)>,
}

/// The list of problems at the top of the form after a failed submit; each link moves focus to
/// its field.
#[component]
fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    html! {
        <div
            id={SUMMARY_ID}
            class="error-summary"
            role="alert"
            tabindex="-1"
            aria-labelledby="resume-erreurs-titre"
        >
            <h2 id="resume-erreurs-titre" class="error-summary__title">
                <Icon kind={IconKind::Error} />
                { Text::ErrorSummaryTitle.text(props.lang) }
            </h2>
            <ul class="error-summary__list">
                { for props.errors.iter().map(|(field, message)| {
                    let field: &'static str = field;
                    let onclick = Callback::from(move |event: MouseEvent| {
                        event.prevent_default();
                        browser::focus_id(field);
                    });
                    html! {
                        <li key={field}>
                            <a href={format!("#{field}")} {onclick}>{ *message }</a>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
