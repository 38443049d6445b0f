//! A hostile piece (raw `<script>`, `javascript:`/`data:`/`file:` URLs, event handlers, markup
//! in every field) exports to pages and fragments with no script, no handler, no unsafe URL.

use edito::export::ExportFormat;

use crate::export_support::{build_site, exporter, files_under, piece};

/// Every tag in `html` (text `<` is always escaped, so each raw `<` opens a real tag).
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|s| s.split('>').next())
        .collect()
}

/// The attributes of a tag body (`a href="x" rel=y`), values unquoted.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let rest = tag.trim_start_matches(|c: char| !c.is_whitespace());
    let mut chars = rest.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == '/') {
            chars.next();
        }
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if name.is_empty() {
            return out;
        }
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            match chars.next_if(|c| *c == '"' || *c == '\'') {
                Some(quote) => value.extend(std::iter::from_fn(|| chars.next_if(|c| *c != quote))),
                None => value.extend(std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace()))),
            }
            chars.next();
        }
        out.push((name.to_ascii_lowercase(), value.to_ascii_lowercase()));
    }
}

fn assert_safe(html: &str) {
    for tag in tags(html) {
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        assert!(
            !matches!(
                name.as_str(),
                "script" | "iframe" | "object" | "embed" | "svg" | "base"
            ),
            "<{tag}>"
        );
        for (attr, value) in attributes(tag) {
            assert!(!attr.starts_with("on"), "event handler in <{tag}>");
            if matches!(
                attr.as_str(),
                "href" | "src" | "srcset" | "action" | "formaction" | "poster" | "xlink:href"
            ) {
                for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
                    assert!(
                        !value.trim_start().starts_with(scheme),
                        "{scheme} in <{tag}>"
                    );
                }
            }
        }
    }
}

#[test]
fn hostile_piece_page_and_fragment_are_inert() {
    let ex = exporter(Some("https://example.org/"));
    let article = piece("hostile.md");
    let page = ex.export(&article, ExportFormat::Page).expect("page");
    let page = String::from_utf8(page.bytes).expect("UTF-8");
    assert_safe(&page);
    assert_safe(&ex.fragment(&article, true).expect("fragment"));
    // The fields are shown as text, escaped, not dropped (`'title'` is a quotation: in
    // French, guillemets).
    assert!(
        page.contains("<h1>&lt;script&gt;alert(«\u{a0}title\u{a0}»)&lt;/script&gt; Titre</h1>"),
        "{page}"
    );
    // The lone `"` became an opening guillemet (French typography); the rest stays text.
    assert!(page.contains("<p class=\"kicker\">«\u{a0}&gt;&lt;img src=x onerror=alert(1)&gt;</p>"));
}

#[test]
fn hostile_piece_in_the_archive_is_inert_everywhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    build_site(&exporter(None), &[piece("hostile.md")], dir.path());
    let files = files_under(dir.path());
    assert!(
        files.iter().filter(|f| f.ends_with(".html")).count() >= 5,
        "{files:?}"
    );
    for file in files.iter().filter(|f| f.ends_with(".html")) {
        let html = std::fs::read_to_string(dir.path().join(file)).expect("read");
        assert_safe(&html);
    }
    // Tag names cannot steer file names out of the folder.
    assert!(files.iter().all(|f| !f.contains("..")), "{files:?}");
}

#[test]
fn safety_checker_catches_what_it_should() {
    // Guards the guard: the helper must fail on each kind of unsafe output.
    for bad in [
        "<script>x</script>",
        "<a href=\"javascript:x\">",
        "<img src=x onerror=y>",
        "<img src=\"data:image/svg+xml,x\">",
        "<a title=\"ok\" onclick='x'>",
    ] {
        assert!(
            std::panic::catch_unwind(|| assert_safe(bad)).is_err(),
            "{bad}"
        );
    }
    assert_safe("<meta content=\"&lt;b onmouseover=x&gt; javascript:y\">");
}
