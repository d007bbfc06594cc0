//! The command line: `portail demo|serve|migrate|backup|restore|keygen`.
//!
//! Every flag can also be given as a `PORTAIL_...` environment variable, so a service manager
//! can configure the portal without a command line holding secrets.

use crate::{
    Config, Mode,
    clock::Clock,
    crypto::{self, Keys},
    db::{self, Db},
    demo,
    http::AppState,
    mail, ops, portal, server, sms,
};
use clap::{Args, Parser, Subcommand};
use std::{
    net::{IpAddr, SocketAddr},
    path::{Path, PathBuf},
    process::ExitCode,
};

#[derive(Debug, Parser)]
#[command(
    name = "portail",
    version,
    about = "Portail: the member portal of a health-insurance fund, in one executable."
)]
struct Cli {
    /// Log filter (`info`, `debug`, `portail=debug,tower_http=info`…).
    #[arg(long, env = "PORTAIL_LOG", default_value = "info", global = true)]
    log: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a demonstration with fictional personas (never real data).
    Demo(DemoArgs),
    /// Run the portal in production.
    Serve(ServeArgs),
    /// Bring the database schema up to date and exit.
    Migrate(DataDir),
    /// Write a consistent copy of the database to FILE (safe while the portal runs).
    Backup {
        /// The backup file to create (never overwritten).
        file: PathBuf,
        #[command(flatten)]
        data: DataDir,
    },
    /// Replace the database with FILE after checking it (the portal must be stopped).
    Restore {
        /// A backup made by `portail backup`.
        file: PathBuf,
        #[command(flatten)]
        data: DataDir,
    },
    /// Print a new random secret key for PORTAIL_SECRET_KEY.
    Keygen,
    /// Activation letters waiting for the printer.
    Letters {
        #[command(subcommand)]
        action: LettersAction,
    },
    /// Load the fund's data from a file (the portal must be stopped).
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Fill a NEW data folder with a large fictional roll and its reimbursements (benchmarks).
    Seed(SeedArgs),
    /// The keys that sign attestations.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
    /// The fund's agents (back-office accounts).
    Agent {
        #[command(subcommand)]
        action: AgentAction,
    },
}

#[derive(Debug, Subcommand)]
enum AgentAction {
    /// Create an agent account and print its one-time enrolment link (valid 72 hours): the
    /// agent opens it, chooses a password and adds the authenticator app. Safe while the portal
    /// runs.
    Create {
        /// The agent's work e-mail (their sign-in).
        #[arg(long)]
        email: String,
        /// `agent` (messages, requests, account support) or `supervisor` (also the statistics).
        #[arg(long, value_parser = ["agent", "supervisor"])]
        role: String,
        /// The name colleagues and members see (defaults to the e-mail's local part).
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        data: DataDir,
        /// The portal's secret key (a demo folder's own key is used instead).
        #[arg(long, env = "PORTAIL_SECRET_KEY", hide_env_values = true)]
        secret_key: Option<String>,
        /// The portal's public address, for the link (a demo folder defaults to
        /// http://127.0.0.1:8080).
        #[arg(long, env = "PORTAIL_PUBLIC_URL")]
        public_url: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum KeysAction {
    /// Start signing attestations with a new key; the old one is kept (retired) so every
    /// attestation already issued still verifies. Safe while the portal runs.
    Rotate {
        #[command(flatten)]
        data: DataDir,
        /// The portal's secret key, which encrypts the signing keys (a demo folder's own key
        /// is used instead).
        #[arg(long, env = "PORTAIL_SECRET_KEY", hide_env_values = true)]
        secret_key: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum ImportWhat {
    /// The directory of doctors from the RPPS extract (PS_LibreAcces_Personne_activite, `|`
    /// between fields); doctors already in the directory are updated. Safe while the portal runs.
    Professionals {
        /// The extract.
        file: PathBuf,
        #[command(flatten)]
        data: DataDir,
    },
    /// Reimbursement lines from a CSV file (format in the README); already stored lines
    /// (same external_id) are skipped, invalid lines reported by line number.
    Reimbursements {
        /// The CSV file.
        file: PathBuf,
        #[command(flatten)]
        data: DataDir,
        /// The portal's secret key (a demo folder's own key is used instead).
        #[arg(long, env = "PORTAIL_SECRET_KEY", hide_env_values = true)]
        secret_key: Option<String>,
        /// The address members use, for the link in each "information de paiement" e-mail
        /// (a demo folder defaults to http://127.0.0.1:8080).
        #[arg(long, env = "PORTAIL_PUBLIC_URL")]
        public_url: Option<String>,
    },
}

#[derive(Debug, Args)]
struct SeedArgs {
    /// How many insured people (dependants come on top).
    #[arg(long)]
    members: u64,
    /// A new folder for the benchmark database (refused if it holds one).
    #[arg(long, env = "PORTAIL_DATA_DIR", default_value = "portail-bench")]
    data_dir: PathBuf,
    /// Member sessions to open for a load test (tokens in bench-sessions.txt).
    #[arg(long, default_value_t = 0)]
    sessions: u64,
    /// Random seed: the same seed gives the same roll.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(Debug, Subcommand)]
enum LettersAction {
    /// Write each letter waiting to be printed as a PDF file in DIR, and mark it sent (its copy
    /// in the database is then wiped).
    Export {
        /// Folder to write the PDF files to (created if missing).
        dir: PathBuf,
        #[command(flatten)]
        data: DataDir,
        /// The portal's secret key (a demo folder's own key is used if this is not given).
        #[arg(long, env = "PORTAIL_SECRET_KEY", hide_env_values = true)]
        secret_key: Option<String>,
    },
}

#[derive(Debug, Args)]
struct DataDir {
    /// Folder holding the database (created if missing).
    #[arg(long, env = "PORTAIL_DATA_DIR", default_value = "portail-data")]
    data_dir: PathBuf,
}

#[derive(Debug, Args)]
struct DemoArgs {
    /// Address to listen on.
    #[arg(long, env = "PORTAIL_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Folder holding the demo database and generated keys (created if missing).
    #[arg(long, env = "PORTAIL_DATA_DIR", default_value = "portail-demo")]
    data_dir: PathBuf,
    /// Optional: also deliver the demo's e-mails through this SMTP server (they are always
    /// readable in the demo outbox).
    #[arg(long, env = "PORTAIL_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// Sender of the demo's e-mails.
    #[arg(
        long,
        env = "PORTAIL_MAIL_FROM",
        default_value = "Portail (démo) <portail@demo.portail.test>"
    )]
    mail_from: String,
    /// Optional: also hand the demo's text messages to this SMS provider (they are always
    /// readable in the demo outbox).
    #[arg(long, env = "PORTAIL_SMS_URL")]
    sms_url: Option<String>,
    /// The bearer token of the SMS provider.
    #[arg(long, env = "PORTAIL_SMS_TOKEN", hide_env_values = true)]
    sms_token: Option<String>,
    /// Runs the demo as if it were this moment (`2027-01-15T23:30:00Z`, or a day,
    /// `2027-01-15`, at noon in Paris); its clock then runs on from there. For showing or
    /// testing the stories on another day.
    #[arg(long, value_parser = parse_today)]
    today: Option<time::OffsetDateTime>,
    /// Starts the stories afresh every day at midnight in Paris (a long-running public demo),
    /// so that nobody meets a demo that has aged. Visitors' changes and sessions are wiped.
    #[arg(long)]
    reseed_daily: bool,
}

/// Reads `--today`: an RFC 3339 instant, or a day (noon in Paris).
fn parse_today(text: &str) -> Result<time::OffsetDateTime, String> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(at) = time::OffsetDateTime::parse(text, &Rfc3339) {
        return Ok(at);
    }
    portail_shared::reimbursements::Date::parse(text)
        .and_then(crate::clock::paris_noon)
        .ok_or_else(|| {
            format!("{text:?} is neither an instant (2027-01-15T23:30:00Z) nor a day (2027-01-15)")
        })
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "PORTAIL_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Folder holding the database (created if missing).
    #[arg(long, env = "PORTAIL_DATA_DIR", default_value = "portail-data")]
    data_dir: PathBuf,
    /// The address members use, e.g. https://portail.example.org (links in e-mails, origin check).
    #[arg(long, env = "PORTAIL_PUBLIC_URL")]
    public_url: Option<String>,
    /// 32 random bytes in base64 (`portail keygen`): encrypts NIRs, IBANs and health data.
    #[arg(long, env = "PORTAIL_SECRET_KEY", hide_env_values = true)]
    secret_key: Option<String>,
    /// The fund's name, as shown to members and printed on documents.
    #[arg(long, env = "PORTAIL_FUND_NAME")]
    fund_name: Option<String>,
    /// Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses).
    #[arg(long, env = "PORTAIL_TRUSTED_PROXIES", value_delimiter = ',')]
    trusted_proxies: Vec<IpAddr>,
    /// SMTP server for members' e-mail: `smtps://user:pass@host:465` or
    /// `smtp://host:587?tls=required` (plain `smtp://` only to a relay on this machine).
    #[arg(long, env = "PORTAIL_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// Sender address of members' e-mail, e.g. `Ma caisse <ne-pas-repondre@caisse.example>`.
    #[arg(long, env = "PORTAIL_MAIL_FROM")]
    mail_from: Option<String>,
    /// Optional: an HTTPS endpoint of an SMS provider (`POST {"to", "text"}` with a bearer
    /// token); without it, members are not offered security alerts by SMS.
    #[arg(long, env = "PORTAIL_SMS_URL")]
    sms_url: Option<String>,
    /// The bearer token of the SMS provider.
    #[arg(long, env = "PORTAIL_SMS_TOKEN", hide_env_values = true)]
    sms_token: Option<String>,
}

/// Entry point of the executable.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(&cli.log);
    match run(cli.command, &Clock::system()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("portail: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
}

fn run(command: Command, clock: &Clock) -> Result<(), String> {
    match command {
        Command::Demo(args) => demo_command(args),
        Command::Serve(args) => serve_command(args, clock.clone()),
        Command::Migrate(data) => {
            let _lock = ops::lock_data_dir(&data.data_dir).map_err(|e| e.to_string())?;
            let path = crate::config::database_path(&data.data_dir);
            Db::open(&path).map_err(|e| e.to_string())?;
            println!(
                "Database {} is at schema version {}.",
                path.display(),
                ops::latest_version()
            );
            Ok(())
        }
        Command::Backup { file, data } => {
            let size = ops::backup(&data.data_dir, &file).map_err(|e| e.to_string())?;
            println!(
                "Backup written to {} ({size} bytes), integrity checked.",
                file.display()
            );
            Ok(())
        }
        Command::Restore { file, data } => {
            let kept =
                ops::restore(&data.data_dir, &file, clock.now()).map_err(|e| e.to_string())?;
            println!("Database restored from {}.", file.display());
            if let Some(kept) = kept {
                println!("The previous database was kept as {}.", kept.display());
            }
            Ok(())
        }
        Command::Keygen => {
            println!("{}", crypto::generate_secret().map_err(|e| e.to_string())?);
            Ok(())
        }
        Command::Letters {
            action:
                LettersAction::Export {
                    dir,
                    data,
                    secret_key,
                },
        } => {
            let keys = match secret_key {
                Some(secret) => Keys::from_base64(&secret).map_err(|e| e.to_string())?,
                None if data.data_dir.join("demo-secret.key").exists() => {
                    demo_keys(&data.data_dir)?
                }
                None => {
                    return Err(
                        "set PORTAIL_SECRET_KEY (or --secret-key): the letters are encrypted with it"
                            .to_owned(),
                    );
                }
            };
            let written = ops::export_letters(&data.data_dir, &keys, &dir, clock.now())
                .map_err(|e| e.to_string())?;
            match written.len() {
                0 => println!("No letter is waiting to be printed."),
                n => println!(
                    "{n} letter{} written to {}; they are marked as sent.",
                    if n > 1 { "s" } else { "" },
                    dir.display()
                ),
            }
            Ok(())
        }
        Command::Import {
            what:
                ImportWhat::Reimbursements {
                    file,
                    data,
                    secret_key,
                    public_url,
                },
        } => import_command(
            &file,
            &data.data_dir,
            secret_key.as_deref(),
            public_url.as_deref(),
            clock,
        ),
        Command::Import {
            what: ImportWhat::Professionals { file, data },
        } => professionals_command(&file, &data.data_dir),
        Command::Seed(args) => seed_command(&args, clock),
        Command::Agent {
            action:
                AgentAction::Create {
                    email,
                    role,
                    name,
                    data,
                    secret_key,
                    public_url,
                },
        } => {
            if !email.contains('@') || email.trim().len() < 3 {
                return Err(format!("{email} is not an e-mail address"));
            }
            let demo = data.data_dir.join("demo-secret.key").exists();
            let keys = match secret_key {
                Some(secret) if !secret.is_empty() => {
                    Keys::from_base64(&secret).map_err(|e| e.to_string())?
                }
                _ if demo => demo_keys(&data.data_dir)?,
                _ => {
                    return Err(
                        "set PORTAIL_SECRET_KEY (or --secret-key): the agent's authenticator secret is encrypted with it"
                            .to_owned(),
                    );
                }
            };
            let origin = match public_url {
                Some(url) => url,
                None if demo => "http://127.0.0.1:8080".to_owned(),
                None => return Err("set PORTAIL_PUBLIC_URL (or --public-url): the enrolment link needs the portal's address".to_owned()),
            };
            let name =
                name.unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
            let role = crate::db::agents::Role::parse(&role);
            let created = ops::create_agent(
                &data.data_dir,
                &keys,
                &origin,
                &email,
                &name,
                role,
                clock.now(),
            )
            .map_err(|e| e.to_string())?;
            println!(
                "Agent {email} created ({}). Send this one-time link to them by a trusted channel; \
                 it works once, for 72 hours:\n{}",
                role.as_str(),
                created.link
            );
            Ok(())
        }
        Command::Keys {
            action: KeysAction::Rotate { data, secret_key },
        } => {
            let keys = match secret_key {
                Some(secret) if !secret.is_empty() => {
                    Keys::from_base64(&secret).map_err(|e| e.to_string())?
                }
                _ if data.data_dir.join("demo-secret.key").exists() => demo_keys(&data.data_dir)?,
                _ => {
                    return Err(
                        "set PORTAIL_SECRET_KEY (or --secret-key): the signing keys are encrypted with it"
                            .to_owned(),
                    );
                }
            };
            let (retired, new) = ops::rotate_signing_key(&data.data_dir, &keys, clock.now())
                .map_err(|e| e.to_string())?;
            match retired {
                Some(old) => println!(
                    "Attestations are now signed with key {new}. Key {old} is retired and kept: \
                     the attestations it signed still verify."
                ),
                None => println!("Attestations are now signed with key {new} (the first key)."),
            }
            Ok(())
        }
    }
}

/// Shows a counter on stderr when it is a terminal (`\r`, one line).
fn progress_line(text: &str) {
    use std::io::{IsTerminal, Write};
    let mut err = std::io::stderr();
    if err.is_terminal() {
        let _ = write!(err, "\r{text}");
        let _ = err.flush();
    }
}

fn end_progress_line() {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        eprintln!();
    }
}

/// `portail import reimbursements FILE`: prints each refused line and the summary; fails if any
/// line was refused. Each new payment is announced to its member by e-mail (queued in the
/// outbox, which the running portal sends).
pub fn import_command(
    file: &Path,
    data_dir: &Path,
    secret_key: Option<&str>,
    public_url: Option<&str>,
    clock: &Clock,
) -> Result<(), String> {
    let _lock = ops::lock_data_dir(data_dir).map_err(|e| e.to_string())?;
    let path = crate::config::database_path(data_dir);
    if !path.exists() {
        return Err(format!(
            "{} holds no portal database: nothing to import into",
            data_dir.display()
        ));
    }
    Db::open(&path).map_err(|e| e.to_string())?;
    let mut conn = db::open_connection(&path).map_err(|e| e.to_string())?;
    let mode = db::settings::get(&conn, "mode").map_err(|e| e.to_string())?;
    let keys = match (mode.as_deref(), secret_key) {
        (Some("demo"), _) => demo_keys(data_dir)?,
        (_, Some(secret)) if !secret.is_empty() => {
            Keys::from_base64(secret).map_err(|e| format!("PORTAIL_SECRET_KEY is refused: {e}"))?
        }
        _ => {
            return Err(
                "set PORTAIL_SECRET_KEY (or --secret-key): members are found by it".to_owned(),
            );
        }
    };
    let origin = match (public_url, mode.as_deref()) {
        (Some(url), _) => {
            public_origin(url).map_err(|e| format!("PORTAIL_PUBLIC_URL is refused: {e}"))?
        }
        (None, Some("demo")) => "http://127.0.0.1:8080".to_owned(),
        (None, _) => {
            return Err(
                "set PORTAIL_PUBLIC_URL (or --public-url): payment e-mails link to it".to_owned(),
            );
        }
    };
    let input = std::fs::File::open(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut on_event = |event: crate::import::Event| match event {
        crate::import::Event::Progress(read) => progress_line(&format!("{read} lines read")),
        crate::import::Event::Invalid(line, why) => {
            end_progress_line();
            eprintln!("line {line}: {why}");
        }
    };
    let result = crate::import::import(
        &mut conn,
        &keys,
        std::io::BufReader::with_capacity(1 << 16, input),
        clock.now(),
        Some(&origin),
        &mut on_event,
    );
    end_progress_line();
    let report = result.map_err(|e| e.to_string())?;
    println!(
        "read {}, inserted {}, already present {}, invalid {}; {} payment e-mail{} queued",
        report.read,
        report.inserted,
        report.already_present,
        report.invalid,
        report.notices,
        if report.notices == 1 { "" } else { "s" }
    );
    if report.read > 0 && report.inserted == 0 && report.invalid == 0 {
        println!("Nothing new: every line was already imported.");
    }
    match report.invalid {
        0 => Ok(()),
        n => Err(format!(
            "{n} invalid line{} skipped (listed above); fix and import the file again",
            if n > 1 { "s" } else { "" }
        )),
    }
}

fn professionals_command(file: &Path, data_dir: &Path) -> Result<(), String> {
    let path = crate::config::database_path(data_dir);
    if !path.exists() {
        return Err(format!(
            "{} holds no portal database: nothing to import into",
            data_dir.display()
        ));
    }
    Db::open(&path).map_err(|e| e.to_string())?;
    let mut conn = db::open_connection(&path).map_err(|e| e.to_string())?;
    let input =
        std::fs::File::open(file).map_err(|e| format!("cannot open {}: {e}", file.display()))?;
    let mut progress = |read: u64| progress_line(&format!("{read} rows read"));
    let report = crate::directory::import(&mut conn, std::io::BufReader::new(input), &mut progress);
    end_progress_line();
    let report = report?;
    for (line, why) in report.refused.iter().take(50) {
        eprintln!("line {line}: {why}");
    }
    if report.refused.len() > 50 {
        eprintln!("… and {} more refused rows", report.refused.len() - 50);
    }
    println!(
        "{} rows read: {} doctors stored, {} other professionals skipped, {} rows refused.",
        report.read,
        report.stored,
        report.others,
        report.refused.len()
    );
    if report.refused.is_empty() {
        Ok(())
    } else {
        Err("some rows were refused (listed above)".to_owned())
    }
}

fn seed_command(args: &SeedArgs, clock: &Clock) -> Result<(), String> {
    let _lock = ops::lock_data_dir(&args.data_dir).map_err(|e| e.to_string())?;
    // Refused before a demo key is written into someone else's folder.
    crate::seed::check_fresh(&args.data_dir).map_err(|e| e.to_string())?;
    let keys = demo_keys(&args.data_dir)?;
    let started = std::time::Instant::now();
    let options = crate::seed::Options {
        members: args.members,
        sessions: args.sessions,
        seed: args.seed,
        now: clock.now(),
    };
    let mut progress = |insured: u64, lines: u64| {
        let secs = started.elapsed().as_secs_f64().max(0.001);
        progress_line(&format!(
            "{insured}/{} insured, {lines} lines ({:.0} lines/s)",
            args.members,
            lines as f64 / secs
        ));
    };
    let result = crate::seed::seed(&args.data_dir, &keys, options, &mut progress);
    end_progress_line();
    let seeded = result.map_err(|e| e.to_string())?;
    println!(
        "Seeded {} insured ({} people) and {} reimbursement lines in {:.1} s into {}.",
        seeded.insured,
        seeded.people,
        seeded.lines,
        started.elapsed().as_secs_f64(),
        args.data_dir.display()
    );
    if let Some(file) = seeded.sessions_file {
        println!("Session tokens for a load test: {}", file.display());
    }
    Ok(())
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))
}

fn demo_command(args: DemoArgs) -> Result<(), String> {
    let _lock = ops::lock_data_dir(&args.data_dir).map_err(|e| e.to_string())?;
    let keys = demo_keys(&args.data_dir)?;
    let db = Db::open(&crate::config::database_path(&args.data_dir)).map_err(|e| e.to_string())?;
    let clock = match args.today {
        Some(at) => Clock::starting_at(at),
        None => Clock::system(),
    };
    let rt = runtime()?;
    rt.block_on(async move {
        let (logins, afresh) = demo::seed_for_today(&db, &keys, clock.now())
            .await
            .map_err(|e| e.to_string())?;
        if afresh {
            println!(
                "The demo's stories were written on another day: they start afresh for {}.",
                clock.today()
            );
        }
        let config = Config {
            mode: Mode::Demo,
            data_dir: args.data_dir.clone(),
            public_origin: format!("http://{}", args.addr),
            trusted_proxies: Vec::new(),
            fund_name: demo::DEMO_FUND_NAME.to_owned(),
            keys,
            sms_available: true,
        };
        let data_dir = args.data_dir.clone();
        let state = AppState::new(db, config, clock);
        if args.reseed_daily {
            tokio::spawn(demo::reseed_daily(
                state.db.clone(),
                state.config.keys.clone(),
                state.clock.clone(),
            ));
        }
        if let Some(url) = &args.smtp_url {
            let sender = mail::Sender::new(url, &args.mail_from)?;
            tokio::spawn(sender.run(state.db.clone(), state.clock.clone()));
        }
        if let Some(url) = &args.sms_url {
            let sender = sms::Sender::new(url, args.sms_token.as_deref().unwrap_or(""))?;
            tokio::spawn(sender.run(state.db.clone(), state.clock.clone()));
        }
        let mut write_error = None;
        server::run(state, args.addr, |bound| {
            let url = format!("http://{bound}");
            let file = demo::PersonasFile {
                url: url.clone(),
                personas: logins.clone(),
            };
            if let Err(e) = demo::write_personas_file(&data_dir, &file) {
                write_error = Some(e.to_string());
            }
            print_demo_banner(&url, &logins, &data_dir);
        })
        .await
        .map_err(|e| format!("cannot serve on {}: {e}", args.addr))?;
        match write_error {
            Some(e) => Err(format!("could not write demo-personas.json: {e}")),
            None => Ok(()),
        }
    })
}

fn print_demo_banner(url: &str, logins: &[demo::PersonaLogin], data_dir: &Path) {
    use std::fmt::Write as _;
    let mut text = String::new();
    let _ = writeln!(
        text,
        "\n  Portail {} — DÉMO (données fictives)",
        portal::VERSION
    );
    let _ = writeln!(text, "  Ouvrez {url}\n");
    for p in logins {
        let _ = writeln!(
            text,
            "  {:<11} {:<16} {:<36} mot de passe : {}",
            p.role, p.display_name, p.login, p.password
        );
    }
    let _ = writeln!(
        text,
        "\n  Identifiants lisibles par une machine : {}",
        data_dir.join("demo-personas.json").display()
    );
    let _ = writeln!(text, "  Ctrl-C pour arrêter.\n");
    // A closed stdout (a supervisor that stopped reading) must not take the server down.
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Demo keys live in the data folder (generated on first run); production keys never do.
fn demo_keys(data_dir: &Path) -> Result<Keys, String> {
    let path = data_dir.join("demo-secret.key");
    let secret = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(_) => {
            let s = crypto::generate_secret().map_err(|e| e.to_string())?;
            write_private(&path, &s)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            s
        }
    };
    Keys::from_base64(&secret).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(contents.as_bytes())
}

fn serve_command(args: ServeArgs, clock: Clock) -> Result<(), String> {
    let (config, sender) = production_config(&args)?;
    let sms_sender = match &args.sms_url {
        Some(url) => Some(sms::Sender::new(
            url,
            args.sms_token.as_deref().unwrap_or(""),
        )?),
        None => None,
    };
    let _lock = ops::lock_data_dir(&args.data_dir).map_err(|e| e.to_string())?;
    let db = Db::open(&config.database_path()).map_err(|e| e.to_string())?;
    let rt = runtime()?;
    rt.block_on(async move {
        db.call(|conn| db::settings::claim_mode(conn, "production"))
            .await
            .map_err(|e| e.to_string())?;
        let state = AppState::new(db, config, clock);
        tokio::spawn(sender.run(state.db.clone(), state.clock.clone()));
        if let Some(sms_sender) = sms_sender {
            tokio::spawn(sms_sender.run(state.db.clone(), state.clock.clone()));
        }
        server::run(state, args.addr, |bound| {
            tracing::info!(%bound, "Portail {} serving", portal::VERSION);
        })
        .await
        .map_err(|e| format!("cannot serve on {}: {e}", args.addr))
    })
}

/// Checks every production setting and names each one that is missing or unsafe.
fn production_config(args: &ServeArgs) -> Result<(Config, mail::Sender), String> {
    let mut problems = Vec::new();
    let sender = match (args.smtp_url.as_deref(), args.mail_from.as_deref()) {
        (Some(url), Some(from)) => match mail::Sender::new(url, from) {
            Ok(sender) => Some(sender),
            Err(e) => {
                problems.push(e);
                None
            }
        },
        (url, from) => {
            if url.is_none() {
                problems.push(
                    "PORTAIL_SMTP_URL is not set: members' login codes go by e-mail".to_owned(),
                );
            }
            if from.is_none() {
                problems.push("PORTAIL_MAIL_FROM is not set: give the sender address".to_owned());
            }
            None
        }
    };
    let keys = match args.secret_key.as_deref() {
        None | Some("") => {
            problems.push(
                "PORTAIL_SECRET_KEY is not set: generate one with `portail keygen` and keep it outside the data folder"
                    .to_owned(),
            );
            None
        }
        Some(secret) => match Keys::from_base64(secret) {
            Ok(k) => Some(k),
            Err(e) => {
                problems.push(format!("PORTAIL_SECRET_KEY is refused: {e}"));
                None
            }
        },
    };
    let public_origin = match args.public_url.as_deref().map(public_origin) {
        None => {
            problems.push(
                "PORTAIL_PUBLIC_URL is not set: give the https:// address members use".to_owned(),
            );
            None
        }
        Some(Err(e)) => {
            problems.push(format!("PORTAIL_PUBLIC_URL is refused: {e}"));
            None
        }
        Some(Ok(origin)) => Some(origin),
    };
    let fund_name = match args.fund_name.as_deref().map(str::trim) {
        None | Some("") => {
            problems.push("PORTAIL_FUND_NAME is not set: give the fund's name".to_owned());
            None
        }
        Some(name) => Some(name.to_owned()),
    };
    match (keys, public_origin, fund_name, sender) {
        (Some(keys), Some(public_origin), Some(fund_name), Some(sender)) if problems.is_empty() => {
            Ok((
                Config {
                    mode: Mode::Production,
                    data_dir: args.data_dir.clone(),
                    public_origin,
                    trusted_proxies: args.trusted_proxies.clone(),
                    fund_name,
                    keys,
                    sms_available: args.sms_url.is_some(),
                },
                sender,
            ))
        }
        _ => Err(format!(
            "refusing to start in production:\n  - {}",
            problems.join("\n  - ")
        )),
    }
}

/// Reduces a public URL to its origin; only https, except on a loopback host for testing.
fn public_origin(url: &str) -> Result<String, String> {
    let url = url.trim().trim_end_matches('/');
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| "it must start with https://".to_owned())?;
    let authority = rest.split('/').next().unwrap_or("");
    if authority.is_empty() {
        return Err("it has no host".into());
    }
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    let loopback = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    match scheme {
        "https" => Ok(format!("https://{authority}")),
        "http" if loopback => Ok(format!("http://{authority}")),
        _ => Err("it must use https:// (members' data travels over it)".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_url_must_be_https_except_on_loopback() {
        assert_eq!(
            public_origin("https://portail.example.org/"),
            Ok("https://portail.example.org".into())
        );
        assert_eq!(
            public_origin("https://portail.example.org/app"),
            Ok("https://portail.example.org".into())
        );
        assert!(public_origin("http://portail.example.org").is_err());
        assert!(public_origin("http://127.0.0.1:9000").is_ok());
        assert!(public_origin("portail.example.org").is_err());
    }

    #[test]
    fn production_refuses_missing_and_default_secrets_naming_each() {
        let args = ServeArgs {
            addr: "127.0.0.1:0".parse().unwrap(),
            data_dir: "x".into(),
            public_url: None,
            secret_key: Some(crypto::DOCUMENTED_EXAMPLE_SECRET.into()),
            fund_name: None,
            trusted_proxies: vec![],
            smtp_url: Some("smtp://mail.example.org".into()),
            mail_from: Some("Caisse <ne-pas-repondre@caisse.test>".into()),
            sms_url: None,
            sms_token: None,
        };
        let Err(err) = production_config(&args) else {
            panic!("accepted")
        };
        assert!(err.contains("PORTAIL_SECRET_KEY is refused"), "{err}");
        assert!(err.contains("PORTAIL_PUBLIC_URL is not set"), "{err}");
        assert!(err.contains("PORTAIL_FUND_NAME is not set"), "{err}");
        assert!(err.contains("plain smtp:// is only allowed"), "{err}");
    }
}
