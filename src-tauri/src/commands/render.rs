//! The live preview: Markdown in, safe HTML out.

use serde::Serialize;

/// What the preview pane shows.
#[derive(Debug, Serialize)]
pub struct Preview {
    /// Safe HTML fragment.
    pub html: String,
}

/// Renders the body for the preview. Pure CPU work, off the UI thread like every command.
#[tauri::command]
pub async fn render_preview(markdown: String) -> Result<Preview, crate::UiError> {
    tauri::async_runtime::spawn_blocking(move || Preview {
        html: edito::render_html(&markdown),
    })
    .await
    .map_err(|_| crate::UiError::internal())
}
