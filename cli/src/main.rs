//! The `edito` command line: a thin front end over the core library, like the desktop app.
//! Each subcommand reads its input, calls one core function and prints the result. `--json`
//! output is the core's serde shapes, stable and documented in docs/CLI.md.

// Standard output is written only through `output::outln!`/`out!`, which return the error a
// closed pipe gives instead of panicking.
#![deny(clippy::print_stdout)]

#[macro_use]
mod output;
mod backup;
mod choice;
mod export;
mod history;
mod image;
mod import;
mod input;
mod pieces;
mod publish;
mod render;
mod search;
mod stress;
mod tags;

use std::path::PathBuf;
use std::process::ExitCode;

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
    /// Add an image to a piece (copied into the library), list images, describe one.
    Image(image::ImageArgs),
    /// Save a piece in a loop (crash tests).
    #[command(hide = true)]
    SaveLoop(stress::SaveLoopArgs),
    /// Export a piece of the library (ID) or a Markdown file as a page, a CMS fragment or Markdown.
    Export(export::ExportArgs),
    /// Write the static archive (index, pieces, tags, categories, Atom feed) into a folder.
    Site(export::SiteArgs),
    /// Import Markdown files or folders with front matter into the library.
    Import(import::ImportArgs),
    /// The WordPress sites pieces are published to: add one, list them.
    Sites(publish::SitesArgs),
    /// Publish a piece to a site as a draft, pending review, scheduled or published post
    /// (re-publishing updates the same post).
    Publish(publish::PublishArgs),
}

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader closed the pipe (`edito list | head -1`): it has what it wanted, and
        // whatever the command changed is committed. Quiet and successful, as ripgrep does,
        // so a script does not retry a command that worked.
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("edito: {}", error_text(&err));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, each said once: a message that already quotes its
/// cause (`cannot write `x`: No space left on device`) does not get it appended again.
fn error_text(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let part = cause.to_string();
        if text.contains(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

/// Runs one invocation.
fn run(cli: Cli) -> anyhow::Result<()> {
    let data_dir = cli.data_dir;
    let open = || -> anyhow::Result<Library> {
        let library = Library::open_in(&resolve_data_dir(data_dir.clone())?)?;
        if let Some(recovery) = library.recovery() {
            eprintln!("edito: {recovery}");
        }
        Ok(library)
    };
    match cli.command {
        Command::Render(args) => render::run(&args),
        // Backup opens the library itself: a restore must not open the file it replaces.
        Command::Backup(args) => backup::run(&resolve_data_dir(data_dir.clone())?, &args),
        Command::New(args) => pieces::new(&open()?, args),
        Command::List(args) => pieces::list(&open()?, &args),
        Command::Show(args) => pieces::show(&open()?, &args),
        Command::Search(args) => search::run(&open()?, &args),
        Command::Tag(args) => tags::tag(&open()?, &args),
        Command::Tags(args) => tags::tags(&open()?, &args),
        Command::Status(args) => history::status(&open()?, &args),
        Command::History(args) => history::history(&open()?, &args),
        Command::Diff(args) => history::diff(&open()?, &args),
        Command::Restore(args) => history::restore(&open()?, &args),
        Command::Rm(args) => pieces::rm(&open()?, &args),
        Command::Trash(args) => pieces::trash(&open()?, &args),
        Command::Image(args) => image::run(&open()?, &args),
        Command::SaveLoop(args) => stress::run(&open()?, &args),
        Command::Export(args) => export::export(data_dir, &args),
        Command::Site(args) => export::site(data_dir, &args),
        Command::Import(args) => import::run(data_dir, &args),
        Command::Sites(args) => publish::sites(&open()?, &args),
        Command::Publish(args) => publish::publish(&open()?, &args),
    }
}

fn resolve_data_dir(explicit: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    paths::data_dir(explicit)
        .context("no data directory on this system: pass --data-dir DIR or set EDITO_DATA_DIR")
}
