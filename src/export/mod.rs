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
pub mod images;
mod manifest;
mod markdown;
mod page;
mod print;
mod site;
mod templates;
mod term_slug;
mod textbundle;
mod views;

use std::path::{Path, PathBuf};

pub use article::Article;
pub use error::ExportError;
pub use format::{ExportFormat, ExportFormatInfo, ExportedFile};
pub use from_library::library_articles;
pub use fs::{atomic_write as write_atomically, check_folder_of, safe_name};
pub use images::{ImageStore, NoImages};
pub use manifest::{export_interrupted, MANIFEST};
pub use markdown::to_markdown;
pub use page::PREVIEW_BODY_SLOT;
#[cfg(feature = "proof")]
pub use print::ProofOptions;
pub use site::{SiteReport, SiteSelection};
pub use views::SiteSettings;

#[cfg(test)]
pub(crate) use fields::meta_from_article;

pub(crate) use body::typeset;
use templates::Templates;
use views::PieceView;

use crate::render::Links;

use images::{plan_article_images, write_images, ExportImages, FolderKind, ImagePlan};

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
    /// Where the image files of pages and fragments are published: `images/` beside the page
    /// by default, or an address ([`Exporter::with_image_base_url`]).
    image_prefix: String,
}

/// The folder beside an exported page (or Markdown file) that holds its image files.
pub const IMAGES_DIR: &str = "images";

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
            image_prefix: format!("{IMAGES_DIR}/"),
        })
    }

    /// The same exporter, writing the URLs of library images in pages and fragments as
    /// `<url><file name>` (where the CMS or server publishes the files of the `images/`
    /// folder) instead of `images/<file name>`. Refused unless `http(s)://`.
    pub fn with_image_base_url(mut self, url: &str) -> Result<Self, ExportError> {
        let settings = SiteSettings {
            base_url: Some(url.to_owned()),
            ..SiteSettings::default()
        };
        if let Some(prefix) = settings.normalized_base()? {
            self.image_prefix = prefix;
        }
        Ok(self)
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

    /// The template view of one piece whose library images are `plans`, their files under
    /// `prefix`.
    fn view_with_images(
        &self,
        article: &Article,
        plans: &[ImagePlan],
        prefix: &str,
    ) -> Result<PieceView, ExportError> {
        if plans.is_empty() {
            return self.view(article);
        }
        let links = Links::new(ExportImages::new(plans, prefix, self.links.clone()));
        PieceView::new(article, self.base.as_deref(), &links)
    }

    /// The site settings in use.
    pub fn site_settings(&self) -> &SiteSettings {
        &self.site
    }

    /// One piece in `format`: the file's bytes with its extension and MIME type, for a piece
    /// without library images (one that uses some is refused: see
    /// [`Exporter::export_with_images`]). The fragment includes the header (kicker, title,
    /// chapô, information line); use [`Exporter::fragment`] to choose. A TextBundle is a
    /// folder: its bytes here are its `text.md`.
    pub fn export(
        &self,
        article: &Article,
        format: ExportFormat,
    ) -> Result<ExportedFile, ExportError> {
        self.export_with_images(article, format, &NoImages)
    }

    /// One piece in `format`, its library images read from `store` and written as URLs
    /// (`images/<file>`, or under [`Exporter::with_image_base_url`]) without writing the image
    /// files: the clipboard's fragment, standard output. Refused while an image has no alt
    /// text and is not decorative ([`ExportError::ImageWithoutAlt`]), or cannot be read.
    pub fn export_with_images(
        &self,
        article: &Article,
        format: ExportFormat,
        store: &dyn ImageStore,
    ) -> Result<ExportedFile, ExportError> {
        let plans = plan_article_images(article, store)?;
        self.export_planned(article, format, &plans, store)
    }

    /// The main file of `article` whose images are `plans` (read from `store` when the file
    /// embeds them: DOCX).
    fn export_planned(
        &self,
        article: &Article,
        format: ExportFormat,
        plans: &[ImagePlan],
        store: &dyn ImageStore,
    ) -> Result<ExportedFile, ExportError> {
        let text = match format {
            ExportFormat::Page => self.page_with_images(article, plans)?,
            ExportFormat::Fragment => self.fragment_with_images(article, true, plans)?,
            ExportFormat::Markdown => to_markdown(&images::with_image_paths(
                article,
                plans,
                &self.markdown_prefix(),
            )),
            ExportFormat::TextBundle => to_markdown(&images::with_image_paths(
                article,
                plans,
                textbundle::ASSETS,
            )),
            ExportFormat::Icml => self.icml_with_images(article, plans)?,
            ExportFormat::Docx => {
                let bytes = self.docx_with_images(article, plans, store)?;
                return Ok(ExportedFile::binary(bytes, format));
            }
        };
        Ok(ExportedFile::text(text, format))
    }

    fn markdown_prefix(&self) -> String {
        format!("{IMAGES_DIR}/")
    }

    /// Exports one piece without library images to `path`, replacing any existing file
    /// atomically (see [`Exporter::export_to_path`]).
    pub fn export_to_file(
        &self,
        article: &Article,
        format: ExportFormat,
        path: &Path,
    ) -> Result<(), ExportError> {
        self.export_to_path(article, format, path, &NoImages)
    }

    /// Exports one piece to `path` with its library images, read from `store`:
    /// - page, fragment: the file at `path`, the images' files in the `images/` folder
    ///   beside it (every variant), written first, so the page never names a missing file;
    /// - Markdown: the file at `path`, each image's largest file in `images/` beside it,
    ///   referred to relatively;
    /// - TextBundle: the folder `path` (`info.json`, `text.md`, `assets/`).
    ///
    /// The page is replaced atomically; image files already in `images/` with the bytes Edito
    /// wrote (name and SHA-256 in `images/.edito-export.json`) are kept without decoding
    /// anything, and files of other pages exported there are left alone. Refused, before
    /// anything is written, while an image has no alt text and is not decorative.
    pub fn export_to_path(
        &self,
        article: &Article,
        format: ExportFormat,
        path: &Path,
        store: &dyn ImageStore,
    ) -> Result<(), ExportError> {
        let mut plans = plan_article_images(article, store)?;
        if format == ExportFormat::TextBundle {
            return self.textbundle(article, &mut plans, path, store);
        }
        // A DOCX carries its pictures inside.
        if !plans.is_empty() && format != ExportFormat::Docx {
            let folder = path.parent().unwrap_or(Path::new(".")).join(IMAGES_DIR);
            let kind = match format {
                ExportFormat::Markdown | ExportFormat::Icml => FolderKind::Largest,
                _ => FolderKind::Variants,
            };
            let mut staging = fs::Staging::shared(&folder)?;
            let piece = images::piece_name(article);
            write_images(&mut staging, "", &mut plans, kind, store, &piece)?;
            staging.commit()?;
        }
        let file = self.export_planned(article, format, &plans, store)?;
        fs::atomic_write(path, &file.bytes)
    }
}
