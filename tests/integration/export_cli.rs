//! `edito export`, `edito site` and `edito import` on real files.

use crate::export_support::fixture;
use crate::support::{edito, stdout_ok};

#[test]
fn export_prints_a_page_and_writes_each_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = fixture("pieces/edito-avril-2002.md");
    let file = file.to_str().expect("utf-8 path");
    let page = stdout_ok(&edito(dir.path(), &["export", file], b""));
    assert!(page.starts_with("<!doctype html>") && page.contains("12 avril 2002"));
    for (format, start) in [
        ("page", "<!doctype html>"),
        ("fragment", "<header>"),
        ("markdown", "---\ntitle:"),
    ] {
        let out = dir.path().join(format!("out-{format}"));
        let out_str = out.to_str().expect("utf-8");
        stdout_ok(&edito(
            dir.path(),
            &["export", file, "--format", format, "-o", out_str],
            b"",
        ));
        let text = std::fs::read_to_string(&out).expect("output");
        assert!(text.starts_with(start), "{format}: {text}");
    }
}

#[test]
fn export_reads_stdin_and_uses_user_templates_from_the_data_dir() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("templates")).expect("mkdir");
    std::fs::write(
        dir.path().join("templates/fragment.html"),
        "[{{ piece.title }}]",
    )
    .expect("write");
    let out = stdout_ok(&edito(
        dir.path(),
        &["export", "-", "--format", "fragment"],
        b"---\ntitle: Bonjour\n---\nx\n",
    ));
    assert_eq!(out, "[Bonjour]");
}

#[test]
fn fragment_without_header_is_the_body_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = b"---\ntitle: Bonjour\nkicker: K\n---\nDu *texte*.\n";
    let with = stdout_ok(&edito(
        dir.path(),
        &["export", "-", "--format", "fragment"],
        input,
    ));
    assert!(with.contains("<h1>Bonjour</h1>"), "{with}");
    let bare = stdout_ok(&edito(
        dir.path(),
        &["export", "-", "--format", "fragment", "--no-header"],
        input,
    ));
    assert_eq!(bare, "<p>Du <em>texte</em>.</p>\n");
}

#[test]
fn export_of_a_file_without_front_matter_fails_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = edito(dir.path(), &["export", "-"], b"# Juste un titre\n");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("front matter") && err.contains("---"), "{err}");
}

#[test]
fn site_builds_the_archive_from_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    let from = fixture("pieces");
    let stdout = stdout_ok(&edito(
        dir.path(),
        &[
            "site",
            out.to_str().expect("utf-8"),
            "--from",
            from.to_str().expect("utf-8"),
            "--base-url",
            "https://example.org/",
        ],
        b"",
    ));
    assert!(stdout.starts_with("3 pieces"), "{stdout}");
    assert!(out.join("index.html").is_file() && out.join("feed.xml").is_file());
    let page = std::fs::read_to_string(out.join("articles/edito-avril-2002.html")).expect("page");
    assert!(page.contains("href=\"https://example.org/articles/edito-avril-2002.html\""));
}

#[test]
fn import_dry_run_reports_and_fails_when_files_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ok = stdout_ok(&edito(
        dir.path(),
        &[
            "import",
            "--dry-run",
            fixture("pieces").to_str().expect("utf-8"),
        ],
        b"",
    ));
    assert!(
        !dir.path().join("library.db").exists(),
        "a dry run does not create a library"
    );
    assert_eq!(
        ok.lines().filter(|l| l.starts_with("imported\t")).count(),
        4,
        "{ok}"
    );
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, "no front matter").expect("write");
    let out = edito(
        dir.path(),
        &[
            "import",
            "--dry-run",
            "--json",
            bad.to_str().expect("utf-8"),
        ],
        b"",
    );
    assert!(!out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(report["refused"][0]["reason"]
        .as_str()
        .is_some_and(|r| r.contains("front matter")));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 file(s) refused"));
}

/// Standard error of a command that must fail, without writing anything.
fn refusal(data: &std::path::Path, args: &[&str]) -> String {
    let out = edito(data, args, b"");
    assert!(!out.status.success(), "{args:?} succeeded");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

// Broke: `edito export -o <missing folder>/x.html` said only "No such file or directory" or
// "Not a directory" (with a file in the way), naming neither the folder nor what to do; the
// archive and the TextBundle quietly created every missing folder above them. Every command
// writing a file or a folder now names the missing folder and says to create it (or that the
// thing in the way is a file), and writes nothing.
#[test]
fn every_cli_write_names_a_missing_folder_and_what_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let file = fixture("pieces/edito-avril-2002.md");
    let file = file.to_str().expect("utf-8 path");
    stdout_ok(&edito(&data, &["new", "--title", "Édito"], b"Texte."));
    let missing = dir.path().join("absent");
    let blocker = dir.path().join("notes.txt");
    std::fs::write(&blocker, "a file").expect("write");
    let (missing, blocker) = (
        missing.to_str().expect("utf-8"),
        blocker.to_str().expect("utf-8"),
    );
    for source in [file, "1"] {
        for format in ["page", "fragment", "markdown", "textbundle"] {
            let out = format!("{missing}/x.{format}");
            let err = refusal(&data, &["export", source, "--format", format, "-o", &out]);
            assert!(
                err.contains(&format!("the folder `{missing}` does not exist"))
                    && err.contains(&format!("mkdir -p {missing}")),
                "{source} {format}: {err}"
            );
            let out = format!("{blocker}/x.{format}");
            let err = refusal(&data, &["export", source, "--format", format, "-o", &out]);
            assert!(
                err.contains(&format!("`{blocker}` is a file, not a folder")),
                "{source} {format}: {err}"
            );
        }
        // Written as a folder that does not exist: not a file named `absent`.
        let err = refusal(&data, &["export", source, "-o", &format!("{missing}/")]);
        assert!(err.contains("does not exist"), "{source}: {err}");
    }
    let err = refusal(&data, &["site", &format!("{missing}/deep/site")]);
    assert!(
        err.contains(&format!("the folder `{missing}/deep` does not exist")),
        "{err}"
    );
    let err = refusal(&data, &["site", &format!("{blocker}/site")]);
    assert!(err.contains("is a file, not a folder"), "{err}");
    let err = refusal(&data, &["site", blocker]);
    assert!(err.contains("is a file, not a folder"), "{err}");
    assert!(
        !std::path::Path::new(missing).exists(),
        "a folder was created"
    );
    // The archive's own folder is still created, inside an existing one.
    let site = dir.path().join("site");
    stdout_ok(&edito(&data, &["site", site.to_str().expect("utf-8")], b""));
    assert!(site.join("index.html").is_file());
}
