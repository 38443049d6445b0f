//! Queries on the `pieces` table: create, get, list, save with optimistic concurrency.

use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, Transaction};
use time::OffsetDateTime;

use super::{
    fts, revisions, slug, status, tags, time_stamp, Extra, Library, LibraryError, NewPiece, Piece,
    PieceEdit, PieceFields, PieceFilter, PieceSummary, SaveKind,
};

/// Separator of tag names in aggregated SQL results (a control character, which
/// [`tags::clean`] never lets into a tag name).
pub(crate) const TAG_LIST_SEPARATOR: char = '\u{1f}';

/// The columns [`summary_from_row`] reads, on table alias `p`: all in the `pieces_list` index.
pub(crate) const SUMMARY_COLUMNS: &str = "p.id, p.title, p.slug, p.status, p.category,
    p.updated_at, p.publication_date, p.tags_text";

impl Library {
    /// Creates a piece and returns it.
    pub fn create_piece(&self, new: &NewPiece) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            let id = insert(tx, new, &time_stamp::now())?;
            load(tx, id)
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
        self.read(|conn| load(conn, id))
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
        edit.fields.validate()?;
        let new_tags = edit.tags.as_deref().map(tags::clean_list).transpose()?;
        self.write_with(edit.kind == SaveKind::Autosave, |tx| {
            let current = load_live(tx, edit.id)?;
            if current.version != edit.base_version {
                return Err(LibraryError::Conflict {
                    current: Box::new(current),
                });
            }
            let slug = match &edit.slug {
                Some(wanted) if slug::slugify(wanted) != current.slug => {
                    slug::unique(tx, wanted, Some(edit.id))?
                }
                _ => current.slug.clone(),
            };
            let tags_changed = new_tags
                .as_ref()
                .is_some_and(|t| !tags::same_tags(t, &current.tags));
            let extra = edit.extra.as_ref().unwrap_or(&current.extra);
            if edit.fields == current.fields
                && slug == current.slug
                && !tags_changed
                && *extra == current.extra
            {
                return Ok(current);
            }
            let now = OffsetDateTime::now_utc();
            let stamp = time_stamp::format(now);
            if let Some(reason) = revisions::reason_to_keep(tx, &current, edit.kind, now)? {
                revisions::keep(tx, &current, reason, &stamp)?;
            }
            fts::unindex(tx, edit.id)?;
            update(tx, edit.id, &edit.fields, extra, &slug, &stamp)?;
            let tags = match new_tags {
                Some(new_tags) if tags_changed => {
                    tags::replace(tx, edit.id, &new_tags)?;
                    // Stored spellings may differ from the typed ones ("relation client").
                    tags::of_piece(tx, edit.id)?
                }
                _ => current.tags.clone(),
            };
            fts::index_with_tags(tx, edit.id, &tags)?;
            // Exactly what was just written: no need to read it back on every keystroke pause.
            Ok(Piece {
                slug,
                fields: edit.fields.clone(),
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
    new.fields.validate()?;
    let tags = tags::clean_list(&new.tags)?;
    let wanted = new
        .slug
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(&new.fields.title);
    let slug = slug::unique(tx, wanted, None)?;
    let status = new.status.unwrap_or_default();
    let f = &new.fields;
    tx.prepare_cached(
        "INSERT INTO pieces (slug, title, kicker, standfirst, body, author, author_role,
             category, lang, publication_date, issue_number, target_signs, status,
             created_at, updated_at, extra)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15)",
    )?
    .execute(params![
        slug,
        f.title,
        f.kicker,
        f.standfirst,
        f.body,
        f.author,
        f.author_role,
        f.category,
        f.lang.as_str(),
        f.publication_date,
        f.issue_number,
        f.target_signs,
        status,
        now,
        serde_json::to_string(&new.extra)?
    ])?;
    let id = tx.last_insert_rowid();
    if !tags.is_empty() {
        tags::replace(tx, id, &tags)?;
    }
    status::record(tx, id, None, status, now)?;
    fts::index(tx, id)?;
    Ok(id)
}

/// Writes new fields, unknown front-matter keys and slug, bumping the version.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: i64,
    f: &PieceFields,
    extra: &Extra,
    slug: &str,
    now: &str,
) -> Result<(), LibraryError> {
    tx.prepare_cached(
        "UPDATE pieces SET slug = ?2, title = ?3, kicker = ?4, standfirst = ?5, body = ?6,
             author = ?7, author_role = ?8, category = ?9, lang = ?10, publication_date = ?11,
             issue_number = ?12, target_signs = ?13, version = version + 1, updated_at = ?14,
             extra = ?15
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        slug,
        f.title,
        f.kicker,
        f.standfirst,
        f.body,
        f.author,
        f.author_role,
        f.category,
        f.lang.as_str(),
        f.publication_date,
        f.issue_number,
        f.target_signs,
        now,
        serde_json::to_string(extra)?
    ])?;
    Ok(())
}

/// The piece with this id, with its tags.
pub(crate) fn load(conn: &Connection, id: i64) -> Result<Piece, LibraryError> {
    let piece = conn
        .prepare_cached(
            "SELECT id, slug, title, kicker, standfirst, body, author, author_role, category,
                    lang, publication_date, issue_number, target_signs, status, created_at,
                    updated_at, version, trashed_at, extra
             FROM pieces WHERE id = ?1",
        )?
        .query_row([id], piece_from_row)
        .optional()?
        .ok_or(LibraryError::NotFound(id))?;
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

fn piece_from_row(row: &Row<'_>) -> rusqlite::Result<Piece> {
    let lang: String = row.get(9)?;
    Ok(Piece {
        id: row.get(0)?,
        slug: row.get(1)?,
        fields: PieceFields {
            title: row.get(2)?,
            kicker: row.get(3)?,
            standfirst: row.get(4)?,
            body: row.get(5)?,
            author: row.get(6)?,
            author_role: row.get(7)?,
            category: row.get(8)?,
            // The table's CHECK constraint only lets `fr` and `en` in.
            lang: lang.parse().unwrap_or_default(),
            publication_date: row.get(10)?,
            issue_number: row.get(11)?,
            target_signs: row.get(12)?,
        },
        status: row.get(13)?,
        tags: Vec::new(),
        extra: extra_from_row(row, 18)?,
        created_at: row.get(14)?,
        updated_at: row.get(15)?,
        version: row.get(16)?,
        trashed_at: row.get(17)?,
    })
}

/// The `extra` JSON object in column `index`. The column's CHECK only lets valid JSON in; a
/// value that is JSON but not an object (written by hand) fails the read instead of being
/// dropped, so a save can never erase it.
fn extra_from_row(row: &Row<'_>, index: usize) -> rusqlite::Result<Extra> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(err))
    })
}

/// Reads the columns of [`SUMMARY_COLUMNS`].
pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<PieceSummary> {
    let tags: String = row.get(7)?;
    Ok(PieceSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        slug: row.get(2)?,
        status: row.get(3)?,
        category: row.get(4)?,
        updated_at: row.get(5)?,
        publication_date: row.get(6)?,
        tags: tags
            .split(TAG_LIST_SEPARATOR)
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect(),
    })
}
