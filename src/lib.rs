//! Edito core: the editorial library (SQLite), the rendering pipeline (Markdown → safe HTML),
//! and the data directory. No Tauri here: the desktop shell and the CLI are thin front ends.

pub mod export;
pub mod library;
pub mod paths;
pub mod render;

pub use library::{Draft, DraftEdit, Library, LibraryError};
pub use render::{render_html, RenderError};
