//! The standalone HTML5 page of one piece: full meta (description, Open Graph, `article:*`,
//! canonical), semantic article, embedded print-friendly stylesheet, no script; and the same
//! page as the live preview's frame, with an empty slot where the body's blocks go.

use minijinja::context;

use super::article::Article;
use super::error::ExportError;
use super::images::ImagePlan;
use super::views::{labels, PieceView, SiteView};
use super::Exporter;
use crate::library::PieceFields;
use crate::render::{hyphenate_html, Links};

/// Where the preview's body goes in [`Exporter::preview_page`]: an empty element the window
/// finds by its id.
pub const PREVIEW_BODY_SLOT: &str = "<div id=\"edito-body\"></div>";

impl Exporter {
    /// The standalone page for `article` (without library images: see
    /// [`Exporter::export_with_images`]).
    pub fn page(&self, article: &Article) -> Result<String, ExportError> {
        self.page_with_images(article, &[])
    }

    /// The standalone page for `article` whose library images are `plans`.
    pub(crate) fn page_with_images(
        &self,
        article: &Article,
        plans: &[ImagePlan],
    ) -> Result<String, ExportError> {
        let piece = self.view_with_images(article, plans, &self.image_prefix)?;
        let site = self.site_view(false, "", Some(self.templates.css().to_owned()));
        self.render_piece(&piece, &site)
    }

    /// The preview's frame for `article` (its body is ignored): the theme's `piece.html` with
    /// the embedded stylesheet, header (kicker, title, standfirst, information line with
    /// section, date and tags), lead image and signature exactly as [`Exporter::page`] writes
    /// them, and [`PREVIEW_BODY_SLOT`] where the body goes. `images` resolves the lead image
    /// as the body's images are in the preview (`render::AppImages`: the app-served URL, with
    /// the image's alt text, caption and credit). The window fills the slot block by block
    /// (`crate::preview`), so the preview is the published page.
    pub fn preview_page(&self, article: &Article, images: &Links) -> Result<String, ExportError> {
        let article = Article {
            fields: PieceFields {
                body: String::new(),
                ..article.fields.clone()
            },
            ..article.clone()
        };
        let piece = PieceView {
            body: PREVIEW_BODY_SLOT.to_owned(),
            ..PieceView::new(&article, self.base.as_deref(), images)?
        };
        let site = self.site_view(false, "", Some(self.templates.css().to_owned()));
        self.render_template(&piece, &site)
    }

    /// Renders `piece.html` for a view (shared with the archive), its body hyphenated with
    /// soft hyphens: justified text breaks the same in every reader's browser.
    pub(crate) fn render_piece(
        &self,
        piece: &PieceView,
        site: &SiteView,
    ) -> Result<String, ExportError> {
        let lang = piece.lang.parse().unwrap_or_default();
        let piece = PieceView {
            body: hyphenate_html(&piece.body, lang),
            ..piece.clone()
        };
        self.render_template(&piece, site)
    }

    fn render_template(&self, piece: &PieceView, site: &SiteView) -> Result<String, ExportError> {
        self.templates.render(
            "piece.html",
            context! { lang => piece.lang, site, t => labels(piece.lang), piece },
        )
    }

    /// Site values for templates: inside the archive or not, the path back to its root, and
    /// the stylesheet to embed (none when pages link `style.css`).
    pub(crate) fn site_view(
        &self,
        archive: bool,
        root: &'static str,
        stylesheet: Option<String>,
    ) -> SiteView {
        SiteView {
            title: self.site.title.clone(),
            description: self.site.description.clone(),
            base_url: self.base.clone(),
            lang: self.site.lang(),
            author: self.site.author.clone(),
            archive,
            root,
            stylesheet,
        }
    }
}
