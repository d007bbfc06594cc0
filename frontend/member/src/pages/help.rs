//! The help centre (`/aide`, public): the articles of `portail_shared::help`, searchable as
//! one types, in the page's language.

use portail_shared::Lang;
use portail_shared::help::{self, Article};
use portail_shared::i18n::Text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::icons::{Icon, IconKind};
use crate::components::link::AppLink;
use crate::components::page_title::PageTitle;
use crate::components::phone::PhoneLine;
use crate::lang::use_lang;
use crate::route::Route;

const SEARCH_ID: &str = "recherche-aide";

/// The help page.
#[component]
pub fn HelpPage() -> Html {
    let lang = use_lang();
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let found = help::search(&query, lang);
    let searching = !query.trim().is_empty();
    html! {
        <div class="prose">
            <PageTitle text={Text::TitleHelp} />
            <p class="lead">{ Text::HelpLead.text(lang) }</p>
            <form class="form" role="search" {onsubmit}>
                <div class="field">
                    <label class="field__label" for={SEARCH_ID}>{ Text::HelpSearchLabel.text(lang) }</label>
                    <p class="field__hint" id="recherche-aide-aide">{ Text::HelpSearchHint.text(lang) }</p>
                    <input class="field__input" type="search" id={SEARCH_ID} autocomplete="off"
                        aria-describedby="recherche-aide-aide" value={(*query).clone()} {oninput} />
                </div>
            </form>
            <p role="status" class="help__count">
                if searching {
                    if found.is_empty() {
                        { Text::HelpSearchNone.text(lang) }
                    } else {
                        { format!("{} {}", found.len(), Text::HelpSearchCount.text(lang)) }
                    }
                }
            </p>
            if !searching {
                <nav aria-labelledby="sujets">
                    <h2 id="sujets">{ Text::HelpContents.text(lang) }</h2>
                    <ul class="link-list">
                        { for help::ARTICLES.iter().map(|a| html! {
                            <li key={a.id}><a href={format!("#{}", a.id)}>{ a.title.text(lang) }</a></li>
                        }) }
                    </ul>
                </nav>
            }
            { for found.into_iter().map(|a| article(a, lang)) }
        </div>
    }
}

fn article(a: &Article, lang: Lang) -> Html {
    let heading = html! { <h2 id={a.id} class={(a.id == "messages-frauduleux").then_some("panel__title")}>
        if a.id == "messages-frauduleux" {
            <Icon kind={IconKind::Warning} />
        }
        { a.title.text(lang) }
    </h2> };
    let paragraphs = a.body.iter().enumerate().map(|(i, t)| {
        if a.id == "messages-frauduleux" && i == 0 {
            html! { <p><strong>{ t.text(lang) }</strong></p> }
        } else {
            html! { <p>{ t.text(lang) }</p> }
        }
    });
    let extra = match a.id {
        "nous-joindre" => html! { <PhoneLine /> },
        "attestation" => html! {
            <p><a href="/verifier">{ Text::TitleVerifier.text(lang) }</a></p>
        },
        "difficulte" => html! {
            <p><AppLink to={Route::Accessibility}>{ Text::HelpAccessibilityLink.text(lang) }</AppLink></p>
        },
        "connexion" => html! {
            <p><AppLink to={Route::ForgotPassword}>{ Text::TitleForgotPassword.text(lang) }</AppLink></p>
        },
        _ => html! {},
    };
    let class = (a.id == "messages-frauduleux").then_some("panel panel--warning");
    html! {
        <section key={a.id} {class} aria-labelledby={a.id}>
            { heading }
            { for paragraphs }
            { extra }
        </section>
    }
}
