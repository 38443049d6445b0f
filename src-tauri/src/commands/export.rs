//! Export and import commands: one piece to a file or to the clipboard, the static archive of
//! the library as a job (progress events, cancel by id), and Markdown files into the library.

use std::path::PathBuf;

use edito::export::{ExportFormat, ExportFormatInfo, SiteReport, SiteSelection};
use edito::import::ImportOutcome;
use tauri::{AppHandle, Emitter, State};

use crate::commands::settings::SITE_SETTINGS;
use crate::error::{name_of, Problem};
use crate::jobs::{JobId, JobKind, PROGRESS_EVENT};
use crate::{AppState, UiError};

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

/// Writes the static archive into `out_dir` with the site settings stored in the library
/// (`base_url`, when given, is the address the dialog shows and wins), as a job: progress goes
/// out as `job-progress` events, [`cancel_job`] stops it and leaves the folder as it was.
#[tauri::command]
pub async fn export_site(
    app: AppHandle,
    state: State<'_, AppState>,
    out_dir: PathBuf,
    status: SiteSelection,
    base_url: Option<String>,
) -> Result<SiteReport, UiError> {
    let mut settings = state
        .with_library(|lib| lib.setting(&SITE_SETTINGS))
        .await?
        .unwrap_or_default();
    if base_url.is_some() {
        settings.base_url = base_url.filter(|url| !url.trim().is_empty());
    }
    let exporter = state.exporter_with(settings)?;
    let job = state.jobs().start(JobKind::SiteExport);
    let cancel = job.cancel_flag();
    let mut progress = job.progress(move |event| {
        let _ = app.emit(PROGRESS_EVENT, event);
    });
    let target = out_dir.clone();
    let report = state
        .with_library(move |lib| {
            exporter.site_from_library(lib, status, &target, &mut progress, &cancel)
        })
        .await?;
    drop(job);
    state.remember_export(out_dir);
    Ok(report)
}

/// Asks the running job `id` to stop (nothing happens if it already ended).
#[tauri::command]
pub fn cancel_job(state: State<'_, AppState>, id: JobId) {
    state.jobs().cancel(id);
}

/// Opens the folder of the last archive export in the file manager. The web side cannot name
/// a path to open: only the folder Edito itself just wrote.
#[tauri::command]
pub fn open_last_export(app: AppHandle, state: State<'_, AppState>) -> Result<(), UiError> {
    use tauri_plugin_opener::OpenerExt;
    let dir = state.last_export().ok_or(Problem::NoExportYet)?;
    app.opener()
        .open_path(dir.to_string_lossy(), None::<&str>)
        .map_err(|err| {
            eprintln!("edito: cannot open `{}`: {err}", dir.display());
            Problem::OpenFolderFailed {
                name: name_of(&dir),
            }
            .into()
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
