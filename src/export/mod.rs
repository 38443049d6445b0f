//! Export and import: a standalone HTML page, a CMS fragment, Markdown with front matter, a
//! static archive with tag and category pages and an Atom feed; and the way back, Markdown
//! files with YAML or TOML front matter to [`Article`]s and into the library. Pure core: the
//! app and the CLI call [`Exporter`], [`import_path`] and [`import_paths_into`]. This module
//! depends on the library (pieces ↔ articles in `convert.rs`), never the reverse.

mod article;
mod body;
mod convert;
mod dates;
mod error;
mod feed;
mod fields;
mod fragment;
mod from_library;
mod front_matter;
mod fs;
mod import;
mod markdown;
mod page;
mod site;
mod templates;
mod to_library;
mod views;

use std::path::{Path, PathBuf};

pub use article::{Article, PUBLISHED};
pub use convert::{article_edit, article_status};
pub use error::ExportError;
pub use from_library::library_articles;
pub use front_matter::FrontMatterError;
pub use fs::{atomic_write as write_atomically, slugify, MANIFEST};
pub use import::{import_path, parse_markdown, ImportReport};
pub use markdown::to_markdown;
pub use site::{SiteReport, SiteSelection};
pub use to_library::{import_into, import_paths_into, ImportOutcome, ImportedPiece, RefusedFile};
pub use views::SiteSettings;

use templates::Templates;

/// Single-piece export formats. With the `clap` feature (the CLI's), `--format` parses them by
/// their serde names and `--help` lists them with these descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Standalone HTML5 page with embedded stylesheet.
    Page,
    /// HTML fragment for a CMS (header and body).
    Fragment,
    /// Markdown with YAML front matter.
    Markdown,
}

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
        })
    }

    /// The site settings in use.
    pub fn site_settings(&self) -> &SiteSettings {
        &self.site
    }

    /// One piece in `format`, as text. The fragment includes the header (kicker, title,
    /// chapô, information line); use [`Exporter::fragment`] to choose.
    pub fn export(&self, article: &Article, format: ExportFormat) -> Result<String, ExportError> {
        match format {
            ExportFormat::Page => self.page(article),
            ExportFormat::Fragment => self.fragment(article, true),
            ExportFormat::Markdown => Ok(to_markdown(article)),
        }
    }

    /// Exports one piece to `path`, replacing any existing file atomically.
    pub fn export_to_file(
        &self,
        article: &Article,
        format: ExportFormat,
        path: &Path,
    ) -> Result<(), ExportError> {
        let text = self.export(article, format)?;
        fs::atomic_write(path, text.as_bytes())
    }
}
