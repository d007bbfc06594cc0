//! A link to a document the server makes on demand (attestation, statements, certificate):
//! while the PDF is being made the link says so, then the file is saved; a failure is said
//! next to the link. Without the app (no wasm yet), it is a plain download link.

use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::lang::use_lang;

/// Properties of [`DownloadLink`].
#[derive(Properties, PartialEq, Clone)]
pub struct DownloadLinkProps {
    /// The document's address (`GET`).
    pub href: AttrValue,
    /// The name to save it under when the server gives none.
    pub file_name: AttrValue,
    /// CSS classes of the `<a>`.
    #[prop_or_default]
    pub classes: Classes,
    /// The link's words.
    #[prop_or_default]
    pub children: Html,
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    Idle,
    Preparing,
    Saved,
    Failed(AttrValue),
}

/// The link and its live status line.
#[component]
pub fn DownloadLink(props: &DownloadLinkProps) -> Html {
    let lang = use_lang();
    let state = use_state(|| State::Idle);
    let onclick = {
        let (state, href, fallback) = (state.clone(), props.href.clone(), props.file_name.clone());
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if *state == State::Preparing {
                return;
            }
            state.set(State::Preparing);
            let (state, href, fallback) = (state.clone(), href.clone(), fallback.clone());
            spawn_local(async move {
                match api::get_file(&href, lang).await {
                    Ok((bytes, name)) => {
                        let name = name.unwrap_or_else(|| fallback.to_string());
                        crate::browser::save_file(&bytes, &name, "application/pdf");
                        state.set(State::Saved);
                    }
                    Err(failure) => state.set(State::Failed(failure.message(lang).into())),
                }
            });
        })
    };
    let status = match &*state {
        State::Idle => html! {},
        State::Preparing => html! {
            <span class="status-line">{ spinner() }{ Text::DownloadPreparing.text(lang) }</span>
        },
        State::Saved => html! {
            <span class="status-line status-line--success">
                <Icon kind={IconKind::Success} />{ Text::DownloadSaved.text(lang) }
            </span>
        },
        State::Failed(message) => html! {
            <span class="status-line status-line--error">
                <Icon kind={IconKind::Error} />{ message.clone() }
            </span>
        },
    };
    html! {
        <>
            <a class={props.classes.clone()} href={props.href.clone()} download=""
                aria-busy={(*state == State::Preparing).then_some("true")} {onclick}>
                { props.children.clone() }
            </a>
            <span class="download-status" role="status">{ status }</span>
        </>
    }
}
