//! The one place that decides how Markdown is parsed and rendered, for the preview, the
//! export and the CLI: the parser's options, the [`RenderOptions`] a caller sets, and the
//! [`AssetResolver`] that says what a link or image destination becomes in the output.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use pulldown_cmark::Options;
use serde::{Deserialize, Serialize};

use super::image::ImageDescription;
use super::Lang;

/// Parser options: GitHub-style tables, footnotes, strikethrough and task lists. Smart
/// punctuation stays off: it only knows English quotes, and French typography is ours.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// How to render. Safety is not an option: every output is safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RenderOptions {
    /// Language of the piece, which picks the typography rules.
    pub lang: Lang,
    /// Apply micro-typography (quotes, spaces, dashes…) to the text.
    pub typography: bool,
    /// Add `data-line="N"` (1-based source line) to block elements, for scroll sync.
    pub source_map: bool,
    /// The output is published (a page, a feed, a CMS), so it must be valid HTML as well as
    /// safe: a raw `<img>` whose `src` was unsafe is dropped, and one without `alt` gets an
    /// empty one (an image nobody described is decorative as far as we can tell). The
    /// preview shows raw HTML as the writer typed it.
    pub publish: bool,
    /// What link and image destinations become; by default they are written as typed.
    /// Not serialized: the window never chooses where assets resolve.
    #[serde(skip)]
    pub links: Links,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            lang: Lang::Fr,
            typography: true,
            source_map: false,
            publish: false,
            links: Links::default(),
        }
    }
}

/// What a destination is: the target of a link (`[texte](dest)`, `<a href>`) or the source
/// of an image (`![alt](dest)`, `<img src>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// A link's `href`.
    Link,
    /// An image's `src`.
    Image,
}

/// Says what a link or image destination written in a piece becomes in the output: unchanged
/// (the default), a path relative to an export folder, a URL the app serves (the preview), a
/// remote URL (a CMS). The pipeline asks it for every Markdown link and image and for the
/// `href`/`src` of raw HTML; whatever it answers still passes the URL safety check, so a
/// resolver can never let a `javascript:` URL through.
pub trait AssetResolver: Send + Sync {
    /// The destination to write for `dest` (as typed, entities decoded). Return `dest`
    /// borrowed to keep it.
    fn resolve<'u>(&self, kind: LinkKind, dest: &'u str) -> Cow<'u, str>;

    /// What the image written `![alt](dest)` is, when this resolver knows more than a URL
    /// (size, variants, caption, credit): the writer then writes it from the description
    /// (see [`ImageDescription`]) and [`AssetResolver::resolve`] is not asked. `None` (the
    /// default): an ordinary image. The description's URLs pass the same safety check, which
    /// accepts the app's image URL (`edito-image://localhost/<id>`) here and nowhere else.
    fn image(&self, dest: &str) -> Option<ImageDescription> {
        let _ = dest;
        None
    }
}

/// Relative destinations (`photo.png`, `images/a.jpg`) get a folder in front
/// (`assets/photo.png`); URLs with a scheme, absolute paths (`/a`), fragments (`#note`) and
/// protocol-relative URLs are kept. A page exported with its images copied into a folder
/// beside it uses this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnderFolder {
    /// The folder with its trailing `/`, e.g. `assets/`.
    prefix: String,
    /// Which destinations move: images only, or links as well.
    links_too: bool,
}

impl UnderFolder {
    /// Relative destinations of images, and of links when `links_too`, move under `folder`
    /// (a relative path; a trailing `/` is added when missing).
    pub fn new(folder: &str, links_too: bool) -> Self {
        let mut prefix = folder.trim_end_matches('/').to_owned();
        prefix.push('/');
        Self { prefix, links_too }
    }
}

impl AssetResolver for UnderFolder {
    fn resolve<'u>(&self, kind: LinkKind, dest: &'u str) -> Cow<'u, str> {
        if (kind == LinkKind::Link && !self.links_too) || !is_relative_path(dest) {
            return Cow::Borrowed(dest);
        }
        let path = dest.strip_prefix("./").unwrap_or(dest);
        Cow::Owned(format!("{}{path}", self.prefix))
    }
}

/// Whether `dest` is a path relative to the document: not empty, no scheme, not absolute, not
/// a fragment or a query alone.
pub fn is_relative_path(dest: &str) -> bool {
    let Some(first) = dest.chars().next() else {
        return false;
    };
    if matches!(first, '/' | '#' | '?' | '\\') {
        return false;
    }
    // A scheme is letters, digits, `+`, `-`, `.` before the first `:`, ahead of any `/`.
    let head = dest.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

/// The resolver of a render: none (destinations as typed) or a shared [`AssetResolver`].
/// Cloning is cheap; two `Links` are equal when they are the same resolver, so the preview
/// knows a render with another resolver must be sent whole.
#[derive(Clone, Default)]
pub struct Links(Option<Arc<dyn AssetResolver>>);

impl Links {
    /// Destinations go through `resolver`.
    pub fn new(resolver: impl AssetResolver + 'static) -> Self {
        Self(Some(Arc::new(resolver)))
    }

    /// Destinations go through a resolver already shared elsewhere.
    pub fn shared(resolver: Arc<dyn AssetResolver>) -> Self {
        Self(Some(resolver))
    }

    /// The resolver, when there is one.
    pub(crate) fn resolver(&self) -> Option<&Arc<dyn AssetResolver>> {
        self.0.as_ref()
    }

    /// The resolver's description of the image at `dest` (none without a resolver).
    pub fn image(&self, dest: &str) -> Option<ImageDescription> {
        self.0.as_ref().and_then(|resolver| resolver.image(dest))
    }

    /// What `dest` becomes (unchanged without a resolver).
    pub fn resolve<'u>(&self, kind: LinkKind, dest: &'u str) -> Cow<'u, str> {
        match &self.0 {
            Some(resolver) => resolver.resolve(kind, dest),
            None => Cow::Borrowed(dest),
        }
    }
}

impl fmt::Debug for Links {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Links(resolver)"
        } else {
            "Links(as typed)"
        })
    }
}

impl PartialEq for Links {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Links {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_told_from_urls() {
        for relative in ["photo.png", "./a/b.jpg", "../x.png", "dossier/a:b.png"] {
            assert!(is_relative_path(relative), "{relative}");
        }
        for other in [
            "",
            "/abs.png",
            "#note-1",
            "?q=1",
            "https://e.org/a.png",
            "mailto:a@b.fr",
            "//cdn.e.org/a.png",
            "javascript:alert(1)",
        ] {
            assert!(!is_relative_path(other), "{other}");
        }
    }

    #[test]
    fn under_folder_moves_relative_images_and_optionally_links() {
        let images = UnderFolder::new("assets", false);
        assert_eq!(
            images.resolve(LinkKind::Image, "./photo.png"),
            "assets/photo.png"
        );
        assert_eq!(images.resolve(LinkKind::Link, "photo.png"), "photo.png");
        assert_eq!(
            images.resolve(LinkKind::Image, "https://e.org/p.png"),
            "https://e.org/p.png"
        );
        let both = UnderFolder::new("assets/", true);
        assert_eq!(both.resolve(LinkKind::Link, "doc.pdf"), "assets/doc.pdf");
    }

    #[test]
    fn links_compare_by_resolver_identity() {
        let a = Links::new(UnderFolder::new("assets", true));
        assert_eq!(a, a.clone());
        assert_ne!(a, Links::new(UnderFolder::new("assets", true)));
        assert_ne!(a, Links::default());
        assert_eq!(Links::default(), Links::default());
    }
}
