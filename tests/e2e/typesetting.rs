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

/// A justified paragraph of long French words: at the preview's width some must be broken.
const LONG_WORDS: &str = "La responsabilité gouvernementale, l’administration départementale et \
    l’intercommunalité intergénérationnelle exigent une transparence extraordinairement \
    méticuleuse. Les professionnels de l’enseignement hebdomadaire revendiquent \
    l’indépendance rédactionnelle, particulièrement lorsque les circonscriptions \
    électorales bouleversent simultanément les administrations préfectorales.";

/// A piece with every field the page's header and signature show.
fn seed_full_piece(dir: &std::path::Path) -> edito::library::Piece {
    use edito::library::PieceFields;
    let library = edito::Library::open_in(dir).expect("open library");
    library.offer_welcome_piece().expect("welcome piece");
    let new = edito::NewPiece {
        fields: PieceFields {
            kicker: "Édito".into(),
            title: "2002 : l'année de tous les dangers".into(),
            standfirst: "Le chapô, en une phrase.".into(),
            body: format!("{LONG_WORDS}\n\n{LONG_WORDS}\n\nVoir `administration` et https://exemple.fr/administration."),
            author: "Jean Martin".into(),
            author_role: "Directeur de la rédaction".into(),
            category: "Politique".into(),
            publication_date: Some("2002-04-12".into()),
            ..PieceFields::default()
        },
        tags: vec!["Europe".into(), "Élections".into()],
        ..edito::NewPiece::default()
    };
    library.create_piece(&new).expect("create piece")
}

/// The text of the first element `<tag class="class">` in `html`, tags dropped, spaces joined.
fn text_of(html: &str, open: &str, close: &str) -> String {
    let start = html.find(open).expect(open) + open.len();
    let inner = &html[start..start + html[start..].find(close).expect(close)];
    let mut text = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const PREVIEW: &str = "document.getElementById('preview').contentDocument";

/// Regression (issue 11, item 16): the preview had no line with section, date and tags, an
/// italic standfirst where the export has a bold one, ragged text where the export is
/// justified, and no hyphenation anywhere. Now the preview is the exported page: its
/// stylesheet is the theme's, the information line and the signature read as in the export,
/// justified paragraphs break words with a hyphen on screen, user templates reach it, and a
/// script in a user template runs nowhere.
#[test]
fn the_preview_is_the_published_page() {
    if crate::harness::skipped() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let piece = seed_full_piece(dir.path());
    let exporter = edito::export::Exporter::new(edito::export::SiteSettings::default(), None)
        .expect("exporter");
    let page = exporter
        .page(&edito::export::Article::from(&piece))
        .expect("export page");
    crate::harness::run(async {
        let app = crate::desk::start_french(dir.path()).await;
        app.js(&format!("window.__edito.open({}); return true", piece.id))
            .await;
        app.wait_for_js(&format!(
            "return {PREVIEW}.querySelector('.info') !== null && {PREVIEW}.querySelectorAll('#edito-body p').length === 3"
        ))
        .await;
        let shown = |selector: &str| {
            format!("return ({PREVIEW}.querySelector('{selector}')?.textContent ?? '').split(/\\s+/).filter(Boolean).join(' ')")
        };
        // The same header and signature as the exported page.
        for (selector, open, close) in [
            (".info", "<p class=\"info\">", "</p>"),
            ("h1", "<h1>", "</h1>"),
            (".standfirst", "<p class=\"standfirst\">", "</p>"),
            (".signature", "<footer class=\"signature\">", "</footer>"),
        ] {
            let want = text_of(&page, open, close);
            assert!(!want.is_empty(), "{selector} missing from the export");
            app.wait_for_value(&shown(selector), json!(want)).await;
        }
        // One stylesheet: the theme's, as embedded in the exported page.
        let css = {
            let start = page.find("<style>").expect("embedded stylesheet") + "<style>".len();
            let raw = &page[start..start + page[start..].find("</style>").expect("</style>")];
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let preview_css = app
            .js(&format!("return [...{PREVIEW}.querySelectorAll('style[data-theme]')].map(s => s.textContent).join('').split(/\\s+/).filter(Boolean).join(' ')"))
            .await;
        assert_eq!(
            preview_css,
            json!(css),
            "the preview's stylesheet is not the export's"
        );
        let style = |selector: &str, property: &str| {
            format!("return getComputedStyle({PREVIEW}.querySelector('{selector}')).{property}")
        };
        assert_eq!(
            app.js(&style(".standfirst", "fontStyle")).await,
            json!("normal")
        );
        assert_eq!(
            app.js(&style(".standfirst", "fontWeight")).await,
            json!("600")
        );
        assert_eq!(
            app.js(&style("#edito-body p", "textAlign")).await,
            json!("justify")
        );

        // Hyphenated on screen: some word of the justified paragraphs starts on one line and
        // ends on the next (at a soft hyphen); none inside code or the URL.
        let split_words = app
            .js(&format!(
                "let split = 0; for (const p of {PREVIEW}.querySelectorAll('#edito-body p')) {{ \
                   const walker = p.ownerDocument.createTreeWalker(p, NodeFilter.SHOW_TEXT); let node; \
                   while ((node = walker.nextNode())) {{ for (let i = 1; i < node.data.length - 1; i++) {{ \
                     if (node.data[i] !== '\\u00AD') continue; const r = p.ownerDocument.createRange(); \
                     r.setStart(node, i - 1); r.setEnd(node, i + 2); \
                     const tops = new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top))); \
                     if (tops.size > 1) split++; }} }} }} return split"
            ))
            .await;
        assert!(
            split_words.as_u64().unwrap_or(0) >= 1,
            "no word is broken at a hyphen in the justified preview ({split_words})"
        );
        assert_eq!(
            app.js(&format!("return [...{PREVIEW}.querySelectorAll('#edito-body code, #edito-body a')].some(e => e.textContent.includes('\\u00AD'))")).await,
            json!(false),
            "a soft hyphen inside code or a link"
        );

        // The user's templates reach the preview (read again when a field changes), and a
        // script in one runs nowhere.
        let templates = dir.path().join("templates");
        std::fs::create_dir_all(&templates).expect("templates dir");
        std::fs::write(
            templates.join("style.css"),
            "body { background: rgb(1, 2, 3); }",
        )
        .expect("user style");
        let piece_html = include_str!("../../src/export/templates/piece.html").replace(
            "</article>",
            "</article><script>parent.document.title = 'pwned'</script>\
             <img src=\"x\" onerror=\"parent.document.title = 'pwned'\">",
        );
        std::fs::write(templates.join("piece.html"), piece_html).expect("user template");
        app.js("window.__edito.update({title: 'Un autre titre'}); return true")
            .await;
        app.wait_for_value(&style("body", "backgroundColor"), json!("rgb(1, 2, 3)"))
            .await;
        app.wait_for_value(&shown("h1"), json!("Un autre titre"))
            .await;
        assert_eq!(
            app.js(&format!(
                "return {PREVIEW}.querySelectorAll('script, [onerror]').length"
            ))
            .await,
            json!(0)
        );
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_ne!(app.js("return document.title").await, json!("pwned"));
        // The body's blocks stayed: the page around them changed, they were not laid again.
        assert_eq!(
            app.js(&format!(
                "return {PREVIEW}.querySelectorAll('#edito-body p').length"
            ))
            .await,
            json!(3)
        );
        app.quit().await;
    });
}
