//! Activation letters (`/agent/courriers`): print every waiting letter as one PDF, then mark
//! the printed ones as posted.

use portail_shared::agent::{LetterItem, LettersSent};
use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::agent_area::AgentArea;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::lang::use_lang;

/// The letters page.
#[component]
pub fn AgentLettersPage() -> Html {
    html! {
        <AgentArea title={Text::TitleAgentLetters}>
            <Letters />
        </AgentArea>
    }
}

#[component]
fn Letters() -> Html {
    let lang = use_lang();
    let letters = use_state(|| None::<Result<Vec<LetterItem>, AttrValue>>);
    let reload = use_state_eq(|| 0_u32);
    let busy = use_state_eq(|| false);
    let notice = use_state(|| None::<Result<Text, AttrValue>>);
    {
        let letters = letters.setter();
        use_effect_with(*reload, move |_| {
            spawn_local(async move {
                let loaded =
                    api::get_json::<Vec<LetterItem>>(api::paths::AGENT_LETTERS, lang).await;
                letters.set(Some(loaded.map_err(|e| e.message(lang).into())));
            });
        });
    }
    let print = {
        let (busy, reload, notice) = (busy.clone(), reload.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (busy, reload, notice) = (busy.clone(), reload.clone(), notice.clone());
            spawn_local(async move {
                match api::post_for_file(api::paths::AGENT_LETTERS_BATCH, lang).await {
                    Ok(pdf) => {
                        crate::browser::save_file(
                            &pdf,
                            "courriers-activation.pdf",
                            "application/pdf",
                        );
                        notice.set(None);
                    }
                    Err(e) => notice.set(Some(Err(e.message(lang).into()))),
                }
                busy.set(false);
                reload.set(*reload + 1);
            });
        })
    };
    let mark_sent = {
        let (letters, reload, notice) = (letters.clone(), reload.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let ids: Vec<i64> = match &*letters {
                Some(Ok(list)) => list
                    .iter()
                    .filter(|l| l.printed_at.is_some())
                    .map(|l| l.id)
                    .collect(),
                _ => vec![],
            };
            let (reload, notice) = (reload.clone(), notice.clone());
            spawn_local(async move {
                let result = api::post_json::<_, ()>(
                    api::paths::AGENT_LETTERS_SENT,
                    &LettersSent { ids },
                    lang,
                )
                .await;
                notice.set(Some(match result {
                    Ok(()) => Ok(Text::AgentLettersMarked),
                    Err(e) => Err(e.message(lang).into()),
                }));
                reload.set(*reload + 1);
            });
        })
    };
    let list = match &*letters {
        None => {
            return html! { <p class="loading" role="status">{ Text::AgentLoading.text(lang) }</p> };
        }
        Some(Err(message)) => {
            return html! { <p class="notice notice--error" role="alert">{ message.clone() }</p> };
        }
        Some(Ok(list)) => list.clone(),
    };
    let to_print = list.iter().any(|l| l.printed_at.is_none());
    let printed = list.iter().any(|l| l.printed_at.is_some());
    html! {
        <>
            <p class="lead">{ Text::AgentLettersIntro.text(lang) }</p>
            <div role="status">
                { match &*notice {
                    Some(Ok(text)) => html! { <p class="notice notice--success"><Icon kind={IconKind::Success} />{ text.text(lang) }</p> },
                    Some(Err(message)) => html! { <p class="notice notice--error"><Icon kind={IconKind::Error} />{ message.clone() }</p> },
                    None => html! {},
                } }
            </div>
            if list.is_empty() {
                <p>{ Text::AgentNoLetters.text(lang) }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-label={Text::TitleAgentLetters.text(lang)}>
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">{ Text::AgentLetterTo.text(lang) }</th>
                                <th scope="col">{ Text::AgentLetterAsked.text(lang) }</th>
                                <th scope="col">{ Text::AgentLetterState.text(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for list.iter().map(|l| html! {
                                <tr key={l.id}>
                                    <th scope="row">{ format!("{}, {}", l.full_name, l.city) }</th>
                                    <td class="text">{ l.created_at.get(..10).unwrap_or(&l.created_at).to_owned() }</td>
                                    <td class="text">{ if l.printed_at.is_some() { Text::AgentLetterPrinted.text(lang) } else { Text::AgentLetterToPrint.text(lang) } }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <div class="actions">
                if to_print {
                    <button type="button" class="button" onclick={print}>
                        if *busy { { spinner() } }
                        { Text::AgentPrintBatch.text(lang) }
                    </button>
                }
                if printed {
                    <button type="button" class="button button--secondary" onclick={mark_sent}>
                        { Text::AgentMarkSent.text(lang) }
                    </button>
                }
            </div>
        </>
    }
}
