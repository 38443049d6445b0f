//! The real window on a library it can only read (#13.18: a read-only medium, which stops
//! root too, made by a read-only bind mount in a private namespace), and "Choisir un autre
//! dossier", the way out the library-problem view offers: a folder chosen in the shell's
//! dialog, opened or created, remembered in the config dir for the next launches.

use std::path::Path;

use edito::Library;
use serde_json::json;

use crate::bad_library::library_with_backup;
use crate::desk::{click, type_in_body, FRENCH};
use crate::harness::{answer_next_pick, read_only_mount, run, skipped, App};

const BODY: &str = "Le texte intact.";
const PROBLEM_SHOWN: &str = "return !document.getElementById('library-problem').hidden";
const PROBLEM_TEXT: &str = "return document.getElementById('library-problem-text').textContent";
const PIECE_TITLES: &str =
    "return [...document.querySelectorAll('.piece-item__title')].map(e => e.textContent)";
const BODY_TEXT: &str = "return window.__edito.text()";

/// Saves a screenshot of the window as `<temp dir>/edito-e2e-<name>.png`, for a person to look
/// at what the test checked in words.
async fn shot(app: &App, name: &str) {
    // WebKitGTK under Xvfb hands WebDriver its last composited frame, which can be a step
    // behind: the first picture wakes the compositor, the second, after a pause, is current.
    let _ = app.client.screenshot().await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let png = app.client.screenshot().await.expect("screenshot");
    let saved = std::env::temp_dir().join(format!("edito-e2e-{name}.png"));
    std::fs::write(&saved, png).expect("save the screenshot");
    eprintln!("screenshot: {}", saved.display());
}

/// The bodies of every piece in the library in `dir`.
fn bodies(dir: &Path) -> Vec<String> {
    let library = Library::open_in(dir).expect("open");
    library
        .list_pieces(&Default::default())
        .expect("list")
        .into_iter()
        .map(|p| library.get_piece(p.id).expect("piece").fields.body)
        .collect()
}

// Regression (#13.18): a library on a read-only medium had never been tried in the window
// (tests run as root, whom permissions do not stop). The app must start, say in the UI's
// language that nothing can be saved and what to do, show the pieces read-only, and never
// drop a typed change silently: the save fails visibly and the text stays in the editor.
#[test]
fn a_read_only_library_is_shown_read_only_and_typing_is_never_silently_dropped() {
    if skipped() {
        return;
    }
    let home = tempfile::tempdir().expect("temp dir");
    let library_dir = home.path().join("bibliotheque");
    library_with_backup(&library_dir, BODY);
    let Some(wrapper) = read_only_mount(&library_dir) else {
        return;
    };
    let library_env = library_dir.display().to_string();
    let mut env = FRENCH.to_vec();
    env.push(("EDITO_DATA_DIR", &library_env));
    run(async {
        let app = App::start_wrapped(home.path(), &env, &wrapper).await;
        app.wait_for_js(PROBLEM_SHOWN).await;
        let text = app.js(PROBLEM_TEXT).await;
        let text = text.as_str().unwrap_or_default();
        assert!(text.contains("lecture seule"), "{text}");
        assert!(text.contains("choisissez un autre dossier"), "{text}");
        assert!(!text.contains(&library_env), "no folders: {text}");
        shot(&app, "read-only-notice").await;
        // The pieces are there to read.
        app.wait_for_value(PIECE_TITLES, json!(["L'édito sauvé"]))
            .await;
        app.wait_for_value(BODY_TEXT, json!(BODY)).await;
        assert_eq!(
            app.js("return document.activeElement.id").await,
            json!("library-problem-read"),
            "going on reading has the focus"
        );
        click(&app, "library-problem-read").await;
        app.wait_for_js("return document.getElementById('library-problem').hidden")
            .await;

        type_in_body(&app, " Ajouté").await;
        app.wait_for_value(
            "return document.getElementById('save-state').dataset.state",
            json!("error"),
        )
        .await;
        let said = app
            .js("return document.getElementById('save-state').innerText")
            .await;
        let said = said.as_str().unwrap_or_default();
        assert!(
            said.contains("lecture seule") && said.contains("votre texte est conservé"),
            "{said}"
        );
        app.wait_for_value(BODY_TEXT, json!(format!("{BODY} Ajouté")))
            .await;
        shot(&app, "read-only-save-failed").await;

        // Regression (#13): closing the window while the last save failed refused silently
        // (no word, a window that could never close). It now asks, staying being the default,
        // and staying keeps the text.
        app.js("setTimeout(() => window.__TAURI_INTERNALS__.invoke('plugin:window|close', {label: 'main'}), 0); return true").await;
        app.wait_for_value(
            "return document.getElementById('confirm-dialog').open",
            json!(true),
        )
        .await;
        let asked = app
            .js("return document.getElementById('confirm-dialog').innerText")
            .await;
        let asked = asked.as_str().unwrap_or_default();
        assert!(
            asked.contains("n'ont pas pu être enregistrées")
                && asked.contains("lecture seule")
                && asked.contains("Fermer sans enregistrer"),
            "{asked}"
        );
        assert_eq!(
            app.js("return document.activeElement.id").await,
            json!("confirm-cancel"),
            "staying has the focus"
        );
        shot(&app, "read-only-close-asked").await;
        click(&app, "confirm-cancel").await;
        app.wait_for_value(BODY_TEXT, json!(format!("{BODY} Ajouté")))
            .await;
        app.quit().await;
    });
    assert_eq!(bodies(&library_dir), [BODY], "nothing on disk changed");
}

// #13.18: the library-problem view's way out for any library the window cannot use: another
// folder, chosen in the shell's dialog, opened (created when empty) without a restart and
// remembered for the next launches, outside the library (the config dir).
#[test]
fn another_folder_chosen_from_the_problem_view_is_opened_and_remembered() {
    if skipped() {
        return;
    }
    let home = tempfile::tempdir().expect("temp dir");
    let damaged = home.path().join("abimee");
    std::fs::create_dir_all(&damaged).expect("folder");
    std::fs::write(damaged.join("library.db"), vec![0xA5; 8192]).expect("not a library");
    let other = home.path().join("nouvelle");
    std::fs::create_dir_all(&other).expect("folder");
    let damaged_env = damaged.display().to_string();
    let mut env = FRENCH.to_vec();
    env.push(("EDITO_DATA_DIR", &damaged_env));
    run(async {
        let app = App::start_with(home.path(), &env).await;
        app.wait_for_js(PROBLEM_SHOWN).await;
        assert_eq!(
            app.js("return document.getElementById('library-problem-choose').innerText.trim()")
                .await,
            json!("Choisir un autre dossier")
        );
        answer_next_pick(home.path(), &[&other]);
        click(&app, "library-problem-choose").await;
        // The window reloads onto the new, empty library: its welcome piece, saved there.
        app.wait_for_value(PIECE_TITLES, json!(["Bienvenue dans Edito"]))
            .await;
        app.wait_for_js("return document.getElementById('library-problem').hidden")
            .await;
        type_in_body(&app, " Écrit ailleurs.").await;
        app.wait_for_value(
            "return document.getElementById('save-state').dataset.state",
            json!("saved"),
        )
        .await;
        app.quit().await;
    });
    assert!(
        bodies(&other)
            .iter()
            .any(|b| b.ends_with(" Écrit ailleurs.")),
        "the text was saved in the chosen folder"
    );
    let remembered = std::fs::read_to_string(home.path().join("xdg-config/edito/library-folder"))
        .expect("the choice is remembered in the config dir");
    assert_eq!(remembered.trim_end(), other.display().to_string());
    // The next launch, without EDITO_DATA_DIR, opens the chosen folder.
    run(async {
        let mut env = FRENCH.to_vec();
        env.push(("EDITO_DATA_DIR", ""));
        let app = App::start_with(home.path(), &env).await;
        app.wait_for_value(PIECE_TITLES, json!(["Bienvenue dans Edito"]))
            .await;
        app.wait_for_js("return window.__edito.text().endsWith(' Écrit ailleurs.')")
            .await;
        assert_eq!(app.js(PROBLEM_SHOWN).await, json!(false));
        app.quit().await;
    });
}
