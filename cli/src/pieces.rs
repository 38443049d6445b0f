//! `edito new`, `list`, `show`, `rm`, `trash`: pieces from the command line.

use clap::Args;
use edito::library::{Lang, NewPiece, PieceFields, PieceFilter, PieceSummary, Status};
use edito::Library;

use crate::choice::codes;
use crate::input::read_text;
use crate::output;

/// Arguments of `edito new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Title of the new piece.
    #[arg(long, short)]
    title: String,
    /// A tag (repeat for several).
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// *Rubrique*.
    #[arg(long)]
    category: Option<String>,
    /// Initial status.
    #[arg(long, value_parser = codes(&Status::ALL, Status::as_str))]
    status: Option<Status>,
    /// Language.
    #[arg(long, value_parser = codes(&Lang::ALL, Lang::as_str))]
    lang: Option<Lang>,
    /// Publication date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

/// Filters shared by `edito list` and `edito search`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only pieces with this tag (repeat: pieces with all of them).
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// Only pieces in this status (repeat: any of them).
    #[arg(long = "status", value_name = "STATUS", value_parser = codes(&Status::ALL, Status::as_str))]
    statuses: Vec<Status>,
    /// Only pieces of this *rubrique*.
    #[arg(long)]
    category: Option<String>,
    /// Publication date on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// Publication date on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
}

impl FilterArgs {
    /// The core filter these flags describe.
    pub fn filter(&self) -> PieceFilter {
        PieceFilter {
            tags: self.tags.clone(),
            statuses: self.statuses.clone(),
            category: self.category.clone(),
            published_from: self.from.clone(),
            published_to: self.to.clone(),
            ..PieceFilter::default()
        }
    }
}

/// Arguments of `edito list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// Print a JSON array of piece summaries.
    #[arg(long)]
    json: bool,
}

/// Arguments of commands taking one piece id.
#[derive(Debug, Args)]
pub struct IdArgs {
    /// Id of the piece (see `edito list`).
    id: i64,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Arguments of `edito trash`.
#[derive(Debug, Args)]
pub struct TrashArgs {
    /// Bring this piece back from the trash.
    #[arg(long, value_name = "ID", conflicts_with = "empty")]
    restore: Option<i64>,
    /// Delete every piece in the trash for good.
    #[arg(long)]
    empty: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Creates a piece whose body is standard input and prints its id.
pub fn new(library: &Library, args: NewArgs) -> anyhow::Result<()> {
    let body = read_text(None)?;
    let piece = library.create_piece(&NewPiece {
        fields: PieceFields {
            title: args.title,
            body,
            category: args.category.unwrap_or_default(),
            lang: args.lang.unwrap_or_default(),
            publication_date: args.date,
            ..PieceFields::default()
        },
        status: args.status,
        tags: args.tags,
        slug: None,
        ..NewPiece::default()
    })?;
    outln!("{}", piece.id)?;
    Ok(())
}

/// Prints one line per piece: id, status, last change, tags, title.
pub fn list(library: &Library, args: &ListArgs) -> anyhow::Result<()> {
    let pieces = library.list_pieces(&args.filter.filter())?;
    if args.json {
        return output::json(&pieces);
    }
    print_summaries(&pieces)
}

/// Prints summaries as tab-separated lines, the title last.
pub fn print_summaries(pieces: &[PieceSummary]) -> anyhow::Result<()> {
    for p in pieces {
        outln!(
            "{}\t{}\t{}\t{}\t{}",
            p.id,
            p.status,
            p.updated_at,
            output::tag_list(&p.tags),
            p.title
        )?;
    }
    Ok(())
}

/// Prints a piece: title, metadata lines, blank line, Markdown body.
pub fn show(library: &Library, args: &IdArgs) -> anyhow::Result<()> {
    let piece = library.get_piece(args.id)?;
    if args.json {
        return output::json(&piece);
    }
    let f = &piece.fields;
    outln!("# {}", f.title)?;
    outln!(
        "slug: {}  status: {}  version: {}",
        piece.slug,
        piece.status,
        piece.version
    )?;
    outln!("tags: {}", output::tag_list(&piece.tags))?;
    for (label, value) in [
        ("kicker", &f.kicker),
        ("standfirst", &f.standfirst),
        ("author", &f.author),
        ("category", &f.category),
    ] {
        if !value.is_empty() {
            outln!("{label}: {value}")?;
        }
    }
    if let Some(date) = &f.publication_date {
        outln!("publication: {date}")?;
    }
    if let Some(lead) = &f.lead_image {
        lead_image(library, lead)?;
    }
    if piece.trashed_at.is_some() {
        outln!("(in the trash)")?;
    }
    outln!("\n{}", f.body.trim_end())?;
    Ok(())
}

/// The lead image's lines: its reference, then the texts a reader of the page gets (alt text,
/// caption, credit) from the image's record, or why the record cannot be read.
fn lead_image(library: &Library, lead: &str) -> anyhow::Result<()> {
    outln!("lead image: {lead}")?;
    let Some(id) = edito::images::ImageId::from_reference(lead.trim()) else {
        return Ok(());
    };
    match library.image(&id) {
        Ok(image) => {
            let name = image.original_name.as_deref().unwrap_or("-");
            outln!("  file: {name}  {}×{}", image.width, image.height)?;
            if image.decorative {
                outln!("  alt: (decorative)")?;
            } else if image.alt.trim().is_empty() {
                outln!("  alt: (none: describe it with `edito image describe {id} --alt …`)")?;
            } else {
                outln!("  alt: {}", image.alt)?;
            }
            for (label, value) in [("caption", &image.caption), ("credit", &image.credit)] {
                if !value.trim().is_empty() {
                    outln!("  {label}: {value}")?;
                }
            }
        }
        Err(err) => outln!("  ({err})")?,
    }
    Ok(())
}

/// Moves a piece to the trash.
pub fn rm(library: &Library, args: &IdArgs) -> anyhow::Result<()> {
    let piece = library.trash_piece(args.id)?;
    if args.json {
        return output::json(&piece);
    }
    outln!(
        "moved piece {} to the trash (undo with `edito trash --restore {}`)",
        piece.id,
        piece.id
    )?;
    Ok(())
}

/// Lists the trash, restores from it, or empties it.
pub fn trash(library: &Library, args: &TrashArgs) -> anyhow::Result<()> {
    if let Some(id) = args.restore {
        let piece = library.restore_from_trash(id)?;
        return if args.json {
            output::json(&piece)
        } else {
            outln!("restored piece {id}")?;
            Ok(())
        };
    }
    if args.empty {
        let deleted = library.empty_trash()?;
        return if args.json {
            output::json(&serde_json::json!({ "deleted": deleted }))
        } else {
            outln!("deleted {deleted} piece(s) for good")?;
            Ok(())
        };
    }
    let pieces = library.list_trash()?;
    if args.json {
        return output::json(&pieces);
    }
    print_summaries(&pieces)
}
