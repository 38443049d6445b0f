//! The `images` table: one row per image kept in the library (its bytes are a file, see
//! `library/images.rs`). The columns are listed once, in [`COLUMNS`]; rows are read by name.

use std::sync::LazyLock;

use rusqlite::{named_params, Connection, OptionalExtension, Row, Transaction};

use crate::library::{ImageRecord, ImageText, LibraryError};

/// Every column of `images` an [`ImageRecord`] holds, in table order (`added_at` is
/// bookkeeping, read only by collection).
const COLUMNS: &[&str] = &[
    "id",
    "media_type",
    "width",
    "height",
    "byte_len",
    "original_name",
    "alt",
    "decorative",
    "caption",
    "credit",
    "created_at",
];

static SELECT: LazyLock<String> =
    LazyLock::new(|| format!("SELECT {} FROM images", COLUMNS.join(", ")));

static INSERT: LazyLock<String> = LazyLock::new(|| {
    let params: Vec<String> = COLUMNS.iter().map(|c| format!(":{c}")).collect();
    format!(
        "INSERT INTO images ({}, added_at) VALUES ({}, :created_at)",
        COLUMNS.join(", "),
        params.join(", ")
    )
});

fn read(row: &Row<'_>) -> rusqlite::Result<ImageRecord> {
    Ok(ImageRecord {
        id: row.get("id")?,
        media_type: row.get("media_type")?,
        width: row.get("width")?,
        height: row.get("height")?,
        // At most 50 MB (`MAX_IMAGE_BYTES`): an i64 in SQLite.
        byte_len: row.get::<_, i64>("byte_len")?.max(0) as u64,
        original_name: row.get("original_name")?,
        alt: row.get("alt")?,
        decorative: row.get("decorative")?,
        caption: row.get("caption")?,
        credit: row.get("credit")?,
        created_at: row.get("created_at")?,
    })
}

/// The image `id`, if the library has it.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Option<ImageRecord>, LibraryError> {
    Ok(conn
        .prepare_cached(&format!("{} WHERE id = ?1", *SELECT))?
        .query_row([id], read)
        .optional()?)
}

/// Every image, newest first.
pub(crate) fn all(conn: &Connection) -> Result<Vec<ImageRecord>, LibraryError> {
    let mut stmt = conn.prepare_cached(&format!("{} ORDER BY created_at DESC, id", *SELECT))?;
    let rows = stmt.query_map([], read)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Stores a new image's row (`created_at` is also its first `added_at`).
pub(crate) fn insert(tx: &Transaction<'_>, image: &ImageRecord) -> Result<(), LibraryError> {
    tx.prepare_cached(&INSERT)?.execute(named_params! {
        ":id": image.id,
        ":media_type": image.media_type,
        ":width": image.width,
        ":height": image.height,
        ":byte_len": image.byte_len as i64,
        ":original_name": image.original_name,
        ":alt": image.alt,
        ":decorative": image.decorative,
        ":caption": image.caption,
        ":credit": image.credit,
        ":created_at": image.created_at,
    })?;
    Ok(())
}

/// Records that image `id` was just added again (collection spares it for a while).
pub(crate) fn touch(tx: &Transaction<'_>, id: &str, now: &str) -> Result<(), LibraryError> {
    tx.execute(
        "UPDATE images SET added_at = ?2 WHERE id = ?1",
        rusqlite::params![id, now],
    )?;
    Ok(())
}

/// Replaces the image's text (alt, decorative, caption, credit); false when no such image.
pub(crate) fn set_text(
    tx: &Transaction<'_>,
    id: &str,
    text: &ImageText,
) -> Result<bool, LibraryError> {
    let changed = tx.execute(
        "UPDATE images SET alt = :alt, decorative = :decorative, caption = :caption,
             credit = :credit WHERE id = :id",
        named_params! {
            ":id": id,
            ":alt": text.alt,
            ":decorative": text.decorative,
            ":caption": text.caption,
            ":credit": text.credit,
        },
    )?;
    Ok(changed == 1)
}

/// The ids of the images last added before `cutoff` (a UTC time stamp).
pub(crate) fn added_before(conn: &Connection, cutoff: &str) -> Result<Vec<String>, LibraryError> {
    let mut stmt = conn.prepare_cached("SELECT id FROM images WHERE added_at < ?1 ORDER BY id")?;
    let rows = stmt.query_map([cutoff], |r| r.get("id"))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Deletes the row of image `id`.
pub(crate) fn delete(tx: &Transaction<'_>, id: &str) -> Result<(), LibraryError> {
    tx.execute("DELETE FROM images WHERE id = ?1", [id])?;
    Ok(())
}
