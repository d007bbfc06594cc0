//! Operator tasks on a data folder: the lock that marks it live, backup and restore.

use crate::{
    config::database_path,
    db::{self, DbError},
};
use rusqlite::{Connection, OpenFlags};
use std::{
    fs::{self, File, OpenOptions},
    io,
    path::{Path, PathBuf},
};

/// Why an operator task was refused or failed; each says what to do.
#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    /// Another `portail` process holds the data folder.
    #[error("the data folder {0} is in use by a running portail; stop it first")]
    Live(PathBuf),
    /// The backup file already exists.
    #[error("{0} already exists; choose a new file name (backups never overwrite)")]
    Exists(PathBuf),
    /// The file to restore is not a healthy portail database.
    #[error("{path} cannot be restored: {why}")]
    Unhealthy {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
    /// A file operation failed.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The cause.
        source: io::Error,
    },
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

fn io_err(what: impl Into<String>) -> impl FnOnce(io::Error) -> OpsError {
    let what = what.into();
    move |source| OpsError::Io { what, source }
}

/// An exclusive lock on a data folder, held while a server runs (released on drop or exit).
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

/// Creates the data folder if needed and takes its lock, refusing if a server holds it.
pub fn lock_data_dir(data_dir: &Path) -> Result<DataDirLock, OpsError> {
    fs::create_dir_all(data_dir).map_err(io_err(format!("creating {}", data_dir.display())))?;
    let path = data_dir.join("portail.lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_err(format!("opening {}", path.display())))?;
    match file.try_lock() {
        Ok(()) => Ok(DataDirLock { _file: file }),
        Err(fs::TryLockError::WouldBlock) => Err(OpsError::Live(data_dir.to_path_buf())),
        Err(fs::TryLockError::Error(e)) => Err(io_err(format!("locking {}", path.display()))(e)),
    }
}

/// Writes a consistent copy of the live database to `dest` (`VACUUM INTO`, safe while the
/// server runs), then checks the copy's integrity.
pub fn backup(data_dir: &Path, dest: &Path) -> Result<u64, OpsError> {
    if dest.exists() {
        return Err(OpsError::Exists(dest.to_path_buf()));
    }
    let source = database_path(data_dir);
    if !source.exists() {
        return Err(OpsError::Unhealthy {
            path: source,
            why: "there is no database in this data folder".into(),
        });
    }
    let conn = Connection::open_with_flags(&source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(DbError::from)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(DbError::from)?;
    let dest_text = dest.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [dest_text])
        .map_err(DbError::from)?;
    verify(dest)?;
    let size = fs::metadata(dest)
        .map_err(io_err(format!("reading {}", dest.display())))?
        .len();
    Ok(size)
}

/// Replaces the data folder's database with `source` after checking it; refuses while a
/// server holds the folder. The previous database is kept beside it, renamed.
pub fn restore(
    data_dir: &Path,
    source: &Path,
    now: time::OffsetDateTime,
) -> Result<Option<PathBuf>, OpsError> {
    let _lock = lock_data_dir(data_dir)?;
    verify(source)?;
    let target = database_path(data_dir);
    let staging = data_dir.join("portail.sqlite3.restoring");
    fs::copy(source, &staging).map_err(io_err(format!("copying {}", source.display())))?;
    File::open(&staging)
        .and_then(|f| f.sync_all())
        .map_err(io_err("syncing the restored copy"))?;
    let kept = if target.exists() {
        // Fold the WAL into the old file so the kept copy is complete on its own.
        let old = db::open_connection(&target)?;
        old.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .map_err(DbError::from)?;
        drop(old);
        let kept = data_dir.join(format!(
            "portail.sqlite3.before-restore-{}",
            crate::clock::format(now).replace([':', '-'], "")
        ));
        fs::rename(&target, &kept).map_err(io_err("setting the old database aside"))?;
        Some(kept)
    } else {
        None
    };
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(data_dir.join(format!("portail.sqlite3{suffix}")));
    }
    fs::rename(&staging, &target).map_err(io_err("moving the restored database in place"))?;
    Ok(kept)
}

/// Checks that `path` is an intact portail database this version can run.
pub fn verify(path: &Path) -> Result<(), OpsError> {
    let unhealthy = |why: String| OpsError::Unhealthy {
        path: path.to_path_buf(),
        why,
    };
    if !path.is_file() {
        return Err(unhealthy("no such file".into()));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| unhealthy(e.to_string()))?;
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| unhealthy(format!("not a SQLite database ({e})")))?;
    if check != "ok" {
        return Err(unhealthy(format!("integrity check failed: {check}")));
    }
    let has_settings: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| unhealthy(e.to_string()))?;
    if !has_settings {
        return Err(unhealthy("it is not a portail database".into()));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| unhealthy(e.to_string()))?;
    if version > latest_version() {
        return Err(unhealthy(format!(
            "it was written by a newer portail (schema {version}, this one knows {})",
            latest_version()
        )));
    }
    Ok(())
}

/// The schema version this build migrates to.
pub fn latest_version() -> i64 {
    let Ok(mut conn) = Connection::open_in_memory() else {
        return 0;
    };
    if db::migrate(&mut conn).is_err() {
        return 0;
    }
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap_or(0)
}

/// Retires the key that signs attestations (kept so old ones verify) and creates a new one;
/// answers the retired key's id, if there was one, and the new key's id.
pub fn rotate_signing_key(
    data_dir: &Path,
    keys: &crate::crypto::Keys,
    now: time::OffsetDateTime,
) -> Result<(Option<String>, String), OpsError> {
    let path = database_path(data_dir);
    if !path.exists() {
        return Err(OpsError::Io {
            what: format!("{} holds no portal database", data_dir.display()),
            source: io::Error::from(io::ErrorKind::NotFound),
        });
    }
    let mut conn = db::open_connection(&path)?;
    let tx = conn.transaction().map_err(db::DbError::from)?;
    let before = db::attestations::public_keys(&tx)?
        .into_iter()
        .find(|k| k.retired_on.is_none())
        .map(|k| k.key_id);
    let new = db::attestations::rotate(&tx, keys, &crate::clock::format(now))?;
    tx.commit().map_err(db::DbError::from)?;
    Ok((before, new))
}

/// Creates an agent account (`portail agent create`) and returns the one-time enrolment link
/// the new agent opens to choose a password and add the authenticator app. Safe while the
/// portal runs. An address already used is refused.
pub fn create_agent(
    data_dir: &Path,
    keys: &crate::crypto::Keys,
    public_origin: &str,
    email: &str,
    display_name: &str,
    role: db::agents::Role,
    now: time::OffsetDateTime,
) -> Result<crate::agent::Created, OpsError> {
    let path = database_path(data_dir);
    if !path.exists() {
        return Err(OpsError::Io {
            what: format!("{} holds no portal database", data_dir.display()),
            source: io::Error::from(io::ErrorKind::NotFound),
        });
    }
    let mut conn = db::open_connection(&path)?;
    let tx = conn.transaction().map_err(db::DbError::from)?;
    if db::agents::find_by_email(&tx, &email.trim().to_lowercase())?.is_some() {
        return Err(OpsError::Io {
            what: format!("an agent with the address {email} already exists"),
            source: io::Error::from(io::ErrorKind::AlreadyExists),
        });
    }
    let created = crate::agent::create(&tx, keys, public_origin, email, display_name, role, now)?;
    tx.commit().map_err(db::DbError::from)?;
    Ok(created)
}

/// Writes every activation letter waiting for the printer as `DIR/lettre-activation-NNNNNN.pdf`
/// and marks it printed, which wipes its PDF from the database (the code then exists only on
/// paper). Safe while the portal runs; a letter interrupted between its file and its mark is
/// written again, to the same name, next time. Returns the files written.
pub fn export_letters(
    data_dir: &Path,
    keys: &crate::crypto::Keys,
    dir: &Path,
    now: time::OffsetDateTime,
) -> Result<Vec<PathBuf>, OpsError> {
    fs::create_dir_all(dir).map_err(io_err(format!("cannot create {}", dir.display())))?;
    let conn = db::open_connection(&database_path(data_dir))?;
    let waiting = db::letters::to_print(&conn, keys)?;
    let mut written = Vec::with_capacity(waiting.len());
    for (id, pdf) in waiting {
        let path = dir.join(format!("lettre-activation-{id:06}.pdf"));
        let partial = dir.join(format!(".lettre-activation-{id:06}.pdf.part"));
        fs::write(&partial, &pdf).map_err(io_err(format!("cannot write {}", partial.display())))?;
        File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(io_err(format!("cannot sync {}", partial.display())))?;
        fs::rename(&partial, &path).map_err(io_err(format!("cannot write {}", path.display())))?;
        db::letters::mark_printed(&conn, id, &crate::clock::format(now))?;
        written.push(path);
    }
    Ok(written)
}
