//! Golden files of each single-piece format (page, fragment, Markdown) for French and English
//! pieces, one of which sets every field. Review changes with `cargo insta review`.

use edito::export::{ExportFormat, Exporter};

use crate::export_support::{exporter, piece};

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "../fixtures/export/snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

fn export(exporter: &Exporter, file: &str, format: ExportFormat) -> String {
    let file = exporter.export(&piece(file), format).expect("export");
    assert_eq!(file.extension, format.extension());
    assert_eq!(file.mime, format.mime());
    String::from_utf8(file.bytes).expect("text formats are UTF-8")
}

#[test]
fn page_every_field_fr() {
    let ex = exporter(Some("https://example.org/archives"));
    snapshot(
        "page_every_field_fr",
        &export(&ex, "pieces/edito-avril-2002.md", ExportFormat::Page),
    );
}

#[test]
fn page_en_without_base_url() {
    let ex = exporter(None);
    snapshot(
        "page_en",
        &export(&ex, "pieces/letter-from-london.md", ExportFormat::Page),
    );
}

#[test]
fn page_minimal_draft() {
    let ex = exporter(None);
    snapshot(
        "page_minimal",
        &export(&ex, "pieces/brouillon.md", ExportFormat::Page),
    );
}

#[test]
fn fragment_with_and_without_header() {
    let ex = exporter(None);
    let article = piece("pieces/edito-avril-2002.md");
    snapshot(
        "fragment_header_fr",
        &ex.fragment(&article, true).expect("fragment"),
    );
    let bare = ex.fragment(&article, false).expect("fragment");
    assert!(
        !bare.contains("<header>") && !bare.contains("<h1>"),
        "{bare}"
    );
    assert!(bare.starts_with("<p>Le téléphone sonne"), "{bare}");
    assert!(!bare.contains("<html") && !bare.contains("<head") && !bare.contains("<style"));
}

/// Issue #11: the fragment dropped the signature the page has; a CMS post needs it.
#[test]
fn fragment_carries_the_signature_with_or_without_header() {
    let ex = exporter(None);
    let article = piece("pieces/edito-avril-2002.md");
    assert!(!article.fields.author.is_empty(), "the fixture is signed");
    for with_header in [true, false] {
        let html = ex.fragment(&article, with_header).expect("fragment");
        let signature = html
            .find("<footer class=\"signature\">")
            .unwrap_or_else(|| panic!("no signature (header: {with_header}): {html}"));
        assert!(html[signature..].contains(&article.fields.author), "{html}");
        let body = html.find("Le téléphone sonne").expect("the body");
        assert!(signature > body, "the signature follows the body: {html}");
    }
}

#[test]
fn markdown_every_field() {
    let ex = exporter(None);
    snapshot(
        "markdown_every_field",
        &export(&ex, "pieces/edito-avril-2002.md", ExportFormat::Markdown),
    );
    snapshot(
        "markdown_from_toml",
        &export(&ex, "pieces/zola-style.md", ExportFormat::Markdown),
    );
}

#[test]
fn page_has_the_meta_and_the_information_line() {
    let ex = exporter(Some("https://example.org/archives/"));
    let html = export(&ex, "pieces/edito-avril-2002.md", ExportFormat::Page);
    for needle in [
        "<!doctype html>",
        "<html lang=\"fr\">",
        "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\"",
        "<title>La relation client, une affaire d’écoute</title>",
        "<meta name=\"description\" content=\"Vingt ans après",
        "<link rel=\"canonical\" href=\"https://example.org/archives/articles/edito-avril-2002.html\">",
        "<meta property=\"og:title\"",
        "<meta property=\"article:published_time\" content=\"2002-04-12\">",
        "<meta property=\"article:section\" content=\"Editos du magazine En-Contact\">",
        "<meta property=\"article:tag\" content=\"Qualité\">",
        "<meta property=\"article:author\" content=\"Marie Durand\">",
        "Publié le <time datetime=\"2002-04-12\">12 avril 2002</time> dans",
        // The app says "mots-clés": the exports say the same (issue #11).
        "— mots-clés\u{a0}: ",
        "<footer class=\"signature\">",
        "<p class=\"role\">Directrice de la rédaction</p>",
        "<style>",
        "@media print",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    // Self-contained: nothing fetched, nothing run.
    assert!(!html.contains("<script") && !html.contains("<link rel=\"stylesheet\""));
    assert!(!html.contains("src=\"http") && !html.contains("@import"));
}

#[test]
fn english_page_uses_english_dates_and_labels() {
    let html = export(
        &exporter(None),
        "pieces/letter-from-london.md",
        ExportFormat::Page,
    );
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Published on <time datetime=\"2003-11-01\">November 1, 2003</time> in"));
    assert!(
        !html.contains("canonical"),
        "no base URL, no canonical link"
    );
}

#[test]
fn export_to_file_replaces_atomically() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("page.html");
    std::fs::write(&out, "old").expect("write");
    let ex = exporter(None);
    ex.export_to_file(&piece("pieces/brouillon.md"), ExportFormat::Page, &out)
        .expect("export");
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(text.starts_with("<!doctype html>"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn bad_base_url_is_refused_before_anything() {
    let settings = crate::export_support::settings(Some("javascript:alert(1)"));
    let err = Exporter::new(settings, None)
        .err()
        .expect("refused")
        .to_string();
    assert!(
        err.contains("base URL") && err.contains("https://"),
        "{err}"
    );
}
