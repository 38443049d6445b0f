//! Images a piece shows (issue #14): the content-addressed id written in the Markdown
//! (`edito:image/<id>`), the formats Edito takes, and the two pure operations on an image's
//! bytes — [`inspect`] (is it an image we can use, and how big is it upright?) and
//! [`rendition`] (an upright, metadata-free, resized copy for the preview and the exports).
//!
//! Pure: no library, no file system; the library stores the original bytes
//! (`crate::library::Library::add_image`), the exports call [`rendition`].

mod decode;
mod error;
mod format;
mod id;
mod jpeg;
mod rendition;
#[cfg(test)]
mod tests;

pub use decode::inspect;
pub use error::ImageError;
pub use format::ImageFormat;
pub use id::{references_in, ImageId, REFERENCE_PREFIX};
pub use rendition::{rendition, renditions, Rendition};

/// The largest original Edito takes, in bytes (50 MiB): a phone's photo is 2–12 MB, a
/// professional camera's JPEG under 30 MB; anything bigger is a raw scan or a mistake.
pub const MAX_IMAGE_BYTES: u64 = 50 * 1024 * 1024;

/// The most pixels an original may have (40 megapixels, width × height): above the 24–33 MP of
/// today's phones and most cameras, and a cap on the memory one decode takes (at most
/// 160 MB as 8-bit RGBA).
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;

/// What [`inspect`] learns about an image: its format and its size **upright** (the EXIF
/// orientation applied, so a phone portrait shot sideways is taller than wide), in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    /// The format of the original bytes.
    pub format: ImageFormat,
    /// Width in pixels, upright.
    pub width: u32,
    /// Height in pixels, upright.
    pub height: u32,
}
