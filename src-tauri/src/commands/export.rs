//! Export and import commands: one piece to a file or to the clipboard, the static archive of
//! the library with progress and cancel, and Markdown files into the library.

use std::path::PathBuf;

use edito::export::{ExportFormat, ExportFormatInfo, SiteReport, SiteSelection};
use edito::import::ImportOutcome;
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::{AppState, UiError};

/// Event carrying the archive's progress to the progress bar.
const PROGRESS_EVENT: &str = "export-progress";

/// Progress of a long export, as the UI shows it ("n / N"): the `export-progress` payload.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub(crate) struct ExportProgress {
    /// Pieces written so far.
    done: usize,
    /// Pieces to write.
    total: usize,
}

/// The single-piece formats the export dialog offers, in order, with each one's extension,
/// MIME type and label key.
#[tauri::command]
pub fn export_formats() -> Vec<ExportFormatInfo> {
    ExportFormat::ALL.map(ExportFormat::info).to_vec()
}

/// Writes the piece to `path` in `format` (one of [`export_formats`]).
#[tauri::command]
pub async fn export_piece(
    state: State<'_, AppState>,
    id: i64,
    format: ExportFormat,
    path: PathBuf,
) -> Result<(), UiError> {
    let exporter = state.exporter()?;
    state
        .with_library(move |lib| exporter.piece_to_file(&lib.get_piece(id)?, format, &path))
        .await
}

/// The piece as an HTML fragment with its header, for the clipboard.
#[tauri::command]
pub async fn export_fragment(state: State<'_, AppState>, id: i64) -> Result<String, UiError> {
    let exporter = state.exporter()?;
    state
        .with_library(move |lib| exporter.piece_fragment(&lib.get_piece(id)?, true))
        .await
}

/// Writes the static archive into `out_dir`, reporting progress as `export-progress` events;
/// [`cancel_export`] stops it and leaves the folder as it was.
#[tauri::command]
pub async fn export_site(
    app: AppHandle,
    state: State<'_, AppState>,
    out_dir: PathBuf,
    status: SiteSelection,
    base_url: Option<String>,
) -> Result<SiteReport, UiError> {
    let exporter = state.site_exporter(base_url)?;
    let cancel = state.start_export();
    let target = out_dir.clone();
    let report = state
        .with_library(move |lib| {
            let mut last_percent = None;
            let mut progress = |done: usize, total: usize| {
                // One event per percent is smooth enough and keeps IPC quiet on big archives.
                let percent = (done * 100).checked_div(total).unwrap_or(100);
                if last_percent != Some(percent) || done == total {
                    last_percent = Some(percent);
                    let _ = app.emit(PROGRESS_EVENT, ExportProgress { done, total });
                }
            };
            exporter.site_from_library(lib, status, &target, &mut progress, &cancel)
        })
        .await?;
    state.remember_export(out_dir);
    Ok(report)
}

/// Asks a running archive export to stop.
#[tauri::command]
pub fn cancel_export(state: State<'_, AppState>) {
    state.cancel_export();
}

/// Opens the folder of the last archive export in the file manager. The web side cannot name
/// a path to open: only the folder Edito itself just wrote.
#[tauri::command]
pub fn open_last_export(app: AppHandle, state: State<'_, AppState>) -> Result<(), UiError> {
    use tauri_plugin_opener::OpenerExt;
    let dir = state.last_export().ok_or_else(|| {
        UiError::new(
            "export",
            "Aucun export à ouvrir : exportez d'abord les archives.",
        )
    })?;
    app.opener()
        .open_path(dir.to_string_lossy(), None::<&str>)
        .map_err(|err| {
            UiError::new(
                "export",
                format!("Le dossier n'a pas pu être ouvert : {err}"),
            )
        })
}

/// Imports Markdown files or folders (front matter: YAML or TOML) into the library; a file
/// with a known slug updates that piece.
#[tauri::command]
pub async fn import_paths(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
) -> Result<ImportOutcome, UiError> {
    state
        .with_library(move |lib| edito::import::import_paths_into(lib, &paths))
        .await
}
