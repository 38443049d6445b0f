//! The standalone HTML5 page of one piece: full meta (description, Open Graph, `article:*`,
//! canonical), semantic article, embedded print-friendly stylesheet, no script.

use minijinja::context;

use super::article::Article;
use super::error::ExportError;
use super::views::{labels, PieceView, SiteView};
use super::Exporter;

impl Exporter {
    /// The standalone page for `article`.
    pub fn page(&self, article: &Article) -> Result<String, ExportError> {
        let piece = self.view(article)?;
        let site = self.site_view(false, "", Some(self.templates.css().to_owned()));
        self.render_piece(&piece, &site)
    }

    /// Renders `piece.html` for a view (shared with the archive).
    pub(crate) fn render_piece(
        &self,
        piece: &PieceView,
        site: &SiteView,
    ) -> Result<String, ExportError> {
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
