//! The PDF proof (issue #16, feature `proof`): what a person checks on the BAT — the text set
//! justified and hyphenated in French, no line starting with `; : ! ? »` nor ending with `«`,
//! fonts embedded, the count line — read back with poppler's `pdftotext` and `pdffonts`.

use std::path::Path;
use std::process::Command;

use edito::export::{Article, NoImages, ProofOptions};

use crate::export_images::{portrait_piece, MemoryImages};
use crate::export_support::{exporter, piece};

fn poppler(tool: &str, pdf: &Path, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|_| {
            panic!("{tool} is needed: apt-get install poppler-utils (make deps-test)")
        });
    assert!(output.status.success(), "{tool}: {output:?}");
    String::from_utf8(output.stdout).expect("utf-8")
}

fn write_proof(
    article: &Article,
    options: &ProofOptions,
    dir: &Path,
    name: &str,
) -> std::path::PathBuf {
    let pdf = exporter(None)
        .proof(article, &NoImages, options)
        .expect("the proof");
    assert!(pdf.starts_with(b"%PDF"));
    let path = dir.join(name);
    std::fs::write(&path, pdf).expect("write");
    path
}

/// A long French piece: enough lines for hyphenation and for every punctuation rule to meet
/// a line's start or end somewhere.
fn long_piece() -> Article {
    let mut article = piece("pieces/edito-avril-2002.md");
    let paragraph = "Le téléphone sonne, et **tout commence** : celui qui décroche porte la voix \
de l'entreprise entière ! Les équipes apprennent-elles à *écouter* avant de répondre ? Elles \
laissent finir la phrase ; elles notent ce qui compte. \"Vingt ans de centres d'appels\" l'ont \
montré : la responsabilité institutionnelle des administrations départementales conditionne \
inévitablement leurs investissements extraordinaires.\n\n";
    article.fields.body = format!("{}{}", paragraph.repeat(14), article.fields.body);
    article
}

/// Lines of the proof's text: each must neither start with `; : ! ? »` nor end with `«`.
fn bad_breaks(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| line.starts_with([';', ':', '!', '?', '»']) || line.ends_with('«'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_proof_is_justified_hyphenated_and_breaks_no_french_spacing() {
    let dir = tempfile::tempdir().expect("temp dir");
    for columns in [1, 2] {
        let options = ProofOptions {
            columns,
            ..ProofOptions::default()
        };
        let pdf = write_proof(
            &long_piece(),
            &options,
            dir.path(),
            &format!("proof-{columns}.pdf"),
        );
        // `-raw`: the lines as set (the default mode joins hyphenated words).
        let text = poppler("pdftotext", &pdf, &["-raw"]);
        assert_eq!(
            bad_breaks(&text),
            Vec::<String>::new(),
            "{columns} column(s)"
        );
        // French hyphenation: some line ends inside a word, with the hyphen Typst added
        // (pdftotext reads it back as U+00AD).
        let hyphenated = text.lines().any(|line| {
            let line = line.trim_end();
            line.ends_with('\u{ad}') && line.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        });
        assert!(
            hyphenated,
            "no hyphenated line ({columns} column(s)):\n{text}"
        );
        for part in ["Édito", "La relation client", "Marie Durand", "signes"] {
            assert!(text.contains(part), "{part} missing");
        }
        let fonts = poppler("pdffonts", &pdf, &[]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            assert!(row.contains("Libertinus"), "only the shipped face: {row}");
            let columns: Vec<&str> = row.split_whitespace().collect();
            // name, type…, emb, sub, uni, object, id: `emb` is the fifth from the end.
            assert_eq!(columns[columns.len() - 5], "yes", "embedded: {row}");
        }
    }
}

#[test]
fn the_count_line_gives_signes_and_the_fill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = piece("pieces/edito-avril-2002.md");
    let pdf = write_proof(&article, &ProofOptions::default(), dir.path(), "model.pdf");
    let text = poppler("pdftotext", &pdf, &[]);
    let line = text
        .lines()
        .find(|l| l.contains("signes"))
        .unwrap_or_else(|| panic!("no count line:\n{text}"));
    assert!(
        line.contains("1 page(s)") && line.contains("remplie à"),
        "{line}"
    );
    assert!(line.trim_end().ends_with('%'), "{line}");
}

#[test]
fn the_proof_shows_the_portrait_and_the_body_images() {
    let mut images = MemoryImages::default();
    let (mut article, portrait, _) = portrait_piece(&mut images);
    article.fields.lead_image = Some(portrait);
    article.fields.kicker = "Portrait".into();
    let pdf = exporter(None)
        .proof(&article, &images, &ProofOptions::default())
        .expect("the proof");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("images.pdf");
    std::fs::write(&path, pdf).expect("write");
    let list = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("pdfimages (poppler-utils)");
    let list = String::from_utf8_lossy(&list.stdout);
    // Header lines, then one row per image drawn: the portrait and the two body images.
    assert_eq!(list.lines().skip(2).count(), 3, "{list}");
}
