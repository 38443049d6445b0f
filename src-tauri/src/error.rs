//! The error the UI receives: a stable code, the typed parameters its message needs, and for a
//! save conflict the piece as it is now. The words are the UI's (`ui/src/i18n/errors.ts`, in
//! French and English): no prose, no SQL and no internal path crosses this boundary; a file is
//! named by its last component only. The CLI keeps the core's own messages (their `Display`).

use std::fmt::Display;
use std::path::Path;

use edito::export::ExportError;
use edito::images::ImageError;
use edito::render::Lang;
use edito::spelling::SpellingError;
use edito::{LibraryError, Piece};
use serde::Serialize;

/// Declares [`Problem`] (code + parameters) and [`ErrorCode`] (the bare codes, with
/// [`ErrorCode::ALL`]) from one list, so a code cannot exist in one and not the other.
macro_rules! problems {
    ($(
        $(#[$doc:meta])*
        $variant:ident $({ $($(#[$field_doc:meta])* $field:ident : $ty:ty),* $(,)? })?
    ),* $(,)?) => {
        /// What went wrong, with what the message needs. Serialized as
        /// `{ "code": "not_found", "params": { "id": 3 } }` (no `params` for a bare code).
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(tag = "code", content = "params", rename_all = "snake_case")]
        pub enum Problem {
            $($(#[$doc])* $variant $({ $($(#[$field_doc])* $field: $ty),* })?),*
        }

        /// The stable codes the UI branches on and words, one per [`Problem`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[cfg_attr(test, derive(ts_rs::TS))]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($(#[$doc])* $variant),*
        }

        impl ErrorCode {
            /// Every code, in declaration order: the keys each language's catalogue must have.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];
        }

        impl Problem {
            /// This problem's code.
            pub fn code(&self) -> ErrorCode {
                match self {
                    $(Problem::$variant { .. } => ErrorCode::$variant),*
                }
            }
        }
    };
}

problems! {
    /// The data directory cannot be created or written.
    DataDir {
        /// The directory's name.
        name: String,
    },
    /// The library file is not an Edito library.
    NotALibrary {
        /// The file's name.
        name: String,
    },
    /// The library file is damaged (a backup should be restored).
    Damaged {
        /// The file's name.
        name: String,
    },
    /// The library file is missing or empty while backups of it exist.
    LibraryMissing {
        /// The file's name.
        name: String,
        /// The newest backup's file name.
        backup: String,
    },
    /// The library's files changed under Edito while it had them open.
    FilesChanged {
        /// The library file's name.
        name: String,
    },
    /// The library file or its folder cannot be written.
    ReadOnly {
        /// The file's name.
        name: String,
    },
    /// The library was written by a newer Edito.
    TooNew {
        /// Schema version in the file.
        found: u32,
        /// Schema version this build knows.
        supported: u32,
    },
    /// No piece has this id.
    NotFound {
        /// The piece asked for.
        id: i64,
    },
    /// The piece has no revision with this number.
    RevisionNotFound {
        /// The piece.
        piece: i64,
        /// The revision asked for.
        number: i64,
    },
    /// No tag has this name.
    TagNotFound {
        /// The tag asked for.
        tag: String,
    },
    /// The save was based on an older version; [`UiError::current`] holds the piece as it is.
    Conflict {
        /// The piece.
        id: i64,
        /// Its version now.
        version: i64,
    },
    /// The piece is in the trash: restore it before editing.
    InTrash {
        /// The piece.
        id: i64,
    },
    /// The piece is not in the trash.
    NotInTrash {
        /// The piece.
        id: i64,
    },
    /// A field's value is refused (`title`, `body`, `publication_date`, `tag`, `status`…).
    Invalid {
        /// The field, as the core names it.
        field: String,
    },
    /// Another window or command holds the library.
    Busy,
    /// The disk is full; nothing was written.
    DiskFull,
    /// A backup could not be written, read or restored.
    Backup {
        /// The backup's file or folder name.
        name: String,
    },
    /// No backup could be made (disk full, folder not writable); the library is untouched.
    BackupNotMade,
    /// The file given as a backup is not a sound Edito library.
    BadBackup {
        /// The file's name.
        name: String,
    },
    /// A revision of the piece cannot be read back.
    UnreadableRevision,
    /// A setting stored in the library cannot be read as what it should be.
    BadSetting {
        /// The setting's key.
        key: String,
    },
    /// Any other database failure (details in the log).
    Library,
    /// A template failed to parse or render.
    Template {
        /// The template's file name.
        file: String,
        /// Its line (0 when unknown).
        line: usize,
    },
    /// Reading or writing a file failed.
    Io {
        /// What was being done, as the core says it: `read`, `write`, `create`, `create folder`,
        /// `open folder`, `replace`.
        action: String,
        /// The file or folder's name.
        name: String,
        /// Why, as a [`std::io::ErrorKind`] in snake case: `not_found`, `permission_denied`,
        /// `already_exists`, `storage_full`, `read_only`, `is_a_directory` or `other`.
        reason: &'static str,
    },
    /// A piece has neither a usable slug nor a title to derive one from.
    NoSlug {
        /// The piece's title.
        title: String,
    },
    /// The output folder (or one inside it) is a symbolic link or not a folder.
    UnsafePath {
        /// Its name.
        name: String,
    },
    /// The writer cancelled a long export; the folder is as it was.
    Cancelled,
    /// A file given to import or export cannot be read as a piece.
    BadInput {
        /// The file's name.
        name: String,
    },
    /// The site address is not an `http(s)://` address.
    BadBaseUrl {
        /// The address as typed.
        url: String,
    },
    /// The manifest of an earlier export is damaged.
    BadManifest {
        /// Its file name.
        name: String,
    },
    /// A piece to export uses an image with empty alt text that is not marked decorative.
    ImageWithoutAlt {
        /// The piece's title.
        piece: String,
        /// The image's original file name (else the start of its id).
        image: String,
        /// The body line where it is used.
        line: usize,
    },
    /// The folder that would hold an export does not exist.
    MissingFolder {
        /// The folder's name.
        name: String,
    },
    /// A path an export needs as a folder is a file.
    NotAFolder {
        /// The file's name.
        name: String,
    },
    /// A piece to export has a lead image with empty alt text that is not marked decorative.
    LeadImageWithoutAlt {
        /// The piece's title.
        piece: String,
        /// The image's original file name (else its reference).
        image: String,
    },
    /// A piece to export shows an image straight from the disk (absolute path, `file:` URL…).
    ImageFromDisk {
        /// The piece's title.
        piece: String,
        /// The image's destination as written.
        destination: String,
        /// The body line where it is used.
        line: usize,
    },
    /// A library image a piece uses cannot be read or decoded for the export.
    ImageUnavailable {
        /// The piece's title.
        piece: String,
        /// The image's original file name, else its reference.
        image: String,
    },
    /// No dictionary is installed for the language.
    DictionaryMissing {
        /// The piece's language.
        lang: Lang,
    },
    /// The language's dictionary cannot be read.
    DictionaryUnreadable {
        /// The piece's language.
        lang: Lang,
    },
    /// The writer's own word list cannot be saved.
    WordList,
    /// A file or folder that no dialog of this session returned (the web side cannot choose
    /// paths; see `picks.rs`).
    NotPicked {
        /// Its name.
        name: String,
    },
    /// The export would replace a file Edito did not write for this piece: ask first.
    WouldReplace {
        /// The file's name.
        name: String,
    },
    /// "Open the folder" before any archive export.
    NoExportYet,
    /// The file manager could not open the exported folder.
    OpenFolderFailed {
        /// The folder's name.
        name: String,
    },
    /// The file chosen is not an image.
    ImageNotAnImage,
    /// An image format Edito does not decode (HEIC, AVIF, TIFF, SVG…).
    ImageUnsupported {
        /// The format as people name it: `HEIC`, `AVIF`…
        format: String,
    },
    /// The image is damaged or incomplete.
    ImageCorrupt,
    /// The image file is over 50 MB.
    ImageTooLarge {
        /// Its size, in megabytes (rounded up).
        megabytes: u64,
    },
    /// The image has over 40 megapixels.
    ImageTooManyPixels {
        /// Its megapixels (rounded up).
        megapixels: u64,
    },
    /// No image has this id in the library.
    ImageNotFound {
        /// The image's id.
        id: String,
    },
    /// The library lists the image but its file is gone (restore a backup or add it again).
    ImageMissing {
        /// The image's id.
        id: String,
    },
    /// The image's file changed on disk (restore a backup or add it again).
    ImageDamaged {
        /// The image's id.
        id: String,
    },
    /// The image could not be copied into the library's folder; the text is untouched.
    ImageNotStored {
        /// Why, as for [`Problem::Io`]: `storage_full`, `read_only`, `permission_denied`…
        reason: &'static str,
    },
    /// The shell itself failed (a worker thread died): nothing the writer can fix.
    Internal,
}

/// What a failed command returns to the web side.
#[derive(Debug, Clone, Serialize)]
pub struct UiError {
    /// The code and its parameters, flattened: `{ code, params?, current? }`.
    #[serde(flatten)]
    pub problem: Problem,
    /// For `conflict`: the piece as another window or the CLI saved it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Box<Piece>>,
}

impl UiError {
    /// A failure of the shell itself (a worker thread died): nothing the writer can fix.
    pub fn internal() -> Self {
        Problem::Internal.into()
    }

    /// This error's code.
    pub fn code(&self) -> ErrorCode {
        self.problem.code()
    }
}

impl From<Problem> for UiError {
    fn from(problem: Problem) -> Self {
        UiError {
            problem,
            current: None,
        }
    }
}

/// The last component of `path`: enough for the writer to recognise a file, without the
/// home folder or the layout of the data directory.
pub(crate) fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The operating system's reason, as one of the few kinds the UI words.
fn io_reason(err: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "not_found",
        ErrorKind::PermissionDenied => "permission_denied",
        ErrorKind::AlreadyExists => "already_exists",
        ErrorKind::StorageFull => "storage_full",
        ErrorKind::ReadOnlyFilesystem => "read_only",
        ErrorKind::IsADirectory => "is_a_directory",
        _ => "other",
    }
}

/// A core error as the window gets it. The details it does not show (SQLite's text, the OS
/// error, full paths) go to the log, except for the everyday refusals the writer acts on.
fn reported(err: &impl Display, problem: Problem) -> UiError {
    let everyday = matches!(
        problem.code(),
        ErrorCode::NotFound
            | ErrorCode::RevisionNotFound
            | ErrorCode::TagNotFound
            | ErrorCode::Conflict
            | ErrorCode::InTrash
            | ErrorCode::NotInTrash
            | ErrorCode::Invalid
            | ErrorCode::Busy
            | ErrorCode::Cancelled
            | ErrorCode::ImageNotAnImage
            | ErrorCode::ImageUnsupported
            | ErrorCode::ImageCorrupt
            | ErrorCode::ImageTooLarge
            | ErrorCode::ImageTooManyPixels
    );
    if !everyday {
        eprintln!("edito: {err}");
    }
    problem.into()
}

/// The code and parameters of a library error.
fn library_problem(err: &LibraryError) -> Problem {
    match err {
        LibraryError::DataDir { path, .. } => Problem::DataDir {
            name: name_of(path),
        },
        LibraryError::NotALibrary { path, .. } => Problem::NotALibrary {
            name: name_of(path),
        },
        LibraryError::Corrupt { path, .. } => Problem::Damaged {
            name: name_of(path),
        },
        LibraryError::Missing {
            path,
            newest_backup,
        } => Problem::LibraryMissing {
            name: name_of(path),
            backup: name_of(newest_backup),
        },
        LibraryError::FilesChanged { path } => Problem::FilesChanged {
            name: name_of(path),
        },
        LibraryError::BackupNotMade { .. } => Problem::BackupNotMade,
        LibraryError::ReadOnly { path } => Problem::ReadOnly {
            name: name_of(path),
        },
        LibraryError::TooNew { found, supported } => Problem::TooNew {
            found: *found,
            supported: *supported,
        },
        LibraryError::NotFound(id) => Problem::NotFound { id: *id },
        LibraryError::RevisionNotFound { piece, number } => Problem::RevisionNotFound {
            piece: *piece,
            number: *number,
        },
        LibraryError::TagNotFound(tag) => Problem::TagNotFound { tag: tag.clone() },
        LibraryError::Conflict { current } => Problem::Conflict {
            id: current.id,
            version: current.version,
        },
        LibraryError::InTrash(id) => Problem::InTrash { id: *id },
        LibraryError::NotInTrash(id) => Problem::NotInTrash { id: *id },
        LibraryError::Invalid { field, .. } => Problem::Invalid {
            field: (*field).to_owned(),
        },
        LibraryError::Busy => Problem::Busy,
        LibraryError::DiskFull => Problem::DiskFull,
        LibraryError::Backup { path, .. } => Problem::Backup {
            name: name_of(path),
        },
        LibraryError::BadBackup { path, .. } => Problem::BadBackup {
            name: name_of(path),
        },
        LibraryError::Snapshot(_) => Problem::UnreadableRevision,
        LibraryError::BadSetting { key, .. } => Problem::BadSetting { key: key.clone() },
        LibraryError::Image(image) => image_problem(image),
        LibraryError::ImageNotFound(id) => Problem::ImageNotFound { id: id.to_string() },
        LibraryError::ImageFileMissing { id, .. } => Problem::ImageMissing { id: id.to_string() },
        LibraryError::ImageFileDamaged { id, .. } => Problem::ImageDamaged { id: id.to_string() },
        LibraryError::ImageUnreadable { path, source, .. } => Problem::Io {
            action: "read".to_owned(),
            name: name_of(path),
            reason: io_reason(source),
        },
        LibraryError::ImageNotStored { source, .. } => Problem::ImageNotStored {
            reason: io_reason(source),
        },
        LibraryError::ImageSource { path, source } => Problem::Io {
            action: "read".to_owned(),
            name: name_of(path),
            reason: io_reason(source),
        },
        LibraryError::Sqlite(_) => Problem::Library,
    }
}

/// The code and parameters of a refused image.
fn image_problem(err: &ImageError) -> Problem {
    let millions = |n: u64, unit: u64| n.div_ceil(unit);
    match err {
        ImageError::NotAnImage => Problem::ImageNotAnImage,
        ImageError::Unsupported { format } => Problem::ImageUnsupported {
            format: format.clone(),
        },
        ImageError::Corrupt { .. } => Problem::ImageCorrupt,
        ImageError::TooLarge { bytes } => Problem::ImageTooLarge {
            megabytes: millions(*bytes, 1024 * 1024),
        },
        ImageError::TooManyPixels { pixels } => Problem::ImageTooManyPixels {
            megapixels: millions(*pixels, 1_000_000),
        },
    }
}

/// The code and parameters of an export or import error.
fn export_problem(err: &ExportError) -> Problem {
    match err {
        ExportError::Library(inner) => library_problem(inner),
        ExportError::Cancelled => Problem::Cancelled,
        ExportError::Template { file, line, .. } => Problem::Template {
            file: name_of(Path::new(file)),
            line: *line,
        },
        ExportError::Io {
            action,
            path,
            source,
        } => Problem::Io {
            action: (*action).to_owned(),
            name: name_of(path),
            reason: io_reason(source),
        },
        ExportError::NoSlug(title) => Problem::NoSlug {
            title: title.clone(),
        },
        ExportError::UnsafePath(path) => Problem::UnsafePath {
            name: name_of(path),
        },
        ExportError::BadInput { path, .. } => Problem::BadInput {
            name: name_of(path),
        },
        ExportError::BadBaseUrl(url) => Problem::BadBaseUrl { url: url.clone() },
        ExportError::BadManifest(path) => Problem::BadManifest {
            name: name_of(path),
        },
        ExportError::ImageWithoutAlt { piece, name, line } => Problem::ImageWithoutAlt {
            piece: piece.clone(),
            image: name.clone().unwrap_or_default(),
            line: *line,
        },
        ExportError::MissingFolder(path) => Problem::MissingFolder {
            name: name_of(path),
        },
        ExportError::NotAFolder(path) => Problem::NotAFolder {
            name: name_of(path),
        },
        ExportError::LeadImageWithoutAlt { piece, image } => Problem::LeadImageWithoutAlt {
            piece: piece.clone(),
            image: image.clone(),
        },
        ExportError::ImageFromDisk {
            piece,
            destination,
            line,
        } => Problem::ImageFromDisk {
            piece: piece.clone(),
            destination: destination.clone(),
            line: *line,
        },
        // Typst refusing the page Edito wrote is Edito's fault, not the writer's.
        ExportError::Proof { .. } => Problem::Internal,
        ExportError::MissingImage { piece, image, .. }
        | ExportError::BadImage { piece, image, .. } => Problem::ImageUnavailable {
            piece: piece.clone(),
            image: image.clone(),
        },
    }
}

impl From<LibraryError> for UiError {
    fn from(err: LibraryError) -> Self {
        let problem = library_problem(&err);
        match err {
            LibraryError::Conflict { current } => UiError {
                problem,
                current: Some(current),
            },
            other => reported(&other, problem),
        }
    }
}

impl From<ExportError> for UiError {
    fn from(err: ExportError) -> Self {
        match err {
            // A conflict keeps its piece.
            ExportError::Library(inner) => inner.into(),
            other => reported(&other, export_problem(&other)),
        }
    }
}

impl From<SpellingError> for UiError {
    fn from(err: SpellingError) -> Self {
        let problem = match &err {
            SpellingError::Missing { lang } => Problem::DictionaryMissing { lang: *lang },
            SpellingError::Unreadable { lang, .. } => Problem::DictionaryUnreadable { lang: *lang },
            SpellingError::WordList { .. } => Problem::WordList,
        };
        reported(&err, problem)
    }
}

#[cfg(test)]
mod tests;
