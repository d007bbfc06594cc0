//! Choosing a new password (`/mot-de-passe/nouveau#<token>`), from the e-mailed link.
//!
//! The token travels in the address's fragment, which browsers never send to a server (no logs,
//! no `Referer`). The page reads it once; without one, or when the server says the link is no
//! longer valid, it offers to ask for a new link. The rules that need no personal data (length,
//! the site's name) are checked as the member types; the server checks the rest.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::password::ResetPasswordRequest;
use serde::de::IgnoredAny;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser::{self, UrlFragment};
use crate::components::error_summary::error_summary;
use crate::components::field::keep_field_focus;
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
pub use crate::components::new_password_field::{
    NewPasswordField, length_strength, new_password_error, strength_text,
};
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{Flash, FlashKind, SessionAction, use_session};

/// The password field's id (focus target of the error summary).
const PASSWORD_ID: &str = "nouveau-mot-de-passe";
/// The "link no longer valid" panel (focused when the server refuses the token).
const INVALID_LINK_ID: &str = "lien-invalide";

/// Where the link stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Link {
    /// The address bar has not been read yet (the browser's first render).
    Reading,
    /// No token, or the server refused it.
    Invalid,
    /// A token to send with the new password.
    Token(AttrValue),
}

impl Link {
    fn from_fragment(fragment: Option<AttrValue>) -> Self {
        match fragment {
            Some(token) if !token.trim().is_empty() => {
                Link::Token(token.trim_start_matches('#').trim().to_owned().into())
            }
            Some(_) | None => Link::Invalid,
        }
    }
}

/// The new-password page.
#[component]
pub fn NewPasswordPage() -> Html {
    let lang = use_lang();
    let preset = use_context::<UrlFragment>();
    let link = {
        let preset = preset.clone();
        use_state_eq(move || match preset {
            Some(UrlFragment(fragment)) => Link::from_fragment(fragment),
            None => Link::Reading,
        })
    };
    let refused = use_state_eq(|| false);
    use_effect_with(*refused, |refused| {
        if *refused {
            browser::focus_id(INVALID_LINK_ID);
        }
    });
    {
        let link = link.clone();
        use_effect_with((), move |()| {
            if *link == Link::Reading {
                link.set(Link::from_fragment(
                    browser::location_fragment().map(AttrValue::from),
                ));
            }
        });
    }

    let content = match &*link {
        Link::Reading => html! {},
        Link::Invalid => invalid_link(lang),
        Link::Token(token) => {
            let on_invalid = {
                let link = link.clone();
                let refused = refused.setter();
                Callback::from(move |()| {
                    link.set(Link::Invalid);
                    refused.set(true);
                })
            };
            html! { <NewPasswordForm token={token.clone()} {on_invalid} /> }
        }
    };
    html! {
        <div class="narrow">
            <PageTitle text={Text::TitleNewPassword} />
            { content }
        </div>
    }
}

/// The link is missing, expired, used or mistyped: ask for a new one.
fn invalid_link(lang: Lang) -> Html {
    html! {
        <section
            id={INVALID_LINK_ID}
            class="panel panel--warning"
            tabindex="-1"
            aria-labelledby="lien-invalide-titre"
        >
            <h2 id="lien-invalide-titre" class="panel__title">
                <Icon kind={IconKind::Warning} />
                { Text::ResetLinkInvalidTitle.text(lang) }
            </h2>
            <p>{ Text::ResetLinkInvalidText.text(lang) }</p>
            <AppLink to={Route::ForgotPassword} classes={classes!("button")}>
                { Text::ResetLinkAskAgain.text(lang) }
            </AppLink>
        </section>
    }
}

/// Properties of [`NewPasswordForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct NewPasswordFormProps {
    /// The token from the link.
    pub token: AttrValue,
    /// Called when the server says the link is no longer valid.
    pub on_invalid: Callback<()>,
}

/// The new password and the button.
#[component]
pub fn NewPasswordForm(props: &NewPasswordFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let form = use_form();
    let password = use_state(String::new);
    let touched = use_state_eq(|| false);

    let error = form.server_error("password").or_else(|| {
        new_password_error(&password, *touched, form.submitted(), lang).map(AttrValue::from)
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
        let (password, touched, form) = (password.clone(), touched.clone(), form.clone());
        let token = props.token.clone();
        let on_invalid = props.on_invalid.clone();
        let dispatch = session.dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            touched.set(true);
            if new_password_error(&password, true, true, lang).is_some() {
                submission.local_errors();
                return;
            }
            submission.sending();
            let request = ResetPasswordRequest {
                token: token.to_string(),
                password: (*password).clone(),
            };
            let (on_invalid, dispatch, navigator) =
                (on_invalid.clone(), dispatch.clone(), navigator.clone());
            spawn_local(async move {
                let result =
                    api::post_json::<_, IgnoredAny>(api::paths::PASSWORD_RESET, &request, lang)
                        .await;
                // The server refuses the link itself: offer a new one instead of the form.
                if let Err(ApiFailure::Api(error)) = &result
                    && error.fields.contains_key("token")
                {
                    submission.finish(Ok(()), lang);
                    on_invalid.emit(());
                    return;
                }
                if submission.finish(result, lang).is_some() {
                    dispatch.emit(SessionAction::ShowFlash(Flash {
                        route: Route::Login,
                        kind: FlashKind::Success,
                        text: Text::PasswordChanged,
                    }));
                    if let Some(navigator) = &navigator {
                        navigator.push(&Route::Login);
                    }
                }
            });
        })
    };

    let summary = form.summary(&[(PASSWORD_ID, error.clone())]);
    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <form class="form" novalidate=true {onsubmit}>
                <NewPasswordField
                    id={PASSWORD_ID}
                    value={AttrValue::from((*password).clone())}
                    {error}
                    {on_input}
                    {on_blur}
                />
                <button
                    type="submit"
                    class="button button--large"
                    disabled={form.busy()}
                    onmousedown={keep_field_focus()}
                >
                    if form.busy() {
                        { spinner() }
                        { Text::NewPasswordSaving.text(lang) }
                    } else {
                        { Text::NewPasswordSubmit.text(lang) }
                    }
                </button>
                <p class="visually-hidden" role="status">
                    if form.busy() { { Text::NewPasswordSaving.text(lang) } }
                </p>
            </form>
        </>
    }
}
