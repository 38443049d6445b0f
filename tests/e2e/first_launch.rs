//! The first launch: the welcome piece on a new library, a new piece typed in the real window,
//! previewed in bold, and still there after the app is restarted.

use fantoccini::Locator;
use serde_json::json;

use crate::harness::{run, skipped, App};

const PIECE_TITLES: &str =
    "return [...document.querySelectorAll('.piece-item__title')].map(e => e.textContent)";
const PREVIEW_HTML: &str =
    "return document.getElementById('preview').contentDocument.body.innerHTML";

#[test]
fn piece_typed_in_the_window_survives_a_restart() {
    if skipped() {
        return;
    }
    let data_dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let app = App::start(data_dir.path()).await;
        app.wait_for_value(PIECE_TITLES, json!(["Bienvenue dans Edito"]))
            .await;
        // The welcome piece is open and previewed.
        app.wait_for_js(&format!("{PREVIEW_HTML}.includes('<h2')"))
            .await;

        app.client
            .find(Locator::Id("new-piece"))
            .await
            .expect("button")
            .click()
            .await
            .expect("click");
        app.wait_for_value(&format!("{PIECE_TITLES}.length"), json!(2))
            .await;
        app.wait_for_value("return document.getElementById('title').value", json!(""))
            .await;

        let title = app
            .client
            .find(Locator::Id("title"))
            .await
            .expect("title field");
        title
            .send_keys("Mon premier édito")
            .await
            .expect("type title");
        let body = app
            .client
            .find(Locator::Css(".cm-content"))
            .await
            .expect("editor");
        body.click().await.expect("focus editor");
        body.send_keys("Un mot en **gras** ici.")
            .await
            .expect("type body");

        app.wait_for_js(&format!("{PREVIEW_HTML}.includes('<strong>gras</strong>')"))
            .await;
        app.wait_for_value(
            "return document.getElementById('save-state').dataset.state",
            json!("saved"),
        )
        .await;
        app.wait_for_js(&format!("{PIECE_TITLES}.includes('Mon premier édito')"))
            .await;
        app.quit().await;

        let app = App::start(data_dir.path()).await;
        // Most recent first, and no second welcome piece.
        app.wait_for_value(
            PIECE_TITLES,
            json!(["Mon premier édito", "Bienvenue dans Edito"]),
        )
        .await;
        app.wait_for_value(
            "return document.getElementById('title').value",
            json!("Mon premier édito"),
        )
        .await;
        app.wait_for_value(
            "return document.querySelector('.cm-content').innerText.trim()",
            json!("Un mot en **gras** ici."),
        )
        .await;
        app.wait_for_js(&format!("{PREVIEW_HTML}.includes('<strong>gras</strong>')"))
            .await;
        app.quit().await;
    });
}
