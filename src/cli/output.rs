//! Printing for the CLI: `--json` output (pretty, stable field names: the core's serde
//! shapes, documented in docs/CLI.md) and short human lines.

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
