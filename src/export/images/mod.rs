//! Library images in exports (issue #14): which images a piece uses and with what alt text,
//! the refusal of an undescribed one, the files each image becomes (`plan.rs`: 480, 960,
//! 1600 px and the largest at most 2560 px, named `<id prefix>-<width>.<ext>`), the resolver
//! that writes them into the HTML (`resolver.rs`), and writing them beside the page or into an
//! archive, skipping files already there (`write.rs`).

mod plan;
mod resolver;
mod used;
mod write;

pub use plan::{plan_image, ImagePlan, PlannedFile, LARGEST_EDGE, VARIANT_EDGES};
pub use resolver::{ExportImages, IMAGE_SIZES};
pub use used::{is_local_file, local_images, used_images, LocalImage, UsedImage};
pub(crate) use write::{write_images, FolderKind};

use crate::images::ImageId;
use crate::library::{ImageRecord, Library};

use super::article::Article;
use super::error::ExportError;

/// Where an export reads the images a piece uses: the library, or nothing (a Markdown file
/// exported without a library). Errors are the sentence a person reads (what is wrong, what
/// to do); the export adds which piece and which image.
pub trait ImageStore {
    /// The image's record (size, caption, credit, decorative).
    fn image(&self, id: &ImageId) -> Result<ImageRecord, String>;
    /// The original bytes.
    fn image_bytes(&self, id: &ImageId) -> Result<Vec<u8>, String>;
}

impl ImageStore for Library {
    fn image(&self, id: &ImageId) -> Result<ImageRecord, String> {
        Library::image(self, id).map_err(|e| e.to_string())
    }

    fn image_bytes(&self, id: &ImageId) -> Result<Vec<u8>, String> {
        Library::image_bytes(self, id).map_err(|e| e.to_string())
    }
}

/// No library: a piece that uses a library image cannot be exported (the error says so).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoImages;

const NO_LIBRARY: &str =
    "library images can only be exported from the library: export the piece by its id";

impl ImageStore for NoImages {
    fn image(&self, _id: &ImageId) -> Result<ImageRecord, String> {
        Err(NO_LIBRARY.to_owned())
    }

    fn image_bytes(&self, _id: &ImageId) -> Result<Vec<u8>, String> {
        Err(NO_LIBRARY.to_owned())
    }
}

/// The library images `article` uses (body and lead image), each with its record and the files
/// it becomes, once each in order of first use. Refused with
/// [`ExportError::ImageWithoutAlt`] when a use has empty alt text and the image is not marked
/// decorative, [`ExportError::ImageFromDisk`] when the body shows a file of the writer's disk
/// (absolute path, `~`, `file:` URL, drive path), and [`ExportError::MissingImage`] when an
/// image cannot be read.
pub fn plan_article_images(
    article: &Article,
    store: &dyn ImageStore,
) -> Result<Vec<ImagePlan>, ExportError> {
    let piece = piece_name(article);
    if let Some(local) = local_images(&article.fields.body).into_iter().next() {
        return Err(ExportError::ImageFromDisk {
            piece,
            destination: local.destination,
            line: local.line,
        });
    }
    let mut plans: Vec<ImagePlan> = Vec::new();
    let lead = article
        .fields
        .lead_image
        .as_deref()
        .and_then(ImageId::from_reference);
    for used in used_images(&article.fields.body) {
        let known = plans
            .iter()
            .position(|plan| plan.record.id == used.id.as_str());
        let record = match known {
            Some(i) => plans[i].record.clone(),
            None => record_of(store, &used.id, &piece)?,
        };
        if used.alt.trim().is_empty() && !record.decorative {
            return Err(ExportError::ImageWithoutAlt {
                piece,
                name: original_name(&record),
                line: used.line,
            });
        }
        if known.is_none() {
            plans.push(plan_image(record));
        }
    }
    if let Some(id) = lead {
        let known = plans.iter().find(|plan| plan.record.id == id.as_str());
        let record = match known {
            Some(plan) => plan.record.clone(),
            None => record_of(store, &id, &piece)?,
        };
        // The lead image is shown on the page (and named by `og:image:alt`) with the image's
        // own alt text: the same rule as a body image's.
        if record.alt.trim().is_empty() && !record.decorative {
            return Err(ExportError::LeadImageWithoutAlt {
                piece,
                image: image_label(&record),
            });
        }
        if known.is_none() {
            plans.push(plan_image(record));
        }
    }
    Ok(plans)
}

fn record_of(
    store: &dyn ImageStore,
    id: &ImageId,
    piece: &str,
) -> Result<ImageRecord, ExportError> {
    store.image(id).map_err(|reason| ExportError::MissingImage {
        piece: piece.to_owned(),
        image: id.reference(),
        reason,
    })
}

/// The front-matter key under which Markdown and TextBundle exports carry the texts of their
/// images that the Markdown itself cannot hold (docs/EXPORT.md, "Image texts in Markdown").
pub const IMAGE_TEXTS_KEY: &str = "image_texts";

/// `article` with each library reference of `plans` (body and lead image) replaced by
/// `<prefix><name of its largest file>`: the Markdown exports, whose images travel beside.
///
/// The image's caption also goes into the Markdown image's title
/// (`![alt](images/x.jpg "caption")`, which Ulysses, iA Writer, Hugo and most converters keep
/// or show as the caption), unless the use already has a title; and every image's own texts
/// (alt text, decorative, caption, credit) are listed in the front matter under
/// [`IMAGE_TEXTS_KEY`], by file, so an import gives them back to the image (the credit and
/// the decorative mark have no Markdown syntax, and the lead image has no `![…]`).
pub(crate) fn with_image_paths(article: &Article, plans: &[ImagePlan], prefix: &str) -> Article {
    let mut article = article.clone();
    let mut texts = Vec::new();
    for plan in plans {
        let record = &plan.record;
        let reference = format!("{}{}", crate::images::REFERENCE_PREFIX, record.id);
        let path = format!("{prefix}{}", plan.largest().name);
        article.fields.body =
            with_destination(&article.fields.body, &reference, &path, &record.caption);
        if article.fields.lead_image.as_deref().map(str::trim) == Some(reference.as_str()) {
            article.fields.lead_image = Some(path.clone());
        }
        texts.push(serde_json::json!({
            "file": path,
            "alt": record.alt,
            "decorative": record.decorative,
            "caption": record.caption,
            "credit": record.credit,
        }));
    }
    if texts.is_empty() {
        article.extra.remove(IMAGE_TEXTS_KEY);
    } else {
        article
            .extra
            .insert(IMAGE_TEXTS_KEY.to_owned(), serde_json::Value::Array(texts));
    }
    article
}

/// `body` with every `reference` replaced by `path`, followed by ` "caption"` where the
/// destination ends there (`)` of an inline image, end of a reference definition's line).
fn with_destination(body: &str, reference: &str, path: &str, caption: &str) -> String {
    let caption = caption.split_whitespace().collect::<Vec<_>>().join(" ");
    if caption.is_empty() {
        return body.replace(reference, path);
    }
    let title = format!(
        "{path} \"{}\"",
        caption.replace('\\', "\\\\").replace('"', "\\\"")
    );
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(reference) {
        out.push_str(&rest[..at]);
        rest = &rest[at + reference.len()..];
        let ends = rest.is_empty() || rest.starts_with([')', '\n', '\r']);
        out.push_str(if ends { &title } else { path });
    }
    out.push_str(rest);
    out
}

/// How an error names a piece: its title, else its slug.
pub(crate) fn piece_name(article: &Article) -> String {
    let title = article.fields.title.trim();
    if title.is_empty() {
        article.slug.clone()
    } else {
        title.to_owned()
    }
}

/// The image's original file name, when it has a usable one.
fn original_name(record: &ImageRecord) -> Option<String> {
    record
        .original_name
        .as_deref()
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
}

/// How errors name an image: its original file name, else its reference.
pub(crate) fn image_label(record: &ImageRecord) -> String {
    original_name(record).unwrap_or_else(|| format!("edito:image/{}", record.id))
}
