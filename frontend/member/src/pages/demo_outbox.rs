//! The demo outbox (`/demo/boite-envoi`): the e-mails a demo deployment would have sent.
//!
//! A demo has no mail server, so the login codes and notices are read here. Outside demo mode
//! the page does not exist (the server answers 404 to its API too).

use std::rc::Rc;

use portail_shared::Lang;
use portail_shared::i18n::Text;
use portail_shared::outbox::{Channel, OutboxMessage};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::browser;
use crate::components::icons::{Icon, IconKind, spinner};
use crate::components::page_title::PageTitle;
use crate::config::use_config;
use crate::lang::use_lang;
use crate::pages::not_found::NotFoundPage;
use crate::time::{self, LocalInstant};

/// One e-mail, with its date read on the member's clock (when it could be read).
#[derive(Debug, Clone, PartialEq)]
pub struct ShownEmail {
    /// The e-mail as the server keeps it.
    pub email: OutboxMessage,
    /// When it was written, in the member's time zone.
    pub created: Option<LocalInstant>,
}

impl ShownEmail {
    /// Reads the date with the browser's time zone (UTC natively).
    pub fn new(email: OutboxMessage) -> Self {
        let created = time::parse_utc(&email.created_at).map(browser::local_instant);
        Self { email, created }
    }
}

/// What the page knows of the outbox.
#[derive(Debug, Clone, PartialEq)]
enum Outbox {
    /// The first request has not answered.
    Loading,
    /// The e-mails, newest first.
    Loaded(Rc<Vec<ShownEmail>>),
    /// The request failed: what to say.
    Failed(AttrValue),
}

/// The demo outbox page: the e-mails, newest first, with a refresh button; the not-found page
/// outside demo mode.
#[component]
pub fn DemoOutboxPage() -> Html {
    let lang = use_lang();
    let production = use_config().is_production();
    let outbox = use_state(|| Outbox::Loading);
    let busy = use_state_eq(|| false);
    // Bumped by "Actualiser": each value asks the server again.
    let generation = use_state_eq(|| 0_u32);

    {
        let outbox = outbox.setter();
        let busy = busy.setter();
        use_effect_with((*generation, production), move |(_, production)| {
            if *production {
                return;
            }
            busy.set(true);
            spawn_local(async move {
                let loaded =
                    api::get_json::<Vec<OutboxMessage>>(api::paths::DEMO_OUTBOX, lang).await;
                busy.set(false);
                outbox.set(match loaded {
                    Ok(emails) => {
                        Outbox::Loaded(Rc::new(emails.into_iter().map(ShownEmail::new).collect()))
                    }
                    Err(failure) => Outbox::Failed(failure.message(lang).into()),
                });
            });
        });
    }

    if production {
        return html! { <NotFoundPage /> };
    }

    let refresh = {
        let generation = generation.clone();
        let busy = busy.clone();
        Callback::from(move |_: MouseEvent| {
            if !*busy {
                generation.set(*generation + 1);
            }
        })
    };

    let (status, list) = match &*outbox {
        Outbox::Loading => (html! { { Text::OutboxLoading.text(lang) } }, html! {}),
        Outbox::Failed(message) => (
            html! {
                <span class="status-line status-line--error">
                    <Icon kind={IconKind::Error} />
                    { message.clone() }
                </span>
            },
            html! {},
        ),
        Outbox::Loaded(emails) if emails.is_empty() => {
            (html! { { Text::OutboxEmpty.text(lang) } }, html! {})
        }
        Outbox::Loaded(emails) => (
            html! { { count_sentence(emails.len(), lang) } },
            html! {
                <ol class="outbox">
                    { for emails.iter().map(|shown| html! {
                        <li key={format!("{:?}-{}", shown.email.channel, shown.email.id)}>
                            { email_card(shown, lang) }
                        </li>
                    }) }
                </ol>
            },
        ),
    };

    html! {
        <>
            <PageTitle text={Text::TitleDemoOutbox} />
            <p class="lead">{ Text::OutboxLead.text(lang) }</p>
            <p class="actions">
                <button
                    type="button"
                    class="button button--secondary"
                    disabled={*busy}
                    onclick={refresh}
                >
                    if *busy {
                        { spinner() }
                        { Text::OutboxRefreshing.text(lang) }
                    } else {
                        { Text::OutboxRefresh.text(lang) }
                    }
                </button>
            </p>
            <p class="outbox__status" role="status">{ status }</p>
            { list }
        </>
    }
}

/// "3 e-mails, du plus récent au plus ancien."
fn count_sentence(count: usize, lang: Lang) -> String {
    if count == 1 {
        Text::OutboxCountOne.text(lang).to_owned()
    } else {
        format!("{count} {}", Text::OutboxCountMany.text(lang))
    }
}

/// One e-mail: subject, recipient, date, then the body paragraph by paragraph.
fn email_card(shown: &ShownEmail, lang: Lang) -> Html {
    let email = &shown.email;
    let date = match shown.created {
        Some(at) => time::date_time(at, lang),
        None => email.created_at.clone(),
    };
    let letter = email.channel == Channel::Letter;
    html! {
        <article class={classes!(
            "outbox__mail",
            letter.then_some("outbox__mail--letter"),
            (email.channel == Channel::Sms).then_some("outbox__mail--sms"),
        )}>
            <h2 class="outbox__subject">
                <Icon kind={IconKind::Mail} />
                <span class="outbox__channel">
                    { match email.channel {
                        Channel::Letter => Text::OutboxLetter,
                        Channel::Sms => Text::OutboxSms,
                        Channel::Email => Text::OutboxEmail,
                    }.text(lang) }
                    { " — " }
                </span>
                { email.subject.clone() }
            </h2>
            <dl class="outbox__meta">
                <div>
                    <dt>{ Text::OutboxRecipient.text(lang) }</dt>
                    <dd class="identifier">{ email.recipient.clone() }</dd>
                </div>
                <div>
                    <dt>{ Text::OutboxDate.text(lang) }</dt>
                    <dd><time datetime={email.created_at.clone()}>{ date }</time></dd>
                </div>
            </dl>
            <div class="outbox__body">
                { for paragraphs(&email.body).map(|paragraph| html! {
                    <p>{ paragraph.to_owned() }</p>
                }) }
            </div>
            if let Some(url) = &email.pdf_url {
                <p>
                    <a href={url.clone()}>
                        { Text::OutboxPdf.text(lang) }
                    </a>
                </p>
            }
        </article>
    }
}

/// A plain-text body's paragraphs (separated by blank lines); line breaks inside a paragraph are
/// kept by the stylesheet.
pub fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    body.split("\n\n")
        .map(|paragraph| paragraph.trim_matches('\n').trim_end())
        .filter(|paragraph| !paragraph.trim().is_empty())
}
