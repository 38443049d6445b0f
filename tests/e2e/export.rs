//! Export from the real window: the open piece to a file chosen in the file dialog (answered
//! through the debug build's `EDITO_TEST_PICKS`: native dialogs cannot be driven through
//! WebDriver), a refused export worded in French from the error's code, a path the web side
//! names itself refused, an existing file replaced only after asking, and the archive to a
//! folder with the progress bar reaching "N / N" and its site address kept in the library.

use serde_json::json;

use crate::desk::{click, new_piece, start_french, type_in_body};
use crate::harness::{answer_next_pick, run, skipped, App};
use fantoccini::Locator;

/// Opens the export dialog with Ctrl+E's action.
pub(crate) async fn open_export(app: &App) {
    app.js("window.__edito.run('export'); return true").await;
    app.wait_for_value(
        "return document.getElementById('export-dialog').open",
        json!(true),
    )
    .await;
}

/// Clicks the "Choose…" button `button` and answers its dialog with `path`, then waits for the
/// field `field` to show it.
pub(crate) async fn pick(
    app: &App,
    data_dir: &std::path::Path,
    button: &str,
    field: &str,
    path: &std::path::Path,
) {
    answer_next_pick(data_dir, &[path]);
    click(app, button).await;
    app.wait_for_value(
        &format!("return document.getElementById('{field}').value"),
        json!(path.display().to_string()),
    )
    .await;
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
fn the_open_piece_is_exported_to_a_picked_path() {
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
        pick(&app, dir.path(), "export-choose", "export-path", &file).await;
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
        pick(&app, dir.path(), "export-choose", "export-path", &file).await;
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
        // The core names the missing folder (its last component, not the whole path) and
        // what to do; the window words it in French, with no English left from the system.
        assert_eq!(
            status,
            "L'export n'a pas pu se faire : le dossier « absent » n'existe pas : \
             créez-le, ou choisissez un autre emplacement",
        );
        assert!(
            !status.contains("cannot") && !status.contains("does not"),
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
        pick(
            &app,
            dir.path(),
            "export-site-choose",
            "export-site-dir",
            &site,
        )
        .await;
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

// Regression (#13.17): export_piece, export_site and import_paths took any path from the web
// side; a script in the window could have written ~/.bashrc. A path no dialog returned is
// refused by the shell, whatever the page sends.
#[test]
fn a_path_the_page_names_itself_is_refused_by_the_shell() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("out dir");
    let target = out.path().join(".bashrc");
    run(async {
        let app = start_french(dir.path()).await;
        new_piece(&app).await;
        let script = format!(
            "const done = arguments[arguments.length - 1];
             (async () => {{
             const invoke = window.__TAURI_INTERNALS__.invoke;
             const id = window.__edito.current().id;
             const codes = [];
             for (const [cmd, args] of [
               ['export_piece', {{ id, format: 'page', path: {p}, replace: true }}],
               ['export_site', {{ outDir: {d}, status: 'all', baseUrl: null }}],
               ['import_paths', {{ paths: [{p}] }}],
             ]) {{ try {{ await invoke(cmd, args); codes.push('ok'); }} catch (e) {{ codes.push(e.code); }} }}
             done(codes);
             }})();",
            p = json!(target.display().to_string()),
            d = json!(out.path().join("site").display().to_string()),
        );
        let codes = app
            .client
            .execute_async(&script, vec![])
            .await
            .expect("invoke");
        assert_eq!(codes, json!(["not_picked", "not_picked", "not_picked"]));
        app.quit().await;
    });
    assert!(!target.exists(), "nothing written where the page asked");
    assert!(!out.path().join("site").exists());
}

// Regression (#11.4): exporting onto an existing file replaced it silently, and switching the
// format to Markdown kept the `.html` name.
#[test]
fn an_existing_file_is_replaced_only_after_asking_and_the_name_follows_the_format() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("out dir");
    let html = out.path().join("edito.html");
    let md = out.path().join("edito.md");
    std::fs::write(&md, "le fichier de quelqu'un d'autre").expect("existing file");
    run(async {
        let app = start_french(dir.path()).await;
        new_piece(&app).await;
        type_in_body(&app, "Le texte exporté.").await;
        open_export(&app).await;
        pick(&app, dir.path(), "export-choose", "export-path", &html).await;
        app.client
            .find(Locator::Css(
                "input[name='export-format'][value='markdown']",
            ))
            .await
            .expect("markdown radio")
            .click()
            .await
            .expect("choose markdown");
        app.wait_for_value(
            "return document.getElementById('export-path').value",
            json!(md.display().to_string()),
        )
        .await;
        click(&app, "export-piece").await;
        app.wait_for_js("return !document.getElementById('export-replace').hidden")
            .await;
        assert_eq!(
            std::fs::read_to_string(&md).expect("still there"),
            "le fichier de quelqu'un d'autre",
            "nothing replaced before the writer agreed"
        );
        click(&app, "export-replace").await;
        app.wait_for_js("return document.getElementById('export-status').dataset.kind === 'ok'")
            .await;
        // Edito wrote this file for this piece: exporting again does not ask again.
        click(&app, "export-piece").await;
        app.wait_for_js("return document.getElementById('export-status').dataset.kind === 'ok' && document.getElementById('export-replace').hidden")
            .await;
        app.quit().await;
    });
    let text = std::fs::read_to_string(&md).expect("exported");
    assert!(text.contains("Le texte exporté."), "{text}");
}
