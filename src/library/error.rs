//! Errors of the library, worded for the person who has to act on them.

use std::path::PathBuf;

/// Everything that can go wrong while opening or using the library.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The data directory could not be created or is not writable.
    #[error("cannot use the data directory `{path}`: {source} (check that it exists and is writable, or choose another with --data-dir)")]
    DataDir {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file exists but is not an SQLite database (or is damaged beyond opening).
    #[error("cannot open library `{path}`: the file is not an Edito library or is damaged (restore a backup from the `backups` folder beside it)")]
    NotALibrary {
        /// The file.
        path: PathBuf,
    },
    /// The library was written by a newer Edito.
    #[error("this library was written by a newer Edito (schema {found}, this build knows {supported}): update Edito to open it")]
    TooNew {
        /// Version found in the file.
        found: u32,
        /// Version this build writes.
        supported: u32,
    },
    /// No draft has this id.
    #[error("no draft with id {0} (list drafts with `edito list`)")]
    NotFound(i64),
    /// Another process holds the database for too long.
    #[error(
        "the library is busy (another Edito window or command is writing): try again in a moment"
    )]
    Busy,
    /// Any other SQLite failure.
    #[error("library database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for LibraryError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => LibraryError::Busy,
            _ => LibraryError::Sqlite(err),
        }
    }
}
