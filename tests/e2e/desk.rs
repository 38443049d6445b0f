//! The writing desk in the real window: the gauge moving while writing, French spacing
//! typed, scroll sync both ways and preview clicks, focus mode, the UI language switch,
//! quick open, and text typed just before closing the window found again on restart.

use std::path::Path;

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::harness::{run, skipped, App};

/// French system locale: the UI starts in French, as on the editor-in-chief's machine.
pub const FRENCH: &[(&str, &str)] = &[("LANG", "fr_FR.UTF-8"), ("LANGUAGE", "fr_FR:fr")];
const PREVIEW_TEXT: &str =
    "return document.getElementById('preview').contentDocument.body.textContent";
const EDITOR_TEXT: &str = "return window.__edito.text()";
const CURSOR_LINE: &str = "return window.__edito.cursorLine()";

/// The usual scenario: the app in French with a new, empty piece open; `steps` drive the
/// window, then the app quits. Skipped only with `EDITO_E2E=skip`.
pub fn on_a_new_french_piece(steps: impl AsyncFnOnce(&App)) {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let app = start_french(dir.path()).await;
        new_piece(&app).await;
        steps(&app).await;
        app.quit().await;
    });
}

/// Starts the app in French on `dir` and waits for the first piece to be open. WebKitGTK
/// derives `navigator.language` from the system locale, which a CI machine may not have
/// installed: then French is chosen in the settings, as a writer would, and remembered.
pub async fn start_french(dir: &Path) -> App {
    let app = App::start_with(dir, FRENCH).await;
    app.wait_for_js("return window.__edito && window.__edito.current() !== null")
        .await;
    let remembered = app.js("return localStorage.getItem('edito.uiLang')").await;
    if app.js("return document.documentElement.lang").await != json!("fr") && remembered.is_null() {
        choose_ui_language(&app, "fr").await;
        app.client
            .find(Locator::Id("ui-lang"))
            .await
            .expect("ui-lang")
            .send_keys(&Key::Escape.to_string())
            .await
            .expect("close settings");
        app.wait_for_value(
            "return document.getElementById('settings').open",
            json!(false),
        )
        .await;
    }
    app
}

/// Opens the settings and picks the UI language `lang`.
pub async fn choose_ui_language(app: &App, lang: &str) {
    click(app, "open-settings").await;
    let select = app
        .client
        .find(Locator::Id("ui-lang"))
        .await
        .expect("ui-lang");
    select
        .select_by_value(lang)
        .await
        .expect("choose the language");
    app.wait_for_value("return document.documentElement.lang", json!(lang))
        .await;
}

/// Creates a piece with the button and waits until it is the open one.
pub async fn new_piece(app: &App) {
    let before = app.js("return window.__edito.current().id").await;
    click(app, "new-piece").await;
    app.wait_for_js(&format!(
        "return window.__edito.current().id !== {before} && document.getElementById('title').value === ''"
    ))
    .await;
}

/// Clicks the element with id `id`.
pub async fn click(app: &App, id: &str) {
    click_css(app, &format!("#{id}")).await;
}

/// Clicks the first element matching the CSS `selector` (in the current frame).
pub async fn click_css(app: &App, selector: &str) {
    app.client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {selector}: {e}"));
}

/// Sends `keys` to the editor where its cursor is (a shortcut such as Ctrl+.).
pub async fn press_in_editor(app: &App, keys: &str) {
    app.client
        .find(Locator::Css(".cm-content"))
        .await
        .expect("editor")
        .send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("keys {keys:?} in the editor: {e}"));
}

/// Types `text` at the end of the body, as the writer would.
pub async fn type_in_body(app: &App, text: &str) {
    let body = app
        .client
        .find(Locator::Css(".cm-content"))
        .await
        .expect("editor");
    body.click().await.expect("focus editor");
    app.js("window.__edito.select(window.__edito.text().length); return true")
        .await;
    body.send_keys(text).await.expect("type in the body");
}

/// Replaces the body through the editor (a long piece would take minutes to type).
pub async fn set_body(app: &App, script_building_body: &str) {
    app.js(&format!(
        "window.__edito.setText({script_building_body}); return true"
    ))
    .await;
}

#[test]
fn the_gauge_moves_while_writing() {
    on_a_new_french_piece(async |app| {
        app.wait_for_value(
            "return document.getElementById('gauge').dataset.level",
            json!("none"),
        )
        .await;
        // The target length is set in the metadata panel.
        click(app, "toggle-metadata").await;
        app.client
            .find(Locator::Id("meta-target"))
            .await
            .expect("target")
            .send_keys("60")
            .await
            .expect("type target");

        type_in_body(app, "Un début d'article.").await;
        app.wait_for_js(&format!("{PREVIEW_TEXT}.includes('Un début')"))
            .await;
        // The counts come from the core's render, with the preview.
        app.wait_for_value(
            "return document.getElementById('counts').dataset.source",
            json!("backend"),
        )
        .await;
        let level = "return document.getElementById('gauge').dataset.level";
        app.wait_for_value(level, json!("under")).await;
        type_in_body(app, " Puis une phrase de plus, assez longue pour dépasser.").await;
        app.wait_for_value(level, json!("over")).await;
        app.wait_for_js(
            "return document.querySelector('.gauge__text').textContent.includes('/ 60 signes')",
        )
        .await;
    });
}

#[test]
fn french_spacing_is_inserted_while_typing() {
    on_a_new_french_piece(async |app| {
        type_in_body(app, "Note: oui? «non» à 10:30; voir http://exemple.fr").await;
        app.wait_for_value(
            EDITOR_TEXT,
            json!("Note\u{a0}: oui\u{202f}? «\u{a0}non\u{a0}» à 10:30\u{202f}; voir http://exemple.fr"),
        )
        .await;
        // Made visible in the editor.
        app.wait_for_js("return document.querySelectorAll('.cm-nbsp').length === 3 && document.querySelectorAll('.cm-nnbsp').length === 2")
            .await;
    });
}

#[test]
fn the_preview_typesets_the_title_and_signs_the_piece() {
    on_a_new_french_piece(async |app| {
        app.js(
            "window.__edito.update({title: \"2002 : l'année de tous les dangers...\", \
                author: 'Jean Martin', author_role: 'Directeur de la rédaction'}); return true",
        )
        .await;
        let preview = "document.getElementById('preview').contentDocument";
        app.wait_for_value(
            &format!("return {preview}.querySelector('h1')?.textContent ?? ''"),
            json!("2002\u{a0}: l’année de tous les dangers…"),
        )
        .await;
        app.wait_for_value(
            &format!("return {preview}.querySelector('.signature')?.innerText.trim() ?? ''"),
            json!("Jean Martin\nDirecteur de la rédaction"),
        )
        .await;
    });
}

const LONG_BODY: &str = "Array.from({length: 120}, (_, i) => 'Paragraphe ' + (i + 1) + '. ' + \
     'Le texte avance, phrase après phrase, sans se presser, comme une marée. '.repeat(5)).join('\\n\\n')";

const EDITOR_TOP_LINE: &str = "return window.__edito.topLine()";
const PREVIEW_TOP_LINE: &str = "const d = document.getElementById('preview').contentDocument; \
     const b = [...d.querySelectorAll('[data-line]')].find(e => e.getBoundingClientRect().bottom > 1); \
     return b ? Number(b.dataset.line) : 0";

#[test]
fn editor_and_preview_scroll_together_and_a_click_moves_the_cursor() {
    on_a_new_french_piece(async |app| {
        set_body(app, LONG_BODY).await;
        app.wait_for_js("return document.getElementById('preview').contentDocument.querySelectorAll('#edito-body > p').length === 120")
            .await;
        // The source lines come from the core's source map.
        app.wait_for_js("return document.getElementById('preview').contentDocument.querySelector('#edito-body > p[data-line=\"1\"]') !== null")
            .await;

        // Editor → preview: the paragraph at the top of the editor is at the top of the preview.
        app.js("window.__edito.scrollToLine(81); return true").await;
        let near =
            |a: &Value, b: &Value| (a.as_i64().unwrap_or(0) - b.as_i64().unwrap_or(-99)).abs() <= 4;
        wait_until_near(app, EDITOR_TOP_LINE, PREVIEW_TOP_LINE, near).await;
        let top = app.js(PREVIEW_TOP_LINE).await;
        assert!(
            top.as_i64().unwrap_or(0) > 60,
            "preview followed the editor down (top line {top})"
        );

        // Preview → editor. The editor's own scroll events from the step above can still be
        // in flight and pull the preview back down once; scrolling the preview again until the
        // editor follows makes the step independent of that timing.
        let mut top = json!(0);
        for _ in 0..10 {
            app.js("const d = document.getElementById('preview').contentDocument; d.scrollingElement.scrollTop = d.querySelector('[data-line=\"41\"]').getBoundingClientRect().top + d.scrollingElement.scrollTop; return true").await;
            wait_until_near(app, PREVIEW_TOP_LINE, EDITOR_TOP_LINE, near).await;
            top = app.js(EDITOR_TOP_LINE).await;
            if (37..=45).contains(&top.as_i64().unwrap_or(0)) {
                break;
            }
        }
        assert!(
            (37..=45).contains(&top.as_i64().unwrap_or(0)),
            "editor followed the preview up (top line {top})"
        );

        // A click on a preview block puts the cursor on its first source line.
        app.client
            .enter_frame(0)
            .await
            .expect("enter preview frame");
        click_css(app, "[data-line=\"45\"]").await;
        app.client
            .enter_parent_frame()
            .await
            .expect("back to the window");
        app.wait_for_value(CURSOR_LINE, json!(45)).await;
    });
}

async fn wait_until_near(app: &App, a: &str, b: &str, near: impl Fn(&Value, &Value) -> bool) {
    let start = std::time::Instant::now();
    loop {
        let (x, y) = (app.js(a).await, app.js(b).await);
        if near(&x, &y) {
            return;
        }
        assert!(
            start.elapsed().as_secs() < 20,
            "scroll positions never met: {x} vs {y}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[test]
fn focus_mode_dims_all_but_the_current_paragraph() {
    on_a_new_french_piece(async |app| {
        set_body(
            app,
            "'Premier paragraphe.\\n\\nDeuxième paragraphe.\\n\\nTroisième.'",
        )
        .await;
        click(app, "toggle-focus").await;
        app.wait_for_value(
            "return document.getElementById('toggle-focus').getAttribute('aria-pressed')",
            json!("true"),
        )
        .await;
        app.js(
            "const e = window.__edito; e.focusEditor(); e.select(e.lineStart(3) + 2); return true",
        )
        .await;
        let opacities = "return [...document.querySelectorAll('.cm-line')].map(l => getComputedStyle(l).opacity)";
        app.wait_for_value(opacities, json!(["0.3", "0.3", "1", "0.3", "0.3"]))
            .await;
        click(app, "toggle-focus").await;
        app.wait_for_value(opacities, json!(["1", "1", "1", "1", "1"]))
            .await;
    });
}

#[test]
fn switching_the_language_is_remembered() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let new_label = "return document.getElementById('new-piece').textContent";
        let app = start_french(dir.path()).await;
        app.wait_for_value(new_label, json!("Nouvel article")).await;
        choose_ui_language(&app, "en").await;
        app.wait_for_value(new_label, json!("New piece")).await;
        app.wait_for_value("return document.documentElement.lang", json!("en"))
            .await;
        app.wait_for_js(
            "return document.querySelector('[data-count=\"words\"]').textContent.endsWith('words')",
        )
        .await;
        app.quit().await;

        let app = start_french(dir.path()).await;
        app.wait_for_value(new_label, json!("New piece")).await;
        app.quit().await;
    });
}

#[test]
fn quick_open_jumps_to_a_piece_by_title() {
    on_a_new_french_piece(async |app| {
        let title = app.client.find(Locator::Id("title")).await.expect("title");
        title
            .send_keys("Le budget des communes")
            .await
            .expect("type title");
        app.wait_for_js("return [...document.querySelectorAll('.piece-item__title')].some(e => e.textContent === 'Le budget des communes')").await;

        // Ctrl+P from the title field, as a writer would press it.
        title
            .send_keys(&format!("{}p{}", Key::Control, Key::Null))
            .await
            .expect("Ctrl+P");
        app.wait_for_value(
            "return document.getElementById('palette').open",
            json!(true),
        )
        .await;
        let input = app
            .client
            .find(Locator::Id("palette-input"))
            .await
            .expect("palette input");
        input.send_keys("bienv").await.expect("type query");
        app.wait_for_value(
            "return document.querySelectorAll('#palette-list [role=option]').length",
            json!(1),
        )
        .await;
        input
            .send_keys(&Key::Enter.to_string())
            .await
            .expect("Enter");
        app.wait_for_value(
            "return document.getElementById('title').value",
            json!("Bienvenue dans Edito"),
        )
        .await;
        app.wait_for_value(
            "return document.getElementById('palette').open",
            json!(false),
        )
        .await;
    });
}

#[test]
fn text_typed_just_before_closing_the_window_is_there_on_restart() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let app = start_french(dir.path()).await;
        new_piece(&app).await;
        let id = app.js("return window.__edito.current().id").await;
        type_in_body(&app, "Dernière phrase avant de fermer.").await;
        // Closed at once, well before the autosave's pause: only the close-time flush saves it.
        app.js("setTimeout(() => window.__TAURI_INTERNALS__.invoke('plugin:window|close', {label: 'main'}), 0); return window.__edito.hasUnsaved()").await;
        app.wait_closed().await;

        let app = start_french(dir.path()).await;
        app.wait_for_js(&format!(
            "return window.__edito.pieces().some(d => d.id === {id})"
        ))
        .await;
        app.js(&format!("window.__edito.open({id}); return true"))
            .await;
        app.wait_for_value(EDITOR_TEXT, json!("Dernière phrase avant de fermer."))
            .await;
        app.quit().await;
    });
}
