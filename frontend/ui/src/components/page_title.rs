//! The one `<h1>` of each page.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::lang::use_lang;

/// Properties of [`PageTitle`].
#[derive(Properties, PartialEq, Clone)]
pub struct PageTitleProps {
    /// The title's words.
    pub text: Text,
}

/// The page's `<h1>`; focusable from script so navigation can move focus to it.
#[component]
pub fn PageTitle(props: &PageTitleProps) -> Html {
    let lang = use_lang();
    page_heading(props.text.text(lang))
}

/// A page's `<h1>` with words that are not a single catalog entry (e.g. "Bonjour Camille").
pub fn page_heading(words: impl Into<AttrValue>) -> Html {
    html! {
        <h1 class="page-title" tabindex="-1">{ words.into() }</h1>
    }
}
