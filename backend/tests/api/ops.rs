use crate::helpers::{spawn_app, test_keys, test_now};
use portail::{Mode, db, demo, ops};

#[tokio::test]
async fn backup_while_live_then_restore_brings_the_data_back() {
    let app = spawn_app(Mode::Demo);
    demo::seed(&app.state.db, &test_keys(), test_now())
        .await
        .unwrap();
    let data_dir = app.dir.path().to_path_buf();
    let lock = ops::lock_data_dir(&data_dir).unwrap();
    let backup_dir = tempfile::tempdir().unwrap();
    let file = backup_dir.path().join("copy.sqlite3");
    let size = ops::backup(&data_dir, &file).unwrap();
    assert!(size > 0);
    assert!(matches!(
        ops::backup(&data_dir, &file),
        Err(ops::OpsError::Exists(_))
    ));

    // A live data folder is never overwritten.
    assert!(matches!(
        ops::restore(&data_dir, &file, test_now()),
        Err(ops::OpsError::Live(_))
    ));
    drop(lock);

    // Restore into a fresh folder and find the personas there.
    let target = tempfile::tempdir().unwrap();
    assert_eq!(
        ops::restore(target.path(), &file, test_now()).unwrap(),
        None
    );
    let restored = db::Db::open(&portail::config::database_path(target.path())).unwrap();
    let count = restored.call(|c| db::members::count(c)).await.unwrap();
    let seeded = app.state.db.call(|c| db::members::count(c)).await.unwrap();
    assert!(seeded > 0);
    assert_eq!(count, seeded);
}

#[test]
fn restore_refuses_a_file_that_is_not_a_healthy_portail_database() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"this is not a database at all, just text").unwrap();
    let target = tempfile::tempdir().unwrap();
    let err = ops::restore(target.path(), &junk, test_now()).unwrap_err();
    assert!(matches!(err, ops::OpsError::Unhealthy { .. }), "{err}");

    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let err = ops::restore(target.path(), &other, test_now()).unwrap_err();
    assert!(err.to_string().contains("not a portail database"), "{err}");
    assert!(
        !portail::config::database_path(target.path()).exists(),
        "nothing was put in place"
    );
}

#[test]
fn restore_keeps_the_previous_database_aside() {
    let source_dir = tempfile::tempdir().unwrap();
    db::Db::open(&portail::config::database_path(source_dir.path())).unwrap();
    let backup = source_dir.path().join("b.sqlite3");
    ops::backup(source_dir.path(), &backup).unwrap();

    let target = tempfile::tempdir().unwrap();
    db::Db::open(&portail::config::database_path(target.path())).unwrap();
    let kept = ops::restore(target.path(), &backup, test_now())
        .unwrap()
        .unwrap();
    assert!(kept.exists());
    ops::verify(&portail::config::database_path(target.path())).unwrap();
}

#[test]
fn migrations_bring_a_new_database_to_the_latest_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = portail::config::database_path(dir.path());
    db::Db::open(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, ops::latest_version());
    assert!(v >= 1);
    let fk: i64 = db::open_connection(&path)
        .unwrap()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}
