//! `edito render` flags, against the built binary.

use crate::support::{edito, stdout_ok};

fn render(args: &[&str], input: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    stdout_ok(&edito(dir.path(), &all, input.as_bytes()))
}

#[test]
fn french_typography_is_on_by_default() {
    assert_eq!(
        render(&[], "Oui : \"non\"\n"),
        "<p>Oui\u{a0}: «\u{a0}non\u{a0}»</p>\n"
    );
}

#[test]
fn lang_and_no_typography_flags() {
    assert_eq!(render(&["--lang", "en"], "\"yes\"\n"), "<p>“yes”</p>\n");
    assert_eq!(
        render(&["--no-typography"], "\"oui\" :\n"),
        "<p>\"oui\" :</p>\n"
    );
}

#[test]
fn front_matter_sets_lang_and_is_not_rendered() {
    let input = "+++\nlang = \"en\"\ntitle = \"T\"\n+++\n\"quoted\"\n";
    assert_eq!(render(&[], input), "<p>“quoted”</p>\n");
    // An explicit flag wins over the file.
    assert_eq!(
        render(&["--lang", "fr"], input),
        "<p>«\u{a0}quoted\u{a0}»</p>\n"
    );
}

#[test]
fn source_map_flag_adds_lines() {
    assert_eq!(
        render(&["--source-map"], "a\n\nb\n"),
        "<p data-line=\"1\">a</p>\n<p data-line=\"3\">b</p>\n"
    );
}

#[test]
fn counts_as_text_and_json() {
    let text = render(&["--counts"], "Deux mots\n");
    assert!(
        text.contains("signs\t9\n") && text.contains("words\t2\n"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&render(&["--counts", "--json"], "Deux mots\n")).expect("json");
    assert_eq!(json["words"], 2);
    assert_eq!(json["signs_no_spaces"], 8);
}

#[test]
fn reads_a_file_and_rejects_an_unknown_lang() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("piece.md");
    std::fs::write(&file, "# Titre\n").expect("write");
    let path = file.to_str().expect("utf-8 path");
    assert_eq!(
        stdout_ok(&edito(dir.path(), &["render", path], b"")),
        "<h1>Titre</h1>\n"
    );
    let out = edito(dir.path(), &["render", "--lang", "de"], b"x");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("use `fr` or `en`"));
}
