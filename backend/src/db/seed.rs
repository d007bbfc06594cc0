//! The bulk writes of `portail seed` (a large fictional roll for benchmarks): members with
//! chosen ids, accounts without a password, and the switch to unsafe-but-fast pragmas that only
//! a brand-new throwaway database may get.

use super::DbError;
use super::accounts::AccountId;
use super::members::MemberId;
use rusqlite::{Connection, params};

/// A person of the benchmark roll, NIR already encrypted for its row.
#[derive(Debug, Clone)]
pub struct Person {
    /// The row id (chosen by the seed: the NIR's associated data names it).
    pub id: MemberId,
    /// Blind index of the NIR.
    pub nir_index: Vec<u8>,
    /// The NIR, encrypted with `members.nir_cipher:<id>`.
    pub nir_cipher: Vec<u8>,
    /// Family name.
    pub family_name: &'static str,
    /// Given names.
    pub given_names: &'static str,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// `F` or `M`.
    pub sex: &'static str,
    /// Postal code.
    pub postal_code: &'static str,
    /// Town.
    pub city: &'static str,
}

/// Makes a NEW database fast to fill and unsafe to crash: no rollback journal, no fsync, an
/// exclusive lock, a large cache. Acceptable only because the database was created empty for
/// this seed: an interrupted seed leaves a folder to delete, never someone's data.
pub fn fast_unsafe_pragmas(conn: &Connection) -> Result<(), DbError> {
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    conn.pragma_update(None, "cache_size", -262_144)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // The seed writes consistent rows only; checking each reference would double the lookups.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    Ok(())
}

/// Back to the portal's own journal (the server sets the rest on each connection).
pub fn safe_pragmas(conn: &Connection) -> Result<(), DbError> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "locking_mode", "NORMAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    Ok(())
}

/// Drops the secondary indexes of `reimbursements` and returns their SQL, to build them once
/// at the end rather than row by row.
pub fn drop_line_indexes(conn: &Connection) -> Result<Vec<String>, DbError> {
    let mut statement = conn.prepare(
        "SELECT name, sql FROM sqlite_master
          WHERE type = 'index' AND tbl_name = 'reimbursements' AND sql IS NOT NULL",
    )?;
    let indexes = statement
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    for (name, _) in &indexes {
        conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "")))?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

/// Runs the SQL returned by [`drop_line_indexes`].
pub fn create_indexes(conn: &Connection, sql: &[String]) -> Result<(), DbError> {
    for s in sql {
        conn.execute_batch(s)?;
    }
    Ok(())
}

/// Adds a person with their chosen id.
pub fn insert_person(conn: &Connection, p: &Person, now: &str) -> Result<(), DbError> {
    conn.prepare_cached(
        "INSERT INTO members (id, nir_cipher, nir_index, family_name, given_names, birth_date,
             sex, address_line1, postal_code, city, caisse_code, rights_start, created_at,
             updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '1 place de la Mairie', ?8, ?9, '999', ?6, ?10, ?10)",
    )?
    .execute(params![
        p.id.0,
        p.nir_cipher,
        p.nir_index,
        p.family_name,
        p.given_names,
        p.birth_date,
        p.sex,
        p.postal_code,
        p.city,
        now
    ])?;
    Ok(())
}

/// Links a dependant to their insured parent.
pub fn link_dependant(
    conn: &Connection,
    dependant: MemberId,
    insured: MemberId,
    rank: u8,
    since: &str,
) -> Result<(), DbError> {
    conn.prepare_cached(
        "INSERT INTO dependants (dependant_id, insured_id, rank, since) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![dependant.0, insured.0, rank, since])?;
    Ok(())
}

/// An active account that has no password (nobody can sign in to it; the benchmark's
/// sessions are written directly).
pub fn insert_account_without_password(
    conn: &Connection,
    member: MemberId,
    now: &str,
) -> Result<AccountId, DbError> {
    let id = conn
        .prepare_cached(
            "INSERT INTO accounts (member_id, email, email_verified_at, status, created_at,
                 updated_at)
             VALUES (?1, ?2, ?3, 'active', ?3, ?3) RETURNING id",
        )?
        .query_row(
            params![
                member.0,
                format!("membre{}@bench.portail.test", member.0),
                now
            ],
            |r| r.get(0),
        )?;
    Ok(AccountId(id))
}

/// The highest member id (0 on an empty roll).
pub fn last_member_id(conn: &Connection) -> Result<i64, DbError> {
    Ok(conn.query_row("SELECT COALESCE(MAX(id), 0) FROM members", [], |r| r.get(0))?)
}

/// Whether a person is insured in their own right (not anyone's dependant).
pub fn is_insured(conn: &Connection, member: MemberId) -> Result<bool, DbError> {
    Ok(conn
        .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM dependants WHERE dependant_id = ?1)")?
        .query_row([member.0], |r| r.get(0))?)
}
