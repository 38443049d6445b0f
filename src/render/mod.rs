//! The rendering pipeline: Markdown → HTML fragment. One pipeline serves the preview, the
//! exports and the CLI.

mod options;

use pulldown_cmark::{Event, Parser};

pub use options::parser_options;

/// Rendering failures (none yet for in-memory strings; kept so callers handle them).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Input that is not UTF-8 text.
    #[error("the input is not UTF-8 text (save it as UTF-8 and try again)")]
    NotUtf8,
}

/// Renders Markdown to an HTML fragment. Raw HTML in the source is shown as text, never
/// interpreted, so a pasted `<script>` cannot run in the preview.
pub fn render_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, parser_options()).map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[cfg(test)]
mod tests {
    use super::render_html;

    #[test]
    fn heading_renders() {
        assert_eq!(render_html("# Titre"), "<h1>Titre</h1>\n");
    }

    #[test]
    fn bold_renders_as_strong() {
        assert_eq!(render_html("**gras**"), "<p><strong>gras</strong></p>\n");
    }

    #[test]
    fn raw_script_is_shown_as_text() {
        let html = render_html("<script>alert(1)</script>\n\nok <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn gfm_extensions_are_on() {
        let html = render_html("| a |\n|---|\n| b |\n\n~~x~~\n\n- [x] fait");
        assert!(
            html.contains("<table>") && html.contains("<del>x</del>"),
            "{html}"
        );
        assert!(html.contains("checkbox"), "{html}");
    }
}
