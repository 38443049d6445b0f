//! Tag commands: counts, add, remove, rename, merge.

use edito::library::TagCount;
use edito::Piece;
use tauri::State;

use crate::{AppState, UiError};

/// Every tag with the number of live pieces carrying it.
#[tauri::command]
pub async fn list_tags(state: State<'_, AppState>) -> Result<Vec<TagCount>, UiError> {
    state.with_library(|lib| lib.list_tags()).await
}

/// Adds tags to a piece (matched without case or accents).
#[tauri::command]
pub async fn add_tags(
    state: State<'_, AppState>,
    id: i64,
    names: Vec<String>,
) -> Result<Piece, UiError> {
    state
        .with_library(move |lib| lib.add_tags(id, &names))
        .await
}

/// Removes tags from a piece.
#[tauri::command]
pub async fn remove_tags(
    state: State<'_, AppState>,
    id: i64,
    names: Vec<String>,
) -> Result<Piece, UiError> {
    state
        .with_library(move |lib| lib.remove_tags(id, &names))
        .await
}

/// Renames a tag on every piece; returns how many pieces carry it.
#[tauri::command]
pub async fn rename_tag(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<usize, UiError> {
    state
        .with_library(move |lib| lib.rename_tag(&from, &to))
        .await
}

/// Merges tags into one; returns how many pieces carry it.
#[tauri::command]
pub async fn merge_tags(
    state: State<'_, AppState>,
    sources: Vec<String>,
    target: String,
) -> Result<usize, UiError> {
    state
        .with_library(move |lib| lib.merge_tags(&sources, &target))
        .await
}
