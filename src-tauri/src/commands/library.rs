//! The library itself: the ways out the window offers when it could not be opened or can only
//! be read (#13.18): its newest backup, or another folder.

use tauri::{AppHandle, Manager, State};

use crate::picks::{Dialog, Picks};
use crate::{AppState, UiError};

/// Replaces a library that could not be opened (damaged, missing) by its newest backup and
/// opens it; the window reloads afterwards. Refused (`busy`) while a library is open.
#[tauri::command]
pub async fn restore_latest_backup(state: State<'_, AppState>) -> Result<(), UiError> {
    state.restore_newest_backup().await
}

/// True when the open library can only be read (read-only medium or folder): the window says
/// so, and every write fails with `read_only`.
#[tauri::command]
pub fn library_read_only(state: State<'_, AppState>) -> bool {
    state.read_only()
}

/// The native folder dialog (`title` in the UI's language) for another library folder; opens
/// (or creates) the library there and remembers the choice. `false`: cancelled. The window
/// reloads onto the new library after `true`.
#[tauri::command]
pub async fn choose_library_folder(app: AppHandle, title: String) -> Result<bool, UiError> {
    let start = dirs::document_dir().or_else(dirs::home_dir);
    let dialog_app = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        dialog_app
            .state::<Picks>()
            .pick(&dialog_app, Dialog::Folder, &title, start)
    })
    .await
    .map_err(|_| UiError::internal())?;
    let Some(dir) = picked.and_then(|mut paths| paths.pop()) else {
        return Ok(false);
    };
    app.state::<AppState>().open_other_folder(dir).await?;
    Ok(true)
}
