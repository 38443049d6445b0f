//! Why an image's bytes were refused, worded for the person who picked the file.

/// Everything [`super::inspect`] and [`super::rendition`] refuse. The library wraps it in
/// `LibraryError::Image`; the window words it from its code (`ui/src/i18n/errors.ts`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// The bytes are not an image at all (a text file, a PDF, an empty file…).
    #[error("this file is not an image: Edito takes JPEG, PNG, WebP and GIF pictures")]
    NotAnImage,
    /// An image in a format Edito does not decode (HEIC, AVIF, TIFF, SVG, BMP…).
    #[error("{format} images are not supported: save the picture as JPEG or PNG (every photo app can export it), then add that file")]
    Unsupported {
        /// The format recognised, as people name it: `HEIC`, `AVIF`, `TIFF`, `SVG`…
        format: String,
    },
    /// The bytes start like an image but cannot be decoded (truncated download, damaged file).
    #[error("the image is damaged or incomplete ({reason}): open it in a photo app and save it again, or take the original file again")]
    Corrupt {
        /// What the decoder found wrong.
        reason: String,
    },
    /// The file is larger than [`super::MAX_IMAGE_BYTES`].
    #[error("the image is {} MB, over the limit of 50 MB: save a smaller copy (a JPEG 4000 pixels wide is plenty for print and web), then add that", megabytes(*.bytes))]
    TooLarge {
        /// Its size in bytes.
        bytes: u64,
    },
    /// The image has more than [`super::MAX_IMAGE_PIXELS`] pixels (from its header, before any
    /// decoding).
    #[error("the image has {} megapixels, over the limit of 40: save a smaller copy (a JPEG 4000 pixels wide is plenty for print and web), then add that", megapixels(*.pixels))]
    TooManyPixels {
        /// Width × height, as the header claims.
        pixels: u64,
    },
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

fn megapixels(pixels: u64) -> String {
    format!("{:.1}", pixels as f64 / 1_000_000.0)
}

impl ImageError {
    /// A decoder's failure on bytes whose format was recognised. `pixels` is the header's
    /// width × height, for a memory limit hit while decoding.
    pub(super) fn from_decoder(err: image::ImageError, pixels: u64) -> Self {
        match err {
            image::ImageError::Limits(_) => ImageError::TooManyPixels { pixels },
            image::ImageError::IoError(err) => ImageError::Corrupt {
                reason: err.to_string(),
            },
            other => ImageError::Corrupt {
                reason: other.to_string(),
            },
        }
    }
}
