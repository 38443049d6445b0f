//! Backups: consistent snapshots of the library (`VACUUM INTO`, safe while the app writes)
//! in `<data dir>/backups/library-YYYYMMDD-HHMMSS.db`, one a day automatically, the last
//! [`BACKUPS_KEPT`] kept; and the restore that puts one back without losing the current file.

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::{migrations, time_stamp, Library, LibraryError, SCHEMA_VERSION};
use crate::paths::LIBRARY_FILE;

/// Folder of the backups, beside the library file.
pub const BACKUPS_DIR: &str = "backups";
/// How many automatic and manual backups are kept; older ones are deleted.
pub const BACKUPS_KEPT: usize = 14;
/// `backup_if_due` makes a backup when the newest is older than this.
const BACKUP_EVERY: Duration = Duration::days(1);
const PREFIX: &str = "library-";
const SUFFIX: &str = ".db";

/// A backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// When it was made, UTC, from its name (`YYYYMMDD-HHMMSS`).
    pub made_at: String,
    /// Size in bytes.
    pub size_bytes: u64,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoreReport {
    /// The backup now in use.
    pub restored_from: PathBuf,
    /// Where the library that was replaced was put aside (never deleted), if there was one.
    pub previous_saved_as: Option<PathBuf>,
}

impl Library {
    /// The backups folder of this library.
    pub fn backups_dir(&self) -> PathBuf {
        backups_dir_for(self.path())
    }

    /// Makes a backup now and deletes the oldest beyond [`BACKUPS_KEPT`].
    pub fn backup_now(&self) -> Result<BackupInfo, LibraryError> {
        let dir = self.backups_dir();
        std::fs::create_dir_all(&dir).map_err(|source| LibraryError::Backup {
            path: dir.clone(),
            source,
        })?;
        let stamp = time_stamp::file_stamp(OffsetDateTime::now_utc());
        // Numbered after the last backup of the same second, never in a gap left by pruning,
        // so names always sort in the order the backups were made.
        let n = list_in(&dir)
            .iter()
            .filter(|b| b.stamp == stamp)
            .map(|b| b.n)
            .max()
            .map_or(1, |n| n + 1);
        let path = if n == 1 {
            dir.join(format!("{PREFIX}{stamp}{SUFFIX}"))
        } else {
            dir.join(format!("{PREFIX}{stamp}-{n}{SUFFIX}"))
        };
        let target = path.to_string_lossy().into_owned();
        // VACUUM INTO reads one consistent snapshot and writes a compact, self-contained file
        // (no -wal beside it), so a backup is a single file to copy anywhere.
        self.conn()
            .execute("VACUUM INTO ?1", [&target])
            .map_err(LibraryError::from)?;
        prune(&dir)?;
        info(&path)
    }

    /// Makes a backup if the newest is more than a day old (call at start-up and now and then).
    pub fn backup_if_due(&self) -> Result<Option<BackupInfo>, LibraryError> {
        let newest = list_in(&self.backups_dir()).into_iter().next_back();
        let due = newest.is_none_or(|b| {
            time_stamp::parse_file_stamp(&b.stamp)
                .is_none_or(|at| OffsetDateTime::now_utc() - at >= BACKUP_EVERY)
        });
        if due {
            self.backup_now().map(Some)
        } else {
            Ok(None)
        }
    }

    /// The backups of this library, oldest first.
    pub fn list_backups(&self) -> Result<Vec<BackupInfo>, LibraryError> {
        list_in(&self.backups_dir())
            .into_iter()
            .map(|b| info(&b.path))
            .collect()
    }
}

/// Replaces the library of `data_dir` by `backup`, which must be a sound Edito library. The
/// current library (if any) is moved into the backups folder as
/// `library-before-restore-YYYYMMDD-HHMMSS.db`, never deleted. Close every [`Library`] on
/// this folder first (the app, other commands).
pub fn restore_backup(data_dir: &Path, backup: &Path) -> Result<RestoreReport, LibraryError> {
    check_backup(backup)?;
    let library = data_dir.join(LIBRARY_FILE);
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LibraryError::Backup { path, source }
    };
    let previous_saved_as = if library.exists() {
        let dir = backups_dir_for(&library);
        std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        let stamp = time_stamp::file_stamp(OffsetDateTime::now_utc());
        let aside = dir.join(format!("library-before-restore-{stamp}{SUFFIX}"));
        // The -wal holds the latest commits: it moves with the file it belongs to.
        std::fs::rename(&library, &aside).map_err(io_err(&library))?;
        let wal = sidecar(&library, "-wal");
        if wal.exists() {
            std::fs::rename(&wal, sidecar(&aside, "-wal")).map_err(io_err(&wal))?;
        }
        let _ = std::fs::remove_file(sidecar(&library, "-shm"));
        Some(aside)
    } else {
        None
    };
    // Copy beside the target, then rename: the library file is never half-written.
    let partial = data_dir.join(format!("{LIBRARY_FILE}.restoring"));
    std::fs::copy(backup, &partial).map_err(io_err(backup))?;
    std::fs::rename(&partial, &library).map_err(io_err(&library))?;
    Library::open_file(&library)?;
    Ok(RestoreReport {
        restored_from: backup.to_path_buf(),
        previous_saved_as,
    })
}

/// Opens `backup` read-only and checks it is a whole Edito library this build can open.
fn check_backup(backup: &Path) -> Result<(), LibraryError> {
    let bad = |reason: String| LibraryError::BadBackup {
        path: backup.to_path_buf(),
        reason,
    };
    let conn = rusqlite::Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| bad(e.to_string()))?;
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| bad(e.to_string()))?;
    if check != "ok" {
        return Err(bad(format!("integrity check: {check}")));
    }
    let version = migrations::schema_version(&conn).map_err(|e| bad(e.to_string()))?;
    if version == 0 || version > SCHEMA_VERSION {
        return Err(bad(format!("schema version {version}")));
    }
    Ok(())
}

/// `<folder of the library file>/backups`.
pub(crate) fn backups_dir_for(library: &Path) -> PathBuf {
    library
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUPS_DIR)
}

/// The most recent backup in `dir`, if any.
pub(crate) fn newest_in(dir: &Path) -> Option<PathBuf> {
    list_in(dir).pop().map(|b| b.path)
}

/// A backup file found in the folder.
struct Found {
    stamp: String,
    n: u32,
    path: PathBuf,
}

/// Backups in `dir` named by [`Library::backup_now`], oldest first. Other files in the folder
/// are never listed, so never pruned.
fn list_in(dir: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = entries
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?;
            let stem = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
            let (stamp, n) = match stem.split_at_checked(15)? {
                (stamp, "") => (stamp, 1),
                (stamp, rest) => (stamp, rest.strip_prefix('-')?.parse().ok()?),
            };
            time_stamp::parse_file_stamp(stamp)?;
            Some(Found {
                stamp: stamp.to_string(),
                n,
                path,
            })
        })
        .collect();
    found.sort_by(|a, b| (&a.stamp, a.n).cmp(&(&b.stamp, b.n)));
    found
}

fn prune(dir: &Path) -> Result<(), LibraryError> {
    let all = list_in(dir);
    let excess = all.len().saturating_sub(BACKUPS_KEPT);
    for Found { path, .. } in all.into_iter().take(excess) {
        std::fs::remove_file(&path).map_err(|source| LibraryError::Backup { path, source })?;
    }
    Ok(())
}

fn info(path: &Path) -> Result<BackupInfo, LibraryError> {
    let meta = std::fs::metadata(path).map_err(|source| LibraryError::Backup {
        path: path.to_path_buf(),
        source,
    })?;
    let made_at = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_prefix(PREFIX))
        .map(|n| n.chars().take(15).collect())
        .unwrap_or_default();
    Ok(BackupInfo {
        path: path.to_path_buf(),
        made_at,
        size_bytes: meta.len(),
    })
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
