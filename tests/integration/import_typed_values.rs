//! Import keeps what was typed: unquoted YAML numbers in text fields (issue #12, kind 9) and
//! untitled pieces (kind 11), which the library accepts and its Markdown export writes.

use edito::export::to_markdown;
use edito::import::{import_paths_into, parse_markdown};
use edito::library::{NewPiece, PieceFields, PieceFilter};
use edito::Library;

/// `title: 3.10` used to come back as "3.1" (slug `3-1`): YAML reads it as a float. Every
/// text key gets its scalar as written, in any number syntax YAML knows.
#[test]
fn unquoted_numbers_in_text_fields_come_back_as_typed() {
    let cases: &[(&str, &str)] = &[
        ("title: 3.10", "3.10"),
        ("title: 2024", "2024"),
        ("title: 0x1F", "0x1F"),
        ("title: +5", "+5"),
        ("title: 1e3", "1e3"),
        ("title: -0", "-0"),
        ("title: .5", ".5"),
        ("title: 007", "007"),
        ("title: .inf", ".inf"),
        ("title: 1.0", "1.0"),
    ];
    let mut failures = Vec::new();
    for (line, expected) in cases {
        let text = format!("---\n{line}\n---\nCorps\n");
        match parse_markdown(&text) {
            Ok(a) if a.fields.title == *expected => {}
            other => failures.push(format!("{line}: {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let a = parse_markdown("---\ntitle: 3.10\n---\n").expect("parse");
    assert_eq!(a.slug, "3-10");
}

#[test]
fn numbers_in_lists_and_other_text_keys_come_back_as_typed() {
    let a = parse_markdown(
        "---\ntitle: T\nkicker: 1.50\nauthor: 0.1\ncategory: 2.0\ntags: [3.10, C++, 2024, 1e2]\nslug: 4.20\n---\n",
    )
    .expect("parse");
    assert_eq!(a.fields.kicker, "1.50");
    assert_eq!(a.fields.author, "0.1");
    assert_eq!(a.fields.category, "2.0");
    assert_eq!(a.tags, ["3.10", "C++", "2024", "1e2"]);
    assert_eq!(a.slug, "4-20");
    let a = parse_markdown("---\ntitle: T\ncategories:\n  - 10.10\ntags:\n  - 5.50\n---\n")
        .expect("parse");
    assert_eq!(a.fields.category, "10.10");
    assert_eq!(a.tags, ["5.50"]);
}

/// TOML numbers are typed values, not text: a float cannot promise its spelling back, so
/// it is refused with what to do; a boolean title too.
#[test]
fn numbers_that_cannot_come_back_as_typed_are_refused_with_quote_it() {
    for text in [
        "+++\ntitle = 3.10\n+++\n",
        "+++\ntitle = \"T\"\ntags = [1.5]\n+++\n",
        "---\ntitle: true\n---\n",
    ] {
        let err = parse_markdown(text).expect_err(text).to_string();
        assert!(err.contains("quote it"), "{text}: {err}");
    }
    // A TOML whole number has one spelling.
    let a = parse_markdown("+++\ntitle = 2024\n+++\n").expect("parse");
    assert_eq!(a.fields.title, "2024");
}

/// `new --title ""` is accepted and its Markdown export writes `title: ''`; the import used
/// to refuse that file ("every piece needs a title"). What the library keeps, comes back.
#[test]
fn an_untitled_piece_survives_export_then_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("open");
    let piece = library
        .create_piece(&NewPiece {
            fields: PieceFields {
                body: "Un texte sans titre.\n".into(),
                ..PieceFields::default()
            },
            ..NewPiece::default()
        })
        .expect("create");
    assert_eq!(piece.fields.title, "");
    let markdown = to_markdown(&edito::export::Article::from(&piece));
    let article = parse_markdown(&markdown).expect("an untitled export imports");
    assert_eq!(article.fields.title, "");
    assert_eq!(article.fields.body, "Un texte sans titre.\n");
    // Into another library: the piece is created, untitled.
    let other_dir = tempfile::tempdir().expect("temp dir");
    let file = other_dir.path().join("sans-titre.md");
    std::fs::write(&file, &markdown).expect("write");
    let other = Library::open_in(&other_dir.path().join("lib")).expect("open");
    let outcome = import_paths_into(&other, &[file]).expect("import");
    assert!(outcome.refused.is_empty(), "{:?}", outcome.refused);
    let pieces = other.list_pieces(&PieceFilter::default()).expect("list");
    assert_eq!(pieces.len(), 1);
    assert_eq!(other.get_piece(pieces[0].id).expect("get").fields.title, "");
    // Back into the same library: the same piece, unchanged.
    let file = dir.path().join("again.md");
    std::fs::write(&file, &markdown).expect("write");
    let outcome = import_paths_into(&library, &[file]).expect("import");
    assert_eq!(outcome.unchanged.len(), 1, "{outcome:?}");
}
