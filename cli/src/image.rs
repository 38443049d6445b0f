//! `edito image add|list|describe|collect`: images kept in the library, used in a piece's body
//! or as its lead image.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand};
use edito::images::ImageId;
use edito::library::{ImagePlacement, ImageRecord, ImageText};
use edito::Library;

use crate::output;

/// Arguments of `edito image`.
#[derive(Debug, Args)]
pub struct ImageArgs {
    #[command(subcommand)]
    command: ImageCommand,
}

#[derive(Debug, Subcommand)]
enum ImageCommand {
    /// Copy an image file into the library and show it at the end of piece ID (a new
    /// paragraph `![alt](edito:image/…)`), or with --lead make it the piece's lead image.
    Add(AddArgs),
    /// List the library's images, newest first.
    List(ListArgs),
    /// Change the alt text, caption or credit of an image.
    Describe(DescribeArgs),
    /// Remove the images no piece, lead image or revision refers to (those added in the last
    /// day are kept).
    Collect,
}

/// The words of an image, as options (each one given replaces the stored one).
#[derive(Debug, Args)]
struct TextArgs {
    /// Alt text: what the image shows, for readers who cannot see it.
    #[arg(long)]
    alt: Option<String>,
    /// The image is decorative (it may go without alt text).
    #[arg(long)]
    decorative: bool,
    /// Caption shown under the image.
    #[arg(long)]
    caption: Option<String>,
    /// The photographer's credit (« Photo : … »).
    #[arg(long)]
    credit: Option<String>,
}

impl TextArgs {
    /// The record's words with the given options applied.
    fn applied_to(&self, record: &ImageRecord) -> ImageText {
        ImageText {
            alt: self.alt.clone().unwrap_or_else(|| record.alt.clone()),
            decorative: self.decorative || record.decorative,
            caption: self
                .caption
                .clone()
                .unwrap_or_else(|| record.caption.clone()),
            credit: self.credit.clone().unwrap_or_else(|| record.credit.clone()),
        }
    }
}

#[derive(Debug, Args)]
struct AddArgs {
    /// Id of the piece.
    id: i64,
    /// The image file (JPEG, PNG, WebP or GIF).
    file: PathBuf,
    #[command(flatten)]
    text: TextArgs,
    /// Make it the piece's lead image instead of adding it to the body.
    #[arg(long)]
    lead: bool,
    /// Print the image's record as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct ListArgs {
    /// Print a JSON array of image records.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct DescribeArgs {
    /// The image: its id, or its reference `edito:image/<id>`.
    image: String,
    #[command(flatten)]
    text: TextArgs,
    /// Print the image's record as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `edito image …`.
pub fn run(library: &Library, args: &ImageArgs) -> anyhow::Result<()> {
    match &args.command {
        ImageCommand::Add(args) => add(library, args),
        ImageCommand::List(args) => list(library, args),
        ImageCommand::Describe(args) => describe(library, args),
        ImageCommand::Collect => {
            outln!("{} images removed", library.collect_images()?)?;
            Ok(())
        }
    }
}

fn add(library: &Library, args: &AddArgs) -> anyhow::Result<()> {
    if args.text.alt.as_deref().is_none_or(|a| a.trim().is_empty()) && !args.text.decorative {
        anyhow::bail!("give the image an alt text with --alt \"…\" (what it shows, for readers who cannot see it), or mark it --decorative");
    }
    // The piece first: a wrong id must not leave an unused image behind.
    library.get_piece(args.id)?;
    let record = library.add_image_file(&args.file)?;
    let id = parse_id(&record.id)?;
    let record = library.describe_image(&id, &args.text.applied_to(&record))?;
    let placement = if args.lead {
        ImagePlacement::Lead
    } else {
        ImagePlacement::EndOfBody {
            alt: args.text.alt.clone().unwrap_or_default(),
        }
    };
    library.place_image(args.id, &id, &placement)?;
    if args.json {
        return output::json(&record);
    }
    outln!("{}", id.reference())?;
    Ok(())
}

fn list(library: &Library, args: &ListArgs) -> anyhow::Result<()> {
    let images = library.images()?;
    if args.json {
        return output::json(&images);
    }
    for image in images {
        outln!(
            "{}\t{}×{}\t{}\t{}\t{}",
            image.id,
            image.width,
            image.height,
            image.media_type,
            image.original_name.as_deref().unwrap_or("-"),
            image.alt
        )?;
    }
    Ok(())
}

fn describe(library: &Library, args: &DescribeArgs) -> anyhow::Result<()> {
    let id = parse_id(&args.image)?;
    let record = library.image(&id)?;
    let record = library.describe_image(&id, &args.text.applied_to(&record))?;
    if args.json {
        return output::json(&record);
    }
    outln!("{}\t{}", record.id, record.alt)?;
    Ok(())
}

fn parse_id(text: &str) -> anyhow::Result<ImageId> {
    ImageId::parse(text)
        .or_else(|| ImageId::from_reference(text))
        .with_context(|| format!("`{text}` is not an image id (32 lowercase hex characters, or `edito:image/<id>`; list them with `edito image list`)"))
}
