//! The files one library image becomes in an export, computed from its record alone (so a
//! re-export knows every name and size without decoding anything): the widths' variants
//! for `srcset`, and the largest file, at most 2560 px on its longest edge (WordPress scales
//! anything larger down itself, and no screen needs more for a column of text).

use crate::images::{ImageFormat, ImageId};
use crate::library::ImageRecord;

/// Longest edges of the smaller variants, in pixels (a phone, a tablet or laptop column, a
/// high-density column). A variant as large as the original or larger is not made.
pub const VARIANT_EDGES: [u32; 3] = [480, 960, 1600];

/// Longest edge of the largest file, in pixels (the `src`).
pub const LARGEST_EDGE: u32 = 2560;

/// Characters of the image id that start its files' names: 64 bits, no collision in any
/// library, and the same file name for the same original in every export.
const NAME_ID_CHARS: usize = 16;

/// One file an image becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    /// The longest edge asked of `images::rendition`.
    pub max_edge: u32,
    /// Width in pixels of the file (what `rendition` makes of `max_edge`).
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// File name: `<id prefix>-<width>.<ext>`.
    pub name: String,
}

/// An image of an export: its record and its files, smallest first (the last is the `src`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImagePlan {
    /// The library's record of the image.
    pub record: ImageRecord,
    /// The files, smallest first.
    pub files: Vec<PlannedFile>,
}

impl ImagePlan {
    /// The largest file (the `src`, and the one Markdown exports carry).
    pub fn largest(&self) -> &PlannedFile {
        // `plan_image` always plans the largest file.
        &self.files[self.files.len() - 1]
    }

    /// The image's id.
    pub fn id(&self) -> Option<ImageId> {
        ImageId::parse(&self.record.id)
    }
}

/// The files of the image described by `record`: each of [`VARIANT_EDGES`] smaller than the
/// original's longest edge, then the original's size capped at [`LARGEST_EDGE`].
pub fn plan_image(record: ImageRecord) -> ImagePlan {
    let longest = record.width.max(record.height).max(1);
    let largest = longest.min(LARGEST_EDGE);
    let extension = output_extension(&record.media_type);
    let prefix: String = record.id.chars().take(NAME_ID_CHARS).collect();
    let files = VARIANT_EDGES
        .iter()
        .copied()
        .filter(|&edge| edge < largest)
        .chain([largest])
        .map(|max_edge| {
            let (width, height) = fitted(record.width, record.height, max_edge);
            PlannedFile {
                max_edge,
                width,
                height,
                name: format!("{prefix}-{width}.{extension}"),
            }
        })
        .collect();
    ImagePlan { record, files }
}

/// The size `images::rendition` gives an image of `width` × `height` for `max_edge`: never
/// enlarged, the ratio kept, each edge rounded to the nearest pixel and at least 1 (its rule,
/// checked against it in `tests/integration/export_images.rs`).
pub(crate) fn fitted(width: u32, height: u32, max_edge: u32) -> (u32, u32) {
    let longest = width.max(height);
    let max_edge = max_edge.max(1);
    if longest <= max_edge {
        return (width, height);
    }
    let scale = |edge: u32| {
        let scaled =
            (u64::from(edge) * u64::from(max_edge) + u64::from(longest) / 2) / u64::from(longest);
        u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
    };
    (scale(width), scale(height))
}

/// The extension of the files `images::rendition` writes for an original of `media_type`:
/// JPEG stays JPEG, PNG and GIF become PNG; a WebP becomes JPEG when opaque, else PNG —
/// only decoding tells, so WebP is planned as JPEG (photos) and `write.rs` keeps the name
/// of the format actually written.
fn output_extension(media_type: &str) -> &'static str {
    match ImageFormat::from_media_type(media_type) {
        Some(ImageFormat::Png | ImageFormat::Gif) => "png",
        _ => "jpg",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(width: u32, height: u32, media_type: &str) -> ImageRecord {
        ImageRecord {
            id: "0123456789abcdef0123456789abcdef".into(),
            media_type: media_type.into(),
            width,
            height,
            byte_len: 0,
            original_name: None,
            alt: String::new(),
            decorative: false,
            caption: String::new(),
            credit: String::new(),
            created_at: String::new(),
        }
    }

    #[test]
    fn a_large_photo_gets_every_variant_and_a_capped_largest() {
        let plan = plan_image(record(4000, 3000, "image/jpeg"));
        let names: Vec<&str> = plan.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "0123456789abcdef-480.jpg",
                "0123456789abcdef-960.jpg",
                "0123456789abcdef-1600.jpg",
                "0123456789abcdef-2560.jpg"
            ]
        );
        assert_eq!((plan.largest().width, plan.largest().height), (2560, 1920));
    }

    #[test]
    fn a_small_or_portrait_image_is_never_enlarged() {
        let plan = plan_image(record(700, 500, "image/png"));
        let sizes: Vec<(u32, u32)> = plan.files.iter().map(|f| (f.width, f.height)).collect();
        assert_eq!(sizes, [(480, 343), (700, 500)]);
        assert!(plan.largest().name.ends_with("-700.png"));
        let portrait = plan_image(record(3000, 4000, "image/jpeg"));
        assert_eq!(portrait.files[0].width, 360, "480 is the longest edge");
        let tiny = plan_image(record(300, 200, "image/gif"));
        assert_eq!(tiny.files.len(), 1);
    }
}
