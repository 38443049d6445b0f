//! The copy of an image that leaves the library (preview, exports): upright, resized, every
//! metadata block dropped, re-encoded.

use std::borrow::Cow;

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ExtendedColorType, ImageEncoder};

use super::decode::decode;
use super::{ImageError, ImageFormat};

/// JPEG quality of renditions: visually lossless for photos at web sizes, about a third of
/// quality 95's bytes.
const JPEG_QUALITY: u8 = 85;

/// An encoded rendition of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    /// The encoded file.
    pub bytes: Vec<u8>,
    /// Its format (see [`rendition`] for which).
    pub format: ImageFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// An upright copy of the image in `bytes`, its longest edge at most `max_edge` pixels (never
/// enlarged; `max_edge` 0 counts as 1), re-encoded with no metadata at all (no EXIF, so no GPS
/// position, camera or date; no XMP, no comments). Only an RGB colour profile is carried over,
/// so wide-gamut photos keep their colours.
///
/// Formats: JPEG stays JPEG (quality 85) and PNG stays PNG; a GIF's first frame becomes PNG
/// (flat graphics stay sharp); WebP becomes JPEG when every pixel is opaque, else PNG — the two
/// formats every browser, CMS and e-mail client shows.
///
/// Resizing uses a Lanczos3 filter on alpha-premultiplied pixels (no dark fringes around
/// transparent edges).
///
/// Errors: those of [`super::inspect`].
pub fn rendition(bytes: &[u8], max_edge: u32) -> Result<Rendition, ImageError> {
    let mut one = renditions(bytes, &[max_edge])?;
    Ok(one.remove(0))
}

/// Several [`rendition`]s of one image for the cost of one decode: one per entry of
/// `max_edges`, in that order, each resized from the full-size pixels (the exports' 480, 960,
/// 1600 and 2560 px variants), so each is byte for byte what [`rendition`] gives alone.
/// Each width is resized and encoded on its own thread (the encode is most of the cost).
///
/// Errors: those of [`super::inspect`].
pub fn renditions(bytes: &[u8], max_edges: &[u32]) -> Result<Vec<Rendition>, ImageError> {
    let decoded = decode(bytes)?;
    let opaque = is_opaque(&decoded.image);
    let format = match decoded.format {
        ImageFormat::Jpeg => ImageFormat::Jpeg,
        ImageFormat::Png | ImageFormat::Gif => ImageFormat::Png,
        ImageFormat::WebP if opaque => ImageFormat::Jpeg,
        ImageFormat::WebP => ImageFormat::Png,
    };
    // An opaque image loses its alpha channel: smaller files, and JPEG has none.
    let pixels = if opaque {
        Pixels::rgb(decoded.image)
    } else {
        Pixels::rgba(decoded.image)
    };
    let icc_profile = decoded.icc_profile.as_deref();
    let one = |max_edge: u32| -> Result<Rendition, ImageError> {
        let fitted = pixels.fit_within(max_edge.max(1))?;
        Ok(Rendition {
            bytes: encode(&fitted, format, icc_profile)?,
            format,
            width: fitted.width,
            height: fitted.height,
        })
    };
    if max_edges.len() < 2 {
        return max_edges.iter().map(|&max_edge| one(max_edge)).collect();
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = max_edges
            .iter()
            .map(|&max_edge| scope.spawn(move || one(max_edge)))
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// 8-bit pixels, RGB or RGBA, row by row.
#[derive(Clone)]
struct Pixels {
    buffer: Vec<u8>,
    width: u32,
    height: u32,
    alpha: bool,
}

impl Pixels {
    fn rgb(image: DynamicImage) -> Pixels {
        let (width, height) = (image.width(), image.height());
        Pixels {
            buffer: image.into_rgb8().into_raw(),
            width,
            height,
            alpha: false,
        }
    }

    fn rgba(image: DynamicImage) -> Pixels {
        let (width, height) = (image.width(), image.height());
        Pixels {
            buffer: image.into_rgba8().into_raw(),
            width,
            height,
            alpha: true,
        }
    }

    fn pixel_type(&self) -> PixelType {
        if self.alpha {
            PixelType::U8x4
        } else {
            PixelType::U8x3
        }
    }

    /// These pixels scaled so the longest edge is at most `max_edge`, the ratio kept.
    fn fit_within(&self, max_edge: u32) -> Result<Cow<'_, Pixels>, ImageError> {
        let longest = self.width.max(self.height);
        if longest <= max_edge {
            return Ok(Cow::Borrowed(self));
        }
        let scale = |edge: u32| -> u32 {
            let scaled = (u64::from(edge) * u64::from(max_edge) + u64::from(longest) / 2)
                / u64::from(longest);
            (scaled as u32).max(1)
        };
        let (width, height) = (scale(self.width), scale(self.height));
        let pixel_type = self.pixel_type();
        let source = ImageRef::new(self.width, self.height, &self.buffer, pixel_type)
            .map_err(resize_failed)?;
        let mut target = Image::new(width, height, pixel_type);
        let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
        Resizer::new()
            .resize(&source, &mut target, &options)
            .map_err(resize_failed)?;
        Ok(Cow::Owned(Pixels {
            buffer: target.into_vec(),
            width,
            height,
            alpha: self.alpha,
        }))
    }
}

fn resize_failed(err: impl std::fmt::Display) -> ImageError {
    ImageError::Corrupt {
        reason: format!("cannot be resized: {err}"),
    }
}

fn encode(
    pixels: &Pixels,
    format: ImageFormat,
    icc_profile: Option<&[u8]>,
) -> Result<Vec<u8>, ImageError> {
    match format {
        ImageFormat::Jpeg => encode_jpeg(pixels, icc_profile),
        _ => encode_png(pixels, icc_profile),
    }
}

/// JPEG (always from opaque RGB, see [`renditions`]) with the `jpeg-encoder` crate: its SIMD
/// DCT and colour conversion encode a 2560 px rendition several times faster than the `image`
/// crate's encoder (docs/PERFORMANCE.md, "Images").
fn encode_jpeg(pixels: &Pixels, icc_profile: Option<&[u8]>) -> Result<Vec<u8>, ImageError> {
    let color = if pixels.alpha {
        jpeg_encoder::ColorType::Rgba
    } else {
        jpeg_encoder::ColorType::Rgb
    };
    // JPEG itself stores edges as 16-bit numbers.
    let (Ok(width), Ok(height)) = (u16::try_from(pixels.width), u16::try_from(pixels.height))
    else {
        return Err(encode_failed(format!(
            "JPEG cannot hold {}×{} pixels (at most 65535 a side)",
            pixels.width, pixels.height
        )));
    };
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY);
    if let Some(icc) = icc_profile {
        // A profile too big to embed costs the colours' fidelity, not the picture.
        let _ = encoder.add_icc_profile(icc);
    }
    encoder
        .encode(&pixels.buffer, width, height, color)
        .map_err(encode_failed)?;
    Ok(out)
}

fn encode_png(pixels: &Pixels, icc_profile: Option<&[u8]>) -> Result<Vec<u8>, ImageError> {
    let color = if pixels.alpha {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgb8
    };
    let mut out = Vec::new();
    let mut encoder = PngEncoder::new(&mut out);
    if let Some(icc) = icc_profile {
        // An encoder that cannot embed it still writes the picture.
        let _ = encoder.set_icc_profile(icc.to_vec());
    }
    encoder
        .write_image(&pixels.buffer, pixels.width, pixels.height, color)
        .map_err(encode_failed)?;
    Ok(out)
}

fn encode_failed(err: impl std::fmt::Display) -> ImageError {
    ImageError::Corrupt {
        reason: format!("cannot be encoded: {err}"),
    }
}

/// Whether no pixel is even partly transparent.
fn is_opaque(image: &DynamicImage) -> bool {
    match image {
        DynamicImage::ImageRgba8(buffer) => buffer.pixels().all(|p| p.0[3] == u8::MAX),
        DynamicImage::ImageLumaA8(buffer) => buffer.pixels().all(|p| p.0[1] == u8::MAX),
        DynamicImage::ImageRgba16(buffer) => buffer.pixels().all(|p| p.0[3] == u16::MAX),
        DynamicImage::ImageLumaA16(buffer) => buffer.pixels().all(|p| p.0[1] == u16::MAX),
        other => !other.color().has_alpha(),
    }
}
