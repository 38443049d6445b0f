//! Errors of the library, worded for the person who has to act on them.

use std::path::{Path, PathBuf};

use super::Piece;
use crate::images::{ImageError, ImageId};

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
    /// The file exists but is not an SQLite database.
    #[error("cannot open library `{}`: the file is not an Edito library ({})", .path.display(), backup_advice(.newest_backup.as_deref(), .backups_dir))]
    NotALibrary {
        /// The file.
        path: PathBuf,
        /// Where backups are kept.
        backups_dir: PathBuf,
        /// The most recent backup, if any.
        newest_backup: Option<PathBuf>,
    },
    /// The database is damaged: SQLite found inconsistent pages.
    #[error("the library `{}` is damaged ({})", .path.display(), backup_advice(.newest_backup.as_deref(), .backups_dir))]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// Where backups are kept.
        backups_dir: PathBuf,
        /// The most recent backup, if any.
        newest_backup: Option<PathBuf>,
    },
    /// The library file is missing or empty while backups of it exist.
    #[error("the library `{}` is missing or empty, but backups exist: restore the newest with `edito backup --restore {}` (to start a new, empty library instead, move the `backups` folder away first)", .path.display(), .newest_backup.display())]
    Missing {
        /// The file.
        path: PathBuf,
        /// The most recent backup.
        newest_backup: PathBuf,
    },
    /// The file or its directory cannot be written.
    #[error("the library `{}` is read-only: nothing was saved (check the permissions of the file and of its folder, or choose another with --data-dir)", .path.display())]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// A file of the library (its -wal or -shm, or the file itself) was deleted or replaced
    /// while Edito had it open.
    #[error("the files of the library `{}` changed under Edito (one was deleted, moved or replaced while it was open): nothing more was saved; close every Edito window and command, then open it again (if it is then reported damaged, restore the newest backup)", .path.display())]
    FilesChanged {
        /// The library file.
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
    /// No piece has this id.
    #[error("no piece with id {0} (list pieces with `edito list`)")]
    NotFound(i64),
    /// The piece has no revision with this number.
    #[error("piece {piece} has no revision {number} (list them with `edito history {piece}`)")]
    RevisionNotFound {
        /// The piece.
        piece: i64,
        /// The revision number asked for.
        number: i64,
    },
    /// No tag matches this name.
    #[error("no tag `{0}` (list tags with `edito tags`)")]
    TagNotFound(String),
    /// The save was based on an older version: someone else saved in between.
    #[error("piece {} was changed elsewhere (it is now at version {}): reload it and apply your edit again", .current.id, .current.version)]
    Conflict {
        /// The piece as it is now, so the UI can show both versions.
        current: Box<Piece>,
    },
    /// The piece is in the trash and cannot be edited.
    #[error("piece {0} is in the trash: restore it first with `edito trash --restore {0}`")]
    InTrash(i64),
    /// The piece is not in the trash.
    #[error("piece {0} is not in the trash")]
    NotInTrash(i64),
    /// A field value is not acceptable.
    #[error("invalid {field}: {reason}")]
    Invalid {
        /// The field.
        field: &'static str,
        /// What is wrong and what to do.
        reason: String,
    },
    /// Another process holds the database for too long.
    #[error(
        "the library is busy (another Edito window or command is writing): try again in a moment"
    )]
    Busy,
    /// SQLite could not grow the file.
    #[error("the disk is full: this save was not written and the previous text is intact (free some space, then save again)")]
    DiskFull,
    /// A backup could not be written, read or restored.
    #[error("backup `{}`: {source}", .path.display())]
    Backup {
        /// The backup file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// `edito backup` could not make a backup; the library itself is untouched.
    #[error("no backup was made in `{}`: {reason} (the library itself is untouched; free some space or check the folder, then run `edito backup` again)", .dir.display())]
    BackupNotMade {
        /// The backups folder.
        dir: PathBuf,
        /// Why.
        reason: String,
    },
    /// The file given as a backup is not a sound Edito library.
    #[error("`{}` is not a usable Edito backup ({reason}): choose another file from the `backups` folder", .path.display())]
    BadBackup {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A revision snapshot could not be read back.
    #[error("a revision of this piece cannot be read: {0}")]
    Snapshot(#[from] serde_json::Error),
    /// A library-wide setting is stored but cannot be read as the type asked for.
    #[error("the setting `{key}` cannot be read ({source}): set it again to replace it")]
    BadSetting {
        /// The setting's key.
        key: String,
        /// Why the stored JSON does not fit.
        source: serde_json::Error,
    },
    /// An image was refused (not an image, unsupported, corrupt, too large).
    #[error("the image was not added: {0}")]
    Image(#[from] ImageError),
    /// No image has this id.
    #[error("no image {0} in the library (list them with `edito image list`)")]
    ImageNotFound(ImageId),
    /// The library lists the image but its file is gone.
    #[error("the file of image {id} is missing (`{}`): restore the newest backup with `edito backup --restore`, or add the picture again", .path.display())]
    ImageFileMissing {
        /// The image.
        id: ImageId,
        /// Where its file should be.
        path: PathBuf,
    },
    /// The image's file no longer hashes to its id.
    #[error("the file of image {id} is damaged (`{}`: its bytes changed): restore the newest backup with `edito backup --restore`, or add the picture again", .path.display())]
    ImageFileDamaged {
        /// The image.
        id: ImageId,
        /// Its file.
        path: PathBuf,
    },
    /// The image's file is there but cannot be read.
    #[error("the file of image {id} cannot be read (`{}`: {source}): check the permissions of the library's `images` folder", .path.display())]
    ImageUnreadable {
        /// The image.
        id: ImageId,
        /// Its file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The image could not be copied into the library's `images` folder.
    #[error("the image was not added: it cannot be written into `{}` ({source}); the text is untouched ({})", .dir.display(), store_advice(.source))]
    ImageNotStored {
        /// The library's images folder.
        dir: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file given to add as an image cannot be read.
    #[error("cannot read `{}`: {} (choose an image file you may read)", .path.display(), source_reason(.source))]
    ImageSource {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Any other SQLite failure.
    #[error("library database error: {0}")]
    Sqlite(rusqlite::Error),
}

fn backup_advice(newest: Option<&Path>, dir: &Path) -> String {
    match newest {
        Some(file) => format!(
            "restore the newest backup with `edito backup --restore {}`",
            file.display()
        ),
        None => format!("no backup found in `{}`", dir.display()),
    }
}

fn store_advice(err: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "free some space, then add it again",
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "the folder is read-only: make it writable, or move the library to a writable folder"
        }
        _ => "check the folder, then add it again",
    }
}

fn source_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::IsADirectory => "it is a folder, not a file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

impl LibraryError {
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        LibraryError::Invalid {
            field,
            reason: reason.into(),
        }
    }
}

impl From<rusqlite::Error> for LibraryError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => LibraryError::Busy,
            Some(ErrorCode::DiskFull) => LibraryError::DiskFull,
            _ => LibraryError::Sqlite(err),
        }
    }
}
