//! Editing the texts of an image already in the text, in the real window (issue #14): the
//! tester could change an image's alt text, caption and credit only by choosing it again as
//! the lead image. With the cursor on the image, Ctrl+Alt+G opens the dialog on it: the real
//! shell's `image_record` fills it, the alt text is rewritten in the Markdown, and the new
//! caption reaches the preview through the shell's resolver (its cache dropped by
//! `describe_image`).

use fantoccini::key::Key;
use serde_json::json;

use crate::desk::{click, new_piece, press_in_editor, start_french, type_in_body};
use crate::harness::{run, skipped};
use crate::images::{describe_and_insert, dialog_ready, drop_file, fill, write_png};

#[test]
fn an_image_in_the_text_is_edited_in_place_and_its_caption_reaches_the_preview() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let originals = tempfile::tempdir().expect("originals");
    let photo = originals.path().join("quai.png");
    write_png(&photo, 120, 80);
    run(async {
        let app = start_french(dir.path()).await;
        new_piece(&app).await;
        type_in_body(&app, "Premier paragraphe.").await;
        drop_file(&app, &photo).await;
        describe_and_insert(&app, "Vue", "Le quai", "").await;
        // The cursor on the image, then the button's shortcut: the dialog on that image.
        app.js("const t = window.__edito.text(); window.__edito.select(t.indexOf('![Vue]') + 3)")
            .await;
        press_in_editor(&app, &format!("{}{}g{}", Key::Control, Key::Alt, Key::Null)).await;
        dialog_ready(&app).await;
        app.wait_for_value(
            "return document.getElementById('image-dialog-title').textContent",
            json!("Modifier l'image"),
        )
        .await;
        app.wait_for_value(
            "return [document.getElementById('image-alt').value, document.getElementById('image-caption').value]",
            json!(["Vue", "Le quai"]),
        )
        .await;
        app.js("document.getElementById('image-alt').value = ''; document.getElementById('image-caption').value = ''")
            .await;
        fill(&app, "image-alt", "Vue du quai").await;
        fill(&app, "image-caption", "Le quai, le soir").await;
        click(&app, "image-confirm").await;
        app.wait_for_js("return window.__edito.text().includes('![Vue du quai](edito:image/')")
            .await;
        let caption = "const c = document.getElementById('preview').contentDocument.querySelector('figure figcaption'); \
             return !!c && c.textContent.replace(/\\u00ad/g, '').includes('Le quai, le soir')";
        if !app.wait_for_js_or_timeout(caption).await {
            let html = app
                .js("return document.getElementById('preview').contentDocument.getElementById('edito-body').innerHTML")
                .await;
            panic!("the new caption is not in the preview: {html}");
        }
        app.quit().await;
    });
}
