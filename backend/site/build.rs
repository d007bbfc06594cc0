//! Embeds the three browser apps built by trunk (`target/site/{member,agent,verifier}`) into
//! the executable (release builds; debug builds read them from disk at run time).
//!
//! The bundles are optional at build time so that `cargo test` works before the first trunk
//! build: the folders are created empty and the server then answers the apps' addresses with a
//! short page saying the bundle is missing.

use std::{env, fs, path::PathBuf};

/// The apps, by the name `memory_serve::load!` selects them with.
const APPS: [&str; 3] = ["member", "agent", "verifier"];

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let site = manifest.join("..").join("..").join("target").join("site");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let mut dirs = Vec::new();
    for app in APPS {
        let dir = site.join(app);
        if !dir.exists() {
            let _ = fs::create_dir_all(&dir);
        }
        // The CSP allows each app's inline loader by its hash, computed at start-up from this copy.
        let index = dir.join("index.html");
        println!("cargo::rerun-if-changed={}", index.display());
        let html = fs::read_to_string(&index).unwrap_or_default();
        let _ = fs::write(out.join(format!("{app}.html")), html);
        dirs.push((app, dir));
    }
    let embed = env::var("PROFILE").is_ok_and(|p| p != "debug");
    memory_serve::load_names_directories(dirs, embed);
}
