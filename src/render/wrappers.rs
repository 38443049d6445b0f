//! Raw HTML wrappers around Markdown: `<div>`, blank line, Markdown, blank line, `</div>`.
//! CommonMark ends an HTML block at a blank line (spec 0.31, §4.6, start condition 6), so the
//! opening tag, the Markdown and the closing tag arrive as three blocks; sanitized one by one,
//! the `<div>` was closed at once and the Markdown landed after it. This keeps the wrappers a
//! block leaves open (as sanitized) on a stack, and closes them at their closing tag, at the
//! end of the Markdown container they were opened in, or at the end of the document.

use super::sanitize::Cleaner;

/// Elements that may stay open around Markdown blocks: those whose content is flow content
/// (what Markdown blocks are) and the table and list structure around such cells and items.
/// `<p>`, headings and `<summary>` hold phrasing content only: they are closed as before.
const WRAPPERS: &[&str] = &[
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "li",
    "ol",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements with no end tag.
const VOID: &[&str] = &[
    "br", "col", "hr", "img", "wbr", "input", "meta", "link", "source",
];

/// The wrappers left open by earlier HTML blocks, innermost last, each with the Markdown
/// nesting depth of the container it was opened in.
#[derive(Debug, Default)]
pub(crate) struct BlockWrappers {
    open: Vec<(&'static str, usize)>,
}

impl BlockWrappers {
    /// Whether a wrapper is open (the top-level block it started has not ended).
    pub(crate) fn is_open(&self) -> bool {
        !self.open.is_empty()
    }

    /// The safe HTML for one raw HTML block met inside `depth` Markdown containers: closing
    /// tags of open wrappers close them (and what opened after them); the rest is sanitized
    /// as before, except that wrappers it leaves open stay open.
    pub(crate) fn clean(&mut self, raw: &str, cleaner: &Cleaner, depth: usize) -> String {
        let mut out = String::new();
        let mut segment_start = 0;
        let mut local: Vec<String> = Vec::new();
        for tag in Tags::new(raw) {
            match tag.kind {
                TagKind::Open if !VOID.contains(&tag.name.as_str()) => local.push(tag.name),
                TagKind::Close => {
                    if let Some(i) = local.iter().rposition(|n| *n == tag.name) {
                        local.truncate(i);
                    } else if let Some(i) = self.position(&tag.name) {
                        // A closing tag for a wrapper an earlier block opened.
                        out.push_str(&cleaner.clean(&raw[segment_start..tag.start]));
                        self.close_from_index(i, &mut out);
                        segment_start = tag.end;
                        local.clear();
                    }
                }
                TagKind::Open => {}
            }
        }
        let rest = &raw[segment_start..];
        if rest.trim().is_empty() {
            out.push_str(rest);
            return out;
        }
        let cleaned = cleaner.clean(rest);
        let keep_open = !local.is_empty() && local.iter().all(|n| WRAPPERS.contains(&n.as_str()));
        if !keep_open {
            out.push_str(&cleaned);
            return out;
        }
        let (body, stripped) = strip_end_tags(&cleaned, &local);
        out.push_str(body);
        self.open
            .extend(stripped.into_iter().map(|name| (name, depth)));
        out
    }

    /// Closing tags for the wrappers opened inside a container at `depth` or deeper, which
    /// ends now (a Markdown block quote or list item ends before the `<div>` it holds would).
    pub(crate) fn close_from_depth(&mut self, depth: usize) -> Option<String> {
        let index = self.open.iter().position(|&(_, d)| d >= depth)?;
        let mut html = String::new();
        self.close_from_index(index, &mut html);
        Some(html)
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.open.iter().rposition(|(open, _)| *open == name)
    }

    fn close_from_index(&mut self, index: usize, html: &mut String) {
        for (name, _) in self.open.drain(index..).rev() {
            html.push_str("</");
            html.push_str(name);
            html.push('>');
        }
    }
}

/// Removes from the end of `cleaned` (sanitizer output, which closes what was left open)
/// the end tags of `open` (innermost last), plus any the parser inserted between them
/// (`<tbody>` inside `<table>`). End tags come outermost last, so they are read from the
/// end outermost first. Returns the rest and the removed names, outermost first.
fn strip_end_tags<'a>(cleaned: &'a str, open: &[String]) -> (&'a str, Vec<&'static str>) {
    let mut body = cleaned;
    let mut stripped = Vec::new();
    let mut expected = open.iter().peekable();
    while let Some(want) = expected.peek() {
        let trimmed = body.trim_end_matches(['\n', ' ']);
        let Some(start) = trimmed.rfind("</") else {
            break;
        };
        let name = trimmed[start + 2..].trim_end_matches('>');
        let Some(known) = WRAPPERS.iter().find(|w| **w == name).copied() else {
            break;
        };
        if known == want.as_str() {
            expected.next();
        } else if !matches!(known, "tbody" | "thead" | "tfoot" | "tr") {
            break;
        }
        stripped.push(known);
        body = &body[..start];
    }
    (body, stripped)
}

#[derive(Debug, PartialEq, Eq)]
enum TagKind {
    Open,
    Close,
}

/// A start or end tag found in raw HTML: lower-case name and byte range.
#[derive(Debug)]
struct Tag {
    kind: TagKind,
    name: String,
    start: usize,
    end: usize,
}

/// The tags of raw HTML, in order, skipping comments and self-closing tags; enough to follow
/// nesting (the sanitizer, not this, decides what is kept).
struct Tags<'a> {
    raw: &'a str,
    at: usize,
}

impl<'a> Tags<'a> {
    fn new(raw: &'a str) -> Self {
        Self { raw, at: 0 }
    }
}

impl Iterator for Tags<'_> {
    type Item = Tag;

    fn next(&mut self) -> Option<Tag> {
        loop {
            let start = self.at + self.raw[self.at..].find('<')?;
            let rest = &self.raw[start..];
            if rest.starts_with("<!--") {
                self.at = rest.find("-->").map_or(self.raw.len(), |i| start + i + 3);
                continue;
            }
            let (kind, name_at) = match rest.as_bytes().get(1) {
                Some(b'/') => (TagKind::Close, 2),
                Some(b) if b.is_ascii_alphabetic() => (TagKind::Open, 1),
                _ => {
                    self.at = start + 1;
                    continue;
                }
            };
            let name_len = rest[name_at..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
                .count();
            let name = rest[name_at..name_at + name_len].to_ascii_lowercase();
            let len = tag_len(rest);
            self.at = start + len;
            if kind == TagKind::Open && rest[..len].ends_with("/>") {
                continue;
            }
            return Some(Tag {
                kind,
                name,
                start,
                end: start + len,
            });
        }
    }
}

/// Length of the tag at the start of `rest`, up to its `>` outside quoted values (the whole
/// rest when it is never closed).
fn tag_len(rest: &str) -> usize {
    let mut quote = None;
    for (i, b) in rest.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::BlockWrappers;
    use crate::render::sanitize::Cleaner;
    use crate::render::Links;

    #[test]
    fn a_wrapper_stays_open_until_its_closing_block() {
        let cleaner = Cleaner::new(&Links::default(), false);
        let mut wrappers = BlockWrappers::default();
        assert_eq!(
            wrappers.clean("<div class=\"x\" onclick=\"y\">\n", &cleaner, 0),
            "<div>\n"
        );
        assert!(wrappers.is_open());
        assert_eq!(wrappers.clean("</div>\n", &cleaner, 0), "</div>\n");
        assert!(!wrappers.is_open());
    }

    #[test]
    fn tables_keep_the_body_the_parser_adds() {
        let cleaner = Cleaner::new(&Links::default(), false);
        let mut wrappers = BlockWrappers::default();
        assert_eq!(
            wrappers.clean("<table><tr><td>\n", &cleaner, 0),
            "<table><tbody><tr><td>\n"
        );
        assert_eq!(
            wrappers.clean("</td></tr></table>\n", &cleaner, 0),
            "</td></tr></tbody></table>\n"
        );
    }

    #[test]
    fn phrasing_elements_and_balanced_blocks_close_as_before() {
        let cleaner = Cleaner::new(&Links::default(), false);
        let mut wrappers = BlockWrappers::default();
        assert_eq!(wrappers.clean("<p>\n", &cleaner, 0), "<p>\n</p>");
        assert_eq!(
            wrappers.clean("<div><p>a</p></div>\n", &cleaner, 0),
            "<div><p>a</p></div>\n"
        );
        assert!(!wrappers.clean("</div>\n", &cleaner, 0).contains("</div>"));
        assert!(!wrappers.is_open());
    }
}
