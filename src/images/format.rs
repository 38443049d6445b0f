//! The formats Edito decodes, and recognising a file's format from its first bytes (never from
//! its name: a `.jpg` may well be a HEIC from a phone).

use super::ImageError;

/// A format Edito decodes and stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    /// JPEG (photos).
    Jpeg,
    /// PNG (graphics, screenshots, transparency).
    Png,
    /// WebP, lossy or lossless.
    WebP,
    /// GIF; only the first frame of an animation is used.
    Gif,
}

impl ImageFormat {
    /// The MIME type: `image/jpeg`, `image/png`, `image/webp`, `image/gif`.
    pub fn media_type(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Png => "image/png",
            ImageFormat::WebP => "image/webp",
            ImageFormat::Gif => "image/gif",
        }
    }

    /// The usual file extension, without the dot: `jpg`, `png`, `webp`, `gif`.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Png => "png",
            ImageFormat::WebP => "webp",
            ImageFormat::Gif => "gif",
        }
    }

    /// The format with this MIME type (as [`ImageFormat::media_type`] writes it).
    pub fn from_media_type(media_type: &str) -> Option<ImageFormat> {
        [
            ImageFormat::Jpeg,
            ImageFormat::Png,
            ImageFormat::WebP,
            ImageFormat::Gif,
        ]
        .into_iter()
        .find(|format| format.media_type() == media_type)
    }

    pub(super) fn to_image(self) -> image::ImageFormat {
        match self {
            ImageFormat::Jpeg => image::ImageFormat::Jpeg,
            ImageFormat::Png => image::ImageFormat::Png,
            ImageFormat::WebP => image::ImageFormat::WebP,
            ImageFormat::Gif => image::ImageFormat::Gif,
        }
    }
}

/// The format of `bytes` from their signature: one of ours, or [`ImageError::Unsupported`]
/// naming a recognised other format, or [`ImageError::NotAnImage`].
pub(super) fn sniff(bytes: &[u8]) -> Result<ImageFormat, ImageError> {
    if let Some(format) = heif_brand(bytes) {
        return Err(unsupported(format));
    }
    match image::guess_format(bytes) {
        Ok(image::ImageFormat::Jpeg) => Ok(ImageFormat::Jpeg),
        Ok(image::ImageFormat::Png) => Ok(ImageFormat::Png),
        Ok(image::ImageFormat::WebP) => Ok(ImageFormat::WebP),
        Ok(image::ImageFormat::Gif) => Ok(ImageFormat::Gif),
        Ok(other) => Err(unsupported(&format!("{other:?}").to_uppercase())),
        Err(_) if is_svg(bytes) => Err(unsupported("SVG")),
        Err(_) => Err(ImageError::NotAnImage),
    }
}

fn unsupported(format: &str) -> ImageError {
    ImageError::Unsupported {
        format: format.to_string(),
    }
}

/// HEIC/HEIF and AVIF share the ISO base media container: `ftyp` at offset 4, then the major
/// brand. No well-kept pure-Rust HEIC decoder exists (the crates bind the C libheif with its
/// patent-encumbered HEVC decoder), so they are named and refused.
fn heif_brand(bytes: &[u8]) -> Option<&'static str> {
    if bytes.get(4..8) != Some(b"ftyp") {
        return None;
    }
    match bytes.get(8..12)? {
        b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"hevm" | b"hevs" => {
            Some("HEIC")
        }
        b"mif1" | b"msf1" => Some("HEIF"),
        b"avif" | b"avis" => Some("AVIF"),
        _ => None,
    }
}

/// An SVG file: XML text whose first kilobytes hold an `<svg` element.
fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    head.starts_with(b"<") && head.windows(4).any(|w| w == b"<svg")
}
