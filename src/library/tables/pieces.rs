//! The `pieces` table, one row at a time. The columns of [`PieceFields`] are listed once, in
//! [`FIELDS`]: the INSERT, the UPDATE and the SELECT texts and their named parameters are all
//! built from that list (once, then cached), and rows are read by column name — so a new
//! field of a piece is one line here, plus its migration.

use std::sync::LazyLock;

use rusqlite::types::ToSql;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::TAG_LIST_SEPARATOR;
use crate::library::{Extra, LibraryError, Piece, PieceFields, PieceSummary, Status};

/// One column of `pieces` holding a field of [`PieceFields`]: its name, the named parameter
/// that writes it, and how to bind and read it.
struct Field {
    column: &'static str,
    param: &'static str,
    bind: fn(&PieceFields) -> &dyn ToSql,
    read: fn(&Row<'_>, &mut PieceFields) -> rusqlite::Result<()>,
}

/// The [`Field`] of each named member of [`PieceFields`], whose column has the same name.
macro_rules! fields {
    ($($name:ident),* $(,)?) => {
        &[$(Field {
            column: stringify!($name),
            param: concat!(":", stringify!($name)),
            bind: |f| &f.$name,
            read: |row, f| {
                f.$name = row.get(stringify!($name))?;
                Ok(())
            },
        }),*]
    };
}

/// Every field of a piece a writer edits, in column order.
const FIELDS: &[Field] = fields![
    title,
    kicker,
    standfirst,
    body,
    author,
    author_role,
    category,
    lang,
    publication_date,
    issue_number,
    target_signs,
    lead_image,
];

/// `title, kicker, …`: the field columns, comma-separated.
fn field_columns() -> String {
    FIELDS
        .iter()
        .map(|f| f.column)
        .collect::<Vec<_>>()
        .join(", ")
}

static INSERT: LazyLock<String> = LazyLock::new(|| {
    let params: Vec<&str> = FIELDS.iter().map(|f| f.param).collect();
    format!(
        "INSERT INTO pieces (slug, status, created_at, updated_at, extra, {})
         VALUES (:slug, :status, :now, :now, :extra, {})",
        field_columns(),
        params.join(", ")
    )
});

static UPDATE: LazyLock<String> = LazyLock::new(|| {
    let sets: Vec<String> = FIELDS
        .iter()
        .map(|f| format!("{} = {}", f.column, f.param))
        .collect();
    format!(
        "UPDATE pieces SET slug = :slug, extra = :extra, version = version + 1,
             updated_at = :now, {}
         WHERE id = :id",
        sets.join(", ")
    )
});

static SELECT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT id, slug, status, created_at, updated_at, version, trashed_at, extra, {}
         FROM pieces WHERE id = :id",
        field_columns()
    )
});

/// The named parameters of the fields of `f`, followed by `more`.
fn bind<'a>(
    f: &'a PieceFields,
    more: &[(&'static str, &'a dyn ToSql)],
) -> Vec<(&'static str, &'a dyn ToSql)> {
    FIELDS
        .iter()
        .map(|field| (field.param, (field.bind)(f)))
        .chain(more.iter().copied())
        .collect()
}

/// Inserts a piece row (no tags, no history) and returns its id.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    slug: &str,
    f: &PieceFields,
    status: Status,
    extra: &Extra,
    now: &str,
) -> Result<i64, LibraryError> {
    let extra = serde_json::to_string(extra)?;
    tx.prepare_cached(&INSERT)?.execute(
        bind(
            f,
            &[
                (":slug", &slug),
                (":status", &status),
                (":now", &now),
                (":extra", &extra),
            ],
        )
        .as_slice(),
    )?;
    Ok(tx.last_insert_rowid())
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
    let extra = serde_json::to_string(extra)?;
    tx.prepare_cached(&UPDATE)?.execute(
        bind(
            f,
            &[
                (":id", &id),
                (":slug", &slug),
                (":now", &now),
                (":extra", &extra),
            ],
        )
        .as_slice(),
    )?;
    Ok(())
}

/// The row of piece `id`, its `tags` left empty (they live in their own table).
pub(crate) fn select(conn: &Connection, id: i64) -> Result<Option<Piece>, LibraryError> {
    Ok(conn
        .prepare_cached(&SELECT)?
        .query_row(rusqlite::named_params! { ":id": id }, from_row)
        .optional()?)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Piece> {
    let mut fields = PieceFields::default();
    for field in FIELDS {
        (field.read)(row, &mut fields)?;
    }
    Ok(Piece {
        id: row.get("id")?,
        slug: row.get("slug")?,
        fields,
        status: row.get("status")?,
        tags: Vec::new(),
        extra: extra_from_row(row)?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        version: row.get("version")?,
        trashed_at: row.get("trashed_at")?,
    })
}

/// The `extra` JSON object. The column's CHECK only lets valid JSON in; a value that is JSON
/// but not an object (written by hand) fails the read instead of being dropped, so a save can
/// never erase it.
fn extra_from_row(row: &Row<'_>) -> rusqlite::Result<Extra> {
    let index = row.as_ref().column_index("extra")?;
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(err))
    })
}

/// Sets the status, bumping the version.
pub(crate) fn set_status(
    tx: &Transaction<'_>,
    id: i64,
    status: Status,
    now: &str,
) -> Result<(), LibraryError> {
    tx.execute(
        "UPDATE pieces SET status = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1",
        params![id, status, now],
    )?;
    Ok(())
}

/// Bumps the version after a change stored elsewhere (the tags).
pub(crate) fn touch(tx: &Transaction<'_>, id: i64, now: &str) -> Result<(), LibraryError> {
    tx.execute(
        "UPDATE pieces SET version = version + 1, updated_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

/// Moves the piece into the trash (`Some(now)`) or out of it (`None`), bumping the version.
pub(crate) fn set_trashed(
    tx: &Transaction<'_>,
    id: i64,
    trashed_at: Option<&str>,
    now: &str,
) -> Result<(), LibraryError> {
    tx.execute(
        "UPDATE pieces SET trashed_at = ?2, updated_at = ?3, version = version + 1
         WHERE id = ?1",
        params![id, trashed_at, now],
    )?;
    Ok(())
}

/// The ids of the pieces in the trash.
pub(crate) fn trashed_ids(conn: &Connection) -> Result<Vec<i64>, LibraryError> {
    let mut stmt = conn.prepare("SELECT id FROM pieces WHERE trashed_at IS NOT NULL")?;
    let rows = stmt.query_map([], |r| r.get("id"))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Deletes the row; revisions, tag links and status history go by `ON DELETE CASCADE`.
pub(crate) fn delete(tx: &Transaction<'_>, id: i64) -> Result<(), LibraryError> {
    tx.execute("DELETE FROM pieces WHERE id = ?1", [id])?;
    Ok(())
}

/// The columns [`summary_from_row`] reads, on table alias `p`: all in the `pieces_list` index.
pub(crate) const SUMMARY_COLUMNS: &str = "p.id, p.title, p.slug, p.status, p.category,
    p.updated_at, p.publication_date, p.tags_text";

/// Reads the columns of [`SUMMARY_COLUMNS`].
pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<PieceSummary> {
    let tags: String = row.get("tags_text")?;
    Ok(PieceSummary {
        id: row.get("id")?,
        title: row.get("title")?,
        slug: row.get("slug")?,
        status: row.get("status")?,
        category: row.get("category")?,
        updated_at: row.get("updated_at")?,
        publication_date: row.get("publication_date")?,
        tags: tags
            .split(TAG_LIST_SEPARATOR)
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect(),
    })
}

/// Calls `f` with each text of every piece (trashed included) that mentions an image
/// reference: body, standfirst, lead image.
pub(crate) fn texts_naming_images(
    conn: &Connection,
    prefix: &str,
    f: &mut dyn FnMut(i64, &str),
) -> Result<(), LibraryError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, body, standfirst, coalesce(lead_image, '') AS lead_image FROM pieces
         WHERE instr(body, ?1) > 0 OR instr(standfirst, ?1) > 0 OR instr(lead_image, ?1) > 0",
    )?;
    let mut rows = stmt.query([prefix])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get("id")?;
        for column in ["body", "standfirst", "lead_image"] {
            f(
                id,
                row.get_ref(column)?
                    .as_str()
                    .map_err(rusqlite::Error::from)?,
            );
        }
    }
    Ok(())
}
