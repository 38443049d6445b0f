//! Numbered SQL migrations (`migrations/NNNN_*.sql`), applied in order inside one transaction
//! each; `PRAGMA user_version` records the last one applied.

use rusqlite::Connection;

use super::LibraryError;

/// Every migration, in order. Index `i` upgrades a library from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/0001_drafts.sql")];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Brings the schema up to [`SCHEMA_VERSION`]. A library written by a newer Edito is refused
/// rather than opened, because an older build could silently drop columns it does not know.
pub fn migrate(conn: &mut Connection) -> Result<(), LibraryError> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(LibraryError::TooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
