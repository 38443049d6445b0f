//! Numbered SQL migrations (`migrations/NNNN_*.sql`), applied in order inside one transaction
//! each; `PRAGMA user_version` records the last one applied. A migration may add a Rust step
//! for what SQL cannot do (deriving ASCII slugs from French titles), in the same transaction.

use rusqlite::{Connection, Transaction};

use super::{slug, LibraryError};

/// A Rust step run after a migration's SQL, in its transaction.
type Step = fn(&Transaction<'_>) -> Result<(), LibraryError>;

/// One schema step.
struct Migration {
    sql: &'static str,
    then: Option<Step>,
}

/// Every migration, in order. Index `i` upgrades a library from version `i` to `i + 1`.
/// Never edit a published one: users' libraries already ran it.
const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: include_str!("../../migrations/0001_drafts.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("../../migrations/0002_pieces.sql"),
        then: Some(slug::derive_placeholder_slugs),
    },
    Migration {
        sql: include_str!("../../migrations/0003_piece_extra.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("../../migrations/0004_piece_lead_image.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("../../migrations/0005_images.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("../../migrations/0006_publications.sql"),
        then: None,
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Brings the schema up to [`SCHEMA_VERSION`]. A library written by a newer Edito is refused
/// rather than opened, because an older build could silently drop columns it does not know.
pub fn migrate(conn: &mut Connection) -> Result<(), LibraryError> {
    let current = schema_version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(LibraryError::TooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (index, step) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(step.sql)?;
        if let Some(then) = step.then {
            then(&tx)?;
        }
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// The schema version recorded in the file.
pub fn schema_version(conn: &Connection) -> Result<u32, LibraryError> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}
