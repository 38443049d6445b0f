//! Import: Markdown files with YAML or TOML front matter (as Hugo, Jekyll and Zola write
//! them) to [`Article`]s, and those into the library (a new piece, or an update of the piece
//! with the same slug). Depends on the library and on the export's [`Article`] and dates,
//! never the reverse: an export never needs to read a file back.
//!
//! [`Article`]: crate::export::Article

mod convert;
mod fields;
mod files;
mod front_matter;
mod images;
mod raw_scalars;
mod to_library;

pub use convert::article_edit;
pub use files::{import_path, parse_markdown, read_piece_file, ImportReport, MAX_FILE_BYTES};
pub use front_matter::FrontMatterError;
pub use to_library::{import_into, import_paths_into, ImportOutcome, ImportedPiece, RefusedFile};
