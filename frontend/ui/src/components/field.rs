//! A labelled form field with its hint and its live message.

use portail_shared::i18n::Text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::lang::use_lang;

/// Properties of [`TextField`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// The input's id and name; the hint and message ids derive from it.
    pub id: AttrValue,
    /// The label, shown above the field.
    pub label: AttrValue,
    /// A hint line under the label (format, where to find the value).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// A list under the hint line (e.g. the rules of a new password).
    #[prop_or_default]
    pub hint_items: Vec<AttrValue>,
    /// The current value.
    pub value: AttrValue,
    /// What is wrong with the value, if anything; marks the field invalid.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A confirmation that the value is right (e.g. the NIR key matches).
    #[prop_or_default]
    pub confirmation: Option<AttrValue>,
    /// The input's `type`.
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// The input's `autocomplete` token.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// The input's `inputmode` (which keyboard phones show).
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Called with the new value at each keystroke.
    #[prop_or_default]
    pub on_input: Callback<String>,
    /// Called when the field loses focus.
    #[prop_or_default]
    pub on_blur: Callback<()>,
    /// Extra controls under the input (e.g. "show password").
    #[prop_or_default]
    pub children: Html,
}

/// Label above the field, hint, then the message, then the input (the order of the GOV.UK
/// pattern). The message sits in a polite live region that exists from the first render, so
/// screen readers announce it when it appears, and the input points to it with
/// `aria-describedby`.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-aide", props.id);
    let message_id = format!("{}-message", props.id);
    let described_by = match props.hint {
        Some(_) => format!("{hint_id} {message_id}"),
        None => message_id.clone(),
    };
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |event: InputEvent| {
            on_input.emit(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onblur = {
        let on_blur = props.on_blur.clone();
        Callback::from(move |_: FocusEvent| on_blur.emit(()))
    };

    let message = match (&props.error, &props.confirmation) {
        (Some(error), _) => html! {
            <span class="field__error">
                <Icon kind={IconKind::Error} />
                <span class="visually-hidden">{ Text::ErrorPrefix.text(lang) }{ " " }</span>
                { error.clone() }
            </span>
        },
        (None, Some(confirmation)) => html! {
            <span class="field__ok">
                <Icon kind={IconKind::Success} />
                { confirmation.clone() }
            </span>
        },
        (None, None) => html! {},
    };

    html! {
        <div class={classes!("field", props.error.is_some().then_some("field--error"))}>
            <label class="field__label" for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                if props.hint_items.is_empty() {
                    <p class="field__hint" id={hint_id}>{ hint.clone() }</p>
                } else {
                    <div class="field__hint" id={hint_id}>
                        <p class="field__hint-line">{ hint.clone() }</p>
                        <ul class="field__hint-list">
                            { for props.hint_items.iter().map(|item| html! { <li>{ item.clone() }</li> }) }
                        </ul>
                    </div>
                }
            }
            <p class="field__message" id={message_id} aria-live="polite">{ message }</p>
            <input
                class="field__input"
                id={props.id.clone()}
                name={props.id.clone()}
                type={props.input_type.clone()}
                value={props.value.clone()}
                autocomplete={props.autocomplete.clone()}
                inputmode={props.inputmode.clone()}
                spellcheck="false"
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={described_by}
                {oninput}
                {onblur}
            />
            { props.children.clone() }
        </div>
    }
}

/// For a form's buttons: pressing one does not take focus from the field being typed in.
///
/// Otherwise the field's check on leaving it (a message appearing above the button) moves the
/// button between the press and the release, and the click is lost. The button's own action
/// then checks every field anyway. Keyboard use is unchanged.
pub fn keep_field_focus() -> Callback<MouseEvent> {
    Callback::from(|event: MouseEvent| event.prevent_default())
}

/// A field's live message (`{id}-message`, which the field's `aria-describedby` names): the
/// error, if any, with its icon and the "Erreur :" a screen reader hears first.
pub fn field_message(id: &str, error: Option<&AttrValue>, lang: portail_shared::Lang) -> Html {
    html! {
        <p class="field__message" id={format!("{id}-message")} aria-live="polite">
            if let Some(error) = error {
                <span class="field__error">
                    <Icon kind={IconKind::Error} />
                    <span class="visually-hidden">{ Text::ErrorPrefix.text(lang) }{ " " }</span>
                    { error.clone() }
                </span>
            }
        </p>
    }
}

/// Properties of [`TextAreaField`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextAreaFieldProps {
    /// The textarea's id and name; the hint is `{id}-aide`, the message `{id}-message`.
    pub id: AttrValue,
    /// The label, above the field.
    pub label: AttrValue,
    /// A hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// What is typed.
    pub value: AttrValue,
    /// The message next to the field.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Visible lines.
    #[prop_or(6)]
    pub rows: u32,
    /// Most characters accepted.
    pub maxlength: u32,
    /// Shows "n / max" under the field.
    #[prop_or_default]
    pub counter: bool,
    /// Called on each keystroke.
    pub oninput: Callback<InputEvent>,
}

/// A labelled multi-line field with its hint and live message (messages, explanations, notes).
#[component]
pub fn TextAreaField(props: &TextAreaFieldProps) -> Html {
    let lang = use_lang();
    let hint_id = format!("{}-aide", props.id);
    let message_id = format!("{}-message", props.id);
    let described_by = match props.hint {
        Some(_) => format!("{hint_id} {message_id}"),
        None => message_id,
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field--error"))}>
            <label class="field__label" for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <p class="field__hint" id={hint_id}>{ hint.clone() }</p>
            }
            { field_message(&props.id, props.error.as_ref(), lang) }
            <textarea class="field__input field__textarea" id={props.id.clone()} name={props.id.clone()}
                rows={props.rows.to_string()} maxlength={props.maxlength.to_string()}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={described_by}
                value={props.value.clone()} oninput={props.oninput.clone()} />
            if props.counter {
                <p class="field__hint">{ format!("{} / {}", props.value.chars().count(), props.maxlength) }</p>
            }
        </div>
    }
}
