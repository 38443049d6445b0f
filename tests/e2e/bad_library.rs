//! The real window on a library it cannot open (#13.18): damaged, from a newer Edito, locked
//! by another process. The window starts (never blank, never a panic), says what is wrong in
//! the UI's language and, for a damaged file, restores the newest backup itself.

use std::path::Path;

use edito::library::NewPiece;
use edito::library::PieceFields;
use edito::Library;
use serde_json::json;

use crate::desk::{click, FRENCH};
use crate::harness::{run, skipped, App};

/// A library with one piece, "L'édito sauvé", saying `body`, and a backup of it.
pub fn library_with_backup(dir: &Path, body: &str) {
    let library = Library::open_in(dir).expect("open");
    library
        .create_piece(&NewPiece {
            fields: PieceFields {
                title: "L'édito sauvé".into(),
                body: body.into(),
                ..PieceFields::default()
            },
            ..NewPiece::default()
        })
        .expect("create");
    library.backup_now().expect("backup");
}

/// Starts the app and waits for the library problem to be shown; returns the app and the text.
async fn start_on_bad_library(dir: &Path) -> (App, String) {
    let app = App::start_with(dir, FRENCH).await;
    app.wait_for_js("return !document.getElementById('library-problem').hidden")
        .await;
    let text = app
        .js("return document.getElementById('library-problem-text').textContent")
        .await;
    (app, text.as_str().unwrap_or_default().to_owned())
}

/// The window's language (fr, or en when the machine lacks the French locale).
async fn lang(app: &App) -> String {
    let lang = app.js("return document.documentElement.lang").await;
    lang.as_str().unwrap_or("fr").to_owned()
}

// Regression (#13.18): a damaged library made the shell's setup fail: no window at all.
#[test]
fn a_damaged_library_is_shown_in_the_window_and_its_backup_restored() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    library_with_backup(dir.path(), "Le texte de la sauvegarde.");
    let file = dir.path().join("library.db");
    let mut bytes = std::fs::read(&file).expect("read");
    for byte in bytes.iter_mut().skip(4096) {
        *byte = 0xA5;
    }
    std::fs::write(&file, bytes).expect("damage");
    run(async {
        let (app, text) = start_on_bad_library(dir.path()).await;
        // Damaged pages past the first: SQLite calls it damaged or not a database at all.
        let expected: &[&str] = if lang(&app).await == "fr" {
            &["endommagée", "n'est pas une bibliothèque"]
        } else {
            &["damaged", "is not an Edito library"]
        };
        assert!(expected.iter().any(|e| text.contains(e)), "{text}");
        assert!(
            !text.contains(&dir.path().display().to_string()),
            "no folders: {text}"
        );
        assert_eq!(
            app.js("return document.activeElement.id").await,
            json!("library-problem-restore"),
            "the way out has the focus"
        );
        click(&app, "library-problem-restore").await;
        // The window reloads on the restored library and opens a piece.
        app.wait_for_js("return document.getElementById('library-problem').hidden && document.getElementById('title').value !== ''")
            .await;
        app.quit().await;
    });
    let kept_aside = std::fs::read_dir(dir.path().join("backups"))
        .expect("backups")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .any(|name| name.starts_with("library-before-restore-"));
    assert!(kept_aside, "the damaged file is kept aside, never deleted");
    let library = Library::open_in(dir.path()).expect("the restored library opens");
    let bodies: Vec<String> = library
        .list_pieces(&Default::default())
        .expect("list")
        .into_iter()
        .map(|p| library.get_piece(p.id).expect("piece").fields.body)
        .collect();
    assert!(
        bodies.iter().any(|b| b == "Le texte de la sauvegarde."),
        "{bodies:?}"
    );
}

#[test]
fn a_library_from_a_newer_edito_is_shown_with_the_update_advice() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    library_with_backup(dir.path(), "texte");
    let conn = rusqlite::Connection::open(dir.path().join("library.db")).expect("sqlite");
    conn.pragma_update(None, "user_version", 99)
        .expect("newer schema");
    drop(conn);
    run(async {
        let (app, text) = start_on_bad_library(dir.path()).await;
        let expected = if lang(&app).await == "fr" {
            "mettez Edito à jour"
        } else {
            "update Edito"
        };
        assert!(text.contains(expected), "{text}");
        assert!(text.contains("99"), "{text}");
        assert_eq!(
            app.js("return document.getElementById('library-problem-restore').hidden")
                .await,
            json!(true),
            "a newer library is not damaged: no restore offered"
        );
        app.quit().await;
    });
}

#[test]
fn a_library_locked_by_another_process_is_shown_as_busy() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    library_with_backup(dir.path(), "texte");
    // Another program holds the file exclusively for the whole start.
    let conn = rusqlite::Connection::open(dir.path().join("library.db")).expect("sqlite");
    conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .expect("lock");
    run(async {
        let (app, text) = start_on_bad_library(dir.path()).await;
        let expected = if lang(&app).await == "fr" {
            "occupée"
        } else {
            "busy"
        };
        assert!(text.contains(expected), "{text}");
        app.quit().await;
    });
    drop(conn);
}
