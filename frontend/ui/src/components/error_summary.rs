//! The list of problems at the top of a form after a failed submit (GOV.UK's error summary).

use portail_shared::Lang;
use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::browser;
use crate::components::icons::{Icon, IconKind};

/// The id of the summary: the page focuses it after a failed submit.
pub const SUMMARY_ID: &str = "resume-erreurs";

/// One problem of the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryItem {
    /// The id of the field it concerns: the item links there and moves focus to it. `None` for
    /// a problem of the whole form ("Numéro ou mot de passe incorrect").
    pub field: Option<&'static str>,
    /// What is wrong and how to fix it.
    pub message: AttrValue,
}

impl SummaryItem {
    /// A problem of one field.
    pub fn field(field: &'static str, message: impl Into<AttrValue>) -> Self {
        Self {
            field: Some(field),
            message: message.into(),
        }
    }

    /// A problem of the whole form.
    pub fn form(message: impl Into<AttrValue>) -> Self {
        Self {
            field: None,
            message: message.into(),
        }
    }
}

/// "Il y a un problème", then each problem (in the form's order); a field's problem is a link
/// that moves focus to the field. An alert, so it is announced when it appears; the page also
/// moves focus to it.
pub fn error_summary(errors: &[SummaryItem], lang: Lang) -> Html {
    html! {
        <div
            id={SUMMARY_ID}
            class="error-summary"
            role="alert"
            tabindex="-1"
            aria-labelledby="resume-erreurs-titre"
        >
            <h2 id="resume-erreurs-titre" class="error-summary__title">
                <Icon kind={IconKind::Error} />
                { Text::ErrorSummaryTitle.text(lang) }
            </h2>
            <ul class="error-summary__list">
                { for errors.iter().map(|item| {
                    let key = item.field.unwrap_or("formulaire");
                    match item.field {
                        Some(field) => {
                            let onclick = Callback::from(move |event: MouseEvent| {
                                event.prevent_default();
                                browser::focus_id(field);
                            });
                            html! {
                                <li {key}>
                                    <a href={format!("#{field}")} {onclick}>
                                        { item.message.clone() }
                                    </a>
                                </li>
                            }
                        }
                        None => html! { <li {key}>{ item.message.clone() }</li> },
                    }
                }) }
            </ul>
        </div>
    }
}
