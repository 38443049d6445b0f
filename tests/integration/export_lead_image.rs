//! The piece's lead image (portrait) in exports and the preview's page (issue #14): a
//! tester found it missing from the exported page, the archive and the preview, although its
//! files were written. It is a `<figure>` above the body with the same files as a body image,
//! its alt text, caption and credit from the image's record, and `og:image` in the head when
//! the page has an address.

use std::sync::atomic::AtomicBool;

use edito::export::images::IMAGE_SIZES;
use edito::export::{ExportError, ExportFormat, Exporter, SiteSelection, SiteSettings};
use edito::images::ImageId;
use edito::render::{AppImage, AppImages, Links};

use crate::export_images::{
    article, exporter, id_prefix, image_files, nu_errors, png, sideways_jpeg, MemoryImages,
};

/// A piece whose lead image is a described, captioned 2000 × 1000 portrait, and whose body
/// has no image at all.
fn piece_with_lead(images: &mut MemoryImages) -> (edito::export::Article, String) {
    let lead = images.add(
        png(2000, 1000, 60),
        "portrait.png",
        "Jean Dupont, à Lyon",
        "Marie Curie",
    );
    images.describe(&lead, "Portrait de Jean Dupont");
    let mut piece = article("Éditorial d'avril", "Le texte.\n");
    piece.fields.lead_image = Some(lead.clone());
    (piece, lead)
}

// Broke: the lead image's files were written into `images/` but the page never showed it.
#[test]
fn the_lead_image_is_shown_on_the_exported_page_with_its_caption_and_credit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let (piece, lead) = piece_with_lead(&mut images);
    let page_path = dir.path().join("edito.html");
    exporter()
        .export_to_path(&piece, ExportFormat::Page, &page_path, &images)
        .expect("export");
    let p = id_prefix(&lead);
    assert_eq!(
        image_files(dir.path()),
        [
            format!("{p}-1600.png"),
            format!("{p}-2000.png"),
            format!("{p}-480.png"),
            format!("{p}-960.png"),
        ]
    );
    let page = std::fs::read_to_string(&page_path).expect("page");
    let figure = format!(
        "<figure class=\"lead-image\"><img src=\"images/{p}-2000.png\" srcset=\"images/{p}-480.png 480w, \
         images/{p}-960.png 960w, images/{p}-1600.png 1600w, images/{p}-2000.png 2000w\" sizes=\"{}\" \
         width=\"2000\" height=\"1000\" decoding=\"async\" alt=\"Portrait de Jean Dupont\">\
         <figcaption>Jean Dupont, à Lyon <span class=\"credit\">Photo\u{a0}: Marie Curie</span></figcaption></figure>",
        IMAGE_SIZES
    );
    assert!(page.contains(&figure), "{page}");
    // Above the body, below the header.
    let at = |needle: &str| {
        page.find(needle)
            .unwrap_or_else(|| panic!("{needle} in {page}"))
    };
    let figure_at = at("<figure class=\"lead-image\"");
    assert!(at("</header>") < figure_at && figure_at < at("<div class=\"body\">"));
    // No address known: no `og:image` (Open Graph readers need an absolute URL).
    assert!(!page.contains("og:image"), "{page}");
}

// The page's head names the lead image for link previews, with an absolute URL only: from
// the image base URL, or the site's base URL resolved like a browser would.
#[test]
fn og_image_is_written_only_with_an_absolute_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let (piece, lead) = piece_with_lead(&mut images);
    let p = id_prefix(&lead);
    let settings = SiteSettings {
        base_url: Some("https://example.org/revue/".into()),
        ..SiteSettings::default()
    };
    let page = Exporter::new(settings.clone(), None)
        .expect("theme")
        .export_with_images(&piece, ExportFormat::Page, &images)
        .map(|file| String::from_utf8(file.bytes).expect("UTF-8"))
        .expect("page");
    for meta in [
        format!("<meta property=\"og:image\" content=\"https://example.org/revue/articles/images/{p}-2000.png\">"),
        "<meta property=\"og:image:width\" content=\"2000\">".to_owned(),
        "<meta property=\"og:image:height\" content=\"1000\">".to_owned(),
        "<meta property=\"og:image:alt\" content=\"Portrait de Jean Dupont\">".to_owned(),
    ] {
        assert!(page.contains(&meta), "{meta} in {page}");
    }
    let cdn = exporter()
        .with_image_base_url("https://cdn.example.org/img")
        .expect("base")
        .export_with_images(&piece, ExportFormat::Page, &images)
        .map(|file| String::from_utf8(file.bytes).expect("UTF-8"))
        .expect("page");
    assert!(
        cdn.contains(&format!(
            "<meta property=\"og:image\" content=\"https://cdn.example.org/img/{p}-2000.png\">"
        )),
        "{cdn}"
    );
    // The archive: the page under `articles/`, the image at the root's `images/`.
    let out = dir.path().join("site");
    Exporter::new(settings, None)
        .expect("theme")
        .site_with_images(
            &[piece],
            &images,
            SiteSelection::All,
            &out,
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
        .expect("site");
    let html = std::fs::read_to_string(out.join("articles/editorial-d-avril.html")).expect("page");
    assert!(
        html.contains(&format!(
            "<figure class=\"lead-image\"><img src=\"../images/{p}-2000.png\""
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<meta property=\"og:image\" content=\"https://example.org/revue/images/{p}-2000.png\">"
        )),
        "{html}"
    );
}

// The same rule as a body image: the lead image is shown, so it needs alt text or the
// decorative mark; the refusal names it.
#[test]
fn a_lead_image_without_alt_text_is_refused() {
    let mut images = MemoryImages::default();
    let lead = images.add(sideways_jpeg(60, 90), "sans-alt.jpg", "", "");
    let mut piece = article("Sans alt", "Texte.\n");
    piece.fields.lead_image = Some(lead);
    let err = exporter()
        .export_with_images(&piece, ExportFormat::Page, &images)
        .expect_err("refused");
    assert!(
        matches!(&err, ExportError::LeadImageWithoutAlt { image, .. } if image == "sans-alt.jpg"),
        "{err:?}"
    );
    assert!(err.to_string().contains("mark it decorative"), "{err}");
}

// Broke: the preview's page (the fields around the body) had no lead image either.
#[test]
fn the_preview_page_shows_the_lead_image_through_the_app_url() {
    let id = ImageId::of_bytes(b"portrait");
    let mut piece = article("Aperçu", "");
    piece.fields.lead_image = Some(id.reference());
    let links = Links::new(AppImages::new([(
        id.to_string(),
        AppImage {
            size: Some((400, 600)),
            caption: "Au port".into(),
            credit: "J. D.".into(),
            alt: "Portrait de Jean".into(),
        },
    )]));
    let page = exporter().preview_page(&piece, &links).expect("page");
    assert!(
        page.contains(&format!(
            "<figure class=\"lead-image\"><img src=\"edito-image://localhost/{id}\" width=\"400\" \
             height=\"600\" decoding=\"async\" alt=\"Portrait de Jean\"><figcaption>Au port \
             <span class=\"credit\">Photo\u{a0}: J. D.</span></figcaption></figure>"
        )),
        "{page}"
    );
    assert!(!page.contains("og:image"), "{page}");
    // Without the app's resolver (no library open) the page still renders, without it.
    let bare = exporter()
        .preview_page(&piece, &Links::default())
        .expect("page");
    assert!(!bare.contains("<figure"), "{bare}");
}

// The Nu checker accepts a page with a lead image and its Open Graph tags.
#[test]
fn a_page_with_a_lead_image_passes_the_nu_checker() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut images = MemoryImages::default();
    let (mut piece, _) = piece_with_lead(&mut images);
    let body_image = images.add(png(700, 300, 20), "port.png", "Le port", "");
    piece.fields.body = format!("Le texte.\n\n![Le port]({body_image})\n");
    let settings = SiteSettings {
        base_url: Some("https://example.org/".into()),
        ..SiteSettings::default()
    };
    let page = dir.path().join("edito.html");
    Exporter::new(settings, None)
        .expect("theme")
        .export_to_path(&piece, ExportFormat::Page, &page, &images)
        .expect("export");
    let Some(errors) = nu_errors(&[page]) else {
        eprintln!(
            "SKIPPED a_page_with_a_lead_image_passes_the_nu_checker: EDITO_VNU_JAR is not set"
        );
        return;
    };
    assert!(
        errors.is_empty(),
        "{}",
        serde_json::to_string_pretty(&errors).unwrap_or_default()
    );
}
