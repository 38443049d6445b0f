//! A piece as stored across tables: its `pieces` row with its tags, and its search index entry
//! rebuilt from both. The operations (save, create, restore, trash…) share these; the tables
//! under `tables/` know nothing of each other.

use rusqlite::Connection;

use super::tables::{fts, pieces, tags};
use super::{LibraryError, Piece};

/// The piece with this id, live or in the trash, with its tags.
pub(crate) fn load(conn: &Connection, id: i64) -> Result<Piece, LibraryError> {
    let piece = pieces::select(conn, id)?.ok_or(LibraryError::NotFound(id))?;
    Ok(Piece {
        tags: tags::of_piece(conn, id)?,
        ..piece
    })
}

/// Like [`load`], but a trashed piece is refused: it must be restored before any change.
pub(crate) fn load_live(conn: &Connection, id: i64) -> Result<Piece, LibraryError> {
    let piece = load(conn, id)?;
    if piece.trashed_at.is_some() {
        return Err(LibraryError::InTrash(id));
    }
    Ok(piece)
}

/// Adds piece `id` to the search index with its stored tags (after a change; the entry was
/// removed with [`fts::unindex`] before it).
pub(crate) fn index(conn: &Connection, id: i64) -> Result<(), LibraryError> {
    fts::index(conn, id, &tags::of_piece(conn, id)?)
}
