//! `cargo xtask bench`: what a member downloads and how fast the executable is ready.
//!
//! - Bundle: every file of `target/site` raw, gzip -9 and brotli 11 (node's zlib, so no extra
//!   tool), and the totals.
//! - Cold start: time from spawning `portail demo` on a fresh data folder (migrations, seeding
//!   with argon2 hashing) to the first 200 from `/api/health`; and warm start on the same folder.

use crate::{TaskResult, dist_binary, root, step};
use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

const RUNS: usize = 5;

pub fn run() -> TaskResult {
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
