//! The image module's tests on real images encoded here with the `image` crate (JPEG, PNG,
//! WebP, GIF), plus hand-made headers for what an encoder would never write.

use std::io::Cursor;

use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::{
    ExtendedColorType, ImageDecoder, ImageEncoder, ImageReader, Rgb, RgbImage, Rgba, RgbaImage,
};

use super::*;

const RED: Rgb<u8> = Rgb([220, 20, 20]);
const BLUE: Rgb<u8> = Rgb([20, 20, 220]);

/// `width` × `height`, the left half red and the right half blue: after a rotation, where the
/// red half went shows which way the picture turned.
fn halves(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, _| if x < width / 2 { RED } else { BLUE })
}

fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            ExtendedColorType::Rgb8,
        )
        .expect("encode jpeg");
    out
}

fn png_rgba(image: &RgbaImage) -> Vec<u8> {
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            ExtendedColorType::Rgba8,
        )
        .expect("encode png");
    out
}

/// A TIFF-in-APP1 EXIF block as a phone writes it: IFD0 with the orientation tag, a pointer
/// to a GPS IFD holding a latitude reference, then the GPS IFD. Big-endian ("MM").
fn exif_app1(orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\x00\x2a\x00\x00\x00\x08");
    // IFD0 at 8: two entries, then the next-IFD offset (none).
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0x8825u16.to_be_bytes()); // GPSInfo IFD pointer
    tiff.extend_from_slice(&4u16.to_be_bytes()); // LONG
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&38u32.to_be_bytes()); // 8 + 2 + 2*12 + 4
    tiff.extend_from_slice(&0u32.to_be_bytes());
    // GPS IFD at 38: GPSLatitudeRef "N".
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&0x0001u16.to_be_bytes());
    tiff.extend_from_slice(&2u16.to_be_bytes()); // ASCII
    tiff.extend_from_slice(&2u32.to_be_bytes());
    tiff.extend_from_slice(b"N\0\0\0");
    tiff.extend_from_slice(&0u32.to_be_bytes());

    let mut segment = vec![0xFF, 0xE1];
    let len = (2 + 6 + tiff.len()) as u16;
    segment.extend_from_slice(&len.to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

/// `jpeg` with the EXIF block inserted right after its start-of-image marker.
fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&exif_app1(orientation));
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// Checks what [`inspect`] says of `bytes` (format, upright width and height) and that the
/// full-size rendition has the same size in `rendered`.
fn inspected_and_rendered(
    bytes: &[u8],
    (format, width, height): (ImageFormat, u32, u32),
    rendered: ImageFormat,
) -> Rendition {
    let info = inspect(bytes).expect("inspect");
    assert_eq!(
        info,
        ImageInfo {
            format,
            width,
            height
        }
    );
    let out = rendition(bytes, 2560).expect("rendition");
    assert_eq!(
        (out.format, out.width, out.height),
        (rendered, width, height)
    );
    out
}

/// CRC-32 (IEEE) as PNG chunks carry it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn decode_rgb(bytes: &[u8]) -> RgbImage {
    image::load_from_memory(bytes).expect("decode").into_rgb8()
}

fn is_reddish(pixel: &Rgb<u8>) -> bool {
    pixel.0[0] > 150 && pixel.0[2] < 100
}

fn is_bluish(pixel: &Rgb<u8>) -> bool {
    pixel.0[2] > 150 && pixel.0[0] < 100
}

#[test]
fn id_is_the_first_32_hex_of_the_sha256() {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    let id = ImageId::of_bytes(b"abc");
    assert_eq!(id.as_str(), "ba7816bf8f01cfea414140de5dae2223");
    assert_eq!(id.to_string(), id.as_str());
    assert_eq!(
        id.reference(),
        "edito:image/ba7816bf8f01cfea414140de5dae2223"
    );
    assert_eq!(ImageId::from_reference(&id.reference()), Some(id.clone()));
    assert_eq!(ImageId::parse(id.as_str()), Some(id.clone()));
    assert_eq!(
        serde_json::to_string(&id).expect("json"),
        "\"ba7816bf8f01cfea414140de5dae2223\""
    );
}

#[test]
fn malformed_ids_and_references_are_not_ids() {
    for bad in [
        "",
        "BA7816BF8F01CFEA414140DE5DAE2223",
        "ba7816bf8f01cfea414140de5dae222",
        "ba7816bf8f01cfea414140de5dae22234",
        "ba7816bf8f01cfea414140de5dae222g",
        "../../etc/passwd",
    ] {
        assert_eq!(ImageId::parse(bad), None, "{bad:?}");
    }
    for bad in [
        "ba7816bf8f01cfea414140de5dae2223",
        "https://example.com/x.png",
        "edito:image/",
        "edito:image/ba7816bf8f01cfea414140de5dae2223/x",
        "Edito:image/ba7816bf8f01cfea414140de5dae2223",
    ] {
        assert_eq!(ImageId::from_reference(bad), None, "{bad:?}");
    }
    assert!(serde_json::from_str::<ImageId>("\"nope\"").is_err());
}

/// A phone portrait is stored sideways with orientation 6 ("rotate 90° clockwise to show"):
/// inspect and the rendition must both give the upright picture, width and height swapped.
#[test]
fn exif_orientation_6_comes_out_upright_with_width_and_height_swapped() {
    let sideways = with_exif(&jpeg(&halves(64, 32)), 6);
    let out = inspected_and_rendered(&sideways, (ImageFormat::Jpeg, 32, 64), ImageFormat::Jpeg);
    let shown = decode_rgb(&out.bytes);
    assert_eq!(shown.dimensions(), (32, 64));
    // Turned clockwise, the left (red) half is now on top.
    assert!(
        is_reddish(shown.get_pixel(16, 8)),
        "{:?}",
        shown.get_pixel(16, 8)
    );
    assert!(
        is_bluish(shown.get_pixel(16, 56)),
        "{:?}",
        shown.get_pixel(16, 56)
    );
}

#[test]
fn rendition_carries_no_exif_and_no_gps() {
    let original = with_exif(&jpeg(&halves(64, 32)), 6);
    assert!(contains(&original, b"Exif\0\0"));
    let out = rendition(&original, 2560).expect("rendition");
    assert!(!contains(&out.bytes, b"Exif"), "EXIF block copied");
    let mut decoder = ImageReader::new(Cursor::new(&out.bytes))
        .with_guessed_format()
        .expect("guess")
        .into_decoder()
        .expect("decoder");
    assert_eq!(decoder.exif_metadata().expect("read exif"), None);
    assert_eq!(decoder.xmp_metadata().expect("read xmp"), None);
}

#[test]
fn truncated_jpeg_is_corrupt() {
    let whole = jpeg(&halves(256, 256));
    let truncated = &whole[..whole.len() * 2 / 3];
    assert!(
        matches!(inspect(truncated), Err(ImageError::Corrupt { .. })),
        "{:?}",
        inspect(truncated)
    );
    assert!(matches!(
        rendition(truncated, 960),
        Err(ImageError::Corrupt { .. })
    ));
    // The end marker of an EXIF thumbnail (inside an APP1 segment) does not make a cut file
    // whole: only the main picture's own end counts.
    let mut thumbnail_segment = vec![0xFF, 0xE1, 0x00, 0x0C];
    thumbnail_segment.extend_from_slice(b"Exif\0\0\xFF\xD8\xFF\xD9");
    let mut with_thumbnail = whole[..2].to_vec();
    with_thumbnail.extend_from_slice(&thumbnail_segment);
    with_thumbnail.extend_from_slice(&whole[2..]);
    assert!(inspect(&with_thumbnail).is_ok());
    let cut = &with_thumbnail[..with_thumbnail.len() - 40];
    assert!(matches!(inspect(cut), Err(ImageError::Corrupt { .. })));
}

#[test]
fn truncated_png_is_corrupt() {
    let whole = png_rgba(&RgbaImage::from_fn(128, 128, |x, y| {
        Rgba([x as u8, y as u8, 7, 255])
    }));
    let truncated = &whole[..whole.len() / 2];
    assert!(
        matches!(inspect(truncated), Err(ImageError::Corrupt { .. })),
        "{:?}",
        inspect(truncated)
    );
}

#[test]
fn text_and_empty_files_are_not_images() {
    assert_eq!(
        inspect(b"Bonjour, ceci est un texte.\n"),
        Err(ImageError::NotAnImage)
    );
    assert_eq!(inspect(b""), Err(ImageError::NotAnImage));
    assert_eq!(rendition(b"%PDF-1.7\n", 960), Err(ImageError::NotAnImage));
}

#[test]
fn heic_avif_tiff_and_svg_are_refused_by_name() {
    let cases: [(&[u8], &str); 5] = [
        (b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", "HEIC"),
        (b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf", "AVIF"),
        (b"II*\0\x08\0\0\0\0\0\0\0", "TIFF"),
        (b"MM\0*\0\0\0\x08\0\0\0\0", "TIFF"),
        (
            b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "SVG",
        ),
    ];
    for (bytes, name) in cases {
        assert_eq!(
            inspect(bytes),
            Err(ImageError::Unsupported {
                format: name.to_string()
            })
        );
    }
    let message = inspect(cases[0].0).expect_err("heic").to_string();
    assert!(
        message.starts_with("HEIC images are not supported: save"),
        "{message}"
    );
}

/// A header claiming 50000 × 50000 (2.5 gigapixels, 7.5 GB as RGB) must be refused from the
/// header alone, before any pixel buffer exists.
#[test]
fn header_claiming_50000_by_50000_is_refused_before_decoding() {
    // A real small PNG whose IHDR is rewritten to claim 50000 × 50000 (CRC fixed up, so only
    // the size is wrong).
    let mut png = png_rgba(&RgbaImage::from_pixel(16, 16, Rgba([1, 2, 3, 255])));
    let ihdr = 8; // after the signature: length, "IHDR", width, height…
    png[ihdr + 8..ihdr + 12].copy_from_slice(&50_000u32.to_be_bytes());
    png[ihdr + 12..ihdr + 16].copy_from_slice(&50_000u32.to_be_bytes());
    let crc = crc32(&png[ihdr + 4..ihdr + 8 + 13]);
    png[ihdr + 8 + 13..ihdr + 8 + 17].copy_from_slice(&crc.to_be_bytes());
    assert_eq!(
        inspect(&png),
        Err(ImageError::TooManyPixels {
            pixels: 2_500_000_000
        })
    );

    // A real small JPEG whose frame header (SOF0) is rewritten to claim 50000 × 50000.
    let mut jpeg = jpeg(&halves(16, 16));
    let sof = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("SOF0");
    jpeg[sof + 5..sof + 7].copy_from_slice(&50_000u16.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&50_000u16.to_be_bytes());
    assert_eq!(
        rendition(&jpeg, 960),
        Err(ImageError::TooManyPixels {
            pixels: 2_500_000_000
        })
    );
}

#[test]
fn files_over_50_mb_are_refused_before_looking_inside() {
    let big = vec![0u8; (MAX_IMAGE_BYTES + 1) as usize];
    assert_eq!(
        inspect(&big),
        Err(ImageError::TooLarge {
            bytes: MAX_IMAGE_BYTES + 1
        })
    );
}

#[test]
fn rendition_fits_the_longest_edge_and_never_enlarges() {
    let wide = jpeg(&halves(300, 100));
    let out = rendition(&wide, 96).expect("rendition");
    assert_eq!((out.width, out.height), (96, 32));
    assert_eq!(decode_rgb(&out.bytes).dimensions(), (96, 32));

    let out = rendition(&wide, 2560).expect("rendition");
    assert_eq!((out.width, out.height), (300, 100));

    let tall = png_rgba(&RgbaImage::from_pixel(10, 1000, Rgba([1, 2, 3, 255])));
    let out = rendition(&tall, 100).expect("rendition");
    assert_eq!(
        (out.format, out.width, out.height),
        (ImageFormat::Png, 1, 100)
    );
}

#[test]
fn png_keeps_transparency_and_stays_png() {
    let mut image = RgbaImage::from_pixel(40, 40, Rgba([0, 0, 0, 0]));
    image.put_pixel(20, 20, Rgba([255, 0, 0, 255]));
    let out = rendition(&png_rgba(&image), 20).expect("rendition");
    assert_eq!(
        (out.format, out.width, out.height),
        (ImageFormat::Png, 20, 20)
    );
    let decoded = image::load_from_memory(&out.bytes).expect("decode");
    assert!(decoded.color().has_alpha());
    assert_eq!(decoded.to_rgba8().get_pixel(0, 0).0[3], 0);
}

#[test]
fn opaque_webp_becomes_jpeg_and_transparent_webp_png() {
    let encode_webp = |image: &RgbaImage| {
        let mut out = Vec::new();
        WebPEncoder::new_lossless(&mut out)
            .write_image(
                image.as_raw(),
                image.width(),
                image.height(),
                ExtendedColorType::Rgba8,
            )
            .expect("encode webp");
        out
    };
    let opaque = encode_webp(&RgbaImage::from_pixel(30, 20, Rgba([10, 200, 10, 255])));
    assert_eq!(inspect(&opaque).expect("inspect").format, ImageFormat::WebP);
    let out = rendition(&opaque, 2560).expect("rendition");
    assert_eq!(
        (out.format, out.width, out.height),
        (ImageFormat::Jpeg, 30, 20)
    );

    let clear = encode_webp(&RgbaImage::from_pixel(30, 20, Rgba([10, 200, 10, 100])));
    assert_eq!(
        rendition(&clear, 2560).expect("rendition").format,
        ImageFormat::Png
    );
}

#[test]
fn gif_first_frame_becomes_png() {
    let mut gif = Vec::new();
    {
        let mut encoder = GifEncoder::new(&mut gif);
        let frame = RgbaImage::from_pixel(12, 8, Rgba([200, 10, 10, 255]));
        encoder
            .encode(frame.as_raw(), 12, 8, ExtendedColorType::Rgba8)
            .expect("encode gif");
    }
    let out = inspected_and_rendered(&gif, (ImageFormat::Gif, 12, 8), ImageFormat::Png);
    assert!(is_reddish(decode_rgb(&out.bytes).get_pixel(5, 5)));
}

#[test]
fn formats_name_their_media_type_and_extension() {
    for (format, media_type, extension) in [
        (ImageFormat::Jpeg, "image/jpeg", "jpg"),
        (ImageFormat::Png, "image/png", "png"),
        (ImageFormat::WebP, "image/webp", "webp"),
        (ImageFormat::Gif, "image/gif", "gif"),
    ] {
        assert_eq!(format.media_type(), media_type);
        assert_eq!(format.extension(), extension);
        assert_eq!(ImageFormat::from_media_type(media_type), Some(format));
    }
}

#[test]
fn references_are_found_anywhere_in_the_text() {
    let a = ImageId::of_bytes(b"a");
    let b = ImageId::of_bytes(b"b");
    let text = format!(
        "![Portrait]({})\n\n`{}` in code\n\n{{\"lead_image\":\"{}\"}} edito:image/short edito:image/",
        a.reference(),
        b.reference(),
        a.reference()
    );
    let found: Vec<ImageId> = references_in(&text).collect();
    assert_eq!(found, vec![a.clone(), b, a]);
}

#[test]
fn renditions_give_each_width_from_one_decode() {
    let photo = with_exif(&jpeg(&halves(400, 300)), 6);
    let all = renditions(&photo, &[200, 100, 1000]).expect("renditions");
    let sizes: Vec<(u32, u32)> = all.iter().map(|r| (r.width, r.height)).collect();
    assert_eq!(sizes, vec![(150, 200), (75, 100), (300, 400)]);
    for (one, max_edge) in all.iter().zip([200, 100, 1000]) {
        assert_eq!(*one, rendition(&photo, max_edge).expect("rendition"));
    }
}
