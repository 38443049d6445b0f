//! The `pieces_fts` full-text index, kept equal to the pieces. The index is an FTS5
//! external-content table (the text is stored once, in `pieces`), so removing an entry needs
//! the exact values it was built from: [`unindex`] runs *before* a piece changes, [`index`]
//! after, both inside the write transaction, so the index can never lag behind a save.

use rusqlite::Connection;

use super::TAG_LIST_SEPARATOR;
use crate::library::LibraryError;

/// Removes piece `id` from the index, from its stored (not yet changed) values.
pub(crate) fn unindex(conn: &Connection, id: i64) -> Result<(), LibraryError> {
    conn.prepare_cached(
        "INSERT INTO pieces_fts (pieces_fts, rowid, title, kicker, standfirst, body, tags_text)
         SELECT 'delete', id, title, kicker, standfirst, body, tags_text FROM pieces WHERE id = ?1",
    )?
    .execute([id])?;
    Ok(())
}

/// Refreshes the tag text of piece `id` from `tags` (its stored spellings, in order) and
/// adds it to the index. Tag names are joined by [`TAG_LIST_SEPARATOR`], a control character: never in a tag name,
/// and a word break for the tokenizer.
pub(crate) fn index(conn: &Connection, id: i64, tags: &[String]) -> Result<(), LibraryError> {
    let text = tags.join(TAG_LIST_SEPARATOR.encode_utf8(&mut [0; 4]));
    // Rewrite the row only when the tags changed: most saves only touch the text.
    conn.prepare_cached("UPDATE pieces SET tags_text = ?2 WHERE id = ?1 AND tags_text IS NOT ?2")?
        .execute(rusqlite::params![id, text])?;
    conn.prepare_cached(
        "INSERT INTO pieces_fts (rowid, title, kicker, standfirst, body, tags_text)
         SELECT id, title, kicker, standfirst, body, tags_text FROM pieces WHERE id = ?1",
    )?
    .execute([id])?;
    Ok(())
}

/// FTS5's own check that the index matches the pieces (`Ok(false)` when it does not).
pub(crate) fn check(conn: &Connection) -> Result<bool, LibraryError> {
    match conn.execute(
        "INSERT INTO pieces_fts (pieces_fts, rank) VALUES ('integrity-check', 1)",
        [],
    ) {
        Ok(_) => Ok(true),
        Err(err) if err.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Ok(false)
        }
        Err(err) => Err(err.into()),
    }
}

/// Merges the index into one segment (much faster prefix and common-word searches).
pub(crate) fn optimize(conn: &Connection) -> Result<(), LibraryError> {
    conn.execute(
        "INSERT INTO pieces_fts (pieces_fts) VALUES ('optimize')",
        [],
    )?;
    Ok(())
}
