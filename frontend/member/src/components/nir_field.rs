//! The social security number field, checked as it is typed with the server's own rules
//! (shared crate): used by the sign-in and the forgotten-password pages.

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::nir::{self, Nir, NirError, PartialStatus};
use yew::prelude::*;

use crate::components::field::TextField;
use crate::lang::use_lang;

/// The NIR field's id (focus target of the error summary).
pub const NIR_ID: &str = "nir";

/// What the NIR field says under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NirFeedback {
    /// Nothing yet.
    Quiet,
    /// The number is complete and its key matches.
    Valid,
    /// What is wrong, with a message that says how to fix it.
    Error(NirError),
}

/// Decides what the NIR field says.
///
/// Before the member first leaves the field, only a complete number is judged, so the key is
/// checked live as soon as the fifteenth character is typed without nagging about a number half
/// typed. Once the field has been left (or the form sent), every change is judged; an empty
/// field is only an error after a submit.
pub fn nir_feedback(input: &str, touched: bool, submitted: bool) -> NirFeedback {
    if !touched && !submitted {
        let partial = nir::check_partial(input);
        return match partial.status {
            PartialStatus::Valid => NirFeedback::Valid,
            PartialStatus::Invalid(error) if partial.typed >= 15 => NirFeedback::Error(error),
            PartialStatus::Invalid(_) | PartialStatus::Incomplete => NirFeedback::Quiet,
        };
    }
    match Nir::parse(input) {
        Ok(_) => NirFeedback::Valid,
        Err(NirError::Empty) if !submitted => NirFeedback::Quiet,
        Err(error) => NirFeedback::Error(error),
    }
}

/// Whether the NIR as typed can be sent.
pub fn nir_is_well_formed(input: &str) -> bool {
    Nir::parse(input).is_ok()
}

/// What the field shows: the server's message first (kept until the member changes the
/// field), else the live check.
#[derive(Debug, Clone, PartialEq)]
pub struct NirCheck {
    /// The live check.
    pub feedback: NirFeedback,
    /// The message next to the field, if any (also the error summary's item).
    pub error: Option<AttrValue>,
}

impl NirCheck {
    /// Checks the NIR as typed; `server` is the server's message for the field, if any.
    pub fn new(
        input: &str,
        touched: bool,
        submitted: bool,
        server: Option<AttrValue>,
        lang: Lang,
    ) -> Self {
        let feedback = nir_feedback(input, touched, submitted);
        let error = server.or(match feedback {
            NirFeedback::Error(error) => Some(AttrValue::from(error.message(lang))),
            NirFeedback::Valid | NirFeedback::Quiet => None,
        });
        Self { feedback, error }
    }
}

/// Properties of [`NirField`].
#[derive(Properties, PartialEq, Clone)]
pub struct NirFieldProps {
    /// The NIR as typed.
    pub value: AttrValue,
    /// What to say about it.
    pub check: NirCheck,
    /// Called with the new value at each keystroke.
    pub on_input: Callback<String>,
    /// Called when the field loses focus.
    pub on_blur: Callback<()>,
}

/// "Numéro de sécurité sociale", its hint (15 characters, as on the Vitale card), and the live
/// check's message, or "La clé correspond au numéro." once it is right.
#[component]
pub fn NirField(props: &NirFieldProps) -> Html {
    let lang = use_lang();
    let check = &props.check;
    html! {
        <TextField
            id={NIR_ID}
            label={Text::NirLabel.text(lang)}
            hint={Some(AttrValue::from(Text::NirHint.text(lang)))}
            value={props.value.clone()}
            error={check.error.clone()}
            confirmation={(check.error.is_none() && check.feedback == NirFeedback::Valid)
                .then(|| AttrValue::from(Text::NirKeyMatches.text(lang)))}
            autocomplete={Some(AttrValue::from("username"))}
            on_input={props.on_input.clone()}
            on_blur={props.on_blur.clone()}
        />
    }
}
