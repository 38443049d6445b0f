//! Measurements and pictures of the writing desk in the real window: keystroke → preview
//! timings on a 20,000-word piece, each timed from the key event itself (read back from the
//! test API, `window.__edito.perf`), and the screenshots
//! in docs/screenshots (an ignored test: run it by name with `--ignored` to retake them).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use fantoccini::{key::Key, Locator};
use serde_json::json;

use crate::desk::{on_a_new_french_piece, press_in_editor, set_body, start_french};
use crate::harness::{run, skipped, App};

/// 1,000 paragraphs of 20 words: the longest pieces the magazine runs, and then some.
const PIECE_20000_WORDS: &str = "Array.from({length: 1000}, (_, i) => 'Paragraphe ' + (i + 1) + \
     ' : le texte avance, phrase après phrase, sans se presser, comme une marée lente qui monte vers la plage.').join('\\n\\n')";
const KEYSTROKES: usize = 100;

#[test]
fn keystroke_to_preview_on_a_20000_word_piece() {
    on_a_new_french_piece(async |app| {
        set_body(app, PIECE_20000_WORDS).await;
        app.wait_for_js("return document.getElementById('preview').contentDocument.querySelectorAll('#edito-body > p').length === 1000")
            .await;
        let words = app
            .js("return window.__edito.text().split(/\\s+/).filter(Boolean).length")
            .await;
        assert!(
            words.as_u64().unwrap_or(0) >= 20_000,
            "the piece has {words} words"
        );

        // The caret in the middle of the piece, where a writer revises.
        let body = app
            .client
            .find(Locator::Css(".cm-content"))
            .await
            .expect("editor");
        body.click().await.expect("focus editor");
        app.js("const e = window.__edito; e.select(e.lineEnd(1001)); e.perf.clear(); return true")
            .await;
        for i in 1..=KEYSTROKES {
            body.send_keys("x").await.expect("type");
            app.wait_for_value("return window.__edito.perf.samples().length", json!(i))
                .await;
        }
        let summary = app.js("return window.__edito.perf.summary()").await;
        eprintln!("writing desk perf (20,000 words, {KEYSTROKES} keystrokes): {summary}");
        if let Some(out) = std::env::var_os("EDITO_PERF_OUT") {
            let samples = app.js("return window.__edito.perf.samples()").await;
            let figures = json!({"summary": summary, "samples": samples});
            std::fs::write(out, figures.to_string()).expect("write perf figures");
        }
        assert_eq!(summary["count"], json!(KEYSTROKES));
    });
}

/// Issue 11, item 17: typing bursts. Not a timed check but a measurement: 300 characters
/// sent at 30 per second into the middle of the 20,000-word piece, each one's input latency
/// (key event → the frame after the editor updated) read in the window; the figures go to
/// stderr and `EDITO_PERF_OUT`, and docs/PERFORMANCE.md. The text must arrive whole.
#[test]
fn typing_burst_at_30_characters_per_second() {
    on_a_new_french_piece(async |app| {
        set_body(app, PIECE_20000_WORDS).await;
        app.wait_for_js("return document.getElementById('preview').contentDocument.querySelectorAll('#edito-body > p').length === 1000")
            .await;
        let body = app
            .client
            .find(Locator::Css(".cm-content"))
            .await
            .expect("editor");
        body.click().await.expect("focus editor");
        app.js(
            "const e = window.__edito; e.select(e.lineEnd(1001)); window.__latency = []; \
             document.querySelector('.cm-content').addEventListener('keydown', (k) => { const t0 = k.timeStamp; \
               requestAnimationFrame(() => setTimeout(() => window.__latency.push(performance.now() - t0), 0)); }, true); \
             return true",
        )
        .await;
        let before = app.js("return window.__edito.text().length").await;
        const BURST: usize = 300;
        let start = std::time::Instant::now();
        for i in 0..BURST {
            let due = start + Duration::from_millis((i as u64 * 1000) / 30);
            if let Some(wait) = due.checked_duration_since(std::time::Instant::now()) {
                tokio::time::sleep(wait).await;
            }
            body.send_keys(if i % 6 == 5 { " " } else { "x" })
                .await
                .expect("type");
        }
        let sent_in = start.elapsed();
        app.wait_for_value(
            "return window.__edito.text().length",
            json!(before.as_u64().unwrap_or(0) + BURST as u64),
        )
        .await;
        app.wait_for_value("return window.__latency.length", json!(BURST))
            .await;
        let figures = app
            .js("const l = [...window.__latency].sort((a, b) => a - b); const q = (p) => l[Math.min(l.length - 1, Math.floor(p * l.length))]; \
                 return {count: l.length, p50: q(0.5), p95: q(0.95), max: l[l.length - 1]}")
            .await;
        let rate = BURST as f64 / sent_in.as_secs_f64();
        eprintln!(
            "typing burst (20,000 words, {BURST} keys at {rate:.1}/s): input latency {figures}"
        );
        if let Some(out) = std::env::var_os("EDITO_PERF_OUT") {
            std::fs::write(out, json!({"rate": rate, "latency": figures}).to_string())
                .expect("write perf figures");
        }
        assert_eq!(figures["count"], json!(BURST));
    });
}

/// Not a check: it retakes the pictures in docs/screenshots (or `EDITO_SCREENSHOTS`), on a
/// library of five French pieces (tests/fixtures/screenshots) whose main editorial has three
/// versions.
#[test]
#[ignore = "retakes docs/screenshots: xvfb-run -a --server-args='-screen 0 1400x900x24' cargo test --test e2e desk_screenshots -- --ignored"]
fn desk_screenshots() {
    if skipped() {
        return;
    }
    let out = std::env::var_os("EDITO_SCREENSHOTS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots"));
    std::fs::create_dir_all(&out).expect("screenshot folder");
    let dir = tempfile::tempdir().expect("temp dir");
    fill_library(dir.path());
    run(async {
        let app = start_french(dir.path()).await;
        app.js("[...document.querySelectorAll('.piece-item')].find(b => b.textContent.includes('2002')).click(); return true").await;
        app.wait_for_js("return document.getElementById('preview').contentDocument.querySelector('blockquote') !== null")
            .await;
        for theme in ["light", "dark"] {
            app.js(&format!(
                "window.__edito.setPreferences({{theme: '{theme}', focus: false}}); return true"
            ))
            .await;
            shoot(&app, &out.join(format!("desk-{theme}-fr.png"))).await;
        }
        app.js("window.__edito.setPreferences({theme: 'light', focus: true}); const e = window.__edito; e.focusEditor(); e.select(e.lineStart(7)); return true").await;
        shoot(&app, &out.join("desk-focus-fr.png")).await;
        app.js("window.__edito.setPreferences({theme: 'dark', focus: false}); window.__edito.run('quickOpen'); return true").await;
        shoot(&app, &out.join("quick-open-dark-fr.png")).await;
        app.js("document.getElementById('palette').close(); window.__edito.setPreferences({theme: 'light'}); document.getElementById('open-history').click(); return true").await;
        app.wait_for_js("return document.querySelectorAll('.revision-item').length >= 2")
            .await;
        app.js("document.querySelectorAll('.revision-item')[1].click(); return true")
            .await;
        app.wait_for_js(
            "return document.querySelector('#history-diff ins, #history-diff del') !== null",
        )
        .await;
        shoot(&app, &out.join("history-light-fr.png")).await;
        app.js("document.getElementById('history-dialog').close(); document.querySelector('.tag-item .tag-edit').click(); return true").await;
        app.wait_for_js("return document.getElementById('tag-dialog').open")
            .await;
        shoot(&app, &out.join("tag-dialog-light-fr.png")).await;
        app.js("document.getElementById('tag-dialog').close(); return true")
            .await;
        show_spelling_suggestions(&app).await;
        shoot_as_is(&app, &out.join("spelling-light-fr.png")).await;
        app.js("window.__edito.setPreferences({theme: 'auto'}); return true")
            .await;
        app.quit().await;
    });
}

/// Imports the screenshot pieces with the CLI, then twice more an edited version of the main
/// editorial, so that its history holds three versions.
fn fill_library(data_dir: &Path) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/screenshots");
    import(data_dir, &fixtures);
    let original = std::fs::read_to_string(fixtures.join("2002-annee-des-dangers.md"))
        .expect("main editorial");
    let edits = [
        ("Rarement un pays", "Jamais sans doute un pays"),
        ("la confiance se gagne", "la confiance se gagne et se perd"),
    ];
    let versions = tempfile::tempdir().expect("temp dir");
    let mut text = original;
    for (from, to) in edits {
        text = text.replace(from, to);
        let file = versions.path().join("2002-annee-des-dangers.md");
        std::fs::write(&file, &text).expect("write version");
        import(data_dir, &file);
    }
}

fn import(data_dir: &Path, path: &Path) {
    let status = Command::new(crate::harness::cli_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .arg("import")
        .arg(path)
        .status()
        .expect("run edito import");
    assert!(status.success(), "edito import {path:?} failed");
}

/// Opens the piece with a misspelt word and its suggestions (Ctrl+. in the word).
async fn show_spelling_suggestions(app: &App) {
    app.js("[...document.querySelectorAll('.piece-item')].find(b => b.textContent.includes('vingt-cinq')).click(); return true").await;
    app.wait_for_js("return document.querySelector('.cm-misspelt') !== null")
        .await;
    app.js("const e = window.__edito; e.focusEditor(); e.select(e.text().indexOf('frapent') + 3); return true")
        .await;
    press_in_editor(app, &format!("{}.{}", Key::Control, Key::Null)).await;
    app.wait_for_js(
        "return document.querySelectorAll('.cm-spelling-menu [role=menuitem]').length > 1",
    )
    .await;
}

/// The window without a focus ring (the focused control is blurred first).
async fn shoot(app: &App, file: &Path) {
    app.js("document.activeElement && document.activeElement.blur(); return true")
        .await;
    shoot_as_is(app, file).await;
}

/// The window as it is, focus included: the whole X screen with `import`, cropped to the
/// window with ImageMagick's `convert`.
async fn shoot_as_is(app: &App, file: &Path) {
    // Let transitions end; then a resize makes WebKitGTK push a whole fresh frame to the X
    // server (without it Xvfb can still hold an older frame).
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (x, y, w, h) = app.client.get_window_rect().await.expect("window rect");
    let (wi, hi) = (
        u32::try_from(w).unwrap_or(1280),
        u32::try_from(h).unwrap_or(820),
    );
    app.client
        .set_window_size(wi - 1, hi)
        .await
        .expect("resize");
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.client
        .set_window_size(wi, hi)
        .await
        .expect("resize back");
    tokio::time::sleep(Duration::from_millis(900)).await;
    let full = file.with_extension("full.tmp.png");
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(&full)
        .status()
        .expect("run import (apt-get install imagemagick)");
    assert!(status.success(), "import failed");
    let status = Command::new("/usr/bin/convert")
        .arg(&full)
        .args(["-crop", &format!("{w}x{h}+{x}+{y}"), "+repage"])
        .arg(file)
        .status()
        .expect("run convert");
    assert!(status.success(), "convert failed");
    let _ = std::fs::remove_file(full);
}
