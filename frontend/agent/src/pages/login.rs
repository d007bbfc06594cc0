//! Agents' sign-in (`/agent/connexion`): e-mail and password, then the authenticator app's
//! code (mandatory for agents). What was typed is kept after a refusal, except the password.

use portail_shared::agent::{AgentCodeRequest, AgentLoginRequest, AgentMe};
use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::error_summary::error_summary;
use crate::components::field::TextField;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::page_title::PageTitle;
use crate::config::ConfigState;
use crate::lang::use_lang;
use crate::route::AgentRoute;

/// The agents' sign-in page.
#[component]
pub fn AgentLoginPage() -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let form = use_form();
    let email = use_state(String::new);
    let password = use_state(String::new);
    let code = use_state(String::new);
    let code_step = use_state_eq(|| false);
    let demo = use_context::<ConfigState>().is_some_and(|c| c.is_demo());
    let demo_code = use_state(|| None::<String>);
    {
        // A demo visitor has no app holding the demo agents' secrets: show the code.
        let demo_code = demo_code.setter();
        use_effect_with(*code_step, move |step| {
            if *step && demo {
                spawn_local(async move {
                    if let Ok(shown) =
                        api::get_json::<AgentCodeRequest>(api::paths::DEMO_AGENT_CODE, lang).await
                    {
                        demo_code.set(Some(shown.code));
                    }
                });
            }
        });
    }

    let email_error = form.server_error("email");
    let password_error = form.server_error("password");
    let code_error = form.server_error("code");

    let onsubmit = {
        let (form, email, password, code, code_step) = (
            form.clone(),
            email.clone(),
            password.clone(),
            code.clone(),
            code_step.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let (email, password, code, code_step, navigator) = (
                email.clone(),
                password.clone(),
                code.clone(),
                code_step.clone(),
                navigator.clone(),
            );
            spawn_local(async move {
                if *code_step {
                    let body = AgentCodeRequest {
                        code: (*code).clone(),
                    };
                    let result =
                        api::post_json::<_, AgentMe>(api::paths::AGENT_LOGIN_CODE, &body, lang)
                            .await;
                    match submission.finish(result, lang) {
                        Some(_) => {
                            if let Some(navigator) = navigator {
                                navigator.push(&AgentRoute::Home);
                            }
                        }
                        None => code.set(String::new()),
                    }
                } else {
                    let body = AgentLoginRequest {
                        email: (*email).clone(),
                        password: (*password).clone(),
                    };
                    let result =
                        api::post_json::<_, ()>(api::paths::AGENT_LOGIN, &body, lang).await;
                    password.set(String::new());
                    if submission.finish(result, lang).is_some() {
                        code_step.set(true);
                        crate::browser::focus_id("agent-code");
                    }
                }
            });
        })
    };

    let summary = form.summary(&[
        ("agent-email", email_error.clone()),
        ("agent-password", password_error.clone()),
        ("agent-code", code_error.clone()),
    ]);
    let text_input = |state: &UseStateHandle<String>, field: &'static str| {
        let (state, form) = (state.clone(), form.clone());
        Callback::from(move |value: String| {
            form.clear_server_error(field);
            state.set(value);
        })
    };

    html! {
        <>
            <PageTitle text={Text::TitleAgentLogin} />
            <p class="lead">{ Text::AgentLoginIntro.text(lang) }</p>
            { error_summary(&summary, lang) }
            <form class="form" novalidate=true {onsubmit}>
                if *code_step {
                    if let Some(shown) = &*demo_code {
                        <p class="notice notice--info demo-code">
                            <Icon kind={IconKind::Info} />
                            <span>{ Text::AgentDemoCode.text(lang) }{ " " }<strong>{ shown.clone() }</strong></span>
                        </p>
                    }
                    <TextField
                        id="agent-code"
                        label={Text::AgentCode.text(lang)}
                        hint={AttrValue::from(Text::AgentCodeHint.text(lang))}
                        value={(*code).clone()}
                        error={code_error}
                        autocomplete="one-time-code"
                        inputmode="numeric"
                        on_input={text_input(&code, "code")}
                    />
                } else {
                    <TextField
                        id="agent-email"
                        label={Text::AgentEmail.text(lang)}
                        value={(*email).clone()}
                        error={email_error}
                        input_type="email"
                        autocomplete="username"
                        on_input={text_input(&email, "email")}
                    />
                    <TextField
                        id="agent-password"
                        label={Text::AgentPassword.text(lang)}
                        value={(*password).clone()}
                        error={password_error}
                        input_type="password"
                        autocomplete="current-password"
                        on_input={text_input(&password, "password")}
                    />
                }
                <button type="submit" class="button" aria-busy={form.busy().then_some("true")}>
                    if form.busy() { { spinner() } }
                    { if *code_step { Text::AgentSignIn.text(lang) } else { Text::AgentContinue.text(lang) } }
                </button>
            </form>
        </>
    }
}
