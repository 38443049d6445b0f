//! Argument parsing and dispatch for the `edito` CLI. Each subcommand reads its input, calls
//! one core function and prints the result. `--json` output is the core's serde shapes,
//! stable and documented in docs/CLI.md.

mod backup;
mod history;
mod input;
mod output;
mod pieces;
mod render;
mod search;
mod stress;
mod tags;

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use edito::{paths, Library};

/// Edito: write, file and publish editorials.
#[derive(Debug, Parser)]
#[command(name = "edito", version, about)]
pub struct Cli {
    /// Data directory holding library.db (default: $EDITO_DATA_DIR, then the platform data dir).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render Markdown (FILE, or standard input) to an HTML fragment on standard output.
    Render(render::RenderArgs),
    /// Create a piece whose body is read from standard input; prints the new id.
    New(pieces::NewArgs),
    /// List pieces, most recently changed first.
    List(pieces::ListArgs),
    /// Print one piece.
    Show(pieces::IdArgs),
    /// Full-text search (accents and case ignored), best match first.
    Search(search::SearchArgs),
    /// Add or remove tags of a piece.
    Tag(tags::TagArgs),
    /// List tags with their counts; rename or merge them.
    Tags(tags::TagsArgs),
    /// Change the status of a piece (idea, draft, review, ready, published).
    Status(history::StatusArgs),
    /// Revisions and status changes of a piece.
    History(history::HistoryArgs),
    /// Differences between two revisions (or a revision and `current`).
    Diff(history::DiffArgs),
    /// Bring back an old revision (the current state is kept as a revision).
    Restore(history::RestoreArgs),
    /// Move a piece to the trash.
    Rm(pieces::IdArgs),
    /// List the trash, restore a piece from it, or empty it.
    Trash(pieces::TrashArgs),
    /// Back up the library now, list backups, or restore one.
    Backup(backup::BackupArgs),
    /// Save a piece in a loop (crash tests).
    #[command(hide = true)]
    SaveLoop(stress::SaveLoopArgs),
}

/// Runs one invocation.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let data_dir = cli.data_dir;
    match cli.command {
        Command::Render(args) => render::run(&args),
        Command::Backup(args) => backup::run(&resolve_data_dir(data_dir)?, &args),
        command => {
            let library = Library::open_in(&resolve_data_dir(data_dir)?)?;
            run_on_library(&library, command)
        }
    }
}

fn run_on_library(library: &Library, command: Command) -> anyhow::Result<()> {
    match command {
        Command::New(args) => pieces::new(library, args),
        Command::List(args) => pieces::list(library, &args),
        Command::Show(args) => pieces::show(library, &args),
        Command::Search(args) => search::run(library, &args),
        Command::Tag(args) => tags::tag(library, &args),
        Command::Tags(args) => tags::tags(library, &args),
        Command::Status(args) => history::status(library, &args),
        Command::History(args) => history::history(library, &args),
        Command::Diff(args) => history::diff(library, &args),
        Command::Restore(args) => history::restore(library, &args),
        Command::Rm(args) => pieces::rm(library, &args),
        Command::Trash(args) => pieces::trash(library, &args),
        Command::SaveLoop(args) => stress::run(library, &args),
        Command::Render(_) | Command::Backup(_) => Ok(()),
    }
}

fn resolve_data_dir(explicit: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    paths::data_dir(explicit)
        .context("no data directory on this system: pass --data-dir DIR or set EDITO_DATA_DIR")
}
