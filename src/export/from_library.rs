//! Exports whose source is the library: one piece to a file or to a fragment string (the
//! app's clipboard), and the static archive of the library's pieces.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::library::{Library, Piece, PieceFilter, Status};

use super::article::Article;
use super::error::ExportError;
use super::site::{SiteReport, SiteSelection};
use super::{ExportFormat, Exporter};

impl Exporter {
    /// Exports a library piece to `path` in `format` with its images (see
    /// [`Exporter::export_to_path`]), replacing any file there atomically.
    pub fn piece_to_file(
        &self,
        library: &Library,
        piece: &Piece,
        format: ExportFormat,
        path: &Path,
    ) -> Result<(), ExportError> {
        self.export_to_path(&Article::from(piece), format, path, library)
    }

    /// A library piece as an HTML fragment for a CMS, with or without its header (kicker,
    /// title, chapô, information line); its images' URLs are `images/<file>` or under the
    /// image base URL.
    pub fn piece_fragment(
        &self,
        library: &Library,
        piece: &Piece,
        with_header: bool,
    ) -> Result<String, ExportError> {
        self.fragment_with_store(&Article::from(piece), with_header, library)
    }

    /// Writes the archive of the library's live pieces (only the published ones for
    /// [`SiteSelection::Published`]) into `out`; see [`Exporter::site`] for `progress` and
    /// `cancel`, which is also honoured while the pieces are read.
    pub fn site_from_library(
        &self,
        library: &Library,
        selection: SiteSelection,
        out: &Path,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<SiteReport, ExportError> {
        let articles = library_articles(library, selection, cancel)?;
        self.site_with_images(&articles, library, selection, out, progress, cancel)
    }
}

/// The library's live pieces as articles, most recently changed first: all of them, or only
/// those with status `published`.
pub fn library_articles(
    library: &Library,
    selection: SiteSelection,
    cancel: &AtomicBool,
) -> Result<Vec<Article>, ExportError> {
    let filter = PieceFilter {
        statuses: match selection {
            SiteSelection::Published => vec![Status::Published],
            SiteSelection::All => Vec::new(),
        },
        ..PieceFilter::default()
    };
    let summaries = library.list_pieces(&filter)?;
    let mut articles = Vec::with_capacity(summaries.len());
    for summary in summaries {
        if cancel.load(Ordering::Relaxed) {
            return Err(ExportError::Cancelled);
        }
        articles.push(Article::from(&library.get_piece(summary.id)?));
    }
    Ok(articles)
}
