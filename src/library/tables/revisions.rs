//! The `revisions` table: past states of a piece, numbered from 1 per piece, each a JSON
//! snapshot of the piece in `content`.

use rusqlite::{named_params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::library::{
    Extra, LibraryError, Piece, PieceFields, Revision, RevisionReason, RevisionSummary, Status,
};

/// What the `content` column holds. Snapshots written before `extra` existed read back with
/// an empty one.
#[derive(Serialize, Deserialize)]
struct Snapshot {
    slug: String,
    #[serde(flatten)]
    fields: PieceFields,
    status: Status,
    tags: Vec<String>,
    #[serde(default)]
    extra: Extra,
}

/// The newest revision of a piece, as a save needs to know it.
pub(crate) struct Latest {
    /// Its number (the next one is this + 1).
    pub number: i64,
    /// The piece version it holds.
    pub version: i64,
    /// When it was kept, UTC.
    pub kept_at: String,
}

/// The newest revision of piece `id`, if it has any.
pub(crate) fn latest(conn: &Connection, id: i64) -> Result<Option<Latest>, LibraryError> {
    Ok(conn
        .prepare_cached(
            "SELECT number, version, kept_at FROM revisions WHERE piece_id = ?1
             ORDER BY number DESC LIMIT 1",
        )?
        .query_row([id], |r| {
            Ok(Latest {
                number: r.get("number")?,
                version: r.get("version")?,
                kept_at: r.get("kept_at")?,
            })
        })
        .optional()?)
}

/// Stores `piece` as revision `number`.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    piece: &Piece,
    number: i64,
    reason: RevisionReason,
    now: &str,
) -> Result<(), LibraryError> {
    let content = serde_json::to_string(&Snapshot {
        slug: piece.slug.clone(),
        fields: piece.fields.clone(),
        status: piece.status,
        tags: piece.tags.clone(),
        extra: piece.extra.clone(),
    })?;
    tx.prepare_cached(
        "INSERT INTO revisions (piece_id, number, reason, version, title, saved_at, kept_at, content)
         VALUES (:piece_id, :number, :reason, :version, :title, :saved_at, :kept_at, :content)",
    )?
    .execute(named_params! {
        ":piece_id": piece.id,
        ":number": number,
        ":reason": reason,
        ":version": piece.version,
        ":title": piece.fields.title,
        ":saved_at": piece.updated_at,
        ":kept_at": now,
        ":content": content,
    })?;
    Ok(())
}

/// Revision `number` of piece `id`, if it exists.
pub(crate) fn select(
    conn: &Connection,
    id: i64,
    number: i64,
) -> Result<Option<Revision>, LibraryError> {
    let row = conn
        .prepare_cached(
            "SELECT reason, version, saved_at, kept_at, content FROM revisions
             WHERE piece_id = ?1 AND number = ?2",
        )?
        .query_row([id, number], |r| {
            let content: String = r.get("content")?;
            Ok((RevisionSummaryParts::from_row(r)?, content))
        })
        .optional()?;
    let Some((parts, content)) = row else {
        return Ok(None);
    };
    let snapshot: Snapshot = serde_json::from_str(&content)?;
    Ok(Some(Revision {
        piece_id: id,
        number,
        reason: parts.reason,
        version: parts.version,
        saved_at: parts.saved_at,
        kept_at: parts.kept_at,
        slug: snapshot.slug,
        fields: snapshot.fields,
        status: snapshot.status,
        tags: snapshot.tags,
        extra: snapshot.extra,
    }))
}

/// The columns a revision's summary and its full form share.
struct RevisionSummaryParts {
    reason: RevisionReason,
    version: i64,
    saved_at: String,
    kept_at: String,
}

impl RevisionSummaryParts {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            reason: r.get("reason")?,
            version: r.get("version")?,
            saved_at: r.get("saved_at")?,
            kept_at: r.get("kept_at")?,
        })
    }
}

/// The history of piece `id`, newest first.
pub(crate) fn summaries(conn: &Connection, id: i64) -> Result<Vec<RevisionSummary>, LibraryError> {
    let mut stmt = conn.prepare_cached(
        "SELECT number, reason, version, title, saved_at, kept_at FROM revisions
         WHERE piece_id = ?1 ORDER BY number DESC",
    )?;
    let rows = stmt.query_map([id], |r| {
        let parts = RevisionSummaryParts::from_row(r)?;
        Ok(RevisionSummary {
            number: r.get("number")?,
            reason: parts.reason,
            version: parts.version,
            title: r.get("title")?,
            saved_at: parts.saved_at,
            kept_at: parts.kept_at,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A revision as the retention policy sees it: number, when it was kept (as stored), and
/// whether it is a workflow milestone (kept at a status change).
pub(crate) fn kept(conn: &Connection, id: i64) -> Result<Vec<(i64, String, bool)>, LibraryError> {
    let mut stmt = conn.prepare_cached(
        "SELECT number, kept_at, reason = 'status_change' AS milestone FROM revisions
         WHERE piece_id = ?1",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((r.get("number")?, r.get("kept_at")?, r.get("milestone")?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Deletes revision `number` of piece `id`.
pub(crate) fn delete(tx: &Transaction<'_>, id: i64, number: i64) -> Result<(), LibraryError> {
    tx.prepare_cached("DELETE FROM revisions WHERE piece_id = ?1 AND number = ?2")?
        .execute([id, number])?;
    Ok(())
}

/// Calls `f` with the JSON snapshot of every revision that mentions an image reference.
pub(crate) fn contents_naming_images(
    conn: &Connection,
    prefix: &str,
    f: &mut dyn FnMut(&str),
) -> Result<(), LibraryError> {
    let mut stmt =
        conn.prepare_cached("SELECT content FROM revisions WHERE instr(content, ?1) > 0")?;
    let mut rows = stmt.query([prefix])?;
    while let Some(row) = rows.next()? {
        f(row
            .get_ref("content")?
            .as_str()
            .map_err(rusqlite::Error::from)?);
    }
    Ok(())
}
