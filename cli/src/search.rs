//! `edito search QUERY`: full-text search with the list filters.

use clap::Args;
use edito::library::SearchQuery;
use edito::Library;

use crate::output;
use crate::pieces::FilterArgs;

/// Arguments of `edito search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (accents and case ignored; `rédac*` for a prefix).
    query: String,
    #[command(flatten)]
    filter: FilterArgs,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    limit: u32,
    /// Print a JSON array of hits.
    #[arg(long)]
    json: bool,
}

/// Prints one line per hit: id, title, then the snippet with matches in `[…]`.
pub fn run(library: &Library, args: &SearchArgs) -> anyhow::Result<()> {
    let mut filter = args.filter.filter();
    filter.limit = Some(args.limit);
    let hits = library.search(&SearchQuery {
        text: args.query.clone(),
        filter,
    })?;
    if args.json {
        return output::json(&hits);
    }
    for hit in hits {
        let snippet: String = hit
            .snippet
            .iter()
            .map(|s| {
                if s.highlight {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect();
        outln!(
            "{}\t{}\t{}",
            hit.piece.id,
            hit.piece.title,
            snippet.replace('\n', " ")
        )?;
    }
    Ok(())
}
