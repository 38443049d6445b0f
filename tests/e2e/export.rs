//! Export from the real window: the open piece to a file whose path is typed in the dialog
//! (native pickers cannot be driven through WebDriver), a refused export worded in French from
//! the error's code, and the archive to a folder with the progress bar reaching "N / N" and its
//! site address kept in the library.

use serde_json::json;

use crate::desk::{click, new_piece, start_french, type_in_body};
use crate::harness::{run, skipped, App};
use fantoccini::Locator;

/// Opens the export dialog with Ctrl+E's action.
async fn open_export(app: &App) {
    app.js("window.__edito.run('export'); return true").await;
    app.wait_for_value(
        "return document.getElementById('export-dialog').open",
        json!(true),
    )
    .await;
}

async fn type_path(app: &App, id: &str, path: &std::path::Path) {
    type_text(app, id, &path.display().to_string()).await;
}

/// Replaces the text of the field `id`.
async fn type_text(app: &App, id: &str, text: &str) {
    let field = app
        .client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"));
    field.clear().await.expect("clear field");
    field.send_keys(text).await.expect("type text");
}

#[test]
fn the_open_piece_is_exported_to_a_typed_path() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("out dir");
    let file = out.path().join("mon-article.html");
    run(async {
        let app = start_french(dir.path()).await;
        new_piece(&app).await;
        type_in_body(&app, "Un article à **publier**.").await;
        open_export(&app).await;
        type_path(&app, "export-path", &file).await;
        click(&app, "export-piece").await;
        app.wait_for_js("return document.getElementById('export-status').textContent.includes('mon-article.html')")
            .await;
        app.quit().await;
    });
    let html = std::fs::read_to_string(&file).expect("the exported file exists");
    assert!(
        html.contains("<article"),
        "a full page with its article: {html}"
    );
    assert!(html.contains("publier"), "the piece's text is in it");
}

/// The core's message is English with CLI advice; the French window must show its own words,
/// built from the code and the file's name, and never the folders above it.
#[test]
fn a_refused_export_is_worded_in_the_window_language() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("out dir");
    let file = out.path().join("absent").join("mon-article.html");
    run(async {
        let app = start_french(dir.path()).await;
        new_piece(&app).await;
        open_export(&app).await;
        type_path(&app, "export-path", &file).await;
        click(&app, "export-piece").await;
        app.wait_for_value(
            "return document.getElementById('export-status').dataset.kind",
            json!("error"),
        )
        .await;
        let status = app
            .js("return document.getElementById('export-status').textContent")
            .await;
        let status = status.as_str().expect("text");
        assert!(
            status.starts_with(
                "L'export n'a pas pu se faire : impossible de créer « mon-article.html"
            ),
            "{status}"
        );
        assert!(status.contains("le dossier n'existe pas"), "{status}");
        assert!(
            !status.contains("absent") && !status.contains("cannot"),
            "{status}"
        );
        app.quit().await;
    });
}

#[test]
fn the_archive_is_exported_to_a_folder_with_progress() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("out dir");
    let site = out.path().join("site");
    run(async {
        let app = start_french(dir.path()).await;
        open_export(&app).await;
        type_path(&app, "export-site-dir", &site).await;
        app.client
            .find(Locator::Id("export-site-status"))
            .await
            .expect("status")
            .select_by_value("all")
            .await
            .expect("all pieces");
        type_text(&app, "export-base-url", "https://exemple.fr/archives/").await;
        click(&app, "export-site-run").await;
        app.wait_for_js("return !document.getElementById('export-open-folder').hidden")
            .await;
        // The bar ended full: "N / N".
        app.wait_for_js("const [d, n] = document.getElementById('export-progress-text').textContent.split(' / '); return d === n && Number(n) > 0")
            .await;
        app.quit().await;

        // The address is the library's now: a new session's dialog shows it again.
        let app = start_french(dir.path()).await;
        open_export(&app).await;
        app.wait_for_value(
            "return document.getElementById('export-base-url').value",
            json!("https://exemple.fr/archives/"),
        )
        .await;
        app.quit().await;
    });
    assert!(site.join("index.html").is_file(), "index.html written");
    assert!(site.join("feed.xml").is_file(), "feed.xml written");
    let feed = std::fs::read_to_string(site.join("feed.xml")).expect("feed");
    assert!(
        feed.contains("https://exemple.fr/archives/"),
        "the feed's address is the one typed"
    );
}
