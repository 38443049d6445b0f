//! Printing for the CLI: `--json` output and short human lines.
//!
//! `--json` is stable: pretty-printed JSON of the core's serde types (snake_case; fields are
//! only ever added), the same shapes the desktop UI receives, documented in docs/CLI.md:
//! - `show`, `tag`, `status`, `restore`, `rm`, `trash --restore`: a [`edito::Piece`];
//! - `list`, `trash`: an array of [`edito::library::PieceSummary`];
//! - `search`: an array of [`edito::library::SearchHit`] (summary fields + `score` + `snippet`
//!   segments `{text, highlight}`, plain text, never HTML);
//! - `tags`: an array of [`edito::library::TagCount`] `{name, count}`;
//! - `history`: `{"revisions": [RevisionSummary…], "status_history": [StatusChange…]}`;
//! - `diff`: a [`edito::library::RevisionDiff`];
//! - `trash --empty`: `{"deleted": N}`;
//! - `backup`, `backup --list`: [`edito::library::BackupInfo`] (one, or an array);
//!   `backup --restore`: a [`edito::library::RestoreReport`].

use std::io::Write;

use serde::Serialize;

/// Prints `value` as pretty JSON followed by a newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Tags as `a, b, c` (or `-` when there are none), for one-line listings.
pub fn tag_list(tags: &[String]) -> String {
    if tags.is_empty() {
        "-".to_string()
    } else {
        tags.join(", ")
    }
}
