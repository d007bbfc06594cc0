//! The sign-in page (`/connexion`): first factor, NIR and password.
//!
//! The NIR is checked as it is typed with the server's own rules (shared crate); the form is
//! sent only when it is well formed. The server's answer decides what comes next: the code page,
//! a message next to a field, a generic refusal that never says which factor was wrong, or the
//! throttle panel with the time the member may try again. What was typed is never lost (the
//! password is cleared after a refusal only).

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::login::{LoginRequest, LoginStep};
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::components::error_summary::{SUMMARY_ID, SummaryItem, error_summary};
use crate::components::field::{TextField, keep_field_focus};
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::nir_field::{NIR_ID, NirCheck, NirField, nir_is_well_formed};
use crate::components::page_title::{PageTitle, page_heading};
use crate::components::throttle::{RetryAt, THROTTLE_ID, ThrottlePanel};
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{SessionAction, use_session};

pub use crate::components::nir_field::{NirFeedback, nir_feedback};

/// The password field's id (focus target of the error summary).
const PASSWORD_ID: &str = "mot-de-passe";

/// Where the form stands after the last submit.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Not sent yet.
    Editing,
    /// Sent with mistakes (found here or by the server): messages next to the fields.
    Invalid,
    /// The server refused the whole form (wrong NIR or password, or no answer): one message.
    Refused(AttrValue),
    /// Too many attempts: when to try again and what else to do.
    Throttled {
        /// The server's sentence, for when the browser cannot compute the time.
        message: AttrValue,
        /// When to try again, on the member's clock.
        retry: Option<RetryAt>,
    },
}

/// The server's messages for each field, kept until the member changes that field.
#[derive(Debug, Clone, PartialEq, Default)]
struct ServerErrors {
    nir: Option<AttrValue>,
    password: Option<AttrValue>,
}

/// What the server's answer to the first factor means for the form.
enum Answer {
    /// Right: a code was sent.
    CodeSent(LoginStep),
    /// Field messages.
    Invalid(ServerErrors),
    /// Refused as a whole; the password is cleared.
    Refused(AttrValue),
    /// Too many attempts.
    Throttled(AttrValue, Option<RetryAt>),
    /// No usable answer (network, server error): nothing is cleared.
    Failed(AttrValue),
}

fn read_answer(result: Result<LoginStep, ApiFailure>, lang: Lang) -> Answer {
    match result {
        Ok(step) => Answer::CodeSent(step),
        Err(ApiFailure::Api(error)) => match error.code.as_str() {
            api::codes::VALIDATION => {
                let errors = ServerErrors {
                    nir: error.fields.get("nir").cloned().map(AttrValue::from),
                    password: error.fields.get("password").cloned().map(AttrValue::from),
                };
                if errors == ServerErrors::default() {
                    Answer::Failed(error.message.into())
                } else {
                    Answer::Invalid(errors)
                }
            }
            api::codes::LOGIN_THROTTLED => Answer::Throttled(
                error.message.into(),
                RetryAt::from_now(error.retry_after_seconds),
            ),
            api::codes::LOGIN_FAILED => Answer::Refused(error.message.into()),
            _ => Answer::Failed(error.message.into()),
        },
        Err(other) => Answer::Failed(other.message(lang).into()),
    }
}

/// The sign-in page.
#[component]
pub fn LoginPage() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let nir_value = use_state(String::new);
    let nir_touched = use_state_eq(|| false);
    let password = use_state(String::new);
    let show_password = use_state_eq(|| false);
    let attempts = use_state_eq(|| 0_u32);
    let feedback = use_state_eq(|| 0_u32);
    let outcome = use_state(|| Outcome::Editing);
    let server = use_state(ServerErrors::default);
    let busy = use_state_eq(|| false);

    {
        // After each answer, focus goes where the eye should go: the summary or the panel.
        let outcome = (*outcome).clone();
        use_effect_with(*feedback, move |feedback| {
            if *feedback > 0 {
                match outcome {
                    Outcome::Invalid | Outcome::Refused(_) => browser::focus_id(SUMMARY_ID),
                    Outcome::Throttled { .. } => browser::focus_id(THROTTLE_ID),
                    Outcome::Editing => {}
                }
            }
        });
    }

    if session.session.state.member().is_some() {
        return already_signed_in(Text::TitleLogin, lang);
    }

    let submitted = *attempts > 0;
    let nir_check = NirCheck::new(
        &nir_value,
        *nir_touched,
        submitted,
        server.nir.clone(),
        lang,
    );
    let nir_error = nir_check.error.clone();
    let password_error = server.password.clone().or_else(|| {
        (*outcome == Outcome::Invalid && password.is_empty())
            .then(|| AttrValue::from(Text::PasswordRequired.text(lang)))
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
    let on_password_input = {
        let password = password.clone();
        let server = server.clone();
        Callback::from(move |value: String| {
            if server.password.is_some() {
                server.set(ServerErrors {
                    password: None,
                    ..(*server).clone()
                });
            }
            password.set(value);
        })
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
        let feedback = feedback.clone();
        let outcome = outcome.clone();
        let server = server.clone();
        let busy = busy.clone();
        let dispatch = session.dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            nir_touched.set(true);
            attempts.set(*attempts + 1);
            let well_formed = nir_is_well_formed(&nir_value) && !password.is_empty();
            if !well_formed {
                outcome.set(Outcome::Invalid);
                feedback.set(*feedback + 1);
                return;
            }
            busy.set(true);
            let request = LoginRequest {
                nir: (*nir_value).clone(),
                password: (*password).clone(),
            };
            let next_feedback = *feedback + 1;
            let (busy, outcome, server, password, feedback) = (
                busy.setter(),
                outcome.setter(),
                server.setter(),
                password.setter(),
                feedback.setter(),
            );
            let dispatch = dispatch.clone();
            let navigator = navigator.clone();
            spawn_local(async move {
                let result =
                    api::post_json::<_, LoginStep>(api::paths::LOGIN, &request, lang).await;
                busy.set(false);
                match read_answer(result, lang) {
                    Answer::CodeSent(step) => {
                        // Survives a reload of the code page; only what the page shows.
                        browser::store_pending_login(&step);
                        server.set(ServerErrors::default());
                        outcome.set(Outcome::Editing);
                        dispatch.emit(SessionAction::LoginStarted(Rc::new(step)));
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::LoginCode);
                        }
                        return;
                    }
                    Answer::Invalid(errors) => {
                        server.set(errors);
                        outcome.set(Outcome::Invalid);
                    }
                    Answer::Refused(message) => {
                        server.set(ServerErrors::default());
                        password.set(String::new());
                        outcome.set(Outcome::Refused(message));
                    }
                    Answer::Throttled(message, retry) => {
                        server.set(ServerErrors::default());
                        outcome.set(Outcome::Throttled { message, retry });
                    }
                    Answer::Failed(message) => {
                        server.set(ServerErrors::default());
                        outcome.set(Outcome::Refused(message));
                    }
                }
                feedback.set(next_feedback);
            });
        })
    };

    let summary: Vec<SummaryItem> = match &*outcome {
        Outcome::Invalid => [
            nir_error
                .clone()
                .map(|message| SummaryItem::field(NIR_ID, message)),
            password_error
                .clone()
                .map(|message| SummaryItem::field(PASSWORD_ID, message)),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Outcome::Refused(message) => vec![SummaryItem::form(message.clone())],
        Outcome::Editing | Outcome::Throttled { .. } => Vec::new(),
    };

    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleLogin} />
            if let Outcome::Throttled { message, retry } = &*outcome {
                <ThrottlePanel message={message.clone()} retry={*retry} />
            }
            <p class="lead">{ Text::LoginIntro.text(lang) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <NirField
                    value={AttrValue::from((*nir_value).clone())}
                    check={nir_check}
                    on_input={on_nir_input}
                    on_blur={on_nir_blur}
                />
                <TextField
                    id={PASSWORD_ID}
                    label={Text::PasswordLabel.text(lang)}
                    value={AttrValue::from((*password).clone())}
                    error={password_error.clone()}
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
                <ul class="form__aside form__links">
                    <li>
                        <AppLink to={Route::ForgotPassword}>
                            { Text::ForgotPasswordLink.text(lang) }
                        </AppLink>
                    </li>
                    <li>
                        <AppLink to={Route::ForgotNir}>{ Text::ForgotNirLink.text(lang) }</AppLink>
                    </li>
                </ul>
                <button
                    type="submit"
                    class="button button--large"
                    disabled={*busy}
                    onmousedown={keep_field_focus()}
                >
                    if *busy {
                        { spinner() }
                        { Text::SigningIn.text(lang) }
                    } else {
                        { Text::SignIn.text(lang) }
                    }
                </button>
                <p class="visually-hidden" role="status">
                    if *busy { { Text::SigningIn.text(lang) } }
                </p>
            </form>
            <section class="help-box" aria-labelledby="premiere-visite">
                <h2 id="premiere-visite">{ Text::NoAccountYet.text(lang) }</h2>
                <p>{ Text::CreateAccountLead.text(lang) }</p>
                <AppLink to={Route::CreateAccount} classes={classes!("button", "button--secondary")}>
                    { Text::TitleCreateAccount.text(lang) }
                </AppLink>
            </section>
        </div>
    }
}

/// On the sign-in pages when the member is already signed in: no second form, a way home.
pub fn already_signed_in(title: Text, lang: Lang) -> Html {
    html! {
        <div class="narrow">
            { page_heading(title.text(lang)) }
            <section class="panel panel--info" aria-labelledby="deja-connecte">
                <h2 id="deja-connecte" class="panel__title">
                    <Icon kind={IconKind::Info} />
                    { Text::AlreadySignedIn.text(lang) }
                </h2>
                <AppLink to={Route::Home} classes={classes!("button")}>
                    { Text::GoToMemberHome.text(lang) }
                </AppLink>
            </section>
        </div>
    }
}
