//! The export's image resolver: a library reference becomes the description of its files
//! (URLs under a folder or a base URL, sizes, `srcset`, caption, credit); every other
//! destination goes to the exporter's own resolver, as before.

use std::borrow::Cow;
use std::collections::HashMap;

use super::plan::ImagePlan;
use crate::render::{
    image_reference_id, AssetResolver, ImageCandidate, ImageDescription, LinkKind, Links,
};

/// The width the built-in theme gives images: the text column (`main`, 38rem) or the whole
/// window less its margins on a narrow screen, so a phone downloads the 480 px file.
pub const IMAGE_SIZES: &str = "(max-width: 40.5rem) calc(100vw - 2.5rem), 38rem";

/// Resolves the images of one export (see [`ExportImages::new`]).
pub struct ExportImages {
    images: HashMap<String, ImageDescription>,
    others: Links,
}

impl ExportImages {
    /// Library references of `plans` resolve to `<prefix><file name>` (`images/`,
    /// `../images/` or `https://cdn.example/images/`); other destinations as `others` says.
    pub fn new(plans: &[ImagePlan], prefix: &str, others: Links) -> Self {
        let images = plans
            .iter()
            .map(|plan| {
                let url = |name: &str| format!("{prefix}{name}");
                let largest = plan.largest();
                let description = ImageDescription {
                    src: url(&largest.name),
                    size: Some((largest.width, largest.height)),
                    srcset: plan
                        .files
                        .iter()
                        .map(|file| ImageCandidate {
                            url: url(&file.name),
                            width: file.width,
                        })
                        .collect(),
                    sizes: Some(IMAGE_SIZES.to_owned()),
                    caption: plan.record.caption.clone(),
                    credit: plan.record.credit.clone(),
                    alt: plan.record.shown_alt(),
                    class: None,
                };
                (plan.record.id.clone(), description)
            })
            .collect();
        Self { images, others }
    }
}

impl AssetResolver for ExportImages {
    fn resolve<'u>(&self, kind: LinkKind, dest: &'u str) -> Cow<'u, str> {
        self.others.resolve(kind, dest)
    }

    fn image(&self, dest: &str) -> Option<ImageDescription> {
        match image_reference_id(dest) {
            Some(id) => self.images.get(id).cloned(),
            None => self.others.image(dest),
        }
    }
}
