//! Bytes to upright pixels, with every limit checked before the pixels are allocated: the
//! file's size first, then the width × height its header claims, then `image::Limits` on the
//! decoder's own allocations (so a hostile header cannot exhaust memory either way).

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use super::format::sniff;
use super::{jpeg, ImageError, ImageFormat, ImageInfo, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS};

/// The most one decode may allocate: the pixel limit at 16-bit RGBA (8 bytes a pixel), the
/// widest layout a PNG can decode to.
const MAX_DECODE_ALLOC: u64 = MAX_IMAGE_PIXELS * 8;

/// A decoded image, upright.
pub(super) struct Decoded {
    pub format: ImageFormat,
    pub image: DynamicImage,
    /// The embedded colour profile, kept only when it describes RGB data (what the rendition
    /// holds): a wide-gamut phone photo (Display P3) looks dull without it.
    pub icc_profile: Option<Vec<u8>>,
}

/// Checks and fully decodes `bytes` (a corrupt file is refused here), applying the EXIF
/// orientation.
///
/// Errors: [`ImageError::TooLarge`] over [`MAX_IMAGE_BYTES`], [`ImageError::NotAnImage`] /
/// [`ImageError::Unsupported`] from the signature, [`ImageError::TooManyPixels`] from the
/// header over [`MAX_IMAGE_PIXELS`] (before decoding), [`ImageError::Corrupt`] when decoding
/// fails or a JPEG is truncated.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, ImageError> {
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(ImageError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let format = sniff(bytes)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.to_image());
    reader.limits(limits());
    let mut decoder = reader
        .into_decoder()
        .map_err(|err| ImageError::from_decoder(err, 0))?;
    let (width, height) = decoder.dimensions();
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_IMAGE_PIXELS {
        return Err(ImageError::TooManyPixels { pixels });
    }
    if pixels == 0 {
        return Err(ImageError::Corrupt {
            reason: "the header says it has no pixels".to_string(),
        });
    }
    if format == ImageFormat::Jpeg && !jpeg::reaches_end(bytes) {
        return Err(ImageError::Corrupt {
            reason: "the file ends before the end of the picture".to_string(),
        });
    }
    // A damaged EXIF block costs the orientation, not the picture.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let icc_profile = decoder
        .icc_profile()
        .ok()
        .flatten()
        .filter(|icc| is_rgb_profile(icc));
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|err| ImageError::from_decoder(err, pixels))?;
    image.apply_orientation(orientation);
    Ok(Decoded {
        format,
        image,
        icc_profile,
    })
}

/// Checks and fully decodes `bytes`, and says what they are: format and upright size.
///
/// Errors: as [`super::rendition`] — [`ImageError::TooLarge`] (over 50 MB),
/// [`ImageError::NotAnImage`], [`ImageError::Unsupported`] (HEIC, AVIF, TIFF, SVG…),
/// [`ImageError::TooManyPixels`] (over 40 MP, from the header, before decoding),
/// [`ImageError::Corrupt`] (truncated or damaged).
pub fn inspect(bytes: &[u8]) -> Result<ImageInfo, ImageError> {
    let decoded = decode(bytes)?;
    Ok(ImageInfo {
        format: decoded.format,
        width: decoded.image.width(),
        height: decoded.image.height(),
    })
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    // Width and height are left to the pixel check above, which can name the image's
    // megapixels; the allocation cap holds for everything the decoder reserves.
    limits.max_image_width = None;
    limits.max_image_height = None;
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    limits
}

/// An ICC profile's data colour space is at bytes 16..20 of its header.
fn is_rgb_profile(icc: &[u8]) -> bool {
    icc.get(16..20) == Some(b"RGB ")
}
