//! The editorial library: one SQLite file on disk (WAL mode), opened once and shared by the
//! desktop shell and the CLI. Each table has its own query module.

mod drafts;
mod error;
mod migrations;
mod time_stamp;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use drafts::{Draft, DraftEdit, DraftSummary};
pub use error::LibraryError;
pub use migrations::SCHEMA_VERSION;

use crate::paths::LIBRARY_FILE;

/// How long a writer waits for another process (the CLI, a second window) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open library. Cheap to share behind an `Arc`; calls are serialized on one connection,
/// which is what SQLite does for writers anyway and keeps every save a single transaction.
pub struct Library {
    conn: Mutex<Connection>,
    path: PathBuf,
}

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
    pub fn open_file(path: &Path) -> Result<Self, LibraryError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)?;
        configure(&conn).map_err(|err| classify_open_error(err, path))?;
        migrations::migrate(&mut conn).map_err(|err| match err {
            LibraryError::Sqlite(e) => classify_open_error(e, path),
            other => other,
        })?;
        Ok(Library {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
        })
    }

    /// The database file this library lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for the query modules. A poisoned lock only means another thread
    /// panicked mid-call; SQLite rolled its transaction back, so the connection is still sound.
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Connection settings. WAL lets readers (the CLI) work while the app writes; `synchronous =
/// FULL` because a draft is worth one fsync per save point (see docs/ARCHITECTURE.md).
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// SQLite reports a non-database file lazily, on the first statement: turn that into an
/// error that tells the user what the file is and what to do.
fn classify_open_error(err: rusqlite::Error, path: &Path) -> LibraryError {
    use rusqlite::ffi::ErrorCode;
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => LibraryError::NotALibrary {
            path: path.to_path_buf(),
        },
        _ => LibraryError::from(err),
    }
}

#[cfg(test)]
mod tests;
