//! Embedded schema migrations, applied at start-up and by `portail migrate`.
//!
//! The version lives in SQLite's `user_version`; a migration is never edited once released,
//! only followed by a new one.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};
use std::sync::LazyLock;

/// Every migration of the portal, oldest first.
pub static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("schema/0001_initial.sql")),
        M::up(include_str!("schema/0002_identity.sql")),
        M::up(include_str!("schema/0003_reimbursements.sql")),
        M::up(include_str!("schema/0004_reimbursements_covering.sql")),
        M::up(include_str!("schema/0005_professionals_search.sql")),
        M::up(include_str!("schema/0006_ceam.sql")),
        M::up(include_str!("schema/0007_messages.sql")),
        M::up(include_str!("schema/0008_agent_letters.sql")),
    ])
});

/// Brings a database up to the latest schema.
pub fn migrate(conn: &mut Connection) -> Result<(), super::DbError> {
    MIGRATIONS.to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::MIGRATIONS.validate().is_ok());
    }
}
