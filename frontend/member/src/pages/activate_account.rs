//! Creating an account, second step (`/creer-mon-compte/code`): the NIR, the code printed on
//! the letter and the new password. The server then e-mails a code to confirm the address; the
//! member types it on the sign-in code page, which opens the account and signs them in.

use std::rc::Rc;

use portail_shared::activation::{ActivateRequest, parse_letter_code};
use portail_shared::i18n::Text;
use portail_shared::login::LoginStep;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::browser;
use crate::components::error_summary::error_summary;
use crate::components::field::{TextField, keep_field_focus};
use crate::components::form::{Outcome, use_form};
use crate::components::icons::spinner;
use crate::components::link::AppLink;
use crate::components::new_password_field::{NewPasswordField, new_password_error};
use crate::components::nir_field::{NIR_ID, NirCheck, NirField, nir_is_well_formed};
use crate::components::page_title::PageTitle;
use crate::components::throttle::ThrottlePanel;
use crate::config::use_config;
use crate::lang::use_lang;
use crate::pages::create_account::demo_notice;
use crate::pages::login::already_signed_in;
use crate::route::Route;
use crate::session::{SessionAction, use_session};

/// The code field.
const CODE_ID: &str = "code-activation";
/// The password field.
const PASSWORD_ID: &str = "mot-de-passe-choisi";

/// What is wrong with the typed activation code, once judged.
pub fn letter_code_error(input: &str, touched: bool, submitted: bool) -> Option<Text> {
    if input.trim().is_empty() {
        return submitted.then_some(Text::LetterCodeRequired);
    }
    (parse_letter_code(input).is_none() && (touched || submitted))
        .then_some(Text::LetterCodeMalformed)
}

/// The second step of creating an account.
#[component]
pub fn ActivateAccountPage() -> Html {
    let lang = use_lang();
    let config = use_config();
    let session = use_session();
    let navigator = use_navigator();
    let form = use_form();
    let nir = use_state(String::new);
    let nir_touched = use_state_eq(|| false);
    let code = use_state(String::new);
    let code_touched = use_state_eq(|| false);
    let password = use_state(String::new);
    let password_touched = use_state_eq(|| false);

    if session.session.state.member().is_some() {
        return already_signed_in(Text::TitleActivateAccount, lang);
    }

    let submitted = form.submitted();
    let nir_check = NirCheck::new(
        &nir,
        *nir_touched,
        submitted,
        form.server_error("nir"),
        lang,
    );
    let code_error = form.server_error("code").or_else(|| {
        letter_code_error(&code, *code_touched, submitted).map(|t| AttrValue::from(t.text(lang)))
    });
    let password_error = form.server_error("password").or_else(|| {
        new_password_error(&password, *password_touched, submitted, lang).map(AttrValue::from)
    });

    let input = |state: &UseStateHandle<String>, field: &'static str| {
        let (state, form) = (state.clone(), form.clone());
        Callback::from(move |value: String| {
            form.clear_server_error(field);
            state.set(value);
        })
    };
    let blur = |touched: &UseStateHandle<bool>| {
        let touched = touched.clone();
        Callback::from(move |()| touched.set(true))
    };

    let onsubmit = {
        let (nir, code, password, form) =
            (nir.clone(), code.clone(), password.clone(), form.clone());
        let touched = (
            nir_touched.clone(),
            code_touched.clone(),
            password_touched.clone(),
        );
        let dispatch = session.dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            touched.0.set(true);
            touched.1.set(true);
            touched.2.set(true);
            let ok = nir_is_well_formed(&nir)
                && parse_letter_code(&code).is_some()
                && new_password_error(&password, true, true, lang).is_none();
            if !ok {
                submission.local_errors();
                return;
            }
            submission.sending();
            let request = ActivateRequest {
                nir: (*nir).clone(),
                code: (*code).clone(),
                password: (*password).clone(),
            };
            let (dispatch, navigator) = (dispatch.clone(), navigator.clone());
            spawn_local(async move {
                let result =
                    api::post_json::<_, LoginStep>(api::paths::ACTIVATION, &request, lang).await;
                if let Some(step) = submission.finish(result, lang) {
                    browser::store_pending_login(&step);
                    dispatch.emit(SessionAction::LoginStarted(Rc::new(step)));
                    if let Some(navigator) = navigator {
                        navigator.push(&Route::LoginCode);
                    }
                }
            });
        })
    };

    let summary = form.summary(&[
        (NIR_ID, nir_check.error.clone()),
        (CODE_ID, code_error.clone()),
        (PASSWORD_ID, password_error.clone()),
    ]);

    html! {
        <div class="narrow">
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <PageTitle text={Text::TitleActivateAccount} />
            if let Outcome::Throttled { message, retry } = form.outcome() {
                <ThrottlePanel {message} {retry} />
            }
            <p class="lead">{ Text::ActivateLead.text(lang) }</p>
            if config.is_demo() {
                { demo_notice(lang) }
            }
            <form class="form" novalidate=true {onsubmit}>
                <NirField
                    value={AttrValue::from((*nir).clone())}
                    check={nir_check}
                    on_input={input(&nir, "nir")}
                    on_blur={blur(&nir_touched)}
                />
                <TextField
                    id={CODE_ID}
                    label={Text::LetterCodeLabel.text(lang)}
                    hint={Some(AttrValue::from(Text::LetterCodeHint.text(lang)))}
                    value={AttrValue::from((*code).clone())}
                    error={code_error}
                    autocomplete={Some(AttrValue::from("off"))}
                    on_input={input(&code, "code")}
                    on_blur={blur(&code_touched)}
                />
                <NewPasswordField
                    id={PASSWORD_ID}
                    value={AttrValue::from((*password).clone())}
                    error={password_error}
                    on_input={input(&password, "password")}
                    on_blur={blur(&password_touched)}
                />
                <button type="submit" class="button button--large" disabled={form.busy()} onmousedown={keep_field_focus()}>
                    if form.busy() {
                        { spinner() }
                        { Text::ActivateSending.text(lang) }
                    } else {
                        { Text::ActivateSubmit.text(lang) }
                    }
                </button>
                <p class="visually-hidden" role="status">
                    if form.busy() { { Text::ActivateSending.text(lang) } }
                </p>
            </form>
            <p class="form__aside">
                { Text::NoLetterYet.text(lang) }{ " " }
                <AppLink to={Route::CreateAccount}>{ Text::AskForLetter.text(lang) }</AppLink>
            </p>
        </div>
    }
}
