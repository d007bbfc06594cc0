//! The page for any unknown address.

use portail_shared::i18n::Text;
use yew::prelude::*;

use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::route::Route;

/// "Page introuvable", with a way home and a way to help.
#[component]
pub fn NotFoundPage() -> Html {
    let lang = use_lang();
    html! {
        <div class="prose">
            <PageTitle text={Text::TitleNotFound} />
            <p class="lead">{ Text::NotFoundText.text(lang) }</p>
            <p class="actions">
                <AppLink to={Route::Home} classes={classes!("button")}>
                    { Text::NotFoundHome.text(lang) }
                </AppLink>
                <AppLink to={Route::Help}>{ Text::NotFoundHelp.text(lang) }</AppLink>
            </p>
        </div>
    }
}
