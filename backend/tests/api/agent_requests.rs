//! The new requests (CSS application, change of family situation, exceptional aid) and the
//! agents' processing of requests: queue, assignment, internal notes, status changes with a
//! message, decisions that take effect, and the walls between members and agents.

use axum::body::Body;
use axum::http::Request;
use portail::db::{self, members::MemberId};
use portail_shared::attestation::Beneficiary;
use portail_shared::css::{self, CssContext, Window};
use portail_shared::requests::{AgentDetail, Detail, Kind, QueueItem, Status, Summary};
use serde_json::{Value, json};

use crate::helpers::{
    Answer, DEMO_AGENT, DEMO_SUPERVISOR, TestApp, agent_cookie, demo_app, sign_in_by_email,
    test_keys,
};

const AURELIE: (&str, &str) = ("294025935012385", "Beffroi-Brique-94");
const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

async fn upload(app: &TestApp, cookie: &str) -> i64 {
    let answer = app
        .send(
            Request::post("/api/attachments?name=justificatif.pdf")
                .header("cookie", cookie)
                .header("content-type", "application/octet-stream")
                .header("x-portail-request", "1")
                .header("sec-fetch-site", "same-origin")
                .body(Body::from(PDF.to_vec()))
                .unwrap(),
        )
        .await;
    assert_eq!(answer.status, 201, "{}", answer.text());
    answer.json()["id"].as_i64().unwrap()
}

fn css_body(work: &str) -> Value {
    json!({
        "others": [],
        "resources": [{"kind": "work", "amount": work}, {"kind": "family", "amount": ""}],
        "certified": true,
        "attachments": []
    })
}

async fn css_context(app: &TestApp, cookie: &str) -> CssContext {
    let answer = app.get_with("/api/css", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

async fn agent_detail(app: &TestApp, cookie: &str, id: i64) -> AgentDetail {
    let answer = app
        .get_with(&format!("/api/agent/requests/{id}"), cookie)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

async fn queue(app: &TestApp, cookie: &str, query: &str) -> Vec<QueueItem> {
    let answer = app
        .get_with(&format!("/api/agent/requests{query}"), cookie)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_slice(&answer.body).unwrap()
}

async fn aurelie_id(app: &TestApp) -> MemberId {
    app.state
        .db
        .call(|c| {
            let nir = portail_shared::Nir::parse(AURELIE.0).unwrap();
            db::members::find_by_nir(c, &test_keys(), &nir)
        })
        .await
        .unwrap()
        .unwrap()
}

async fn set_css(app: &TestApp, member: MemberId, months: i32) {
    let until = app.today().add_months(months);
    app.state
        .db
        .call(move |c| db::attestations::set_css_until(c, member, Some(until)))
        .await
        .unwrap();
}

async fn status(app: &TestApp, agent: &str, id: i64, status: &str, message: &str) -> Answer {
    app.post(
        &format!("/api/agent/requests/{id}/status"),
        json!({"status": status, "message": message}),
        Some(agent),
    )
    .await
}

#[tokio::test]
async fn members_and_agents_stay_on_their_side() {
    let app = demo_app().await;
    let aurelie = sign_in_by_email(&app, AURELIE.0, AURELIE.1).await;
    let filed = app
        .post("/api/css", css_body("9 000"), Some(&aurelie))
        .await;
    let id = filed.json()["id"].as_i64().unwrap();

    // A member's cookie opens no agent route.
    for uri in [
        "/api/agent/requests".to_owned(),
        format!("/api/agent/requests/{id}"),
    ] {
        assert_eq!(app.get_with(&uri, &aurelie).await.status, 401, "{uri}");
    }
    for (uri, body) in [
        (format!("/api/agent/requests/{id}/assign"), json!({})),
        (
            format!("/api/agent/requests/{id}/notes"),
            json!({"text": "note"}),
        ),
        (
            format!("/api/agent/requests/{id}/status"),
            json!({"status": "completed", "message": "Accordée pour un an."}),
        ),
    ] {
        assert_eq!(
            app.post(&uri, body, Some(&aurelie)).await.status,
            401,
            "{uri}"
        );
    }
    // Nor does no cookie; and an agent's cookie opens no member route.
    assert_eq!(app.get("/api/agent/requests").await.status, 401);
    let nadia = agent_cookie(&app, DEMO_AGENT).await;
    assert_eq!(app.get_with("/api/requests", &nadia).await.status, 401);
    assert_eq!(app.get_with("/api/css", &nadia).await.status, 401);

    // Another member's request answers exactly like a missing one.
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let theirs = app.get_with(&format!("/api/requests/{id}"), &camille).await;
    let missing = app.get_with("/api/requests/999999", &camille).await;
    assert!(theirs.status == 404 && missing.status == 404);
    assert_eq!(theirs.body, missing.body);
    assert_eq!(
        app.get_with("/api/agent/requests/999999", &nadia)
            .await
            .status,
        404
    );

    // A supervisor works the same queue.
    let paul = agent_cookie(&app, DEMO_SUPERVISOR).await;
    assert!(queue(&app, &paul, "").await.iter().any(|q| q.id == id));
}

any_day! {
    async fn a_css_application_reaches_an_agent_whose_approval_opens_the_households_rights(app) {
        let aurelie = sign_in_by_email(&app, AURELIE.0, AURELIE.1).await;

        // The page's context: Aurélie and Maël on the roll, a first application, rights from the
        // first day of next month.
        let context = css_context(&app, &aurelie).await;
        let names: Vec<&str> = context.household.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Aurélie Caron", "Maël Caron"]);
        assert_eq!(context.window, Window::First);
        let start = css::rights_start(app.today(), None);
        assert_eq!(context.rights_from, start.to_string());
        assert_eq!(context.pending, None);

        // A mistake is named next to its field.
        let bad = app
            .post("/api/css", css_body("dix-huit mille"), Some(&aurelie))
            .await;
        assert_eq!(bad.status, 422, "{}", bad.text());
        assert!(bad.json()["fields"]["resources_work"].is_string());
        let uncertified = app
            .post("/api/css", json!({"resources": []}), Some(&aurelie))
            .await;
        assert!(uncertified.json()["fields"]["certified"].is_string());

        // 18 000 € for two: above the free ceiling, under the other: a contribution by age.
        let filed = app
            .post("/api/css", css_body("18 000"), Some(&aurelie))
            .await;
        assert_eq!(filed.status, 201, "{}", filed.text());
        let filed: Summary = serde_json::from_slice(&filed.body).unwrap();
        assert_eq!(filed.kind, Kind::Css);
        assert_eq!(
            filed.title,
            "Complémentaire santé solidaire pour 2 personnes"
        );
        let mine: Detail = serde_json::from_value(
            app.get_with(&format!("/api/requests/{}", filed.id), &aurelie)
                .await
                .json(),
        )
        .unwrap();
        let estimate = mine.fields.iter().find(|(l, _)| l == "Estimation").unwrap();
        assert!(
            estimate.1.starts_with("Avec une participation financière"),
            "{estimate:?}"
        );
        assert!(estimate.1.contains("22,00"), "{estimate:?}");
        // One at a time.
        let again = app
            .post("/api/css", css_body("18 000"), Some(&aurelie))
            .await;
        assert_eq!(again.json()["code"], "css_pending");

        // The agent's queue: unassigned, CSS, oldest first.
        let nadia = agent_cookie(&app, DEMO_AGENT).await;
        let waiting = queue(&app, &nadia, "?kind=css&assigned=none").await;
        let item = waiting
            .iter()
            .find(|q| q.id == filed.id)
            .expect("in the queue");
        assert_eq!(item.member_name, "Aurélie Caron");
        assert_eq!((item.assigned_to.as_deref(), item.mine), (None, false));
        assert!(
            queue(&app, &nadia, "?kind=bank_details")
                .await
                .iter()
                .all(|q| q.id != filed.id)
        );
        let bad_filter = app.get_with("/api/agent/requests?kind=nope", &nadia).await;
        assert_eq!(bad_filter.status, 422);

        // Assigned to herself, with an internal note.
        let assigned = app
            .post(
                &format!("/api/agent/requests/{}/assign", filed.id),
                json!({}),
                Some(&nadia),
            )
            .await;
        assert_eq!(assigned.status, 200, "{}", assigned.text());
        assert!(
            queue(&app, &nadia, "?assigned=me")
                .await
                .iter()
                .any(|q| q.id == filed.id && q.mine)
        );
        let empty_note = app
            .post(
                &format!("/api/agent/requests/{}/notes", filed.id),
                json!({"text": " "}),
                Some(&nadia),
            )
            .await;
        assert_eq!(empty_note.status, 422);
        let note = "Avis d’imposition vérifié, RAS";
        let noted = app
            .post(
                &format!("/api/agent/requests/{}/notes", filed.id),
                json!({"text": note}),
                Some(&nadia),
            )
            .await;
        assert_eq!(noted.status, 200, "{}", noted.text());
        let detail = agent_detail(&app, &nadia, filed.id).await;
        assert!(detail.mine && detail.assigned_to.as_deref() == Some("Nadia Benali"));
        assert!(
            detail
                .events
                .iter()
                .any(|e| e.internal && e.message == note)
        );
        assert_eq!(detail.member_name, "Aurélie Caron");
        assert!(detail.on_complete.is_some());

        // The member never sees the note, nor the assignment.
        let member_view = app
            .get_with(&format!("/api/requests/{}", filed.id), &aurelie)
            .await;
        assert!(
            !member_view.text().contains("Avis d’imposition"),
            "{}",
            member_view.text()
        );
        let member_view: Detail = serde_json::from_slice(&member_view.body).unwrap();
        assert_eq!(member_view.events.len(), 1);

        // A decision without a message is refused, and nothing changes.
        let silent = status(&app, &nadia, filed.id, "completed", "").await;
        assert_eq!(silent.status, 422);
        assert!(silent.json()["fields"]["message"].is_string());
        let beneficiaries = app.get_with("/api/attestations", &aurelie).await;
        let people: Vec<Beneficiary> = serde_json::from_slice(&beneficiaries.body).unwrap();
        assert!(people.iter().all(|p| p.css_until.is_none()));

        // Approved with a message: the status, the rights, an e-mail without content.
        let message = "Votre droit est ouvert pour un an, avec une participation de 22 € par mois.";
        let approved = status(&app, &nadia, filed.id, "completed", message).await;
        assert_eq!(approved.status, 200, "{}", approved.text());
        let member_view: Detail = serde_json::from_value(
            app.get_with(&format!("/api/requests/{}", filed.id), &aurelie)
                .await
                .json(),
        )
        .unwrap();
        assert_eq!(member_view.summary.status, Status::Completed);
        let last = member_view.events.last().unwrap();
        assert_eq!(
            (last.message.as_str(), last.author.as_str()),
            (message, "agent")
        );
        let until = css::rights_until(start).to_string();
        let people: Vec<Beneficiary> =
            serde_json::from_slice(&app.get_with("/api/attestations", &aurelie).await.body).unwrap();
        assert_eq!(people.len(), 2);
        for p in &people {
            assert_eq!(p.css_until.as_deref(), Some(until.as_str()), "{}", p.name);
        }
        let mail = app
            .outbox()
            .await
            .into_iter()
            .find(|m| {
                m["recipient"] == "aurelie.caron@demo.portail.test"
                    && m["subject"] == "Votre démarche a avancé"
            })
            .unwrap();
        assert_eq!(mail["subject"], "Votre démarche a avancé");
        let body = mail["body"].as_str().unwrap();
        assert!(body.contains(&format!("/demarches/{}", filed.id)));
        assert!(
            !body.contains("participation") && !body.contains("solidaire"),
            "{body}"
        );

        // Closed: no further change; the audit trail has each step, by the agent, with the reason.
        let after = status(&app, &nadia, filed.id, "refused", "Finalement refusée.").await;
        assert_eq!(after.status, 422);
        let actions: Vec<(String, String, String)> = app
            .state
            .db
            .call(|c| {
                let mut s = c.prepare(
                    "SELECT action, actor_kind, reason FROM audit_events
                      WHERE action LIKE 'request.%' ORDER BY id",
                )?;
                let rows = s
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok::<_, db::DbError>(rows)
            })
            .await
            .unwrap();
        let names: Vec<&str> = actions.iter().map(|a| a.0.as_str()).collect();
        for expected in [
            "request.assign",
            "request.note",
            "request.open",
            "request.status",
        ] {
            assert!(names.contains(&expected), "{names:?}");
        }
        assert!(actions.iter().all(|a| a.1 == "agent" && a.2 == "request"));

        // Now that rights run for a year, a renewal is too early.
        let context = css_context(&app, &aurelie).await;
        assert!(
            matches!(context.window, Window::TooEarly { .. }),
            "{:?}",
            context.window
        );
        let early = app
            .post("/api/css", css_body("18 000"), Some(&aurelie))
            .await;
        assert_eq!(early.status, 422);
        assert_eq!(early.json()["code"], "css_too_early");

        // The supervisor's figures count the CSS queue.
        let now = portail::clock::format(app.state.clock.now());
        let stats = app
            .state
            .db
            .call(move |c| db::requests::queue_stats(c, &now))
            .await
            .unwrap();
        let css = stats.iter().find(|s| s.queue == "css").unwrap();
        assert_eq!((css.area.as_str(), css.open), ("requests", 0));
        assert!(css.median_response_hours.is_some());
        assert_eq!(stats.len(), Kind::ALL.len());
    }

    async fn a_renewal_is_only_filed_in_the_last_four_months_of_the_rights(app) {
        let aurelie = sign_in_by_email(&app, AURELIE.0, AURELIE.1).await;
        let id = aurelie_id(&app).await;

        set_css(&app, id, 5).await;
        let context = css_context(&app, &aurelie).await;
        let Window::TooEarly { opens, .. } = &context.window else {
            panic!("{:?}", context.window);
        };
        assert_eq!(
            opens,
            &css::renewal_opens(app.today().add_months(5)).to_string()
        );
        let early = app
            .post("/api/css", css_body("9 000"), Some(&aurelie))
            .await;
        assert_eq!(early.status, 422);
        assert_eq!(early.json()["code"], "css_too_early");
        assert!(
            early.json()["message"]
                .as_str()
                .unwrap()
                .contains("4 derniers mois")
        );

        set_css(&app, id, 3).await;
        let context = css_context(&app, &aurelie).await;
        assert!(matches!(context.window, Window::Renewal { .. }));
        // A renewal follows on from the current rights.
        assert_eq!(
            context.rights_from,
            app.today().add_months(3).add_days(1).to_string()
        );
        let renewal = app
            .post("/api/css", css_body("9 000"), Some(&aurelie))
            .await;
        assert_eq!(renewal.status, 201, "{}", renewal.text());
        assert!(
            renewal.json()["title"]
                .as_str()
                .unwrap()
                .starts_with("Renouvellement")
        );
    }

    async fn a_family_change_and_an_aid_need_their_documents_and_reach_the_queue(app) {
        let aurelie = sign_in_by_email(&app, AURELIE.0, AURELIE.1).await;
        let birth = app.today().add_days(-10).to_string();

        // Without a document: refused, the field named.
        let change =
            json!({"event": "birth", "date": birth, "person": "Lou Caron", "both_parents": false});
        let bare = app
            .post("/api/situation", change.clone(), Some(&aurelie))
            .await;
        assert_eq!(bare.status, 422);
        assert!(bare.json()["fields"]["attachments"].is_string());
        let future = app
            .post(
                "/api/situation",
                json!({"event": "marriage", "date": app.today().add_days(1).to_string(), "person": "X"}),
                Some(&aurelie),
            )
            .await;
        assert!(
            future.json()["fields"]["date"]
                .as_str()
                .unwrap()
                .contains("futur")
        );

        let file = upload(&app, &aurelie).await;
        let mut with_file = change;
        with_file["attachments"] = json!([file]);
        let filed = app
            .post("/api/situation", with_file.clone(), Some(&aurelie))
            .await;
        assert_eq!(filed.status, 201, "{}", filed.text());
        let situation: Summary = serde_json::from_slice(&filed.body).unwrap();
        assert_eq!(situation.kind, Kind::FamilySituation);
        assert!(situation.title.starts_with("Naissance d’un enfant le"));
        // The same file cannot be joined twice.
        let twice = app.post("/api/situation", with_file, Some(&aurelie)).await;
        assert!(twice.json()["fields"]["attachments"].is_string());

        // Aid: at most what remains to pay.
        let aid = |requested: &str, files: Value| {
            json!({
                "reason": "equipment",
                "explanation": "Appareil auditif pour mon fils, reste à charge important.",
                "total": "1 800", "covered": "1 200", "requested": requested,
                "monthly_resources": "1 350", "attachments": files
            })
        };
        let greedy = app
            .post("/api/aid", aid("700", json!([])), Some(&aurelie))
            .await;
        assert_eq!(greedy.status, 422);
        let fields = &greedy.json()["fields"];
        assert!(fields["requested"].is_string() && fields["attachments"].is_string());
        let quote = upload(&app, &aurelie).await;
        let filed = app
            .post("/api/aid", aid("600", json!([quote])), Some(&aurelie))
            .await;
        assert_eq!(filed.status, 201, "{}", filed.text());
        let aid_request: Summary = serde_json::from_slice(&filed.body).unwrap();
        assert_eq!(aid_request.kind, Kind::ExceptionalAid);

        // Both wait for an agent, who opens the member's files.
        let nadia = agent_cookie(&app, DEMO_AGENT).await;
        let all = queue(&app, &nadia, "").await;
        assert!(all.iter().any(|q| q.id == situation.id));
        assert!(all.iter().any(|q| q.id == aid_request.id));
        assert!(
            all.windows(2).all(|w| w[0].created_at <= w[1].created_at),
            "oldest first"
        );
        let only_aid = queue(&app, &nadia, "?kind=exceptional_aid").await;
        assert!(only_aid.iter().all(|q| q.kind == Kind::ExceptionalAid));
        let detail = agent_detail(&app, &nadia, aid_request.id).await;
        let remaining = detail
            .fields
            .iter()
            .find(|(l, _)| l == "Reste à charge")
            .unwrap();
        assert!(remaining.1.starts_with("600,00"), "{remaining:?}");
        let file_id = detail.attachments[0].id;
        let download = app
            .get_with(
                &format!(
                    "/api/agent/requests/{}/attachments/{file_id}",
                    aid_request.id
                ),
                &nadia,
            )
            .await;
        assert_eq!(download.status, 200);
        assert_eq!(download.body, PDF);
        // Not through another request.
        let elsewhere = app
            .get_with(
                &format!("/api/agent/requests/{}/attachments/{file_id}", situation.id),
                &nadia,
            )
            .await;
        assert_eq!(elsewhere.status, 404);

        // Waiting for the member, then refused: each with its message, seen by the member.
        let waiting = status(
            &app,
            &nadia,
            aid_request.id,
            "waiting_member",
            "Joignez la facture acquittée.",
        )
        .await;
        assert_eq!(waiting.status, 200, "{}", waiting.text());
        let back = status(
            &app,
            &nadia,
            aid_request.id,
            "submitted",
            "Retour à déposée.",
        )
        .await;
        assert_eq!(back.status, 422);
        let refused = status(
            &app,
            &nadia,
            aid_request.id,
            "refused",
            "Ressources au-dessus du barème de la commission.",
        )
        .await;
        assert_eq!(refused.status, 200);
        let seen: Detail = serde_json::from_value(
            app.get_with(&format!("/api/requests/{}", aid_request.id), &aurelie)
                .await
                .json(),
        )
        .unwrap();
        let steps: Vec<Status> = seen.events.iter().map(|e| e.status).collect();
        assert_eq!(
            steps,
            [Status::Submitted, Status::WaitingMember, Status::Refused]
        );
    }
}
