//! Choosing a password: the field with its rules, "show the password", and a strength meter.
//!
//! The meter follows the length at once, then, a moment after the member pauses, the server's
//! judgement (its dictionary of common and French passwords is too big to ship to the browser):
//! the score and, when the password would be refused, what to do better.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::password::{self, PersonalData, Strength, StrengthRequest};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::field::TextField;
use crate::lang::use_lang;

/// How long the member pauses before the server is asked.
const PAUSE: Duration = Duration::from_millis(400);

/// A strength by length only, 0 to 4, shown until the server answers: 0 nothing typed, 1 under
/// 12 characters, 2 from 12, 3 from 16, 4 from 20.
pub fn length_strength(password: &str) -> u8 {
    match password.chars().count() {
        0 => 0,
        n if n < password::MIN_CHARS => 1,
        n if n < 16 => 2,
        n if n < 20 => 3,
        _ => 4,
    }
}

/// The words of a strength.
pub fn strength_text(strength: u8) -> Text {
    match strength {
        0 => Text::StrengthNone,
        1 => Text::StrengthTooShort,
        2 => Text::StrengthFair,
        3 => Text::StrengthGood,
        _ => Text::StrengthVeryGood,
    }
}

/// What is wrong with a new password before sending it, if anything: empty only on submit;
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

/// Properties of [`NewPasswordField`].
#[derive(Properties, PartialEq, Clone)]
pub struct NewPasswordFieldProps {
    /// The input's id.
    pub id: AttrValue,
    /// The label.
    #[prop_or(AttrValue::Static(""))]
    pub label: AttrValue,
    /// The current value.
    pub value: AttrValue,
    /// What is wrong with it, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Called with the new value at each keystroke.
    pub on_input: Callback<String>,
    /// Called when the field loses focus.
    #[prop_or_default]
    pub on_blur: Callback<()>,
}

/// The new-password field, its rules and its meter.
#[component]
pub fn NewPasswordField(props: &NewPasswordFieldProps) -> Html {
    let lang = use_lang();
    let show = use_state_eq(|| false);
    // The server's judgement of the value it was asked about.
    let judged = use_state(|| None::<(String, Strength)>);
    let generation = use_mut_ref(|| Rc::new(Cell::new(0_u32)));
    let generation = Rc::clone(&generation.borrow());

    let value = props.value.to_string();
    let current = judged.as_ref().filter(|(asked, _)| *asked == value);
    let strength = current.map_or_else(|| length_strength(&value), |(_, s)| s.score);
    let advice = current.and_then(|(_, s)| s.advice.clone());
    let words = strength_text(strength).text(lang);

    let on_input = {
        let on_input = props.on_input.clone();
        let judged = judged.setter();
        Callback::from(move |typed: String| {
            on_input.emit(typed.clone());
            let mine = generation.get().wrapping_add(1);
            generation.set(mine);
            if typed.is_empty() {
                return;
            }
            let (generation, judged) = (Rc::clone(&generation), judged.clone());
            spawn_local(async move {
                yew::platform::time::sleep(PAUSE).await;
                if generation.get() != mine {
                    return;
                }
                let request = StrengthRequest {
                    password: typed.clone(),
                };
                let answer =
                    api::post_json::<_, Strength>(api::paths::PASSWORD_STRENGTH, &request, lang)
                        .await;
                // A meter that cannot reach the server keeps following the length.
                if let Ok(strength) = answer
                    && generation.get() == mine
                {
                    judged.set(Some((typed, strength)));
                }
            });
        })
    };
    let on_show = {
        let show = show.clone();
        Callback::from(move |_: Event| show.set(!*show))
    };
    let show_id = format!("{}-afficher", props.id);
    let meter_id = format!("{}-solidite", props.id);
    let label = if props.label.is_empty() {
        AttrValue::from(Text::NewPasswordLabel.text(lang))
    } else {
        props.label.clone()
    };

    html! {
        <TextField
            id={props.id.clone()}
            {label}
            hint={Some(AttrValue::from(Text::PasswordRulesIntro.text(lang)))}
            hint_items={vec![
                AttrValue::from(Text::PasswordRuleLength.text(lang)),
                AttrValue::from(Text::PasswordRulePhrase.text(lang)),
                AttrValue::from(Text::PasswordRulePersonal.text(lang)),
            ]}
            value={props.value.clone()}
            error={props.error.clone()}
            input_type={if *show { "text" } else { "password" }}
            autocomplete={Some(AttrValue::from("new-password"))}
            {on_input}
            on_blur={props.on_blur.clone()}
        >
            <div class="checkbox">
                <input
                    type="checkbox"
                    id={show_id.clone()}
                    class="checkbox__input"
                    checked={*show}
                    onchange={on_show}
                />
                <label class="checkbox__label" for={show_id}>
                    { Text::ShowPassword.text(lang) }
                </label>
            </div>
            <div class="strength">
                <label class="strength__label" for={meter_id.clone()}>
                    { Text::StrengthLabel.text(lang) }
                </label>
                <meter
                    id={meter_id}
                    class="strength__meter"
                    min="0"
                    max="4"
                    low="2"
                    high="3"
                    optimum="4"
                    value={strength.to_string()}
                    aria-valuetext={words}
                >
                    { words }
                </meter>
                <span class="strength__text">{ words }</span>
            </div>
            <p class="strength__advice" aria-live="polite">
                if props.error.is_none() {
                    { advice.unwrap_or_default() }
                }
            </p>
        </TextField>
    }
}
