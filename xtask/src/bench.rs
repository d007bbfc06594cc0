//! `cargo xtask bench`: what a member downloads and how fast the executable is ready.
//!
//! - Bundle: every file of `target/site` raw, gzip -9 and brotli 11 (node's zlib, so no extra
//!   tool), and the totals.
//! - Cold start: time from spawning `portail demo` on a fresh data folder (migrations, seeding
//!   with argon2 hashing) to the first 200 from `/api/health`; and warm start on the same folder.
//! - `bench reimbursements`: see [`reimbursements`].

use crate::{TaskResult, dist_binary, root, step};
use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

const RUNS: usize = 5;

pub fn run(args: &[String]) -> TaskResult {
    if args.first().map(String::as_str) == Some("reimbursements") {
        return reimbursements(&args[1..]);
    }
    crate::dist()?;
    step("Bundle sizes (target/site)");
    bundle_sizes()?;
    step(&format!(
        "Start-up to first healthy answer (median of {RUNS})"
    ));
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for _ in 0..RUNS {
        let dir = std::env::temp_dir().join(format!(
            "portail-bench-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        let _ = std::fs::remove_dir_all(&dir);
        cold.push(time_to_healthy(&dir)?);
        warm.push(time_to_healthy(&dir)?);
        let _ = std::fs::remove_dir_all(&dir);
    }
    println!(
        "    cold start (new data folder: migrate + seed): {:>6.1} ms",
        median_ms(&mut cold)
    );
    println!(
        "    warm start (existing data folder):            {:>6.1} ms",
        median_ms(&mut warm)
    );
    let size = std::fs::metadata(dist_binary())
        .map(|m| m.len())
        .unwrap_or(0);
    println!("    executable size: {:.1} MiB", size as f64 / 1_048_576.0);
    Ok(())
}

fn bundle_sizes() -> TaskResult {
    let script = r#"
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const dir = process.argv[1];
let t = [0, 0, 0];
const rows = [];
for (const f of fs.readdirSync(dir).sort()) {
  const p = path.join(dir, f);
  if (!fs.statSync(p).isFile()) continue;
  const raw = fs.readFileSync(p);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  t[0] += raw.length; t[1] += gz; t[2] += br;
  rows.push([f, raw.length, gz, br]);
}
const kib = n => (n / 1024).toFixed(1).padStart(8) + ' KiB';
console.log('    ' + 'file'.padEnd(44) + 'raw'.padStart(12) + 'gzip'.padStart(12) + 'brotli'.padStart(12));
for (const [f, r, g, b] of rows) console.log('    ' + f.padEnd(44) + kib(r) + kib(g) + kib(b));
console.log('    ' + 'total'.padEnd(44) + kib(t[0]) + kib(t[1]) + kib(t[2]));
"#;
    let site = root().join("target").join("site");
    let status = Command::new("node")
        .args(["-e", script])
        .arg(&site)
        .status()
        .map_err(|e| format!("node: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("measuring the bundle failed".into())
    }
}

fn time_to_healthy(data_dir: &std::path::Path) -> Result<Duration, String> {
    let started = Instant::now();
    let mut child = Command::new(dist_binary())
        .args(["demo", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .env("PORTAIL_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting {}: {e}", dist_binary().display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut addr = None;
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line.map_err(|e| e.to_string())?;
        if let Some(url) = line.trim().strip_prefix("Ouvrez http://") {
            addr = Some(url.trim().to_owned());
            break;
        }
    }
    // Keep reading what the demo still prints, so it never writes into a closed pipe.
    std::thread::spawn(move || lines.for_each(drop));
    let result = match addr {
        Some(addr) => wait_healthy(&addr, started),
        None => Err("the demo never printed its address".into()),
    };
    let _ = child.kill();
    let _ = child.wait();
    result
}

fn wait_healthy(addr: &str, started: Instant) -> Result<Duration, String> {
    while started.elapsed() < Duration::from_secs(30) {
        if let Ok(mut s) = TcpStream::connect(addr) {
            let req =
                format!("GET /api/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
            if s.write_all(req.as_bytes()).is_ok() {
                let mut head = [0u8; 12];
                if s.read_exact(&mut head).is_ok() && head.ends_with(b"200") {
                    return Ok(started.elapsed());
                }
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Err("no healthy answer within 30 s".into())
}

fn median_ms(samples: &mut [Duration]) -> f64 {
    samples.sort();
    samples
        .get(samples.len() / 2)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// `cargo xtask bench reimbursements [--members N] [--rate R] [--seconds S] [--keep]`:
/// `portail seed` of N insured people (default 1,000,000) into a new temporary folder, timed;
/// then `portail demo` on that folder, and `GET /api/reimbursements` (the member's default
/// period) for members picked at random among the seed's sessions, at R requests per second
/// (default 1,000) for S seconds (default 20), open loop: each request has its planned start,
/// and its latency counts from then, so a slow server is not hidden by a waiting client.
/// The browser bundle is not needed: only `cargo build --release -p portail` runs.
fn reimbursements(args: &[String]) -> TaskResult {
    let mut members: u64 = 1_000_000;
    let mut rate: u64 = 1_000;
    let mut seconds: u64 = 20;
    let mut keep = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            it.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--members" => members = number("--members")?,
            "--rate" => rate = number("--rate")?.max(1),
            "--seconds" => seconds = number("--seconds")?.max(1),
            "--keep" => keep = true,
            other => return Err(format!("unknown option {other}")),
        }
    }
    step("Server executable (cargo build --release -p portail)");
    crate::run_cmd(
        std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--release", "--locked", "-p", "portail"])
            .env("MEMORY_SERVE_QUIET", "1"),
    )?;
    let binary = crate::root().join("target").join("release").join("portail");
    let dir = std::env::temp_dir().join(format!(
        "portail-bench-reimbursements-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let sessions = members.min(5_000);

    step(&format!("Seeding {members} insured people (portail seed)"));
    let started = Instant::now();
    let status = Command::new(&binary)
        .args([
            "seed",
            "--members",
            &members.to_string(),
            "--sessions",
            &sessions.to_string(),
        ])
        .arg("--data-dir")
        .arg(&dir)
        .status()
        .map_err(|e| format!("starting {}: {e}", binary.display()))?;
    let seed_time = started.elapsed();
    if !status.success() {
        return Err(format!("portail seed exited with {status}"));
    }
    let size: u64 = ["portail.sqlite3", "portail.sqlite3-wal"]
        .iter()
        .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "    seed: {:.1} s, database {:.2} GiB",
        seed_time.as_secs_f64(),
        size as f64 / 1_073_741_824.0
    );
    let tokens: Vec<String> = std::fs::read_to_string(dir.join("bench-sessions.txt"))
        .map_err(|e| format!("reading the session tokens: {e}"))?
        .lines()
        .map(str::to_owned)
        .collect();
    if tokens.is_empty() {
        return Err("the seed wrote no session token".into());
    }

    step(&format!(
        "GET /api/reimbursements, {rate} requests/s for {seconds} s, {} members at random",
        tokens.len()
    ));
    let mut child = Command::new(&binary)
        .args(["demo", "--addr", "127.0.0.1:0", "--data-dir"])
        .arg(&dir)
        .env("PORTAIL_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting {}: {e}", binary.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let mut addr = None;
    for line in lines.by_ref() {
        let line = line.map_err(|e| e.to_string())?;
        if let Some(url) = line.trim().strip_prefix("Ouvrez http://") {
            addr = Some(url.trim().to_owned());
            break;
        }
    }
    std::thread::spawn(move || lines.for_each(drop));
    let result = match addr {
        Some(addr) => wait_healthy(&addr, Instant::now())
            .and_then(|_| load(&addr, &tokens, rate, Duration::from_secs(seconds))),
        None => Err("the demo never printed its address".into()),
    };
    let _ = child.kill();
    let _ = child.wait();
    if keep {
        println!("    data folder kept: {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let mut report = result?;
    report.latencies.sort();
    let at = |q: f64| {
        let n = report.latencies.len();
        report
            .latencies
            .get(((n as f64 * q) as usize).min(n.saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "    {} requests in {:.1} s: {:.0} requests/s achieved, {} errors",
        report.latencies.len() + report.errors,
        report.elapsed.as_secs_f64(),
        (report.latencies.len() + report.errors) as f64 / report.elapsed.as_secs_f64(),
        report.errors
    );
    println!(
        "    latency: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {:.1} lines per answer on average",
        at(0.50),
        at(0.99),
        report
            .latencies
            .last()
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        report.lines as f64 / report.latencies.len().max(1) as f64
    );
    if report.errors > 0 {
        println!("    first error: {}", report.first_error);
    }
    Ok(())
}

struct Load {
    latencies: Vec<Duration>,
    errors: usize,
    first_error: String,
    lines: u64,
    elapsed: Duration,
}

/// Open-loop load: request `i` is due at `start + i / rate`; workers with keep-alive
/// connections take the next due request, wait for its time, and time it from then.
fn load(addr: &str, tokens: &[String], rate: u64, length: Duration) -> Result<Load, String> {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::{Arc, Mutex};
    let total = rate * length.as_secs();
    let next = Arc::new(AtomicU64::new(0));
    let start = Instant::now() + Duration::from_millis(200);
    let results = Arc::new(Mutex::new(Load {
        latencies: Vec::with_capacity(usize::try_from(total).unwrap_or(0)),
        errors: 0,
        first_error: String::new(),
        lines: 0,
        elapsed: Duration::ZERO,
    }));
    let tokens = Arc::new(tokens.to_vec());
    let workers: Vec<_> = (0..64)
        .map(|w| {
            let (next, results, tokens, addr) = (
                next.clone(),
                results.clone(),
                tokens.clone(),
                addr.to_owned(),
            );
            std::thread::spawn(move || {
                let mut connection: Option<BufReader<TcpStream>> = None;
                let mut seed = 0x2545_F491_4F6C_DD1D_u64 ^ (w + 1);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        return;
                    }
                    let due = start + Duration::from_nanos(i * 1_000_000_000 / rate);
                    if let Some(wait) = due.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let token = &tokens[usize::try_from(seed % tokens.len() as u64).unwrap_or(0)];
                    let outcome = get_history(&mut connection, &addr, token);
                    let took = due.elapsed();
                    let mut r = results.lock().unwrap_or_else(|e| e.into_inner());
                    match outcome {
                        Ok(lines) => {
                            r.latencies.push(took);
                            r.lines += lines;
                        }
                        Err(e) => {
                            connection = None;
                            if r.errors == 0 {
                                r.first_error = e;
                            }
                            r.errors += 1;
                        }
                    }
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    let elapsed = start.elapsed();
    let mut r = results.lock().map_err(|_| "a load worker panicked")?;
    r.elapsed = elapsed;
    Ok(Load {
        latencies: std::mem::take(&mut r.latencies),
        errors: r.errors,
        first_error: std::mem::take(&mut r.first_error),
        lines: r.lines,
        elapsed,
    })
}

/// One `GET /api/reimbursements` on a kept-alive connection; returns how many lines the
/// answer held (counted roughly, by their `"care_date"` keys).
fn get_history(
    connection: &mut Option<BufReader<TcpStream>>,
    addr: &str,
    token: &str,
) -> Result<u64, String> {
    if connection.is_none() {
        let stream = TcpStream::connect(addr).map_err(|e| format!("connect: {e}"))?;
        let _ = stream.set_nodelay(true);
        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
        *connection = Some(BufReader::new(stream));
    }
    let reader = connection.as_mut().ok_or("no connection")?;
    let request = format!(
        "GET /api/reimbursements HTTP/1.1\r\nHost: {addr}\r\nCookie: portail_session={token}\r\n\r\n"
    );
    reader
        .get_mut()
        .write_all(request.as_bytes())
        .map_err(|e| format!("write: {e}"))?;
    let mut status = String::new();
    reader
        .read_line(&mut status)
        .map_err(|e| format!("read: {e}"))?;
    let mut length: Option<usize> = None;
    let mut chunked = false;
    loop {
        let mut header = String::new();
        reader
            .read_line(&mut header)
            .map_err(|e| format!("read: {e}"))?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse().ok();
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            reader
                .read_line(&mut size)
                .map_err(|e| format!("read: {e}"))?;
            let n = usize::from_str_radix(size.trim(), 16).map_err(|_| "bad chunk")?;
            let mut chunk = vec![0; n + 2];
            reader
                .read_exact(&mut chunk)
                .map_err(|e| format!("read: {e}"))?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..n]);
        }
    } else {
        body.resize(length.ok_or("no content-length")?, 0);
        reader
            .read_exact(&mut body)
            .map_err(|e| format!("read: {e}"))?;
    }
    if !status.starts_with("HTTP/1.1 200") {
        return Err(format!(
            "{}: {}",
            status.trim(),
            String::from_utf8_lossy(&body[..body.len().min(200)])
        ));
    }
    let text = String::from_utf8_lossy(&body);
    Ok(text.matches("\"care_date\"").count() as u64)
}
