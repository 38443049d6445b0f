//! The one place that decides how Markdown is parsed, for the preview, the export and the CLI.

use pulldown_cmark::Options;

/// Parser options: GitHub-style tables, footnotes, strikethrough and task lists. Smart
/// punctuation stays off: it only knows English quotes, and French typography is ours.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}
