//! Export and import commands: one piece to a file or to the clipboard, the static archive of
//! the library as a job (progress events, cancel by id), and Markdown files into the library.

use std::path::PathBuf;

use edito::export::{ExportFormat, ExportFormatInfo, SiteReport, SiteSelection};
use edito::import::ImportOutcome;
use tauri::{AppHandle, Emitter, Manager, State};

use crate::commands::settings::SITE_SETTINGS;
use crate::error::{name_of, Problem};
use crate::jobs::{JobId, JobKind, PROGRESS_EVENT};
use crate::picks::{Dialog, Picks};
use crate::{AppState, UiError};

/// Every export format's extension: a picked file may take any of them (see [`Picks::check`]).
/// Every format's file-name ending (`.fragment.html`, `.html`, `.md`).
fn suffixes() -> Vec<&'static str> {
    ExportFormat::ALL.iter().map(|f| f.suffix()).collect()
}

/// Shows a native dialog on a worker thread (a blocking dialog on the UI thread would freeze
/// the window) and records what was chosen. `title` is the UI's words, in its language.
pub(crate) async fn pick(
    app: AppHandle,
    dialog: impl FnOnce() -> Dialog + Send + 'static,
    title: String,
) -> Result<Option<Vec<String>>, UiError> {
    let start = app.state::<AppState>().dialog_folder();
    tauri::async_runtime::spawn_blocking(move || {
        let picks = app.state::<Picks>();
        picks.pick(&app, dialog(), &title, start).map(|paths| {
            paths
                .into_iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect()
        })
    })
    .await
    .map_err(|_| UiError::internal())
}

/// The native "save as" dialog for a piece in `format`, suggesting `name`; opens in the last
/// export folder, else the user's documents. Returns the chosen path (`null`: cancelled).
#[tauri::command]
pub async fn pick_export_file(
    app: AppHandle,
    format: ExportFormat,
    name: String,
    title: String,
) -> Result<Option<String>, UiError> {
    let extension = format.info().extension;
    let picked = pick(app, move || Dialog::SaveFile { name, extension }, title).await?;
    Ok(picked.and_then(|mut paths| paths.pop()))
}

/// The native folder dialog for the archive. Returns the chosen folder (`null`: cancelled).
#[tauri::command]
pub async fn pick_site_folder(app: AppHandle, title: String) -> Result<Option<String>, UiError> {
    let picked = pick(app, || Dialog::Folder, title).await?;
    Ok(picked.and_then(|mut paths| paths.pop()))
}

/// The native dialog for Markdown files (or folders) to import (`null`: cancelled).
#[tauri::command]
pub async fn pick_import(
    app: AppHandle,
    folders: bool,
    title: String,
) -> Result<Option<Vec<String>>, UiError> {
    pick(app, move || Dialog::Open { folders }, title).await
}

/// The single-piece formats the export dialog offers, in order, with each one's extension,
/// MIME type and label key.
#[tauri::command]
pub fn export_formats() -> Vec<ExportFormatInfo> {
    ExportFormat::ALL.map(ExportFormat::info).to_vec()
}

/// Writes the piece to `path` in `format` (one of [`export_formats`]). `path` must come from
/// [`pick_export_file`] this session. An existing file Edito did not write for this piece
/// this session is only replaced with `replace` (the window asks first): `would_replace`.
#[tauri::command]
pub async fn export_piece(
    state: State<'_, AppState>,
    picks: State<'_, Picks>,
    id: i64,
    format: ExportFormat,
    path: PathBuf,
    replace: Option<bool>,
) -> Result<(), UiError> {
    picks.check(&path, &suffixes())?;
    if path.exists() && !replace.unwrap_or(false) && !state.wrote_for(id, &path) {
        return Err(Problem::WouldReplace {
            name: name_of(&path),
        }
        .into());
    }
    let exporter = state.exporter()?;
    let target = path.clone();
    state
        .with_library(move |lib| exporter.piece_to_file(lib, &lib.get_piece(id)?, format, &target))
        .await?;
    state.remember_written(id, path);
    Ok(())
}

/// The piece as an HTML fragment with its header, for the clipboard.
#[tauri::command]
pub async fn export_fragment(state: State<'_, AppState>, id: i64) -> Result<String, UiError> {
    let exporter = state.exporter()?;
    state
        .with_library(move |lib| exporter.piece_fragment(lib, &lib.get_piece(id)?, true))
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
    picks: State<'_, Picks>,
) -> Result<SiteReport, UiError> {
    picks.check(&out_dir, &[])?;
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
/// with a known slug updates that piece. Every path must come from [`pick_import`].
#[tauri::command]
pub async fn import_paths(
    state: State<'_, AppState>,
    picks: State<'_, Picks>,
    paths: Vec<PathBuf>,
) -> Result<ImportOutcome, UiError> {
    for path in &paths {
        picks.check(path, &[])?;
    }
    state
        .with_library(move |lib| edito::import::import_paths_into(lib, &paths))
        .await
}
