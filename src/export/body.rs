//! The export's only door into the rendering pipeline: the piece body to HTML, and title-like
//! fields through typography. Keeping it here lets the pipeline change in one place.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::article::Article;
use crate::render::{parser_options, render_fragment, typography_text, Links, RenderOptions};

/// Longest `<meta name="description">` we derive from the body, in characters.
const DESCRIPTION_MAX: usize = 300;

/// The body as a safe, valid HTML fragment whose link and image destinations went through
/// `links`.
pub(crate) fn render_body(article: &Article, links: &Links) -> String {
    let options = RenderOptions {
        lang: article.lang(),
        typography: true,
        source_map: false,
        publish: true,
        links: links.clone(),
    };
    let html = render_fragment(&article.fields.body, &options);
    // Defence in depth: an exported page is published, so even if the pipeline let a
    // `javascript:` link or an event handler through, the allow-list below removes it.
    // Markdown containers (`>` × 100,000) nest without raw HTML: capped here too.
    without_forbidden_chars(
        SANITIZER
            .clean(&crate::render::cap_nesting(
                &html,
                crate::render::MAX_NESTING,
            ))
            .to_string(),
    )
}

/// Control characters and noncharacters are forbidden in HTML and make the Atom feed
/// ill-formed XML; a piece pasted from elsewhere can carry them, so they are dropped from
/// every field. Tabs and line ends stay.
pub(crate) fn without_forbidden_chars(text: String) -> String {
    if text.chars().any(is_forbidden) {
        text.chars().filter(|&c| !is_forbidden(c)).collect()
    } else {
        text
    }
}

fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fdd0}'..='\u{fdef}')
        || (u32::from(c) & 0xfffe) == 0xfffe
}

/// A plain-text field (title, kicker, chapô) with the typography of the piece's language
/// (`fr` or `en`; another code reads as French); templates escape the result.
pub(crate) fn typeset(text: &str, lang: &str) -> String {
    without_forbidden_chars(typography_text(text, lang.parse().unwrap_or_default()))
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        // ammonia would add `rel` even to a link whose unsafe `href` it removed, and `rel`
        // without `href` is invalid HTML; no link opens a new tab, so `noopener` adds nothing.
        .link_rel(None)
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .add_generic_attributes(["id", "class"])
        .add_tags(["input"])
        // Library images as the pipeline writes them (`render::ImageDescription`): their
        // `srcset` URLs passed the pipeline's URL gate; raw HTML never carries these.
        .add_tag_attributes("img", ["srcset", "sizes", "loading", "decoding"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        // Table column alignment from Markdown; only `text-align` survives, so no `url()`.
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(["text-align"].into_iter().collect());
    builder
});

/// The description for meta tags: the chapô, else the body's first sentence (cut at a word
/// boundary past 300 characters).
pub(crate) fn description(article: &Article) -> String {
    let standfirst = article.fields.standfirst.trim();
    if !standfirst.is_empty() {
        return standfirst.to_owned();
    }
    shorten(&first_sentence(&article.fields.body))
}

/// The text of the first paragraph, up to the end of its first sentence.
fn first_sentence(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if in_paragraph => break,
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '…')
                && text[i + c.len_utf8()..].starts_with(|n: char| n.is_whitespace())
        })
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    text[..end].trim().to_owned()
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= DESCRIPTION_MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(DESCRIPTION_MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_body_of(article: &Article) -> String {
        render_body(article, &Links::default())
    }

    fn article(body: &str) -> Article {
        let mut article = Article::default();
        article.fields.body = body.into();
        article
    }

    #[test]
    fn hostile_links_and_handlers_are_removed() {
        let html = render_body_of(&article(
            "[x](javascript:alert(1)) [y](data:text/html,hi) [z](file:///etc/passwd) ![i](vbscript:x)\n\n<script>alert(1)</script>",
        ));
        for bad in ["javascript:", "data:", "file:", "vbscript:", "<script"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    // The pipeline shows an image with an unsafe URL as its alt text, so nothing is lost
    // and no sourceless `<img>` (invalid HTML) reaches the page.
    fn images_with_unsafe_sources_become_their_alt_text() {
        let html = render_body_of(&article(
            "![a](javascript:x) ![b](https://e.org/b.png) ![c](file:///c)",
        ));
        assert_eq!(
            html,
            "<p>a <img src=\"https://e.org/b.png\" alt=\"b\"> c</p>\n"
        );
    }

    #[test]
    fn footnotes_task_lists_and_safe_links_survive() {
        let html = render_body_of(&article(
            "Note[^1] [lien](https://example.org)\n\n- [x] fait\n\n[^1]: Texte.",
        ));
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert!(html.contains("type=\"checkbox\""), "{html}");
        assert!(html.contains("id=\"1\""), "{html}");
    }

    #[test]
    fn raw_images_without_alt_get_an_empty_one() {
        let html = render_body_of(&article(
            "<img src=\"https://e.org/x.png\" onerror=\"alert(1)\">",
        ));
        assert_eq!(html, "<img src=\"https://e.org/x.png\" alt=\"\">");
    }

    #[test]
    fn forbidden_characters_are_dropped() {
        let html = render_body_of(&article("a\u{1}b\u{7f}c\u{fffe}d\te\u{10ffff}"));
        assert_eq!(html, "<p>abcd\te</p>\n");
        assert_eq!(typeset("T\u{0}i\u{9f}tre", "fr"), "Titre");
    }

    // The preview's header and signature are these same fields (`Exporter::preview_page`):
    // "2002 : l'année…" must show its no-break space and apostrophe while it is typed.
    #[test]
    fn title_and_signature_are_typeset_like_the_body() {
        assert_eq!(
            typeset("2002 : l'année de tous les dangers...", "fr"),
            "2002\u{a0}: l’année de tous les dangers…"
        );
        assert_eq!(typeset("\"Yes,\" she said.", "en"), "“Yes,” she said.");
    }

    #[test]
    fn description_prefers_the_standfirst() {
        let mut a = article("Première phrase. Seconde.");
        assert_eq!(description(&a), "Première phrase.");
        a.fields.standfirst = "Le chapô".into();
        assert_eq!(description(&a), "Le chapô");
    }

    #[test]
    fn description_skips_headings_and_is_bounded() {
        assert_eq!(
            description(&article("# Titre\n\nDu *texte* ici")),
            "Du texte ici"
        );
        let long = "mot ".repeat(200);
        let d = description(&article(&long));
        assert!(
            d.chars().count() <= DESCRIPTION_MAX + 1 && d.ends_with('…'),
            "{d}"
        );
    }
}
