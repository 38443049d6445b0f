//! The live preview: Markdown in, the blocks of safe typeset HTML (with source lines) that
//! changed since the render the window shows, and the counts, out.

use edito::export::Article;
use edito::preview::PreviewUpdate;
use edito::render::{Lang, RenderOptions};
use tauri::State;

use crate::{AppState, UiError};

/// Renders the body for the preview in the piece's language, with `data-line` attributes for
/// scroll sync and the counts for the status bar, in one call. `shown` is the `generation` of
/// the update the window shows (none: send every block).
#[tauri::command]
pub async fn render_preview(
    state: State<'_, AppState>,
    markdown: String,
    lang: Option<Lang>,
    typography: Option<bool>,
    shown: Option<u64>,
) -> Result<PreviewUpdate, UiError> {
    let options = RenderOptions {
        lang: lang.unwrap_or_default(),
        typography: typography.unwrap_or(true),
        source_map: true,
        // No library open: images stay unresolved, the text still shows.
        links: state.preview_links().await.unwrap_or_default(),
        ..RenderOptions::default()
    };
    state.preview_update(markdown, options, shown).await
}

/// The preview's page around the body: the export theme's `piece.html` (the user's templates
/// when they have some) for the open piece's fields, with an empty slot for the body's blocks;
/// the lead image through the preview's image resolver, like the body's images.
#[tauri::command]
pub async fn preview_page(state: State<'_, AppState>, article: Article) -> Result<String, UiError> {
    // No library open: the lead image is left out, the fields still show.
    let images = state.preview_links().await.unwrap_or_default();
    Ok(state.exporter()?.preview_page(&article, &images)?)
}
