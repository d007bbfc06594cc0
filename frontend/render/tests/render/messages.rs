//! Secure messaging rendered from known answers: the member's list with unread answers, a
//! conversation open and closed, the navigation's badge; the agents' queue and a conversation
//! with its internal note.

use std::rc::Rc;

use portail_agent::pages::messages::{QueueTable, QueueTableProps};
use portail_agent::pages::thread::{AgentThreadView, AgentThreadViewProps};
use portail_member::components::unread::{UnreadCount, UnreadCountProps};
use portail_member::pages::messages::{
    FIRST_TOPIC_ID, ThreadList, ThreadListProps, ThreadView, ThreadViewProps, topic_id,
    unread_words,
};
use portail_shared::Lang;
use portail_shared::messages::{
    AgentMessage, AgentThread, MessageView, Party, QueueItem, ReplyDraft, Thread, ThreadStatus,
    ThreadSummary, Topic,
};
use portail_shared::requests::Attachment;

async fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    tokio::task::LocalSet::new()
        .run_until(
            yew::LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render(),
        )
        .await
}

fn summary(id: i64, status: ThreadStatus, unread: u32, last_from: Party) -> ThreadSummary {
    ThreadSummary {
        id,
        topic: Topic::Reimbursements,
        subject: "Séance de kiné non remboursée".into(),
        status,
        unread,
        last_from,
        last_at: "2026-11-26T10:00:00Z".into(),
        answered_at: (last_from == Party::Agent).then(|| "2026-11-27T09:00:00Z".into()),
        has_draft: false,
    }
}

fn message(id: i64, from: Party, read: bool) -> MessageView {
    MessageView {
        id,
        from,
        body: if from == Party::Member {
            "Ma séance du 3 octobre\nn’apparaît pas.".into()
        } else {
            "La feuille de soins est arrivée.".into()
        },
        at: "2026-11-26T10:00:00Z".into(),
        read_at: read.then(|| "2026-11-26T15:00:00Z".into()),
        attachments: vec![Attachment {
            id: 40 + id,
            name: format!("piece-{id}.pdf"),
            media_type: "application/pdf".into(),
            size: 2048,
        }],
    }
}

fn thread(status: ThreadStatus, can_reopen: bool) -> Thread {
    Thread {
        summary: summary(7, status, 0, Party::Agent),
        messages: vec![
            message(1, Party::Member, true),
            message(2, Party::Agent, true),
            message(3, Party::Member, false),
        ],
        draft: Some(ReplyDraft {
            body: "Je précise que".into(),
            saved_at: Some("2026-11-27T10:00:00Z".into()),
        }),
        closed_at: (status == ThreadStatus::Closed).then(|| "2026-11-28T10:00:00Z".into()),
        can_reopen,
    }
}

#[tokio::test]
async fn the_list_shows_unread_answers_and_who_waits_for_whom() {
    let mut drafted = summary(3, ThreadStatus::Open, 0, Party::Member);
    drafted.has_draft = true;
    let html = render::<ThreadList>(ThreadListProps {
        list: Rc::new(vec![
            summary(7, ThreadStatus::Open, 2, Party::Agent),
            drafted,
            summary(1, ThreadStatus::Closed, 0, Party::Agent),
        ]),
    })
    .await;
    assert!(html.contains("2\u{a0}nouveaux messages"));
    assert_eq!(html.matches("thread-card--unread").count(), 1);
    assert!(html.contains("Réponse de votre caisse le 27 novembre 2026"));
    assert!(
        html.contains("En attente de la réponse de votre caisse · Brouillon de réponse en cours")
    );
    assert!(html.contains(r#"<p class="badge">Fermée</p>"#));
    assert_eq!(
        html.matches(r#"<p class="badge badge--info">Ouverte</p>"#)
            .count(),
        2
    );
    assert!(html.contains(r#"href="/messagerie/7""#));
    assert!(html.contains(">Remboursements<"));
    let empty = render::<ThreadList>(ThreadListProps {
        list: Rc::new(vec![]),
    })
    .await;
    assert!(empty.contains("Vous n’avez pas encore écrit à votre caisse."));
    assert_eq!(unread_words(1, Lang::En), "1 new message");
    assert_eq!(unread_words(3, Lang::Fr), "3\u{a0}nouveaux messages");
    assert_eq!(topic_id(Topic::ALL[0]), FIRST_TOPIC_ID);
}

#[tokio::test]
async fn an_open_conversation_shows_receipts_files_and_the_answer_with_its_draft() {
    let html = render::<ThreadView>(ThreadViewProps {
        thread: Rc::new(thread(ThreadStatus::Open, false)),
        on_change: Default::default(),
    })
    .await;
    assert!(html.contains(">Séance de kiné non remboursée</h1>"));
    assert_eq!(html.matches(r#"class="message message--mine""#).count(), 2);
    assert_eq!(
        html.matches(r#"class="message message--theirs""#).count(),
        1
    );
    assert!(html.contains("Lu par votre caisse le 26 novembre 2026"));
    assert_eq!(html.matches("Pas encore lu par votre caisse").count(), 1);
    // The fund's own messages carry no receipt for the member.
    assert_eq!(html.matches("message__receipt").count(), 2);
    assert!(html.contains(r#"href="/api/attachments/42""#));
    assert!(html.contains("Ma séance du 3 octobre\nn’apparaît pas."));
    // The answer form holds the draft kept, and says when it was saved.
    assert!(html.contains(r#"id="reponse""#));
    assert!(
        html.contains("Je précise que</textarea>") || html.contains(r#"value="Je précise que""#)
    );
    assert!(html.contains("Brouillon enregistré le 27 novembre 2026"));
    assert!(html.contains("Fermer la conversation"));
    assert!(!html.contains("Rouvrir"));
}

#[tokio::test]
async fn a_closed_conversation_offers_to_reopen_it_or_to_write_again() {
    let html = render::<ThreadView>(ThreadViewProps {
        thread: Rc::new(thread(ThreadStatus::Closed, true)),
        on_change: Default::default(),
    })
    .await;
    assert!(html.contains("Conversation fermée le 28 novembre 2026"));
    assert!(html.contains("Rouvrir la conversation"));
    assert!(!html.contains(r#"id="reponse""#), "no answer form");
    let late = render::<ThreadView>(ThreadViewProps {
        thread: Rc::new(thread(ThreadStatus::Closed, false)),
        on_change: Default::default(),
    })
    .await;
    assert!(!late.contains("Rouvrir la conversation"));
    assert!(late.contains("écrivez un nouveau message"));
    assert!(late.contains(r#"href="/messagerie/nouveau""#));
}

#[tokio::test]
async fn the_navigation_badge_counts_unread_answers_for_screen_readers_too() {
    let none = render::<UnreadCount>(UnreadCountProps { count: 0 }).await;
    assert!(!none.contains("nav-badge"));
    let one = render::<UnreadCount>(UnreadCountProps { count: 1 }).await;
    assert!(one.contains(r#"<span aria-hidden="true">1</span>"#));
    assert!(one.contains(" 1 message non lu<"));
    let two = render::<UnreadCount>(UnreadCountProps { count: 2 }).await;
    assert!(two.contains(" 2 messages non lus<"));
}

fn item(id: i64, waiting: bool, mine: bool) -> QueueItem {
    QueueItem {
        id,
        topic: Topic::Complaint,
        subject: format!("Objet {id}"),
        member_name: "Camille Martin".into(),
        assigned_to: mine.then(|| "Nadia Benali".into()),
        assigned_to_me: mine,
        waiting_since: waiting.then(|| "2026-11-20T08:30:00Z".into()),
        created_at: "2026-11-20T08:30:00Z".into(),
        updated_at: "2026-11-20T08:30:00Z".into(),
    }
}

#[tokio::test]
async fn the_queue_shows_who_waits_since_when_and_who_has_it() {
    let html = render::<QueueTable>(QueueTableProps {
        items: Rc::new(vec![item(5, true, false), item(6, false, true)]),
    })
    .await;
    assert!(html.contains("2 conversation(s)"));
    assert!(html.contains("Attend depuis le 20 novembre 2026"));
    assert!(html.contains("Répondu, attend l’assuré"));
    assert!(html.contains(r#"href="/agent/messages/5""#));
    assert!(html.contains(">Personne<") && html.contains(">Vous<"));
    assert!(html.contains(">Réclamation<"));
    assert!(html.contains("<caption>"));
    let empty = render::<QueueTable>(QueueTableProps {
        items: Rc::new(vec![]),
    })
    .await;
    assert!(empty.contains("Aucune conversation ne correspond à ces filtres."));
}

fn agent_thread(status: ThreadStatus) -> AgentThread {
    let m = |id: i64, from: Party, internal: bool, body: &str| AgentMessage {
        id,
        from,
        author: if from == Party::Member {
            "Camille Martin".into()
        } else {
            "Nadia Benali".into()
        },
        internal,
        body: body.into(),
        at: "2026-11-26T10:00:00Z".into(),
        read_at: (id == 3).then(|| "2026-11-27T10:00:00Z".into()),
        attachments: if id == 1 {
            vec![Attachment {
                id: 9,
                name: "feuille.pdf".into(),
                media_type: "application/pdf".into(),
                size: 1000,
            }]
        } else {
            vec![]
        },
    };
    AgentThread {
        id: 5,
        topic: Topic::Reimbursements,
        subject: "Séance de kiné".into(),
        status,
        member_name: "Camille Martin".into(),
        assigned_to: None,
        assigned_to_me: false,
        waiting_since: None,
        messages: vec![
            m(1, Party::Member, false, "Ma séance"),
            m(2, Party::Agent, true, "Scan de Lyon"),
            m(3, Party::Agent, false, "C’est payé"),
        ],
    }
}

#[tokio::test]
async fn an_agent_sees_notes_apart_files_receipts_and_the_forms() {
    let html = render::<AgentThreadView>(AgentThreadViewProps {
        thread: Rc::new(agent_thread(ThreadStatus::Open)),
        on_change: Default::default(),
    })
    .await;
    assert!(html.contains(r#"<h2 class="thread-subject">Séance de kiné</h2>"#));
    assert_eq!(html.matches(r#"class="message message--note""#).count(), 1);
    assert!(html.contains(r#"<span class="badge badge--warning">Note interne</span>"#));
    assert!(html.contains(r#"href="/api/agent/messages/5/attachments/9""#));
    assert!(html.contains("Lu par l’assuré le 27 novembre 2026"));
    // A receipt for the answer only: not for the member's message, not for the note.
    assert_eq!(html.matches("message__receipt").count(), 1);
    assert!(html.contains("M’attribuer cette conversation"));
    assert!(html.contains(r#"id="reponse-agent""#) && html.contains(r#"id="note-interne""#));
    assert!(html.contains("Visible des seuls agents, jamais de l’assuré."));
    let closed = render::<AgentThreadView>(AgentThreadViewProps {
        thread: Rc::new(agent_thread(ThreadStatus::Closed)),
        on_change: Default::default(),
    })
    .await;
    assert!(closed.contains("Cette conversation est fermée."));
    assert!(!closed.contains(r#"id="reponse-agent""#));
    assert!(
        closed.contains(r#"id="note-interne""#),
        "notes stay possible"
    );
}
