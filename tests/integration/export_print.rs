//! The print exports (issue #16) of the model editorial and of a piece with images: ICML for
//! InDesign and DOCX for the desk carry the page's text character for character, in named
//! styles that are all declared; LibreOffice opens the DOCX; the CLI writes both.

use std::collections::BTreeSet;
use std::process::Command;

use edito::export::{Article, ExportFormat, Exporter};

use crate::export_images::{portrait_piece, MemoryImages};
use crate::export_print_support::{
    no_break_spaces, page_words, word_text, words, zip_names, zip_part,
};
use crate::export_support::{exporter, fixture, piece};
use crate::support::{edito, stdout_ok};

const PARAGRAPH_STYLES: [&str; 8] = [
    "Surtitre",
    "Titre",
    "Chapô",
    "Intertitre",
    "Texte",
    "Citation",
    "Liste",
    "Signature",
];

fn model() -> Article {
    piece("pieces/edito-avril-2002.md")
}

fn icml_of(exporter: &Exporter, article: &Article) -> String {
    let file = exporter.export(article, ExportFormat::Icml).expect("icml");
    assert_eq!(file.extension, "icml");
    String::from_utf8(file.bytes).expect("utf-8")
}

/// The ICML's text as a person reads it: the story's `Content`, paragraphs apart, and each
/// footnote's text on its own (InDesign sets notes at the foot of the column).
fn icml_text(doc: &roxmltree::Document) -> String {
    let story = doc
        .descendants()
        .find(|n| n.has_tag_name("Story"))
        .expect("a Story");
    let mut main = String::new();
    let mut notes = String::new();
    for node in story.descendants() {
        let in_note = node.ancestors().any(|a| a.has_tag_name("Footnote"));
        let out = if in_note { &mut notes } else { &mut main };
        if node.has_tag_name("Content") {
            out.push_str(&node.text().unwrap_or_default().replace('\u{2028}', " "));
        } else if node.has_tag_name("Br") || node.has_tag_name("Footnote") {
            out.push(' ');
        }
    }
    // Between two paragraphs of a note there is a Br too; the ACE marker is no text.
    format!("{main} {notes}")
}

// Task lists' boxes are drawn by the page's `<input>`: the print formats write them as
// ballot boxes, which are no word of the page.
fn without_boxes(mut words: Vec<String>) -> Vec<String> {
    words.retain(|w| w != "☐" && w != "☒");
    words
}

#[test]
fn icml_is_valid_xml_with_every_used_style_declared() {
    let icml = icml_of(&exporter(None), &model());
    assert!(icml.contains("<?aid SnippetType=\"InCopyInterchange\"?>"));
    let doc = roxmltree::Document::parse(&icml).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "Document");
    let declared: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("ParagraphStyle") || n.has_tag_name("CharacterStyle"))
        .filter_map(|n| n.attribute("Self"))
        .collect();
    let used: BTreeSet<&str> = doc
        .descendants()
        .filter_map(|n| {
            n.attribute("AppliedParagraphStyle")
                .or(n.attribute("AppliedCharacterStyle"))
        })
        .collect();
    assert!(
        used.is_subset(&declared),
        "undeclared: {:?}",
        used.difference(&declared)
    );
    for name in PARAGRAPH_STYLES {
        assert!(
            used.contains(format!("ParagraphStyle/{name}").as_str()),
            "{name} unused: {used:?}"
        );
    }
    for name in ["italique", "gras"] {
        assert!(
            declared.contains(format!("CharacterStyle/{name}").as_str()),
            "{name}"
        );
    }
    assert!(
        used.contains("CharacterStyle/gras"),
        "**tout commence** is gras"
    );
    assert!(doc.descendants().any(|n| n.has_tag_name("Footnote")));
    let link = doc
        .descendants()
        .find(|n| n.has_tag_name("HyperlinkURLDestination"))
        .expect("a link");
    assert_eq!(
        link.attribute("DestinationURL"),
        Some("https://example.org/dossier")
    );
}

#[test]
fn icml_carries_the_page_text_and_its_no_break_spaces() {
    let ex = exporter(None);
    let article = model();
    let icml = icml_of(&ex, &article);
    let doc = roxmltree::Document::parse(&icml).expect("XML");
    let text = icml_text(&doc);
    let page = page_words(&ex, &article);
    // « : » twice, « mots-clés : », « 71 % », « 12 400 »…
    assert!(
        no_break_spaces(&page.concat()) >= 7,
        "the fixture has French spaces"
    );
    assert_eq!(
        no_break_spaces(&text),
        no_break_spaces(&page.concat()),
        "every U+00A0/U+202F of the typeset page is in Content"
    );
    assert_eq!(without_boxes(words(&text)), page);
}

#[test]
fn icml_puts_each_field_in_its_style() {
    let ex = exporter(None);
    let icml = icml_of(&ex, &model());
    let doc = roxmltree::Document::parse(&icml).expect("XML");
    let first_text = |style: &str| -> String {
        doc.descendants()
            .find(|n| n.attribute("AppliedParagraphStyle") == Some(style))
            .unwrap_or_else(|| panic!("no {style}"))
            .descendants()
            .filter(|n| n.has_tag_name("Content"))
            .filter_map(|n| n.text())
            .collect()
    };
    assert_eq!(first_text("ParagraphStyle/Surtitre"), "Édito");
    assert_eq!(
        first_text("ParagraphStyle/Titre"),
        "La relation client, une affaire d’écoute"
    );
    assert!(first_text("ParagraphStyle/Chapô").starts_with("Vingt ans après"));
    let infos = first_text("ParagraphStyle/Infos");
    for part in [
        "12 avril 2002",
        "Editos du magazine En-Contact",
        "Relation client",
        "Qualité",
    ] {
        assert!(infos.contains(part), "{part} in {infos}");
    }
    assert_eq!(
        first_text("ParagraphStyle/Intertitre"),
        "Écouter avant de répondre"
    );
    assert_eq!(
        first_text("ParagraphStyle/Citation"),
        "Un client écouté est un client qui revient."
    );
    assert_eq!(first_text("ParagraphStyle/Signature"), "Marie Durand");
    assert!(icml.contains("Directrice de la rédaction") && icml.contains("Numéro 42"));
}

fn docx_of(
    exporter: &Exporter,
    article: &Article,
    store: &dyn edito::export::ImageStore,
) -> Vec<u8> {
    let file = exporter
        .export_with_images(article, ExportFormat::Docx, store)
        .expect("docx");
    assert_eq!(file.extension, "docx");
    file.bytes
}

#[test]
fn docx_has_named_styles_french_language_footnotes_and_the_page_text() {
    let ex = exporter(None);
    let article = model();
    let bytes = docx_of(&ex, &article, &edito::export::NoImages);
    let styles_xml = zip_part(&bytes, "word/styles.xml");
    let styles = roxmltree::Document::parse(&styles_xml).expect("styles.xml");
    let ids: BTreeSet<&str> = styles
        .descendants()
        .filter(|n| n.has_tag_name("style"))
        .filter_map(|n| {
            n.attributes()
                .find(|a| a.name() == "styleId")
                .map(|a| a.value())
        })
        .collect();
    let names: BTreeSet<&str> = styles
        .descendants()
        .filter(|n| n.has_tag_name("name") && n.parent().is_some_and(|p| p.has_tag_name("style")))
        .filter_map(|n| {
            n.attributes()
                .find(|a| a.name() == "val")
                .map(|a| a.value())
        })
        .collect();
    for name in PARAGRAPH_STYLES.iter().chain(&["italique", "gras"]) {
        assert!(names.contains(name), "style {name} in {names:?}");
    }
    let lang = styles
        .descendants()
        .find(|n| n.has_tag_name("lang") && n.ancestors().any(|a| a.has_tag_name("rPrDefault")))
        .expect("the document's language");
    assert_eq!(
        lang.attributes()
            .find(|a| a.name() == "val")
            .map(|a| a.value()),
        Some("fr-FR")
    );

    let document_xml = zip_part(&bytes, "word/document.xml");
    let document = roxmltree::Document::parse(&document_xml).expect("document.xml");
    let body = document
        .descendants()
        .find(|n| n.has_tag_name("body"))
        .expect("a body");
    let paragraphs: Vec<roxmltree::Node> =
        body.descendants().filter(|n| n.has_tag_name("p")).collect();
    let mut used = BTreeSet::new();
    for p in &paragraphs {
        let style = p
            .descendants()
            .find(|n| n.has_tag_name("pStyle"))
            .and_then(|n| n.attributes().find(|a| a.name() == "val"))
            .map(|a| a.value())
            .expect("every paragraph has a named style, no direct formatting");
        used.insert(style);
    }
    for node in document.descendants().filter(|n| n.has_tag_name("rStyle")) {
        used.insert(
            node.attributes()
                .find(|a| a.name() == "val")
                .expect("val")
                .value(),
        );
    }
    assert!(used.iter().all(|s| ids.contains(s)), "{used:?} ⊄ {ids:?}");
    for direct in ["b", "i", "sz", "color", "jc"] {
        assert!(
            !body.descendants().any(|n| n.has_tag_name(direct)),
            "direct formatting <w:{direct}> in the body"
        );
    }
    assert!(document_xml.contains("w:footnoteReference"));
    assert!(document_xml.contains("w:hyperlink"));
    let rels = zip_part(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains("https://example.org/dossier"), "{rels}");

    let footnotes_xml = zip_part(&bytes, "word/footnotes.xml");
    let footnotes = roxmltree::Document::parse(&footnotes_xml).expect("footnotes.xml");
    assert!(
        footnotes_xml.contains("w:footnoteRef"),
        "the note shows its number"
    );
    let mut text = String::new();
    for p in &paragraphs {
        text.push_str(&word_text(*p));
        text.push(' ');
    }
    for note in footnotes
        .descendants()
        .filter(|n| n.has_tag_name("footnote"))
    {
        text.push_str(&word_text(note));
        text.push(' ');
    }
    let page = page_words(&ex, &article);
    assert_eq!(no_break_spaces(&text), no_break_spaces(&page.concat()));
    assert_eq!(without_boxes(words(&text)), page);
}

#[test]
fn docx_embeds_images_with_their_alt_text() {
    let mut images = MemoryImages::default();
    let (article, _, _) = portrait_piece(&mut images);
    let ex = exporter(None);
    let bytes = docx_of(&ex, &article, &images);
    let media: Vec<String> = zip_names(&bytes)
        .into_iter()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .collect();
    assert_eq!(media.len(), 2, "{media:?}");
    let document_xml = zip_part(&bytes, "word/document.xml");
    let document = roxmltree::Document::parse(&document_xml).expect("document.xml");
    let pictures: Vec<(String, String)> = document
        .descendants()
        .filter(|n| n.has_tag_name("docPr"))
        .map(|n| {
            (
                n.attribute("id").unwrap_or_default().to_owned(),
                n.attribute("descr").unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        pictures,
        [
            ("1".to_owned(), "Portrait de Jean Dupont".to_owned()),
            ("2".to_owned(), "vue du port".to_owned())
        ]
    );
    assert!(document_xml.contains("Jean Dupont, à Lyon"), "the caption");
}

fn soffice() -> &'static str {
    let found = Command::new("soffice").arg("--version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "LibreOffice is needed: apt-get install libreoffice-writer-nogui (make deps-test)"
    );
    "soffice"
}

/// "Opens in LibreOffice without repair": headless LibreOffice converts the DOCX (model
/// editorial plus a piece with images) to PDF, and the PDF holds the title.
#[test]
fn libreoffice_converts_the_docx_to_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ex = exporter(None);
    let mut images = MemoryImages::default();
    let (with_images, _, _) = portrait_piece(&mut images);
    let files = [
        (
            "model.docx",
            docx_of(&ex, &model(), &edito::export::NoImages),
        ),
        ("images.docx", docx_of(&ex, &with_images, &images)),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let output = Command::new(soffice())
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .args(files.iter().map(|(name, _)| dir.path().join(name)))
        .output()
        .expect("run soffice");
    assert!(output.status.success(), "{output:?}");
    for (name, _) in &files {
        let pdf = dir.path().join(name.replace(".docx", ".pdf"));
        let bytes = std::fs::read(&pdf)
            .unwrap_or_else(|_| panic!("{} not converted: {output:?}", pdf.display()));
        assert!(bytes.starts_with(b"%PDF"), "{name}");
    }
    if let Ok(text) = Command::new("pdftotext")
        .arg(dir.path().join("model.pdf"))
        .arg("-")
        .output()
    {
        let text = String::from_utf8_lossy(&text.stdout);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("affaire d’écoute"), "{text}");
    }
}

#[test]
fn the_cli_writes_docx_and_icml_with_the_format_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = fixture("pieces/edito-avril-2002.md");
    let file = file.to_str().expect("utf-8 path");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    for format in ["docx", "icml"] {
        stdout_ok(&edito(
            dir.path(),
            &[
                "export",
                file,
                "--format",
                format,
                "-o",
                out.to_str().expect("utf-8"),
            ],
            b"",
        ));
        let written = out.join(format!("edito-avril-2002.{format}"));
        let bytes = std::fs::read(&written).expect("the file, named after the format");
        match format {
            "docx" => assert!(bytes.starts_with(b"PK")),
            _ => assert!(
                roxmltree::Document::parse(std::str::from_utf8(&bytes).expect("utf-8")).is_ok()
            ),
        }
    }
    let help = stdout_ok(&edito(dir.path(), &["export", "--help"], b""));
    assert!(help.contains("docx") && help.contains("icml"), "{help}");
}
