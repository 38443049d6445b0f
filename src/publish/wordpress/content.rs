//! A piece as a WordPress post's title, content and excerpt: the export's fragment (body and
//! signature, the preview's typography, final Unicode characters — WordPress's wptexturize
//! only rewrites ASCII quotes, so nothing is left for it to do), with each library image
//! pointing at its upload and carrying `wp-image-<id>` so WordPress adds its own `srcset`.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use crate::export::images::ImagePlan;
use crate::export::{typeset, Article, Exporter, SiteSettings};
use crate::library::{RemoteMedia, SentFields};
use crate::publish::PublishError;
use crate::render::{image_reference_id, AssetResolver, ImageDescription, LinkKind, Links};

/// Library references → the uploaded files on the site; other destinations as typed.
struct WordPressImages {
    images: HashMap<String, ImageDescription>,
}

impl AssetResolver for WordPressImages {
    fn resolve<'u>(&self, _kind: LinkKind, dest: &'u str) -> Cow<'u, str> {
        Cow::Borrowed(dest)
    }

    fn image(&self, dest: &str) -> Option<ImageDescription> {
        self.images.get(image_reference_id(dest)?).cloned()
    }
}

/// The title, content and excerpt of `article`'s post, its images (`plans`) already uploaded
/// (`media`, by image id).
pub(crate) fn post_fields(
    article: &Article,
    plans: &[ImagePlan],
    media: &BTreeMap<String, RemoteMedia>,
) -> Result<SentFields, PublishError> {
    let images = plans
        .iter()
        .filter_map(|plan| {
            let uploaded = media.get(&plan.record.id)?;
            let description = ImageDescription {
                src: uploaded.url.clone(),
                size: Some((uploaded.width, uploaded.height)),
                // WordPress writes the srcset of its own sizes from the class.
                srcset: Vec::new(),
                sizes: None,
                caption: plan.record.caption.clone(),
                credit: plan.record.credit.clone(),
                alt: plan.record.shown_alt(),
                class: Some(format!("wp-image-{}", uploaded.media_id)),
            };
            Some((plan.record.id.clone(), description))
        })
        .collect();
    let exporter = Exporter::new(SiteSettings::default(), None)?
        .with_links(Links::new(WordPressImages { images }));
    // The sanitizer writes U+00A0 as `&nbsp;` (U+202F stays a character): WordPress gets the
    // character itself, as the typography made it. A typed `&nbsp;` is `&amp;nbsp;` by then,
    // which this does not touch.
    let content = exporter
        .fragment(article, false)?
        .replace("&nbsp;", "\u{a0}");
    let lang = article.lang().as_str();
    Ok(SentFields {
        title: escape(&typeset(&article.fields.title, lang)),
        content: content.trim_end().to_owned(),
        excerpt: escape(&typeset(&article.fields.standfirst, lang)),
    })
}

/// Title and excerpt are HTML in WordPress: `&`, `<` and `>` as entities, nothing else
/// touched (the typography's characters go as they are) — the renderer's own body-text escape.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::render::escape_body_text(&mut out, text);
    out
}
