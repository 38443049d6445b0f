//! The library itself: the way out the window offers when it could not be opened (#13.18).

use tauri::State;

use crate::{AppState, UiError};

/// Replaces a library that could not be opened (damaged, missing) by its newest backup and
/// opens it; the window reloads afterwards. Refused (`busy`) while a library is open.
#[tauri::command]
pub async fn restore_latest_backup(state: State<'_, AppState>) -> Result<(), UiError> {
    state.restore_newest_backup().await
}
