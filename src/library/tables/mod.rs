//! Single-table access: each module here reads and writes one table (`pieces`, `tags` with
//! `piece_tags`, `revisions`, `status_history`, the `pieces_fts` index) and imports none of
//! the others. The operations that keep them in step (save, create, restore, trash…) live one
//! level up, in `library/`, and are the only callers.

pub(crate) mod fts;
pub(crate) mod images;
pub(crate) mod pieces;
pub(crate) mod revisions;
pub(crate) mod status;
pub(crate) mod tags;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use super::{Lang, RevisionReason, Status};

/// Separator of tag names in `pieces.tags_text` and in aggregated SQL results (a control
/// character, which [`tags::clean`] never lets into a tag name, and a word break for the
/// full-text tokenizer).
pub(crate) const TAG_LIST_SEPARATOR: char = '\u{1f}';

impl FromSql for Status {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        // The stored codes are exact (a CHECK constraint): match them without the folding
        // `from_str` does for typed input, which would allocate on every listed row.
        let text = value.as_str()?;
        Status::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .ok_or_else(|| FromSqlError::Other(format!("status `{text}`").into()))
    }
}

impl ToSql for Status {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for Lang {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        // The table's CHECK constraint only lets `fr` and `en` in; anything else (a file
        // edited by hand) reads as the default rather than making the piece unreadable.
        Ok(value.as_str()?.parse().unwrap_or_default())
    }
}

impl ToSql for Lang {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for RevisionReason {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        // An unknown code (a newer build's) reads as a save point, as it always has.
        let text = value.as_str()?;
        Ok(RevisionReason::ALL
            .into_iter()
            .find(|r| r.as_str() == text)
            .unwrap_or(RevisionReason::SavePoint))
    }
}

impl ToSql for RevisionReason {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}
