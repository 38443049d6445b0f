//! `edito save-loop ID` (hidden): saves a piece over and over, printing `N VERSION` after each
//! commit returned. The kill test (tests/integration/kill.rs) SIGKILLs it mid-save and then
//! checks that every reported save is in the library.

use std::io::Write;

use clap::Args;
use edito::library::{PieceEdit, SaveKind};
use edito::Library;

/// Arguments of `edito save-loop`.
#[derive(Debug, Args)]
pub struct SaveLoopArgs {
    /// Id of the piece to save repeatedly.
    id: i64,
    /// Stop after this many saves (forever when absent).
    #[arg(long)]
    count: Option<u64>,
}

/// Saves `save N` bodies as save points until killed or `count` is reached.
pub fn run(library: &Library, args: &SaveLoopArgs) -> anyhow::Result<()> {
    let mut piece = library.get_piece(args.id)?;
    let filler = "Une phrase pour donner du corps à la sauvegarde. ".repeat(40);
    let mut out = std::io::stdout().lock();
    let mut n: u64 = 0;
    while args.count.is_none_or(|max| n < max) {
        n += 1;
        let mut fields = piece.fields.clone();
        fields.body = format!("save {n} v{}\n\n{filler}", piece.version + 1);
        piece = library.save_piece(&PieceEdit {
            id: piece.id,
            base_version: piece.version,
            kind: SaveKind::SavePoint,
            fields,
            slug: None,
            tags: None,
            extra: None,
        })?;
        writeln!(out, "{n} {}", piece.version)?;
        out.flush()?;
    }
    Ok(())
}
