//! Export: a standalone HTML page, a CMS fragment, Markdown with front matter, a static
//! archive with tag and category pages and an Atom feed, each from [`Article`]s (the library's
//! pieces, or files read by [`crate::import`]). Pure core: the app and the CLI call
//! [`Exporter`]. This module depends on the library, never the reverse.

mod article;
mod body;
pub(crate) mod dates;
mod error;
mod feed;
mod fields;
mod format;
mod fragment;
mod from_library;
mod fs;
mod manifest;
mod markdown;
mod page;
mod site;
mod templates;
mod term_slug;
mod views;

use std::path::{Path, PathBuf};

pub use article::Article;
pub use error::ExportError;
pub use format::{ExportFormat, ExportFormatInfo, ExportedFile};
pub use from_library::library_articles;
pub use fs::{atomic_write as write_atomically, safe_name};
pub use manifest::{export_interrupted, MANIFEST};
pub use markdown::to_markdown;
pub use page::PREVIEW_BODY_SLOT;
pub use site::{SiteReport, SiteSelection};
pub use views::SiteSettings;

#[cfg(test)]
pub(crate) use fields::meta_from_article;

use templates::Templates;
use views::PieceView;

use crate::render::Links;

/// Name of the user's template folder inside the data directory.
pub const TEMPLATES_DIR: &str = "templates";

/// Where user template overrides live for a data directory: `<data dir>/templates/`.
pub fn templates_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(TEMPLATES_DIR)
}

/// The export engine: the theme is loaded (and checked) once, then any number of exports.
pub struct Exporter {
    templates: Templates,
    site: SiteSettings,
    base: Option<String>,
    /// What the bodies' link and image destinations become (as typed by default).
    links: Links,
}

impl Exporter {
    /// Loads the built-in theme with the overrides found in `templates_dir` (if given and
    /// present). A broken template or base URL fails here, before anything is written.
    pub fn new(site: SiteSettings, templates_dir: Option<&Path>) -> Result<Self, ExportError> {
        let base = site.normalized_base()?;
        Ok(Self {
            templates: Templates::load(templates_dir)?,
            site,
            base,
            links: Links::default(),
        })
    }

    /// The same exporter, writing the bodies' link and image destinations as `links` says
    /// (e.g. [`crate::render::UnderFolder`] for a page whose images are copied beside it).
    pub fn with_links(mut self, links: Links) -> Self {
        self.links = links;
        self
    }

    /// The template view of one piece.
    fn view(&self, article: &Article) -> Result<PieceView, ExportError> {
        PieceView::new(article, self.base.as_deref(), &self.links)
    }

    /// The site settings in use.
    pub fn site_settings(&self) -> &SiteSettings {
        &self.site
    }

    /// One piece in `format`: the file's bytes with its extension and MIME type. The
    /// fragment includes the header (kicker, title, chapô, information line); use
    /// [`Exporter::fragment`] to choose.
    pub fn export(
        &self,
        article: &Article,
        format: ExportFormat,
    ) -> Result<ExportedFile, ExportError> {
        let text = match format {
            ExportFormat::Page => self.page(article)?,
            ExportFormat::Fragment => self.fragment(article, true)?,
            ExportFormat::Markdown => to_markdown(article),
        };
        Ok(ExportedFile::text(text, format))
    }

    /// Exports one piece to `path`, replacing any existing file atomically.
    pub fn export_to_file(
        &self,
        article: &Article,
        format: ExportFormat,
        path: &Path,
    ) -> Result<(), ExportError> {
        let file = self.export(article, format)?;
        fs::atomic_write(path, &file.bytes)
    }
}
