//! Pieces: create, get, list, and save with optimistic concurrency — each one transaction
//! over the piece's row, tags, status history, revisions and index entry.

use rusqlite::{params_from_iter, Transaction};
use time::OffsetDateTime;

use super::tables::pieces::{summary_from_row, SUMMARY_COLUMNS};
use super::tables::{fts, pieces, status, tags};
use super::{
    revisions, slug, stored, time_stamp, Library, LibraryError, NewPiece, Piece, PieceEdit,
    PieceFilter, PieceSummary, SaveKind,
};

impl Library {
    /// Creates a piece and returns it.
    pub fn create_piece(&self, new: &NewPiece) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            let id = insert(tx, new, &time_stamp::now())?;
            stored::load(tx, id)
        })
    }

    /// Creates many pieces in one transaction (imports, benchmarks): all or none.
    pub fn create_pieces(&self, new: &[NewPiece]) -> Result<Vec<i64>, LibraryError> {
        self.write(|tx| {
            let now = time_stamp::now();
            new.iter().map(|piece| insert(tx, piece, &now)).collect()
        })
    }

    /// The piece with this id, live or in the trash.
    pub fn get_piece(&self, id: i64) -> Result<Piece, LibraryError> {
        self.read(|conn| stored::load(conn, id))
    }

    /// The pieces `filter` keeps, most recently changed first, without their text.
    pub fn list_pieces(&self, filter: &PieceFilter) -> Result<Vec<PieceSummary>, LibraryError> {
        let clause = filter.clause()?;
        self.read(|conn| {
            // INDEXED BY: the covering index answers every filter without reading a row; the
            // planner would otherwise fetch rows by id for a tag filter, long texts and all.
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM pieces p INDEXED BY pieces_list WHERE {}
                 ORDER BY p.updated_at DESC, p.id DESC LIMIT {}",
                clause.sql,
                filter.sql_limit()
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(clause.params.iter()), summary_from_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Saves an edit made on version `edit.base_version`. Refuses with
    /// [`LibraryError::Conflict`] (carrying the current piece) if the piece changed since;
    /// keeps the previous state as a revision when the revision policy says so. The piece,
    /// its revision and its index row are written in one transaction. An edit that changes
    /// nothing returns the piece untouched.
    pub fn save_piece(&self, edit: &PieceEdit) -> Result<Piece, LibraryError> {
        let fields = edit.fields.without_bom();
        fields.validate()?;
        let new_tags = edit.tags.as_deref().map(tags::clean_list).transpose()?;
        self.write_with(edit.kind == SaveKind::Autosave, |tx| {
            let current = stored::load_live(tx, edit.id)?;
            if current.version != edit.base_version {
                return Err(LibraryError::Conflict {
                    current: Box::new(current),
                });
            }
            let slug = match &edit.slug {
                Some(wanted) if slug::slugify(wanted) != current.slug => {
                    slug::unique(tx, wanted, Some(edit.id))?
                }
                _ if edit.fields.title != current.fields.title
                    && slug::follows_title(tx, &current)? =>
                {
                    slug::unique(tx, &edit.fields.title, Some(edit.id))?
                }
                _ => current.slug.clone(),
            };
            let tags_changed = new_tags
                .as_ref()
                .is_some_and(|t| !tags::same_tags(t, &current.tags));
            let extra = edit.extra.as_ref().unwrap_or(&current.extra);
            if *fields == current.fields
                && slug == current.slug
                && !tags_changed
                && *extra == current.extra
            {
                return Ok(current);
            }
            let now = OffsetDateTime::now_utc();
            let stamp = time_stamp::format(now);
            if let Some(reason) =
                revisions::reason_to_keep(tx, &current, &edit.fields, edit.kind, now)?
            {
                revisions::keep(tx, &current, reason, &stamp)?;
            }
            fts::unindex(tx, edit.id)?;
            pieces::update(tx, edit.id, &fields, extra, &slug, &stamp)?;
            let tags = match new_tags {
                Some(new_tags) if tags_changed => {
                    tags::replace(tx, edit.id, &new_tags)?;
                    // Stored spellings may differ from the typed ones ("relation client").
                    tags::of_piece(tx, edit.id)?
                }
                _ => current.tags.clone(),
            };
            fts::index(tx, edit.id, &tags)?;
            // Exactly what was just written: no need to read it back on every keystroke pause.
            Ok(Piece {
                slug,
                fields: fields.into_owned(),
                extra: extra.clone(),
                tags,
                updated_at: stamp,
                version: current.version + 1,
                ..current
            })
        })
    }
}

/// Inserts a piece with its tags, first status entry and index row.
pub(crate) fn insert(tx: &Transaction<'_>, new: &NewPiece, now: &str) -> Result<i64, LibraryError> {
    let fields = new.fields.without_bom();
    fields.validate()?;
    let tags = tags::clean_list(&new.tags)?;
    let wanted = new
        .slug
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(&fields.title);
    let slug = slug::unique(tx, wanted, None)?;
    let status = new.status.unwrap_or_default();
    let id = pieces::insert(tx, &slug, &fields, status, &new.extra, now)?;
    if !tags.is_empty() {
        tags::replace(tx, id, &tags)?;
    }
    status::record(tx, id, None, status, now)?;
    stored::index(tx, id)?;
    Ok(id)
}
