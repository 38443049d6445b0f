//! `edito render`: Markdown (with optional front matter) to a safe HTML fragment, or its counts.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use edito::render::{render_document, Counts, Lang, RenderOptions};

use crate::choice::codes;
use crate::input::read_text;

/// Arguments of `edito render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Language of the typography (default: the front matter's `lang`, else `fr`).
    #[arg(long, value_parser = codes(&Lang::ALL, Lang::as_str))]
    lang: Option<Lang>,
    /// Leave quotes, spaces and dashes as typed.
    #[arg(long)]
    no_typography: bool,
    /// Add `data-line="N"` to block elements.
    #[arg(long)]
    source_map: bool,
    /// Print the counts (signs, words, feuillets, reading time) instead of the HTML.
    #[arg(long)]
    counts: bool,
    /// With `--counts`, print them as JSON.
    #[arg(long, requires = "counts")]
    json: bool,
    /// Markdown file to render; standard input when absent or `-`.
    file: Option<PathBuf>,
}

/// Prints the HTML fragment, or the counts, for the input.
pub fn run(args: &RenderArgs) -> anyhow::Result<()> {
    let source = read_text(args.file.as_deref())?;
    let options = RenderOptions {
        typography: !args.no_typography,
        source_map: args.source_map,
        ..RenderOptions::default()
    };
    let document = render_document(&source, &options, args.lang);
    let mut out = std::io::stdout().lock();
    if !args.counts {
        out.write_all(document.rendered.html.as_bytes())?;
    } else if args.json {
        serde_json::to_writer(&mut out, &document.rendered.counts)?;
        writeln!(out)?;
    } else {
        out.write_all(counts_text(&document.rendered.counts).as_bytes())?;
    }
    Ok(())
}

fn counts_text(counts: &Counts) -> String {
    format!(
        "signs\t{}\nsigns_no_spaces\t{}\nwords\t{}\nfeuillets\t{:.2}\nreading_minutes\t{:.1}\n",
        counts.signs,
        counts.signs_no_spaces,
        counts.words,
        counts.feuillets,
        counts.reading_minutes
    )
}
