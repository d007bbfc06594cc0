//! Embeds the browser bundle built by trunk (`target/site`) into the executable.
//!
//! The bundle is optional at build time so that `cargo test` works before the first trunk
//! build: the folder is created empty and the server then answers the SPA routes with a
//! short page saying the bundle is missing.

use std::{env, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let site = manifest.join("..").join("target").join("site");
    if !site.exists() {
        let _ = fs::create_dir_all(&site);
    }
    println!("cargo::rerun-if-changed={}", site.display());
    let index = site.join("index.html");
    println!("cargo::rerun-if-changed={}", index.display());

    // The CSP allows trunk's inline loader by its hash, computed at start-up from this copy.
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let html = fs::read_to_string(&index).unwrap_or_default();
    let _ = fs::write(out.join("index.html"), html);

    memory_serve::load_directory(site);
}
