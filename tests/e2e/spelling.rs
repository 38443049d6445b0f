//! Spell checking in the real window: a French piece opened with misspelt words is marked
//! without typing (the core's checker, in the piece's language: an English word is marked
//! too), and a suggestion chosen from the Ctrl+. menu replaces the word and is saved.

use std::path::Path;

use edito::library::PieceFields;
use edito::{Library, NewPiece};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::json;

use crate::desk::{press_in_editor, set_body, start_french};
use crate::harness::{run, skipped, App};

const TITLE: &str = "Orthographe";
const BODY: &str = "Le gouvernment a dit welcome aux lecteurs.\n\nUn paragraphe juste.";
const MARKED: &str =
    "return [...document.querySelectorAll('.cm-misspelt')].map(e => e.textContent).join(',')";
const EDITOR_TEXT: &str = "return window.__edito.text()";

/// A library whose most recent piece holds two words the French dictionary does not know.
fn seed(dir: &Path) -> i64 {
    let library = Library::open_in(dir).expect("open library");
    // The welcome piece first, so the one under test is the newest and opens at start.
    library.offer_welcome_piece().expect("welcome piece");
    let new = NewPiece {
        fields: PieceFields {
            title: TITLE.into(),
            body: BODY.into(),
            ..PieceFields::default()
        },
        ..NewPiece::default()
    };
    library.create_piece(&new).expect("create piece").id
}

/// Seeds the library in `dir`, starts the app in French and opens the piece under test.
async fn start_on_seeded_piece(dir: &Path) -> (App, i64) {
    let id = seed(dir);
    let app = start_french(dir).await;
    open_piece(&app, id).await;
    (app, id)
}

/// Opens piece `id` if the desk opened another one.
async fn open_piece(app: &App, id: i64) {
    let current = app.js("return window.__edito.current().id").await;
    if current != json!(id) {
        app.js(&format!("window.__edito.open({id}); return true"))
            .await;
    }
    app.wait_for_value(
        "return document.getElementById('title').value",
        json!(TITLE),
    )
    .await;
}

#[test]
fn spelling_marks_a_piece_on_open_and_applies_a_suggestion() {
    if skipped() {
        return;
    }
    run(async {
        let dir = tempfile::tempdir().expect("temp dir");
        let (app, id) = start_on_seeded_piece(dir.path()).await;

        // Marked without a keystroke; `welcome` passes WebKit's checker (it knows English
        // too) but not this French piece's dictionary.
        app.wait_for_value(MARKED, json!("gouvernment,welcome"))
            .await;
        assert_eq!(
            app.js("return document.querySelector('.cm-content').getAttribute('spellcheck')")
                .await,
            json!("false"),
            "the webview's own checker must stay off the body"
        );

        // Cursor in the word, then Ctrl+. as a writer would press it.
        app.js("window.__edito.focusEditor(); window.__edito.select(6); return true")
            .await;
        press_in_editor(&app, &format!("{}.{}", Key::Control, Key::Null)).await;
        let choice = app
            .client
            .wait()
            .for_element(Locator::XPath(
                "//button[@role='menuitem' and text()='gouvernement']",
            ))
            .await
            .expect("the suggestion `gouvernement` in the menu");
        choice.click().await.expect("choose the suggestion");

        app.wait_for_value(
            EDITOR_TEXT,
            json!(BODY.replace("gouvernment", "gouvernement")),
        )
        .await;
        app.wait_for_value(MARKED, json!("welcome")).await;
        // The replacement is an edit like any other: it reaches the library.
        app.wait_for_value(
            "return document.getElementById('save-state').dataset.state",
            json!("saved"),
        )
        .await;
        app.quit().await;
        let library = Library::open_in(dir.path()).expect("reopen library");
        let saved = library.get_piece(id).expect("piece");
        assert!(
            saved.fields.body.starts_with("Le gouvernement a dit"),
            "{}",
            saved.fields.body
        );
    });
}

/// Marks of words far apart in a long piece survive CodeMirror drawing only what is on screen:
/// scrolled away and back, each word is marked again (WebKit's own marks were lost there).
#[test]
fn spelling_marks_survive_scrolling_a_long_piece() {
    if skipped() {
        return;
    }
    run(async {
        let dir = tempfile::tempdir().expect("temp dir");
        let (app, _) = start_on_seeded_piece(dir.path()).await;
        set_body(
            &app,
            "'Le gouvernment a parlé.\\n\\n' + \
             Array(300).fill('Un paragraphe juste, écrit pour remplir la page.').join('\\n\\n') + \
             '\\n\\nEnfin, lannée se termine.'",
        )
        .await;
        let scroll_to =
            |fraction: &str| format!("window.__edito.scrollToFraction({fraction}); return true");
        app.wait_for_value(MARKED, json!("gouvernment")).await;
        // The cursor goes to the end: CodeMirror always draws the cursor's line, and the first
        // line must be dropped from the page and drawn again.
        app.js("window.__edito.select(window.__edito.text().length); return true")
            .await;
        app.js(&scroll_to("1")).await;
        app.wait_for_value(MARKED, json!("lannée")).await;
        app.js(&scroll_to("0")).await;
        // Back at the top the first word is drawn and marked again (the cursor's line, at the
        // end, stays drawn too).
        app.wait_for_value(MARKED, json!("gouvernment,lannée"))
            .await;
        app.quit().await;
    });
}
