//! Every `edito` subcommand with its standard output closed before it writes (`edito list |
//! head -0`): 14 of them panicked (exit 101, backtrace) after committing their change, and
//! `--json`, render, export and import printed "Broken pipe" and failed, so a retrying script
//! duplicated a `new`. Each must end quietly and successfully.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use edito::library::{NewPiece, PieceEdit, PieceFields, SaveKind};
use edito::Library;

/// One invocation per subcommand (and `--json` variants), on the library of [`library`].
fn invocations(dir: &Path) -> Vec<Vec<String>> {
    let md = dir.join("piece.md");
    let out = dir.join("site");
    let backup = dir.join("backups-copy.db");
    let png = dir.join("photo.png");
    let lines: &[&str] = &[
        "render {md}",
        "new --title Nouveau",
        "list",
        "list --json",
        "show 1",
        "show 1 --json",
        "search corps",
        "search corps --json",
        "tag 1 add ajout",
        "tags",
        "tags --json",
        "status 1 review",
        "status 1 draft --json",
        "history 1",
        "history 1 --json",
        "diff 1 1 current",
        "diff 1 1 current --json",
        "restore 1 1",
        "rm 2",
        "trash",
        "trash --json",
        "trash --restore 2",
        "backup",
        "backup --list",
        "backup --json",
        "export 1",
        "export {md}",
        "site {out} --status all",
        "import {md}",
        "import {md} --json",
        "backup --restore {backup}",
        "save-loop 1",
        "image add 1 {png} --alt Portrait",
        "image add 1 {png} --decorative --json",
        "image list",
        "image list --json",
        "image collect",
        "sites add other --url http://127.0.0.1:9 --user u --no-check",
        "sites list",
        "sites list --json",
        "publish 1 --site wp",
        "publish 1 --site wp --json",
    ];
    lines
        .iter()
        .map(|line| {
            line.replace("{md}", &md.display().to_string())
                .replace("{out}", &out.display().to_string())
                .replace("{backup}", &backup.display().to_string())
                .replace("{png}", &png.display().to_string())
                .split(' ')
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// A library with two pieces (the first with two revisions and tags), a backup file and a PNG.
fn library(dir: &Path) {
    let library = Library::open_in(dir).expect("library");
    let body = "Un corps de texte assez long pour remplir un tampon. ".repeat(2_000);
    for title in ["Premier", "Second"] {
        let new = NewPiece {
            fields: PieceFields {
                title: title.into(),
                body: body.clone(),
                ..PieceFields::default()
            },
            tags: vec!["a".into(), "b".into()],
            ..NewPiece::default()
        };
        library.create_piece(&new).expect("piece");
    }
    let piece = library.get_piece(1).expect("piece");
    let edit = PieceEdit {
        id: 1,
        base_version: piece.version,
        kind: SaveKind::SavePoint,
        fields: PieceFields {
            body: format!("{body}\nencore"),
            ..piece.fields.clone()
        },
        slug: None,
        tags: None,
        extra: None,
    };
    library.save_piece(&edit).expect("save");
    std::fs::write(
        dir.join("piece.md"),
        format!("---\ntitle: Fichier\n---\n{body}"),
    )
    .expect("markdown");
    image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8 * 6, y as u8 * 8, 120]))
        .save(dir.join("photo.png"))
        .expect("png");
    // `edito publish` needs a site: the test WordPress, its password where `spawn_edito` points
    // the CLI's password store.
    if let Some(site) = crate::wordpress::site() {
        site.add_to(&library, dir, "wp");
    }
    drop(library);
    std::fs::copy(dir.join("library.db"), dir.join("backups-copy.db")).expect("backup copy");
}

/// Every subcommand the CLI lists, from `edito --help`.
fn listed_subcommands() -> Vec<String> {
    let help = Command::new(crate::support::edito_binary())
        .arg("--help")
        .output()
        .expect("edito --help");
    let text = String::from_utf8_lossy(&help.stdout).into_owned();
    text.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_subcommand_exits_quietly_when_stdout_closes_early() {
    let dir = tempfile::tempdir().expect("temp dir");
    library(dir.path());
    let runs = invocations(dir.path());
    for name in listed_subcommands() {
        assert!(
            runs.iter().any(|args| args[0] == name),
            "subcommand `{name}` is not tested with a closed stdout: add it to `invocations`"
        );
    }
    for args in runs {
        if args[0] == "publish" && crate::wordpress::site().is_none() {
            continue;
        }
        let mut child = crate::support::spawn_edito(dir.path(), &args);
        // The reader goes away before the command writes anything.
        drop(child.stdout.take());
        let _ = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"Corps du nouveau.\n");
        let output = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "`edito {}` failed with a closed stdout: {}\n{stderr}",
            args.join(" "),
            output.status
        );
        assert!(
            !stderr.contains("panicked")
                && !stderr.contains("Broken pipe")
                && !stderr.contains("edito:"),
            "`edito {}` was not quiet: {stderr}",
            args.join(" ")
        );
    }
}
