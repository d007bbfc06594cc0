//! Prevention: the dates members declared a programme "done elsewhere" (`prevention_done`),
//! and the pregnancies the fund knows (`pregnancies`), which make the flu vaccination
//! recommended.

use portail_shared::reimbursements::Date;
use rusqlite::{Connection, params};

use super::DbError;
use super::members::MemberId;

/// Records that `member` did `programme` (its code) on `done_on`.
pub fn declare(
    conn: &Connection,
    member: MemberId,
    programme: &str,
    done_on: Date,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO prevention_done (member_id, programme, done_on) VALUES (?1, ?2, ?3)",
        params![member.0, programme, done_on.to_string()],
    )?;
    Ok(())
}

/// Every declaration of `member`: the programme's code and the day, oldest first.
pub fn declared(conn: &Connection, member: MemberId) -> Result<Vec<(String, Date)>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT programme, done_on FROM prevention_done WHERE member_id = ?1
         ORDER BY done_on, id",
    )?;
    let rows = statement.query_map([member.0], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (programme, day) = row?;
        if let Some(day) = Date::parse(&day) {
            out.push((programme, day));
        }
    }
    Ok(out)
}

/// Records a pregnancy declared on `declared_on`, due on `expected_delivery`.
pub fn add_pregnancy(
    conn: &Connection,
    member: MemberId,
    expected_delivery: Date,
    declared_on: Date,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO pregnancies (member_id, expected_delivery, declared_on) VALUES (?1, ?2, ?3)",
        params![
            member.0,
            expected_delivery.to_string(),
            declared_on.to_string()
        ],
    )?;
    Ok(())
}

/// Whether `member` is pregnant on `today`: a pregnancy declared, not ended, whose expected
/// delivery has not passed.
pub fn pregnant_on(conn: &Connection, member: MemberId, today: Date) -> Result<bool, DbError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pregnancies
                         WHERE member_id = ?1 AND ended_on IS NULL
                           AND declared_on <= ?2 AND expected_delivery >= ?2)",
        params![member.0, today.to_string()],
        |r| r.get(0),
    )?)
}
