//! `edito new`, `edito list`, `edito show`: drafts from the command line.

use clap::Args;
use edito::Library;

use super::input::read_text;

/// Arguments of `edito new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Title of the new draft.
    #[arg(long, short)]
    title: String,
}

/// Arguments of `edito show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Id of the draft (see `edito list`).
    id: i64,
}

/// Creates a draft from standard input and prints its id.
pub fn new(library: &Library, args: &NewArgs) -> anyhow::Result<()> {
    let body = read_text(None)?;
    let draft = library.create_draft(&args.title, &body)?;
    println!("{}", draft.id);
    Ok(())
}

/// Prints one line per draft: id, last save, title.
pub fn list(library: &Library) -> anyhow::Result<()> {
    for draft in library.list_drafts()? {
        println!("{}\t{}\t{}", draft.id, draft.updated_at, draft.title);
    }
    Ok(())
}

/// Prints a draft: title, blank line, Markdown body.
pub fn show(library: &Library, args: &ShowArgs) -> anyhow::Result<()> {
    let draft = library.get_draft(args.id)?;
    println!("# {}\n\n{}", draft.title, draft.body.trim_end());
    Ok(())
}
