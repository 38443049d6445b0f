//! The library subcommands of the `edito` CLI against a real library file.

use serde_json::Value;

use crate::support::{edito, stdout_ok};

fn new_piece(dir: &std::path::Path, title: &str, body: &str, extra: &[&str]) -> String {
    let mut args = vec!["new", "--title", title];
    args.extend_from_slice(extra);
    stdout_ok(&edito(dir, &args, body.as_bytes()))
        .trim()
        .to_string()
}

fn json(dir: &std::path::Path, args: &[&str]) -> Value {
    serde_json::from_str(&stdout_ok(&edito(dir, args, b""))).expect("valid JSON")
}

#[test]
fn tag_search_and_list_filters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let id = new_piece(
        d,
        "Bilan de l'année",
        "La relation client.",
        &["--tag", "Économie"],
    );
    let other = new_piece(d, "Autre", "Rien à voir.", &[]);
    stdout_ok(&edito(
        d,
        &["tag", &id, "add", "Relation Client", "europe"],
        b"",
    ));
    let tags = json(d, &["tags", "--json"]);
    let names: Vec<&str> = tags
        .as_array()
        .expect("array")
        .iter()
        .map(|t| t["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names.len(), 3, "{tags}");
    assert!(tags
        .as_array()
        .expect("array")
        .iter()
        .all(|t| t["count"] == 1));

    let hits = json(
        d,
        &["search", "annee", "--tag", "relation client", "--json"],
    );
    let hits = hits.as_array().expect("array");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["id"].to_string(), id);
    assert!(hits[0]["snippet"]
        .as_array()
        .expect("segments")
        .iter()
        .any(|s| s["highlight"] == true && s["text"] == "année"));

    stdout_ok(&edito(d, &["tag", &id, "rm", "EUROPE"], b""));
    let listed = json(d, &["list", "--tag", "economie", "--json"]);
    assert_eq!(listed.as_array().expect("array").len(), 1);
    assert_eq!(
        listed[0]["tags"],
        serde_json::json!(["Économie", "Relation Client"])
    );

    stdout_ok(&edito(d, &["status", &other, "review"], b""));
    let review = json(d, &["list", "--status", "review", "--json"]);
    assert_eq!(review[0]["id"].to_string(), other);
    assert_eq!(review.as_array().expect("array").len(), 1);
}

#[test]
fn history_diff_and_restore() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let id = new_piece(d, "T", "Le chat dort.\n", &[]);
    // The CLI has no editor: the hidden save-loop writes two save points for us.
    stdout_ok(&edito(d, &["save-loop", &id, "--count", "2"], b""));
    let history = json(d, &["history", &id, "--json"]);
    let revisions = history["revisions"].as_array().expect("revisions");
    assert_eq!(revisions.len(), 2);
    assert_eq!(revisions[1]["number"], 1);
    assert_eq!(history["status_history"][0]["to"], "draft");

    let text = stdout_ok(&edito(d, &["history", &id], b""));
    assert!(text.contains("\tsave_point\t"), "{text}");
    let same = stdout_ok(&edito(d, &["diff", &id, "2", "2"], b""));
    assert_eq!(same, "no differences\n");
    let diff = stdout_ok(&edito(d, &["diff", &id, "1", "current"], b""));
    assert!(
        diff.contains("-Le chat dort.") && diff.contains("+save 2"),
        "{diff}"
    );

    stdout_ok(&edito(d, &["restore", &id, "1"], b""));
    let piece = json(d, &["show", &id, "--json"]);
    assert_eq!(piece["body"], "Le chat dort.\n");
    assert_eq!(piece["version"], 4);
    let history = json(d, &["history", &id, "--json"]);
    assert_eq!(history["revisions"][0]["reason"], "restore");
}

#[test]
fn rm_trash_restore_and_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let id = new_piece(d, "À jeter", "", &[]);
    stdout_ok(&edito(d, &["rm", &id], b""));
    assert!(stdout_ok(&edito(d, &["list"], b"")).is_empty());
    let trash = stdout_ok(&edito(d, &["trash"], b""));
    assert!(trash.starts_with(&format!("{id}\t")), "{trash}");
    stdout_ok(&edito(d, &["trash", "--restore", &id], b""));
    assert!(stdout_ok(&edito(d, &["list"], b"")).contains("À jeter"));
    stdout_ok(&edito(d, &["rm", &id], b""));
    let emptied = json(d, &["trash", "--empty", "--json"]);
    assert_eq!(emptied["deleted"], 1);
    assert!(!edito(d, &["show", &id], b"").status.success());
}

#[test]
fn backup_then_restore_from_the_cli() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let id = new_piece(d, "Avant", "version sauvegardée", &[]);
    let backup = stdout_ok(&edito(d, &["backup"], b""));
    let backup = backup.trim();
    assert!(
        backup.contains("backups") && backup.ends_with(".db"),
        "{backup}"
    );
    stdout_ok(&edito(d, &["rm", &id], b""));
    let out = stdout_ok(&edito(d, &["backup", "--restore", backup], b""));
    assert!(out.contains("kept as"), "{out}");
    let piece = json(d, &["show", &id, "--json"]);
    assert!(piece["trashed_at"].is_null());
    assert_eq!(piece["body"], "version sauvegardée");
}

#[test]
fn bad_status_and_unknown_tag_fail_with_useful_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let id = new_piece(d, "T", "", &[]);
    let out = edito(d, &["status", &id, "fini"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("idea, draft, review"));
    let out = edito(d, &["tags", "--rename", "absent", "x"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("edito tags"));
}

#[test]
fn new_refuses_invalid_utf8() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = edito(dir.path(), &["new", "--title", "T"], b"caf\xe9\n");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}
