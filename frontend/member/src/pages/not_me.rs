//! "This was not me" (`/securite/pas-moi#<token>`), from a security notice: one button ends
//! every session of the account and e-mails a link to choose a new password. The page asks for
//! nothing else, so a forged link gains nothing.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::security::NotMeRequest;
use serde::de::IgnoredAny;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::browser::UrlFragment;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{SessionAction, use_session};

/// The answer panel (focused when it appears).
const RESULT_ID: &str = "compte-securise";

/// Where the page stands.
#[derive(Debug, Clone, PartialEq)]
enum State {
    /// The address bar has not been read yet.
    Reading,
    /// A token, and whether it is being sent.
    Ready(AttrValue),
    /// Done: every session ended.
    Done,
    /// No token, or the server refused it (its words, if any).
    Invalid(Option<AttrValue>),
    /// No usable answer.
    Failed(AttrValue),
}

fn from_fragment(fragment: Option<AttrValue>) -> State {
    match fragment {
        Some(token) if !token.trim_start_matches('#').trim().is_empty() => {
            State::Ready(token.trim_start_matches('#').trim().to_owned().into())
        }
        _ => State::Invalid(None),
    }
}

/// The "this was not me" page.
#[component]
pub fn NotMePage() -> Html {
    let lang = use_lang();
    let session = use_session();
    let preset = use_context::<UrlFragment>();
    let state = {
        let preset = preset.clone();
        use_state(move || match preset {
            Some(UrlFragment(fragment)) => from_fragment(fragment),
            None => State::Reading,
        })
    };
    let busy = use_state_eq(|| false);
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            if *state == State::Reading {
                state.set(from_fragment(
                    browser::location_fragment().map(AttrValue::from),
                ));
            }
        });
    }
    let answered = matches!(
        *state,
        State::Done | State::Invalid(Some(_)) | State::Failed(_)
    );
    use_effect_with(answered, |answered| {
        if *answered {
            browser::focus_id(RESULT_ID);
        }
    });

    let onclick = {
        let (state, busy, dispatch) = (state.clone(), busy.clone(), session.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let State::Ready(token) = &*state else {
                return;
            };
            if *busy {
                return;
            }
            busy.set(true);
            let request = NotMeRequest {
                token: token.to_string(),
            };
            let (state, busy, dispatch) = (state.setter(), busy.setter(), dispatch.clone());
            spawn_local(async move {
                let answer =
                    api::post_json::<_, IgnoredAny>(api::paths::SECURITY_NOT_ME, &request, lang)
                        .await;
                busy.set(false);
                state.set(match answer {
                    Ok(_) => {
                        // This browser's session, if any, ended with the others.
                        dispatch.emit(SessionAction::SignedOut(None));
                        State::Done
                    }
                    Err(ApiFailure::Api(error)) if error.fields.contains_key("token") => {
                        State::Invalid(error.fields.get("token").cloned().map(AttrValue::from))
                    }
                    Err(failure) => State::Failed(failure.message(lang).into()),
                });
            });
        })
    };

    let body = match &*state {
        State::Reading => html! {},
        State::Ready(_) => html! {
            <>
                <p class="lead">{ Text::NotMeLead.text(lang) }</p>
                <button type="button" class="button button--large" disabled={*busy} {onclick}>
                    if *busy {
                        { spinner() }
                        { Text::NotMeSending.text(lang) }
                    } else {
                        { Text::NotMeSubmit.text(lang) }
                    }
                </button>
                <p class="visually-hidden" role="status">
                    if *busy { { Text::NotMeSending.text(lang) } }
                </p>
            </>
        },
        State::Done => html! {
            <section id={RESULT_ID} class="panel panel--info" role="status" tabindex="-1" aria-labelledby="compte-securise-titre">
                <h2 id="compte-securise-titre" class="panel__title">
                    <Icon kind={IconKind::Success} />
                    { Text::NotMeDoneTitle.text(lang) }
                </h2>
                <p>{ Text::NotMeDoneText.text(lang) }</p>
            </section>
        },
        State::Invalid(message) => invalid(lang, message.clone()),
        State::Failed(message) => html! {
            <p id={RESULT_ID} class="status-line status-line--error" role="alert" tabindex="-1">
                <Icon kind={IconKind::Error} />
                { message.clone() }
            </p>
        },
    };
    html! {
        <div class="narrow">
            <PageTitle text={Text::TitleNotMe} />
            { body }
            <section class="help-box" aria-labelledby="pas-moi-appeler">
                <h2 id="pas-moi-appeler">{ Text::HelpPhoneHeading.text(lang) }</h2>
                <PhoneLine />
            </section>
        </div>
    }
}

fn invalid(lang: Lang, message: Option<AttrValue>) -> Html {
    html! {
        <section id={RESULT_ID} class="panel panel--warning" tabindex="-1" aria-labelledby="pas-moi-invalide">
            <h2 id="pas-moi-invalide" class="panel__title">
                <Icon kind={IconKind::Warning} />
                { Text::NotMeInvalidTitle.text(lang) }
            </h2>
            <p>{ message.unwrap_or_else(|| AttrValue::from(Text::ResetLinkInvalidText.text(lang))) }</p>
            <AppLink to={Route::ForgotPassword} classes={classes!("button")}>
                { Text::ForgotPasswordLink.text(lang) }
            </AppLink>
        </section>
    }
}
