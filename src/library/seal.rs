//! The damage check at open, cheap when nothing happened (#13.14). `PRAGMA quick_check` reads
//! every page: ~300 ms on a 10,000-piece library, too slow for every start and every CLI
//! command. So Edito keeps a seal beside the file (`library.db-sealed`: its length and
//! modification time when Edito last knew it sound, after a check or after its own
//! checkpoint). Opening compares the file with the seal (a `stat` and a 40-byte read); only a
//! file changed outside Edito's own checkpoints — random bytes written into it, a copy put in
//! place, a crash between a checkpoint and its seal — pays for the full check, once.
//!
//! Edito's connections never checkpoint on their own (`wal_autocheckpoint = 0`): the library
//! checkpoints after its commits when the -wal has grown, and re-seals only when the file was
//! still as sealed just before, so a change it did not make is never sealed over.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rusqlite::Connection;

use super::backup::sidecar;
use super::LibraryError;

/// Pages of -wal after which a commit is followed by a checkpoint (SQLite's own default).
pub(crate) const CHECKPOINT_PAGES: i64 = 1000;

/// What the seal records of the library file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified_ns: u128,
}

/// The file's length and modification time now (`None`: absent or unreadable).
pub(crate) fn stamp_of(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let modified_ns = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(Stamp {
        len: meta.len(),
        modified_ns,
    })
}

fn seal_path(path: &Path) -> PathBuf {
    sidecar(path, "-sealed")
}

/// The stamp recorded by the last seal, if any.
pub(crate) fn sealed(path: &Path) -> Option<Stamp> {
    let text = std::fs::read_to_string(seal_path(path)).ok()?;
    let (len, modified) = text.trim().split_once(' ')?;
    Some(Stamp {
        len: len.parse().ok()?,
        modified_ns: modified.parse().ok()?,
    })
}

/// Records the file as it is now as sound. Best effort: without a seal the next open only
/// runs the full check again.
pub(crate) fn seal(path: &Path) -> Option<Stamp> {
    let stamp = stamp_of(path)?;
    let seal = seal_path(path);
    let partial = sidecar(&seal, ".partial");
    let written = std::fs::write(&partial, format!("{} {}\n", stamp.len, stamp.modified_ns))
        .and_then(|()| std::fs::rename(&partial, &seal));
    written.ok().map(|()| stamp)
}

/// At open: the full check when the file is not as sealed; `Corrupt` when it fails. Returns
/// the stamp the file is now known sound at.
pub(crate) fn check_at_open(conn: &Connection, path: &Path) -> Result<Option<Stamp>, LibraryError> {
    let now = stamp_of(path);
    if now.is_some() && now == sealed(path) {
        return Ok(now);
    }
    let findings: String = conn.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    if findings != "ok" {
        return Err(LibraryError::Corrupt {
            path: path.to_path_buf(),
            backups_dir: super::backup::backups_dir_for(path),
            newest_backup: super::backup::newest_in(&super::backup::backups_dir_for(path)),
        });
    }
    Ok(seal(path))
}
