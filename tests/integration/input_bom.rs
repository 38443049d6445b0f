//! A byte-order mark at the start of text (issue #12, kind 4) is dropped wherever text
//! enters: it used to be dropped only before front matter, so BOM + `# Titre` rendered
//! `<p>\u{feff}# Titre</p>`, a leading quote closed instead of opening, the counts gained
//! one sign, and the library stored it and exported it again.

use edito::export::{to_markdown, Article};
use edito::import::parse_markdown;
use edito::library::{NewPiece, PieceEdit, PieceFields, SaveKind};
use edito::render::{
    render, render_blocks, render_document, render_fragment, typography_text, Lang, RenderOptions,
};
use edito::Library;

use crate::support::{edito, stdout_ok};

const BOM: &str = "\u{feff}";

/// Every render entry point, on text with and without a BOM: the same HTML.
#[test]
fn every_render_entry_point_ignores_a_leading_bom() {
    let options = RenderOptions::default();
    let inputs = [
        "# Titre",
        "\"Bonjour\", dit-elle.",
        "- liste",
        "> citation",
        "    code indenté",
        "| a |\n|---|\n| b |",
        "---\ntitle: T\n---\nCorps",
        "<div>bloc</div>",
    ];
    let mut failures = Vec::new();
    for input in inputs {
        let with = format!("{BOM}{input}");
        let got = [
            render(&with, &options).html,
            render_blocks(&with, &options).rendered.html,
            render_fragment(&with, &options),
            render_document(&with, &options, None).rendered.html,
        ];
        let want = [
            render(input, &options).html,
            render_blocks(input, &options).rendered.html,
            render_fragment(input, &options),
            render_document(input, &options, None).rendered.html,
        ];
        if got != want || got.iter().any(|h| h.contains(BOM)) {
            failures.push(format!("{input:?}: {got:?}"));
        }
        if render(&with, &options).counts != render(input, &options).counts {
            failures.push(format!("{input:?}: counts differ"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        render_fragment(&format!("{BOM}# Titre"), &options),
        "<h1>Titre</h1>\n"
    );
    assert_eq!(
        typography_text(&format!("{BOM}\"Titre\""), Lang::Fr),
        "«\u{a0}Titre\u{a0}»"
    );
}

/// The library's create and save drop it from every text field, and the export never
/// writes it back.
#[test]
fn the_library_never_stores_a_leading_bom() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("open");
    let with_bom = |text: &str| format!("{BOM}{text}");
    let fields = PieceFields {
        title: with_bom("Titre"),
        kicker: with_bom("Surtitre"),
        standfirst: with_bom("Chapô"),
        body: with_bom("# Corps\n"),
        author: with_bom("Auteur"),
        author_role: with_bom("Rôle"),
        category: with_bom("Rubrique"),
        ..PieceFields::default()
    };
    let piece = library
        .create_piece(&NewPiece {
            fields: fields.clone(),
            ..NewPiece::default()
        })
        .expect("create");
    assert_eq!(piece.fields.title, "Titre");
    assert_eq!(piece.fields.body, "# Corps\n");
    assert_eq!(piece.slug, "titre");
    let saved = library
        .save_piece(&PieceEdit {
            id: piece.id,
            base_version: piece.version,
            kind: SaveKind::SavePoint,
            fields: PieceFields {
                body: with_bom("Nouveau corps\n"),
                ..fields
            },
            slug: None,
            tags: None,
            extra: None,
        })
        .expect("save");
    let stored = library.get_piece(piece.id).expect("get");
    assert_eq!(saved.fields, stored.fields);
    for text in [
        &stored.fields.title,
        &stored.fields.kicker,
        &stored.fields.standfirst,
        &stored.fields.body,
        &stored.fields.author,
        &stored.fields.author_role,
        &stored.fields.category,
    ] {
        assert!(!text.contains(BOM), "{text:?}");
    }
    assert!(!to_markdown(&Article::from(&stored)).contains(BOM));
}

#[test]
fn import_drops_a_leading_bom() {
    let a = parse_markdown(&format!("{BOM}---\ntitle: T\n---\nCorps\n")).expect("parse");
    assert_eq!(a.fields.title, "T");
    assert_eq!(a.fields.body, "Corps\n");
}

/// Text piped to the CLI (`edito render`, `edito new`) loses its BOM before anything else.
#[test]
fn cli_standard_input_drops_a_leading_bom() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = stdout_ok(&edito(
        dir.path(),
        &["render"],
        format!("{BOM}# Titre\n").as_bytes(),
    ));
    assert_eq!(html, "<h1>Titre</h1>\n");
    let id = stdout_ok(&edito(
        dir.path(),
        &["new", "--title", "T"],
        format!("{BOM}Corps\n").as_bytes(),
    ));
    let shown = stdout_ok(&edito(dir.path(), &["show", id.trim(), "--json"], b""));
    assert!(
        !shown.contains(BOM) && !shown.contains("\\ufeff"),
        "{shown}"
    );
    let piece: serde_json::Value = serde_json::from_str(&shown).expect("JSON");
    assert_eq!(piece["body"], "Corps\n", "{shown}");
}
