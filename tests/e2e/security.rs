//! Hostile Markdown in the real window: nothing it carries may run, in the preview or in the
//! app, and the preview frame keeps its sandbox. The core's sanitizer is tested on its own in
//! tests/integration/render_safety.rs; this proves the window's own defences (sandboxed frame,
//! CSP) hold even if the sanitizer let something through.

use std::io::Write;
use std::process::{Command, Stdio};

use fantoccini::Locator;
use serde_json::json;

use crate::harness::{run, skipped, App};

/// Every payload tries to set `__pwned` on the app's window, from the preview frame.
const HOSTILE: &str = r#"Texte piégé, à lire sans risque.

<script>parent.__pwned = "script"</script>

<img src="x" onerror="parent.__pwned = 'onerror'">

<svg onload="parent.__pwned = 'svg'"><circle r="4"/></svg>

<iframe srcdoc="<script>parent.parent.__pwned = 'srcdoc'</script>"></iframe>

[un lien](javascript:parent.__pwned='link') et [un autre](  JaVaScRiPt&#58;parent.__pwned='entity')

<a href="file:///etc/passwd">fichier local</a> <img src="file:///etc/hostname">

<details open ontoggle="parent.__pwned = 'toggle'">détails</details>
"#;

fn create_hostile_piece(data_dir: &std::path::Path) {
    let mut child = Command::new(crate::harness::cli_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .args(["new", "--title", "Texte hostile"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("run edito new");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(HOSTILE.as_bytes())
        .expect("write body");
    assert!(child.wait().expect("wait").success(), "edito new failed");
}

#[test]
fn hostile_markdown_runs_nothing_in_the_window() {
    if skipped() {
        return;
    }
    let data_dir = tempfile::tempdir().expect("temp dir");
    create_hostile_piece(data_dir.path());
    run(async {
        let app = App::start(data_dir.path()).await;
        let item = app
            .wait_for_js(
                "return [...document.querySelectorAll('.piece-item')]
                   .find(b => b.textContent.includes('Texte hostile')) ? true : false",
            )
            .await;
        assert_eq!(item, json!(true));
        app.js("[...document.querySelectorAll('.piece-item')]
               .find(b => b.textContent.includes('Texte hostile')).click(); return true")
            .await;
        app.wait_for_js(
            "return document.getElementById('preview').contentDocument.body.textContent
               .includes('Texte piégé')",
        )
        .await;
        // Give any event handler (onerror fires on the failed image load) time to run.
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        assert_eq!(
            app.js("return window.__pwned === undefined").await,
            json!(true)
        );

        let preview = app
            .js("return document.getElementById('preview').contentDocument.body.innerHTML")
            .await;
        let preview = preview.as_str().expect("html").to_ascii_lowercase();
        for forbidden in [
            "<script",
            "onerror",
            "onload",
            "ontoggle",
            "javascript:",
            "file:",
            "<iframe",
        ] {
            assert!(
                !preview.contains(forbidden),
                "{forbidden} reached the preview: {preview}"
            );
        }
        // The frame may never run scripts, whatever it is given.
        assert_eq!(
            app.js("return document.getElementById('preview').getAttribute('sandbox')")
                .await,
            json!("allow-same-origin")
        );
        // The app's CSP refuses inline scripts, so even markup that slipped into the app's
        // own document could not run.
        let inline_ran = app
            .js("const s = document.createElement('script');
                 s.textContent = 'window.__inline = true';
                 document.body.appendChild(s);
                 return window.__inline === true")
            .await;
        assert_eq!(
            inline_ran,
            json!(false),
            "an inline script ran: the CSP is not enforced"
        );
        let _ = app
            .client
            .find(Locator::Id("preview"))
            .await
            .expect("preview frame");
        app.quit().await;
    });
}
