//! Raw HTML wrappers with blank lines inside (issue #12, kind 3): CommonMark ends the HTML
//! block at the blank line (spec §4.6, condition 6), so `<div>`, the Markdown and `</div>`
//! came as three blocks and the sanitizer closed the `<div>` at once: the content fell out of
//! every wrapper, and a `<figcaption>` outside its `<figure>` made the page invalid.

use edito::render::{render, render_blocks, RenderOptions};

fn html(markdown: &str) -> String {
    render(markdown, &RenderOptions::default()).html
}

/// Every start tag has its end tag, in order (void elements aside).
fn assert_balanced(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    for piece in html.split('<').skip(1) {
        let tag = piece.split('>').next().unwrap_or_default();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if ["br", "hr", "img", "wbr", "input", "col"].contains(&name.as_str()) || name.is_empty() {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "{html}");
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?} in {html}");
}

#[test]
fn markdown_between_wrapper_tags_stays_inside() {
    let cases: &[(&str, &str)] = &[
        (
            "<div>\n\nEncadré avec **gras**.\n\n</div>",
            "<div>\n<p>Encadré avec <strong>gras</strong>.</p>\n</div>",
        ),
        (
            "<div class=\"encadre\" onclick=\"x()\">\n\n*Un*\n\n</div>\n\nAprès.",
            "<div>\n<p><em>Un</em></p>\n</div>\n<p>Après.</p>\n",
        ),
        (
            "<blockquote>\n\n> cité\n\n</blockquote>",
            "<blockquote>\n<blockquote>\n<p>cité</p>\n</blockquote>\n</blockquote>",
        ),
        (
            "<details>\n<summary>Voir</summary>\n\n- un\n- deux\n\n</details>",
            "<details>\n<summary>Voir</summary>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n</details>",
        ),
    ];
    let mut failures = Vec::new();
    for (markdown, expected) in cases {
        let got = html(markdown);
        if got != *expected {
            failures.push(format!(
                "{markdown:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
        assert_balanced(&got);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every wrapper the allow-list has, each with Markdown inside: the Markdown's HTML sits
/// between the wrapper's tags.
#[test]
fn every_allowed_wrapper_keeps_its_content() {
    let wrappers: &[(&str, &str)] = &[
        ("<div>", "</div>"),
        ("<figure>\n<figcaption>", "</figcaption>\n</figure>"),
        ("<blockquote>", "</blockquote>"),
        ("<details>", "</details>"),
        ("<dl>\n<dt>Terme</dt>\n<dd>", "</dd>\n</dl>"),
        ("<ul>\n<li>", "</li>\n</ul>"),
        ("<ol>\n<li>", "</li>\n</ol>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<table><tr><th>", "</th></tr></table>"),
        ("<table><caption>", "</caption></table>"),
        ("<div><div>", "</div></div>"),
    ];
    for (open, close) in wrappers {
        let markdown = format!("{open}\n\nTexte **gras**.\n\n{close}\n\nDehors.");
        let got = html(&markdown);
        let inner = got.find("<strong>gras</strong>").expect("rendered");
        let last_open = open.rsplit('<').next().unwrap_or_default();
        let last_open = last_open.split(['>', ' ']).next().unwrap_or_default();
        let opened = got[..inner].rfind(&format!("<{last_open}"));
        let closed = got[inner..].find(&format!("</{last_open}>"));
        let outside = got.find("Dehors.").expect("rendered");
        assert!(
            opened.is_some() && closed.is_some_and(|c| inner + c < outside),
            "{markdown:?} → {got:?}"
        );
        assert_balanced(&got);
    }
}

/// `<figure>` / image / `<figcaption>` with Markdown in the caption, the case that made the
/// archive page invalid.
#[test]
fn figure_with_markdown_caption_stays_one_figure() {
    let got = html(
        "<figure>\n\n![Une photo](photo.jpg)\n\n<figcaption>\n\nLégende *en italique*.\n\n</figcaption>\n</figure>",
    );
    assert_eq!(got.matches("<figure>").count(), 1, "{got}");
    let figure = &got[got.find("<figure>").expect("figure")..got.find("</figure>").expect("end")];
    assert!(figure.contains("<img src=\"photo.jpg\""), "{got}");
    assert!(figure.contains("<figcaption>"), "{got}");
    assert!(figure.contains("<em>en italique</em>"), "{got}");
    assert_balanced(&got);
}

/// A wrapper opened inside a Markdown container closes with it; one never closed closes at
/// the end; a stray closing tag is dropped.
#[test]
fn wrappers_never_leak_out_of_their_container_or_the_document() {
    for markdown in [
        "> <div>\n>\n> cité\n\nDehors.",
        "- <div>\n\n  item\n\nDehors.",
        "<div>\n\njamais fermé",
        "</div>\n\ntexte\n\n</figure>",
        "<div>\n\n<div>\n\nun\n\n</div>\n\ndeux\n\n</div>",
        "<div>\n\na\n\n</div>\n<div>\n\nb\n\n</div>",
    ] {
        assert_balanced(&html(markdown));
    }
    let got = html("> <div>\n>\n> cité\n\nDehors.");
    assert!(
        got.find("</div>").expect("closed") < got.find("</blockquote>").expect("quote"),
        "{got}"
    );
}

/// The preview swaps whole top-level blocks: a wrapper and what it holds are one block.
#[test]
fn a_wrapper_and_its_content_are_one_preview_block() {
    let markdown = "Avant.\n\n<div>\n\nUn.\n\nDeux.\n\n</div>\n\nAprès.";
    let blocks = render_blocks(markdown, &RenderOptions::default());
    let html = &blocks.rendered.html;
    let mut start = 0;
    let parts: Vec<&str> = blocks
        .block_ends
        .iter()
        .map(|&end| {
            let part = &html[start..end];
            start = end;
            part
        })
        .collect();
    assert_eq!(parts.len(), 3, "{parts:?}");
    assert!(
        parts[1].starts_with("<div>") && parts[1].trim_end().ends_with("</div>"),
        "{parts:?}"
    );
    let unclosed = render_blocks("<div>\n\nUn.\n\nDeux.", &RenderOptions::default());
    assert_eq!(
        unclosed.block_ends,
        [unclosed.rendered.html.len()],
        "{unclosed:?}"
    );
}
