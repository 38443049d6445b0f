//! The live preview: Markdown in, safe typeset HTML with source lines and counts out.

use edito::render::{render, Lang, RenderOptions, Rendered};

/// Renders the body for the preview in the piece's language, with `data-line` attributes for
/// scroll sync and the counts for the status bar, in one call. Pure CPU work, off the UI thread.
#[tauri::command]
pub async fn render_preview(
    markdown: String,
    lang: Option<Lang>,
    typography: Option<bool>,
) -> Result<Rendered, crate::UiError> {
    let options = RenderOptions {
        lang: lang.unwrap_or_default(),
        typography: typography.unwrap_or(true),
        source_map: true,
    };
    tauri::async_runtime::spawn_blocking(move || render(&markdown, &options))
        .await
        .map_err(|_| crate::UiError::internal())
}
