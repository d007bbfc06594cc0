//! The account's security sections: how the member proves the second factor (and switching to
//! or from an authenticator app, with the password typed again first), and the devices signed
//! in to the account.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::login::SecondFactor;
use portail_shared::security::{
    Device, MobileProblem, RecoveryCodes, SecuritySettings, TotpSetup, format_mobile, parse_mobile,
};
use serde::de::IgnoredAny;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::components::error_summary::error_summary;
use crate::components::field::{TextField, keep_field_focus};
use crate::components::form::{Outcome, use_form};
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::throttle::ThrottlePanel;
use crate::lang::use_lang;
use crate::pages::login_code::code_error;
use crate::time;

/// The step-up panel (focused when it opens).
pub const STEP_UP_ID: &str = "confirmer-mot-de-passe";
/// The step-up's password field.
const CURRENT_PASSWORD_ID: &str = "mot-de-passe-actuel";
/// The set-up panel (focused when it opens).
const SCAN_ID: &str = "installer-application";
/// The set-up's code field.
const APP_CODE_ID: &str = "code-application";
/// The recovery codes panel (focused when it opens).
const RECOVERY_ID: &str = "codes-de-secours";
/// The line that says what just changed.
const FACTOR_STATUS_ID: &str = "etat-second-facteur";

/// What the member asked to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// Set up an authenticator app.
    UseApp,
    /// Back to e-mailed codes.
    UseEmail,
}

/// Where the section stands.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// Showing the current factor.
    Idle,
    /// The password must be typed again before `Change`.
    Password(Change),
    /// The app's secret to scan, and its first code to type.
    Scan(Rc<TotpSetup>),
    /// The recovery codes, shown once.
    Codes(Rc<Vec<String>>),
}

/// Properties of [`SecondFactorSettings`].
#[derive(Properties, PartialEq, Clone)]
pub struct SecondFactorProps {
    /// The account's security, as last loaded.
    pub settings: Rc<SecuritySettings>,
    /// Asks the page to load the settings again.
    pub reload: Callback<()>,
}

/// How the member signs in, and the way to change it.
#[component]
pub fn SecondFactorSettings(props: &SecondFactorProps) -> Html {
    let lang = use_lang();
    let step = use_state(|| Step::Idle);
    let busy = use_state_eq(|| false);
    let status = use_state(|| None::<(bool, AttrValue)>);
    {
        let target = match &*step {
            Step::Idle => None,
            Step::Password(_) => Some(STEP_UP_ID),
            Step::Scan(_) => Some(SCAN_ID),
            Step::Codes(_) => Some(RECOVERY_ID),
        };
        use_effect_with(target, |target| {
            if let Some(id) = target {
                browser::focus_id(id);
            }
        });
    }

    // Runs a change the password was just (or recently) typed for.
    let run = {
        let (step, busy, status, reload) = (
            step.setter(),
            busy.setter(),
            status.setter(),
            props.reload.clone(),
        );
        Callback::from(move |change: Change| {
            let (step, busy, status, reload) =
                (step.clone(), busy.clone(), status.clone(), reload.clone());
            busy.set(true);
            spawn_local(async move {
                match change {
                    Change::UseApp => {
                        let answer =
                            api::post_empty::<TotpSetup>(api::paths::SECURITY_TOTP, lang).await;
                        busy.set(false);
                        match answer {
                            Ok(setup) => step.set(Step::Scan(Rc::new(setup))),
                            Err(failure)
                                if failure.code() == Some(api::codes::STEP_UP_REQUIRED) =>
                            {
                                step.set(Step::Password(change));
                            }
                            Err(failure) => status.set(Some((false, failure.message(lang).into()))),
                        }
                    }
                    Change::UseEmail => {
                        let answer =
                            api::post_empty::<IgnoredAny>(api::paths::SECURITY_USE_EMAIL, lang)
                                .await;
                        busy.set(false);
                        match answer {
                            Ok(_) => {
                                step.set(Step::Idle);
                                status.set(Some((true, Text::UsingEmailAgain.text(lang).into())));
                                reload.emit(());
                            }
                            Err(failure)
                                if failure.code() == Some(api::codes::STEP_UP_REQUIRED) =>
                            {
                                step.set(Step::Password(change));
                            }
                            Err(failure) => status.set(Some((false, failure.message(lang).into()))),
                        }
                    }
                }
            });
        })
    };
    let ask = {
        let (step, status, run) = (step.setter(), status.setter(), run.clone());
        let stepped_up = props.settings.stepped_up;
        Callback::from(move |change: Change| {
            status.set(None);
            if stepped_up {
                run.emit(change);
            } else {
                step.set(Step::Password(change));
            }
        })
    };
    let cancel = {
        let step = step.setter();
        Callback::from(move |()| {
            step.set(Step::Idle);
            browser::focus_id(FACTOR_STATUS_ID);
        })
    };

    let app = props.settings.factor == SecondFactor::Totp;
    let body = match &*step {
        Step::Idle => {
            let change = if app {
                Change::UseEmail
            } else {
                Change::UseApp
            };
            let onclick = {
                let ask = ask.clone();
                Callback::from(move |_: MouseEvent| ask.emit(change))
            };
            html! {
                <p>
                    <button type="button" class="button button--secondary" disabled={*busy} {onclick}>
                        if *busy { { spinner() } }
                        { if app { Text::UseEmailButton } else { Text::UseAppButton }.text(lang) }
                    </button>
                </p>
            }
        }
        Step::Password(change) => {
            let on_done = {
                let run = run.clone();
                let change = *change;
                Callback::from(move |()| run.emit(change))
            };
            html! { <StepUp {on_done} on_cancel={cancel.clone()} /> }
        }
        Step::Scan(setup) => {
            let on_done = {
                let step = step.setter();
                Callback::from(move |codes: RecoveryCodes| {
                    step.set(Step::Codes(Rc::new(codes.codes)))
                })
            };
            html! { <Scan setup={Rc::clone(setup)} {on_done} on_cancel={cancel.clone()} /> }
        }
        Step::Codes(codes) => {
            let onclick = {
                let (step, status, reload) = (step.setter(), status.setter(), props.reload.clone());
                Callback::from(move |_: MouseEvent| {
                    step.set(Step::Idle);
                    status.set(Some((true, Text::AppTurnedOn.text(lang).into())));
                    reload.emit(());
                    browser::focus_id(FACTOR_STATUS_ID);
                })
            };
            html! {
                <section id={RECOVERY_ID} class="panel panel--warning" tabindex="-1" aria-labelledby="codes-de-secours-titre">
                    <h3 id="codes-de-secours-titre" class="panel__title">
                        <Icon kind={IconKind::Warning} />
                        { Text::RecoveryHeading.text(lang) }
                    </h3>
                    <p>{ Text::RecoveryText.text(lang) }</p>
                    <ol class="recovery-codes">
                        { for codes.iter().map(|c| html! { <li class="identifier">{ c.clone() }</li> }) }
                    </ol>
                    <button type="button" class="button" {onclick}>{ Text::RecoveryDone.text(lang) }</button>
                </section>
            }
        }
    };

    html! {
        <section class="account-section" aria-labelledby="securite-connexion">
            <h2 id="securite-connexion">{ Text::AccountSecurityHeading.text(lang) }</h2>
            <p id={FACTOR_STATUS_ID} tabindex="-1">
                { if app { Text::FactorAppNow } else { Text::FactorEmailNow }.text(lang) }
                if app {
                    { " " }
                    { Text::RecoveryCodesLeft.text(lang) }
                    { " " }
                    <strong>{ props.settings.recovery_codes_left }</strong>
                    { "." }
                }
            </p>
            <p class="status-line-holder" role="status">
                if let Some((ok, message)) = &*status {
                    <span class={classes!("status-line", if *ok { "status-line--success" } else { "status-line--error" })}>
                        <Icon kind={if *ok { IconKind::Success } else { IconKind::Error }} />
                        { message.clone() }
                    </span>
                }
            </p>
            { body }
        </section>
    }
}

/// Properties of [`StepUp`].
#[derive(Properties, PartialEq, Clone)]
pub struct StepUpProps {
    /// The password was right.
    pub on_done: Callback<()>,
    /// The member gave up.
    pub on_cancel: Callback<()>,
}

/// How [`FieldForm`] judges its value before sending it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    /// The current password: only required.
    Password,
    /// An e-mail address.
    Email,
    /// A French mobile number.
    Mobile,
    /// A 6-digit code.
    Code,
}

impl Check {
    /// What is wrong with `value`: an empty field once sent; a malformed one once left or sent.
    fn error(self, value: &str, touched: bool, submitted: bool, lang: Lang) -> Option<AttrValue> {
        let text = match self {
            Check::Password => {
                (value.is_empty() && submitted).then(|| Text::PasswordRequired.text(lang))
            }
            Check::Email => {
                crate::pages::create_account::email_error(value, touched, submitted, lang)
            }
            Check::Mobile => match parse_mobile(value) {
                Err(MobileProblem::Empty) if submitted => Some(MobileProblem::Empty.message(lang)),
                Err(MobileProblem::Malformed) if touched || submitted => {
                    Some(MobileProblem::Malformed.message(lang))
                }
                _ => None,
            },
            Check::Code => code_error(value, touched, submitted).map(|t| t.text(lang)),
        };
        text.map(AttrValue::from)
    }
}

/// Properties of [`FieldForm`].
#[derive(Properties, PartialEq, Clone)]
struct FieldFormProps {
    /// The input's id.
    id: &'static str,
    label: Text,
    #[prop_or_default]
    hint: Option<Text>,
    #[prop_or(AttrValue::Static("text"))]
    input_type: AttrValue,
    #[prop_or_default]
    inputmode: Option<AttrValue>,
    #[prop_or_default]
    autocomplete: Option<AttrValue>,
    check: Check,
    /// The API's name for the value: the body is `{field: value}`, its errors come back under it.
    field: &'static str,
    path: &'static str,
    submit: Text,
    busy: Text,
    /// The server accepted: its answer.
    on_done: Callback<serde_json::Value>,
    #[prop_or_default]
    on_cancel: Option<Callback<()>>,
}

/// One field and its button, for the account's small forms (password again, a new address or
/// number, a code): the shared form state, the checks, the summary and the wait panel.
#[component]
fn FieldForm(props: &FieldFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let value = use_state(String::new);
    let touched = use_state_eq(|| false);
    let error = form
        .server_error(props.field)
        .or_else(|| props.check.error(&value, *touched, form.submitted(), lang));
    let on_input = {
        let (value, form, field) = (value.clone(), form.clone(), props.field);
        Callback::from(move |typed: String| {
            form.clear_server_error(field);
            value.set(typed);
        })
    };
    let on_blur = {
        let touched = touched.clone();
        Callback::from(move |()| touched.set(true))
    };
    let onsubmit = {
        let (value, touched, form) = (value.clone(), touched.clone(), form.clone());
        let (check, field, path, on_done) =
            (props.check, props.field, props.path, props.on_done.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            touched.set(true);
            if check.error(&value, true, true, lang).is_some() {
                submission.local_errors();
                return;
            }
            submission.sending();
            let mut body = serde_json::Map::new();
            body.insert(
                field.to_owned(),
                serde_json::Value::String((*value).clone()),
            );
            let on_done = on_done.clone();
            spawn_local(async move {
                let answer = api::post_json::<_, serde_json::Value>(path, &body, lang).await;
                if let Some(answer) = submission.finish(answer, lang) {
                    on_done.emit(answer);
                }
            });
        })
    };
    let cancel = props
        .on_cancel
        .clone()
        .map(|cancel| Callback::from(move |_: MouseEvent| cancel.emit(())));
    let summary = form.summary(&[(props.id, error.clone())]);
    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            if let Outcome::Throttled { message, retry } = form.outcome() {
                <ThrottlePanel {message} {retry} />
            }
            <form class="form" novalidate=true {onsubmit}>
                <TextField
                    id={props.id}
                    label={props.label.text(lang)}
                    hint={props.hint.map(|h| AttrValue::from(h.text(lang)))}
                    value={AttrValue::from((*value).clone())}
                    {error}
                    input_type={props.input_type.clone()}
                    inputmode={props.inputmode.clone()}
                    autocomplete={props.autocomplete.clone()}
                    {on_input}
                    {on_blur}
                />
                <div class="actions">
                    <button type="submit" class="button" disabled={form.busy()} onmousedown={keep_field_focus()}>
                        if form.busy() {
                            { spinner() }
                            { props.busy.text(lang) }
                        } else {
                            { props.submit.text(lang) }
                        }
                    </button>
                    if let Some(onclick) = cancel {
                        <button type="button" class="button button--secondary" {onclick}>
                            { Text::Cancel.text(lang) }
                        </button>
                    }
                </div>
            </form>
        </>
    }
}

/// "Confirmez votre mot de passe": the step-up every sensitive change of the account asks
/// first (second factor, e-mail, mobile, bank details).
#[component]
pub fn StepUp(props: &StepUpProps) -> Html {
    let lang = use_lang();
    let on_done = {
        let done = props.on_done.clone();
        Callback::from(move |_| done.emit(()))
    };
    html! {
        <section id={STEP_UP_ID} class="panel panel--info" tabindex="-1" aria-labelledby="confirmer-mot-de-passe-titre">
            <h3 id="confirmer-mot-de-passe-titre" class="panel__title">
                <Icon kind={IconKind::Info} />
                { Text::StepUpHeading.text(lang) }
            </h3>
            <p>{ Text::StepUpText.text(lang) }</p>
            <FieldForm
                id={CURRENT_PASSWORD_ID}
                label={Text::CurrentPasswordLabel}
                input_type="password"
                autocomplete={Some(AttrValue::from("current-password"))}
                check={Check::Password}
                field="password"
                path={api::paths::SECURITY_STEP_UP}
                submit={Text::StepUpSubmit}
                busy={Text::StepUpChecking}
                {on_done}
                on_cancel={Some(props.on_cancel.clone())}
            />
        </section>
    }
}

/// Properties of [`Scan`].
#[derive(Properties, PartialEq, Clone)]
struct ScanProps {
    setup: Rc<TotpSetup>,
    /// The first code was right: the recovery codes.
    on_done: Callback<RecoveryCodes>,
    on_cancel: Callback<()>,
}

/// Installing the app: the QR code, the key, and the first code.
#[component]
fn Scan(props: &ScanProps) -> Html {
    let lang = use_lang();
    let on_done = {
        let done = props.on_done.clone();
        Callback::from(move |answer: serde_json::Value| {
            if let Ok(codes) = serde_json::from_value::<RecoveryCodes>(answer) {
                done.emit(codes);
            }
        })
    };
    html! {
        <section id={SCAN_ID} class="panel panel--info" tabindex="-1" aria-labelledby="installer-application-titre">
            <h3 id="installer-application-titre" class="panel__title">
                <Icon kind={IconKind::Info} />
                { Text::ScanHeading.text(lang) }
            </h3>
            <ol class="steps">
                <li>{ Text::ScanStepInstall.text(lang) }</li>
                <li>
                    { Text::ScanStepScan.text(lang) }
                    { qr_code(&props.setup.qr, Text::ScanQrLabel.text(lang)) }
                    <p>
                        { Text::ScanStepKey.text(lang) }{ " " }
                        <code class="identifier totp-secret">{ props.setup.secret.clone() }</code>
                    </p>
                </li>
                <li>{ Text::ScanStepCode.text(lang) }</li>
            </ol>
            <FieldForm
                id={APP_CODE_ID}
                label={Text::AppCodeLabel}
                hint={Some(Text::CodeHint)}
                inputmode={Some(AttrValue::from("numeric"))}
                autocomplete={Some(AttrValue::from("one-time-code"))}
                check={Check::Code}
                field="code"
                path={api::paths::SECURITY_TOTP_CONFIRM}
                submit={Text::ScanSubmit}
                busy={Text::ScanChecking}
                {on_done}
                on_cancel={Some(props.on_cancel.clone())}
            />
        </section>
    }
}

/// A QR code drawn from its modules: one path of dark squares on a light square with the
/// four-module quiet zone scanners need.
pub fn qr_code(modules: &[Vec<bool>], label: &str) -> Html {
    let size = modules.len() + 8;
    let path = qr_path(modules);
    html! {
        <svg class="qr-code" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={label.to_owned()}>
            <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}

/// The SVG path of a QR code's dark modules, each a unit square, offset by the quiet zone.
pub fn qr_path(modules: &[Vec<bool>]) -> String {
    let mut path = String::new();
    for (y, row) in modules.iter().enumerate() {
        for (x, dark) in row.iter().enumerate() {
            if *dark {
                path.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    path
}

/// Properties of [`Devices`].
#[derive(Properties, PartialEq, Clone)]
pub struct DevicesProps {
    /// The open sessions, this one first.
    pub devices: Vec<Device>,
    /// Asks the page to load the settings again.
    pub reload: Callback<()>,
}

/// The devices signed in to the account, each but this one with a way to sign it out.
#[component]
pub fn Devices(props: &DevicesProps) -> Html {
    let lang = use_lang();
    let busy = use_state(|| None::<String>);
    let status = use_state(|| None::<(bool, AttrValue)>);
    let end = {
        let (busy, status, reload) = (busy.setter(), status.setter(), props.reload.clone());
        Callback::from(move |id: String| {
            let (busy, status, reload) = (busy.clone(), status.clone(), reload.clone());
            busy.set(Some(id.clone()));
            spawn_local(async move {
                let path = api::paths::security_device_end(&id);
                let answer = api::post_empty::<IgnoredAny>(&path, lang).await;
                busy.set(None);
                match answer {
                    Ok(_) => {
                        status.set(Some((true, Text::DeviceEnded.text(lang).into())));
                        reload.emit(());
                    }
                    Err(ApiFailure::Api(error)) if error.code == "not_found" => reload.emit(()),
                    Err(failure) => status.set(Some((false, failure.message(lang).into()))),
                }
            });
        })
    };
    html! {
        <section class="account-section" aria-labelledby="appareils-connectes">
            <h2 id="appareils-connectes">{ Text::DevicesHeading.text(lang) }</h2>
            <p>{ Text::DevicesLead.text(lang) }</p>
            <p class="status-line-holder" role="status">
                if let Some((ok, message)) = &*status {
                    <span class={classes!("status-line", if *ok { "status-line--success" } else { "status-line--error" })}>
                        <Icon kind={if *ok { IconKind::Success } else { IconKind::Error }} />
                        { message.clone() }
                    </span>
                }
            </p>
            <ul class="devices">
                { for props.devices.iter().map(|device| {
                    let onclick = {
                        let (end, id) = (end.clone(), device.id.clone());
                        Callback::from(move |_: MouseEvent| end.emit(id.clone()))
                    };
                    let ending = busy.as_deref() == Some(device.id.as_str());
                    html! {
                        <li key={device.id.clone()} class="devices__item">
                            <p class="devices__name">
                                <strong>{ device_name(device, lang) }</strong>
                                if device.current {
                                    { " " }
                                    <span class="badge">{ Text::DeviceThisOne.text(lang) }</span>
                                }
                            </p>
                            <p class="devices__meta">
                                { network(&device.network, lang) }
                                <br />
                                { Text::DeviceSignedIn.text(lang) }{ " " }{ when(&device.signed_in_at, lang) }
                                <br />
                                { Text::DeviceLastSeen.text(lang) }{ " " }{ when(&device.last_seen_at, lang) }
                            </p>
                            if !device.current {
                                <button type="button" class="button button--secondary" disabled={ending} {onclick}>
                                    if ending { { spinner() } }
                                    { Text::DeviceEnd.text(lang) }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// "Firefox sur Windows", "Navigateur inconnu".
pub fn device_name(device: &Device, lang: Lang) -> String {
    match (device.browser.as_str(), device.system.as_str()) {
        ("", "") => Text::DeviceUnknownBrowser.text(lang).to_owned(),
        ("", system) => format!("{} ({system})", Text::DeviceUnknownBrowser.text(lang)),
        (browser, "") => browser.to_owned(),
        (browser, system) => format!("{browser} {} {system}", Text::DeviceOn.text(lang)),
    }
}

/// The network class in words.
fn network(class: &str, lang: Lang) -> String {
    match class {
        "loopback" => Text::DeviceNetworkLoopback.text(lang).to_owned(),
        "private" | "" => Text::DeviceNetworkPrivate.text(lang).to_owned(),
        public => format!("{} {public}", Text::DeviceNetworkPublic.text(lang)),
    }
}

/// An ISO-8601 UTC instant on the member's clock, in words.
fn when(iso: &str, lang: Lang) -> String {
    time::parse_utc(iso)
        .map(browser::local_instant)
        .map_or_else(|| iso.to_owned(), |at| time::date_time(at, lang))
}

/// Where a guarded change stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guarded {
    /// The button.
    Idle,
    /// The password typed again first.
    StepUp,
    /// The change's own form.
    Form,
}

/// Properties of [`AccountEmail`] and [`AccountPassword`].
#[derive(Properties, PartialEq, Clone)]
pub struct GuardedProps {
    /// The account's security, as last loaded.
    pub settings: Rc<SecuritySettings>,
    /// Asks the page to load the settings again.
    pub reload: Callback<()>,
}

/// The account's e-mail address, and changing it (password again, new address, its code).
#[component]
pub fn AccountEmail(props: &GuardedProps) -> Html {
    let lang = use_lang();
    let step = use_state_eq(|| Guarded::Idle);
    let status = use_state(|| None::<AttrValue>);
    let open = {
        let (step, status) = (step.setter(), status.setter());
        let stepped_up = props.settings.stepped_up;
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            step.set(if stepped_up {
                Guarded::Form
            } else {
                Guarded::StepUp
            });
        })
    };
    let to_form = {
        // The other sections learn that the password was just typed again.
        let (step, reload) = (step.setter(), props.reload.clone());
        Callback::from(move |()| {
            step.set(Guarded::Form);
            reload.emit(());
        })
    };
    let cancel = {
        let step = step.setter();
        Callback::from(move |()| step.set(Guarded::Idle))
    };
    let sent = {
        let (step, reload) = (step.setter(), props.reload.clone());
        Callback::from(move |()| {
            step.set(Guarded::Idle);
            reload.emit(());
        })
    };
    let confirmed = {
        let (status, reload) = (status.setter(), props.reload.clone());
        Callback::from(move |()| {
            status.set(Some(Text::EmailChanged.text(lang).into()));
            reload.emit(());
        })
    };
    html! {
        <section class="account-section" aria-labelledby="adresse-email-compte">
            <h2 id="adresse-email-compte">{ Text::AccountEmailHeading.text(lang) }</h2>
            <p>
                { Text::AccountEmailNow.text(lang) }{ " " }
                <strong class="identifier">{ props.settings.email.clone() }</strong>{ "." }
            </p>
            <p class="status-line-holder" role="status">
                if let Some(message) = &*status {
                    <span class="status-line status-line--success">
                        <Icon kind={IconKind::Success} />
                        { message.clone() }
                    </span>
                }
            </p>
            if let Some(pending) = &props.settings.email_pending {
                <CodeSentForm
                    id="code-nouvelle-adresse"
                    sent_to={pending.clone()}
                    intro={Text::EmailPendingText}
                    label={Text::EmailCodeLabel}
                    submit={Text::EmailCodeSubmit}
                    path={api::paths::SECURITY_EMAIL_CONFIRM}
                    on_done={confirmed}
                />
            }
            { match *step {
                Guarded::Idle => html! {
                    <p>
                        <button type="button" class="button button--secondary" onclick={open}>
                            { Text::ChangeEmailButton.text(lang) }
                        </button>
                    </p>
                },
                Guarded::StepUp => html! { <StepUp on_done={to_form} on_cancel={cancel} /> },
                Guarded::Form => html! { <NewEmailForm on_done={sent} on_cancel={cancel} /> },
            } }
        </section>
    }
}

/// Properties of [`NewEmailForm`].
#[derive(Properties, PartialEq, Clone)]
struct NewEmailFormProps {
    on_done: Callback<()>,
    on_cancel: Callback<()>,
}

/// The new address.
#[component]
fn NewEmailForm(props: &NewEmailFormProps) -> Html {
    let on_done = {
        let done = props.on_done.clone();
        Callback::from(move |_| done.emit(()))
    };
    html! {
        <FieldForm
            id="nouvelle-adresse-email"
            label={Text::NewEmailLabel}
            input_type="email"
            inputmode={Some(AttrValue::from("email"))}
            autocomplete={Some(AttrValue::from("email"))}
            check={Check::Email}
            field="email"
            path={api::paths::SECURITY_EMAIL}
            submit={Text::NewEmailSubmit}
            busy={Text::NewEmailSending}
            {on_done}
            on_cancel={Some(props.on_cancel.clone())}
        />
    }
}

/// Changing the password (password again, then the new one).
#[component]
pub fn AccountPassword(props: &GuardedProps) -> Html {
    let lang = use_lang();
    let step = use_state_eq(|| Guarded::Idle);
    let status = use_state(|| None::<AttrValue>);
    let open = {
        let (step, status) = (step.setter(), status.setter());
        let stepped_up = props.settings.stepped_up;
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            step.set(if stepped_up {
                Guarded::Form
            } else {
                Guarded::StepUp
            });
        })
    };
    let to_form = {
        // The other sections learn that the password was just typed again.
        let (step, reload) = (step.setter(), props.reload.clone());
        Callback::from(move |()| {
            step.set(Guarded::Form);
            reload.emit(());
        })
    };
    let cancel = {
        let step = step.setter();
        Callback::from(move |()| step.set(Guarded::Idle))
    };
    let saved = {
        let (step, status, reload) = (step.setter(), status.setter(), props.reload.clone());
        Callback::from(move |()| {
            step.set(Guarded::Idle);
            status.set(Some(Text::PasswordSaved.text(lang).into()));
            reload.emit(());
        })
    };
    html! {
        <section class="account-section" aria-labelledby="mot-de-passe-compte">
            <h2 id="mot-de-passe-compte">{ Text::AccountPasswordHeading.text(lang) }</h2>
            <p>{ Text::AccountPasswordText.text(lang) }</p>
            <p class="status-line-holder" role="status">
                if let Some(message) = &*status {
                    <span class="status-line status-line--success">
                        <Icon kind={IconKind::Success} />
                        { message.clone() }
                    </span>
                }
            </p>
            { match *step {
                Guarded::Idle => html! {
                    <p>
                        <button type="button" class="button button--secondary" onclick={open}>
                            { Text::ChangePasswordButton.text(lang) }
                        </button>
                    </p>
                },
                Guarded::StepUp => html! { <StepUp on_done={to_form} on_cancel={cancel} /> },
                Guarded::Form => html! { <ChangePasswordForm on_done={saved} on_cancel={cancel} /> },
            } }
        </section>
    }
}

/// The new password while signed in.
#[component]
fn ChangePasswordForm(props: &NewEmailFormProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let password = use_state(String::new);
    let touched = use_state_eq(|| false);
    let error = form.server_error("password").or_else(|| {
        crate::components::new_password_field::new_password_error(
            &password,
            *touched,
            form.submitted(),
            lang,
        )
        .map(AttrValue::from)
    });
    let on_input = {
        let (password, form) = (password.clone(), form.clone());
        Callback::from(move |value: String| {
            form.clear_server_error("password");
            password.set(value);
        })
    };
    let on_blur = {
        let touched = touched.clone();
        Callback::from(move |()| touched.set(true))
    };
    let onsubmit = {
        let (password, touched, form, on_done) = (
            password.clone(),
            touched.clone(),
            form.clone(),
            props.on_done.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            touched.set(true);
            if crate::components::new_password_field::new_password_error(
                &password, true, true, lang,
            )
            .is_some()
            {
                submission.local_errors();
                return;
            }
            submission.sending();
            let request = portail_shared::security::PasswordChange {
                password: (*password).clone(),
            };
            let on_done = on_done.clone();
            spawn_local(async move {
                let answer =
                    api::post_json::<_, IgnoredAny>(api::paths::SECURITY_PASSWORD, &request, lang)
                        .await;
                if submission.finish(answer, lang).is_some() {
                    on_done.emit(());
                }
            });
        })
    };
    let on_cancel = {
        let cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.emit(()))
    };
    let summary = form.summary(&[("nouveau-mot-de-passe-compte", error.clone())]);
    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <form class="form" novalidate=true {onsubmit}>
                <crate::components::new_password_field::NewPasswordField
                    id="nouveau-mot-de-passe-compte"
                    value={AttrValue::from((*password).clone())}
                    {error}
                    {on_input}
                    {on_blur}
                />
                <div class="actions">
                    <button type="submit" class="button" disabled={form.busy()} onmousedown={keep_field_focus()}>
                        if form.busy() {
                            { spinner() }
                            { Text::NewPasswordSaving.text(lang) }
                        } else {
                            { Text::NewPasswordSubmit.text(lang) }
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

/// The mobile number for security alerts by SMS: adding or changing it (password again, the
/// number, the code sent to it) and removing it (password again).
#[component]
pub fn AccountMobile(props: &GuardedProps) -> Html {
    let lang = use_lang();
    let step = use_state_eq(|| Guarded::Idle);
    // What the password is typed again for: a number (form) or removing it.
    let removing = use_state_eq(|| false);
    let status = use_state(|| None::<(bool, AttrValue)>);
    let remove = {
        let (status, reload, step) = (status.setter(), props.reload.clone(), step.setter());
        Callback::from(move |()| {
            let (status, reload, step) = (status.clone(), reload.clone(), step.clone());
            spawn_local(async move {
                let answer =
                    api::post_empty::<IgnoredAny>(api::paths::SECURITY_MOBILE_REMOVE, lang).await;
                match answer {
                    Ok(_) => {
                        step.set(Guarded::Idle);
                        status.set(Some((true, Text::MobileRemoved.text(lang).into())));
                        reload.emit(());
                    }
                    Err(failure) if failure.code() == Some(api::codes::STEP_UP_REQUIRED) => {
                        step.set(Guarded::StepUp);
                    }
                    Err(failure) => status.set(Some((false, failure.message(lang).into()))),
                }
            });
        })
    };
    let open = |for_removal: bool| {
        let (step, status, removing, remove) = (
            step.setter(),
            status.setter(),
            removing.setter(),
            remove.clone(),
        );
        let stepped_up = props.settings.stepped_up;
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            removing.set(for_removal);
            match (stepped_up, for_removal) {
                (true, true) => remove.emit(()),
                (true, false) => step.set(Guarded::Form),
                (false, _) => step.set(Guarded::StepUp),
            }
        })
    };
    let after_step_up = {
        let (step, reload, remove) = (step.setter(), props.reload.clone(), remove.clone());
        let for_removal = *removing;
        Callback::from(move |()| {
            reload.emit(());
            if for_removal {
                remove.emit(());
            } else {
                step.set(Guarded::Form);
            }
        })
    };
    let cancel = {
        let step = step.setter();
        Callback::from(move |()| step.set(Guarded::Idle))
    };
    let sent = {
        let (step, reload) = (step.setter(), props.reload.clone());
        Callback::from(move |()| {
            step.set(Guarded::Idle);
            reload.emit(());
        })
    };
    let confirmed = {
        let (status, reload) = (status.setter(), props.reload.clone());
        Callback::from(move |()| {
            status.set(Some((true, Text::MobileConfirmed.text(lang).into())));
            reload.emit(());
        })
    };
    let settings = &props.settings;
    html! {
        <section class="account-section" aria-labelledby="telephone-mobile">
            <h2 id="telephone-mobile">{ Text::MobileHeading.text(lang) }</h2>
            if !settings.sms_available {
                <p>{ Text::MobileUnavailable.text(lang) }</p>
            } else {
                if let Some(number) = &settings.mobile {
                    <p>
                        { Text::MobileNow.text(lang) }{ " " }
                        <strong class="identifier">{ format_mobile(number) }</strong>{ "." }
                    </p>
                } else {
                    <p>{ Text::MobileNone.text(lang) }</p>
                }
                <p class="status-line-holder" role="status">
                    if let Some((ok, message)) = &*status {
                        <span class={classes!("status-line", if *ok { "status-line--success" } else { "status-line--error" })}>
                            <Icon kind={if *ok { IconKind::Success } else { IconKind::Error }} />
                            { message.clone() }
                        </span>
                    }
                </p>
                if let Some(pending) = &settings.mobile_pending {
                    <CodeSentForm
                        id="code-sms"
                        sent_to={format_mobile(pending)}
                        intro={Text::MobilePendingText}
                        label={Text::MobileCodeLabel}
                        submit={Text::MobileCodeSubmit}
                        path={api::paths::SECURITY_MOBILE_CONFIRM}
                        on_done={confirmed}
                    />
                }
                { match *step {
                    Guarded::Idle => html! {
                        <div class="actions">
                            <button type="button" class="button button--secondary" onclick={open(false)}>
                                { if settings.mobile.is_some() { Text::MobileChangeButton } else { Text::MobileAddButton }.text(lang) }
                            </button>
                            if settings.mobile.is_some() {
                                <button type="button" class="button button--secondary" onclick={open(true)}>
                                    { Text::MobileRemoveButton.text(lang) }
                                </button>
                            }
                        </div>
                    },
                    Guarded::StepUp => html! { <StepUp on_done={after_step_up} on_cancel={cancel} /> },
                    Guarded::Form => html! { <MobileForm on_done={sent} on_cancel={cancel} /> },
                } }
            }
        </section>
    }
}

/// The number.
#[component]
fn MobileForm(props: &NewEmailFormProps) -> Html {
    let on_done = {
        let done = props.on_done.clone();
        Callback::from(move |_| done.emit(()))
    };
    html! {
        <FieldForm
            id="numero-mobile"
            label={Text::MobileLabel}
            hint={Some(Text::MobileHint)}
            input_type="tel"
            inputmode={Some(AttrValue::from("tel"))}
            autocomplete={Some(AttrValue::from("tel-national"))}
            check={Check::Mobile}
            field="mobile"
            path={api::paths::SECURITY_MOBILE}
            submit={Text::MobileSubmit}
            busy={Text::MobileSubmit}
            {on_done}
            on_cancel={Some(props.on_cancel.clone())}
        />
    }
}

/// Properties of [`CodeSentForm`].
#[derive(Properties, PartialEq, Clone)]
struct CodeSentFormProps {
    id: &'static str,
    sent_to: String,
    intro: Text,
    label: Text,
    submit: Text,
    path: &'static str,
    on_done: Callback<()>,
}

/// "A code was sent to …": the code that proves an address or a number.
#[component]
fn CodeSentForm(props: &CodeSentFormProps) -> Html {
    let lang = use_lang();
    let on_done = {
        let done = props.on_done.clone();
        Callback::from(move |_| done.emit(()))
    };
    html! {
        <div class="panel panel--info">
            <p>
                { props.intro.text(lang) }{ " " }
                <strong class="identifier">{ props.sent_to.clone() }</strong>{ "." }
            </p>
            <FieldForm
                id={props.id}
                label={props.label}
                hint={Some(Text::CodeHint)}
                inputmode={Some(AttrValue::from("numeric"))}
                autocomplete={Some(AttrValue::from("one-time-code"))}
                check={Check::Code}
                field="code"
                path={props.path}
                submit={props.submit}
                busy={props.submit}
                {on_done}
            />
        </div>
    }
}
