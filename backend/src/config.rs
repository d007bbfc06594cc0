//! Runtime configuration of one portal instance, built by the CLI from flags and
//! `PORTAIL_...` environment variables.

use crate::crypto::Keys;
use std::{net::IpAddr, path::PathBuf};

pub use portail_shared::api::Mode;

/// Everything the server needs to know about where and how it runs.
#[derive(Clone)]
pub struct Config {
    /// Demo (seeded personas, relaxed cookies) or production.
    pub mode: Mode,
    /// Folder holding the SQLite database, the lock file and, in demo, the generated key.
    pub data_dir: PathBuf,
    /// The origin members reach the portal at (`https://portail.example.org`), used for
    /// links in e-mails and the same-origin check of state-changing requests.
    pub public_origin: String,
    /// Proxies whose `X-Forwarded-For` is believed; everyone else's is ignored.
    pub trusted_proxies: Vec<IpAddr>,
    /// The fund's name, shown in the footer and on documents.
    pub fund_name: String,
    /// Keys for encryption at rest and blind indexes.
    pub keys: Keys,
    /// Whether text messages can be sent (a provider is configured; always in demo, where
    /// they are kept in the outbox).
    pub sms_available: bool,
}

impl Config {
    /// The database file inside the data folder.
    pub fn database_path(&self) -> PathBuf {
        database_path(&self.data_dir)
    }
}

/// Where the database of a data folder lives.
pub fn database_path(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("portail.sqlite3")
}

impl std::fmt::Debug for Config {
    // Keys never reach logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("mode", &self.mode)
            .field("data_dir", &self.data_dir)
            .field("public_origin", &self.public_origin)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("fund_name", &self.fund_name)
            .finish_non_exhaustive()
    }
}
