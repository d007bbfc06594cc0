//! `cargo xtask`: the project's build, run, test and benchmark commands.
//!
//! - `cargo xtask run [-- ARGS]`  builds the release executable and runs `portail demo ARGS`.
//! - `cargo xtask test`           installs what is missing, then runs every check and suite.
//! - `cargo xtask dist`           builds `target/dist/portail`, one self-contained executable.
//! - `cargo xtask bench`          prints bundle sizes and the executable's cold-start time.
//! - `cargo xtask bench reimbursements [--members N]` seeds a large roll and load-tests the
//!   reimbursements history.
//! - `cargo xtask setup [--browser]` only installs the tools.
//!
//! Setup is idempotent: each tool is checked first and installed only when missing or at
//! another version, so a machine that has everything pays a few seconds.

mod bench;
mod setup;

use std::{
    env,
    path::{Path, PathBuf},
    process::{Command, ExitCode},
    time::Instant,
};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest.to_vec()),
        None => ("help", Vec::new()),
    };
    let result = match task {
        "setup" => setup::tools(rest.iter().any(|a| a == "--browser")),
        "dist" => dist(),
        "run" => run(&rest),
        "test" => test(),
        "bench" => bench::run(&rest),
        "screenshots" => screenshots(),
        _ => {
            eprintln!(
                "usage: cargo xtask <run|test|dist|bench|setup>\n\
                 \n  run [-- ARGS]   build and start the demo (ARGS go to `portail demo`)\
                 \n  test            every check and test suite (what CI runs)\
                 \n  dist            build target/dist/portail\
                 \n  bench           bundle sizes and cold-start time\
                 \n  bench reimbursements [--members N] [--rate R] [--seconds S]\
                 \n                  seed N members (default 1,000,000), then load-test the history\
                 \n  screenshots     retake the README's screenshots (docs/screenshots/)\
                 \n  setup           install the build and test tools only"
            );
            return if task == "help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask {task}: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The result of a task: a message saying what failed.
pub type TaskResult = Result<(), String>;

/// The workspace root (the folder holding `xtask/`).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Where the executable lands.
pub fn dist_binary() -> PathBuf {
    root().join("target").join("dist").join("portail")
}

/// Prints a visible step header.
pub fn step(what: &str) {
    println!("\n==> {what}");
}

/// Runs a command in the workspace with the tools' folders first on PATH, failing loudly.
pub fn run_cmd(cmd: &mut Command) -> TaskResult {
    cmd.current_dir_if_unset(&root());
    cmd.env("PATH", setup::tool_path());
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} exited with {status}"))
    }
}

trait CurrentDirIfUnset {
    fn current_dir_if_unset(&mut self, dir: &Path) -> &mut Self;
}

impl CurrentDirIfUnset for Command {
    fn current_dir_if_unset(&mut self, dir: &Path) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(dir);
        }
        self
    }
}

fn cargo() -> Command {
    Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// The three browser apps: the entry HTML trunk builds, and the address the server serves the
/// app under (also its folder in `target/site`).
pub const APPS: [(&str, &str, &str); 3] = [
    ("member", "index.html", "/"),
    ("agent", "agent.html", "/agent/"),
    ("verifier", "verifier.html", "/verifier/"),
];

/// Builds the three browser apps with trunk (offline, release, wasm-opt -Oz) into
/// `target/site/<app>`.
pub fn bundles() -> TaskResult {
    for (app, html, public_url) in APPS {
        step(&format!(
            "Browser app `{app}` (trunk build --release --offline {html})"
        ));
        let dist = root().join("target").join("site").join(app);
        run_cmd(
            Command::new(setup::cargo_bin("trunk"))
                .args([
                    "build",
                    "--release",
                    "--offline",
                    "--public-url",
                    public_url,
                    "--dist",
                ])
                .arg(&dist)
                .arg(html),
        )?;
    }
    Ok(())
}

/// Builds the browser apps, then the server that embeds them, and copies the executable to
/// `target/dist/portail`.
fn dist() -> TaskResult {
    setup::tools(false)?;
    let started = Instant::now();
    bundles()?;
    step("Server with the embedded bundle (cargo build --release -p portail)");
    run_cmd(
        cargo()
            .args(["build", "--release", "--locked", "-p", "portail"])
            .env("MEMORY_SERVE_QUIET", "1"),
    )?;
    let built = root().join("target").join("release").join("portail");
    let out = dist_binary();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    // Copy to a temporary name then rename, so a running copy is never overwritten in place.
    let tmp = out.with_extension("new");
    std::fs::copy(&built, &tmp).map_err(|e| format!("copying {}: {e}", built.display()))?;
    std::fs::rename(&tmp, &out).map_err(|e| format!("placing {}: {e}", out.display()))?;
    println!(
        "\n{} built in {:.0?}",
        out.strip_prefix(root()).unwrap_or(&out).display(),
        started.elapsed()
    );
    Ok(())
}

/// Builds and starts the demo.
fn run(args: &[String]) -> TaskResult {
    dist()?;
    step("Starting the demo (Ctrl-C to stop)");
    let args: Vec<&String> = args.iter().filter(|a| a.as_str() != "--").collect();
    run_cmd(Command::new(dist_binary()).arg("demo").args(args))
}

/// Every check CI runs, in order of cost: formatting, lints, unit and integration tests,
/// render tests, then the release build and the browser suite against it.
fn test() -> TaskResult {
    let started = Instant::now();
    setup::tools(true)?;
    step("Formatting (cargo fmt --check)");
    run_cmd(cargo().args(["fmt", "--all", "--check"]))?;
    // One native pass covers the server, shared and the browser app's render-test build, so
    // their common dependencies are checked once.
    step("Lints, native: server, shared, render tests (cargo clippy -D warnings)");
    run_cmd(cargo().args([
        "clippy",
        "--locked",
        "--workspace",
        "--all-targets",
        "--features",
        "portail-member/ssr,portail-agent/ssr,portail-verifier/ssr",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("Lints, browser app for wasm (cargo clippy --target wasm32-unknown-unknown)");
    run_cmd(cargo().args([
        "clippy",
        "--locked",
        "-p",
        "portail-member",
        "-p",
        "portail-agent",
        "-p",
        "portail-verifier",
        "-p",
        "portail-ui",
        "-p",
        "portail-shared",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
        "portail-member/csr,portail-agent/csr,portail-verifier/csr",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The bundle is built before the server's tests so they check the real index.html.
    dist()?;
    step("Domain tests (portail-shared)");
    run_cmd(cargo().args(["test", "--locked", "-p", "portail-shared"]))?;
    step("Server tests through the real router (portail)");
    run_cmd(cargo().args(["test", "--locked", "-p", "portail"]))?;
    step("Render tests (portail-render: the three browser apps, ssr)");
    run_cmd(cargo().args(["test", "--locked", "-p", "portail-render"]))?;
    step("Browser journeys (Playwright in Debian's Chromium, with axe)");
    run_cmd(
        Command::new("npx")
            .args(["--no-install", "playwright", "test"])
            .current_dir(root().join("end2end"))
            .env("PORTAIL_BIN", dist_binary()),
    )?;
    println!("\nAll checks passed in {:.0?}.", started.elapsed());
    Ok(())
}

/// Retakes the README's screenshots with Playwright against the release executable, into
/// `docs/screenshots/` (the journey that takes them is skipped by `test`).
fn screenshots() -> Result<(), String> {
    setup::tools(true)?;
    dist()?;
    step("Screenshots (Playwright in Debian's Chromium)");
    run_cmd(
        Command::new("npx")
            .args([
                "--no-install",
                "playwright",
                "test",
                "tests/screenshots.spec.ts",
            ])
            .current_dir(root().join("end2end"))
            .env("PORTAIL_BIN", dist_binary())
            .env(
                "PORTAIL_SCREENSHOTS",
                root().join("docs").join("screenshots"),
            ),
    )
}
