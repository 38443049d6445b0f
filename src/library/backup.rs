//! Backups: consistent snapshots of the library (`VACUUM INTO`, safe while the app writes)
//! in `<data dir>/backups/library-YYYYMMDD-HHMMSS.db`, one a day automatically, the last
//! [`BACKUPS_KEPT`] kept (restoring one is `restore.rs`). A backup is written under a
//! temporary name, verified, then renamed: a failed or empty file never counts as a backup.

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::{image_backups, migrations, time_stamp, Library, LibraryError, SCHEMA_VERSION};

/// Folder of the backups, beside the library file.
pub const BACKUPS_DIR: &str = "backups";
/// How many automatic and manual backups are kept; older ones are deleted.
pub const BACKUPS_KEPT: usize = 14;
/// `backup_if_due` makes a backup when the newest is older than this.
const BACKUP_EVERY: Duration = Duration::days(1);
const PREFIX: &str = "library-";
pub(crate) const SUFFIX: &str = ".db";
/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// A backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupInfo {
    /// Where it is.
    pub path: PathBuf,
    /// When it was made, UTC, from its name (`YYYYMMDD-HHMMSS`).
    pub made_at: String,
    /// Size in bytes.
    pub size_bytes: u64,
    /// An older backup kept beyond the [`BACKUPS_KEPT`] because it holds a larger library than
    /// any of them (pieces may have been lost since): say so to the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub larger_kept: Option<PathBuf>,
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
        let partial = dir.join(format!(".partial-{stamp}-{}{SUFFIX}", std::process::id()));
        // The images the snapshot lists are saved before it is published: a published backup
        // always has its images beside it (except those already lost from the library).
        let made = self
            .write_backup(&partial)
            .and_then(|()| {
                image_backups::save_images(self.path(), &partial, &dir).map_err(|reason| {
                    LibraryError::BackupNotMade {
                        dir: dir.clone(),
                        reason,
                    }
                })
            })
            .and_then(|_skipped| publish(&dir, &stamp, &partial));
        if made.is_err() {
            // A failed VACUUM INTO (disk full) leaves a partial file: it is never a backup.
            let _ = std::fs::remove_file(&partial);
        }
        let path = made?;
        let larger_kept = prune(&dir)?;
        image_backups::prune_images(&dir)?;
        Ok(BackupInfo {
            larger_kept,
            ..info(&path)?
        })
    }

    /// Writes a snapshot of the library to `partial` and checks it can be restored.
    fn write_backup(&self, partial: &Path) -> Result<(), LibraryError> {
        let not_made = |reason: String| LibraryError::BackupNotMade {
            dir: partial.parent().unwrap_or(partial).to_path_buf(),
            reason,
        };
        let _ = std::fs::remove_file(partial);
        let target = partial.to_string_lossy().into_owned();
        // VACUUM INTO reads one consistent snapshot and writes a compact, self-contained file
        // (no -wal beside it), so a backup is a single file to copy anywhere.
        self.conn().execute("VACUUM INTO ?1", [&target]).map_err(
            |err| match LibraryError::from(err) {
                LibraryError::DiskFull => not_made("the disk is full".into()),
                other => not_made(super::classify(other, self.path()).to_string()),
            },
        )?;
        std::fs::File::open(partial)
            .and_then(|f| f.sync_all())
            .map_err(|err| not_made(err.to_string()))?;
        check_backup(partial).map_err(|err| match err {
            LibraryError::BadBackup { reason, .. } => not_made(reason),
            other => other,
        })
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

/// Opens `backup` read-only and checks it is a whole Edito library this build can open
/// (`PRAGMA integrity_check`, schema version).
pub(crate) fn check_backup(backup: &Path) -> Result<(), LibraryError> {
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

/// Moves the verified `partial` to `library-STAMP[-N].db`, numbered after the last backup of
/// the same second (never in a gap left by pruning, so names sort in the order the backups
/// were made) and never over an existing file (two processes backing up at once).
fn publish(dir: &Path, stamp: &str, partial: &Path) -> Result<PathBuf, LibraryError> {
    let mut n = list_all(dir)
        .iter()
        .filter(|b| b.stamp == stamp)
        .map(|b| b.n)
        .max()
        .map_or(1, |n| n + 1);
    loop {
        let path = if n == 1 {
            dir.join(format!("{PREFIX}{stamp}{SUFFIX}"))
        } else {
            dir.join(format!("{PREFIX}{stamp}-{n}{SUFFIX}"))
        };
        match std::fs::hard_link(partial, &path) {
            Ok(()) => {
                let _ = std::fs::remove_file(partial);
                return Ok(path);
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
            Err(source) => return Err(LibraryError::Backup { path, source }),
        }
    }
}

/// The newest usable backup of the library in `data_dir`, if any: the one the damage messages
/// recommend and the window's "restore the latest backup" puts back.
pub fn newest_backup(data_dir: &Path) -> Option<PathBuf> {
    newest_in(&data_dir.join(BACKUPS_DIR))
}

/// The most recent usable backup in `dir`, if any.
pub(crate) fn newest_in(dir: &Path) -> Option<PathBuf> {
    list_in(dir).pop().map(|b| b.path)
}

/// A backup file found in the folder.
struct Found {
    stamp: String,
    n: u32,
    path: PathBuf,
}

/// Usable backups in `dir`, oldest first: named by [`Library::backup_now`] and starting like
/// an SQLite file. An empty or truncated file (a backup that failed before this build
/// verified them) is never listed, so never recommended, never counted among those kept.
fn list_in(dir: &Path) -> Vec<Found> {
    let mut found = list_all(dir);
    found.retain(|b| looks_like_sqlite(&b.path));
    found
}

fn looks_like_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == SQLITE_MAGIC)
}

/// Every file in `dir` named like a backup, oldest first. Other files in the folder are
/// never listed, so never pruned.
fn list_all(dir: &Path) -> Vec<Found> {
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

/// Deletes the oldest usable backups beyond [`BACKUPS_KEPT`], except the largest of them when
/// it is larger than every backup kept: a library that shrank (pieces lost, a damaged file
/// backed up) must not push its last large backup out. Returns that one when it was kept.
fn prune(dir: &Path) -> Result<Option<PathBuf>, LibraryError> {
    let all = list_in(dir);
    let excess = all.len().saturating_sub(BACKUPS_KEPT);
    let size = |b: &Found| std::fs::metadata(&b.path).map_or(0, |m| m.len());
    let largest_kept = all[excess..].iter().map(size).max().unwrap_or(0);
    let spared = all[..excess]
        .iter()
        .max_by_key(|b| size(b))
        .filter(|b| size(b) > largest_kept)
        .map(|b| b.path.clone());
    for Found { path, .. } in all.into_iter().take(excess) {
        if Some(&path) != spared.as_ref() {
            std::fs::remove_file(&path).map_err(|source| LibraryError::Backup { path, source })?;
        }
    }
    Ok(spared)
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
        larger_kept: None,
    })
}

/// `path` with `suffix` appended to its name (`library.db` → `library.db-wal`).
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
