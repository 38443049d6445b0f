//! The editorial library: one SQLite file on disk (WAL mode), opened once and shared by the
//! desktop shell and the CLI. Each table has its own module under `tables/`, which imports no
//! other; the operations (save, create, restore, trash…) sit above them. Every write goes through
//! `Library::write`, one `BEGIN IMMEDIATE` transaction covering the piece, its revision and
//! its search index row, so a crash leaves either all of a save or none of it.

mod backup;
mod diff;
mod error;
mod filter;
mod image_backups;
mod image_files;
mod images;
mod migrations;
mod model;
mod pieces;
mod publications;
mod restore;
mod retention;
mod revisions;
mod seal;
mod search;
mod settings;
mod slug;
mod snippet;
mod status;
mod stored;
mod tables;
mod tags;
mod time_stamp;
mod trash;
mod welcome;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use backup::{newest_backup, BackupInfo, BACKUPS_DIR, BACKUPS_KEPT};
pub use diff::{DiffOp, DiffSegment, FieldDiff, RevisionDiff};
pub use error::LibraryError;
pub use filter::PieceFilter;
pub use image_files::IMAGES_DIR;
pub use images::{ImagePlacement, ImageProblem, ImageRecord, ImageText};
pub use migrations::SCHEMA_VERSION;
pub use model::{
    Extra, Lang, NewPiece, Piece, PieceEdit, PieceFields, PieceSummary, Revision, RevisionReason,
    RevisionSummary, SaveKind, Status, StatusChange, TagCount, MAX_BODY_BYTES, MAX_TAGS_PER_PIECE,
};
pub use publications::{Publication, PublicationEvent, RemoteMedia, SentFields};
pub use restore::{restore_backup, Recovery, RestoreReport};
pub use search::{SearchHit, SearchQuery, SnippetSegment};
pub use settings::SettingKey;
pub use slug::slugify;

use crate::paths::LIBRARY_FILE;

/// How long a writer waits for another process (the CLI, a second window) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The `synchronous` policy: how hard SQLite works to get each commit onto the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Synchronous {
    /// Every commit `NORMAL`: survives a crash of the app (WAL), but a power cut may lose the
    /// commits since the last checkpoint.
    Normal,
    /// Every commit `FULL`: one fsync of the WAL per commit, survives a power cut.
    Full,
    /// The default: autosaves `NORMAL`, everything else `FULL` (save points, status changes,
    /// restores, tags, trash). A `FULL` commit fsyncs the whole WAL, so it also makes every
    /// autosave before it durable: a power cut can only lose the autosaves since the last save
    /// point (the app makes one on blur and on close), an app crash loses nothing.
    #[default]
    Tiered,
}

/// An open library. Cheap to share behind an `Arc`; calls are serialized on one connection,
/// which is what SQLite does for writers anyway and keeps every save a single transaction.
#[derive(Debug)]
pub struct Library {
    conn: Mutex<Connection>,
    path: PathBuf,
    /// The [`Synchronous`] policy, as its index.
    policy: AtomicU8,
    /// The `synchronous` level last set on the connection (1 NORMAL, 2 FULL), changed only
    /// while the connection lock is held.
    applied: AtomicU8,
    /// What opening had to settle of an interrupted restore.
    recovery: Option<Recovery>,
    /// The file's stamp when this library last knew it sound (see `seal.rs`); `None` when a
    /// change it did not make was seen, or for a read-only library.
    seal: Mutex<Option<seal::Stamp>>,
}

/// SQLite's codes for the `synchronous` levels used here.
const SYNC_NORMAL: u8 = 1;
const SYNC_FULL: u8 = 2;

impl Library {
    /// Opens (creating if needed) `library.db` inside `data_dir`.
    pub fn open_in(data_dir: &Path) -> Result<Self, LibraryError> {
        std::fs::create_dir_all(data_dir).map_err(|source| LibraryError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Self::open_file(&data_dir.join(LIBRARY_FILE))
    }

    /// Opens (creating if needed) the library at exactly `path`, upgrading its schema.
    ///
    /// First settles a restore that was interrupted ([`Library::recovery`] says what was
    /// found). A missing or empty file is only created anew when there are no backups beside
    /// it: with backups, it is [`LibraryError::Missing`] (a new empty library would hide the
    /// writer's work, and its daily backups would push the good ones out).
    pub fn open_file(path: &Path) -> Result<Self, LibraryError> {
        let recovery = restore::recover(path)?;
        if is_missing_or_empty(path) {
            let backups_dir = backup::backups_dir_for(path);
            if let Some(newest_backup) = backup::newest_in(&backups_dir) {
                return Err(LibraryError::Missing {
                    path: path.to_path_buf(),
                    newest_backup,
                });
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut library = Self::open_with(path, flags)?;
        library.recovery = recovery;
        Ok(library)
    }

    /// Opens an existing library without ever writing to it (to inspect a backup, or a file
    /// on a read-only medium). Every write then fails with [`LibraryError::ReadOnly`].
    pub fn open_read_only(path: &Path) -> Result<Self, LibraryError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|err| classify(LibraryError::from(err), path))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|err| classify(err.into(), path))?;
        let found = migrations::schema_version(&conn).map_err(|err| classify(err, path))?;
        if found > SCHEMA_VERSION {
            return Err(LibraryError::TooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(LibraryError::invalid(
                "library",
                format!(
                    "`{}` uses an older schema ({found}) that must be upgraded first: open it once without read-only",
                    path.display()
                ),
            ));
        }
        Ok(Library::new(conn, path))
    }

    fn open_with(path: &Path, flags: OpenFlags) -> Result<Self, LibraryError> {
        let mut conn = Connection::open_with_flags(path, flags)
            .map_err(|err| classify(LibraryError::from(err), path))?;
        configure(&conn).map_err(|err| classify(err.into(), path))?;
        let sound = seal::check_at_open(&conn, path).map_err(|err| classify(err, path))?;
        migrations::migrate(&mut conn).map_err(|err| classify(err, path))?;
        let library = Library::new(conn, path);
        *lock(&library.seal) = sound;
        Ok(library)
    }

    fn new(conn: Connection, path: &Path) -> Self {
        Library {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
            policy: AtomicU8::new(Synchronous::Tiered as u8),
            applied: AtomicU8::new(SYNC_FULL),
            recovery: None,
            seal: Mutex::new(None),
        }
    }

    /// The database file this library lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Chooses how durable each commit is (see [`Synchronous`]; `Tiered` unless changed).
    pub fn set_synchronous(&self, policy: Synchronous) {
        self.policy.store(policy as u8, Ordering::Relaxed);
    }

    /// The `synchronous` level a commit gets under the current policy.
    fn sync_level(&self, autosave: bool) -> u8 {
        match self.policy.load(Ordering::Relaxed) {
            p if p == Synchronous::Normal as u8 => SYNC_NORMAL,
            p if p == Synchronous::Full as u8 => SYNC_FULL,
            _ if autosave => SYNC_NORMAL,
            _ => SYNC_FULL,
        }
    }

    /// How long a write waits for another process before failing with [`LibraryError::Busy`].
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<(), LibraryError> {
        Ok(self.conn().busy_timeout(timeout)?)
    }

    /// `PRAGMA integrity_check`, then the images ([`Library::check_images`]): `["ok"]` for a
    /// sound library, else SQLite's findings, or one line per image problem.
    pub fn integrity_check(&self) -> Result<Vec<String>, LibraryError> {
        let findings: Vec<String> = self.read(|conn| {
            let mut stmt = conn.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |row| row.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })?;
        if findings != ["ok"] {
            return Ok(findings);
        }
        let images = self.check_images()?;
        if images.is_empty() {
            return Ok(findings);
        }
        Ok(images.iter().map(ToString::to_string).collect())
    }

    /// FTS5's own check that the search index matches the pieces (false: it does not; the
    /// index can be rebuilt from the pieces, nothing is lost).
    pub fn check_search_index(&self) -> Result<bool, LibraryError> {
        self.write(|tx| tables::fts::check(tx))
    }

    /// Maintenance: merges the search index into one segment (much faster prefix and
    /// common-word searches) and refreshes SQLite's planner statistics. Seconds on a large
    /// library, during which writes wait: run it off the UI thread, e.g. after a daily
    /// [`Library::backup_if_due`] that made a backup.
    pub fn optimize(&self) -> Result<(), LibraryError> {
        self.write(|tx| tables::fts::optimize(tx))?;
        self.read(|conn| Ok(conn.execute_batch("PRAGMA optimize")?))
    }

    /// The connection, for the query modules. A poisoned lock only means another thread
    /// panicked mid-call; SQLite rolled its transaction back, so the connection is still sound.
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` in a read transaction, so the rows it reads form one consistent snapshot
    /// even while another process writes.
    fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let mut conn = self.conn();
        let result = conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(LibraryError::from)
            .and_then(|tx| f(&tx));
        result.map_err(|err| classify(err, &self.path))
    }

    /// Runs `f` in one write transaction, taken up front (`IMMEDIATE`) so that a busy
    /// library fails before any work is done rather than at commit. Nothing of `f` is kept
    /// unless it returns `Ok` and the commit succeeds.
    fn write<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        self.write_with(false, f)
    }

    /// [`Library::write`] for a commit that may be less durable under the `Tiered` policy.
    fn write_with<T>(
        &self,
        autosave: bool,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let mut conn = self.conn();
        let level = self.sync_level(autosave);
        if self.applied.load(Ordering::Relaxed) != level {
            conn.pragma_update(None, "synchronous", level)
                .map_err(|err| classify(err.into(), &self.path))?;
            self.applied.store(level, Ordering::Relaxed);
        }
        let result = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(LibraryError::from)
            .and_then(|tx| {
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            });
        let result = result.map_err(|err| classify(err, &self.path));
        if result.is_ok() {
            // In WAL mode the -wal exists as long as a connection is open. Gone after a
            // commit means it was deleted under us: this commit went into a file no one will
            // read again, and "saved" would be a lie.
            if !backup::sidecar(&self.path, "-wal").exists() {
                return Err(LibraryError::FilesChanged {
                    path: self.path.clone(),
                });
            }
            self.checkpoint_if_due(&conn, false);
        }
        result
    }

    /// Copies the -wal into the file once it holds [`seal::CHECKPOINT_PAGES`] pages (or
    /// always, at close), and re-seals the file when it was still as this library sealed it.
    /// A failed checkpoint is harmless (the commits are in the -wal): the next one retries.
    fn checkpoint_if_due(&self, conn: &Connection, closing: bool) {
        let wal_len = std::fs::metadata(backup::sidecar(&self.path, "-wal")).map_or(0, |m| m.len());
        if !closing && wal_len < seal::CHECKPOINT_PAGES as u64 * 4096 {
            return;
        }
        let mut sealed = lock(&self.seal);
        let untouched = sealed.is_some() && *sealed == seal::stamp_of(&self.path);
        let mode = if closing { "TRUNCATE" } else { "PASSIVE" };
        let done = conn
            .query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |_| Ok(()))
            .is_ok();
        *sealed = if untouched && done {
            seal::seal(&self.path)
        } else {
            None
        };
    }
}

impl Drop for Library {
    fn drop(&mut self) {
        let conn = self.conn();
        if !conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            self.checkpoint_if_due(&conn, true);
        }
    }
}

/// A poisoned lock only means another thread panicked while holding a plain value.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// True when `path` holds no library: absent, or empty with no write-ahead log beside it (a
/// library just created can be an empty file whose pages are all still in its -wal).
fn is_missing_or_empty(path: &Path) -> bool {
    let len = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    !path.exists() || (len(path) == 0 && len(&backup::sidecar(path, "-wal")) == 0)
}

/// True when SQLite's failure comes from the library's files changing under it: the file
/// moved or replaced (`SQLITE_READONLY_DBMOVED`), or an I/O error while its -wal or -shm is
/// gone (deleted by hand or by a cleaning tool while Edito had them open).
fn files_changed(err: &rusqlite::Error, path: &Path) -> bool {
    use rusqlite::ffi;
    let rusqlite::Error::SqliteFailure(failure, _) = err else {
        return false;
    };
    let gone = |suffix: &str| !backup::sidecar(path, suffix).exists();
    failure.extended_code == ffi::SQLITE_READONLY_DBMOVED
        || (failure.code == ffi::ErrorCode::SystemIoFailure
            && (!path.exists() || gone("-wal") || gone("-shm")))
}

/// Connection settings. WAL lets readers (the CLI) work while the app writes. `synchronous`
/// starts FULL; [`Library::write_with`] lowers it to NORMAL for autosaves only (the `Tiered`
/// policy: an fsync costs ~4 ms on the reference machine, see docs/PERFORMANCE.md).
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Checkpoints are the library's own (`Library::checkpoint_if_due`), so that it knows
    // when the file changes and can keep its seal (seal.rs).
    conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    // 16 MB of page cache instead of SQLite's 2 MB: the list index and the pages a save
    // touches of a 10,000-piece library stay in memory.
    conn.pragma_update(None, "cache_size", -16_384)?;
    Ok(())
}

/// Turns SQLite's codes for a damaged, foreign or read-only file into errors that say what
/// the file is and what to do (which backup to restore).
fn classify(err: LibraryError, path: &Path) -> LibraryError {
    use rusqlite::ffi::ErrorCode;
    let LibraryError::Sqlite(inner) = &err else {
        return err;
    };
    let backups_dir = backup::backups_dir_for(path);
    let newest_backup = backup::newest_in(&backups_dir);
    match inner.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => LibraryError::NotALibrary {
            path: path.to_path_buf(),
            backups_dir,
            newest_backup,
        },
        Some(ErrorCode::DatabaseCorrupt) => LibraryError::Corrupt {
            path: path.to_path_buf(),
            backups_dir,
            newest_backup,
        },
        _ if files_changed(inner, path) => LibraryError::FilesChanged {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            LibraryError::ReadOnly {
                path: path.to_path_buf(),
            }
        }
        _ => err,
    }
}

#[cfg(test)]
mod tests;
