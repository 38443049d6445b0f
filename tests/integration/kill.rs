//! Crash safety: `edito save-loop` is SIGKILLed in the middle of its saves, again and again;
//! after each kill the library must open, pass `PRAGMA integrity_check`, and hold every save
//! the child reported (it prints `N VERSION` only after the commit returned).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use edito::library::{NewPiece, PieceFields};
use edito::Library;

/// Cycles run by the ordinary `cargo test`.
const QUICK_CYCLES: u32 = 20;
/// Cycles of the full run: `cargo test -p edito -- --ignored sigkill`.
const FULL_CYCLES: u32 = 200;

#[test]
fn sigkill_during_saves_loses_nothing_reported() {
    kill_cycles(QUICK_CYCLES);
}

#[test]
#[ignore = "long: 200 kill cycles, run with --ignored"]
fn sigkill_during_saves_loses_nothing_reported_200_cycles() {
    kill_cycles(FULL_CYCLES);
}

fn kill_cycles(cycles: u32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = {
        let library = Library::open_in(dir.path()).expect("open");
        let new = NewPiece {
            fields: PieceFields {
                title: "Sous le feu".into(),
                body: "départ".into(),
                ..PieceFields::default()
            },
            ..NewPiece::default()
        };
        library.create_piece(&new).expect("create").id
    };
    let mut reported: BTreeSet<i64> = BTreeSet::new();
    // Kills that landed after a commit but before its report: proof they hit mid-save.
    let mut unreported_commits = 0;
    for cycle in 0..cycles {
        reported.extend(run_and_kill(dir.path(), id, cycle));
        let library = Library::open_in(dir.path())
            .unwrap_or_else(|e| panic!("cycle {cycle}: library does not open: {e}"));
        assert_eq!(
            library.integrity_check().expect("integrity check"),
            vec!["ok".to_string()],
            "cycle {cycle}"
        );
        assert!(
            library.check_search_index().expect("index check"),
            "cycle {cycle}: search index out of step"
        );
        let piece = library.get_piece(id).expect("piece");
        let mut present: BTreeSet<i64> = library
            .list_revisions(id)
            .expect("revisions")
            .iter()
            .map(|r| r.version)
            .collect();
        present.insert(piece.version);
        let lost: Vec<&i64> = reported.difference(&present).collect();
        assert!(
            lost.is_empty(),
            "cycle {cycle}: reported saves lost: {lost:?}"
        );
        if let Some(&last) = reported.last() {
            assert!(
                piece.version >= last,
                "cycle {cycle}: current version went back"
            );
            unreported_commits += i32::from(piece.version > last);
        }
    }
    eprintln!(
        "{cycles} kills, {} saves reported, {unreported_commits} kills between a commit and its report",
        reported.len()
    );
    assert!(
        reported.len() as u32 >= cycles,
        "every cycle saved at least once"
    );
}

/// Starts a save loop, lets it report a few commits, kills it at a varying moment, and
/// returns the versions it reported as committed.
fn run_and_kill(data_dir: &Path, id: i64, cycle: u32) -> Vec<i64> {
    let mut child = Command::new(crate::support::edito_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .args(["save-loop", &id.to_string()])
        .env_remove("EDITO_DATA_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn save-loop");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut versions = Vec::new();
    let wait_for = 1 + (cycle % 5) as usize;
    while versions.len() < wait_for {
        match lines.next() {
            Some(Ok(line)) => versions.push(parse_version(&line)),
            _ => break,
        }
    }
    // Vary the moment of death within the next save or so.
    std::thread::sleep(Duration::from_micros(u64::from(cycle % 7) * 300));
    child.kill().expect("SIGKILL");
    // Lines already written to the pipe were reported before death: they count too.
    versions.extend(lines.map_while(Result::ok).map(|l| parse_version(&l)));
    child.wait().expect("reap");
    versions
}

fn parse_version(line: &str) -> i64 {
    line.split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("unexpected save-loop line {line:?}"))
}
