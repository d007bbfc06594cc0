//! `portail seed --members N`: a large fictional roll for benchmarks, in a NEW data folder.
//!
//! N insured people, four in ten with one to three minor children, each household with its
//! 27 months of reimbursements from [`synthetic::history`] (traits drawn at random, so a
//! household holds from a few lines to several hundred). One thread builds and encrypts the
//! rows while the caller's thread writes them, in large transactions on a database opened
//! with [`db::seed::fast_unsafe_pragmas`]; the secondary indexes are built once at the end.
//!
//! The database is a demo one (`settings.mode = demo`, keys in `demo-secret.key`), so
//! `portail demo --data-dir DIR` serves it; a folder that already holds a database is refused.
//! For the load benchmark, `--sessions K` opens K member sessions without any login and writes
//! their cookies' tokens to `bench-sessions.txt` (readable by its owner only): possible only
//! here, on a database this command has just created.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use portail_shared::Nir;
use portail_shared::login::ABSOLUTE_TIMEOUT_SECONDS;
use portail_shared::reimbursements::Date;
use portail_shared::reimbursements::Pregnancy;
use portail_shared::reimbursements::history::HELD_MONTHS;

use crate::config::database_path;
use crate::crypto::Keys;
use crate::db::members::{MemberId, NIR_INDEX, nir_context};
use crate::db::reimbursements::{NewLine, encrypt_detail, insert_encrypted};
use crate::db::seed::{self as bulk, Person};
use crate::db::{self, DbError};
use crate::synthetic::{self, Rng, Someone, Traits};

/// What to seed.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Insured people (dependants come on top).
    pub members: u64,
    /// Sessions to open for the load benchmark.
    pub sessions: u64,
    /// The random seed (same seed, same roll).
    pub seed: u64,
    /// The instant of the seeding: histories end on its day (in Paris).
    pub now: time::OffsetDateTime,
}

/// What was seeded.
#[derive(Debug, Clone, Default)]
pub struct Seeded {
    /// Insured people.
    pub insured: u64,
    /// People on the roll (insured and dependants).
    pub people: u64,
    /// Reimbursement lines.
    pub lines: u64,
    /// The file holding the session tokens, if sessions were asked for.
    pub sessions_file: Option<PathBuf>,
}

/// Why the seed was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The folder already holds a database.
    #[error("{0}")]
    NotFresh(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Writing the sessions file failed.
    #[error("writing {0}: {1}")]
    Io(PathBuf, std::io::Error),
    /// The building thread died.
    #[error("the thread building the rows stopped")]
    Thread,
}

impl From<rusqlite::Error> for SeedError {
    fn from(e: rusqlite::Error) -> SeedError {
        SeedError::Db(e.into())
    }
}

/// The name of the file listing the benchmark sessions' tokens, one a line.
pub const SESSIONS_FILE: &str = "bench-sessions.txt";

/// Households built per message between the threads (and per transaction).
const CHUNK: u64 = 2_000;

/// Rows of one chunk of households, ready to write.
struct Chunk {
    insured: u64,
    people: Vec<Person>,
    links: Vec<(MemberId, MemberId, u8, String)>,
    lines: Vec<(NewLine, Vec<u8>)>,
}

/// Refuses a folder that already holds a database (saying so more firmly for a production one).
pub fn check_fresh(data_dir: &Path) -> Result<(), SeedError> {
    let path = database_path(data_dir);
    if !path.exists() {
        return Ok(());
    }
    let conn = db::open_connection(&path)?;
    Err(SeedError::NotFresh(
        match db::settings::get(&conn, "mode")?.as_deref() {
            Some("production") => format!(
                "{} holds a production database: seeding is for new benchmark folders only",
                data_dir.display()
            ),
            _ => format!(
                "{} already holds a database: seed a new folder (--data-dir)",
                data_dir.display()
            ),
        },
    ))
}

/// Seeds a new database in `data_dir`; `progress` hears (insured done, lines written).
pub fn seed(
    data_dir: &Path,
    keys: &Keys,
    options: Options,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Seeded, SeedError> {
    check_fresh(data_dir)?;
    let path = database_path(data_dir);
    db::Db::open(&path)?;
    let mut conn = db::open_connection(&path)?;
    bulk::fast_unsafe_pragmas(&conn)?;
    db::settings::claim_mode(&conn, "demo")?;
    db::settings::set(&conn, "fund_name", crate::demo::DEMO_FUND_NAME)?;
    let indexes = bulk::drop_line_indexes(&conn)?;
    let first_id = bulk::last_member_id(&conn)? + 1;

    let (send, receive) = mpsc::sync_channel::<Result<Chunk, DbError>>(3);
    let builder_keys = keys.clone();
    let builder = std::thread::spawn(move || build(&builder_keys, options, first_id, &send));
    let mut seeded = Seeded::default();
    let now = crate::clock::format(options.now);
    for chunk in receive {
        let chunk = chunk?;
        let tx = conn.transaction()?;
        for p in &chunk.people {
            bulk::insert_person(&tx, p, &now)?;
        }
        for (dependant, insured, rank, since) in &chunk.links {
            bulk::link_dependant(&tx, *dependant, *insured, *rank, since)?;
        }
        for (line, cipher) in &chunk.lines {
            insert_encrypted(&tx, line, cipher, &now)?;
        }
        tx.commit()?;
        seeded.insured += chunk.insured;
        seeded.people += chunk.people.len() as u64;
        seeded.lines += chunk.lines.len() as u64;
        progress(seeded.insured, seeded.lines);
    }
    builder.join().map_err(|_| SeedError::Thread)?;
    bulk::create_indexes(&conn, &indexes)?;
    if options.sessions > 0 {
        let file = data_dir.join(SESSIONS_FILE);
        let tokens = open_sessions(&conn, options, first_id, seeded.people)?;
        write_private(&file, &tokens).map_err(|e| SeedError::Io(file.clone(), e))?;
        seeded.sessions_file = Some(file);
    }
    bulk::safe_pragmas(&conn)?;
    Ok(seeded)
}

/// Builds the chunks of households and sends them; stops early if the writer is gone.
fn build(
    keys: &Keys,
    options: Options,
    first_id: i64,
    send: &mpsc::SyncSender<Result<Chunk, DbError>>,
) {
    let mut next_id = first_id;
    let mut k = 0;
    while k < options.members {
        let end = (k + CHUNK).min(options.members);
        let chunk = build_chunk(keys, options, k..end, &mut next_id);
        let failed = chunk.is_err();
        if send.send(chunk).is_err() || failed {
            return;
        }
        k = end;
    }
}

const FAMILY: &[&str] = &[
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefèvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
    "Nguyen",
    "Haddad",
];
const WOMEN: &[&str] = &[
    "Marie", "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Emma", "Louise", "Jade",
    "Nathalie", "Isabelle", "Sophie", "Claire", "Anne", "Nadia", "Fatima", "Mathilde",
];
const MEN: &[&str] = &[
    "Jean", "Pierre", "Lucas", "Hugo", "Louis", "Thomas", "Nicolas", "Julien", "Karim", "Paul",
    "Philippe", "Olivier", "Yann", "Malik", "Antoine", "Marc", "Thierry", "Mehdi",
];
const TOWNS: &[(&str, &str)] = &[
    ("69003", "Lyon"),
    ("75011", "Paris"),
    ("13005", "Marseille"),
    ("33000", "Bordeaux"),
    ("44000", "Nantes"),
    ("59000", "Lille"),
    ("35000", "Rennes"),
    ("67000", "Strasbourg"),
    ("31000", "Toulouse"),
    ("21000", "Dijon"),
];

fn pick(rng: &mut Rng, items: &'static [&'static str]) -> &'static str {
    items[usize::try_from(rng.below(items.len() as u64)).unwrap_or(0)]
}

/// The NIR of the `serial`-th person of the roll: department 01-95 then commune and order
/// numbers count people, so two serials never share a NIR (the demo personas, born in other
/// departments, never meet these either).
pub fn bench_nir(serial: u64, woman: bool, birth: Date) -> Option<Nir> {
    let head = format!(
        "{}{:02}{:02}{:02}{:03}{:03}",
        if woman { 2 } else { 1 },
        birth.year().rem_euclid(100),
        birth.month(),
        1 + serial / 1_000_000,
        serial / 1000 % 1000,
        serial % 1000,
    );
    Nir::with_key(&head).ok()
}

/// One person of a household: row, and what shapes their care.
fn person(
    keys: &Keys,
    rng: &mut Rng,
    id: i64,
    birth: Date,
    family_name: &'static str,
    town: (&'static str, &'static str),
) -> Result<(Person, bool), DbError> {
    let woman = rng.chance(510);
    let serial = u64::try_from(id).unwrap_or(0);
    let nir = bench_nir(serial, woman, birth)
        .ok_or_else(|| DbError::Data(format!("no NIR for person {id}")))?;
    Ok((
        Person {
            id: MemberId(id),
            nir_index: keys.blind_index(NIR_INDEX, nir.as_str()),
            nir_cipher: keys.encrypt(&nir_context(id), nir.as_str().as_bytes())?,
            family_name,
            given_names: pick(rng, if woman { WOMEN } else { MEN }),
            birth_date: birth.to_string(),
            sex: if woman { "F" } else { "M" },
            postal_code: town.0,
            city: town.1,
        },
        woman,
    ))
}

fn build_chunk(
    keys: &Keys,
    options: Options,
    households: std::ops::Range<u64>,
    next_id: &mut i64,
) -> Result<Chunk, DbError> {
    let today = crate::clock::paris_day(options.now);
    let mut chunk = Chunk {
        insured: households.end - households.start,
        people: Vec::new(),
        links: Vec::new(),
        lines: Vec::new(),
    };
    for k in households {
        let seed = options.seed ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut rng = Rng::new(seed);
        let family = pick(&mut rng, FAMILY);
        let town = TOWNS[usize::try_from(rng.below(TOWNS.len() as u64)).unwrap_or(0)];
        let age_days = 18 * 365 + i64::try_from(rng.below(70 * 365)).unwrap_or(0);
        let birth = today.add_days(-age_days);
        let insured_id = *next_id;
        *next_id += 1;
        let (insured_row, woman) = person(keys, &mut rng, insured_id, birth, family, town)?;
        chunk.people.push(insured_row);
        let insured = MemberId(insured_id);
        let css = rng.chance(60);
        let adult = Traits {
            woman,
            ald: rng.chance(60),
            pregnancy: None,
            css,
            treating_doctor: rng.chance(880),
            complementary: !css && rng.chance(850),
            sick_leave: rng.chance(120),
            visits_per_year: match rng.below(100) {
                0..25 => u32::try_from(rng.below(2)).unwrap_or(0),
                25..85 => 2 + u32::try_from(rng.below(3)).unwrap_or(0),
                _ => 5 + u32::try_from(rng.below(8)).unwrap_or(0),
            },
        };
        let adult = Traits {
            pregnancy: (woman && (20 * 365..42 * 365).contains(&age_days) && rng.chance(40)).then(
                || {
                    let sixth_month =
                        today.add_months(3 - i32::try_from(rng.below(12)).unwrap_or(0));
                    let due = sixth_month.add_months(4);
                    Pregnancy {
                        sixth_month,
                        delivery: (due <= today).then_some(due),
                    }
                },
            ),
            ..adult
        };
        let mut household = vec![Someone {
            member: insured,
            birth,
            traits: adult,
        }];
        let children = if rng.chance(400) { 1 + rng.below(3) } else { 0 };
        for rank in 2..2 + children {
            let child_birth = today.add_days(-i64::try_from(rng.below(17 * 365)).unwrap_or(0));
            let child_id = *next_id;
            *next_id += 1;
            let (child, girl) = person(keys, &mut rng, child_id, child_birth, family, town)?;
            let since = child.birth_date.clone();
            chunk.people.push(child);
            chunk.links.push((
                MemberId(child_id),
                insured,
                u8::try_from(rank).unwrap_or(19),
                since,
            ));
            household.push(Someone {
                member: MemberId(child_id),
                birth: child_birth,
                traits: Traits {
                    woman: girl,
                    css,
                    treating_doctor: true,
                    complementary: adult.complementary,
                    visits_per_year: 1 + u32::try_from(rng.below(4)).unwrap_or(0),
                    ..Traits::default()
                },
            });
        }
        let prefix = format!("B{insured_id:09}");
        for line in synthetic::history(seed, insured, &household, today, HELD_MONTHS, &prefix) {
            let cipher = encrypt_detail(keys, &line)?;
            chunk.lines.push((line, cipher));
        }
    }
    Ok(chunk)
}

/// Opens `options.sessions` full sessions for insured people picked at random (each gets an
/// account without a password); returns the tokens, one a line.
fn open_sessions(
    conn: &rusqlite::Connection,
    options: Options,
    first_id: i64,
    people: u64,
) -> Result<String, SeedError> {
    let now = options.now;
    let created = crate::clock::format(now);
    let expires =
        crate::clock::format(now + time::Duration::seconds(i64::from(ABSOLUTE_TIMEOUT_SECONDS)));
    let mut rng = Rng::new(options.seed ^ 0x5E55_1045);
    let mut tokens = String::new();
    let mut chosen = std::collections::HashSet::new();
    let wanted = options.sessions.min(options.members);
    let mut opened = 0;
    while opened < wanted {
        // Only insured people have accounts here: pick a person, keep them if insured.
        let id = first_id + i64::try_from(rng.below(people)).unwrap_or(0);
        if !chosen.insert(id) || !db::seed::is_insured(conn, MemberId(id))? {
            continue;
        }
        let account = bulk::insert_account_without_password(conn, MemberId(id), &created)?;
        let token = crate::session::new_token()
            .map_err(|_| DbError::Data("no random bytes for a session token".to_owned()))?;
        db::sessions::create(
            conn,
            &token.hash,
            account,
            db::sessions::Stage::Full,
            &created,
            &expires,
            "portail seed (benchmark)",
            "",
        )?;
        opened += 1;
        tokens.push_str(&token.token);
        tokens.push('\n');
    }
    Ok(tokens)
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let _ = std::fs::remove_file(path);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(contents.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_nirs_are_valid_and_distinct() {
        let birth = Date::parse("1980-04-12").unwrap();
        let mut seen = std::collections::HashSet::new();
        for serial in (0..3_000_000)
            .step_by(997)
            .chain([999_999, 1_000_000, 94_999_999])
        {
            let nir = bench_nir(serial, serial % 2 == 0, birth).unwrap();
            assert!(seen.insert(nir.as_str().to_owned()));
        }
        assert_eq!(
            bench_nir(1_000_001, true, birth).unwrap().as_str()[..13],
            *"2800402000001"
        );
    }
}
