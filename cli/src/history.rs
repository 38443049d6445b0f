//! `edito status`, `history`, `diff`, `restore`: the workflow and the revisions of a piece.

use std::str::FromStr;

use anyhow::bail;
use clap::Args;
use edito::library::Status;
use edito::Library;

use crate::choice::codes;
use crate::output;

/// Arguments of `edito status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Id of the piece.
    id: i64,
    /// New status (French names work too).
    #[arg(value_parser = codes(&Status::ALL, Status::as_str))]
    status: Status,
    /// Print the piece as JSON.
    #[arg(long)]
    json: bool,
}

/// Arguments of `edito history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Id of the piece.
    id: i64,
    /// Print `{"revisions": [...], "status_history": [...]}`.
    #[arg(long)]
    json: bool,
}

/// A side of a diff: a revision number or `current`.
#[derive(Debug, Clone, Copy)]
pub enum RevRef {
    /// A revision.
    Number(i64),
    /// The piece as it is now.
    Current,
}

impl FromStr for RevRef {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.eq_ignore_ascii_case("current") {
            return Ok(RevRef::Current);
        }
        text.parse().map(RevRef::Number).map_err(|_| {
            format!("`{text}` is not a revision number or `current` (see `edito history ID`)")
        })
    }
}

/// Arguments of `edito diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Id of the piece.
    id: i64,
    /// Older revision number.
    from: RevRef,
    /// Newer revision number, or `current`.
    to: RevRef,
    /// Print the structured diff as JSON (word-level segments per field).
    #[arg(long)]
    json: bool,
}

/// Arguments of `edito restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Id of the piece.
    id: i64,
    /// Revision to bring back (the current state is kept as a revision first).
    revision: i64,
    /// Print the piece as JSON.
    #[arg(long)]
    json: bool,
}

/// Changes the status and prints it.
pub fn status(library: &Library, args: &StatusArgs) -> anyhow::Result<()> {
    let piece = library.set_status(args.id, args.status)?;
    if args.json {
        return output::json(&piece);
    }
    outln!("{}", piece.status)?;
    Ok(())
}

/// Prints revisions (newest first) and status changes.
pub fn history(library: &Library, args: &HistoryArgs) -> anyhow::Result<()> {
    let revisions = library.list_revisions(args.id)?;
    let status_history = library.status_history(args.id)?;
    if args.json {
        return output::json(&serde_json::json!({
            "revisions": revisions,
            "status_history": status_history,
        }));
    }
    outln!("revisions:")?;
    for r in &revisions {
        outln!(
            "{}\t{}\t{}\t{}",
            r.number,
            r.saved_at,
            r.reason.as_str(),
            r.title
        )?;
    }
    outln!("status:")?;
    for change in &status_history {
        let from = change.from.map_or("-", |s| s.as_str());
        outln!("{}\t{} -> {}", change.changed_at, from, change.to)?;
    }
    Ok(())
}

/// Prints the unified diff of the bodies, then the other fields that changed.
pub fn diff(library: &Library, args: &DiffArgs) -> anyhow::Result<()> {
    let diff = match (args.from, args.to) {
        (RevRef::Number(a), RevRef::Number(b)) => library.diff_revisions(args.id, a, b)?,
        (RevRef::Number(a), RevRef::Current) => library.diff_with_current(args.id, a)?,
        (RevRef::Current, _) => bail!("the first side of a diff must be a revision number"),
    };
    if args.json {
        return output::json(&diff);
    }
    if diff.fields.is_empty() {
        outln!("no differences")?;
        return Ok(());
    }
    out!("{}", diff.unified)?;
    for field in diff.fields.iter().filter(|f| f.field != "body") {
        let old: String = field
            .segments
            .iter()
            .filter(|s| s.op != edito::library::DiffOp::Insert)
            .map(|s| s.text.as_str())
            .collect();
        let new: String = field
            .segments
            .iter()
            .filter(|s| s.op != edito::library::DiffOp::Delete)
            .map(|s| s.text.as_str())
            .collect();
        outln!("{}: {old:?} -> {new:?}", field.field)?;
    }
    Ok(())
}

/// Restores a revision and prints the piece's new version.
pub fn restore(library: &Library, args: &RestoreArgs) -> anyhow::Result<()> {
    let piece = library.restore_revision(args.id, args.revision)?;
    if args.json {
        return output::json(&piece);
    }
    outln!(
        "restored revision {} of piece {} (now version {})",
        args.revision,
        piece.id,
        piece.version
    )?;
    Ok(())
}
