//! Piece commands: list, get, create, save, status, trash, search, and the welcome piece.

use edito::library::{PieceFilter, PieceSummary, SearchHit, SearchQuery, Status, StatusChange};
use edito::{NewPiece, Piece, PieceEdit};
use tauri::State;

use crate::{AppState, UiError};

/// Pieces matching the filter (tags, statuses, category, dates, trash), most recent first.
#[tauri::command]
pub async fn list_pieces(
    state: State<'_, AppState>,
    filter: Option<PieceFilter>,
) -> Result<Vec<PieceSummary>, UiError> {
    let filter = filter.unwrap_or_default();
    state
        .with_library(move |lib| lib.list_pieces(&filter))
        .await
}

/// One piece with its text and fields.
#[tauri::command]
pub async fn get_piece(state: State<'_, AppState>, id: i64) -> Result<Piece, UiError> {
    state.with_library(move |lib| lib.get_piece(id)).await
}

/// A new piece (empty, status `draft`, unless fields are given).
#[tauri::command]
pub async fn create_piece(state: State<'_, AppState>, new: NewPiece) -> Result<Piece, UiError> {
    state.with_library(move |lib| lib.create_piece(&new)).await
}

/// Saves the fields of a piece; refused with `conflict` when it changed elsewhere.
#[tauri::command]
pub async fn save_piece(state: State<'_, AppState>, edit: PieceEdit) -> Result<Piece, UiError> {
    state.with_library(move |lib| lib.save_piece(&edit)).await
}

/// The welcome piece, created on the first launch only.
#[tauri::command]
pub async fn offer_welcome_piece(state: State<'_, AppState>) -> Result<Option<Piece>, UiError> {
    state.with_library(|lib| lib.offer_welcome_piece()).await
}

/// Moves a piece along the workflow (idea, draft, review, ready, published).
#[tauri::command]
pub async fn set_status(
    state: State<'_, AppState>,
    id: i64,
    status: Status,
) -> Result<Piece, UiError> {
    state
        .with_library(move |lib| lib.set_status(id, status))
        .await
}

/// Every status change of a piece, oldest first.
#[tauri::command]
pub async fn status_history(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<StatusChange>, UiError> {
    state.with_library(move |lib| lib.status_history(id)).await
}

/// Moves a piece to the trash.
#[tauri::command]
pub async fn trash_piece(state: State<'_, AppState>, id: i64) -> Result<Piece, UiError> {
    state.with_library(move |lib| lib.trash_piece(id)).await
}

/// Brings a piece back from the trash.
#[tauri::command]
pub async fn restore_from_trash(state: State<'_, AppState>, id: i64) -> Result<Piece, UiError> {
    state
        .with_library(move |lib| lib.restore_from_trash(id))
        .await
}

/// The pieces in the trash.
#[tauri::command]
pub async fn list_trash(state: State<'_, AppState>) -> Result<Vec<PieceSummary>, UiError> {
    state.with_library(|lib| lib.list_trash()).await
}

/// Deletes the trashed pieces for good; returns how many.
#[tauri::command]
pub async fn empty_trash(state: State<'_, AppState>) -> Result<usize, UiError> {
    state.with_library(|lib| lib.empty_trash()).await
}

/// Full-text search (accents and case ignored) with the list filters, best first.
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: SearchQuery,
) -> Result<Vec<SearchHit>, UiError> {
    state.with_library(move |lib| lib.search(&query)).await
}
