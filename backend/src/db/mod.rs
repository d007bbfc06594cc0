//! The data layer: SQLite through rusqlite, with a small connection pool whose blocking calls
//! run off the async runtime. All SQL of the portal lives in this module's children, one per
//! feature; handlers call the functions here and never see SQL.

pub mod accounts;
pub mod address;
pub mod agents;
pub mod attachments;
pub mod attestations;
pub mod audit;
pub mod bank;
pub mod ceam;
pub mod codes;
pub mod letters;
pub mod members;
pub mod messages;
mod migrations;
pub mod outbox;
pub mod prevention;
pub mod professionals;
pub mod reimbursements;
pub mod requests;
pub mod security;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod sms;
pub mod support;
pub mod throttle;

pub use migrations::{MIGRATIONS, migrate};

use rusqlite::{Connection, OpenFlags};
use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
    time::Duration,
};
use tokio::sync::Semaphore;

/// Connections kept open; SQLite serialises writers anyway, readers run in parallel (WAL).
const POOL_SIZE: usize = 4;

/// Something the data layer could not do.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The schema could not be brought up to date.
    #[error("migration error: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// A stored value could not be decrypted or encrypted.
    #[error("crypto error: {0}")]
    Crypto(#[from] crate::crypto::CryptoError),
    /// The blocking task running a query died.
    #[error("database task failed")]
    Task,
    /// The database belongs to another mode (a demo database opened in production or the
    /// other way round).
    #[error("{0}")]
    WrongMode(String),
    /// Stored or seeded data breaks a rule it should keep.
    #[error("invalid data: {0}")]
    Data(String),
}

/// A pool of connections to one SQLite database file.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    permits: Semaphore,
}

impl Db {
    /// Opens (creating if needed) the database file, applies the pragmas and brings the
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Db, DbError> {
        let mut first = open_connection(path)?;
        migrate(&mut first)?;
        Ok(Db {
            inner: Arc::new(Inner {
                path: path.to_path_buf(),
                idle: Mutex::new(vec![first]),
                permits: Semaphore::new(POOL_SIZE),
            }),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn call<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, DbError> + Send + 'static,
    {
        let _permit = self
            .inner
            .permits
            .acquire()
            .await
            .map_err(|_| DbError::Task)?;
        let mut conn = self.checkout()?;
        let (conn, result) = tokio::task::spawn_blocking(move || {
            let result = f(&mut conn);
            (conn, result)
        })
        .await
        .map_err(|_| DbError::Task)?;
        self.checkin(conn);
        result
    }

    /// Runs `f` inside one transaction: everything it writes lands together or not at all.
    pub async fn transaction<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&rusqlite::Transaction<'_>) -> Result<T, DbError> + Send + 'static,
    {
        self.call(move |conn| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })
        .await
    }

    fn checkout(&self) -> Result<Connection, DbError> {
        let reused = self.inner.idle.lock().ok().and_then(|mut idle| idle.pop());
        match reused {
            Some(conn) => Ok(conn),
            None => open_connection(&self.inner.path),
        }
    }

    fn checkin(&self, conn: Connection) {
        if let Ok(mut idle) = self.inner.idle.lock() {
            idle.push(conn);
        }
    }
}

/// Opens one connection with the portal's pragmas: WAL for concurrent readers, foreign keys
/// enforced, a busy timeout instead of immediate "database is locked" errors, and
/// `synchronous=FULL` so a committed write survives a power loss (health data).
pub fn open_connection(path: &Path) -> Result<Connection, DbError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// Deletes every row of every table, keeping the schema, in the caller's transaction (a demo
/// that starts its stories afresh). Foreign keys are checked at commit, when nothing is left.
pub fn empty_every_table(tx: &Connection) -> Result<(), DbError> {
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    let tables: Vec<String> = tx
        .prepare(
            "SELECT name FROM sqlite_schema
              WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in tables {
        // The names come from the schema itself, quoted as identifiers.
        tx.execute(
            &format!("DELETE FROM \"{}\"", table.replace('"', "\"\"")),
            [],
        )?;
    }
    Ok(())
}

/// Answers whether the database responds (used by the health check).
pub fn ping(conn: &Connection) -> Result<(), DbError> {
    conn.query_row("SELECT 1", [], |_| Ok(()))?;
    Ok(())
}

/// Formats an instant the way the database stores it.
pub fn format_instant(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}
