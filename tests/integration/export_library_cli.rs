//! `edito import`, `edito export ID` and `edito site` against a real library file in a
//! temporary `--data-dir`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::export_support::fixture;
use crate::support::{edito, stdout_ok};

fn import_json(data: &Path, paths: &[&Path]) -> Value {
    let mut args = vec!["import", "--json"];
    args.extend(paths.iter().map(|p| p.to_str().expect("utf-8")));
    serde_json::from_str(&stdout_ok(&edito(data, &args, b""))).expect("json")
}

/// The id of the piece created from the file named `name`.
fn created_id(report: &Value, name: &str) -> String {
    report["created"]
        .as_array()
        .expect("created")
        .iter()
        .find(|p| p["path"].as_str().is_some_and(|s| s.ends_with(name)))
        .map(|p| p["id"].to_string())
        .unwrap_or_else(|| panic!("{name} not created: {report}"))
}

#[test]
fn import_then_export_by_id_in_each_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let report = import_json(data, &[&fixture("pieces")]);
    assert_eq!(report["created"].as_array().expect("created").len(), 4);
    let id = created_id(&report, "edito-avril-2002.md");

    let markdown = stdout_ok(&edito(data, &["export", &id, "--format", "markdown"], b""));
    assert!(markdown.starts_with("---\ntitle:"), "{markdown}");
    for kept in [
        "layout: editorial",
        "weight: 3",
        "/2002/04/edito",
        "issue_number: '42'",
    ] {
        assert!(markdown.contains(kept), "{kept} missing: {markdown}");
    }
    let out = dir.path().join("edito.html");
    stdout_ok(&edito(
        data,
        &["export", &id, "-o", out.to_str().expect("utf-8")],
        b"",
    ));
    let page = std::fs::read_to_string(&out).expect("page");
    assert!(page.starts_with("<!doctype html>") && page.contains("12 avril 2002"));
    let fragment = stdout_ok(&edito(
        data,
        &["export", &id, "--format", "fragment", "--no-header"],
        b"",
    ));
    assert!(fragment.starts_with("<p>Le téléphone sonne"), "{fragment}");

    // The same files again: every piece is found by its slug, nothing is written.
    let again = stdout_ok(&edito(
        data,
        &["import", fixture("pieces").to_str().expect("utf-8")],
        b"",
    ));
    assert_eq!(
        again
            .lines()
            .filter(|l| l.starts_with("unchanged\t"))
            .count(),
        4,
        "{again}"
    );
}

#[test]
fn site_comes_from_the_library_by_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    import_json(&data, &[&fixture("pieces")]);
    let out = dir.path().join("site");
    let out_str = out.to_str().expect("utf-8");
    let stdout = stdout_ok(&edito(&data, &["site", out_str], b""));
    assert!(stdout.starts_with("3 pieces"), "{stdout}");
    assert!(out.join("articles/edito-avril-2002.html").is_file());
    assert!(out.join("feed.xml").is_file());
    let stdout = stdout_ok(&edito(&data, &["site", out_str, "--status", "all"], b""));
    assert!(stdout.starts_with("4 pieces"), "{stdout}");
    assert!(out.join("articles/un-brouillon-sans-date.html").is_file());
}

#[test]
fn export_and_site_without_a_library_say_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [vec!["export", "12"], vec!["site", "out"]] {
        let out = edito(dir.path(), &args, b"");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no library") && err.contains("edito import"),
            "{err}"
        );
    }
    assert!(
        !dir.path().join("library.db").exists(),
        "no empty library is created"
    );
}

#[test]
fn export_of_a_missing_or_trashed_piece_fails_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path();
    let id = stdout_ok(&edito(data, &["new", "--title", "Jetable"], b"x"))
        .trim()
        .to_string();
    let missing = edito(data, &["export", "999"], b"");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no piece with id 999"));
    stdout_ok(&edito(data, &["rm", &id], b""));
    let trashed = edito(data, &["export", &id], b"");
    assert!(!trashed.status.success());
    assert!(String::from_utf8_lossy(&trashed.stderr).contains("trash"));
}

#[test]
fn a_file_named_with_digits_is_a_file_not_an_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("2024"),
        "---\ntitle: Bilan 2024\n---\nTexte.\n",
    )
    .expect("write");
    let out = Command::new(crate::support::edito_binary())
        .current_dir(dir.path())
        .args([
            "--data-dir",
            "data",
            "export",
            "2024",
            "--format",
            "fragment",
        ])
        .env_remove("EDITO_DATA_DIR")
        .output()
        .expect("run edito");
    let text = stdout_ok(&out);
    assert!(text.contains("<h1>Bilan 2024</h1>"), "{text}");
}

#[test]
fn import_writes_the_good_files_and_fails_on_the_refused_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = edito(
        dir.path(),
        &["import", fixture("refused").to_str().expect("utf-8")],
        b"",
    );
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("created\t"))
            .count(),
        1
    );
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("refused\t"))
            .count(),
        4
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("4 file(s) refused"));
    let list = stdout_ok(&edito(dir.path(), &["list", "--json"], b""));
    let list: Value = serde_json::from_str(&list).expect("json");
    assert_eq!(list[0]["title"], "Un numéro ordinaire");
}
