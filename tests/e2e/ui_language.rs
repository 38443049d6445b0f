//! The UI's starting language in the real window, from the process's own locale (the shell
//! passes it to the page; WebKitGTK's `navigator.language` is wrong for some locales).

use serde_json::json;

use crate::harness::{run, skipped, App};

const NEW_PIECE: &str = "return document.getElementById('new-piece').innerText.trim()";

// Regression (issue #13): under `LC_ALL=C`, or any locale not installed, WebKitGTK 2.50
// reports "en-US", so the desk of a French magazine started in English.
#[test]
fn the_window_is_french_under_lc_all_c() {
    if skipped() {
        return;
    }
    let data_dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let app =
            App::start_with(data_dir.path(), &[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")]).await;
        app.wait_for_value(NEW_PIECE, json!("Nouvel article")).await;
        app.wait_for_value("return document.documentElement.lang", json!("fr"))
            .await;
        app.quit().await;
    });
}

// The other direction: an English system still gets English (LC_ALL empty counts as unset).
#[test]
fn the_window_is_english_under_an_english_lang() {
    if skipped() {
        return;
    }
    let data_dir = tempfile::tempdir().expect("temp dir");
    run(async {
        let app = App::start_with(
            data_dir.path(),
            &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "en_US.UTF-8")],
        )
        .await;
        app.wait_for_value(NEW_PIECE, json!("New piece")).await;
        app.wait_for_value("return document.documentElement.lang", json!("en"))
            .await;
        app.quit().await;
    });
}
