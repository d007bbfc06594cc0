//! Where the data comes from, and how fast it is read: `portail import reimbursements` on real
//! files, and the plans of the history's queries.

use portail::crypto::Keys;
use portail::db::{self, Db};
use portail::import::{self, Event};
use portail::{AppState, Mode};
use portail_shared::reimbursements::history::History;

use crate::helpers::{
    TestApp, config, demo_app, demo_person, sign_in_by_email, test_keys, test_now,
};

const CAMILLE: (&str, &str) = ("291056912304511", "Tournesol-Azur-48");
const JEAN: &str = "158112A00401729";

const HEADER: &str = "external_id;nir;beneficiary_nir;care_date;nature;professional_id;professional;specialty;charged;base;rate;participation;franchise;reimbursed;complementary;remaining;tiers_payant;in_parcours;status;payment_date;payment_ref;reject_reason";

/// A valid paid consultation of `who` (beneficiary `for_whom`), 10 days ago.
fn row(app: &TestApp, id: &str, nir: &str, for_whom: &str, professional: &str) -> String {
    let cared = app.today().add_days(-10);
    let paid = app.today().add_days(-7);
    format!(
        "{id};{nir};{for_whom};{cared};consultation;10003000001;{professional};Médecin généraliste;30,00;30,00;70;2,00;0;19,00;;11,00;0;1;paid;{paid};PAI-IMPORT-1;"
    )
}

fn write_csv(dir: &std::path::Path, name: &str, rows: &[String]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("{HEADER}\n{}\n", rows.join("\n"))).unwrap();
    path
}

/// Imports through the library function the CLI calls; returns the report and the events.
fn import_file(app: &TestApp, path: &std::path::Path) -> (import::Report, Vec<Event>) {
    let mut conn = db::open_connection(app.state.db.path()).unwrap();
    let mut events = Vec::new();
    let report = import::import(
        &mut conn,
        &test_keys(),
        std::io::BufReader::new(std::fs::File::open(path).unwrap()),
        app.state.clock.now(),
        None,
        &mut |e| events.push(e),
    )
    .unwrap();
    (report, events)
}

async fn all_lines(app: &TestApp, cookie: &str) -> History {
    let answer = app.get_with("/api/reimbursements?all=true", cookie).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    serde_json::from_value(answer.json()).unwrap()
}

/// A demo folder with its own key, as `portail demo` makes it, so the CLI can open it.
async fn demo_folder() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let secret = portail::crypto::generate_secret().unwrap();
    std::fs::write(dir.path().join("demo-secret.key"), &secret).unwrap();
    let keys = Keys::from_base64(&secret).unwrap();
    let cfg = portail::Config {
        keys: keys.clone(),
        ..config(Mode::Demo, dir.path())
    };
    let db = Db::open(&cfg.database_path()).unwrap();
    portail::demo::seed(&db, &keys, test_now()).await.unwrap();
    TestApp {
        state: AppState::new(db, cfg, portail::clock::Clock::manual(test_now())),
        dir,
    }
}

#[tokio::test]
async fn the_cli_imports_a_file_once_and_the_member_sees_its_lines() {
    let app = demo_folder().await;
    let lea = demo_person(&app, "Léa Martin").0;
    let file = write_csv(
        app.dir.path(),
        "feed.csv",
        &[
            row(&app, "FEED-1", CAMILLE.0, "", "Dr Importé Premier"),
            row(&app, "FEED-2", CAMILLE.0, &lea, "Dr Importée Seconde"),
        ],
    );
    let count = |app: &TestApp| {
        let conn = db::open_connection(app.state.db.path()).unwrap();
        db::reimbursements::count(&conn).unwrap()
    };
    let before = count(&app);
    portail::cli::import_command(&file, app.dir.path(), None, None, &app.state.clock).unwrap();
    assert_eq!(count(&app), before + 2);
    // The same file again stores nothing more, and is not an error.
    portail::cli::import_command(&file, app.dir.path(), None, None, &app.state.clock).unwrap();
    assert_eq!(count(&app), before + 2);

    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let h = all_lines(&app, &camille).await;
    let first = h
        .lines
        .iter()
        .find(|l| l.professional == "Dr Importé Premier")
        .expect("the imported line");
    assert_eq!((first.beneficiary, first.rate_bp), (1, 7000));
    assert_eq!(first.reimbursed, portail_shared::Cents(1900));
    let second = h
        .lines
        .iter()
        .find(|l| l.professional == "Dr Importée Seconde")
        .expect("the child's imported line");
    assert_eq!(second.beneficiary_name, "Léa");

    // A file with a bad line fails the command, after storing the good one.
    let mixed = write_csv(
        app.dir.path(),
        "mixed.csv",
        &[
            row(&app, "FEED-3", CAMILLE.0, "", "Dr Troisième"),
            row(&app, "FEED-4", "291056912304512", "", "Dr Quatrième"),
        ],
    );
    let err = portail::cli::import_command(&mixed, app.dir.path(), None, None, &app.state.clock)
        .unwrap_err();
    assert!(err.contains("1 invalid line"), "{err}");
    assert_eq!(count(&app), before + 3);
}

#[tokio::test]
async fn a_header_that_is_not_the_documented_one_stops_the_import() {
    let app = demo_app().await;
    let path = app.dir.path().join("wrong.csv");
    std::fs::write(&path, "id;nir\n1;291056912304511\n").unwrap();
    let mut conn = db::open_connection(app.state.db.path()).unwrap();
    let err = import::import(
        &mut conn,
        &test_keys(),
        std::io::BufReader::new(std::fs::File::open(&path).unwrap()),
        app.state.clock.now(),
        None,
        &mut |_| {},
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("line 1 (header)"), "{text}");
    assert!(text.contains("unknown column \"id\""), "{text}");
    assert!(text.contains("column external_id is missing"), "{text}");
}

/// `EXPLAIN QUERY PLAN`'s lines for `sql`.
fn plan(conn: &rusqlite::Connection, sql: &str) -> String {
    use rusqlite::types::Value;
    let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    // A member id first, then a period where the query has one.
    let values = [
        Value::Integer(1),
        Value::Text("2025-01-01".into()),
        Value::Text("2025-12-31".into()),
    ];
    let count = statement.parameter_count();
    let bound = if count == 2 {
        vec![Value::Integer(1), Value::Integer(1)]
    } else {
        values[..count].to_vec()
    };
    let rows = statement
        .query_map(rusqlite::params_from_iter(bound), |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    rows.join("\n")
}

#[tokio::test]
async fn the_history_queries_read_through_their_indexes() {
    let app = demo_app().await;
    let conn = db::open_connection(app.state.db.path()).unwrap();
    for (name, sql, index) in [
        (
            "list",
            db::reimbursements::LIST_SQL,
            "USING INDEX reimbursements_by_insured",
        ),
        (
            "held_from",
            db::reimbursements::HELD_FROM_SQL,
            "USING COVERING INDEX reimbursements_by_beneficiary",
        ),
        (
            "deductions_in",
            db::reimbursements::DEDUCTIONS_IN_SQL,
            "USING COVERING INDEX reimbursements_by_beneficiary",
        ),
    ] {
        let plan = plan(&conn, sql);
        assert!(plan.contains(index), "{name}:\n{plan}");
        assert!(!plan.contains("SCAN reimbursements"), "{name}:\n{plan}");
    }
}

#[tokio::test]
async fn each_new_payment_is_announced_by_an_email_without_amounts_unless_turned_off() {
    let app = demo_folder().await;
    let lea = demo_person(&app, "Léa Martin").0;
    let notices = |mails: &[serde_json::Value]| {
        mails
            .iter()
            .filter(|m| m["subject"] == "Information de paiement")
            .cloned()
            .collect::<Vec<_>>()
    };
    // Two lines paid together are one payment: one e-mail.
    let file = write_csv(
        app.dir.path(),
        "paid.csv",
        &[
            row(&app, "MAIL-1", CAMILLE.0, "", "Dr Un"),
            row(&app, "MAIL-2", CAMILLE.0, &lea, "Dr Deux"),
        ],
    );
    portail::cli::import_command(
        &file,
        app.dir.path(),
        None,
        Some("https://portail.example.org"),
        &app.state.clock,
    )
    .unwrap();
    let sent = notices(&app.outbox().await);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["recipient"], "camille.martin@demo.portail.test");
    let body = sent[0]["body"].as_str().unwrap();
    assert!(
        body.contains("https://portail.example.org/remboursements"),
        "{body}"
    );
    assert!(
        !body.contains('€') && !body.contains("19,00") && !body.contains("Dr Un"),
        "{body}"
    );
    // The same file again: nothing new, no e-mail.
    portail::cli::import_command(
        &file,
        app.dir.path(),
        None,
        Some("https://portail.example.org"),
        &app.state.clock,
    )
    .unwrap();
    assert_eq!(notices(&app.outbox().await).len(), 1);

    // Camille turns them off in her account: the next payment is silent.
    let camille = sign_in_by_email(&app, CAMILLE.0, CAMILLE.1).await;
    let prefs = app.get_with("/api/preferences", &camille).await;
    assert_eq!(prefs.json()["payment_emails"], true);
    let off = app
        .post(
            "/api/preferences",
            serde_json::json!({"payment_emails": false}),
            Some(&camille),
        )
        .await;
    assert_eq!(off.status, 200, "{}", off.text());
    assert_eq!(off.json()["payment_emails"], false);
    let later = write_csv(
        app.dir.path(),
        "later.csv",
        &[row(&app, "MAIL-3", CAMILLE.0, "", "Dr Trois")],
    );
    portail::cli::import_command(
        &later,
        app.dir.path(),
        None,
        Some("https://portail.example.org"),
        &app.state.clock,
    )
    .unwrap();
    assert_eq!(notices(&app.outbox().await).len(), 1);
    assert_eq!(app.get("/api/preferences").await.status, 401);
}

any_day! {
    async fn bad_lines_are_reported_by_number_and_do_not_stop_good_ones(app) {
        let lea = demo_person(&app, "Léa Martin").0;
        let dir = app.dir.path();
        let file = write_csv(
            dir,
            "feed.csv",
            &[
                row(&app, "L-2", CAMILLE.0, "", "Dr Deux"),
                // Line 3: the key does not match.
                row(&app, "L-3", "291056912304512", "", "Dr Trois"),
                // Line 4: Jean is not in Camille's household.
                row(&app, "L-4", CAMILLE.0, JEAN, "Dr Quatre"),
                // Line 5: a well-formed NIR nobody has.
                row(&app, "L-5", "185057512345673", "", "Dr Cinq"),
                // Line 6: several problems at once.
                row(&app, "L-6", CAMILLE.0, "", "Dr Six")
                    .replace(";70;", ";120;")
                    .replace("consultation", "massage"),
                String::new(),
                // Line 8 (after a blank line): fine.
                row(&app, "L-8", CAMILLE.0, &lea, "Dr Huit"),
            ],
        );
        let (report, events) = import_file(&app, &file);
        assert_eq!(
            (
                report.read,
                report.inserted,
                report.already_present,
                report.invalid
            ),
            (6, 2, 0, 4)
        );
        let invalid: Vec<(u64, String)> = events
            .into_iter()
            .filter_map(|e| match e {
                Event::Invalid(n, why) => Some((n, why)),
                Event::Progress(_) => None,
            })
            .collect();
        let lines: Vec<u64> = invalid.iter().map(|(n, _)| *n).collect();
        assert_eq!(lines, [3, 4, 5, 6]);
        assert!(invalid[0].1.contains("key"), "{}", invalid[0].1);
        assert!(invalid[1].1.contains("not a dependant"), "{}", invalid[1].1);
        assert!(
            invalid[2].1.contains("no insured person"),
            "{}",
            invalid[2].1
        );
        assert!(
            invalid[3].1.contains("rate") && invalid[3].1.contains("nature"),
            "{}",
            invalid[3].1
        );
        let conn = db::open_connection(app.state.db.path()).unwrap();
        for (external, stored) in [("L-2", true), ("L-3", false), ("L-6", false), ("L-8", true)] {
            assert_eq!(
                db::reimbursements::id_by_ref(&conn, external)
                    .unwrap()
                    .is_some(),
                stored,
                "{external}"
            );
        }

        // Importing the same file again stores nothing and says the lines are there.
        let (again, _) = import_file(&app, &file);
        assert_eq!(
            (again.inserted, again.already_present, again.invalid),
            (0, 2, 4)
        );
    }
}
