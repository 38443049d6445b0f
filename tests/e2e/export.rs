//! Export from the real window: the open piece to a file whose path is typed in the dialog
//! (native pickers cannot be driven through WebDriver), and the archive to a folder with the
//! progress bar reaching "N / N".

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
    let field = app
        .client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"));
    field.clear().await.expect("clear path");
    field
        .send_keys(&path.display().to_string())
        .await
        .expect("type path");
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
        click(&app, "export-site-run").await;
        app.wait_for_js("return !document.getElementById('export-open-folder').hidden")
            .await;
        // The bar ended full: "N / N".
        app.wait_for_js("const [d, n] = document.getElementById('export-progress-text').textContent.split(' / '); return d === n && Number(n) > 0")
            .await;
        app.quit().await;
    });
    assert!(site.join("index.html").is_file(), "index.html written");
    assert!(site.join("feed.xml").is_file(), "feed.xml written");
}
