//! Portail server: the HTTP API, the SQLite data layer and the embedded browser bundle.
//!
//! `router` builds the whole application for a given [`AppState`]; the integration tests drive
//! exactly this router, and `cli` starts it for `portail demo` and `portail serve`.

pub mod activation;
pub mod address;
pub mod agent;
pub mod aid;
pub mod attachments;
pub mod attention;
pub mod attestation;
pub mod bank;
pub mod ceam;
pub mod cli;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod css;
pub mod db;
pub mod demo;
pub mod directory;
pub mod doctor;
pub mod error;
pub mod http;
pub mod import;
pub mod letter;
pub mod login;
pub mod mail;
pub mod messages;
pub mod ops;
pub mod outbox;
pub mod password;
pub mod pdf;
pub mod portal;
pub mod preferences;
pub mod prevention;
pub mod reimbursements;
pub mod requests;
pub mod security;
pub mod seed;
pub mod server;
pub mod session;
pub mod situation;
pub mod sms;
pub mod statement;
pub mod support;
pub mod synthetic;

pub use config::{Config, Mode};
pub use error::AppError;
pub use http::{AppState, router};
