//! Secure messaging: a member writes with a file, the agents' queue sees it, an agent answers
//! with a file and an internal note, the member is told by an e-mail that says nothing, reads
//! the answer; unread counts, drafts, closing and reopening; and the walls: a member cannot read
//! another member's thread (404), a member's cookie never opens an agent route (401), internal
//! notes never reach the member.

use axum::body::Body;
use axum::http::Request;
use portail_shared::messages::{AgentThread, QueueItem, Thread, ThreadSummary};
use serde_json::json;

use crate::helpers::{
    Answer, DEMO_AGENT, DEMO_SUPERVISOR, TestApp, agent_cookie, demo_app, sign_in_by_email,
};

const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: (&str, &str) = ("158112A00401729", "Granit-Maquis-27");

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

const SUBJECT: &str = "Séance de kinésithérapie non remboursée";
const BODY: &str = "Bonjour, ma séance du 3 octobre n’apparaît pas dans mes remboursements.";
const ANSWER: &str =
    "Bonjour Madame, la feuille de soins est bien arrivée : paiement sous 5 jours.";
const NOTE: &str = "Feuille de soins papier retrouvée au scan de Lyon.";

async fn upload(app: &TestApp, path: &str, cookie: &str, name: &str, bytes: &[u8]) -> Answer {
    app.send(
        Request::post(format!("{path}?name={name}"))
            .header("cookie", cookie)
            .header("content-type", "application/octet-stream")
            .header("x-portail-request", "1")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(bytes.to_vec()))
            .unwrap(),
    )
    .await
}

async fn write(app: &TestApp, cookie: &str, files: &[i64]) -> Thread {
    let sent = app
        .post(
            "/api/messages",
            json!({"topic": "reimbursements", "subject": SUBJECT, "body": BODY, "attachments": files}),
            Some(cookie),
        )
        .await;
    assert_eq!(sent.status, 201, "{}", sent.text());
    serde_json::from_slice(&sent.body).unwrap()
}

async fn unread(app: &TestApp, cookie: &str) -> u64 {
    let answer = app.get_with("/api/messages/unread", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json()["count"].as_u64().unwrap()
}

async fn queue(app: &TestApp, cookie: &str, query: &str) -> Vec<QueueItem> {
    let answer = app
        .get_with(&format!("/api/agent/messages?{query}"), cookie)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

/// Camille's items in a queue (the demo also seeds Jean's question).
fn camilles(items: Vec<QueueItem>) -> usize {
    items
        .iter()
        .filter(|i| i.member_name == "Camille Martin")
        .count()
}

async fn audit_count(app: &TestApp, action: &'static str) -> i64 {
    app.state
        .db
        .call(move |c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM audit_events
                  WHERE action = ?1 AND actor_kind = 'agent' AND member_id IS NOT NULL",
                [action],
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_member_writes_an_agent_answers_and_the_member_reads_the_answer() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let file = upload(&app, "/api/attachments", &camille, "feuille.pdf", PDF).await;
    assert_eq!(file.status, 201, "{}", file.text());
    let file_id = file.json()["id"].as_i64().unwrap();

    let thread = write(&app, &camille, &[file_id]).await;
    let id = thread.summary.id;
    assert_eq!(thread.summary.subject, SUBJECT);
    assert_eq!(thread.messages.len(), 1);
    assert_eq!(thread.messages[0].attachments[0].id, file_id);
    assert_eq!(thread.messages[0].read_at, None);
    assert_eq!(unread(&app, &camille).await, 0);
    // The body and the subject are stored encrypted.
    let clear = app
        .state
        .db
        .call(move |c| {
            let body: Vec<u8> = c.query_row(
                "SELECT body_cipher FROM messages WHERE thread_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            let subject: String = c.query_row(
                "SELECT subject FROM message_threads WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            Ok((body, subject))
        })
        .await
        .unwrap();
    assert!(!String::from_utf8_lossy(&clear.0).contains("kinésithérapie"));
    assert_eq!(clear.1, "");

    // The agents' queue: waiting, in the topic's queue, unassigned.
    let nadia = agent_cookie(&app, DEMO_AGENT).await;
    let waiting = queue(
        &app,
        &nadia,
        "topic=reimbursements&waiting=true&assigned=unassigned",
    )
    .await;
    let item = waiting.iter().find(|i| i.id == id).expect("in the queue");
    assert_eq!(item.member_name, "Camille Martin");
    assert_eq!(item.subject, SUBJECT);
    assert!(item.waiting_since.is_some() && item.assigned_to.is_none());
    assert!(
        queue(&app, &nadia, "topic=complaint")
            .await
            .iter()
            .all(|i| i.id != id)
    );
    assert!(queue(&app, &nadia, "assigned=mine").await.is_empty());

    // Opening the thread reads the member's message; the member sees it.
    let opened: AgentThread = serde_json::from_slice(
        &app.get_with(&format!("/api/agent/messages/{id}"), &nadia)
            .await
            .body,
    )
    .unwrap();
    assert_eq!(opened.messages[0].author, "Camille Martin");
    let member_file = app
        .get_with(
            &format!("/api/agent/messages/{id}/attachments/{file_id}"),
            &nadia,
        )
        .await;
    assert_eq!(member_file.status, 200);
    assert_eq!(member_file.body, PDF);
    let seen: Thread = serde_json::from_slice(
        &app.get_with(&format!("/api/messages/{id}"), &camille)
            .await
            .body,
    )
    .unwrap();
    assert!(seen.messages[0].read_at.is_some(), "read by the fund");

    // Assign, a note, an answer with a file.
    let assigned = app
        .post(
            &format!("/api/agent/messages/{id}/assign"),
            json!({}),
            Some(&nadia),
        )
        .await;
    assert_eq!(assigned.status, 200, "{}", assigned.text());
    assert_eq!(assigned.json()["assigned_to"], "Nadia Benali");
    assert_eq!(queue(&app, &nadia, "assigned=mine").await.len(), 1);
    let noted = app
        .post(
            &format!("/api/agent/messages/{id}/note"),
            json!({"body": NOTE}),
            Some(&nadia),
        )
        .await;
    assert_eq!(noted.status, 201, "{}", noted.text());
    let reply_file = upload(
        &app,
        &format!("/api/agent/messages/{id}/attachments"),
        &nadia,
        "decompte.png",
        PNG,
    )
    .await;
    assert_eq!(reply_file.status, 201, "{}", reply_file.text());
    let reply_file_id = reply_file.json()["id"].as_i64().unwrap();
    // Until it is sent, the member cannot reach the agent's file, nor join it to anything.
    assert_eq!(
        app.get_with(&format!("/api/attachments/{reply_file_id}"), &camille)
            .await
            .status,
        404
    );
    let outbox_before = app.outbox().await.len();
    let answered = app
        .post(
            &format!("/api/agent/messages/{id}/reply"),
            json!({"body": ANSWER, "attachments": [reply_file_id]}),
            Some(&nadia),
        )
        .await;
    assert_eq!(answered.status, 201, "{}", answered.text());
    let agent_view: AgentThread = serde_json::from_slice(&answered.body).unwrap();
    assert_eq!(agent_view.messages.len(), 3);
    assert!(agent_view.messages[1].internal && !agent_view.messages[2].internal);
    assert_eq!(agent_view.waiting_since, None);

    // The notice: to the member, nothing of the thread.
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), outbox_before + 1);
    let mail = &outbox[0];
    assert_eq!(mail["recipient"], "camille.martin@demo.portail.test");
    assert_eq!(mail["subject"], "Vous avez un nouveau message");
    let text = format!("{}{}", mail["subject"], mail["body"]);
    for secret in [
        "kinésithérapie",
        "feuille de soins",
        "paiement",
        "Lyon",
        "decompte",
        "Remboursements",
    ] {
        assert!(
            !text.contains(secret),
            "the e-mail tells {secret:?}: {text}"
        );
    }
    assert!(text.contains("https://portail.test/messagerie"));

    // The member: one unread answer, in the badge, the list and "À faire".
    assert_eq!(unread(&app, &camille).await, 1);
    let attention = app.get_with("/api/attention", &camille).await.json();
    assert_eq!(attention[0]["unread_messages"]["count"], 1, "{attention}");
    let list: Vec<ThreadSummary> =
        serde_json::from_slice(&app.get_with("/api/messages", &camille).await.body).unwrap();
    assert_eq!(list[0].id, id);
    assert_eq!(list[0].unread, 1);
    assert!(list[0].answered_at.is_some());
    let read = app.get_with(&format!("/api/messages/{id}"), &camille).await;
    let raw = read.text();
    assert!(!raw.contains(NOTE) && !raw.contains("internal"), "{raw}");
    let thread: Thread = serde_json::from_slice(&read.body).unwrap();
    assert_eq!(thread.messages.len(), 2, "no internal note");
    assert_eq!(thread.messages[1].body, ANSWER);
    assert_eq!(thread.messages[1].attachments[0].name, "decompte.png");
    assert_eq!(unread(&app, &camille).await, 0);
    assert_eq!(
        app.get_with(&format!("/api/attachments/{reply_file_id}"), &camille)
            .await
            .body,
        PNG
    );
    // The agent sees when the member read the answer.
    let again: AgentThread = serde_json::from_slice(
        &app.get_with(&format!("/api/agent/messages/{id}"), &nadia)
            .await
            .body,
    )
    .unwrap();
    assert!(again.messages[2].read_at.is_some());

    // Every agent action is in the audit trail, with the member.
    for action in [
        "message.open",
        "message.assign",
        "message.note",
        "message.upload",
        "message.reply",
        "message.download",
    ] {
        assert!(audit_count(&app, action).await >= 1, "{action} recorded");
    }

    // The supervisor's figures: one open thread, answered, nobody waiting.
    let now = portail::clock::format(app.state.clock.now());
    let stats = app
        .state
        .db
        .call(move |c| portail::db::messages::queue_stats(c, &now))
        .await
        .unwrap();
    let reimbursements = stats.iter().find(|s| s.queue == "reimbursements").unwrap();
    assert_eq!(reimbursements.area, "messages");
    // This conversation, answered, and Jean's seeded question, still waiting.
    assert_eq!(reimbursements.open, 2);
    assert!(reimbursements.median_response_hours.is_some());
    assert!(reimbursements.oldest_at.is_some(), "Jean's question waits");
    assert_eq!(stats.len(), 6);
}

#[tokio::test]
async fn a_member_never_reaches_another_members_thread_nor_an_agent_route() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let jean = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
    let file = upload(&app, "/api/attachments", &camille, "a.pdf", PDF).await;
    let file_id = file.json()["id"].as_i64().unwrap();
    let id = write(&app, &camille, &[]).await.summary.id;

    // Another member: 404 exactly like a missing thread, for reading and for writing.
    for path in [
        format!("/api/messages/{id}"),
        "/api/messages/999999".to_owned(),
    ] {
        let answer = app.get_with(&path, &jean).await;
        assert_eq!(answer.status, 404, "{path}");
        assert_eq!(answer.json()["code"], "not_found");
    }
    for (path, body) in [
        (
            format!("/api/messages/{id}/reply"),
            json!({"body": "Je lis."}),
        ),
        (
            format!("/api/messages/{id}/draft"),
            json!({"body": "Je lis."}),
        ),
        (format!("/api/messages/{id}/close"), json!({})),
        (format!("/api/messages/{id}/reopen"), json!({})),
    ] {
        assert_eq!(
            app.post(&path, body, Some(&jean)).await.status,
            404,
            "{path}"
        );
    }
    let jeans: Vec<ThreadSummary> =
        serde_json::from_slice(&app.get_with("/api/messages", &jean).await.body).unwrap();
    assert_eq!(jeans.len(), 1, "only his own (seeded) question");
    assert_eq!(jeans[0].subject, "Transport en ambulance du mois dernier");
    assert_eq!(unread(&app, &jean).await, 0);
    // Nor can he join Camille's file to his own message.
    let borrowed = app
        .post(
            "/api/messages",
            json!({"topic": "other", "subject": "Question", "body": "Bonjour", "attachments": [file_id]}),
            Some(&jean),
        )
        .await;
    assert_eq!(borrowed.status, 422);
    assert!(borrowed.json()["fields"]["attachments"].is_string());

    // A member's cookie opens no agent route; no cookie either.
    for path in [
        "/api/agent/messages".to_owned(),
        format!("/api/agent/messages/{id}"),
    ] {
        assert_eq!(app.get_with(&path, &camille).await.status, 401, "{path}");
        assert_eq!(app.get(&path).await.status, 401, "{path}");
    }
    for path in ["reply", "note", "assign", "close"] {
        let answer = app
            .post(
                &format!("/api/agent/messages/{id}/{path}"),
                json!({"body": "Réponse", "attachments": []}),
                Some(&camille),
            )
            .await;
        assert_eq!(answer.status, 401, "{path}");
    }
    assert_eq!(
        upload(
            &app,
            &format!("/api/agent/messages/{id}/attachments"),
            &camille,
            "a.pdf",
            PDF
        )
        .await
        .status,
        401
    );
    // And an agent's cookie opens no member route.
    let paul = agent_cookie(&app, DEMO_SUPERVISOR).await;
    assert_eq!(app.get_with("/api/messages", &paul).await.status, 401);
    assert_eq!(
        app.get_with(&format!("/api/messages/{id}"), &paul)
            .await
            .status,
        401
    );
    // Nothing was read by anyone.
    let thread: Thread = serde_json::from_slice(
        &app.get_with(&format!("/api/messages/{id}"), &camille)
            .await
            .body,
    )
    .unwrap();
    assert_eq!(thread.messages[0].read_at, None);
}

any_day! {
    async fn drafts_are_kept_and_threads_close_and_reopen(app) {
        let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;

        // Mistakes come back per field, in the member's language.
        let refused = app
            .send(
                Request::post("/api/messages")
                    .header("content-type", "application/json")
                    .header("accept-language", "fr")
                    .header("cookie", &camille)
                    .body(Body::from(
                        json!({"subject": "a", "body": " ", "attachments": []}).to_string(),
                    ))
                    .unwrap(),
            )
            .await;
        assert_eq!(refused.status, 422);
        let fields = &refused.json()["fields"];
        assert_eq!(fields["topic"], "Choisissez le thème de votre message.");
        assert!(fields["subject"].is_string() && fields["body"].is_string());
        let long = app
            .post(
                "/api/messages/draft",
                json!({"topic": null, "subject": "", "body": "x".repeat(5001)}),
                Some(&camille),
            )
            .await;
        assert_eq!(long.status, 422);

        // A new message's draft: kept, read back, spent when the message is sent.
        let none = app.get_with("/api/messages/draft", &camille).await.json();
        assert_eq!(none["saved_at"], serde_json::Value::Null);
        let saved = app
            .post(
                "/api/messages/draft",
                json!({"topic": "vitale_card", "subject": "Carte perdue", "body": "J’ai perdu"}),
                Some(&camille),
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.text());
        let kept = app.get_with("/api/messages/draft", &camille).await.json();
        assert_eq!(kept["topic"], "vitale_card");
        assert_eq!(kept["body"], "J’ai perdu");
        assert!(kept["saved_at"].is_string());
        // A draft is no thread: not in the list, not in the agents' queue.
        let nadia = agent_cookie(&app, DEMO_AGENT).await;
        assert_eq!(camilles(queue(&app, &nadia, "").await), 0);
        let list = app.get_with("/api/messages", &camille).await.json();
        assert_eq!(list.as_array().unwrap().len(), 0);
        let id = write(&app, &camille, &[]).await.summary.id;
        assert_eq!(
            app.get_with("/api/messages/draft", &camille).await.json()["saved_at"],
            serde_json::Value::Null
        );

        // An answer's draft: kept with the thread, flagged in the list, spent by the answer.
        let draft = app
            .post(
                &format!("/api/messages/{id}/draft"),
                json!({"body": "Je précise que"}),
                Some(&camille),
            )
            .await;
        assert_eq!(draft.status, 200, "{}", draft.text());
        let thread: Thread = serde_json::from_slice(
            &app.get_with(&format!("/api/messages/{id}"), &camille)
                .await
                .body,
        )
        .unwrap();
        assert_eq!(thread.draft.as_ref().unwrap().body, "Je précise que");
        assert_eq!(thread.messages.len(), 1, "a draft is not a message");
        assert!(
            serde_json::from_slice::<Vec<ThreadSummary>>(
                &app.get_with("/api/messages", &camille).await.body
            )
            .unwrap()[0]
                .has_draft
        );
        let replied = app
            .post(
                &format!("/api/messages/{id}/reply"),
                json!({"body": "Je précise que c’était à Lyon."}),
                Some(&camille),
            )
            .await;
        assert_eq!(replied.status, 201, "{}", replied.text());
        let thread: Thread = serde_json::from_slice(&replied.body).unwrap();
        assert_eq!(thread.messages.len(), 2);
        assert_eq!(thread.draft, None);

        // Closed by the member: no answer until reopened, out of the agents' queue.
        let closed: Thread = serde_json::from_slice(
            &app.post(
                &format!("/api/messages/{id}/close"),
                json!({}),
                Some(&camille),
            )
            .await
            .body,
        )
        .unwrap();
        assert!(closed.closed_at.is_some() && closed.can_reopen);
        let refused = app
            .post(
                &format!("/api/messages/{id}/reply"),
                json!({"body": "Encore"}),
                Some(&camille),
            )
            .await;
        assert_eq!(refused.status, 422);
        assert_eq!(refused.json()["code"], "thread_closed");
        assert_eq!(camilles(queue(&app, &nadia, "").await), 0);
        let agent_reply = app
            .post(
                &format!("/api/agent/messages/{id}/reply"),
                json!({"body": "Réponse"}),
                Some(&nadia),
            )
            .await;
        assert_eq!(agent_reply.json()["code"], "thread_closed");
        let reopened = app
            .post(
                &format!("/api/messages/{id}/reopen"),
                json!({}),
                Some(&camille),
            )
            .await;
        assert_eq!(reopened.status, 200, "{}", reopened.text());
        assert_eq!(camilles(queue(&app, &nadia, "").await), 1);

        // Closed by an agent, and 91 days later: the member can no longer reopen it.
        let by_agent = app
            .post(
                &format!("/api/agent/messages/{id}/close"),
                json!({}),
                Some(&nadia),
            )
            .await;
        assert_eq!(by_agent.status, 200, "{}", by_agent.text());
        assert_eq!(by_agent.json()["status"], "closed");
        // 91 days and an hour: 91 days of 24 hours from summer to winter time end on the
        // 90th day in Paris, where the 90-day rule counts.
        app.state.clock.advance(91 * 24 * 3600 + 3600);
        let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let thread: Thread = serde_json::from_slice(
            &app.get_with(&format!("/api/messages/{id}"), &camille)
                .await
                .body,
        )
        .unwrap();
        assert!(!thread.can_reopen);
        let late = app
            .post(
                &format!("/api/messages/{id}/reopen"),
                json!({}),
                Some(&camille),
            )
            .await;
        assert_eq!(late.status, 422);
        assert_eq!(late.json()["code"], "cannot_reopen");
    }
}
