//! What the writer sees of French typesetting in the real window: the editor never breaks a
//! line at a no-break space (U+00A0, U+202F), whatever marks those spaces.

use serde_json::json;

use crate::desk::{on_a_new_french_piece, set_body};
use crate::harness::App;

/// Lines that put "là : 200 000" at every position around the editor's right edge: one
/// more narrow `i` per line moves the phrase by ~4 px.
/// Every other line puts the words in emphasis, so that a highlighting span ends right at the
/// no-break space.
const PHRASES_AT_EVERY_WIDTH: &str = "Array.from({length: 160}, (_, i) => 'i'.repeat(i >> 1) + \
     (i % 2 ? ' Ils étaient *là*\\u00A0: **200\\u202F000** lecteurs.' \
            : ' Ils étaient là\\u00A0: 200\\u202F000 lecteurs, vraiment.')).join('\\n\\n')";

/// How many of the phrases `glued` (joined by no-break spaces) are drawn over two lines.
async fn glued_runs_broken(app: &App, glued: &str) -> serde_json::Value {
    app.js(&format!(
        "const view = document.querySelector('.cm-content'); let broken = 0, seen = 0; \
         for (const line of view.querySelectorAll('.cm-line')) {{ \
           const text = line.textContent, glued = '{glued}', len = glued.length; \
           const at = text.indexOf(glued); if (at < 0) continue; \
           seen++; const r = document.createRange(); \
           const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT); let node, offset = 0, start = null, end = null; \
           while ((node = walker.nextNode())) {{ \
             if (start === null && at < offset + node.data.length) start = [node, at - offset]; \
             if (end === null && at + len <= offset + node.data.length) {{ end = [node, at + len - offset]; break; }} \
             offset += node.data.length; }} \
           r.setStart(...start); r.setEnd(...end); \
           const tops = new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top))); \
           if (tops.size > 1) broken++; }} \
         return [seen, broken]"
    ))
    .await
}

/// Regression: the editor wrapped between "là" and ": 200 000" although a no-break space was
/// there (the preview was right). Checked with the visible spaces on and off, on phrases
/// placed at every width around the wrap.
#[test]
fn the_editor_never_wraps_at_a_no_break_space() {
    on_a_new_french_piece(async |app| {
        set_body(app, PHRASES_AT_EVERY_WIDTH).await;
        for show_spaces in [true, false] {
            app.js(&format!(
                "window.__edito.setPreferences({{showSpaces: {show_spaces}}}); return true"
            ))
            .await;
            app.wait_for_value(
                "return document.querySelectorAll('.cm-nbsp').length > 0",
                json!(show_spaces),
            )
            .await;
            for glued in ["là\\u00A0:", "là*\\u00A0:", "200\\u202F000"] {
                let (mut seen, mut broken) = (0, 0);
                // CodeMirror draws only what is near the screen: look at the whole piece.
                for tenth in 0..=10 {
                    app.js(&format!(
                        "window.__edito.scrollToFraction({tenth} / 10); return true"
                    ))
                    .await;
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    let [s, b] =
                        serde_json::from_value::<[u64; 2]>(glued_runs_broken(app, glued).await)
                            .expect("counts");
                    seen += s;
                    broken += b;
                }
                assert!(seen > 10, "only {seen} phrases drawn");
                assert_eq!(
                    broken, 0,
                    "{broken} of {seen} `{glued}` broken over two lines (visible spaces: {show_spaces})"
                );
            }
        }
    });
}
