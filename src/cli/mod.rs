//! Argument parsing and dispatch for the `edito` CLI. Each subcommand reads its input, calls
//! one core function and prints the result.

mod drafts;
mod export;
mod input;
mod render;

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
    /// Create a draft whose body is read from standard input; prints the new id.
    New(drafts::NewArgs),
    /// List drafts, most recently saved first.
    List,
    /// Print one draft.
    Show(drafts::ShowArgs),
    /// Export a Markdown file with front matter as a page, a CMS fragment or Markdown.
    Export(export::ExportArgs),
    /// Write the static archive (index, pieces, tags, categories, Atom feed) into a folder.
    Site(export::SiteArgs),
    /// Read Markdown files or folders with front matter and report what would be imported.
    Import(export::ImportArgs),
}

/// Runs one invocation.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Render(args) => render::run(&args),
        Command::New(args) => drafts::new(&open_library(cli.data_dir)?, &args),
        Command::List => drafts::list(&open_library(cli.data_dir)?),
        Command::Show(args) => drafts::show(&open_library(cli.data_dir)?, &args),
        Command::Export(args) => export::export(paths::data_dir(cli.data_dir).as_deref(), &args),
        Command::Site(args) => export::site(paths::data_dir(cli.data_dir).as_deref(), &args),
        Command::Import(args) => export::import(&args),
    }
}

fn open_library(explicit: Option<PathBuf>) -> anyhow::Result<Library> {
    let dir = paths::data_dir(explicit)
        .context("no data directory on this system: pass --data-dir DIR or set EDITO_DATA_DIR")?;
    Ok(Library::open_in(&dir)?)
}
