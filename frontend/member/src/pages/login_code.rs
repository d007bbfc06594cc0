//! The second step of sign-in (`/connexion/code`): the 6-digit code sent by e-mail.
//!
//! The page needs the first step's answer (where the code went, how long it lasts), kept in the
//! session context and, for this tab, in `sessionStorage` (a reload empties the context). Opened
//! without either (a bookmark, another tab), it says so and leads back to the first step. A right
//! code signs the member in and takes them home.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::login::{self, CodeRequest, LoginStep, Me, SecondFactor};
use portail_shared::security::parse_typed_code;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::components::error_summary::{SUMMARY_ID, SummaryItem, error_summary};
use crate::components::field::{TextField, keep_field_focus};
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::components::throttle::RetryAt;
use crate::config::use_config;
use crate::lang::use_lang;
use crate::pages::login::already_signed_in;
use crate::route::Route;
use crate::session::{Flash, FlashKind, SessionAction, SessionContext, use_session};

/// The code field's id (focus target of the error summary).
const CODE_ID: &str = "code";

/// What is wrong with the typed code before sending it, if anything.
///
/// An empty field is only an error on submit; a malformed code (not six digits, spaces allowed)
/// once the field has been left or the form sent, never while it is being typed.
pub fn code_error(input: &str, touched: bool, submitted: bool) -> Option<Text> {
    if input.trim().is_empty() {
        return submitted.then_some(Text::CodeRequired);
    }
    (login::parse_code(input).is_none() && (touched || submitted)).then_some(Text::CodeMalformed)
}

/// [`code_error`] for a code from an authenticator app, which may also be a recovery code.
pub fn app_code_error(input: &str, touched: bool, submitted: bool) -> Option<Text> {
    if input.trim().is_empty() {
        return submitted.then_some(Text::CodeRequired);
    }
    (parse_typed_code(input).is_none() && (touched || submitted)).then_some(Text::AppCodeMalformed)
}

/// Where the form stands after the last submit.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Not sent yet, or sent and answered with a new code.
    Editing,
    /// The code was refused, by this page or by the server: a message next to the field.
    Invalid,
    /// No usable answer: one message for the form.
    Failed(AttrValue),
}

/// What the "new code" link last did, said in a live region.
#[derive(Debug, Clone, PartialEq)]
enum ResendStatus {
    /// Nothing asked yet.
    Idle,
    /// "Un nouveau code a été envoyé."
    Sent,
    /// Too many codes asked for: when to ask again.
    Throttled(AttrValue, Option<RetryAt>),
    /// No usable answer.
    Failed(AttrValue),
}

/// The sign-in in progress was lost on the server (expired, or never started): back to the first
/// step, with a message that says why.
fn back_to_first_step(session: &SessionContext, navigator: Option<&Navigator>) {
    browser::forget_pending_login();
    session.dispatch.emit(SessionAction::SignedOut(Some(Flash {
        route: Route::Login,
        kind: FlashKind::Info,
        text: Text::LoginExpired,
    })));
    if let Some(navigator) = navigator {
        navigator.push(&Route::Login);
    }
}

/// The code page.
#[component]
pub fn LoginCodePage() -> Html {
    let lang = use_lang();
    let session = use_session();
    {
        // After a reload the context is empty, but this tab may have kept the sign-in.
        let missing = session.session.pending.is_none();
        let dispatch = session.dispatch.clone();
        use_effect_with((), move |()| {
            if missing && let Some(step) = browser::stored_pending_login() {
                dispatch.emit(SessionAction::LoginRestored(Rc::new(step)));
            }
        });
    }
    if session.session.state.member().is_some() {
        return already_signed_in(Text::TitleLoginCode, lang);
    }
    match &session.session.pending {
        Some(step) => html! { <CodeForm step={step.clone()} /> },
        None => no_pending_login(lang),
    }
}

/// Properties of [`CodeForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct CodeFormProps {
    /// The first step's answer.
    pub step: Rc<LoginStep>,
}

/// Where the code went, the field, and the ways out: a new code, or back to the first step.
#[component]
pub fn CodeForm(props: &CodeFormProps) -> Html {
    let lang = use_lang();
    let config = use_config();
    let session = use_session();
    let navigator = use_navigator();
    let code = use_state(String::new);
    let touched = use_state_eq(|| false);
    let attempts = use_state_eq(|| 0_u32);
    let feedback = use_state_eq(|| 0_u32);
    let outcome = use_state(|| Outcome::Editing);
    let server_error = use_state(|| None::<AttrValue>);
    let busy = use_state_eq(|| false);
    let resend_busy = use_state_eq(|| false);
    let resend_status = use_state(|| ResendStatus::Idle);

    use_effect_with(*feedback, move |feedback| {
        if *feedback > 0 {
            browser::focus_id(SUMMARY_ID);
        }
    });

    let submitted = *outcome == Outcome::Invalid && *attempts > 0;
    let app = props.step.factor == SecondFactor::Totp;
    let judge = if app { app_code_error } else { code_error };
    let code_error = (*server_error)
        .clone()
        .or_else(|| judge(&code, *touched, submitted).map(|text| AttrValue::from(text.text(lang))));

    let on_input = {
        let code = code.clone();
        let server_error = server_error.clone();
        Callback::from(move |value: String| {
            if server_error.is_some() {
                server_error.set(None);
            }
            code.set(value);
        })
    };
    let on_blur = {
        let touched = touched.clone();
        Callback::from(move |()| touched.set(true))
    };

    let onsubmit = {
        let code = code.clone();
        let touched = touched.clone();
        let attempts = attempts.clone();
        let feedback = feedback.clone();
        let outcome = outcome.clone();
        let server_error = server_error.clone();
        let busy = busy.clone();
        let session = session.clone();
        let navigator = navigator.clone();
        let confirming = props.step.confirming_email;
        let app = props.step.factor == SecondFactor::Totp;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            touched.set(true);
            attempts.set(*attempts + 1);
            // An app's code may be a recovery code: the server reads both.
            let typed = if app {
                parse_typed_code(&code).map(|_| code.trim().to_owned())
            } else {
                login::parse_code(&code)
            };
            let Some(digits) = typed else {
                server_error.set(None);
                outcome.set(Outcome::Invalid);
                feedback.set(*feedback + 1);
                return;
            };
            busy.set(true);
            let next_feedback = *feedback + 1;
            let (busy, outcome, server_error, feedback) = (
                busy.setter(),
                outcome.setter(),
                server_error.setter(),
                feedback.setter(),
            );
            let session = session.clone();
            let navigator = navigator.clone();
            spawn_local(async move {
                let request = CodeRequest { code: digits };
                let result = api::post_json::<_, Me>(api::paths::LOGIN_CODE, &request, lang).await;
                busy.set(false);
                match result {
                    Ok(me) => {
                        browser::forget_pending_login();
                        session.dispatch.emit(SessionAction::SignedIn(Rc::new(me)));
                        if confirming {
                            session.dispatch.emit(SessionAction::ShowFlash(Flash {
                                route: Route::Home,
                                kind: FlashKind::Success,
                                text: Text::AccountOpened,
                            }));
                        }
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Home);
                        }
                        return;
                    }
                    Err(failure) => match (failure.code(), &failure) {
                        (Some(api::codes::UNAUTHENTICATED), _) => {
                            back_to_first_step(&session, navigator.as_ref());
                            return;
                        }
                        (Some(api::codes::VALIDATION), ApiFailure::Api(error))
                            if error.fields.contains_key("code") =>
                        {
                            server_error.set(error.fields.get("code").cloned().map(Into::into));
                            outcome.set(Outcome::Invalid);
                        }
                        _ => outcome.set(Outcome::Failed(failure.message(lang).into())),
                    },
                }
                feedback.set(next_feedback);
            });
        })
    };

    let on_resend = {
        let resend_busy = resend_busy.clone();
        let resend_status = resend_status.setter();
        let code = code.setter();
        let server_error = server_error.setter();
        let outcome = outcome.setter();
        let session = session.clone();
        let navigator = navigator.clone();
        Callback::from(move |_: MouseEvent| {
            if *resend_busy {
                return;
            }
            resend_busy.set(true);
            let busy = resend_busy.setter();
            let (resend_status, code, server_error, outcome) = (
                resend_status.clone(),
                code.clone(),
                server_error.clone(),
                outcome.clone(),
            );
            let session = session.clone();
            let navigator = navigator.clone();
            spawn_local(async move {
                let result =
                    api::post_empty::<LoginStep>(api::paths::LOGIN_CODE_RESEND, lang).await;
                busy.set(false);
                match result {
                    Ok(step) => {
                        // The earlier code no longer works: clear it and its messages.
                        code.set(String::new());
                        server_error.set(None);
                        outcome.set(Outcome::Editing);
                        browser::store_pending_login(&step);
                        session
                            .dispatch
                            .emit(SessionAction::LoginStarted(Rc::new(step)));
                        resend_status.set(ResendStatus::Sent);
                    }
                    Err(ApiFailure::Api(error)) if error.code == api::codes::UNAUTHENTICATED => {
                        back_to_first_step(&session, navigator.as_ref());
                    }
                    Err(ApiFailure::Api(error)) if error.code == api::codes::LOGIN_THROTTLED => {
                        resend_status.set(ResendStatus::Throttled(
                            error.message.into(),
                            RetryAt::from_now(error.retry_after_seconds),
                        ));
                    }
                    Err(failure) => {
                        resend_status.set(ResendStatus::Failed(failure.message(lang).into()));
                    }
                }
            });
        })
    };

    // Starting again with another number: this sign-in is no longer kept.
    let on_other_number = {
        let dispatch = session.dispatch.clone();
        Callback::from(move |()| {
            browser::forget_pending_login();
            dispatch.emit(SessionAction::LoginAbandoned);
        })
    };

    let summary: Vec<SummaryItem> = match &*outcome {
        Outcome::Invalid => code_error
            .clone()
            .map(|message| SummaryItem::field(CODE_ID, message))
            .into_iter()
            .collect(),
        Outcome::Failed(message) => vec![SummaryItem::form(message.clone())],
        Outcome::Editing => Vec::new(),
    };

    let minutes = if props.step.expires_in_minutes <= 1 {
        Text::MinuteOne
    } else {
        Text::MinuteMany
    };
    let resend_message = match &*resend_status {
        ResendStatus::Idle => html! {},
        ResendStatus::Sent => html! {
            <span class="status-line status-line--success">
                <Icon kind={IconKind::Success} />
                { Text::CodeResent.text(lang) }
            </span>
        },
        ResendStatus::Throttled(message, retry) => {
            let words = match retry {
                Some(retry) => retry.sentence(Text::CodeResendRetryPrefix, lang),
                None => message.to_string(),
            };
            html! {
                <span class="status-line status-line--warning">
                    <Icon kind={IconKind::Warning} />
                    { words }
                </span>
            }
        }
        ResendStatus::Failed(message) => html! {
            <span class="status-line status-line--error">
                <Icon kind={IconKind::Error} />
                { message.clone() }
            </span>
        },
    };

    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            if app {
                <PageTitle text={Text::TitleAppCode} />
                <p class="lead">{ Text::AppCodeLead.text(lang) }</p>
            } else {
                <PageTitle text={Text::TitleLoginCode} />
                <p class="lead">
                    if props.step.confirming_email {
                        { Text::ConfirmCodeSentTo.text(lang) }
                    } else {
                        { Text::CodeSentTo.text(lang) }
                    }
                    { " " }
                    <strong class="identifier">{ props.step.masked_email.clone() }</strong>
                    { ". " }
                    { Text::CodeValidFor.text(lang) }
                    { " " }
                    { props.step.expires_in_minutes }
                    { " " }
                    { minutes.text(lang) }
                    { "." }
                </p>
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
            }
            <form class="form" novalidate=true {onsubmit}>
                <TextField
                    id={CODE_ID}
                    label={if app { Text::AppCodeLabel } else { Text::CodeLabel }.text(lang)}
                    hint={Some(AttrValue::from(
                        if app { Text::AppCodeHint } else { Text::CodeHint }.text(lang),
                    ))}
                    value={AttrValue::from((*code).clone())}
                    error={code_error}
                    inputmode={(!app).then(|| AttrValue::from("numeric"))}
                    autocomplete={Some(AttrValue::from("one-time-code"))}
                    {on_input}
                    {on_blur}
                />
                <button
                    type="submit"
                    class="button button--large"
                    disabled={*busy}
                    onmousedown={keep_field_focus()}
                >
                    if *busy {
                        { spinner() }
                        { Text::CodeChecking.text(lang) }
                    } else {
                        { Text::CodeSubmit.text(lang) }
                    }
                </button>
                <p class="visually-hidden" role="status">
                    if *busy { { Text::CodeChecking.text(lang) } }
                </p>
            </form>
            <div class="code-help">
                if app {
                    <p>{ Text::AppCodeLostPhone.text(lang) }</p>
                } else {
                <p>{ Text::CodeNotReceived.text(lang) }</p>
                <p>
                    <button
                        type="button"
                        class="link-button"
                        disabled={*resend_busy}
                        onmousedown={keep_field_focus()}
                        onclick={on_resend}
                    >
                        if *resend_busy {
                            { spinner() }
                            { Text::CodeResending.text(lang) }
                        } else {
                            { Text::CodeResend.text(lang) }
                        }
                    </button>
                </p>
                <p class="resend-status" role="status">{ resend_message }</p>
                }
                <p>
                    <AppLink to={Route::Login} on_follow={on_other_number}>
                        { Text::CodeBackToLogin.text(lang) }
                    </AppLink>
                </p>
            </div>
        </div>
    }
}

/// The code page opened without a sign-in in progress.
fn no_pending_login(lang: Lang) -> Html {
    html! {
        <div class="narrow">
            <PageTitle text={Text::TitleLoginCode} />
            <section class="panel panel--info" aria-labelledby="aucune-connexion">
                <h2 id="aucune-connexion" class="panel__title">
                    <Icon kind={IconKind::Info} />
                    { Text::CodeNoPendingTitle.text(lang) }
                </h2>
                <p>{ Text::CodeNoPendingText.text(lang) }</p>
                <AppLink to={Route::Login} classes={classes!("button")}>
                    { Text::SignIn.text(lang) }
                </AppLink>
            </section>
        </div>
    }
}
