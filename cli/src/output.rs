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
//!   `backup --restore`: a [`edito::library::RestoreReport`];
//! - `image add`, `image describe`: an [`edito::library::ImageRecord`]; `image list`: an array.

use std::io::Write;

use serde::Serialize;

/// `println!` that returns the write's error instead of panicking: a reader that closes the
/// pipe early (`edito list | head -1`) must not make a committed command crash. `main`
/// turns that error into a quiet exit. The CLI denies `clippy::print_stdout`, so every line
/// goes through here.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` that returns the write's error (see [`outln!`]).
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::write_stdout(format_args!($($arg)*))
    };
}

/// Writes formatted text to standard output.
pub fn write_stdout(args: std::fmt::Arguments<'_>) -> anyhow::Result<()> {
    std::io::stdout().lock().write_fmt(args)?;
    Ok(())
}

/// Whether `err` is a write to a closed standard output (the reader went away): such an
/// end is quiet, as for other Unix tools. Looks through the error's causes, serde_json's
/// wrapping included.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

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
