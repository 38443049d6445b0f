//! Edito core: the editorial library (SQLite), the rendering pipeline (Markdown → safe HTML),
//! and the data directory. No Tauri here: the desktop shell and the CLI are thin front ends.

pub mod export;
pub mod images;
pub mod import;
pub mod library;
pub mod paths;
pub mod preview;
pub mod publish;
pub mod render;
pub mod spelling;
pub mod text;

pub use library::{Library, LibraryError, NewPiece, Piece, PieceEdit};
pub use render::{
    count_text, render, render_document, render_html, split_front_matter, typography_text, Counts,
    FrontMatter, Lang, RenderOptions, Rendered, RenderedDocument,
};
