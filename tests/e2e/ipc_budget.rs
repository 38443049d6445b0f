//! What a pause in typing costs the bridge, counted in the real window through the test API's
//! IPC log (`window.__edito.ipcCalls()`): at most three calls, the body crossing at most
//! twice, no list re-read, and the head typeset once per pause in a head field.

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::desk::{on_a_new_french_piece, set_body, type_in_body};
use crate::harness::App;

/// The calls since the log held `from` entries: `[command, body chars]` pairs.
const CALLS_SINCE: &str =
    "return window.__edito.ipcCalls().slice(arguments[0]).map(c => [c.command, c.bodyChars])";
/// A pause: nothing sent for 1.5 s (the autosave waits 0.7 s, the spell check 0.5 s), and
/// nothing left to save.
const QUIET: &str = "const c = window.__edito.ipcCalls(); \
     return !window.__edito.hasUnsaved() && c.length > 0 && performance.now() - c[c.length - 1].at > 1500";

async fn calls_since(app: &App, from: &Value) -> Vec<(String, u64)> {
    let calls = app
        .client
        .execute(CALLS_SINCE, vec![from.clone()])
        .await
        .expect("read the IPC log");
    calls
        .as_array()
        .expect("a list of calls")
        .iter()
        .map(|c| {
            (
                c[0].as_str().unwrap_or_default().to_owned(),
                c[1].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

async fn log_length(app: &App) -> Value {
    app.wait_for_js(QUIET).await;
    app.js("return window.__edito.ipcCalls().length").await
}

#[test]
fn a_typing_pause_costs_three_calls_and_two_crossings_of_the_body() {
    on_a_new_french_piece(async |app| {
        set_body(
            app,
            "'Premier paragraphe du texte.\\n\\nSecond paragraphe.'",
        )
        .await;
        let from = log_length(app).await;

        // One keystroke, then a pause.
        type_in_body(app, "x").await;
        app.wait_for_js(QUIET).await;
        let calls = calls_since(app, &from).await;
        let names: Vec<&str> = calls.iter().map(|(c, _)| c.as_str()).collect();
        assert!(
            calls.len() <= 3,
            "a pause after one keystroke cost {} calls: {names:?}",
            calls.len()
        );
        let crossings = calls.iter().filter(|(_, chars)| *chars > 0).count();
        assert!(
            crossings <= 2,
            "the body crossed the bridge {crossings} times: {calls:?}"
        );
        assert_eq!(
            names.iter().filter(|c| **c == "save_piece").count(),
            1,
            "one save per pause: {names:?}"
        );
        assert!(
            names.contains(&"render_preview"),
            "the keystroke was previewed: {names:?}"
        );

        // A word: every keystroke may be previewed, but the pause itself adds only the spell
        // check and the save, and no list is read again.
        let from = log_length(app).await;
        type_in_body(app, " mots").await;
        app.wait_for_js(QUIET).await;
        let calls = calls_since(app, &from).await;
        let others: Vec<&str> = calls
            .iter()
            .map(|(c, _)| c.as_str())
            .filter(|c| *c != "render_preview")
            .collect();
        assert!(
            others.len() <= 2 && others.iter().filter(|c| **c == "save_piece").count() == 1,
            "a pause after a word cost {others:?} besides the renders"
        );

        // A title typed: the head is typeset once for the pause, not once per keystroke.
        let from = log_length(app).await;
        app.client
            .find(Locator::Id("title"))
            .await
            .expect("title")
            .send_keys("Titre")
            .await
            .expect("type a title");
        app.wait_for_js(QUIET).await;
        let calls = calls_since(app, &from).await;
        let names: Vec<&str> = calls.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            names.iter().filter(|c| **c == "preview_page").count(),
            1,
            "{names:?}"
        );
        assert_eq!(
            names.iter().filter(|c| **c == "save_piece").count(),
            1,
            "{names:?}"
        );
        // The sidebar row follows the save without a list being read.
        assert!(
            !names.iter().any(|c| c.starts_with("list_")),
            "a save re-read a list: {names:?}"
        );
        app.wait_for_js(
            "return [...document.querySelectorAll('.piece-item[aria-current=true] .piece-item__title')].some(e => e.textContent === 'Titre')",
        )
        .await;
        assert_eq!(
            app.js("return window.__edito.current().title").await,
            json!("Titre")
        );
    });
}
