//! Revisions: past states of a piece, kept on save points and at pauses in the typing, before
//! status changes and restores. Consecutive autosaves are coalesced, but the state before a
//! pause (or an explicit save, a status change, a restore) is always kept. [`retention`] bounds
//! the history.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::Status;
use super::{
    fts, pieces, retention, tags, time_stamp, Extra, Library, LibraryError, Piece, PieceFields,
    SaveKind,
};

/// An autosave after this much quiet keeps the state before the pause.
const PAUSE: Duration = Duration::minutes(2);
/// During uninterrupted typing, a state is still kept at least this often.
const INTERVAL: Duration = Duration::minutes(10);

/// Why a past state was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevisionReason {
    /// An explicit save followed it.
    SavePoint,
    /// The writer paused before the next autosave.
    Pause,
    /// Long uninterrupted typing: kept every few minutes.
    Interval,
    /// The status changed after it.
    StatusChange,
    /// An older revision was restored over it.
    Restore,
}

/// A line of a piece's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionSummary {
    /// Revision number, from 1, per piece.
    pub number: i64,
    /// Why it was kept.
    pub reason: RevisionReason,
    /// The piece version this state had.
    pub version: i64,
    /// Title at the time.
    pub title: String,
    /// When this state was saved, UTC.
    pub saved_at: String,
    /// When it was replaced and kept, UTC.
    pub kept_at: String,
}

/// A past state of a piece, in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    /// The piece.
    pub piece_id: i64,
    /// Revision number.
    pub number: i64,
    /// Why it was kept.
    pub reason: RevisionReason,
    /// The piece version this state had.
    pub version: i64,
    /// When this state was saved, UTC.
    pub saved_at: String,
    /// When it was replaced and kept, UTC.
    pub kept_at: String,
    /// Slug at the time.
    pub slug: String,
    /// The fields, flattened into the JSON object.
    #[serde(flatten)]
    pub fields: PieceFields,
    /// Status at the time.
    pub status: Status,
    /// Tags at the time.
    pub tags: Vec<String>,
    /// Unknown front-matter keys at the time.
    #[serde(default)]
    pub extra: Extra,
}

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

impl Library {
    /// The history of a piece, newest first.
    pub fn list_revisions(&self, id: i64) -> Result<Vec<RevisionSummary>, LibraryError> {
        self.read(|conn| {
            pieces::load(conn, id)?;
            let mut stmt = conn.prepare_cached(
                "SELECT number, reason, version, title, saved_at, kept_at FROM revisions
                 WHERE piece_id = ?1 ORDER BY number DESC",
            )?;
            let rows = stmt.query_map([id], |r| {
                let reason: String = r.get(1)?;
                Ok(RevisionSummary {
                    number: r.get(0)?,
                    reason: parse_reason(&reason),
                    version: r.get(2)?,
                    title: r.get(3)?,
                    saved_at: r.get(4)?,
                    kept_at: r.get(5)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// One revision in full.
    pub fn get_revision(&self, id: i64, number: i64) -> Result<Revision, LibraryError> {
        self.read(|conn| load(conn, id, number))
    }

    /// Puts the fields, tags and unknown front-matter keys of revision `number` back, keeping the current state as a
    /// revision first, so a restore can itself be undone. Slug and status stay as they are:
    /// they belong to the workflow, not to the text.
    pub fn restore_revision(&self, id: i64, number: i64) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            let current = pieces::load_live(tx, id)?;
            let old = load(tx, id, number)?;
            let now = time_stamp::now();
            keep(tx, &current, RevisionReason::Restore, &now)?;
            fts::unindex(tx, id)?;
            pieces::update(tx, id, &old.fields, &old.extra, &current.slug, &now)?;
            let old_tags = tags::clean_list(&old.tags)?;
            if old_tags != current.tags {
                tags::replace(tx, id, &old_tags)?;
            }
            fts::index(tx, id)?;
            pieces::load(tx, id)
        })
    }
}

/// Whether an autosave or save point must keep `current` before replacing it, and why.
pub(crate) fn reason_to_keep(
    conn: &Connection,
    current: &Piece,
    kind: SaveKind,
    now: OffsetDateTime,
) -> Result<Option<RevisionReason>, LibraryError> {
    let latest: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT version, kept_at FROM revisions WHERE piece_id = ?1
             ORDER BY number DESC LIMIT 1",
        )?
        .query_row([current.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if latest.as_ref().is_some_and(|(v, _)| *v == current.version) {
        return Ok(None);
    }
    if kind == SaveKind::SavePoint {
        return Ok(Some(RevisionReason::SavePoint));
    }
    let since = |stamp: &str| time_stamp::parse(stamp).map_or(Duration::MAX, |t| now - t);
    if since(&current.updated_at) >= PAUSE {
        return Ok(Some(RevisionReason::Pause));
    }
    let last_kept = latest.map_or(current.created_at.clone(), |(_, at)| at);
    Ok((since(&last_kept) >= INTERVAL).then_some(RevisionReason::Interval))
}

/// Stores `piece` as the next revision, unless the newest revision already holds this version.
pub(crate) fn keep(
    tx: &Transaction<'_>,
    piece: &Piece,
    reason: RevisionReason,
    now: &str,
) -> Result<(), LibraryError> {
    let (latest_number, latest_version): (i64, Option<i64>) = tx
        .prepare_cached(
            "SELECT coalesce(max(number), 0),
                    (SELECT version FROM revisions WHERE piece_id = ?1 ORDER BY number DESC LIMIT 1)
             FROM revisions WHERE piece_id = ?1",
        )?
        .query_row([piece.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if latest_version == Some(piece.version) {
        return Ok(());
    }
    let content = serde_json::to_string(&Snapshot {
        slug: piece.slug.clone(),
        fields: piece.fields.clone(),
        status: piece.status,
        tags: piece.tags.clone(),
        extra: piece.extra.clone(),
    })?;
    tx.prepare_cached(
        "INSERT INTO revisions (piece_id, number, reason, version, title, saved_at, kept_at, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        piece.id,
        latest_number + 1,
        reason_code(reason),
        piece.version,
        piece.fields.title,
        piece.updated_at,
        now,
        content
    ])?;
    if (latest_number + 1) % retention::PRUNE_EVERY == 0 {
        retention::prune(tx, piece.id)?;
    }
    Ok(())
}

/// Revision `number` of piece `id`.
pub(crate) fn load(conn: &Connection, id: i64, number: i64) -> Result<Revision, LibraryError> {
    pieces::load(conn, id)?;
    let row: Option<(String, i64, String, String, String)> = conn
        .prepare_cached(
            "SELECT reason, version, saved_at, kept_at, content FROM revisions
             WHERE piece_id = ?1 AND number = ?2",
        )?
        .query_row([id, number], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let (reason, version, saved_at, kept_at, content) =
        row.ok_or(LibraryError::RevisionNotFound { piece: id, number })?;
    let snapshot: Snapshot = serde_json::from_str(&content)?;
    Ok(Revision {
        piece_id: id,
        number,
        reason: parse_reason(&reason),
        version,
        saved_at,
        kept_at,
        slug: snapshot.slug,
        fields: snapshot.fields,
        status: snapshot.status,
        tags: snapshot.tags,
        extra: snapshot.extra,
    })
}

impl RevisionReason {
    /// The code stored in the library and shown by the CLI (`save_point`, `pause`…).
    pub fn as_str(self) -> &'static str {
        reason_code(self)
    }
}

fn reason_code(reason: RevisionReason) -> &'static str {
    match reason {
        RevisionReason::SavePoint => "save_point",
        RevisionReason::Pause => "pause",
        RevisionReason::Interval => "interval",
        RevisionReason::StatusChange => "status_change",
        RevisionReason::Restore => "restore",
    }
}

fn parse_reason(code: &str) -> RevisionReason {
    match code {
        "pause" => RevisionReason::Pause,
        "interval" => RevisionReason::Interval,
        "status_change" => RevisionReason::StatusChange,
        "restore" => RevisionReason::Restore,
        _ => RevisionReason::SavePoint,
    }
}
