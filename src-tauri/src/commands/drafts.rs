//! Draft commands: list, get, create, save, and the first-launch welcome draft.

use edito::{library::DraftSummary, Draft, DraftEdit};
use tauri::State;

use crate::{AppState, UiError};

/// Every draft, most recently saved first.
#[tauri::command]
pub async fn list_drafts(state: State<'_, AppState>) -> Result<Vec<DraftSummary>, UiError> {
    state.with_library(|lib| lib.list_drafts()).await
}

/// One draft with its body.
#[tauri::command]
pub async fn get_draft(state: State<'_, AppState>, id: i64) -> Result<Draft, UiError> {
    state.with_library(move |lib| lib.get_draft(id)).await
}

/// A new empty draft.
#[tauri::command]
pub async fn create_draft(state: State<'_, AppState>, title: String) -> Result<Draft, UiError> {
    state
        .with_library(move |lib| lib.create_draft(&title, ""))
        .await
}

/// Saves title and body; returns the stored draft.
#[tauri::command]
pub async fn save_draft(state: State<'_, AppState>, edit: DraftEdit) -> Result<Draft, UiError> {
    state.with_library(move |lib| lib.save_draft(&edit)).await
}

/// The welcome draft, created on the first launch only.
#[tauri::command]
pub async fn offer_welcome_draft(state: State<'_, AppState>) -> Result<Option<Draft>, UiError> {
    state.with_library(|lib| lib.offer_welcome_draft()).await
}
