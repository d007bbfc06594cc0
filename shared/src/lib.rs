//! Types and pure domain rules shared by the browser app (wasm) and the server.
//!
//! Everything here is deterministic and free of I/O so it can be tested exhaustively and run
//! identically on both sides: a NIR key checked as the member types is checked by the same code
//! on the server.

pub mod activation;
pub mod address;
pub mod agent;
pub mod aid;
pub mod api;
pub mod attention;
pub mod attestation;
pub mod bank;
pub mod ceam;
pub mod css;
pub mod doctor;
pub mod help;
pub mod i18n;
pub mod iban;
pub mod login;
pub mod messages;
pub mod money;
pub mod nir;
pub mod outbox;
pub mod password;
pub mod preferences;
pub mod prevention;
pub mod reimbursements;
pub mod requests;
pub mod security;
pub mod situation;
pub mod text;

pub use i18n::Lang;
pub use iban::Iban;
pub use money::Cents;
pub use nir::Nir;
