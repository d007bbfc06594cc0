//! Finding a member (`/agent/membres`) and their file (`/agent/membres/:id`).
//!
//! A file opens only with a reason, which the server records and the member can see. The
//! reason lives in the page's state only: reloading the page asks for it again.

use portail_shared::Lang;
use portail_shared::agent::{
    AccountState, IdentityCheck, MemberFile, MemberHit, MemberSearch, OpenFile, Reason, ReasonKind,
    SupportAction, SupportRequest,
};
use portail_shared::i18n::Text;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::agent_area::AgentArea;
use crate::components::error_summary::error_summary;
use crate::components::field::{TextField, field_message};
use crate::components::form::use_form;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::link::AppLink;
use crate::lang::use_lang;
use crate::route::AgentRoute;

/// The member search page.
#[component]
pub fn AgentMembersPage() -> Html {
    html! {
        <AgentArea title={Text::TitleAgentMembers}>
            <Search />
        </AgentArea>
    }
}

#[component]
fn Search() -> Html {
    let lang = use_lang();
    let form = use_form();
    let query = use_state(String::new);
    let hits = use_state(|| None::<Vec<MemberHit>>);
    let error = form.server_error("query");
    let onsubmit = {
        let (form, query, hits) = (form.clone(), query.clone(), hits.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            let (body, hits) = (
                MemberSearch {
                    query: (*query).clone(),
                },
                hits.clone(),
            );
            spawn_local(async move {
                let result = api::post_json::<_, Vec<MemberHit>>(
                    api::paths::AGENT_MEMBER_SEARCH,
                    &body,
                    lang,
                )
                .await;
                if let Some(found) = submission.finish(result, lang) {
                    hits.set(Some(found));
                    crate::browser::focus_id("resultats");
                }
            });
        })
    };
    let on_input = {
        let (form, query) = (form.clone(), query.clone());
        Callback::from(move |value: String| {
            form.clear_server_error("query");
            query.set(value);
        })
    };
    let summary = form.summary(&[("agent-query", error.clone())]);
    html! {
        <>
            { error_summary(&summary, lang) }
            <form class="form" role="search" novalidate=true {onsubmit}>
                <TextField
                    id="agent-query"
                    label={Text::AgentSearchLabel.text(lang)}
                    hint={AttrValue::from(Text::AgentSearchHint.text(lang))}
                    value={(*query).clone()}
                    error={error}
                    autocomplete="off"
                    {on_input}
                />
                <button type="submit" class="button">
                    if form.busy() { { spinner() } }
                    { Text::AgentSearch.text(lang) }
                </button>
            </form>
            if let Some(hits) = &*hits {
                <section aria-labelledby="resultats">
                    <h2 id="resultats" tabindex="-1">{ Text::AgentHits.text(lang) }{ format!(" ({})", hits.len()) }</h2>
                    if hits.is_empty() {
                        <p>{ Text::AgentNoHit.text(lang) }</p>
                    } else {
                        <ul class="card-list">
                            { for hits.iter().map(|h| html! {
                                <li key={h.id} class="card">
                                    <AppLink to={AgentRoute::Member { id: h.id }}>
                                        { h.full_name.clone() }
                                    </AppLink>
                                    <p>
                                        { Text::AgentBorn.text(lang) }{ " " }{ h.birth_date.clone() }
                                        { " · " }{ h.masked_nir.clone() }{ " · " }{ h.city.clone() }
                                    </p>
                                </li>
                            }) }
                        </ul>
                    }
                </section>
            }
        </>
    }
}

/// Properties of [`AgentMemberPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct AgentMemberPageProps {
    /// The member (roll id).
    pub id: i64,
}

/// A member's file: the reason first, then the account and the support actions.
#[component]
pub fn AgentMemberPage(props: &AgentMemberPageProps) -> Html {
    html! {
        <AgentArea title={Text::TitleAgentMember}>
            <MemberFileView id={props.id} />
        </AgentArea>
    }
}

/// The reason form's fields, shared by opening the file and by each action.
#[derive(Properties, PartialEq, Clone)]
struct ReasonFieldsProps {
    id: &'static str,
    reason: Reason,
    error: Option<AttrValue>,
    on_change: Callback<Reason>,
}

#[component]
fn ReasonFields(props: &ReasonFieldsProps) -> Html {
    let lang = use_lang();
    let details_id = format!("{}-precisions", props.id);
    html! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">{ Text::AgentReasonLegend.text(lang) }</legend>
            <p class="field__hint">{ Text::AgentReasonHint.text(lang) }</p>
            { for ReasonKind::ALL.iter().map(|kind| {
                let id = format!("{}-{}", props.id, kind.as_str());
                let onchange = {
                    let (on_change, reason, kind) = (props.on_change.clone(), props.reason.clone(), *kind);
                    Callback::from(move |_: Event| on_change.emit(Reason { kind, ..reason.clone() }))
                };
                html! {
                    <div class="checkbox">
                        <input class="checkbox__input" type="radio" id={id.clone()} name={props.id}
                            checked={props.reason.kind == *kind} {onchange} />
                        <label class="checkbox__label" for={id}>{ kind.label(lang) }</label>
                    </div>
                }
            }) }
            <div class={classes!("field", props.error.is_some().then_some("field--error"))}>
                <label class="field__label" for={details_id.clone()}>{ Text::AgentReasonDetails.text(lang) }</label>
                { field_message(&details_id, props.error.as_ref(), lang) }
                <textarea class="field__input" id={details_id.clone()} rows="2"
                    aria-describedby={format!("{details_id}-message")}
                    aria-invalid={props.error.is_some().then_some("true")}
                    value={props.reason.details.clone()}
                    oninput={{
                        let (on_change, reason) = (props.on_change.clone(), props.reason.clone());
                        Callback::from(move |e: InputEvent| on_change.emit(Reason {
                            details: e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                            ..reason.clone()
                        }))
                    }} />
            </div>
        </fieldset>
    }
}

fn default_reason() -> Reason {
    Reason {
        kind: ReasonKind::PhoneCall,
        details: String::new(),
    }
}

#[derive(Properties, PartialEq, Clone)]
struct MemberFileViewProps {
    id: i64,
}

#[component]
fn MemberFileView(props: &MemberFileViewProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let reason = use_state(default_reason);
    let file = use_state(|| None::<MemberFile>);
    let id = props.id;
    let reason_error = form.server_error("reason");

    let Some(opened) = (*file).clone() else {
        let onsubmit = {
            let (form, reason, file) = (form.clone(), reason.clone(), file.clone());
            Callback::from(move |event: SubmitEvent| {
                event.prevent_default();
                let Some(submission) = form.begin() else {
                    return;
                };
                submission.sending();
                let (body, file) = (
                    OpenFile {
                        reason: (*reason).clone(),
                    },
                    file.clone(),
                );
                spawn_local(async move {
                    let result = api::post_json::<_, MemberFile>(
                        &api::paths::agent_member_open(id),
                        &body,
                        lang,
                    )
                    .await;
                    if let Some(opened) = submission.finish(result, lang) {
                        file.set(Some(opened));
                        crate::browser::focus_id("dossier");
                    }
                });
            })
        };
        let on_change = {
            let (form, reason) = (form.clone(), reason.clone());
            Callback::from(move |r: Reason| {
                form.clear_server_error("reason");
                reason.set(r);
            })
        };
        let summary = form.summary(&[("motif-precisions", reason_error.clone())]);
        return html! {
            <>
                { error_summary(&summary, lang) }
                <form class="form" novalidate=true {onsubmit}>
                    <ReasonFields id="motif" reason={(*reason).clone()} error={reason_error} {on_change} />
                    <button type="submit" class="button">
                        if form.busy() { { spinner() } }
                        { Text::AgentOpenFile.text(lang) }
                    </button>
                </form>
            </>
        };
    };

    let on_updated = {
        let file = file.clone();
        Callback::from(move |updated: MemberFile| file.set(Some(updated)))
    };
    html! {
        <>
            <section aria-labelledby="dossier">
                <h2 id="dossier" tabindex="-1">{ opened.member.full_name.clone() }</h2>
                <p>{ opened.member.city.clone() }</p>
                <dl class="details">
                    <dt>{ Text::AgentBorn.text(lang) }</dt><dd>{ opened.member.birth_date.clone() }</dd>
                    <dt>{ "NIR" }</dt><dd>{ opened.member.masked_nir.clone() }</dd>
                </dl>
                <h3>{ Text::AgentAccount.text(lang) }</h3>
                { account_facts(&opened.account, lang) }
            </section>
            <Support {id} reason={(*reason).clone()} {on_updated} />
        </>
    }
}

/// A member's account as support sees it: status, lock, second factor, sessions, letters.
pub fn account_facts(account: &AccountState, lang: Lang) -> Html {
    let status = match account.status.as_str() {
        "active" => Text::AgentStatusActive,
        "pending" => Text::AgentStatusPending,
        "closed" => Text::AgentStatusClosed,
        _ => Text::AgentStatusNone,
    };
    let factor = if account.second_factor == "totp" {
        Text::AgentFactorTotp
    } else {
        Text::AgentFactorEmail
    };
    html! {
        <dl class="details" id="etat-compte">
            <dt>{ Text::AgentStatus.text(lang) }</dt><dd>{ status.text(lang) }</dd>
            <dt>{ Text::AgentLock.text(lang) }</dt>
            <dd>{ match &account.locked_until {
                Some(until) => format!("{} {}", Text::AgentLockedUntil.text(lang), until.replace('T', " ").get(..16).unwrap_or(until)),
                None => Text::AgentNotLocked.text(lang).to_owned(),
            } }</dd>
            <dt>{ Text::AgentSecondFactor.text(lang) }</dt><dd>{ factor.text(lang) }</dd>
            <dt>{ Text::AgentSessions.text(lang) }</dt><dd>{ account.sessions }</dd>
            <dt>{ Text::AgentEmailOnFile.text(lang) }</dt><dd>{ account.masked_email.clone() }</dd>
            <dt>{ Text::AgentLettersWaiting.text(lang) }</dt><dd>{ account.letters_waiting }</dd>
        </dl>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct SupportProps {
    id: i64,
    reason: Reason,
    on_updated: Callback<MemberFile>,
}

const ACTIONS: [(SupportAction, Text); 4] = [
    (SupportAction::Unlock, Text::AgentActionUnlock),
    (SupportAction::ActivationLetter, Text::AgentActionLetter),
    (SupportAction::ResetSecondFactor, Text::AgentActionReset),
    (SupportAction::EndSessions, Text::AgentActionEnd),
];

#[component]
fn Support(props: &SupportProps) -> Html {
    let lang = use_lang();
    let form = use_form();
    let action = use_state_eq(|| SupportAction::Unlock);
    let checks = use_state(Vec::<IdentityCheck>::new);
    let reason = use_state(|| props.reason.clone());
    let done = use_state_eq(|| false);
    let id = props.id;
    let checks_error = form.server_error("checks");
    let action_error = form.server_error("action");
    let reason_error = form.server_error("reason");

    let onsubmit = {
        let (form, action, checks, reason, done, on_updated) = (
            form.clone(),
            action.clone(),
            checks.clone(),
            reason.clone(),
            done.clone(),
            props.on_updated.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(submission) = form.begin() else {
                return;
            };
            submission.sending();
            done.set(false);
            let body = SupportRequest {
                action: *action,
                reason: (*reason).clone(),
                checks: (*checks).clone(),
            };
            let (done, on_updated) = (done.clone(), on_updated.clone());
            spawn_local(async move {
                let result = api::post_json::<_, MemberFile>(
                    &api::paths::agent_member_support(id),
                    &body,
                    lang,
                )
                .await;
                if let Some(file) = submission.finish(result, lang) {
                    on_updated.emit(file);
                    done.set(true);
                }
            });
        })
    };
    let summary = form.summary(&[
        ("action-unlock", action_error.clone()),
        ("verification-name_and_birth", checks_error.clone()),
        ("motif-action-precisions", reason_error.clone()),
    ]);
    html! {
        <section aria-labelledby="aider">
            <h2 id="aider">{ Text::AgentSupportHeading.text(lang) }</h2>
            <div role="status">
                if *done {
                    <p class="notice notice--success"><Icon kind={IconKind::Success} />{ Text::AgentActionDone.text(lang) }</p>
                }
            </div>
            { error_summary(&summary, lang) }
            <form class="form" novalidate=true {onsubmit}>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{ Text::AgentActionLegend.text(lang) }</legend>
                    { field_message("action-unlock", action_error.as_ref(), lang) }
                    { for ACTIONS.iter().map(|(a, label)| {
                        let input_id = format!("action-{}", a.as_str().replace('_', "-"));
                        let input_id = if *a == SupportAction::Unlock { "action-unlock".to_owned() } else { input_id };
                        let onchange = {
                            let (action, form, a) = (action.clone(), form.clone(), *a);
                            Callback::from(move |_: Event| {
                                form.clear_server_error("action");
                                action.set(a);
                            })
                        };
                        html! {
                            <div class="checkbox">
                                <input class="checkbox__input" type="radio" id={input_id.clone()} name="action" checked={*action == *a} {onchange} />
                                <label class="checkbox__label" for={input_id}>{ label.text(lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{ Text::AgentChecksLegend.text(lang) }</legend>
                    { field_message("verification-name_and_birth", checks_error.as_ref(), lang) }
                    { for IdentityCheck::ALL.iter().map(|c| {
                        let input_id = format!("verification-{}", match c {
                            IdentityCheck::NameAndBirth => "name_and_birth",
                            IdentityCheck::PostalAddress => "postal_address",
                            IdentityCheck::RecentFact => "recent_fact",
                        });
                        let onchange = {
                            let (checks, form, c) = (checks.clone(), form.clone(), *c);
                            Callback::from(move |e: Event| {
                                form.clear_server_error("checks");
                                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                                let mut next: Vec<IdentityCheck> = checks.iter().copied().filter(|x| *x != c).collect();
                                if on { next.push(c); }
                                checks.set(next);
                            })
                        };
                        html! {
                            <div class="checkbox">
                                <input class="checkbox__input" type="checkbox" id={input_id.clone()} checked={checks.contains(c)} {onchange} />
                                <label class="checkbox__label" for={input_id}>{ c.label(lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <ReasonFields id="motif-action" reason={(*reason).clone()} error={reason_error}
                    on_change={{
                        let (reason, form) = (reason.clone(), form.clone());
                        Callback::from(move |r: Reason| { form.clear_server_error("reason"); reason.set(r); })
                    }} />
                <button type="submit" class="button">
                    if form.busy() { { spinner() } }
                    { Text::AgentDoAction.text(lang) }
                </button>
            </form>
        </section>
    }
}
