//! Installs the tools the build and the tests need, each only when missing or at another
//! version: the wasm32 target, trunk, wasm-bindgen-cli at the exact version in Cargo.lock,
//! the npm packages of `end2end/` (Playwright, axe, binaryen's wasm-opt) from their lockfile,
//! Debian's poppler-utils (`pdftotext`, with which the server's tests read the PDFs back) and,
//! for the browser suite, Debian's Chromium.

use crate::{TaskResult, root, run_cmd, step};
use std::{
    env,
    path::{Path, PathBuf},
    process::Command,
};

/// trunk 0.22 needs a newer rustc than this project's; this one is verified here.
const TRUNK_VERSION: &str = "0.21.14";
/// The browser the suite drives (no browser is ever downloaded).
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Installs what is missing; `browser` adds Chromium (only the test suite needs it).
pub fn tools(browser: bool) -> TaskResult {
    step("Tools (installed only when missing)");
    wasm_target()?;
    cargo_tool("trunk", TRUNK_VERSION, &["--locked"])?;
    let bindgen = lock_version("wasm-bindgen")?;
    // `--locked` fails for wasm-bindgen-cli (a locked dependency is missing from the index).
    cargo_tool("wasm-bindgen", &bindgen, &[])?;
    npm_packages()?;
    poppler()?;
    if browser {
        chromium()?;
    }
    Ok(())
}

/// PATH with cargo's bin folder and `end2end/node_modules/.bin` (wasm-opt) first, so trunk
/// finds wasm-bindgen and wasm-opt without trying to download them.
pub fn tool_path() -> String {
    let mut parts = vec![
        root().join("end2end").join("node_modules").join(".bin"),
        cargo_home().join("bin"),
    ];
    if let Some(path) = env::var_os("PATH") {
        for dir in env::split_paths(&path) {
            if !parts.contains(&dir) {
                parts.push(dir);
            }
        }
    }
    env::join_paths(parts)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A binary in cargo's bin folder.
pub fn cargo_bin(name: &str) -> PathBuf {
    cargo_home().join("bin").join(name)
}

fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

fn wasm_target() -> TaskResult {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("    wasm32-unknown-unknown target: present");
        return Ok(());
    }
    println!("    wasm32-unknown-unknown target: installing");
    run_cmd(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Installs `cargo install NAME --version VERSION` unless `NAME --version` already says it.
fn cargo_tool(bin: &str, version: &str, extra: &[&str]) -> TaskResult {
    let crate_name = match bin {
        "wasm-bindgen" => "wasm-bindgen-cli",
        other => other,
    };
    let path = cargo_bin(bin);
    let current = output(Command::new(&path).arg("--version")).unwrap_or_default();
    if current.split_whitespace().any(|w| w == version) {
        println!("    {crate_name} {version}: present");
        return Ok(());
    }
    println!("    {crate_name} {version}: installing (a few minutes, once)");
    let mut cmd = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(["install", crate_name, "--version", version])
        .args(extra);
    run_cmd(&mut cmd)
}

/// The version of `package` recorded in Cargo.lock.
fn lock_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle
            && let Some(v) = lines.next()
            && let Some(version) = v.trim().strip_prefix("version = \"")
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// `npm ci` in `end2end/` when its node_modules is missing or older than the lockfile.
fn npm_packages() -> TaskResult {
    let dir = root().join("end2end");
    let lock = dir.join("package-lock.json");
    let marker = dir.join("node_modules").join(".package-lock.json");
    if is_newer_or_equal(&marker, &lock) {
        println!("    npm packages (playwright, axe, binaryen): present");
        return Ok(());
    }
    println!("    npm packages (playwright, axe, binaryen): installing from the lockfile");
    run_cmd(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir),
    )
}

fn is_newer_or_equal(a: &Path, b: &Path) -> bool {
    match (
        a.metadata().and_then(|m| m.modified()),
        b.metadata().and_then(|m| m.modified()),
    ) {
        (Ok(a), Ok(b)) => a >= b,
        _ => false,
    }
}

/// The PDF reader the server's tests use.
pub const PDFTOTEXT: &str = "/usr/bin/pdftotext";

/// Debian's poppler-utils, for `pdftotext` (statements are tested by reading their text).
fn poppler() -> TaskResult {
    if Path::new(PDFTOTEXT).exists() {
        println!("    poppler-utils (pdftotext): present");
        return Ok(());
    }
    println!("    poppler-utils (pdftotext): installing from Debian (apt-get)");
    apt_install(&["poppler-utils"])
}

/// Debian's Chromium and ChromeDriver (Playwright's own browser downloads do not work here).
fn chromium() -> TaskResult {
    if Path::new(CHROMIUM).exists() {
        println!("    chromium: present");
        return Ok(());
    }
    println!("    chromium: installing from Debian (apt-get)");
    apt_install(&["chromium", "chromium-driver"])
}

/// `apt-get install` of Debian packages (through sudo unless root).
fn apt_install(packages: &[&str]) -> TaskResult {
    let root_user = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    let apt = |args: &[&str]| -> TaskResult {
        let mut cmd = if root_user {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run_cmd(&mut cmd)
    };
    apt(&["update", "-q"])?;
    let mut install = vec!["install", "-y", "-q"];
    install.extend_from_slice(packages);
    apt(&install)
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
