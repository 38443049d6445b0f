//! Reading text input for the CLI: a file or standard input, refused clearly if not UTF-8.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context};

/// Reads `path` (or standard input for `None` or `-`) as UTF-8 text.
pub fn read_text(path: Option<&Path>) -> anyhow::Result<String> {
    let (bytes, name) = match path {
        Some(p) if p != Path::new("-") => (
            std::fs::read(p).with_context(|| format!("cannot read `{}`", p.display()))?,
            p.display().to_string(),
        ),
        _ => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("cannot read standard input")?;
            (buf, String::from("standard input"))
        }
    };
    match String::from_utf8(bytes) {
        // A BOM (Windows editors write one) is never text: `edito::text::without_bom`.
        Ok(text) => Ok(match edito::text::without_bom(&text).len() {
            len if len == text.len() => text,
            len => text[text.len() - len..].to_owned(),
        }),
        Err(err) => bail!(
            "`{name}` is not UTF-8 text (invalid byte at offset {}): convert it, e.g. `iconv -f latin1 -t utf-8`",
            err.utf8_error().valid_up_to()
        ),
    }
}
