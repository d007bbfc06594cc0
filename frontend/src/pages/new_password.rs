//! Choosing a new password (`/mot-de-passe/nouveau#<token>`), from the e-mailed link.
//!
//! The token travels in the address's fragment, which browsers never send to a server (no logs,
//! no `Referer`). The page reads it once; without one, or when the server says the link is no
//! longer valid, it offers to ask for a new link. The rules that need no personal data (length,
//! the site's name) are checked as the member types; the server checks the rest.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::password::{self, PersonalData, ResetPasswordRequest};
use serde::de::IgnoredAny;
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
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{Flash, FlashKind, SessionAction, use_session};

/// The password field's id (focus target of the error summary).
const PASSWORD_ID: &str = "nouveau-mot-de-passe";
/// The length meter's id.
const STRENGTH_ID: &str = "solidite-mot-de-passe";
/// The "link no longer valid" panel (focused when the server refuses the token).
const INVALID_LINK_ID: &str = "lien-invalide";

/// The address's fragment as known before any browser is asked: render tests and pre-rendering
/// provide it as a context; the browser app does not, and the page reads the address bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlFragment(pub Option<AttrValue>);

/// A strength by length only, 0 to 4 (the guessability score needs the server's dictionary):
/// 0 nothing typed, 1 under 12 characters, 2 from 12, 3 from 16, 4 from 20.
pub fn length_strength(password: &str) -> u8 {
    match password.chars().count() {
        0 => 0,
        n if n < password::MIN_CHARS => 1,
        n if n < 16 => 2,
        n if n < 20 => 3,
        _ => 4,
    }
}

/// The words of a [`length_strength`].
pub fn strength_text(strength: u8) -> Text {
    match strength {
        0 => Text::StrengthNone,
        1 => Text::StrengthTooShort,
        2 => Text::StrengthFair,
        3 => Text::StrengthGood,
        _ => Text::StrengthVeryGood,
    }
}

/// What is wrong with the new password before sending it, if anything: empty only on submit;
/// the rules the browser can check once the field has been left or the form sent.
pub fn new_password_error(
    input: &str,
    touched: bool,
    submitted: bool,
    lang: Lang,
) -> Option<&'static str> {
    if input.is_empty() {
        return submitted.then(|| Text::NewPasswordRequired.text(lang));
    }
    if !touched && !submitted {
        return None;
    }
    password::check_rules(input, &PersonalData::default())
        .err()
        .map(|problem| problem.message(lang))
}

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

/// Where the form stands after the last submit.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Not sent yet.
    Editing,
    /// The password was refused, here or by the server: a message next to the field.
    Invalid,
    /// No usable answer: one message for the form.
    Failed(AttrValue),
}

/// The new password, its rules, the length meter, and the button.
#[component]
pub fn NewPasswordForm(props: &NewPasswordFormProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let password = use_state(String::new);
    let touched = use_state_eq(|| false);
    let show_password = use_state_eq(|| false);
    let attempts = use_state_eq(|| 0_u32);
    let feedback = use_state_eq(|| 0_u32);
    let outcome = use_state(|| Outcome::Editing);
    let server_error = use_state(|| None::<AttrValue>);
    let busy = use_state_eq(|| false);

    use_effect_with(*feedback, move |feedback| {
        if *feedback > 0 {
            browser::focus_id(SUMMARY_ID);
        }
    });

    let submitted = *attempts > 0;
    let error = (*server_error)
        .clone()
        .or_else(|| new_password_error(&password, *touched, submitted, lang).map(AttrValue::from));
    let strength = length_strength(&password);

    let on_input = {
        let password = password.clone();
        let server_error = server_error.clone();
        Callback::from(move |value: String| {
            if server_error.is_some() {
                server_error.set(None);
            }
            password.set(value);
        })
    };
    let on_blur = {
        let touched = touched.clone();
        Callback::from(move |()| touched.set(true))
    };
    let on_show_password = {
        let show_password = show_password.clone();
        Callback::from(move |_: Event| show_password.set(!*show_password))
    };

    let onsubmit = {
        let password = password.clone();
        let touched = touched.clone();
        let attempts = attempts.clone();
        let feedback = feedback.clone();
        let outcome = outcome.clone();
        let server_error = server_error.clone();
        let busy = busy.clone();
        let token = props.token.clone();
        let on_invalid = props.on_invalid.clone();
        let dispatch = session.dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            touched.set(true);
            attempts.set(*attempts + 1);
            if new_password_error(&password, true, true, lang).is_some() {
                server_error.set(None);
                outcome.set(Outcome::Invalid);
                feedback.set(*feedback + 1);
                return;
            }
            busy.set(true);
            let request = ResetPasswordRequest {
                token: token.to_string(),
                password: (*password).clone(),
            };
            let next_feedback = *feedback + 1;
            let (busy, outcome, server_error, feedback) = (
                busy.setter(),
                outcome.setter(),
                server_error.setter(),
                feedback.setter(),
            );
            let on_invalid = on_invalid.clone();
            let dispatch = dispatch.clone();
            let navigator = navigator.clone();
            spawn_local(async move {
                let result =
                    api::post_json::<_, IgnoredAny>(api::paths::PASSWORD_RESET, &request, lang)
                        .await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        dispatch.emit(SessionAction::ShowFlash(Flash {
                            route: Route::Login,
                            kind: FlashKind::Success,
                            text: Text::PasswordChanged,
                        }));
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Login);
                        }
                        return;
                    }
                    Err(ApiFailure::Api(error)) if error.code == api::codes::VALIDATION => {
                        if error.fields.contains_key("token") {
                            on_invalid.emit(());
                            return;
                        }
                        match error.fields.get("password") {
                            Some(message) => {
                                server_error.set(Some(message.clone().into()));
                                outcome.set(Outcome::Invalid);
                            }
                            None => outcome.set(Outcome::Failed(error.message.into())),
                        }
                    }
                    Err(failure) => outcome.set(Outcome::Failed(failure.message(lang).into())),
                }
                feedback.set(next_feedback);
            });
        })
    };

    let summary: Vec<SummaryItem> = match &*outcome {
        Outcome::Invalid => error
            .clone()
            .map(|message| SummaryItem::field(PASSWORD_ID, message))
            .into_iter()
            .collect(),
        Outcome::Failed(message) => vec![SummaryItem::form(message.clone())],
        Outcome::Editing => Vec::new(),
    };
    let strength_words = strength_text(strength).text(lang);

    html! {
        <>
            if !summary.is_empty() {
                { error_summary(&summary, lang) }
            }
            <form class="form" {onsubmit}>
                <TextField
                    id={PASSWORD_ID}
                    label={Text::NewPasswordLabel.text(lang)}
                    hint={Some(AttrValue::from(Text::PasswordRulesIntro.text(lang)))}
                    hint_items={vec![
                        AttrValue::from(Text::PasswordRuleLength.text(lang)),
                        AttrValue::from(Text::PasswordRulePhrase.text(lang)),
                        AttrValue::from(Text::PasswordRulePersonal.text(lang)),
                    ]}
                    value={AttrValue::from((*password).clone())}
                    {error}
                    input_type={if *show_password { "text" } else { "password" }}
                    autocomplete={Some(AttrValue::from("new-password"))}
                    {on_input}
                    {on_blur}
                >
                    <div class="checkbox">
                        <input
                            type="checkbox"
                            id="afficher-nouveau-mot-de-passe"
                            class="checkbox__input"
                            checked={*show_password}
                            onchange={on_show_password}
                        />
                        <label class="checkbox__label" for="afficher-nouveau-mot-de-passe">
                            { Text::ShowPassword.text(lang) }
                        </label>
                    </div>
                    <div class="strength">
                        <label class="strength__label" for={STRENGTH_ID}>
                            { Text::StrengthLabel.text(lang) }
                        </label>
                        <meter
                            id={STRENGTH_ID}
                            class="strength__meter"
                            min="0"
                            max="4"
                            low="2"
                            high="3"
                            optimum="4"
                            value={strength.to_string()}
                            aria-valuetext={strength_words}
                        >
                            { strength_words }
                        </meter>
                        <span class="strength__text">{ strength_words }</span>
                    </div>
                </TextField>
                <button
                    type="submit"
                    class="button button--large"
                    disabled={*busy}
                    onmousedown={keep_field_focus()}
                >
                    if *busy {
                        { spinner() }
                        { Text::NewPasswordSaving.text(lang) }
                    } else {
                        { Text::NewPasswordSubmit.text(lang) }
                    }
                </button>
                <p class="visually-hidden" role="status">
                    if *busy { { Text::NewPasswordSaving.text(lang) } }
                </p>
            </form>
        </>
    }
}
