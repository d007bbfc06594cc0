//! "Mes démarches" (`/demarches`): the member's requests with where each stands, and one
//! request's page (`/demarches/:id`) with what was sent, every dated step and the files.

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::requests::{Detail, Event, Status, Summary};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::browser;
use crate::components::date_input::SimpleDate;
use crate::components::file_field::size_words;
use crate::components::link::AppLink;
use crate::components::member_area::MemberArea;
use crate::components::page_title::PageTitle;
use crate::lang::use_lang;
use crate::route::Route;
use crate::session::{Flash, FlashKind, SessionAction, SessionState, use_session};
use crate::time;

/// What a page knows of its data.
#[derive(Debug, Clone, PartialEq)]
enum Loaded<T> {
    /// Asking the server.
    Loading,
    /// The answer.
    Ready(Rc<T>),
    /// The request failed: what to say.
    Failed(AttrValue),
}

/// Requests to the fund and their progress (`/demarches`).
#[component]
pub fn RequestsPage() -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <MemberRequests /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitleRequests}
                intro={Text::RequestsIntro}
                sign_in={Text::RequestsSignIn}
            />
        },
    }
}

#[component]
fn MemberRequests() -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::<Vec<Summary>>::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with((), move |()| {
            spawn_local(async move {
                let answer = api::get_json::<Vec<Summary>>(api::paths::REQUESTS, lang).await;
                loaded.set(match answer {
                    Ok(list) => Loaded::Ready(Rc::new(list)),
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let body = match &*loaded {
        Loaded::Loading => html! {
            <p class="loading" role="status">{ Text::RequestsLoading.text(lang) }</p>
        },
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(list) => html! { <RequestList list={Rc::clone(list)} /> },
    };
    html! {
        <>
            <PageTitle text={Text::TitleRequests} />
            <p class="lead">{ Text::RequestsIntro.text(lang) }</p>
            <section class="box" aria-labelledby="nouvelle-demarche">
                <h2 id="nouvelle-demarche">{ Text::RequestsNewHeading.text(lang) }</h2>
                <ul class="quick-actions">
                    <li><AppLink to={Route::CssApply}>{ Text::TitleCss.text(lang) }</AppLink></li>
                    <li><AppLink to={Route::Situation}>{ Text::TitleSituation.text(lang) }</AppLink></li>
                    <li><AppLink to={Route::Aid}>{ Text::TitleAid.text(lang) }</AppLink></li>
                    <li><AppLink to={Route::Doctor}>{ Text::DoctorAttestationLink.text(lang) }</AppLink></li>
                    <li><AppLink to={Route::Account}>{ Text::RequestsBankOrAddress.text(lang) }</AppLink></li>
                    <li><AppLink to={Route::Reimbursements}>{ Text::RequestsContestHint.text(lang) }</AppLink></li>
                </ul>
            </section>
            { body }
        </>
    }
}

/// Properties of [`RequestList`].
#[derive(Properties, PartialEq, Clone)]
pub struct RequestListProps {
    /// The requests, most recently moved first.
    pub list: Rc<Vec<Summary>>,
}

/// The requests as cards: title, status, when filed, when answered.
#[component]
pub fn RequestList(props: &RequestListProps) -> Html {
    let lang = use_lang();
    if props.list.is_empty() {
        return html! {
            <>
                <p>{ Text::RequestsNone.text(lang) }</p>
                <p>{ Text::RequestsNoneHelp.text(lang) }</p>
            </>
        };
    }
    html! {
        <ul class="request-list">
            { for props.list.iter().map(|r| html! {
                <li key={r.id} class="request-card">
                    <p class="request-card__kind">{ r.kind.label(lang) }</p>
                    <h2 class="request-card__title">{ r.title.clone() }</h2>
                    { status_badge(r.status, lang) }
                    <p class="request-card__dates">
                        { format!("{} {}", Text::RequestsFiledOn.text(lang), instant_date(&r.created_at, lang)) }
                        if let (Some(by), false) = (&r.expected_by, r.status.is_final()) {
                            { format!(" · {} {}", Text::RequestsAnswerBy.text(lang), calendar(by, lang)) }
                        }
                    </p>
                    <AppLink to={Route::Request { id: r.id }} classes={classes!("request-card__link")}>
                        { Text::RequestsSee.text(lang) }
                        <span class="visually-hidden">{ format!(" : {}", r.title) }</span>
                    </AppLink>
                </li>
            }) }
        </ul>
    }
}

fn status_badge(status: Status, lang: Lang) -> Html {
    let tone = match status {
        Status::Completed => "badge--success",
        Status::Refused => "badge--error",
        Status::WaitingMember => "badge--warning",
        Status::Submitted | Status::InProgress => "badge--info",
    };
    html! { <p class={classes!("badge", tone)}>{ status.label(lang) }</p> }
}

/// "26 novembre 2026" from an ISO instant, on the member's calendar.
fn instant_date(iso: &str, lang: Lang) -> String {
    time::parse_utc(iso)
        .map(browser::local_instant)
        .map_or_else(|| iso.to_owned(), |at| time::date(at, lang))
}

/// "26 novembre 2026" from `YYYY-MM-DD`.
fn calendar(iso: &str, lang: Lang) -> String {
    SimpleDate::from_iso(iso).map_or_else(|| iso.to_owned(), |d| d.long(lang))
}

/// Properties of [`RequestPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct RequestProps {
    /// The request.
    pub id: i64,
}

/// One request (`/demarches/:id`).
#[component]
pub fn RequestPage(props: &RequestProps) -> Html {
    let session = use_session();
    match session.session.state {
        SessionState::Member(_) => html! { <MemberRequest id={props.id} /> },
        SessionState::Anonymous | SessionState::Unknown => html! {
            <MemberArea
                title={Text::TitleRequest}
                intro={Text::RequestsIntro}
                sign_in={Text::RequestsSignIn}
            />
        },
    }
}

#[component]
fn MemberRequest(props: &RequestProps) -> Html {
    let lang = use_lang();
    let loaded = use_state(|| Loaded::<Detail>::Loading);
    {
        let loaded = loaded.setter();
        use_effect_with(props.id, move |id| {
            let path = format!("{}/{id}", api::paths::REQUESTS);
            spawn_local(async move {
                let answer = api::get_json::<Detail>(&path, lang).await;
                loaded.set(match answer {
                    Ok(detail) => Loaded::Ready(Rc::new(detail)),
                    Err(api::ApiFailure::Api(e)) if e.code == "not_found" => {
                        Loaded::Failed(Text::RequestNotFound.text(lang).into())
                    }
                    Err(failure) => Loaded::Failed(failure.message(lang).into()),
                });
            });
        });
    }
    let body = match &*loaded {
        Loaded::Loading => {
            html! { <p class="loading" role="status">{ Text::Loading.text(lang) }</p> }
        }
        Loaded::Failed(message) => html! {
            <p class="status-line status-line--error" role="alert">{ message.clone() }</p>
        },
        Loaded::Ready(detail) => html! { <RequestView detail={Rc::clone(detail)} /> },
    };
    html! {
        <>
            <PageTitle text={Text::TitleRequest} />
            { body }
            <p><AppLink to={Route::Requests}>{ Text::RequestBack.text(lang) }</AppLink></p>
        </>
    }
}

/// Properties of [`RequestView`].
#[derive(Properties, PartialEq, Clone)]
pub struct RequestViewProps {
    /// The request.
    pub detail: Rc<Detail>,
}

/// A request: title and status, what was sent, the timeline, the files.
#[component]
pub fn RequestView(props: &RequestViewProps) -> Html {
    let lang = use_lang();
    let d = &props.detail;
    let s = &d.summary;
    html! {
        <>
            <p class="lead"><strong>{ s.kind.label(lang) }</strong>{ format!(" · {}", s.title) }</p>
            { status_badge(s.status, lang) }
            <section aria-labelledby="etapes">
                <h2 id="etapes">{ Text::RequestTimeline.text(lang) }</h2>
                <ol class="timeline">
                    { for d.events.iter().map(|e| step(e, lang)) }
                </ol>
            </section>
            <section aria-labelledby="envoye">
                <h2 id="envoye">{ Text::RequestSent.text(lang) }</h2>
                <dl class="details">
                    { for d.fields.iter().map(|(label, value)| html! {
                        <div><dt>{ label.clone() }</dt><dd class="details__text">{ value.clone() }</dd></div>
                    }) }
                </dl>
            </section>
            if !d.attachments.is_empty() {
                <section aria-labelledby="pieces">
                    <h2 id="pieces">{ Text::RequestFiles.text(lang) }</h2>
                    <ul class="statements__list">
                        { for d.attachments.iter().map(|a| html! {
                            <li key={a.id}>
                                <a href={format!("{}/{}", api::paths::ATTACHMENTS, a.id)} download="">{ a.name.clone() }</a>
                                <span class="statements__meta">{ format!(" · {}", size_words(a.size, lang)) }</span>
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </>
    }
}

fn step(e: &Event, lang: Lang) -> Html {
    let who = if e.author == "member" {
        Text::RequestByYou
    } else {
        Text::RequestByFund
    };
    html! {
        <li class="timeline__step">
            <p class="timeline__head">
                <strong>{ e.status.label(lang) }</strong>
                { format!(" · {} · {}", instant_date(&e.at, lang), who.text(lang)) }
            </p>
            if !e.message.is_empty() {
                <p class="timeline__message">{ e.message.clone() }</p>
            }
        </li>
    }
}

/// After a request is filed: its page opens, with `text` as a success message there.
pub fn open_filed(
    dispatch: &Callback<SessionAction>,
    navigator: Option<&yew_router::prelude::Navigator>,
    id: i64,
    text: Text,
) {
    let route = Route::Request { id };
    dispatch.emit(SessionAction::ShowFlash(Flash {
        route,
        kind: FlashKind::Success,
        text,
    }));
    if let Some(navigator) = navigator {
        navigator.push(&route);
    }
}
