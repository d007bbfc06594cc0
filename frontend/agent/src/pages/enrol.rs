//! A new agent's enrolment (`/agent/inscription#TOKEN`, the link `portail agent create`
//! prints): add the key to an authenticator app, choose a password, prove the app works.

use portail_shared::agent::{EnrolRequest, EnrolmentInfo, EnrolmentToken};
use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::error_summary::error_summary;
use crate::components::field::TextField;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::route::AgentRoute;

/// The enrolment page.
#[component]
pub fn AgentEnrolPage() -> Html {
    let lang = use_lang();
    let form = use_form();
    let token = use_state(|| crate::browser::location_fragment().unwrap_or_default());
    let info = use_state(|| None::<Result<EnrolmentInfo, AttrValue>>);
    let password = use_state(String::new);
    let code = use_state(String::new);
    let done = use_state_eq(|| false);
    {
        let (info, token) = (info.setter(), (*token).clone());
        use_effect_with((), move |()| {
            spawn_local(async move {
                let body = EnrolmentToken { token };
                let loaded = api::post_json::<_, EnrolmentInfo>(
                    api::paths::AGENT_ENROLMENT_INFO,
                    &body,
                    lang,
                )
                .await;
                info.set(Some(loaded.map_err(|e| e.message(lang).into())));
            });
        });
    }
    let body = match &*info {
        None => html! { <p class="loading" role="status">{ Text::AgentLoading.text(lang) }</p> },
        Some(Err(message)) => html! {
            <p class="notice notice--error" role="alert"><Icon kind={IconKind::Error} />{ message.clone() }</p>
        },
        Some(Ok(_)) if *done => html! {
            <>
                <p class="notice notice--success" role="status"><Icon kind={IconKind::Success} />{ Text::AgentEnrolDone.text(lang) }</p>
                <AppLink to={AgentRoute::Login} classes={classes!("button")}>{ Text::AgentSignIn.text(lang) }</AppLink>
            </>
        },
        Some(Ok(info)) => {
            let onsubmit = {
                let (form, token, password, code, done) = (
                    form.clone(),
                    token.clone(),
                    password.clone(),
                    code.clone(),
                    done.clone(),
                );
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    let Some(submission) = form.begin() else {
                        return;
                    };
                    submission.sending();
                    let body = EnrolRequest {
                        token: (*token).clone(),
                        password: (*password).clone(),
                        code: (*code).clone(),
                    };
                    let done = done.clone();
                    spawn_local(async move {
                        let result =
                            api::post_json::<_, ()>(api::paths::AGENT_ENROLMENT, &body, lang).await;
                        if submission.finish(result, lang).is_some() {
                            done.set(true);
                        }
                    });
                })
            };
            let input = |state: &UseStateHandle<String>, field: &'static str| {
                let (state, form) = (state.clone(), form.clone());
                Callback::from(move |value: String| {
                    form.clear_server_error(field);
                    state.set(value);
                })
            };
            let summary = form.summary(&[
                ("enrol-password", form.server_error("password")),
                ("enrol-code", form.server_error("code")),
            ]);
            html! {
                <>
                    <p class="lead">{ Text::AgentEnrolIntro.text(lang) }</p>
                    <p>{ Text::AgentEmail.text(lang) }{ "\u{a0}: " }<strong>{ info.email.clone() }</strong></p>
                    <p>{ Text::AgentEnrolKey.text(lang) }</p>
                    <p class="totp-secret"><code>{ info.secret.clone() }</code></p>
                    { error_summary(&summary, lang) }
                    <form class="form" novalidate=true {onsubmit}>
                        <TextField id="enrol-password" label={Text::AgentEnrolNewPassword.text(lang)}
                            value={(*password).clone()} error={form.server_error("password")}
                            input_type="password" autocomplete="new-password"
                            on_input={input(&password, "password")} />
                        <TextField id="enrol-code" label={Text::AgentCode.text(lang)}
                            hint={AttrValue::from(Text::AgentCodeHint.text(lang))}
                            value={(*code).clone()} error={form.server_error("code")}
                            autocomplete="one-time-code" inputmode="numeric"
                            on_input={input(&code, "code")} />
                        <button type="submit" class="button">
                            if form.busy() { { spinner() } }
                            { Text::AgentEnrolSubmit.text(lang) }
                        </button>
                    </form>
                </>
            }
        }
    };
    html! {
        <>
            <PageTitle text={Text::TitleAgentEnrol} />
            { body }
        </>
    }
}
