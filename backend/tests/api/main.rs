//! Backend integration tests: the real router on a temporary SQLite database.
//! One test binary (linking is slow on small machines); one module per feature.

// Test code states its expectations by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[macro_use]
mod any_day;
mod helpers;

mod activation;
mod address;
mod agent;
mod agent_requests;
mod attention;
mod attestations;
mod bank;
mod ceam;
mod cli;
mod demo;
mod doctor;
mod http;
mod import;
mod login;
mod mail;
mod messages;
mod ops;
mod password;
mod portal;
mod prevention;
mod reimbursements;
mod requests;
mod security;
mod sms;
mod smtp;
mod statements;
