//! `edito render`: Markdown to an HTML fragment.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::input::read_text;

/// Arguments of `edito render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Markdown file to render; standard input when absent or `-`.
    file: Option<PathBuf>,
}

/// Prints the HTML fragment for the input.
pub fn run(args: &RenderArgs) -> anyhow::Result<()> {
    let markdown = read_text(args.file.as_deref())?;
    let html = edito::render_html(&markdown);
    std::io::stdout().lock().write_all(html.as_bytes())?;
    Ok(())
}
