//! Library images in exports (issue #14): the page's `images/` folder (variants, names,
//! metadata stripped, upright), what a browser shows of the exported folder moved elsewhere,
//! the Nu checker on the page, re-exports that decode nothing, the archive holding each image
//! once, fragments' URLs, Markdown and TextBundle folders, and the refusals.

use std::cell::Cell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use edito::export::{Article, ExportError, ExportFormat, Exporter, ImageStore, SiteSelection};
use edito::images::{inspect, ImageId};
use edito::library::ImageRecord;
use image::{ImageEncoder, Rgb, RgbImage};

use crate::export_support::files_under;

/// Images held in memory, counting how often an original is read (a re-export must read
/// none).
#[derive(Default)]
pub(crate) struct MemoryImages {
    images: HashMap<ImageId, (ImageRecord, Vec<u8>)>,
    pub(crate) reads: Cell<usize>,
}

impl MemoryImages {
    /// Adds `bytes` with its caption and credit; returns its reference.
    pub(crate) fn add(
        &mut self,
        bytes: Vec<u8>,
        name: &str,
        caption: &str,
        credit: &str,
    ) -> String {
        let info = inspect(&bytes).expect("an image");
        let id = ImageId::of_bytes(&bytes);
        let record = ImageRecord {
            id: id.to_string(),
            media_type: info.format.media_type().to_owned(),
            width: info.width,
            height: info.height,
            original_name: Some(name.to_owned()),
            caption: caption.to_owned(),
            credit: credit.to_owned(),
            byte_len: bytes.len() as u64,
            alt: String::new(),
            decorative: false,
            created_at: String::new(),
        };
        let reference = id.reference();
        self.images.insert(id, (record, bytes));
        reference
    }

    /// Sets the image's own alt text (the one its lead-image use shows).
    pub(crate) fn describe(&mut self, reference: &str, alt: &str) {
        let id = ImageId::from_reference(reference).expect("a reference");
        if let Some((record, _)) = self.images.get_mut(&id) {
            record.alt = alt.to_owned();
        }
    }

    fn decorative(&mut self, reference: &str) {
        let id = ImageId::from_reference(reference).expect("a reference");
        if let Some((record, _)) = self.images.get_mut(&id) {
            record.decorative = true;
        }
    }
}

impl ImageStore for MemoryImages {
    fn image(&self, id: &ImageId) -> Result<ImageRecord, String> {
        self.images
            .get(id)
            .map(|(record, _)| record.clone())
            .ok_or_else(|| "not in the library: add it again".to_owned())
    }

    fn image_bytes(&self, id: &ImageId) -> Result<Vec<u8>, String> {
        self.reads.set(self.reads.get() + 1);
        self.images
            .get(id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or_else(|| {
                "its file is missing from the library's images folder: add it again".to_owned()
            })
    }
}

/// A JPEG whose upright picture is `width` × `height`, red on its top half and blue below,
/// stored turned a quarter to the left with EXIF orientation 6 ("turn right to show"): only a
/// reader applying the orientation puts red on top.
pub(crate) fn sideways_jpeg(width: u32, height: u32) -> Vec<u8> {
    // Stored: `height` wide, `width` tall; its left half becomes the top once turned right.
    let stored = RgbImage::from_fn(height, width, |x, _| {
        if x < height / 2 {
            Rgb([230, 0, 0])
        } else {
            Rgb([0, 0, 230])
        }
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .write_image(
            stored.as_raw(),
            height,
            width,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encode");
    with_exif_orientation(&jpeg, 6)
}

/// `jpeg` with an APP1 EXIF segment holding only `Orientation` (and a GPS tag pointer's worth
/// of camera data is not needed: any EXIF left in an export is found by looking for `Exif`).
fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\0*\0\0\0\x08");
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&0x0112u16.to_be_bytes());
    tiff.extend_from_slice(&3u16.to_be_bytes());
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes());
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(
        &u16::try_from(payload.len() + 2)
            .expect("small")
            .to_be_bytes(),
    );
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A flat PNG of `width` × `height`.
pub(crate) fn png(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let pixels = RgbImage::from_pixel(width, height, Rgb([shade, 128, 64]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            pixels.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encode");
    out
}

pub(crate) fn article(title: &str, body: &str) -> Article {
    let mut article = Article {
        slug: edito::text::slugify(title),
        ..Article::default()
    };
    article.fields.title = title.into();
    article.fields.body = body.into();
    article
}

pub(crate) fn exporter() -> Exporter {
    Exporter::new(Default::default(), None).expect("built-in theme")
}

pub(crate) fn id_prefix(reference: &str) -> String {
    ImageId::from_reference(reference)
        .expect("reference")
        .as_str()[..16]
        .to_owned()
}

pub(crate) fn image_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("images"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A piece with a captioned portrait (a figure) and a second image in a sentence.
pub(crate) fn portrait_piece(images: &mut MemoryImages) -> (Article, String, String) {
    let portrait = images.add(
        sideways_jpeg(200, 300),
        "portrait.jpg",
        "Jean Dupont, à Lyon",
        "Marie Curie",
    );
    let wide = images.add(png(1000, 500, 40), "port.png", "", "");
    let body = format!(
        "![Portrait de Jean Dupont]({portrait})\n\nLe port ![vue du port]({wide}) au matin.\n"
    );
    (article("Éditorial d'avril", &body), portrait, wide)
}

#[test]
fn a_page_with_images_writes_their_variants_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let (piece, portrait, wide) = portrait_piece(&mut images);
    let page_path = dir.path().join("edito.html");
    exporter()
        .export_to_path(&piece, ExportFormat::Page, &page_path, &images)
        .expect("export");
    let (p, w) = (id_prefix(&portrait), id_prefix(&wide));
    // The portrait (200 × 300 upright) is smaller than every variant; the 1000 px PNG gets the
    // 480 and 960 variants and itself, never enlarged.
    assert_eq!(image_files(dir.path()), {
        let mut expected = [
            format!("{p}-200.jpg"),
            format!("{w}-1000.png"),
            format!("{w}-480.png"),
            format!("{w}-960.png"),
        ];
        expected.sort();
        expected
    });
    for name in image_files(dir.path()) {
        let bytes = std::fs::read(dir.path().join("images").join(&name)).expect("read");
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif"),
            "{name} kept its EXIF block"
        );
        // The size the page announces is the file's size.
        let info = inspect(&bytes).expect("an image");
        let width: u32 = name[17..name.rfind('.').expect("ext")]
            .parse()
            .expect("width");
        assert_eq!(info.width, width, "{name}");
    }
    let portrait_file =
        std::fs::read(dir.path().join("images").join(format!("{p}-200.jpg"))).expect("read");
    let upright = inspect(&portrait_file).expect("an image");
    assert_eq!(
        (upright.width, upright.height),
        (200, 300),
        "not turned upright"
    );
    let page = std::fs::read_to_string(&page_path).expect("page");
    assert!(
        page.contains(&format!(
            "<figure><img src=\"images/{p}-200.jpg\" width=\"200\" height=\"300\" decoding=\"async\" alt=\"Portrait de Jean Dupont\">"
        )),
        "{page}"
    );
    assert!(
        page.contains(
            "<span class=\"credit\">Photo&nbsp;: Marie Curie</span></figcaption></figure>"
        ),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "srcset=\"images/{w}-480.png 480w, images/{w}-960.png 960w, images/{w}-1000.png 1000w\""
        )),
        "{page}"
    );
    assert!(
        page.contains(
            "width=\"1000\" height=\"500\" loading=\"lazy\" decoding=\"async\" alt=\"vue du port\""
        ),
        "{page}"
    );
}

#[test]
fn a_reexport_with_nothing_changed_decodes_nothing_and_rewrites_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let (piece, _, wide) = portrait_piece(&mut images);
    let page = dir.path().join("edito.html");
    let ex = exporter();
    ex.export_to_path(&piece, ExportFormat::Page, &page, &images)
        .expect("export");
    assert_eq!(images.reads.get(), 2);
    let file = dir
        .path()
        .join("images")
        .join(format!("{}-480.png", id_prefix(&wide)));
    let written = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    ex.export_to_path(&piece, ExportFormat::Page, &page, &images)
        .expect("re-export");
    assert_eq!(images.reads.get(), 2, "a re-export read an original again");
    let again = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(written, again, "an unchanged image file was rewritten");
    // A file changed by someone else is not Edito's any more: made again.
    std::fs::write(&file, b"not the image").expect("tamper");
    ex.export_to_path(&piece, ExportFormat::Page, &page, &images)
        .expect("re-export");
    assert_eq!(images.reads.get(), 3);
    assert!(inspect(&std::fs::read(&file).expect("read")).is_ok());
    // Another page exported into the same folder leaves the first page's images alone.
    let other = article("Autre", "Sans image.\n");
    let mut only = MemoryImages::default();
    let lone = only.add(png(300, 300, 200), "autre.png", "", "");
    let mut with_image = other.clone();
    with_image.fields.body = format!("![un carré]({lone})\n");
    ex.export_to_path(
        &with_image,
        ExportFormat::Page,
        &dir.path().join("autre.html"),
        &only,
    )
    .expect("export");
    assert_eq!(image_files(dir.path()).len(), 5);
}

#[test]
fn export_is_refused_while_an_image_has_no_alt_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let reference = images.add(png(20, 20, 1), "sans-alt.png", "", "");
    let piece = article("Sans description", &format!("Texte.\n\n![]({reference})\n"));
    let page = dir.path().join("page.html");
    let err = exporter()
        .export_to_path(&piece, ExportFormat::Page, &page, &images)
        .expect_err("refused");
    assert!(
        matches!(err, ExportError::ImageWithoutAlt { line: 3, .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("`sans-alt.png` (line 3)"), "{message}");
    assert!(message.contains("Sans description"), "{message}");
    assert!(message.contains("mark the image decorative"), "{message}");
    assert!(
        !page.exists() && !dir.path().join("images").exists(),
        "something was written"
    );
    for format in [ExportFormat::Fragment, ExportFormat::Markdown] {
        assert!(exporter()
            .export_with_images(&piece, format, &images)
            .is_err());
    }
    // The same image marked decorative may go without alt text.
    images.decorative(&reference);
    exporter()
        .export_to_path(&piece, ExportFormat::Page, &page, &images)
        .expect("a decorative image needs no alt text");
    assert!(std::fs::read_to_string(&page)
        .expect("page")
        .contains("alt=\"\""));
}

#[test]
fn a_missing_image_file_names_the_piece_and_the_image() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let reference = images.add(png(20, 20, 1), "perdu.png", "", "");
    let piece = article("Le perdu", &format!("![un carré]({reference})\n"));
    // Known to the library, file gone: the record answers, the bytes do not.
    let broken = BytesGone(images);
    let err = exporter()
        .export_to_path(
            &piece,
            ExportFormat::Page,
            &dir.path().join("p.html"),
            &broken,
        )
        .expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains("Le perdu")
            && message.contains("perdu.png")
            && message.contains("add it again"),
        "{message}"
    );
    assert!(!dir.path().join("p.html").exists());
    // A piece from a Markdown file, exported without a library.
    let err = exporter()
        .export(&piece, ExportFormat::Page)
        .expect_err("no library");
    assert!(
        err.to_string().contains("export the piece by its id"),
        "{err}"
    );
}

struct BytesGone(MemoryImages);

impl ImageStore for BytesGone {
    fn image(&self, id: &ImageId) -> Result<ImageRecord, String> {
        self.0.image(id)
    }

    fn image_bytes(&self, _id: &ImageId) -> Result<Vec<u8>, String> {
        Err("its file is missing from the library's images folder: add it again".into())
    }
}

#[test]
fn the_archive_holds_each_image_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let shared = images.add(png(600, 300, 90), "partage.png", "Le port", "");
    let mut first = article("Premier", &format!("![le port]({shared})\n"));
    let mut second = article("Second", &format!("Encore ![le port]({shared}).\n"));
    first.status = edito::library::Status::Published;
    second.status = edito::library::Status::Published;
    let out = dir.path().join("site");
    let ex = exporter();
    let site = |images: &MemoryImages, pieces: &[Article]| {
        ex.site_with_images(
            pieces,
            images,
            SiteSelection::All,
            &out,
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
        .expect("site")
    };
    site(&images, &[first.clone(), second.clone()]);
    let p = id_prefix(&shared);
    let listed: Vec<String> = files_under(&out)
        .into_iter()
        .filter(|f| f.starts_with("images/"))
        .collect();
    assert_eq!(
        listed,
        [format!("images/{p}-480.png"), format!("images/{p}-600.png")]
    );
    for page in ["articles/premier.html", "articles/second.html"] {
        let html = std::fs::read_to_string(out.join(page)).expect("page");
        assert!(
            html.contains(&format!("src=\"../images/{p}-600.png\"")),
            "{html}"
        );
    }
    assert_eq!(
        images.reads.get(),
        1,
        "the image was made once for two pieces"
    );
    site(&images, &[first.clone(), second.clone()]);
    assert_eq!(images.reads.get(), 1, "a re-export made an image again");
    // In the feed, a page's relative image URLs resolve against the page's address.
    let settings = edito::export::SiteSettings {
        base_url: Some("https://example.org/archives/".into()),
        ..Default::default()
    };
    Exporter::new(settings, None)
        .expect("theme")
        .site_with_images(
            &[first.clone(), second.clone()],
            &images,
            SiteSelection::All,
            &out,
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
        .expect("site");
    let feed = std::fs::read_to_string(out.join("feed.xml")).expect("feed");
    assert!(
        feed.contains("xml:base=\"https://example.org/archives/articles/premier.html\"")
            && feed.contains(&format!("../images/{p}-600.png")),
        "{feed}"
    );
    // No piece shows it any more: its files go with the next export.
    second.fields.body = "Plus d'image.\n".into();
    first.fields.body = "Plus d'image.\n".into();
    let report = site(&images, &[first, second]);
    assert!(
        report.removed.iter().any(|r| r.starts_with("images/")),
        "{report:?}"
    );
    assert!(!out.join("images").join(format!("{p}-600.png")).exists());
}

#[test]
fn fragment_image_urls_are_relative_or_under_the_base_url() {
    let mut images = MemoryImages::default();
    let reference = images.add(png(100, 50, 3), "carre.png", "", "");
    let piece = article("Fragment", &format!("![un rectangle]({reference})\n"));
    let p = id_prefix(&reference);
    let relative = exporter()
        .export_with_images(&piece, ExportFormat::Fragment, &images)
        .expect("fragment");
    let relative = String::from_utf8(relative.bytes).expect("utf-8");
    assert!(
        relative.contains(&format!("src=\"images/{p}-100.png\"")),
        "{relative}"
    );
    let based = exporter()
        .with_image_base_url("https://cdn.example.org/2026/avril")
        .expect("an address")
        .fragment_with_store(&piece, false, &images)
        .expect("fragment");
    assert!(
        based.contains(&format!(
            "src=\"https://cdn.example.org/2026/avril/{p}-100.png\""
        )),
        "{based}"
    );
    assert_eq!(images.reads.get(), 0, "URLs need no image decoded");
    assert!(exporter()
        .with_image_base_url("javascript:alert(1)")
        .is_err());
}

#[test]
fn markdown_and_textbundle_exports_carry_the_images_relatively() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let reference = images.add(png(3000, 1000, 7), "grand.png", "", "");
    images.describe(&reference, "une bande");
    let mut piece = article("Paquet", &format!("![une bande]({reference})\n"));
    piece.fields.lead_image = Some(reference.clone());
    let p = id_prefix(&reference);
    let ex = exporter();
    let markdown = dir.path().join("paquet.md");
    ex.export_to_path(&piece, ExportFormat::Markdown, &markdown, &images)
        .expect("markdown");
    let text = std::fs::read_to_string(&markdown).expect("read");
    // The largest file only, capped at 2560 px.
    assert!(
        text.contains(&format!("![une bande](images/{p}-2560.png)")),
        "{text}"
    );
    assert!(
        text.contains(&format!("lead_image: images/{p}-2560.png")),
        "{text}"
    );
    assert_eq!(image_files(dir.path()), [format!("{p}-2560.png")]);
    let bundle = dir.path().join("paquet.textbundle");
    ex.export_to_path(&piece, ExportFormat::TextBundle, &bundle, &images)
        .expect("textbundle");
    let info: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle.join("info.json")).expect("info"))
            .expect("json");
    assert_eq!(info["version"], 2);
    assert_eq!(info["type"], "net.daringfireball.markdown");
    let text = std::fs::read_to_string(bundle.join("text.md")).expect("text.md");
    assert!(
        text.contains(&format!("![une bande](assets/{p}-2560.png)")),
        "{text}"
    );
    let asset = std::fs::read(bundle.join("assets").join(format!("{p}-2560.png"))).expect("asset");
    assert_eq!(inspect(&asset).expect("image").width, 2560);
}

/// Runs the Nu checker on `files`; `None` when `EDITO_VNU_JAR` is not set (see
/// `export_validate.rs`).
pub(crate) fn nu_errors(files: &[PathBuf]) -> Option<Vec<serde_json::Value>> {
    let jar = std::env::var_os("EDITO_VNU_JAR").filter(|v| !v.is_empty())?;
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(files)
        .output()
        .expect("run java");
    let report: serde_json::Value = serde_json::from_slice(&output.stderr)
        .or_else(|_| serde_json::from_slice(&output.stdout))
        .expect("vnu JSON");
    Some(report["messages"].as_array().cloned().unwrap_or_default())
}

#[test]
fn the_page_with_images_passes_the_nu_checker() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let (piece, _, _) = portrait_piece(&mut images);
    let page = dir.path().join("edito.html");
    exporter()
        .export_to_path(&piece, ExportFormat::Page, &page, &images)
        .expect("export");
    let Some(errors) = nu_errors(&[page]) else {
        eprintln!("SKIPPED the_page_with_images_passes_the_nu_checker: EDITO_VNU_JAR is not set");
        return;
    };
    assert!(
        errors.is_empty(),
        "{}",
        serde_json::to_string_pretty(&errors).unwrap_or_default()
    );
}

/// Copies the files of `from` (one level of folders) into `to`.
fn copy_folder(from: &Path, to: &Path) {
    for relative in files_under(from) {
        let target = to.join(&relative);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::copy(from.join(&relative), target).expect("copy");
    }
}

/// The done-when of issue #14: the exported folder, moved to another place (another machine's
/// disk), shows the portrait upright with its caption in a browser. Debian's chromium paints
/// the page; the screenshot's red pixels (the picture's top once upright) must sit above its
/// blue ones, and dark caption text must sit just below the picture.
#[test]
fn the_exported_folder_shows_the_image_upright_with_its_caption_in_a_browser() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        eprintln!("SKIPPED: no chromium at {chromium} (apt install chromium, or set CHROMIUM)");
        return;
    }
    let written = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let portrait = images.add(
        sideways_jpeg(120, 180),
        "portrait.jpg",
        "Jean Dupont",
        "Marie Curie",
    );
    let piece = article(
        "Portrait",
        &format!("![Portrait de Jean Dupont]({portrait})\n"),
    );
    exporter()
        .export_to_path(
            &piece,
            ExportFormat::Page,
            &written.path().join("portrait.html"),
            &images,
        )
        .expect("export");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    copy_folder(written.path(), elsewhere.path());
    drop(written);
    let shot = elsewhere.path().join("shot.png");
    let profile = tempfile::tempdir().expect("profile dir");
    let status = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=600,700",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!(
            "file://{}",
            elsewhere.path().join("portrait.html").display()
        ))
        .output()
        .expect("run chromium");
    assert!(
        shot.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let picture = image::open(&shot).expect("screenshot").to_rgb8();
    let rows = |test: fn(&Rgb<u8>) -> bool| -> Vec<u32> {
        (0..picture.height())
            .filter(|&y| {
                (0..picture.width())
                    .filter(|&x| test(picture.get_pixel(x, y)))
                    .count()
                    > 20
            })
            .collect()
    };
    let red = rows(|p| p[0] > 180 && p[1] < 80 && p[2] < 80);
    let blue = rows(|p| p[2] > 180 && p[0] < 80 && p[1] < 80);
    assert!(
        !red.is_empty() && !blue.is_empty(),
        "the picture is not on screen"
    );
    assert!(
        red.iter().max() < blue.iter().min(),
        "the picture is not upright: red rows {:?}…, blue rows {:?}…",
        red.first(),
        blue.first()
    );
    // Both halves as tall as each other: the picture is shown at its size, turned, not cut.
    assert!(
        red.len().abs_diff(blue.len()) <= 4,
        "{} red rows, {} blue",
        red.len(),
        blue.len()
    );
    let bottom = *blue.iter().max().expect("blue rows");
    let caption_rows = (bottom + 1..(bottom + 60).min(picture.height()))
        .filter(|&y| {
            (0..picture.width()).any(|x| picture.get_pixel(x, y).0.iter().all(|&c| c < 110))
        })
        .count();
    // The caption's words are checked in the page's HTML by
    // `a_page_with_images_writes_their_variants_beside_it`; here, that they are painted.
    assert!(caption_rows >= 5, "no caption text under the picture");
}

/// The CLI, as the issue asks: `edito image add` then `edito export ID` writes the page with
/// its `images/` folder and the TextBundle; an image used without alt text stops the export
/// with a message naming it.
#[test]
fn the_cli_exports_a_piece_with_its_images_and_refuses_one_without_alt() {
    use crate::support::{edito, stdout_ok};
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let photo = dir.path().join("portrait.png");
    std::fs::write(&photo, png(40, 30, 5)).expect("photo");
    let photo = photo.to_str().expect("utf-8");
    let piece = stdout_ok(&edito(
        &data,
        &["new", "--title", "Avec image"],
        b"Texte.\n",
    ));
    let piece = piece.trim();
    let reference = stdout_ok(&edito(
        &data,
        &[
            "image",
            "add",
            piece,
            photo,
            "--alt",
            "Un rectangle",
            "--caption",
            "Légende",
        ],
        b"",
    ));
    let p = id_prefix(reference.trim());
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).expect("mkdir");
    let page = out.join("page.html");
    stdout_ok(&edito(
        &data,
        &["export", piece, "-o", page.to_str().expect("utf-8")],
        b"",
    ));
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(
        html.contains(&format!("<figure><img src=\"images/{p}-40.png\"")),
        "{html}"
    );
    assert!(out.join("images").join(format!("{p}-40.png")).is_file());
    let bundle = out.join("piece.textbundle");
    stdout_ok(&edito(
        &data,
        &[
            "export",
            piece,
            "--format",
            "textbundle",
            "-o",
            bundle.to_str().expect("utf-8"),
        ],
        b"",
    ));
    assert!(bundle.join("assets").join(format!("{p}-40.png")).is_file());
    let bare = stdout_ok(&edito(
        &data,
        &["new", "--title", "Sans alt"],
        format!("![]({})\n", reference.trim()).as_bytes(),
    ));
    let refused = edito(
        &data,
        &[
            "export",
            bare.trim(),
            "-o",
            out.join("bare.html").to_str().expect("utf-8"),
        ],
        b"",
    );
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("`portrait.png` (line 1) has no alt text"),
        "{message}"
    );
}

/// Issue #14's first complaint: `![x](/tmp/keep/photo.jpg)` was exported as
/// `<img src="/tmp/keep/photo.jpg">` (a file only the writer's machine has) and
/// `![y](file:///…)` was dropped silently. Every export now refuses such an image, naming the
/// piece, the destination and its line, and saying how to bring it into the library.
#[test]
fn images_from_disk_are_refused_by_every_export() {
    let images = MemoryImages::default();
    for (destination, line) in [
        ("/tmp/keep/photo.jpg", 3),
        ("file:///tmp/keep/photo.jpg", 3),
        ("~/Images/photo.jpg", 3),
        ("C:\\Users\\moi\\photo.jpg", 3),
    ] {
        let piece = article(
            "Édito de mars",
            &format!("Texte.\n\n![Le port]({destination})\n"),
        );
        let ex = exporter();
        let refused = |err: ExportError| {
            let message = err.to_string();
            assert!(
                matches!(&err, ExportError::ImageFromDisk { line: l, destination: d, .. }
                    if *l == line && d == destination),
                "{err:?}"
            );
            assert!(message.contains("Édito de mars"), "{message}");
            assert!(message.contains(destination), "{message}");
            assert!(message.contains("(line 3)"), "{message}");
            assert!(message.contains("edito image add"), "{message}");
        };
        for format in [
            ExportFormat::Page,
            ExportFormat::Fragment,
            ExportFormat::Markdown,
            ExportFormat::TextBundle,
        ] {
            refused(ex.export(&piece, format).expect_err("refused"));
            let dir = tempfile::tempdir().expect("temp dir");
            let out = dir.path().join("sortie");
            refused(
                ex.export_to_path(&piece, format, &out, &images)
                    .expect_err("refused"),
            );
            assert!(!out.exists(), "{format:?} wrote something");
        }
        let dir = tempfile::tempdir().expect("temp dir");
        refused(
            ex.site_with_images(
                std::slice::from_ref(&piece),
                &images,
                SiteSelection::All,
                &dir.path().join("archive"),
                &mut |_, _| {},
                &AtomicBool::new(false),
            )
            .expect_err("refused"),
        );
    }
}

/// Relative image paths of a Markdown file exported from disk are not local files in the
/// refusal's sense: they keep working as before (written as they are).
#[test]
fn relative_image_paths_still_export() {
    let piece = article("Relatif", "![Le port](images/port.jpg)\n");
    let page = exporter()
        .export(&piece, ExportFormat::Page)
        .expect("exported");
    let html = String::from_utf8(page.bytes).expect("utf-8");
    assert!(html.contains(r#"src="images/port.jpg""#), "{html}");
}

/// Issue #14: figures looked unfinished: the browser's 40 px figure indent, the caption and
/// the credit at body size on one line. Chromium reports the computed style of the exported
/// page's figure: no indent, caption smaller than the body and muted, credit on its own line.
#[test]
fn figures_have_the_theme_look_in_a_browser() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        eprintln!("SKIPPED: no chromium at {chromium} (apt install chromium, or set CHROMIUM)");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let port = images.add(
        png(200, 100, 7),
        "port.png",
        "Le port au matin",
        "Marie Curie",
    );
    let piece = article("Figure", &format!("Texte.\n\n![Le port]({port})\n"));
    let page = dir.path().join("figure.html");
    exporter()
        .export_to_path(&piece, ExportFormat::Page, &page, &images)
        .expect("export");
    let html = std::fs::read_to_string(&page).expect("page");
    let probe = r#"<script>
const s = (q) => getComputedStyle(document.querySelector(q));
const f = s("figure"), c = s("figcaption"), b = s(".body p"), k = s(".credit");
document.body.setAttribute("data-probe", [f.marginLeft, f.marginRight, c.fontSize, b.fontSize, c.color, b.color, k.display].join("|"));
</script></body>"#;
    std::fs::write(&page, html.replace("</body>", probe)).expect("probe");
    let profile = tempfile::tempdir().expect("profile dir");
    let out = Command::new(&chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    let probe = dom
        .split("data-probe=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no probe: {dom}"));
    let parts: Vec<&str> = probe.split('|').collect();
    let px = |s: &str| s.trim_end_matches("px").parse::<f64>().expect("px");
    assert_eq!(
        (parts[0], parts[1]),
        ("0px", "0px"),
        "figure indent: {probe}"
    );
    assert!(px(parts[2]) < px(parts[3]), "caption not smaller: {probe}");
    assert_ne!(parts[4], parts[5], "caption not muted: {probe}");
    assert_eq!(parts[6], "block", "credit runs on: {probe}");
}
