//! The executable itself: flags, refusals, and a demo that starts, answers and stops cleanly.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

fn portail() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_portail"));
    for (key, _) in std::env::vars() {
        if key.starts_with("PORTAIL_") {
            cmd.env_remove(key);
        }
    }
    cmd
}

#[test]
fn version_flag_prints_the_version() {
    let out = portail().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("portail {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn serve_refuses_to_start_without_its_secrets_and_names_each() {
    let dir = tempfile::tempdir().unwrap();
    let out = portail()
        .args(["serve", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    for name in [
        "PORTAIL_SECRET_KEY",
        "PORTAIL_PUBLIC_URL",
        "PORTAIL_FUND_NAME",
    ] {
        assert!(err.contains(name), "{name} not named in: {err}");
    }
    assert!(
        !portail::config::database_path(dir.path()).exists(),
        "nothing is created before the configuration is valid"
    );
}

#[test]
fn serve_refuses_the_documented_example_key_and_plain_http() {
    let dir = tempfile::tempdir().unwrap();
    let out = portail()
        .args(["serve", "--data-dir"])
        .arg(dir.path())
        .env(
            "PORTAIL_SECRET_KEY",
            portail::crypto::DOCUMENTED_EXAMPLE_SECRET,
        )
        .env("PORTAIL_PUBLIC_URL", "http://portail.example.org")
        .env("PORTAIL_FUND_NAME", "Caisse de test")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("PORTAIL_SECRET_KEY is refused"), "{err}");
    assert!(err.contains("https://"), "{err}");
    assert!(!err.contains("PORTAIL_FUND_NAME"), "{err}");
}

#[test]
fn keygen_prints_a_key_that_serve_accepts() {
    let out = portail().arg("keygen").output().unwrap();
    let key = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(portail::crypto::Keys::from_base64(&key).is_ok());
}

/// A demo on a free port; killed when dropped.
struct Demo {
    child: std::process::Child,
    addr: String,
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_demo(data_dir: &std::path::Path) -> Demo {
    let mut child = portail()
        .args(["demo", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .env("PORTAIL_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines.next().expect("demo exited early").unwrap();
        if let Some(url) = line.trim().strip_prefix("Ouvrez http://") {
            break url.trim().to_owned();
        }
    };
    // Keep draining stdout so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Demo { child, addr }
}

fn http_get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn demo_serves_writes_its_personas_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut demo = start_demo(dir.path());
    let health = http_get(&demo.addr, "/api/health");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");

    let personas: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("demo-personas.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(personas["url"], format!("http://{}", demo.addr));
    let list = personas["personas"].as_array().unwrap();
    assert!(
        list.iter()
            .any(|p| p["role"] == "member" && p["password"].is_string())
    );
    assert!(
        list.iter()
            .any(|p| p["role"] == "agent" && p["totp_secret"].is_string())
    );

    // A second portail on the same folder is refused while the first runs.
    let second = portail()
        .args(["demo", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("in use"));

    // Backup works while it runs; restore is refused.
    let backup = dir.path().join("backup.sqlite3");
    let out = portail()
        .args(["backup"])
        .arg(&backup)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = portail()
        .args(["restore"])
        .arg(&backup)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("stop it first"));

    // SIGTERM: the process exits by itself, successfully.
    let pid = demo.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = demo.child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "did not stop");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");

    // Now the folder is free: restore succeeds, and a restarted demo keeps its personas.
    let out = portail()
        .args(["restore"])
        .arg(&backup)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = start_demo(dir.path());
    assert!(http_get(&again.addr, "/api/health").starts_with("HTTP/1.1 200"));
}

#[test]
fn a_demo_folder_is_refused_in_production() {
    let dir = tempfile::tempdir().unwrap();
    drop(start_demo(dir.path()));
    // start_demo returned once listening, so the mode is recorded; the kill released the lock.
    let key = String::from_utf8_lossy(&portail().arg("keygen").output().unwrap().stdout)
        .trim()
        .to_owned();
    let mut child = portail()
        .args(["serve", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .env("PORTAIL_SECRET_KEY", key)
        .env("PORTAIL_PUBLIC_URL", "http://127.0.0.1:1")
        .env("PORTAIL_FUND_NAME", "Caisse de test")
        .env("PORTAIL_SMTP_URL", "smtp://127.0.0.1:2525")
        .env(
            "PORTAIL_MAIL_FROM",
            "Caisse de test <ne-pas-repondre@caisse.test>",
        )
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("serve accepted a demo database");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(!status.success());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.contains("demo database"), "{err}");
}

#[test]
fn keys_rotate_retires_the_signing_key_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let migrate = portail()
        .args(["migrate", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(migrate.status.success(), "{migrate:?}");
    let refused = portail()
        .args(["keys", "rotate", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("PORTAIL_SECRET_KEY"));

    let secret = portail().arg("keygen").output().unwrap().stdout;
    let secret = String::from_utf8_lossy(&secret).trim().to_owned();
    let rotate = || {
        let out = portail()
            .args(["keys", "rotate", "--data-dir"])
            .arg(dir.path())
            .env("PORTAIL_SECRET_KEY", &secret)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let first = rotate();
    assert!(first.contains("(the first key)"), "{first}");
    let second = rotate();
    assert!(second.contains("is retired and kept"), "{second}");

    let conn = portail::db::open_connection(&portail::config::database_path(dir.path())).unwrap();
    let keys = portail::db::attestations::public_keys(&conn).unwrap();
    assert_eq!(keys.len(), 2);
    assert!(keys[0].retired_on.is_none());
    assert!(keys[1].retired_on.is_some());
    assert!(second.contains(&keys[0].key_id) && second.contains(&keys[1].key_id));
    // The new key signs, with the secret it was encrypted under.
    let crypto = portail::crypto::Keys::from_base64(&secret).unwrap();
    let (active, _) =
        portail::db::attestations::signing_key(&conn, &crypto, "2030-01-01T00:00:00Z").unwrap();
    assert_eq!(active, keys[0].key_id);
}

#[test]
fn import_professionals_reads_the_rpps_extract_and_refreshes_it() {
    let dir = tempfile::tempdir().unwrap();
    let migrate = portail()
        .args(["migrate", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(migrate.status.success(), "{migrate:?}");
    let header = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Libellé savoir-faire|Numéro Voie (coord. structure)|Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Code postal (coord. structure)|Libellé commune (coord. structure)|Téléphone (coord. structure)|";
    let file = dir
        .path()
        .join("PS_LibreAcces_Personne_activite_202611010000.txt");
    let write = |rows: &[&str]| {
        std::fs::write(&file, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    };
    let import = || {
        portail()
            .args(["import", "professionals"])
            .arg(&file)
            .arg("--data-dir")
            .arg(dir.path())
            .output()
            .unwrap()
    };
    write(&[
        "8|10001234567|810001234567|LEFÈVRE|ANNE|10|Médecin|Pédiatrie|3|PLACE|ROYALE|44000|NANTES|0240000001|",
        "8|10001234568|810001234568|MARTIN|PAUL|60|Infirmier||1|RUE|X|44000|NANTES||",
        "8|123|8123|BROKEN|ROW|10|Médecin||1|RUE|X|44000|NANTES||",
    ]);
    let out = import();
    assert!(!out.status.success(), "a refused row fails the command");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "3 rows read: 1 doctors stored, 1 other professionals skipped, 1 rows refused"
        ),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 4: identifiant PP"));

    let db_path = portail::config::database_path(dir.path());
    let found = |name: &str| {
        let conn = portail::db::open_connection(&db_path).unwrap();
        portail::db::professionals::search(&conn, name, "", None, 5).unwrap()
    };
    let anne = found("lefevre");
    assert_eq!(anne.len(), 1);
    assert_eq!(anne[0].family_name, "Lefèvre");
    assert_eq!(anne[0].specialty, "Pédiatrie");
    assert_eq!(anne[0].sector, None, "the extract does not say the sector");
    assert!(
        found("martin").is_empty(),
        "nurses are not in the doctors' directory"
    );

    // Refreshed: the same doctor moves; nobody is added twice.
    write(&[
        "8|10001234567|810001234567|LEFÈVRE|ANNE|10|Médecin|Pédiatrie|8|RUE|CRÉBILLON|44000|NANTES||",
    ]);
    let out = import();
    assert!(out.status.success(), "{out:?}");
    let anne = found("lef");
    assert_eq!(anne.len(), 1);
    assert_eq!(anne[0].address_line, "8 Rue Crébillon");
}

#[test]
fn agent_create_prints_a_one_time_enrolment_link() {
    let dir = tempfile::tempdir().unwrap();
    let migrate = portail()
        .args(["migrate", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(migrate.status.success(), "{migrate:?}");
    let secret = portail().arg("keygen").output().unwrap().stdout;
    let secret = String::from_utf8_lossy(&secret).trim().to_owned();
    let create = |role: &str| {
        portail()
            .args([
                "agent",
                "create",
                "--email",
                "lea.roux@caisse.test",
                "--role",
                role,
            ])
            .args(["--name", "Léa Roux", "--data-dir"])
            .arg(dir.path())
            .env("PORTAIL_SECRET_KEY", &secret)
            .env("PORTAIL_PUBLIC_URL", "https://portail.caisse.test")
            .output()
            .unwrap()
    };
    let refused = create("chef");
    assert!(!refused.status.success(), "only agent or supervisor");
    let out = create("supervisor");
    assert!(out.status.success(), "{out:?}");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains("https://portail.caisse.test/agent/inscription#"),
        "{printed}"
    );
    let again = create("agent");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    let conn = portail::db::open_connection(&portail::config::database_path(dir.path())).unwrap();
    let agent = portail::db::agents::find_for_login(&conn, "LEA.ROUX@caisse.test")
        .unwrap()
        .expect("created");
    assert_eq!(agent.role, portail::db::agents::Role::Supervisor);
    assert!(agent.password_hash.is_none(), "no password until enrolment");
}
