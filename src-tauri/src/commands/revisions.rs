//! Revision commands: list, read, compare, restore.

use edito::library::{Revision, RevisionDiff, RevisionSummary};
use edito::Piece;
use tauri::State;

use crate::{AppState, UiError};

/// The kept revisions of a piece, newest first.
#[tauri::command]
pub async fn list_revisions(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<RevisionSummary>, UiError> {
    state.with_library(move |lib| lib.list_revisions(id)).await
}

/// One revision with its fields.
#[tauri::command]
pub async fn get_revision(
    state: State<'_, AppState>,
    id: i64,
    number: i64,
) -> Result<Revision, UiError> {
    state
        .with_library(move |lib| lib.get_revision(id, number))
        .await
}

/// Word-level differences from a revision to another one, or to the current text when `to`
/// is absent.
#[tauri::command]
pub async fn diff_revisions(
    state: State<'_, AppState>,
    id: i64,
    from: i64,
    to: Option<i64>,
) -> Result<RevisionDiff, UiError> {
    state
        .with_library(move |lib| match to {
            Some(to) => lib.diff_revisions(id, from, to),
            None => lib.diff_with_current(id, from),
        })
        .await
}

/// Brings back a revision; the current state is kept as a revision first.
#[tauri::command]
pub async fn restore_revision(
    state: State<'_, AppState>,
    id: i64,
    number: i64,
) -> Result<Piece, UiError> {
    state
        .with_library(move |lib| lib.restore_revision(id, number))
        .await
}
