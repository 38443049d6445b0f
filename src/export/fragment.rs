//! The HTML fragment for pasting into a CMS (WordPress, Ghost): the body and the signature,
//! optionally preceded by the header; no `<html>`, no `<head>`, no stylesheet.

use minijinja::context;

use super::article::Article;
use super::error::ExportError;
use super::images::ImagePlan;
use super::views::labels;
use super::Exporter;

impl Exporter {
    /// The fragment for `article`: the body, then the signature (author, role) as the page
    /// shows it; `with_header` adds kicker, title, chapô and information line before the body.
    pub fn fragment(&self, article: &Article, with_header: bool) -> Result<String, ExportError> {
        self.fragment_with_images(article, with_header, &[])
    }

    /// The fragment for `article` with its library images read from `store` (their URLs:
    /// see [`Exporter::export_with_images`]).
    pub fn fragment_with_store(
        &self,
        article: &Article,
        with_header: bool,
        store: &dyn super::ImageStore,
    ) -> Result<String, ExportError> {
        let plans = super::images::plan_article_images(article, store)?;
        self.fragment_with_images(article, with_header, &plans)
    }

    /// The fragment for `article` whose library images are `plans` (URLs under
    /// `images/`, or the image base URL).
    pub(crate) fn fragment_with_images(
        &self,
        article: &Article,
        with_header: bool,
        plans: &[ImagePlan],
    ) -> Result<String, ExportError> {
        let piece = self.view_with_images(article, plans, &self.image_prefix)?;
        let site = self.site_view(false, "", None);
        self.templates.render(
            "fragment.html",
            context! { lang => piece.lang, site, t => labels(piece.lang), with_header, piece },
        )
    }
}
