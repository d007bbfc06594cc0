//! Requests (démarches): contesting a reimbursement with a file, following it, and the walls
//! between members.

use axum::body::Body;
use axum::http::Request;
use portail_shared::reimbursements::history::{History, Status as LineStatus};
use portail_shared::requests::{Detail, Status, Summary};

use crate::helpers::{Answer, TestApp, demo_app, sign_in_by_email};

const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: (&str, &str) = ("158112A00401729", "Granit-Maquis-27");

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

async fn upload(app: &TestApp, cookie: &str, name: &str, bytes: Vec<u8>) -> Answer {
    app.send(
        Request::post(format!("/api/attachments?name={name}"))
            .header("cookie", cookie)
            .header("content-type", "application/octet-stream")
            .header("x-portail-request", "1")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(bytes))
            .unwrap(),
    )
    .await
}

/// Camille's most recent paid line (decided within the last two months in the demo).
async fn recent_paid_line(app: &TestApp, cookie: &str) -> i64 {
    let h: History = serde_json::from_value(
        app.get_with("/api/reimbursements?status=paid", cookie)
            .await
            .json(),
    )
    .unwrap();
    let limit = app.today().add_months(-2).to_string();
    h.lines
        .iter()
        .find(|l| l.status == LineStatus::Paid && l.payment_date.as_deref() >= Some(limit.as_str()))
        .expect("a line paid in the last two months")
        .id
}

#[tokio::test]
async fn members_cannot_reach_each_others_requests_lines_or_files() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let jean = sign_in_by_email(&app, JEAN.0, JEAN.1).await;
    let line = recent_paid_line(&app, &camille).await;
    let file = upload(&app, &camille, "x.png", b"\x89PNG\r\n\x1a\nrest".to_vec()).await;
    let file_id = file.json()["id"].as_i64().unwrap();
    let filed = app
        .post(
            &format!("/api/reimbursements/{line}/contest"),
            serde_json::json!({"reason": "amount", "explanation": "Le montant est faux."}),
            Some(&camille),
        )
        .await;
    let id = filed.json()["id"].as_i64().unwrap();

    assert_eq!(
        app.get_with(&format!("/api/requests/{id}"), &jean)
            .await
            .status,
        404
    );
    assert_eq!(
        app.get_with(&format!("/api/attachments/{file_id}"), &jean)
            .await
            .status,
        404
    );
    let jeans: Vec<Summary> =
        serde_json::from_value(app.get_with("/api/requests", &jean).await.json()).unwrap();
    assert!(jeans.is_empty());
    // Jean can neither contest Camille's line nor join Camille's file to his own contest.
    let steal = app
        .post(
            &format!("/api/reimbursements/{line}/contest"),
            serde_json::json!({"reason": "amount", "explanation": "Ce n'est pas à moi."}),
            Some(&jean),
        )
        .await;
    assert_eq!(steal.status, 404);
    let jean_line = recent_paid_line(&app, &jean).await;
    let borrowed = app
        .post(
            &format!("/api/reimbursements/{jean_line}/contest"),
            serde_json::json!({"reason": "amount", "explanation": "Le montant est faux.", "attachments": [file_id]}),
            Some(&jean),
        )
        .await;
    assert_eq!(borrowed.status, 422);
    assert!(borrowed.json()["fields"]["attachments"].is_string());
    // Nothing was half-filed.
    let jeans: Vec<Summary> =
        serde_json::from_value(app.get_with("/api/requests", &jean).await.json()).unwrap();
    assert!(jeans.is_empty());
    assert_eq!(app.get("/api/requests").await.status, 401);
}

#[tokio::test]
async fn files_never_joined_to_a_request_are_removed_after_a_day() {
    let app = demo_app().await;
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let first = upload(&app, &camille, "oubli.pdf", PDF.to_vec()).await;
    assert_eq!(first.status, 201);
    let folder = app.dir.path().join("attachments");
    let names = |app: &TestApp| {
        let conn = portail::db::open_connection(app.state.db.path()).unwrap();
        let mut s = conn.prepare("SELECT file_name FROM attachments").unwrap();
        s.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    };
    assert_eq!(names(&app), ["oubli.pdf"]);
    // A day and an hour later (a new session), the next upload sweeps the abandoned one.
    app.state.clock.advance(25 * 3600);
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let second = upload(&app, &camille, "nouveau.pdf", PDF.to_vec()).await;
    assert_eq!(second.status, 201);
    assert_eq!(names(&app), ["nouveau.pdf"]);
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        1,
        "only the new file is left"
    );
    let second_id = second.json()["id"].as_i64().unwrap();
    assert_eq!(
        app.get_with(&format!("/api/attachments/{second_id}"), &camille)
            .await
            .status,
        200
    );
}

any_day! {
    async fn a_member_contests_a_line_with_a_file_and_follows_it(app) {
        let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let line = recent_paid_line(&app, &camille).await;

        let file = upload(&app, &camille, "ordonnance%20du%20Dr.pdf", PDF.to_vec()).await;
        assert_eq!(file.status, 201, "{}", file.text());
        let file_id = file.json()["id"].as_i64().unwrap();
        assert_eq!(file.json()["media_type"], "application/pdf");
        assert_eq!(file.json()["name"], "ordonnance du Dr.pdf");

        let filed = app
            .post(
                &format!("/api/reimbursements/{line}/contest"),
                serde_json::json!({
                    "reason": "rate",
                    "explanation": "J'avais déclaré mon médecin traitant.",
                    "attachments": [file_id]
                }),
                Some(&camille),
            )
            .await;
        assert_eq!(filed.status, 201, "{}", filed.text());
        let summary: Summary = serde_json::from_value(filed.json()).unwrap();
        assert_eq!(summary.status, Status::Submitted);
        assert_eq!(summary.expected_by, Some(app.today().add_months(2).to_string()));

        let list: Vec<Summary> =
            serde_json::from_value(app.get_with("/api/requests", &camille).await.json()).unwrap();
        assert_eq!(list, std::slice::from_ref(&summary));
        let detail: Detail = serde_json::from_value(
            app.get_with(&format!("/api/requests/{}", summary.id), &camille)
                .await
                .json(),
        )
        .unwrap();
        assert_eq!(detail.events.len(), 1);
        assert!(
            detail.events[0]
                .message
                .contains("commission de recours amiable")
        );
        assert!(
            detail
                .fields
                .iter()
                .any(|(_, v)| v == "J'avais déclaré mon médecin traitant.")
        );
        assert_eq!(detail.attachments.len(), 1);
        let back = app
            .get_with(&format!("/api/attachments/{file_id}"), &camille)
            .await;
        assert_eq!(back.status, 200);
        assert_eq!(back.body.as_slice(), PDF);
        assert_eq!(back.header("content-type"), "application/pdf");
        assert!(
            back.header("content-disposition")
                .starts_with("attachment;")
        );

        // The file is stored encrypted, outside anything served.
        let stored: Vec<_> = std::fs::read_dir(app.dir.path().join("attachments"))
            .unwrap()
            .map(|e| std::fs::read(e.unwrap().path()).unwrap())
            .collect();
        assert_eq!(stored.len(), 1);
        assert!(!stored[0].windows(5).any(|w| w == b"%PDF-"));

        // The same line again: one contest at a time; the same file cannot be joined twice.
        let again = app
            .post(
                &format!("/api/reimbursements/{line}/contest"),
                serde_json::json!({"reason": "amount", "explanation": "Encore une fois, le montant."}),
                Some(&camille),
            )
            .await;
        assert_eq!(again.status, 422);
        assert_eq!(again.json()["code"], "already_contested");
    }

    async fn files_are_judged_by_their_content_and_size_and_contests_by_their_dates(app) {
        let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
        let html = upload(
            &app,
            &camille,
            "facture.pdf",
            b"<html><script>alert(1)</script>".to_vec(),
        )
        .await;
        assert_eq!(html.status, 422);
        assert!(
            html.json()["fields"]["file"]
                .as_str()
                .unwrap()
                .contains("PDF")
        );
        let mut big = PDF.to_vec();
        big.resize(5 * 1024 * 1024 + 1, b' ');
        assert_eq!(upload(&app, &camille, "big.pdf", big).await.status, 413);
        let mut fits = PDF.to_vec();
        fits.resize(1024 * 1024, b' ');
        assert_eq!(upload(&app, &camille, "fits.pdf", fits).await.status, 201);
        // Without the portal's own header, an upload is refused (CSRF rule).
        let forged = app
            .send(
                Request::post("/api/attachments?name=a.pdf")
                    .header("cookie", &camille)
                    .header("content-type", "application/pdf")
                    .header("sec-fetch-site", "same-origin")
                    .body(Body::from(PDF.to_vec()))
                    .unwrap(),
            )
            .await;
        assert_eq!(forged.status, 403);

        // An old payment can no longer be contested; a short explanation is named.
        let all: History = serde_json::from_value(
            app.get_with("/api/reimbursements?all=true&status=paid", &camille)
                .await
                .json(),
        )
        .unwrap();
        let old = all.lines.last().unwrap().id;
        let late = app
            .post(
                &format!("/api/reimbursements/{old}/contest"),
                serde_json::json!({"reason": "amount", "explanation": "court"}),
                Some(&camille),
            )
            .await;
        assert_eq!(late.status, 422);
        let fields = &late.json()["fields"];
        assert!(fields["reason"].as_str().unwrap().contains("2 mois"));
        assert!(
            fields["explanation"]
                .as_str()
                .unwrap()
                .contains("10 caractères")
        );
    }
}
