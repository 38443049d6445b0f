//! The library and its backups under faults the operating system can cause: a full disk
//! (a small tmpfs in a private mount namespace, `unshare -rm`) and a SIGKILL before any chosen
//! system call (`strace -e inject=SYSCALL:signal=SIGKILL:when=N`). Both tools are in the
//! Makefile's APT_TEST; without them (or without user namespaces) a test says so and passes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use edito::library::{NewPiece, PieceEdit, PieceFields, SaveKind, BACKUPS_DIR};
use edito::Library;

use crate::support::edito_binary;

/// The body the backup holds, and the one saved after it.
const BACKED_UP: &str = "le texte de la sauvegarde";
const LATER: &str = "le texte écrit après la sauvegarde";

/// A library whose piece says [`LATER`], with one backup of it saying [`BACKED_UP`] (about
/// 200 KB: forty pieces of filler, so a 100 KB disk cannot hold it).
fn library_with_backup(dir: &Path) -> (PathBuf, i64) {
    let library = Library::open_in(dir).expect("open");
    for i in 0..40 {
        let filler = NewPiece {
            fields: PieceFields {
                title: format!("Remplissage {i}"),
                body: "Une phrase de remplissage. ".repeat(150),
                ..PieceFields::default()
            },
            ..NewPiece::default()
        };
        library.create_piece(&filler).expect("filler");
    }
    let new = NewPiece {
        fields: PieceFields {
            title: "L'édito".into(),
            body: BACKED_UP.into(),
            ..PieceFields::default()
        },
        ..NewPiece::default()
    };
    let piece = library.create_piece(&new).expect("create");
    let backup = library.backup_now().expect("backup").path;
    let mut fields = piece.fields.clone();
    fields.body = LATER.into();
    library
        .save_piece(&PieceEdit {
            id: piece.id,
            base_version: piece.version,
            kind: SaveKind::SavePoint,
            fields,
            slug: None,
            tags: None,
            extra: None,
        })
        .expect("save");
    (backup, piece.id)
}

fn have(tool: &str, probe: &[&str]) -> bool {
    let ok = Command::new(tool)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!(
            "skipped: `{tool}` is missing or not allowed here (apt-get install strace util-linux)"
        );
    }
    ok
}

// Regression (#13.4): a backup onto a full disk left an empty `library-….db` that counted as
// one of the 14 kept, became the backup the damage message recommended, and the error said
// only what SQLite said.
#[test]
fn a_backup_onto_a_full_disk_leaves_no_file_and_says_the_library_is_untouched() {
    if !have("unshare", &["-rm", "true"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    library_with_backup(dir.path());
    let backups = dir.path().join(BACKUPS_DIR);
    // A 100 KB disk over the backups folder, for this command only; list what is left on it.
    let output = Command::new("unshare")
        .args(["-rm", "sh", "-c"])
        .arg(r#"mount -t tmpfs -o size=100k tmpfs "$1" || exit 99; shift; "$@"; rc=$?; ls -A "$BACKUPS" >&2; exit $rc"#)
        .arg("sh")
        .arg(&backups)
        .arg(edito_binary())
        .arg("--data-dir")
        .arg(dir.path())
        .arg("backup")
        .env("BACKUPS", &backups)
        .env_remove("EDITO_DATA_DIR")
        .output()
        .expect("run unshare");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() == Some(99) {
        eprintln!("skipped: cannot mount a tmpfs here: {stderr}");
        return;
    }
    assert!(!output.status.success(), "the backup cannot fit: {stderr}");
    assert!(stderr.contains("no backup was made"), "{stderr}");
    assert!(stderr.contains("the disk is full"), "{stderr}");
    assert!(
        stderr.contains("the library itself is untouched"),
        "{stderr}"
    );
    let left: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with("edito:"))
        .collect();
    assert!(
        left.is_empty(),
        "nothing is left on the full disk: {left:?}"
    );
}

/// The system calls that move, link, remove or sync the library's files: a kill before each
/// of their invocations covers every state a restore can leave the folder in (`make test`).
const MOVING_CALLS: &[&str] = &[
    "copy_file_range",
    "fsync",
    "rename",
    "renameat",
    "renameat2",
    "link",
    "linkat",
    "unlink",
    "unlinkat",
];
/// Every call that changes a file, for the long sweep (~135 kills, 16 s):
/// `cargo test -p edito --test integration -- --ignored restore_killed`.
const WRITING_CALLS: &[&str] = &["openat", "sendfile", "write", "pwrite64"];

/// Runs `edito backup --restore` under strace, SIGKILLed before invocation `n` of `call`.
fn restore_killed(data_dir: &Path, backup: &Path, call: &str, n: u32) -> Output {
    Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "-e"])
        .arg(format!("inject={call}:signal=SIGKILL:when={n}"))
        .arg(edito_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .arg("backup")
        .arg("--restore")
        .arg(backup)
        .env_remove("EDITO_DATA_DIR")
        .output()
        .expect("run strace")
}

// Regression (#13.3): a SIGKILL during `backup --restore` left only `library.db.restoring`, and
// the next command silently created an empty library. Now, killed before any system call that
// changes the disk, the next open finds the old library or the new one, and says so when it
// had to settle the restore.
#[test]
fn a_restore_killed_at_any_point_leaves_the_old_or_the_new_library() {
    restore_kill_sweep(MOVING_CALLS);
}

#[test]
#[ignore = "long: a kill before every file-changing system call, run with --ignored"]
fn a_restore_killed_at_any_write_leaves_the_old_or_the_new_library() {
    restore_kill_sweep(&[MOVING_CALLS, WRITING_CALLS].concat());
}

fn restore_kill_sweep(calls: &[&str]) {
    if !have("strace", &["-V"]) {
        return;
    }
    let template = tempfile::tempdir().expect("template");
    let (backup_in_template, id) = library_with_backup(template.path());
    let backup_name = backup_in_template.file_name().expect("name").to_owned();
    let (mut kills, mut undone, mut completed) = (0, 0, 0);
    for call in calls {
        for n in 1.. {
            let dir = tempfile::tempdir().expect("temp dir");
            copy_dir(template.path(), dir.path());
            let backup = dir.path().join(BACKUPS_DIR).join(&backup_name);
            let output = restore_killed(dir.path(), &backup, call, n);
            let killed = output.status.code().is_none();
            let library = Library::open_in(dir.path()).unwrap_or_else(|e| {
                panic!("killed before {call} #{n}: the library does not open: {e}")
            });
            let body = library.get_piece(id).expect("piece").fields.body;
            assert!(
                body == LATER || body == BACKED_UP,
                "killed before {call} #{n}: {body:?}"
            );
            assert_eq!(
                library.integrity_check().expect("check"),
                vec!["ok".to_string()],
                "killed before {call} #{n}"
            );
            if !killed {
                assert!(output.status.success(), "{call} #{n}: {output:?}");
                assert_eq!(body, BACKED_UP, "a restore that ran to the end restored");
                break;
            }
            kills += 1;
            match library.recovery() {
                Some(edito::library::Recovery::RestoreUndone { .. }) => {
                    undone += 1;
                    assert_eq!(body, LATER, "{call} #{n}: undone means the old library");
                }
                Some(edito::library::Recovery::RestoreCompleted { .. }) => {
                    completed += 1;
                    assert_eq!(body, BACKED_UP, "{call} #{n}: completed means the backup");
                }
                None => {}
            }
            let leftovers: Vec<_> = std::fs::read_dir(dir.path())
                .expect("list")
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|name| name.contains("restor"))
                .collect();
            assert!(leftovers.is_empty(), "{call} #{n}: {leftovers:?}");
        }
    }
    eprintln!("{kills} kill points: {undone} restores undone, {completed} completed");
    assert!(
        undone > 0 && completed > 0,
        "the sweep reached both sides of the swap"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The cost of the damage check at open (#13.14) on a 10,000-piece library (~2,500 signes
/// each, like benches/library.rs): the usual open (file as sealed) and the open after the
/// file changed outside Edito (full `quick_check`). A measuring command, not a timed test:
/// `cargo test -p edito --test integration --release -- --ignored --nocapture damage_check_cost`
/// (figures in docs/PERFORMANCE.md).
#[test]
#[ignore = "measurement: builds a 10,000-piece library"]
fn damage_check_cost_at_ten_thousand_pieces() {
    use std::time::Instant;
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let library = Library::open_in(dir.path()).expect("open");
        library.set_synchronous(edito::library::Synchronous::Normal);
        let sentence = "Le magazine de la relation client ouvre ses colonnes à la rédaction. ";
        let batch: Vec<NewPiece> = (0..10_000)
            .map(|i| NewPiece {
                fields: PieceFields {
                    title: format!("Pièce numéro {i}"),
                    body: format!("{i} {}", sentence.repeat(36)),
                    ..PieceFields::default()
                },
                ..NewPiece::default()
            })
            .collect();
        library.create_pieces(&batch).expect("insert");
    }
    let path = dir.path().join("library.db");
    let size = std::fs::metadata(&path).expect("size").len();
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let sealed: Vec<f64> = (0..21)
        .map(|_| {
            let start = Instant::now();
            drop(Library::open_in(dir.path()).expect("open"));
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let changed: Vec<f64> = (0..5)
        .map(|_| {
            // Rewriting the first byte with itself changes the modification time only.
            let bytes = std::fs::read(&path).expect("read");
            std::fs::write(&path, &bytes).expect("touch");
            let start = Instant::now();
            drop(Library::open_in(dir.path()).expect("open"));
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    eprintln!(
        "10,000 pieces, {:.0} MB: open + close, file as sealed: {:.2} ms median; file changed outside Edito (full quick_check): {:.0} ms median",
        size as f64 / 1e6,
        median(sealed),
        median(changed)
    );
}
