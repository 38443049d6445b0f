//! Revisions: past states of a piece, kept on save points and at pauses in the typing, before
//! status changes and restores. Consecutive autosaves are coalesced, but the state before a
//! pause (or an explicit save, a status change, a restore) is always kept. [`retention`] bounds
//! the history.

use rusqlite::{Connection, Transaction};
use time::{Duration, OffsetDateTime};

use super::tables::{fts, pieces, revisions, tags};
use super::{
    retention, stored, time_stamp, Library, LibraryError, Piece, PieceFields, Revision,
    RevisionReason, RevisionSummary, SaveKind,
};

/// An autosave after this much quiet keeps the state before the pause.
const PAUSE: Duration = Duration::minutes(2);
/// During uninterrupted typing, a state is still kept at least this often.
const INTERVAL: Duration = Duration::minutes(3);

impl Library {
    /// The history of a piece, newest first.
    pub fn list_revisions(&self, id: i64) -> Result<Vec<RevisionSummary>, LibraryError> {
        self.read(|conn| {
            stored::load(conn, id)?;
            revisions::summaries(conn, id)
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
            let current = stored::load_live(tx, id)?;
            let old = load(tx, id, number)?;
            let now = time_stamp::now();
            keep(tx, &current, RevisionReason::Restore, &now)?;
            fts::unindex(tx, id)?;
            pieces::update(tx, id, &old.fields, &old.extra, &current.slug, &now)?;
            let old_tags = tags::clean_list(&old.tags)?;
            if old_tags != current.tags {
                tags::replace(tx, id, &old_tags)?;
            }
            stored::index(tx, id)?;
            stored::load(tx, id)
        })
    }
}

/// Characters deleted or replaced in one save above which the state before is kept: more
/// than a sentence (issue #11: a mistaken 300-character deletion lost the text as typed).
pub(crate) const LARGE_DELETION: usize = 100;

/// Whether an autosave or save point must keep `current` before `next` replaces it, and why.
pub(crate) fn reason_to_keep(
    conn: &Connection,
    current: &Piece,
    next: &PieceFields,
    kind: SaveKind,
    now: OffsetDateTime,
) -> Result<Option<RevisionReason>, LibraryError> {
    let latest = revisions::latest(conn, current.id)?;
    if latest
        .as_ref()
        .is_some_and(|l| l.version == current.version)
    {
        return Ok(None);
    }
    if deleted_chars(&current.fields, next) > LARGE_DELETION {
        return Ok(Some(RevisionReason::BeforeDeletion));
    }
    if kind == SaveKind::SavePoint {
        return Ok(Some(RevisionReason::SavePoint));
    }
    let since = |stamp: &str| time_stamp::parse(stamp).map_or(Duration::MAX, |t| now - t);
    if since(&current.updated_at) >= PAUSE {
        return Ok(Some(RevisionReason::Pause));
    }
    let last_kept = latest.map_or(current.created_at.clone(), |l| l.kept_at);
    Ok((since(&last_kept) >= INTERVAL).then_some(RevisionReason::Interval))
}

/// Characters of the text fields (kicker, title, standfirst, body) that `next` deletes or
/// replaces: per field, what lies between the common start and the common end.
pub(crate) fn deleted_chars(before: &PieceFields, next: &PieceFields) -> usize {
    let removed = |old: &str, new: &str| {
        let (old, new): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
        let start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let end = old[start..]
            .iter()
            .rev()
            .zip(new[start..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        old.len() - start - end
    };
    removed(&before.kicker, &next.kicker)
        + removed(&before.title, &next.title)
        + removed(&before.standfirst, &next.standfirst)
        + removed(&before.body, &next.body)
}

/// Stores `piece` as the next revision, unless the newest revision already holds this version.
pub(crate) fn keep(
    tx: &Transaction<'_>,
    piece: &Piece,
    reason: RevisionReason,
    now: &str,
) -> Result<(), LibraryError> {
    let latest = revisions::latest(tx, piece.id)?;
    if latest.as_ref().is_some_and(|l| l.version == piece.version) {
        return Ok(());
    }
    let number = latest.map_or(1, |l| l.number + 1);
    revisions::insert(tx, piece, number, reason, now)?;
    if number % retention::PRUNE_EVERY == 0 {
        retention::prune(tx, piece.id)?;
    }
    Ok(())
}

/// Revision `number` of piece `id`.
pub(crate) fn load(conn: &Connection, id: i64, number: i64) -> Result<Revision, LibraryError> {
    stored::load(conn, id)?;
    revisions::select(conn, id, number)?.ok_or(LibraryError::RevisionNotFound { piece: id, number })
}
