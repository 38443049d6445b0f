//! The real window SIGKILLed while the writer types, again and again (#13.19): on every restart
//! the body holds at least the text shown "Enregistré" before the kill, and the library passes
//! `PRAGMA integrity_check`. `make test` runs a few cycles; the documented longer run is
//! `xvfb-run -a cargo test --test e2e -- --ignored --nocapture killed_while_typing_50`
//! (figures in docs/PERFORMANCE.md, "Crash test").

use std::path::Path;
use std::time::{Duration, Instant};

use edito::Library;

use crate::desk::{new_piece, start_french, type_in_body};
use crate::harness::{run, skipped};

const QUICK_CYCLES: u32 = 3;
const LONG_CYCLES: u32 = 50;

#[test]
fn the_window_killed_while_typing_keeps_what_it_said_was_saved() {
    if skipped() {
        return;
    }
    kill_cycles(QUICK_CYCLES);
}

#[test]
#[ignore = "long: 50 kills of the real window, run with --ignored"]
fn the_window_killed_while_typing_50_times_keeps_what_it_said_was_saved() {
    if skipped() {
        return;
    }
    kill_cycles(LONG_CYCLES);
}

fn kill_cycles(cycles: u32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let mut saved = String::new();
    let mut id = None;
    let mut beyond_saved = 0;
    for cycle in 0..cycles {
        let mut outcome = None;
        run(async { outcome = Some(one_cycle(dir.path(), cycle, id).await) });
        let (text_at_start, now_saved, new_id) = outcome.expect("cycle ran");
        assert!(
            text_at_start.starts_with(&saved),
            "cycle {cycle}: the text shown saved before the kill is gone.\nsaved: {saved:?}\nfound: {text_at_start:?}"
        );
        // The words typed after "Enregistré" may or may not have reached an autosave.
        beyond_saved += u32::from(cycle > 0 && text_at_start.len() > saved.len());
        saved = now_saved;
        id = Some(new_id);
        let library = Library::open_in(dir.path())
            .unwrap_or_else(|e| panic!("cycle {cycle}: the library does not open: {e}"));
        assert_eq!(
            library.integrity_check().expect("check"),
            vec!["ok".to_string()],
            "cycle {cycle}"
        );
    }
    eprintln!(
        "{cycles} SIGKILLs of the window while typing in {:.0} s: every restart held the text shown saved; integrity_check ok each time ({beyond_saved} restarts also held words typed after it)",
        started.elapsed().as_secs_f64()
    );
}

/// Starts the window, checks what it opens with, types and waits for "Enregistré", types
/// again and kills the app mid-way. Returns the body found at start, the body shown saved,
/// and the piece's id.
async fn one_cycle(dir: &Path, cycle: u32, id: Option<i64>) -> (String, String, i64) {
    let app = start_french(dir).await;
    match id {
        None => new_piece(&app).await,
        Some(id) => {
            app.js(&format!(
                "return window.__edito.open({id}).then(() => true)"
            ))
            .await;
            app.wait_for_js(&format!("return window.__edito.current().id === {id}"))
                .await;
        }
    }
    let text_at_start = app.js("return window.__edito.text()").await;
    let text_at_start = text_at_start.as_str().unwrap_or_default().to_owned();
    type_in_body(&app, &format!("Paragraphe {cycle} du rédacteur. ")).await;
    app.wait_for_js("return !window.__edito.hasUnsaved() && document.getElementById('save-state').textContent.startsWith('Enregistré')")
        .await;
    let saved = app.js("return window.__edito.text()").await;
    let saved = saved.as_str().unwrap_or_default().to_owned();
    let id = app.js("return window.__edito.current().id").await;
    let id = id.as_i64().expect("id");
    // More words, and the kill somewhere in them or in their autosave.
    type_in_body(&app, "Suite non enregistrée peut-être.").await;
    tokio::time::sleep(Duration::from_millis(u64::from(cycle % 8) * 120)).await;
    app.kill_app();
    (text_at_start, saved, id)
}
