//! The trash: deleting a piece only marks it; restoring unmarks it; emptying the trash is the
//! one explicit, irreversible delete (pieces, revisions, tags links, index rows).

use super::tables::{fts, pieces, tags};
use super::{stored, time_stamp, Library, LibraryError, Piece, PieceFilter, PieceSummary};

impl Library {
    /// Moves a piece to the trash. Its version changes, so an editor still open on it
    /// cannot save over it unnoticed.
    pub fn trash_piece(&self, id: i64) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            stored::load_live(tx, id)?;
            let now = time_stamp::now();
            pieces::set_trashed(tx, id, Some(&now), &now)?;
            stored::load(tx, id)
        })
    }

    /// Brings a piece back from the trash.
    pub fn restore_from_trash(&self, id: i64) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            let piece = stored::load(tx, id)?;
            if piece.trashed_at.is_none() {
                return Err(LibraryError::NotInTrash(id));
            }
            pieces::set_trashed(tx, id, None, &time_stamp::now())?;
            stored::load(tx, id)
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
            let ids = pieces::trashed_ids(tx)?;
            for &id in &ids {
                fts::unindex(tx, id)?;
                pieces::delete(tx, id)?;
            }
            tags::drop_orphans(tx)?;
            Ok(ids.len())
        })
    }
}
