//! The directory of health professionals (the demo set or the RPPS extract) and the members'
//! médecin traitant declarations (the current one has no end date).

use portail_shared::text::fold;
use rusqlite::{Connection, OptionalExtension, params};

use super::DbError;
use super::members::MemberId;

/// A professional as the directory holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Professional {
    /// Row id.
    pub id: i64,
    /// RPPS number (11 digits).
    pub rpps: String,
    /// Family name.
    pub family_name: String,
    /// Given name.
    pub given_name: String,
    /// Specialty, as the RPPS names it ("Médecine générale").
    pub specialty: String,
    /// Conventionnement sector (1, 2 or 3), when the directory knows it.
    pub sector: Option<u8>,
    /// Street.
    pub address_line: String,
    /// Postal code.
    pub postal_code: String,
    /// Town.
    pub city: String,
    /// Phone, as printed.
    pub phone: String,
}

const COLUMNS: &str = "id, rpps, family_name, given_name, specialty, sector, address_line, \
                       postal_code, city, phone, sector_known";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Professional> {
    Ok(Professional {
        id: r.get(0)?,
        rpps: r.get(1)?,
        family_name: r.get(2)?,
        given_name: r.get(3)?,
        specialty: r.get(4)?,
        sector: r.get::<_, bool>(10)?.then_some(r.get(5)?),
        address_line: r.get(6)?,
        postal_code: r.get(7)?,
        city: r.get(8)?,
        phone: r.get(9)?,
    })
}

/// Adds or updates (by RPPS number) one professional; returns the row id.
pub fn upsert(conn: &Connection, p: &Professional) -> Result<i64, DbError> {
    conn.execute(
        "INSERT INTO professionals (rpps, family_name, given_name, specialty, sector,
                                    address_line, postal_code, city, phone, name_key, city_key,
                                    sector_known)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (rpps) DO UPDATE SET
            family_name = excluded.family_name, given_name = excluded.given_name,
            specialty = excluded.specialty, sector = excluded.sector,
            address_line = excluded.address_line, postal_code = excluded.postal_code,
            city = excluded.city, phone = excluded.phone,
            name_key = excluded.name_key, city_key = excluded.city_key,
            sector_known = excluded.sector_known",
        params![
            p.rpps,
            p.family_name,
            p.given_name,
            p.specialty,
            p.sector.unwrap_or(1),
            p.address_line,
            p.postal_code,
            p.city,
            p.phone,
            fold(&p.family_name),
            fold(&p.city),
            p.sector.is_some(),
        ],
    )?;
    Ok(conn.query_row(
        "SELECT id FROM professionals WHERE rpps = ?1",
        [&p.rpps],
        |r| r.get(0),
    )?)
}

/// How many professionals the directory holds.
pub fn count(conn: &Connection) -> Result<i64, DbError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM professionals", [], |r| r.get(0))?)
}

/// One professional.
pub fn one(conn: &Connection, id: i64) -> Result<Option<Professional>, DbError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM professionals WHERE id = ?1"),
            [id],
            read,
        )
        .optional()?)
}

/// Professionals whose family name starts with `name` and whose town starts with `city`
/// (either may be empty, not both), of `specialty` if given, by name; at most `limit`.
pub fn search(
    conn: &Connection,
    name: &str,
    city: &str,
    specialty: Option<&str>,
    limit: u32,
) -> Result<Vec<Professional>, DbError> {
    let (name, city) = (fold(name), fold(city));
    // The range `[prefix, prefix + U+10FFFF)` is what an index can seek.
    let upper = |prefix: &str| format!("{prefix}\u{10ffff}");
    let sql = if name.is_empty() {
        format!(
            "SELECT {COLUMNS} FROM professionals INDEXED BY professionals_by_city_key
              WHERE city_key >= ?3 AND city_key < ?4
                AND (?5 IS NULL OR specialty = ?5)
              ORDER BY name_key, given_name LIMIT ?6"
        )
    } else {
        format!(
            "SELECT {COLUMNS} FROM professionals INDEXED BY professionals_by_name_key
              WHERE name_key >= ?1 AND name_key < ?2
                AND city_key >= ?3 AND city_key < ?4
                AND (?5 IS NULL OR specialty = ?5)
              ORDER BY name_key, given_name LIMIT ?6"
        )
    };
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(
        params![name, upper(&name), city, upper(&city), specialty, limit],
        read,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The member's médecin traitant and since when, if declared.
pub fn treating_doctor(
    conn: &Connection,
    member: MemberId,
) -> Result<Option<(Professional, String)>, DbError> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {}, t.since FROM treating_doctors t
                   JOIN professionals p ON p.id = t.professional_id
                  WHERE t.member_id = ?1 AND t.ends_on IS NULL
                  ORDER BY t.since DESC LIMIT 1",
                COLUMNS
                    .split(", ")
                    .map(|c| format!("p.{c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            [member.0],
            |r| Ok((read(r)?, r.get(11)?)),
        )
        .optional()?)
}

/// Records `professional` as `member`'s médecin traitant from `since`, ending the previous
/// declaration the day before.
pub fn declare(
    conn: &Connection,
    member: MemberId,
    professional: i64,
    since: &str,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE treating_doctors SET ends_on = date(?2, '-1 day')
          WHERE member_id = ?1 AND ends_on IS NULL",
        params![member.0, since],
    )?;
    conn.execute(
        "INSERT INTO treating_doctors (member_id, professional_id, since) VALUES (?1, ?2, ?3)",
        params![member.0, professional, since],
    )?;
    Ok(())
}
