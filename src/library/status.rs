//! The status workflow (`idea → draft → review → ready → published`, and back) and the
//! `status_history` table that dates every change.

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use super::{pieces, revisions, time_stamp, Library, LibraryError, Piece, RevisionReason};

/// Where a piece stands in the editorial workflow. Any move is allowed, forwards or back:
/// the editor-in-chief decides, the app only records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A subject to write about.
    Idea,
    /// Being written (the default).
    #[default]
    Draft,
    /// Being proofread.
    Review,
    /// Ready to publish.
    Ready,
    /// Published.
    Published,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 5] = [
        Status::Idea,
        Status::Draft,
        Status::Review,
        Status::Ready,
        Status::Published,
    ];

    /// The code stored in the library and used by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Ready => "ready",
            Status::Published => "published",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = LibraryError;

    /// Accepts the English codes and their French names (`idée`, `brouillon`, `relecture`,
    /// `prêt`, `publié`), without accents or case mattering.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let folded = crate::text::fold(text.trim());
        let status = match folded.as_str() {
            "idea" | "idee" => Status::Idea,
            "draft" | "brouillon" => Status::Draft,
            "review" | "relecture" => Status::Review,
            "ready" | "pret" => Status::Ready,
            "published" | "publie" => Status::Published,
            _ => {
                return Err(LibraryError::invalid(
                    "status",
                    format!(
                        "`{text}` is not a status (use idea, draft, review, ready or published)"
                    ),
                ))
            }
        };
        Ok(status)
    }
}

impl rusqlite::types::FromSql for Status {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        // The stored codes are exact (a CHECK constraint): match them without the folding
        // `from_str` does for typed input, which would allocate on every listed row.
        let text = value.as_str()?;
        Status::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("status `{text}`").into()))
    }
}

impl rusqlite::ToSql for Status {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

/// One dated entry of a piece's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// Previous status; `None` for the piece's creation.
    pub from: Option<Status>,
    /// New status.
    pub to: Status,
    /// When, UTC.
    pub changed_at: String,
}

impl Library {
    /// Moves a piece to `status`, recording the change. The state before the change is kept
    /// as a revision, so "what did we send to review?" always has an answer.
    pub fn set_status(&self, id: i64, status: Status) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            let current = pieces::load_live(tx, id)?;
            if current.status == status {
                return Ok(current);
            }
            let now = time_stamp::now();
            revisions::keep(tx, &current, RevisionReason::StatusChange, &now)?;
            tx.execute(
                "UPDATE pieces SET status = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
                params![id, status, now],
            )?;
            record(tx, id, Some(current.status), status, &now)?;
            pieces::load(tx, id)
        })
    }

    /// Every status change of a piece, oldest first, starting with its creation.
    pub fn status_history(&self, id: i64) -> Result<Vec<StatusChange>, LibraryError> {
        self.read(|conn| {
            pieces::load(conn, id)?;
            let mut stmt = conn.prepare_cached(
                "SELECT from_status, to_status, changed_at FROM status_history
                 WHERE piece_id = ?1 ORDER BY id",
            )?;
            let rows = stmt.query_map([id], |row| {
                Ok(StatusChange {
                    from: row.get(0)?,
                    to: row.get(1)?,
                    changed_at: row.get(2)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }
}

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
