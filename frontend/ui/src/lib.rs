//! The component library of Portail's three browser apps: the members' portal
//! (`portail-member`), the agents' area (`portail-agent`) and the public verification page
//! (`portail-verifier`). Each app is its own wasm bundle, so that a member never downloads the
//! agents' code and a pharmacist checking one attestation downloads only what checks it.
//!
//! Here: the typed API client ([`api`]), the only place that touches browser globals
//! ([`browser`], a no-op outside WebAssembly so that everything renders natively in tests), the
//! server's public configuration ([`config`]), the language context ([`lang`]), dates and times
//! as members read them ([`time`]), and the components every app uses: the page [`Frame`](
//! components::frame::Frame), forms and fields, links, icons.

pub mod api;
pub mod browser;
pub mod components;
pub mod config;
pub mod lang;
pub mod shell;
pub mod time;
