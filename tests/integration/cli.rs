//! The `edito` CLI against a real library file in a temporary directory.

use crate::support::{edito, stdout_ok};

#[test]
fn render_reads_stdin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = edito(dir.path(), &["render"], b"# Titre\n");
    assert_eq!(stdout_ok(&out), "<h1>Titre</h1>\n");
}

#[test]
fn new_list_show_round_trip_on_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = stdout_ok(&edito(
        dir.path(),
        &["new", "--title", "L'année"],
        b"Du **gras**.\n",
    ));
    let id = id.trim();
    assert!(id.parse::<i64>().is_ok(), "new prints an id, got {id:?}");
    assert!(dir.path().join("library.db").is_file());

    let list = stdout_ok(&edito(dir.path(), &["list"], b""));
    assert!(list
        .lines()
        .any(|l| l.starts_with(&format!("{id}\t")) && l.ends_with("L'année")));

    let show = stdout_ok(&edito(dir.path(), &["show", id], b""));
    assert!(
        show.contains("L'année") && show.contains("Du **gras**."),
        "{show}"
    );
}

#[test]
fn show_unknown_id_fails_with_a_useful_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = edito(dir.path(), &["show", "999"], b"");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("999") && err.contains("edito list"), "{err}");
}

#[test]
fn render_refuses_invalid_utf8() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = edito(dir.path(), &["render"], b"caf\xe9\n");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}
