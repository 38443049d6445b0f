//! The nesting cap applied to HTML before any sanitizer parses it. html5ever (under ammonia)
//! checks the stack of open elements for every tag, so its cost grows with depth × tags:
//! 100,000 nested `<div>` took 36 s to render and 100,000 `>` 52 s to export. Tags opened
//! deeper than [`MAX_NESTING`] are dropped (their text is kept), in one linear scan, so the
//! sanitizer's work stays linear in the input.

use std::borrow::Cow;

/// Deepest element nesting kept. Editorial HTML nests a handful of levels; browsers
/// themselves stop nesting at 512 (WebKit's parser limit).
pub const MAX_NESTING: usize = 64;

/// Elements that never hold content (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements an open element of the same name closes (`<p>a<p>b`, `<li>` runs).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// A tag found by the scan.
struct Tag<'a> {
    /// Byte range of the whole tag, `<` to `>`.
    start: usize,
    end: usize,
    name: &'a str,
    closing: bool,
    /// `<x/>` or a void element.
    empty: bool,
}

/// `html` with every tag opened deeper than `max` (and its end tag) removed. Borrowed when
/// nothing is that deep (the common case: one scan, no copy).
pub fn cap_nesting(html: &str, max: usize) -> Cow<'_, str> {
    let mut stack: Vec<String> = Vec::new();
    // Tags dropped, and how deep the dropped opens go, to drop their end tags too.
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut excess = 0usize;
    let mut pos = 0;
    while let Some(tag) = next_tag(html, pos) {
        pos = tag.end;
        let name = tag.name.to_ascii_lowercase();
        if tag.closing {
            if excess > 0 {
                excess -= 1;
                dropped.push((tag.start, tag.end));
            } else if let Some(i) = stack.iter().rposition(|open| *open == name) {
                stack.truncate(i);
            }
            continue;
        }
        if tag.empty || VOID.contains(&name.as_str()) {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name.as_str()) && stack.last() == Some(&name) {
            stack.pop();
        }
        if stack.len() >= max {
            excess += 1;
            dropped.push((tag.start, tag.end));
        } else {
            stack.push(name);
        }
    }
    if dropped.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in dropped {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

/// The next start or end tag at or after `from` (comments and declarations skipped).
fn next_tag(html: &str, mut from: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    loop {
        let start = from + memchr::memchr(b'<', &bytes[from..])?;
        let after = start + 1;
        if html[after..].starts_with("!--") {
            from = html[after..]
                .find("-->")
                .map_or(html.len(), |i| after + i + 3);
            continue;
        }
        let closing = bytes.get(after) == Some(&b'/');
        let name_start = after + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            from = after;
            continue;
        }
        let end = tag_end(bytes, name_start + name_len)?;
        return Some(Tag {
            start,
            end,
            name: &html[name_start..name_start + name_len],
            closing,
            empty: bytes[..end].ends_with(b"/>"),
        });
    }
}

/// The byte after the `>` ending a tag whose attributes start at `from`. A quote opens a
/// value only after `=`, as in HTML's tokenizer (`<div a'b>` holds no quoted value), so a
/// stray quote cannot hide the tags after it from the cap.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    let mut after_equals = false;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if after_equals => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
        if !b.is_ascii_whitespace() {
            after_equals = quote.is_none() && b == b'=';
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How deep the elements of `html` nest.
    fn depth(html: &str) -> usize {
        let (mut depth, mut deepest, mut pos) = (0usize, 0, 0);
        while let Some(tag) = next_tag(html, pos) {
            pos = tag.end;
            let name = tag.name.to_ascii_lowercase();
            if tag.closing {
                depth = depth.saturating_sub(1);
            } else if !tag.empty && !VOID.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        deepest
    }

    /// 100,000 nested `<div>` took 36 s to render and `>` × 100,000 52 s to export: the
    /// sanitizer (html5ever) pays for depth on every tag. Both now reach it capped.
    #[test]
    fn deep_nesting_is_capped_before_the_sanitizer() {
        use crate::export::{Article, ExportFormat, Exporter, SiteSettings};
        use crate::render::{render, RenderOptions};
        let n = 1_000;
        let raw = format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        let html = render(&raw, &RenderOptions::default()).html;
        assert!(depth(&html) <= MAX_NESTING + 1, "{}", depth(&html));
        let exporter = Exporter::new(SiteSettings::default(), None).expect("test setup");
        for body in [raw, format!("{} x\n", ">".repeat(n))] {
            let mut article = Article::default();
            article.fields.title = "T".into();
            article.slug = "t".into();
            article.fields.body = body;
            let page = exporter
                .export(&article, ExportFormat::Fragment)
                .expect("export");
            let text = String::from_utf8(page.bytes).expect("utf-8");
            assert!(depth(&text) <= MAX_NESTING + 4, "{}", depth(&text));
            assert!(text.contains('x'), "the text is kept");
        }
    }

    #[test]
    fn shallow_html_is_untouched() {
        let html = "<div><p>a<p>b<ul><li>x<li>y</ul><img src=x><br/></div><!-- <div> -->";
        assert!(matches!(cap_nesting(html, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_cap_go_and_their_text_stays() {
        let html = format!("{}x{}", "<div>".repeat(5), "</div>".repeat(5));
        let capped = cap_nesting(&html, 2);
        assert_eq!(capped, "<div><div>x</div></div>");
        let quoted = "<a title='>'><b><i>t</i></b></a>";
        assert_eq!(cap_nesting(quoted, 1), "<a title='>'>t</a>");
        let stray = format!("<p a'b>{}", "<div>".repeat(5));
        assert_eq!(cap_nesting(&stray, 2), "<p a'b><div>");
    }
}
