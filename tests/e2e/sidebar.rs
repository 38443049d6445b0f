//! The library sidebar in the real window: a tag renamed from its "…" button (sidebar, filter
//! and the open piece's tags follow, and the library keeps it), and the publication-date range
//! filter, a reversed range explained instead of an empty list.

use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::json;

use crate::desk::{click, click_css, new_piece, start_french, type_in_body};
use crate::harness::{run, skipped, App};
use crate::library::{show_metadata, type_into};

const LIST_TITLES: &str =
    "return [...document.querySelectorAll('#piece-list .piece-item__title')].map(e => e.textContent)";
const SAVED: &str = "return document.getElementById('save-state').dataset.state";
const CHIPS_FN: &str =
    "function () { return [...document.querySelectorAll('.tag-chip')].map(c => c.dataset.tag); }";
const PILLS: &str =
    "return [...document.querySelectorAll('#meta-tags .tag-pill')].map(p => p.dataset.tag)";

/// Sets the date input `id` as its picker would (WebKit's date field is not typed into
/// reliably through WebDriver), with the change event the UI listens to.
async fn set_date(app: &App, id: &str, day: &str) {
    app.js(&format!(
        "const d = document.getElementById('{id}'); d.value = '{day}'; \
         d.dispatchEvent(new Event('change')); return true"
    ))
    .await;
}

/// A new piece titled `title` with a short body, saved.
async fn write_piece(app: &App, title: &str) {
    new_piece(app).await;
    type_into(app, "title", title).await;
    type_in_body(app, "Quelques lignes.").await;
    app.wait_for_value(SAVED, json!("saved")).await;
}

#[test]
fn a_renamed_tag_updates_the_sidebar_and_the_open_piece() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let app = start_french(dir.path()).await;
        write_piece(&app, "Les municipales").await;
        let id = app.js("return window.__edito.current().id").await;
        show_metadata(&app).await;
        type_into(&app, "meta-tag-input", &format!("Politique{}", Key::Enter)).await;
        app.wait_for_js(
            "return document.querySelector('.tag-chip[data-tag=\"Politique\"]') !== null",
        )
        .await;

        // The keyboard way in: focus the tag's "…" button and press Enter.
        app.client
            .find(Locator::Css(".tag-edit[data-tag=\"Politique\"]"))
            .await
            .expect("tag edit button")
            .send_keys(&Key::Enter.to_string())
            .await
            .expect("open the tag dialog");
        app.wait_for_value(
            "return document.getElementById('tag-dialog').open",
            json!(true),
        )
        .await;
        app.wait_for_value(
            "return document.getElementById('tag-rename-input').value",
            json!("Politique"),
        )
        .await;
        let field = app
            .client
            .find(Locator::Id("tag-rename-input"))
            .await
            .expect("rename field");
        field.clear().await.expect("clear the old name");
        field
            .send_keys(&format!("Vie politique{}", Key::Enter))
            .await
            .expect("type the new name");

        app.wait_for_value(
            "return document.getElementById('tag-dialog').open",
            json!(false),
        )
        .await;
        // The welcome piece's own tag stays; the old name is gone.
        app.wait_for_js(&format!(
            "const c = ({}).call(); return c.includes('Vie politique') && !c.includes('Politique')",
            CHIPS_FN
        ))
        .await;
        app.wait_for_value(PILLS, json!(["Vie politique"])).await;
        app.wait_for_js(
            "return document.getElementById('library-message').textContent.includes('Vie politique')",
        )
        .await;

        // The library kept it: the piece read again carries the new name, the tag filter finds it.
        app.js(&format!("window.__edito.open({id}); return true"))
            .await;
        app.wait_for_value(
            "return window.__edito.current().tags",
            json!(["Vie politique"]),
        )
        .await;
        click_css(&app, ".tag-chip[data-tag=\"Vie politique\"]").await;
        app.wait_for_value(LIST_TITLES, json!(["Les municipales"]))
            .await;
        app.quit().await;
    });
}

#[test]
fn the_library_filters_by_a_publication_date_range() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let app = start_french(dir.path()).await;
        show_metadata(&app).await;
        write_piece(&app, "Printemps").await;
        set_date(&app, "meta-date", "2026-03-10").await;
        write_piece(&app, "Été").await;
        set_date(&app, "meta-date", "2026-07-14").await;
        app.js("return window.__edito.flush().then(() => true)")
            .await;
        app.wait_for_value(SAVED, json!("saved")).await;

        set_date(&app, "filter-from", "2026-06-01").await;
        app.wait_for_value(LIST_TITLES, json!(["Été"])).await;

        // A range that ends before it starts is explained, not answered with an empty list.
        set_date(&app, "filter-to", "2026-05-01").await;
        app.wait_for_js(
            "const e = document.getElementById('filter-dates-error'); \
             return !e.hidden && e.textContent.includes('après la date de fin')",
        )
        .await;
        app.wait_for_value(LIST_TITLES, json!([])).await;

        set_date(&app, "filter-from", "2026-01-01").await;
        app.wait_for_value(LIST_TITLES, json!(["Printemps"])).await;
        app.wait_for_value(
            "return document.getElementById('filter-dates-error').hidden",
            json!(true),
        )
        .await;

        // Combined with the full-text search, then everything cleared at once.
        // Both pieces say "lignes": the range keeps one.
        type_into(&app, "library-search", "lignes").await;
        app.wait_for_js(
            "return document.querySelector('#piece-list .piece-item__snippet mark') !== null",
        )
        .await;
        app.wait_for_value(LIST_TITLES, json!(["Printemps"])).await;
        click(&app, "clear-filters").await;
        app.wait_for_js(
            "const t = [...document.querySelectorAll('#piece-list .piece-item__title')].map(e => e.textContent); \
             return t.includes('Printemps') && t.includes('Été')",
        )
        .await;
        app.wait_for_value(
            "return ['library-search', 'filter-from', 'filter-to'].map(id => document.getElementById(id).value)",
            json!(["", "", ""]),
        )
        .await;
        app.quit().await;
    });
}
