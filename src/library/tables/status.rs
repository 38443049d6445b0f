//! The `status_history` table: one dated row per status change of a piece.

use rusqlite::{params, Connection, Transaction};

use crate::library::{LibraryError, Status, StatusChange};

/// Appends one history entry.
pub(crate) fn record(
    tx: &Transaction<'_>,
    id: i64,
    from: Option<Status>,
    to: Status,
    at: &str,
) -> Result<(), LibraryError> {
    tx.execute(
        "INSERT INTO status_history (piece_id, from_status, to_status, changed_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![id, from, to, at],
    )?;
    Ok(())
}

/// The status changes of piece `id`, oldest first.
pub(crate) fn history(conn: &Connection, id: i64) -> Result<Vec<StatusChange>, LibraryError> {
    let mut stmt = conn.prepare_cached(
        "SELECT from_status, to_status, changed_at FROM status_history
         WHERE piece_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |row| {
        Ok(StatusChange {
            from: row.get("from_status")?,
            to: row.get("to_status")?,
            changed_at: row.get("changed_at")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
