//! Keeps the `pieces_fts` full-text row of a piece equal to the piece. Called inside the
//! write transaction that changed the piece, so the index can never lag behind a save.

use rusqlite::Connection;

use super::LibraryError;

/// Separator between tag names in the indexed text (a middle dot is not a token).
const TAG_SEPARATOR: &str = " · ";

/// Rewrites the index row of piece `id` from the `pieces` and `tags` tables.
pub(crate) fn reindex(conn: &Connection, id: i64) -> Result<(), LibraryError> {
    remove(conn, id)?;
    conn.prepare_cached(
        "INSERT INTO pieces_fts (rowid, title, kicker, standfirst, body, tags)
         SELECT p.id, p.title, p.kicker, p.standfirst, p.body,
                coalesce((SELECT group_concat(t.name, ?2 ORDER BY pt.position)
                          FROM piece_tags pt JOIN tags t ON t.id = pt.tag_id
                          WHERE pt.piece_id = p.id), '')
         FROM pieces p WHERE p.id = ?1",
    )?
    .execute(rusqlite::params![id, TAG_SEPARATOR])?;
    Ok(())
}

/// Drops the index row of piece `id`.
pub(crate) fn remove(conn: &Connection, id: i64) -> Result<(), LibraryError> {
    conn.prepare_cached("DELETE FROM pieces_fts WHERE rowid = ?1")?
        .execute([id])?;
    Ok(())
}
