//! The HTML fragment for pasting into a CMS (WordPress, Ghost): the body and the signature,
//! optionally preceded by the header; no `<html>`, no `<head>`, no stylesheet.

use minijinja::context;

use super::article::Article;
use super::error::ExportError;
use super::views::labels;
use super::Exporter;

impl Exporter {
    /// The fragment for `article`: the body, then the signature (author, role) as the page
    /// shows it; `with_header` adds kicker, title, chapô and information line before the body.
    pub fn fragment(&self, article: &Article, with_header: bool) -> Result<String, ExportError> {
        let piece = self.view(article)?;
        let site = self.site_view(false, "", None);
        self.templates.render(
            "fragment.html",
            context! { lang => piece.lang, site, t => labels(piece.lang), with_header, piece },
        )
    }
}
