//! Starts the real application on a fresh temporary database.

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header::HeaderMap},
};
use http_body_util::BodyExt;
use portail::{AppState, Config, Mode, clock::Clock, crypto::Keys, db::Db, router};
use std::{
    collections::BTreeMap,
    path::PathBuf,
    sync::{Arc, Mutex},
};
use tempfile::TempDir;
use time::OffsetDateTime;
use tower::ServiceExt;

/// A running application and the folder that holds its database.
pub struct TestApp {
    pub state: AppState,
    pub dir: TempDir,
}

/// What a request answered.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The instant every test runs at unless it chooses another: a fixed one, so that no test
/// depends on the day or the hour it runs (`any_day.rs` runs the tests whose data is written
/// from "today" on many other days and hours). `PORTAIL_TEST_AT=2027-07-15T22:30:00Z cargo
/// test` runs the whole suite at another instant.
pub fn test_now() -> OffsetDateTime {
    std::env::var("PORTAIL_TEST_AT")
        .ok()
        .and_then(|at| {
            OffsetDateTime::parse(&at, &time::format_description::well_known::Rfc3339).ok()
        })
        .unwrap_or(time::macros::datetime!(2026-12-07 10:00 UTC))
}

pub fn test_keys() -> Keys {
    Keys::from_secret(&[42u8; 32])
}

pub fn config(mode: Mode, dir: &std::path::Path) -> Config {
    Config {
        mode,
        data_dir: dir.to_path_buf(),
        public_origin: "https://portail.test".into(),
        trusted_proxies: vec![],
        fund_name: "Caisse de test".into(),
        keys: test_keys(),
        sms_available: true,
    }
}

/// A fresh application in `mode` on its own database, its clock standing at [`test_now`].
pub fn spawn_app(mode: Mode) -> TestApp {
    spawn_app_at(mode, test_now())
}

/// A fresh application whose clock stands at `at` (until the test moves it).
pub fn spawn_app_at(mode: Mode, at: OffsetDateTime) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    open_app(mode, dir, at)
}

fn open_app(mode: Mode, dir: TempDir, at: OffsetDateTime) -> TestApp {
    let cfg = config(mode, dir.path());
    let db = Db::open(&cfg.database_path()).expect("open database");
    TestApp {
        state: AppState::new(db, cfg, Clock::manual(at)),
        dir,
    }
}

impl TestApp {
    /// Today in Paris on this application's clock.
    pub fn today(&self) -> portail_shared::reimbursements::Date {
        self.state.clock.today()
    }

    pub fn router(&self) -> Router {
        router(self.state.clone())
    }

    /// Sends one request through the whole router.
    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.router().oneshot(request).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }
}

/// A demo application with its personas seeded at [`test_now`].
pub async fn demo_app() -> TestApp {
    demo_app_at(test_now()).await
}

/// A demo application seeded at `at`, its clock standing there. The personas are seeded once
/// per instant and process; each application gets its own copy of that database.
pub async fn demo_app_at(at: OffsetDateTime) -> TestApp {
    let template = seeded_template(at).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = config(Mode::Demo, dir.path()).database_path();
    std::fs::copy(&template, &copy).expect("copy the seeded demo");
    open_app(Mode::Demo, dir, at)
}

type Templates = Mutex<BTreeMap<i64, Arc<tokio::sync::OnceCell<(TempDir, PathBuf)>>>>;

/// The database file of a demo seeded at `at`, written once, checkpointed and closed.
async fn seeded_template(at: OffsetDateTime) -> PathBuf {
    static TEMPLATES: Templates = Mutex::new(BTreeMap::new());
    let cell = TEMPLATES
        .lock()
        .unwrap()
        .entry(at.unix_timestamp())
        .or_default()
        .clone();
    let (_, path) = cell
        .get_or_init(|| async {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = config(Mode::Demo, dir.path()).database_path();
            let db = Db::open(&path).expect("open database");
            portail::demo::seed(&db, &test_keys(), at).await.unwrap();
            db.call(|c| {
                c.pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
                Ok(())
            })
            .await
            .unwrap();
            drop(db);
            (dir, path)
        })
        .await;
    path.clone()
}

impl TestApp {
    /// Sends a JSON body by POST, with a cookie if given.
    pub async fn post(&self, uri: &str, body: serde_json::Value, cookie: Option<&str>) -> Answer {
        let mut r = Request::post(uri).header("content-type", "application/json");
        if let Some(c) = cookie {
            r = r.header("cookie", c);
        }
        self.send(r.body(Body::from(body.to_string())).unwrap())
            .await
    }

    /// The demo outbox (e-mails and letters), newest first.
    pub async fn outbox(&self) -> Vec<serde_json::Value> {
        self.get("/api/demo/outbox")
            .await
            .json()
            .as_array()
            .unwrap()
            .clone()
    }
}

impl Answer {
    /// The `name=value` part of the Set-Cookie header, to send back.
    pub fn cookie(&self) -> String {
        self.header("set-cookie")
            .split(';')
            .next()
            .unwrap_or("")
            .to_owned()
    }
}

/// The first word of `text` shaped like a 6-digit code.
pub fn six_digit_code(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .expect("a 6-digit code")
        .to_owned()
}

/// Signs in a persona whose codes come by e-mail; returns the session cookie.
pub async fn sign_in_by_email(app: &TestApp, nir: &str, password: &str) -> String {
    let step = app
        .post(
            "/api/login",
            serde_json::json!({"nir": nir, "password": password}),
            None,
        )
        .await;
    assert_eq!(step.status, 200, "{}", step.text());
    let pending = step.cookie();
    let code = six_digit_code(app.outbox().await[0]["body"].as_str().unwrap());
    let done = app
        .post(
            "/api/login/code",
            serde_json::json!({"code": code}),
            Some(&pending),
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    done.cookie()
}

impl TestApp {
    /// `GET uri` with a cookie.
    pub async fn get_with(&self, uri: &str, cookie: &str) -> Answer {
        self.send(
            Request::get(uri)
                .header("cookie", cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }
}

impl Answer {
    /// The `name=value` part of every Set-Cookie header.
    pub fn cookies(&self) -> Vec<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .map(str::to_owned)
            .collect()
    }
}

/// The NIR and birth date (`DD/MM/YYYY`, as documents print it) of a demo person in `app`'s
/// demo: a child's follow the day the demo was seeded.
pub fn demo_person(app: &TestApp, full_name: &str) -> (String, String) {
    let (nir, birth) = portail::demo::person(full_name, app.today()).expect("a demo person");
    let printed = format!("{:02}/{:02}/{}", birth.day(), birth.month(), birth.year());
    (nir.as_str().to_owned(), printed)
}

/// The demo agents' sign-ins: (e-mail, password).
pub const DEMO_AGENT: (&str, &str) = ("nadia.agent@demo.portail.test", "Comptoir-Boreal-61");
pub const DEMO_SUPERVISOR: (&str, &str) = ("paul.superviseur@demo.portail.test", "Phare-Minuit-35");

/// The current authenticator code of a demo agent, at the app's clock.
pub async fn agent_code(app: &TestApp, email: &str) -> String {
    let (keys, email) = (test_keys(), email.to_owned());
    let secret = app
        .state
        .db
        .call(move |conn| {
            let id = portail::db::agents::find_by_email(conn, &email)?.expect("agent");
            portail::db::agents::totp_secret(conn, &keys, id)
        })
        .await
        .unwrap()
        .expect("enrolled");
    let totp = totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(&secret).unwrap())
        .build()
        .unwrap();
    totp.generate(app.state.clock.now().unix_timestamp() as u64)
        .to_string()
}

/// Signs a demo agent (or supervisor) in through the real endpoints; returns the agent cookie.
/// Moves the app's clock 30 s on first, so each sign-in uses a fresh authenticator step.
pub async fn agent_cookie(app: &TestApp, who: (&str, &str)) -> String {
    app.state.clock.advance(31);
    let step = app
        .post(
            "/api/agent/login",
            serde_json::json!({"email": who.0, "password": who.1}),
            None,
        )
        .await;
    assert_eq!(step.status, 204, "{}", step.text());
    let code = agent_code(app, who.0).await;
    let done = app
        .post(
            "/api/agent/login/code",
            serde_json::json!({"code": code}),
            Some(&step.cookie()),
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    done.cookie()
}
