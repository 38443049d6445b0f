//! The trash: deleting a piece only marks it; restoring unmarks it; emptying the trash is the
//! one explicit, irreversible delete (pieces, revisions, tags links, index rows).

use rusqlite::params;

use super::{fts, pieces, time_stamp, Library, LibraryError, Piece, PieceFilter, PieceSummary};

impl Library {
    /// Moves a piece to the trash. Its version changes, so an editor still open on it
    /// cannot save over it unnoticed.
    pub fn trash_piece(&self, id: i64) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            pieces::load_live(tx, id)?;
            tx.execute(
                "UPDATE pieces SET trashed_at = ?2, updated_at = ?2, version = version + 1
                 WHERE id = ?1",
                params![id, time_stamp::now()],
            )?;
            pieces::load(tx, id)
        })
    }

    /// Brings a piece back from the trash.
    pub fn restore_from_trash(&self, id: i64) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            let piece = pieces::load(tx, id)?;
            if piece.trashed_at.is_none() {
                return Err(LibraryError::NotInTrash(id));
            }
            tx.execute(
                "UPDATE pieces SET trashed_at = NULL, updated_at = ?2, version = version + 1
                 WHERE id = ?1",
                params![id, time_stamp::now()],
            )?;
            pieces::load(tx, id)
        })
    }

    /// The pieces in the trash, most recently trashed first.
    pub fn list_trash(&self) -> Result<Vec<PieceSummary>, LibraryError> {
        self.list_pieces(&PieceFilter {
            in_trash: true,
            ..PieceFilter::default()
        })
    }

    /// Deletes every trashed piece for good, with its history. Returns how many.
    pub fn empty_trash(&self) -> Result<usize, LibraryError> {
        self.write(|tx| {
            let ids: Vec<i64> = {
                let mut stmt = tx.prepare("SELECT id FROM pieces WHERE trashed_at IS NOT NULL")?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            for &id in &ids {
                fts::unindex(tx, id)?;
                // Revisions, tag links and status history go by ON DELETE CASCADE.
                tx.execute("DELETE FROM pieces WHERE id = ?1", [id])?;
            }
            tx.execute(
                "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM piece_tags)",
                [],
            )?;
            Ok(ids.len())
        })
    }
}
