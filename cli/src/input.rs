//! Reading text input for the CLI: a file or standard input, refused clearly if not UTF-8.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context};
use edito::import::MAX_FILE_BYTES;

/// Reads `path` (or standard input for `None` or `-`) as UTF-8 text, at most
/// [`MAX_FILE_BYTES`] (a pipe is fine here, `edito render <(…)`, but `/dev/zero` must not
/// fill the memory).
pub fn read_text(path: Option<&Path>) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    let name = match path {
        Some(p) if p != Path::new("-") => {
            std::fs::File::open(p)
                .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
                .with_context(|| format!("cannot read `{}`", p.display()))?;
            p.display().to_string()
        }
        _ => {
            std::io::stdin()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            String::from("standard input")
        }
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bail!(
            "`{name}` is larger than the {} MB a piece may hold: split it",
            MAX_FILE_BYTES / (1024 * 1024)
        );
    }
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
