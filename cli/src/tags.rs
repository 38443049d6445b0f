//! `edito tag ID add|rm TAG…` and `edito tags`: tagging pieces, listing, renaming and
//! merging tags.

use clap::{Args, ValueEnum};
use edito::Library;

use crate::output;

/// What `edito tag` does.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TagAction {
    /// Add the tags.
    Add,
    /// Remove the tags.
    Rm,
}

/// Arguments of `edito tag`.
#[derive(Debug, Args)]
pub struct TagArgs {
    /// Id of the piece.
    id: i64,
    /// `add` or `rm`.
    action: TagAction,
    /// Tag names (quote those with spaces).
    #[arg(required = true)]
    tags: Vec<String>,
    /// Print the piece as JSON.
    #[arg(long)]
    json: bool,
}

/// Arguments of `edito tags`.
#[derive(Debug, Args)]
pub struct TagsArgs {
    /// Rename tag OLD to NEW on every piece (merged if NEW exists).
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
    rename: Option<Vec<String>>,
    /// Merge these tags into the one named by --into.
    #[arg(long, num_args = 1.., value_name = "TAG", requires = "into")]
    merge: Vec<String>,
    /// Target of --merge.
    #[arg(long, value_name = "TAG")]
    into: Option<String>,
    /// Print a JSON array of `{name, count}`.
    #[arg(long)]
    json: bool,
}

/// Adds or removes tags and prints the resulting tag list.
pub fn tag(library: &Library, args: &TagArgs) -> anyhow::Result<()> {
    let piece = match args.action {
        TagAction::Add => library.add_tags(args.id, &args.tags)?,
        TagAction::Rm => library.remove_tags(args.id, &args.tags)?,
    };
    if args.json {
        return output::json(&piece);
    }
    outln!("{}", output::tag_list(&piece.tags))?;
    Ok(())
}

/// Renames or merges tags if asked, then lists every tag with its count.
pub fn tags(library: &Library, args: &TagsArgs) -> anyhow::Result<()> {
    if let Some([old, new]) = args.rename.as_deref() {
        library.rename_tag(old, new)?;
    }
    if let (false, Some(into)) = (args.merge.is_empty(), &args.into) {
        library.merge_tags(&args.merge, into)?;
    }
    let tags = library.list_tags()?;
    if args.json {
        return output::json(&tags);
    }
    for tag in tags {
        outln!("{}\t{}", tag.count, tag.name)?;
    }
    Ok(())
}
