//! `edito site` under faults: a planted manifest, SIGKILL at chosen system calls and a full
//! disk, injected with `strace -e inject=…` (deterministic: the Nth rename, unlink or write).
//! `strace` comes with `make deps-test` (APT_TEST).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::edito_binary;

/// A folder of `count` published Markdown pieces whose text starts with `version`.
fn pieces(dir: &Path, version: &str, count: usize) -> PathBuf {
    let from = dir.join(format!("from-{version}"));
    fs::create_dir_all(&from).expect("folder");
    for i in 1..=count {
        let text = format!(
            "---\ntitle: Pièce {i}\ntags: [t{i}, commun]\nstatus: published\n---\n{version} : corps {i}\n"
        );
        fs::write(from.join(format!("p{i}.md")), text).expect("piece");
    }
    from
}

/// `edito site OUT --from FROM`, under `strace` with `inject` when given.
fn site(out: &Path, from: &Path, inject: Option<&str>) -> Output {
    let mut command = match inject {
        Some(rule) => {
            let mut c = Command::new("strace");
            c.args(["-f", "-qq", "-o", "/dev/null", "-e", rule]);
            c.arg(edito_binary());
            c
        }
        None => Command::new(edito_binary()),
    };
    command
        .arg("site")
        .arg(out)
        .arg("--from")
        .arg(from)
        .args(["--status", "all"])
        .env_remove("EDITO_DATA_DIR")
        .env("EDITO_DATA_DIR", out.with_extension("data"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run (is strace installed? `make deps-test`): {e}"))
}

/// Every file under `dir`: relative path → bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir(dir)
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            let bytes = fs::read(&path).expect("read");
            (relative, bytes)
        })
        .collect()
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if entry.file_type().expect("type").is_dir() {
            files.extend(walkdir(&path));
        } else {
            files.push(path);
        }
    }
    files
}

fn is_leftover(name: &str) -> bool {
    name.ends_with(".edito-tmp") || name == ".edito-export.journal"
}

/// A manifest planted in the output folder (old form, names only; and new form, with the
/// true hashes) made the next export delete the user's `mine.txt` and `.git/config`. Only
/// archive pages whose bytes Edito wrote are removed, and each removal is reported.
#[test]
fn a_planted_manifest_never_deletes_the_users_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    fs::create_dir_all(out.join(".git")).expect("folder");
    fs::write(out.join("mine.txt"), "à moi").expect("file");
    fs::write(out.join(".git/config"), "[core]").expect("file");
    fs::create_dir_all(out.join("articles")).expect("folder");
    fs::write(out.join("articles/mien.html"), "ma page").expect("file");
    let hash = |text: &str| sha256_hex(text.as_bytes());
    for planted in [
        r#"{"generator":"edito","files":["mine.txt",".git/config","articles/mien.html","../x"]}"#
            .to_owned(),
        format!(
            r#"{{"generator":"edito","files":[{{"path":"mine.txt","sha256":"{}"}},{{"path":".git/config","sha256":"{}"}},{{"path":"articles/mien.html","sha256":"0000"}}]}}"#,
            hash("à moi"),
            hash("[core]")
        ),
    ] {
        fs::write(out.join(".edito-export.json"), planted).expect("plant");
        let from = pieces(dir.path(), "v1", 3);
        let output = site(&out, &from, None);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert_eq!(
            fs::read_to_string(out.join("mine.txt")).expect("kept"),
            "à moi"
        );
        assert_eq!(
            fs::read_to_string(out.join(".git/config")).expect("kept"),
            "[core]"
        );
        assert!(out.join("articles/mien.html").exists(), "{stderr}");
        assert!(stderr.contains("kept `articles/mien.html`"), "{stderr}");
        assert!(!stderr.contains("removed stale"), "{stderr}");
    }
    // A page Edito did write, and no one changed, is removed when its piece goes: reported.
    let fewer = dir.path().join("fewer");
    fs::create_dir_all(&fewer).expect("folder");
    fs::copy(dir.path().join("from-v1/p1.md"), fewer.join("p1.md")).expect("copy");
    let output = site(&out, &fewer, None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("removed stale page `articles/piece-2.html`"),
        "{stderr}"
    );
    assert!(!out.join("articles/piece-2.html").exists());
    assert!(out.join("mine.txt").exists() && out.join("articles/mien.html").exists());
}

/// SHA-256 through the CLI's own rule would be circular: `sha256sum` is the reference.
fn sha256_hex(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("x");
    fs::write(&file, bytes).expect("write");
    let output = Command::new("sha256sum")
        .arg(&file)
        .output()
        .expect("sha256sum");
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// SIGKILL during `edito site` left the folder half old, half new with 514 temporary files.
/// At each kill point (a rename of the commit, an unlink of the clean-up, a write while
/// staging) the folder is the old archive or the new one, or the next run finishes the
/// interrupted one and says so; temporary files never survive the next run.
#[test]
fn sigkill_during_site_leaves_the_old_or_the_new_archive() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old_from = pieces(dir.path(), "ancien", 12);
    let new_from = pieces(dir.path(), "nouveau", 8);
    let reference = dir.path().join("reference");
    // `edito site` creates the archive's folder, not the folders above it.
    std::fs::create_dir(&reference).expect("mkdir");
    assert!(site(&reference.join("old"), &old_from, None)
        .status
        .success());
    assert!(site(&reference.join("new"), &new_from, None)
        .status
        .success());
    let old = snapshot(&reference.join("old"));
    let new = snapshot(&reference.join("new"));
    let points = [
        "rename:signal=SIGKILL:when=1",
        "rename:signal=SIGKILL:when=2",
        "rename:signal=SIGKILL:when=6",
        "rename:signal=SIGKILL:when=20",
        "unlink:signal=SIGKILL:when=30",
        "write:signal=SIGKILL:when=8",
    ];
    let mut repaired = 0;
    for (n, point) in points.iter().enumerate() {
        let out = dir.path().join(format!("out-{n}"));
        assert!(site(&out, &old_from, None).status.success());
        let killed = site(&out, &new_from, Some(&format!("inject={point}")));
        assert!(!killed.status.success(), "{point}: the kill did not land");
        let interrupted = out.join(".edito-export.journal").exists();
        if !interrupted {
            let visible: BTreeMap<_, _> = snapshot(&out)
                .into_iter()
                .filter(|(name, _)| !is_leftover(name.rsplit('/').next().unwrap_or(name)))
                .collect();
            assert!(visible == old || visible == new, "{point}: a mixed folder");
        }
        let rerun = site(&out, &new_from, None);
        let stderr = String::from_utf8_lossy(&rerun.stderr);
        assert!(rerun.status.success(), "{point}: {stderr}");
        if interrupted {
            repaired += 1;
            assert!(
                stderr.contains("interrupted"),
                "{point}: repaired silently: {stderr}"
            );
        }
        assert_eq!(
            snapshot(&out),
            new,
            "{point}: not the new archive after the next run"
        );
    }
    assert!(
        repaired >= 2,
        "no kill landed while pages were being put in place"
    );
}

/// A full disk during `edito site` left a temporary file and printed the OS error twice.
/// Now: nothing left, the error once, and the folder as it was, said so.
#[test]
fn disk_full_during_site_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old_from = pieces(dir.path(), "ancien", 6);
    let new_from = pieces(dir.path(), "nouveau", 6);
    let out = dir.path().join("out");
    assert!(site(&out, &old_from, None).status.success());
    let before = snapshot(&out);
    for when in ["1", "5"] {
        let full = site(
            &out,
            &new_from,
            Some(&format!("inject=write:error=ENOSPC:when={when}")),
        );
        let stderr = String::from_utf8_lossy(&full.stderr);
        assert!(!full.status.success());
        assert_eq!(
            stderr.matches("No space left on device").count(),
            1,
            "the error once: {stderr}"
        );
        assert!(stderr.contains("left as it was"), "{stderr}");
        assert_eq!(snapshot(&out), before, "the folder changed: {stderr}");
    }
}
