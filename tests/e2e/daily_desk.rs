//! The writing desk in daily use (issue #11), in the real window: every desk shortcut from
//! every field, undo in the head fields across autosaves, the piece, cursor and scroll found
//! again after quitting, and the whole editorial scenario from a new piece to its exports.

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::json;

use crate::desk::{new_piece, on_a_new_french_piece, set_body, start_french};
use crate::harness::{run, skipped, App};

/// Sends `keys` to the element matching `selector` (it takes the focus first).
async fn press_in(app: &App, selector: &str, keys: &str) {
    let field = app
        .client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"));
    field
        .click()
        .await
        .unwrap_or_else(|e| panic!("focus {selector}: {e}"));
    field
        .send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("keys in {selector}: {e}"));
}

fn ctrl(key: &str) -> String {
    format!("{}{key}{}", Key::Control, Key::Null)
}

/// Issue #11: "Ctrl+E twice did not open the export dialog from the body". Each desk
/// shortcut is pressed twice from each text field, the dialog closed with Escape between.
#[test]
fn ctrl_e_twice_opens_the_export_from_every_field() {
    on_a_new_french_piece(async |app| {
        app.js("window.__edito.run('metadata'); return true").await;
        for selector in [
            "#kicker",
            "#title",
            "#standfirst",
            ".cm-content",
            "#meta-author",
            "#library-search",
        ] {
            for round in 0..2 {
                press_in(app, selector, &ctrl("e")).await;
                let open = app
                    .wait_for_js_or_timeout("return document.getElementById('export-dialog').open")
                    .await;
                assert!(
                    open,
                    "Ctrl+E from {selector}, press {}: the export dialog opens",
                    round + 1
                );
                app.js("document.getElementById('export-dialog').close(); return true")
                    .await;
            }
        }
    });
}

/// Issue #11: Ctrl+Z in the title did nothing once the title was autosaved.
#[test]
fn ctrl_z_in_the_title_undoes_across_autosaves() {
    on_a_new_french_piece(async |app| {
        for id in ["kicker", "title", "standfirst"] {
            let selector = format!("#{id}");
            press_in(app, &selector, "Premier").await;
            app.wait_for_value("return window.__edito.hasUnsaved()", json!(false))
                .await;
            press_in(app, &selector, " jet").await;
            app.wait_for_value("return window.__edito.hasUnsaved()", json!(false))
                .await;
            press_in(app, &selector, &ctrl("z")).await;
            app.wait_for_value(
                &format!("return document.getElementById('{id}').value"),
                json!("Premier"),
            )
            .await;
            press_in(
                app,
                &selector,
                &format!("{}{}z{}", Key::Control, Key::Shift, Key::Null),
            )
            .await;
            app.wait_for_value(
                &format!("return document.getElementById('{id}').value"),
                json!("Premier jet"),
            )
            .await;
        }
    });
}

/// Issue #11: reopening lost the cursor, the scroll and the focus, and once opened the most
/// recently changed piece instead of the one being written.
#[test]
fn reopening_puts_the_writer_back_in_the_piece_cursor_and_scroll() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let app = start_french(dir.path()).await;
        new_piece(&app).await;
        let id = app.js("return window.__edito.current().id").await;
        set_body(&app, "Array.from({length: 300}, (_, i) => `Paragraphe ${i + 1}, assez long pour remplir une ligne du bureau.`).join('\\n\\n')").await;
        app.wait_for_value("return window.__edito.hasUnsaved()", json!(false))
            .await;
        // Another piece changed later: the most recent one is not the one being written.
        let welcome = app
            .js("return window.__edito.pieces().find(p => p.id !== window.__edito.current().id).id")
            .await;
        app.js(&format!("window.__edito.open({welcome}).then(() => window.__edito.update({{author: 'Autre'}})); return true")).await;
        app.wait_for_js(&format!(
            "return window.__edito.current().id === {welcome} && !window.__edito.hasUnsaved()"
        ))
        .await;
        app.js(&format!("window.__edito.open({id}); return true"))
            .await;
        app.wait_for_js(&format!("return window.__edito.current().id === {id}"))
            .await;
        app.client
            .find(Locator::Css(".cm-content"))
            .await
            .expect("editor")
            .click()
            .await
            .expect("focus the body");
        app.js("window.__edito.scrollToLine(301); window.__edito.select(window.__edito.lineStart(305) + 10); return true").await;
        let top = app
            .wait_for_js("const t = window.__edito.topLine(); return t > 250 ? t : 0")
            .await;
        // Closed as the writer closes it.
        app.js("setTimeout(() => window.__TAURI_INTERNALS__.invoke('plugin:window|close', {label: 'main'}), 400); return true").await;
        app.wait_closed().await;

        let app = start_french(dir.path()).await;
        app.wait_for_value("return window.__edito.current().id", id.clone())
            .await;
        app.wait_for_value("return window.__edito.cursorLine()", json!(305))
            .await;
        let reopened = app.js("return window.__edito.topLine()").await;
        let (was, now) = (top.as_i64().unwrap_or(0), reopened.as_i64().unwrap_or(0));
        assert!(
            (now - was).abs() <= 2,
            "the same lines are in view: top line {was} before, {now} after"
        );
        app.wait_for_value(
            "return document.activeElement.classList.contains('cm-content')",
            json!(true),
        )
        .await;
        app.quit().await;
    });
}
