//! Tauri commands, one module per domain. Each command takes state, calls one core function
//! and maps the error: no SQL and no Markdown logic here.

pub mod export;
pub mod images;
pub mod library;
pub mod pieces;
pub mod render;
pub mod revisions;
pub mod settings;
pub mod spelling;
pub mod tags;
