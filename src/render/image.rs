//! Images the pipeline writes from a resolver's description instead of a bare `src`: size,
//! variants (`srcset`), caption and credit. The resolver says what an image is
//! ([`ImageDescription`]); the writer decides the markup (`<figure>`, `loading`, `decoding`),
//! so every output (export, preview) follows one rule. Also the preview's resolver,
//! [`AppImages`]: library references (`edito:image/<id>`) to the URL the app serves.

use std::borrow::Cow;
use std::collections::HashMap;

use super::options::{AssetResolver, LinkKind};
use super::Lang;

/// The reference to a library image written in the Markdown: `edito:image/<id>`.
pub const IMAGE_REFERENCE_PREFIX: &str = "edito:image/";

/// The start of the URL the desktop app serves library images under (its custom URI scheme,
/// registered by the shell): `edito-image://localhost/<id>`.
pub const APP_IMAGE_URL_PREFIX: &str = "edito-image://localhost/";

/// One file of an image's `srcset`: its URL and its width in pixels (the `w` descriptor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageCandidate {
    /// URL of the variant (through the same safety gate as `src`).
    pub url: String,
    /// Width in CSS pixels of the file.
    pub width: u32,
}

/// What a resolver knows of an image: where its file is, its size and variants, its caption
/// and credit. The writer turns it into `<img src srcset sizes width height loading
/// decoding alt>`, and into `<figure>` + `<figcaption>` when the image is alone in its
/// paragraph and has a caption or a credit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImageDescription {
    /// The `src`: the largest file, or the only one.
    pub src: String,
    /// Width and height in pixels of `src` (upright), written as `width`/`height` so the page
    /// does not shift when the image arrives.
    pub size: Option<(u32, u32)>,
    /// Every variant, `src` included, smallest first (written as `srcset` when more than one).
    pub srcset: Vec<ImageCandidate>,
    /// The `sizes` attribute going with `srcset`.
    pub sizes: Option<String>,
    /// The caption (plain text; typeset in the piece's language).
    pub caption: String,
    /// The photographer's credit (plain text), written « Photo : credit ».
    pub credit: String,
    /// A `class` for the `<img>` (WordPress's `wp-image-<media id>`, from which it adds its
    /// own `srcset`); `None` for none.
    pub class: Option<String>,
}

impl ImageDescription {
    /// Whether the image, alone in its paragraph, becomes a `<figure>`.
    pub fn has_caption(&self) -> bool {
        !self.caption.trim().is_empty() || !self.credit.trim().is_empty()
    }
}

/// The words before a credit: « Photo : » with its no-break space in French, "Photo:" in
/// English.
pub fn credit_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Photo\u{a0}:",
        Lang::En => "Photo:",
    }
}

/// The id of a library reference `edito:image/<id>` (32 lowercase hex digits), else `None`.
pub fn image_reference_id(dest: &str) -> Option<&str> {
    let id = dest.strip_prefix(IMAGE_REFERENCE_PREFIX)?;
    is_image_id(id).then_some(id)
}

fn is_image_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The URL the app serves library image `id` under.
pub fn app_image_url(id: &str) -> String {
    format!("{APP_IMAGE_URL_PREFIX}{id}")
}

/// Whether `url` is exactly an app-served library image URL (`edito-image://localhost/` and an
/// id, nothing else). Only a resolver's answer may be one: see `sanitize::is_safe_image_url`.
pub(crate) fn is_app_image_url(url: &str) -> bool {
    url.strip_prefix(APP_IMAGE_URL_PREFIX)
        .is_some_and(is_image_id)
}

/// What the preview knows of one library image: size, caption and credit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppImage {
    /// Width and height of the original, upright.
    pub size: Option<(u32, u32)>,
    /// The caption.
    pub caption: String,
    /// The credit.
    pub credit: String,
}

/// The preview's resolver: `edito:image/<id>` becomes `edito-image://localhost/<id>` (the
/// shell serves the library's file there), with the caption and credit of the images it was
/// given; every other destination is left as typed (and still checked). An id it was not
/// given still resolves (an image added since the map was built shows, without caption).
#[derive(Debug, Clone, Default)]
pub struct AppImages {
    images: HashMap<String, AppImage>,
}

impl AppImages {
    /// A resolver knowing `images` (id → what the preview shows with it).
    pub fn new(images: impl IntoIterator<Item = (String, AppImage)>) -> Self {
        Self {
            images: images.into_iter().collect(),
        }
    }
}

impl AssetResolver for AppImages {
    /// Destinations stay as typed: a library image is only ever reached through
    /// [`AssetResolver::image`], whose answer alone may be an app URL.
    fn resolve<'u>(&self, _kind: LinkKind, dest: &'u str) -> Cow<'u, str> {
        Cow::Borrowed(dest)
    }

    fn image(&self, dest: &str) -> Option<ImageDescription> {
        let id = image_reference_id(dest)?;
        let known = self.images.get(id).cloned().unwrap_or_default();
        Some(ImageDescription {
            src: app_image_url(id),
            size: known.size,
            srcset: Vec::new(),
            sizes: None,
            caption: known.caption,
            credit: known.credit,
            class: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn references_and_app_urls_have_one_exact_shape() {
        assert_eq!(image_reference_id(&format!("edito:image/{ID}")), Some(ID));
        for bad in [
            "edito:image/0123",
            "edito:image/0123456789ABCDEF0123456789ABCDEF",
            "edito:image/0123456789abcdef0123456789abcdef/../x",
            "edito:images/0123456789abcdef0123456789abcdef",
        ] {
            assert_eq!(image_reference_id(bad), None, "{bad}");
        }
        assert!(is_app_image_url(&app_image_url(ID)));
        assert!(!is_app_image_url("edito-image://localhost/../library.db"));
        assert!(!is_app_image_url(&format!("edito-image://evil/{ID}")));
    }

    #[test]
    fn the_preview_resolves_library_references_only() {
        let images = AppImages::new([(
            ID.to_owned(),
            AppImage {
                size: Some((4, 3)),
                caption: "Le port".into(),
                credit: "J. D.".into(),
            },
        )]);
        let reference = format!("edito:image/{ID}");
        assert_eq!(images.resolve(LinkKind::Image, &reference), reference);
        let described = images.image(&reference).expect("a library image");
        assert_eq!(described.src, app_image_url(ID));
        assert_eq!(described.size, Some((4, 3)));
        assert!(described.has_caption());
        assert_eq!(images.image("photo.png"), None);
    }
}
