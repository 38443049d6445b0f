//! The status workflow (`idea → draft → review → ready → published`, and back): a change
//! keeps the state before it as a revision and is dated in the status history.

use super::tables::{pieces, status};
use super::{revisions, stored, time_stamp, Library, LibraryError, Piece, RevisionReason};
use super::{Status, StatusChange};

impl Library {
    /// Moves a piece to `status`, recording the change. The state before the change is kept
    /// as a revision, so "what did we send to review?" always has an answer.
    pub fn set_status(&self, id: i64, status: Status) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            let current = stored::load_live(tx, id)?;
            if current.status == status {
                return Ok(current);
            }
            let now = time_stamp::now();
            revisions::keep(tx, &current, RevisionReason::StatusChange, &now)?;
            pieces::set_status(tx, id, status, &now)?;
            status::record(tx, id, Some(current.status), status, &now)?;
            stored::load(tx, id)
        })
    }

    /// Every status change of a piece, oldest first, starting with its creation.
    pub fn status_history(&self, id: i64) -> Result<Vec<StatusChange>, LibraryError> {
        self.read(|conn| {
            stored::load(conn, id)?;
            status::history(conn, id)
        })
    }
}
