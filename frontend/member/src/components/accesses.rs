//! "Who at the fund looked at my file" (in My account): every opening of the member's file
//! by an agent, and every action on their account, with its reason.

use portail_shared::agent::Access;
use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::lang::use_lang;

/// The accesses section.
#[component]
pub fn Accesses() -> Html {
    let lang = use_lang();
    let list = use_state(|| None::<Result<Vec<Access>, AttrValue>>);
    {
        let list = list.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let loaded = api::get_json::<Vec<Access>>(api::paths::ACCESSES, lang).await;
                list.set(Some(loaded.map_err(|e| e.message(lang).into())));
            });
        });
    }
    let body = match &*list {
        None => html! { <p class="loading" role="status">{ Text::Loading.text(lang) }</p> },
        Some(Err(message)) => {
            html! { <p class="status-line status-line--error">{ message.clone() }</p> }
        }
        Some(Ok(items)) => accesses_table(items, lang),
    };
    html! {
        <section class="panel" aria-labelledby="consultations">
            <h2 id="consultations" class="panel__title">{ Text::AccessesHeading.text(lang) }</h2>
            <p>{ Text::AccessesIntro.text(lang) }</p>
            { body }
        </section>
    }
}

/// The accesses as a table (or the sentence saying there were none).
pub fn accesses_table(items: &[Access], lang: portail_shared::Lang) -> Html {
    match items {
        [] => html! { <p>{ Text::AccessesNone.text(lang) }</p> },
        items => html! {
            <div class="table-scroll" tabindex="0" role="region" aria-label={Text::AccessesHeading.text(lang)}>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{ Text::AccessesWhen.text(lang) }</th>
                            <th scope="col">{ Text::AccessesWho.text(lang) }</th>
                            <th scope="col">{ Text::AccessesWhat.text(lang) }</th>
                            <th scope="col">{ Text::AccessesWhy.text(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for items.iter().map(|a| html! {
                            <tr>
                                <td class="text">{ a.at.replace('T', " ").get(..16).unwrap_or(&a.at).to_owned() }</td>
                                <td class="text">{ a.agent.clone() }</td>
                                <td class="text">{ action_words(&a.action).text(lang) }</td>
                                <td class="text">
                                    { a.reason.label(lang) }
                                    if !a.details.is_empty() { { format!(" – {}", a.details) } }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    }
}

fn action_words(action: &str) -> Text {
    match action {
        "member.open" => Text::AccessOpen,
        "member.unlock" => Text::AccessUnlock,
        "member.activation_letter" => Text::AccessLetter,
        "member.reset_second_factor" => Text::AccessReset,
        "member.end_sessions" => Text::AccessEnd,
        other if other.starts_with("message.") => Text::AccessMessage,
        other if other.starts_with("request.") => Text::AccessRequest,
        _ => Text::AccessOther,
    }
}
