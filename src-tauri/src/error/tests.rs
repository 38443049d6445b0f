//! The error contract: every code has words in both languages of the UI, the shapes the UI
//! reads, and nothing internal (paths, SQL, prose) in what crosses to the window.

use std::collections::BTreeSet;
use std::path::PathBuf;

use edito::export::ExportError;
use edito::{Library, NewPiece, PieceEdit};
use serde_json::{json, Value};

use super::*;

/// The UI's files, read from the source tree.
fn ui_file(path: &str) -> String {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ui")
        .join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The codes as the wire spells them.
fn rust_codes() -> BTreeSet<String> {
    ErrorCode::ALL
        .iter()
        .map(
            |code| match serde_json::to_value(code).expect("serialize") {
                Value::String(name) => name,
                other => panic!("a code serializes as a string, not {other}"),
            },
        )
        .collect()
}

/// The keys of `const <name>: Record<ErrorCode, string> = { … };` in errors.ts (one
/// `code: "message",` per line).
fn catalogue_keys(source: &str, name: &str) -> BTreeSet<String> {
    let start = format!("const {name}: Record<ErrorCode, string> = {{");
    let body = source
        .split_once(&start)
        .unwrap_or_else(|| panic!("errors.ts has no `{start}`"))
        .1;
    let body = body
        .split_once("\n};")
        .expect("the catalogue ends with `};`")
        .0;
    body.lines()
        .filter_map(|line| {
            let (key, rest) = line.trim().split_once(':')?;
            let is_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            (is_key && rest.trim_start().starts_with('"')).then(|| key.to_owned())
        })
        .collect()
}

#[test]
fn every_code_has_a_message_in_french_and_in_english() {
    let source = ui_file("src/i18n/errors.ts");
    let codes = rust_codes();
    assert_eq!(codes.len(), ErrorCode::ALL.len(), "codes are distinct");
    for lang in ["fr", "en"] {
        assert_eq!(
            catalogue_keys(&source, lang),
            codes,
            "the `{lang}` catalogue of ui/src/i18n/errors.ts has exactly the codes of ErrorCode"
        );
    }
}

fn wire(err: UiError) -> Value {
    serde_json::to_value(err).expect("serialize")
}

fn temp_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("open");
    (dir, library)
}

#[test]
fn a_missing_piece_is_a_code_and_its_id_without_words() {
    let (_dir, library) = temp_library();
    let err = library.get_piece(3).expect_err("no piece 3");
    assert_eq!(
        wire(err.into()),
        json!({ "code": "not_found", "params": { "id": 3 } })
    );
}

#[test]
fn a_conflict_carries_the_piece_as_it_is_now() {
    let (_dir, library) = temp_library();
    let piece = library.create_piece(&NewPiece::default()).expect("create");
    // Two edits based on the same version, as from two windows: the second is refused.
    let edit = |body: &str| PieceEdit {
        id: piece.id,
        base_version: piece.version,
        kind: Default::default(),
        fields: edito::library::PieceFields {
            body: body.into(),
            ..piece.fields.clone()
        },
        slug: None,
        tags: None,
        extra: None,
    };
    let saved = library.save_piece(&edit("Un")).expect("first save");
    let err = library
        .save_piece(&edit("Deux"))
        .expect_err("stale version");
    let value = wire(err.into());
    assert_eq!(value["code"], "conflict");
    assert_eq!(
        value["params"],
        json!({ "id": piece.id, "version": saved.version })
    );
    assert_eq!(value["current"]["version"], json!(saved.version));
    assert!(value.get("message").is_none(), "no prose: {value}");
}

#[test]
fn a_bare_code_has_no_params() {
    assert_eq!(wire(Problem::Busy.into()), json!({ "code": "busy" }));
    assert_eq!(wire(UiError::internal()), json!({ "code": "internal" }));
}

#[test]
fn a_refused_tag_names_the_field_not_the_core_sentence() {
    let (_dir, library) = temp_library();
    let err = library.rename_tag("absent", "x").expect_err("no such tag");
    assert_eq!(
        wire(err.into()),
        json!({ "code": "tag_not_found", "params": { "tag": "absent" } })
    );
    let piece = library.create_piece(&NewPiece::default()).expect("create");
    let err = library
        .add_tags(piece.id, &["  ".to_owned()])
        .expect_err("empty tag");
    assert_eq!(
        wire(err.into()),
        json!({ "code": "invalid", "params": { "field": "tag" } })
    );
}

#[test]
fn a_file_error_names_the_file_and_the_reason_never_the_folders_above() {
    let err = ExportError::Io {
        action: "write",
        path: PathBuf::from("/home/marie/.local/share/edito/exports/site/index.html"),
        source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    };
    let value = wire(err.into());
    assert_eq!(
        value,
        json!({ "code": "io", "params": { "action": "write", "name": "index.html", "reason": "permission_denied" } })
    );
    assert!(!value.to_string().contains("marie"));
}

#[test]
fn a_damaged_library_names_the_file_only() {
    let err = LibraryError::Corrupt {
        path: PathBuf::from("/home/marie/.local/share/edito/library.db"),
        backups_dir: PathBuf::from("/home/marie/.local/share/edito/backups"),
        newest_backup: None,
    };
    assert_eq!(
        wire(err.into()),
        json!({ "code": "damaged", "params": { "name": "library.db" } })
    );
}

#[test]
fn a_library_error_inside_an_export_keeps_its_own_code() {
    let err = ExportError::Library(LibraryError::NotFound(9));
    assert_eq!(
        wire(err.into()),
        json!({ "code": "not_found", "params": { "id": 9 } })
    );
    assert_eq!(
        wire(ExportError::Cancelled.into()),
        json!({ "code": "cancelled" })
    );
}

#[test]
fn a_missing_dictionary_names_its_language() {
    let err = SpellingError::Missing { lang: Lang::Fr };
    assert_eq!(
        wire(err.into()),
        json!({ "code": "dictionary_missing", "params": { "lang": "fr" } })
    );
}

#[test]
fn a_refused_image_is_a_code_and_its_figures_without_words() {
    let (dir, library) = temp_library();
    let err = library
        .add_image(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", None)
        .expect_err("heic");
    assert_eq!(
        wire(err.into()),
        json!({ "code": "image_unsupported", "params": { "format": "HEIC" } })
    );
    let big = dir.path().join("scan.jpg");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(60 * 1024 * 1024))
        .expect("sparse file");
    let err = library.add_image_file(&big).expect_err("too large");
    assert_eq!(
        wire(err.into()),
        json!({ "code": "image_too_large", "params": { "megabytes": 60 } })
    );
    let err = library.add_image_file(dir.path()).expect_err("a folder");
    let value = wire(err.into());
    assert_eq!(value["code"], "io");
    assert_eq!(value["params"]["reason"], "is_a_directory");
}
