//! Backend integration tests: the real router on a temporary SQLite database.
//! One test binary (linking is slow on small machines); one module per feature.

mod helpers;

mod cli;
mod demo;
mod http;
mod ops;
mod portal;
