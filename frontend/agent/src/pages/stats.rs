//! The team's statistics (`/agent/statistiques`, supervisors): per queue, the items waiting,
//! the median response time and the oldest item.

use portail_shared::agent::QueueStat;
use portail_shared::i18n::Text;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::agent_area::AgentArea;
use crate::lang::use_lang;

/// The statistics page.
#[component]
pub fn AgentStatsPage() -> Html {
    html! {
        <AgentArea title={Text::TitleAgentStats} supervisor_only=true>
            <StatsTable />
        </AgentArea>
    }
}

#[component]
fn StatsTable() -> Html {
    let lang = use_lang();
    let stats = use_state(|| None::<Result<Vec<QueueStat>, AttrValue>>);
    {
        let stats = stats.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let loaded = api::get_json::<Vec<QueueStat>>(api::paths::AGENT_STATS, lang).await;
                stats.set(Some(loaded.map_err(|e| e.message(lang).into())));
            });
        });
    }
    match &*stats {
        None => html! { <p class="loading" role="status">{ Text::AgentLoading.text(lang) }</p> },
        Some(Err(message)) => {
            html! { <p class="notice notice--error" role="alert">{ message.clone() }</p> }
        }
        Some(Ok(rows)) if rows.is_empty() => html! { <p>{ Text::AgentStatsNone.text(lang) }</p> },
        Some(Ok(rows)) => html! {
            <div class="table-scroll" tabindex="0" role="region" aria-label={Text::TitleAgentStats.text(lang)}>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{ Text::AgentStatsArea.text(lang) }</th>
                            <th scope="col">{ Text::AgentStatsQueue.text(lang) }</th>
                            <th scope="col" class="num">{ Text::AgentStatsOpen.text(lang) }</th>
                            <th scope="col" class="num">{ Text::AgentStatsMedian.text(lang) }</th>
                            <th scope="col">{ Text::AgentStatsOldest.text(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr>
                                <td class="text">{ area_label(&r.area, lang) }</td>
                                <th scope="row">{ queue_label(&r.area, &r.queue, lang) }</th>
                                <td class="num">{ r.open }</td>
                                <td class="num">{ r.median_response_hours.map(|h| format!("{h:.1}")).unwrap_or_else(|| "–".into()) }</td>
                                <td>{ r.oldest_at.as_deref().map(|at| at.get(..10).unwrap_or(at).to_owned()).unwrap_or_else(|| "–".into()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    }
}

/// A queue's name as agents read it (its code if the portal no longer knows it).
fn queue_label(area: &str, queue: &str, lang: portail_shared::Lang) -> String {
    let known = if area == "messages" {
        portail_shared::messages::Topic::parse(queue).map(|t| t.label(lang))
    } else {
        portail_shared::requests::Kind::parse(queue).map(|k| k.label(lang))
    };
    known.unwrap_or(queue).to_owned()
}

fn area_label(area: &str, lang: portail_shared::Lang) -> &'static str {
    match area {
        "messages" => Text::TitleAgentMessages.text(lang),
        _ => Text::TitleAgentRequests.text(lang),
    }
}
