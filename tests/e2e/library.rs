//! The library's panels in the real window: a tagged piece found by an accent-free search,
//! an older revision restored into the editor, and metadata that survives a restart.

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::json;

use crate::desk::{click, click_css, new_piece, on_a_new_french_piece, start_french, type_in_body};
use crate::harness::{run, skipped, App};

const EDITOR_TEXT: &str = "return window.__edito.text()";
const LIST_TITLES: &str =
    "return [...document.querySelectorAll('#piece-list .piece-item__title')].map(e => e.textContent)";
const SAVED: &str = "return document.getElementById('save-state').dataset.state";

/// Types `text` into the field `id` (after clicking it, as the writer would).
pub(crate) async fn type_into(app: &App, id: &str, text: &str) {
    let field = app
        .client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"));
    field
        .click()
        .await
        .unwrap_or_else(|e| panic!("click #{id}: {e}"));
    field
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type in #{id}: {e}"));
}

/// Opens the metadata panel unless the remembered preference already shows it.
pub(crate) async fn show_metadata(app: &App) {
    let hidden = app
        .js("return document.getElementById('metadata-panel').hidden")
        .await;
    if hidden == json!(true) {
        click(app, "toggle-metadata").await;
    }
    app.wait_for_value(
        "return document.getElementById('metadata-panel').hidden",
        json!(false),
    )
    .await;
}

/// Picks `value` in the <select> `id`.
pub(crate) async fn select(app: &App, id: &str, value: &str) {
    app.client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"))
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("select {value} in #{id}: {e}"));
}

#[test]
fn a_tagged_piece_is_found_by_a_search_without_accents() {
    on_a_new_french_piece(async |app| {
        type_into(app, "title", "L'année des dangers").await;
        type_in_body(app, "Un texte sur les risques climatiques.").await;
        app.wait_for_value(SAVED, json!("saved")).await;
        show_metadata(app).await;
        type_into(app, "meta-tag-input", &format!("Écologie{}", Key::Enter)).await;
        app.wait_for_js(
            "return document.querySelector('.tag-pill[data-tag=\"Écologie\"]') !== null",
        )
        .await;
        // The tag list counts it.
        app.wait_for_js("return document.querySelector('.tag-chip[data-tag=\"Écologie\"]')?.textContent.includes('1')")
            .await;

        // The welcome piece speaks of the year too: two accent-free words narrow it down.
        type_into(app, "library-search", "annee dangers").await;
        app.wait_for_value(LIST_TITLES, json!(["L'année des dangers"]))
            .await;
        app.wait_for_js(
            "return document.querySelector('#piece-list .piece-item__snippet mark') !== null",
        )
        .await;

        // The tag filter alone finds it too.
        app.js("const s = document.getElementById('library-search'); s.value = ''; s.dispatchEvent(new Event('input')); return true").await;
        click(app, "show-trash").await;
        click(app, "show-trash").await;
        click_css(app, ".tag-chip[data-tag=\"Écologie\"]").await;
        app.wait_for_value(LIST_TITLES, json!(["L'année des dangers"]))
            .await;
    });
}

#[test]
fn an_older_revision_is_restored_into_the_editor() {
    on_a_new_french_piece(async |app| {
        type_in_body(app, "Texte ancien.").await;
        app.wait_for_value(SAVED, json!("saved")).await;
        // Ctrl+S right after typing: a save point, which keeps the older text as a revision.
        type_in_body(
            app,
            &format!(" Ajout récent.{}s{}", Key::Control, Key::Null),
        )
        .await;
        app.wait_for_value(EDITOR_TEXT, json!("Texte ancien. Ajout récent."))
            .await;
        app.wait_for_value(SAVED, json!("saved")).await;

        click(app, "open-history").await;
        app.wait_for_js("return document.querySelector('#history-list .revision-item') !== null")
            .await;
        app.wait_for_js(
            "return document.querySelector('#history-diff ins')?.textContent.includes('Ajout')",
        )
        .await;
        click(app, "history-restore").await;
        app.wait_for_value(EDITOR_TEXT, json!("Texte ancien."))
            .await;
        app.wait_for_value(
            "return document.getElementById('history-dialog').open",
            json!(false),
        )
        .await;
    });
}

#[test]
fn metadata_edits_survive_a_restart() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let app = start_french(dir.path()).await;
        new_piece(&app).await;
        type_into(&app, "title", "Fiche complète").await;
        let id = app.js("return window.__edito.current().id").await;
        show_metadata(&app).await;
        type_into(&app, "meta-author", "Claire Dupont").await;
        type_into(&app, "meta-author-role", "Rédactrice en chef").await;
        type_into(&app, "meta-category", "Société").await;
        type_into(&app, "meta-issue", "42").await;
        type_into(&app, "meta-target", "3000").await;
        // WebKit's date field is not typed into reliably through WebDriver: set it as a
        // picker would, with the change event.
        app.js("const d = document.getElementById('meta-date'); d.value = '2026-12-01'; d.dispatchEvent(new Event('change')); return true").await;
        // The slug field holds the derived slug: replace it.
        app.client
            .find(Locator::Id("meta-slug"))
            .await
            .expect("slug")
            .clear()
            .await
            .expect("clear slug");
        type_into(&app, "meta-slug", &format!("Fiche Spéciale{}", Key::Tab)).await;
        select(&app, "meta-lang", "en").await;
        app.wait_for_js("return document.getElementById('meta-slug-note').textContent.includes('fiche-speciale')")
            .await;
        select(&app, "meta-status", "review").await;
        app.wait_for_js(&format!(
            "return window.__edito.pieces().some(p => p.id === {id} && p.status === 'review')"
        ))
        .await;
        app.wait_for_value(SAVED, json!("saved")).await;
        app.quit().await;

        let app = start_french(dir.path()).await;
        app.js(&format!("window.__edito.open({id}); return true"))
            .await;
        app.wait_for_value(
            "return document.getElementById('title').value",
            json!("Fiche complète"),
        )
        .await;
        show_metadata(&app).await;
        let fields = "return ['meta-author', 'meta-author-role', 'meta-category', 'meta-issue', 'meta-target', 'meta-date', 'meta-slug', 'meta-lang', 'meta-status'].map(id => document.getElementById(id).value)";
        app.wait_for_value(
            fields,
            json!([
                "Claire Dupont",
                "Rédactrice en chef",
                "Société",
                "42",
                "3000",
                // The French date field shows the day as the writer types it (issue #11).
                "01/12/2026",
                "fiche-speciale",
                "en",
                "review"
            ]),
        )
        .await;
        app.wait_for_value(
            "return document.querySelector('.cm-content').getAttribute('lang')",
            json!("en"),
        )
        .await;
        app.quit().await;
    });
}
