//! The live preview: Markdown in, the blocks of safe typeset HTML (with source lines) that
//! changed since the render the window shows, and the counts, out.

use edito::preview::{typeset_head as typeset, PreviewHead, PreviewUpdate};
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
        ..RenderOptions::default()
    };
    state.preview_update(markdown, options, shown).await
}

/// The kicker, title, standfirst and signature with the piece's typography, for the preview.
#[tauri::command]
pub fn typeset_head(head: PreviewHead, lang: Option<Lang>) -> PreviewHead {
    typeset(&head, lang.unwrap_or_default())
}
