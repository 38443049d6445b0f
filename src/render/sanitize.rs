//! Safety for untrusted Markdown: raw HTML goes through ammonia with an allow-list, and the
//! URLs of Markdown links and images are checked against a scheme allow-list. Only raw HTML
//! pays for the HTML parser; ordinary Markdown never reaches it.

use super::nesting::{cap_nesting, MAX_NESTING};
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use super::options::{AssetResolver, LinkKind, Links};

/// Raw HTML elements a writer may use: text-level semantics and simple structure, nothing
/// that loads active content, submits, styles or navigates the page.
const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Elements allowed as inline raw HTML inside a paragraph (phrasing content only, so a raw
/// `<p>` or `<div>` cannot break the paragraph it sits in).
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img",
    "ins", "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub",
    "sup", "time", "u", "var", "wbr",
];

/// Elements with no closing tag: never pushed on the stack of open inline tags.
const VOID_TAGS: &[&str] = &["br", "col", "hr", "img", "wbr"];

/// URL schemes allowed in links and images; anything else (`javascript:`, `data:`, `file:`,
/// `vbscript:`, app-internal schemes) is refused. Relative and fragment URLs are allowed.
const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(allow_list);

/// The raw-HTML allow-list.
fn allow_list() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::empty();
    let tag_attributes = HashMap::from([
        ("a", HashSet::from(["href", "hreflang"])),
        ("img", HashSet::from(["src", "alt", "width", "height"])),
        ("time", HashSet::from(["datetime"])),
        ("data", HashSet::from(["value"])),
        ("td", HashSet::from(["colspan", "rowspan"])),
        ("th", HashSet::from(["colspan", "rowspan", "scope"])),
        ("ol", HashSet::from(["start", "reversed"])),
        ("li", HashSet::from(["value"])),
        ("details", HashSet::from(["open"])),
    ]);
    builder
        .tags(ALLOWED_TAGS.iter().copied().collect())
        .clean_content_tags(HashSet::from(["script", "style"]))
        .generic_attributes(HashSet::from(["title", "lang", "dir"]))
        .tag_attributes(tag_attributes)
        .url_schemes(ALLOWED_SCHEMES.iter().copied().collect())
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true);
    builder
}

/// Whether a link or image URL may be kept: relative, fragment, or an allowed scheme. The
/// scheme is read as a browser reads it (surrounding controls and spaces ignored, tabs and
/// newlines dropped, any case), so `JaVa\tScRiPt:` is caught; pulldown-cmark has already
/// decoded entities such as `&#106;`.
pub(crate) fn is_safe_url(url: &str) -> bool {
    // Most links are written `https://…`: allowed without reading the scheme byte by byte.
    if url.starts_with("https://") || url.starts_with("http://") {
        return true;
    }
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    // No allowed scheme is longer than this; a longer one is refused all the same.
    let mut scheme = [0u8; 8];
    let mut len = 0;
    for byte in trimmed
        .bytes()
        .filter(|b| !matches!(b, b'\t' | b'\n' | b'\r'))
    {
        match byte {
            b':' => {
                return ALLOWED_SCHEMES
                    .iter()
                    .any(|allowed| scheme.get(..len) == Some(allowed.as_bytes()))
            }
            b'a'..=b'z' | b'A'..=b'Z' => push(&mut scheme, &mut len, byte.to_ascii_lowercase()),
            b'0'..=b'9' | b'+' | b'-' | b'.' if len > 0 => push(&mut scheme, &mut len, byte),
            _ => return true,
        }
    }
    true
}

/// Whether a URL a resolver gave in an [`super::ImageDescription`] may be kept: what
/// [`is_safe_url`] keeps, and the app's own image URL (`edito-image://localhost/<id>`, that
/// exact shape). Typed Markdown never reaches this check: a typed `edito-image://…` or
/// `edito:image/…` goes through [`is_safe_url`], which refuses both schemes, so only a
/// resolver (the preview's, which knows the id is a library reference) can produce one.
pub(crate) fn is_safe_image_url(url: &str) -> bool {
    is_safe_url(url) || super::image::is_app_image_url(url)
}

/// Whether a `srcset` candidate URL may be written: safe as an image URL, and without the
/// spaces and commas that separate candidates (they would split it into other URLs).
pub(crate) fn is_safe_srcset_url(url: &str) -> bool {
    is_safe_image_url(url) && !url.contains(|c: char| c.is_whitespace() || c == ',')
}

/// Appends to the scheme being read; past the buffer only the length grows, which no
/// allowed scheme matches.
fn push(scheme: &mut [u8; 8], len: &mut usize, byte: u8) {
    if let Some(slot) = scheme.get_mut(*len) {
        *slot = byte;
    }
    *len += 1;
}

/// Sanitizes a raw HTML block as a whole (balanced output, disallowed markup removed).
pub(crate) fn clean_block(html: &str) -> String {
    CLEANER.clean(&cap_nesting(html, MAX_NESTING)).to_string()
}

/// The raw-HTML sanitizer of one render. Without a resolver it is the shared allow-list;
/// with one, the same allow-list whose `<a href>` and `<img src>` go through the resolver
/// and then through [`is_safe_url`] again, built on the first raw HTML met (most pieces
/// have none).
pub(crate) struct Cleaner {
    /// Raw images made valid HTML (see [`super::RenderOptions::publish`]).
    publish: bool,
    resolver: Option<Arc<dyn AssetResolver>>,
    resolving: OnceCell<ammonia::Builder<'static>>,
}

impl Cleaner {
    /// The sanitizer for a render whose destinations go through `links`; `publish`: see
    /// [`super::RenderOptions::publish`].
    pub(crate) fn new(links: &Links, publish: bool) -> Self {
        Self {
            publish,
            resolver: links.resolver().cloned(),
            resolving: OnceCell::new(),
        }
    }

    /// Sanitizes a raw HTML block as a whole, like [`clean_block`], resolving destinations.
    pub(crate) fn clean(&self, html: &str) -> String {
        let clean = match &self.resolver {
            None => clean_block(html),
            Some(resolver) => self
                .resolving
                .get_or_init(|| resolving(Arc::clone(resolver)))
                .clean(&cap_nesting(html, MAX_NESTING))
                .to_string(),
        };
        if self.publish && clean.contains("<img") {
            valid_images(&clean)
        } else {
            clean
        }
    }
}

/// Makes every `<img>` of sanitized HTML valid: one whose unsafe URL the sanitizer removed
/// carries nothing worth keeping, so it goes; one without `alt` gets an empty one. The input
/// is ammonia's serialization, which quotes every attribute and escapes `>` in values, so the
/// first `>` closes the tag.
fn valid_images(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 8);
    let mut rest = html;
    while let Some(start) = rest.find("<img") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len + 1];
        out.push_str(&rest[..start]);
        if tag.contains(" src=") {
            if tag.contains(" alt=") {
                out.push_str(tag);
            } else {
                out.push_str(&tag[..tag.len() - 1]);
                out.push_str(" alt=\"\">");
            }
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The allow-list with destinations resolved. ammonia checks URL schemes before this filter
/// runs, so what the resolver returns is checked here.
fn resolving(resolver: Arc<dyn AssetResolver>) -> ammonia::Builder<'static> {
    let mut builder = allow_list();
    builder.attribute_filter(move |element, attribute, value| {
        let kind = match (element, attribute) {
            ("a", "href") => LinkKind::Link,
            ("img", "src") => LinkKind::Image,
            _ => return Some(value.into()),
        };
        Some(resolver.resolve(kind, value)).filter(|url| is_safe_url(url))
    });
    builder
}

/// Inline raw HTML arrives one tag at a time (`<abbr title="…">`, text, `</abbr>`), which a
/// fragment sanitizer would close on the spot. This keeps the stack of allowed tags opened
/// in the current block so closing tags are matched and the block always ends balanced.
#[derive(Debug, Default)]
pub(crate) struct InlineTags {
    open: Vec<&'static str>,
}

impl InlineTags {
    /// The safe replacement for one inline HTML fragment (often empty).
    pub(crate) fn fragment(&mut self, raw: &str, cleaner: &Cleaner) -> String {
        let raw = raw.trim();
        if let Some(rest) = raw.strip_prefix("</") {
            return self.close(tag_name(rest));
        }
        let Some(name) = raw
            .strip_prefix('<')
            .and_then(|rest| allowed(tag_name(rest)))
        else {
            return String::new();
        };
        let cleaned = cleaner.clean(raw);
        if VOID_TAGS.contains(&name) {
            return cleaned;
        }
        let Some(open) = cleaned
            .strip_suffix(&format!("</{name}>"))
            .filter(|open| open.starts_with(&format!("<{name}")))
        else {
            return String::new();
        };
        self.open.push(name);
        open.to_owned()
    }

    /// Closing tags for every tag still open; called at each block boundary.
    pub(crate) fn close_all(&mut self) -> Option<String> {
        if self.open.is_empty() {
            return None;
        }
        let mut html = String::new();
        while let Some(name) = self.open.pop() {
            push_end_tag(&mut html, name);
        }
        Some(html)
    }

    /// Closes `name` and whatever opened after it; a stray closing tag is dropped.
    fn close(&mut self, name: &str) -> String {
        let mut html = String::new();
        let Some(index) = self
            .open
            .iter()
            .rposition(|open| open.eq_ignore_ascii_case(name))
        else {
            return html;
        };
        for open in self.open.drain(index..).rev() {
            push_end_tag(&mut html, open);
        }
        html
    }
}

fn push_end_tag(html: &mut String, name: &str) {
    html.push_str("</");
    html.push_str(name);
    html.push('>');
}

fn tag_name(after_bracket: &str) -> &str {
    let len = after_bracket
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    &after_bracket[..len]
}

fn allowed(name: &str) -> Option<&'static str> {
    INLINE_TAGS
        .iter()
        .copied()
        .find(|tag| tag.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::{is_safe_url, Cleaner, InlineTags};
    use crate::render::Links;

    #[test]
    fn scheme_check_reads_like_a_browser() {
        assert!(!is_safe_url(" JaVa\tScRiPt:alert(1)"));
        assert!(!is_safe_url("\u{1}javascript:x"));
        assert!(!is_safe_url("data:text/html,<b>"));
        assert!(is_safe_url("https://exemple.fr/a:b"));
        assert!(is_safe_url("../images/a.png"));
        assert!(is_safe_url("#note-1"));
        assert!(is_safe_url("/chemin:avec:deux-points"));
    }

    /// The `https://` shortcut agrees with reading the scheme: other spellings of the
    /// allowed schemes are kept, and lookalikes are not.
    #[test]
    fn web_links_are_kept_however_written() {
        for url in [
            "https://a.fr",
            "http://a.fr",
            " HTTPS://a.fr",
            "Http://a.fr",
            "mailto:a@b.fr",
        ] {
            assert!(is_safe_url(url), "{url}");
        }
        for url in [
            "httpsx://a.fr",
            "https-://a.fr",
            "javascript://https://a.fr",
        ] {
            assert!(!is_safe_url(url), "{url}");
        }
    }

    #[test]
    fn inline_tags_balance_within_a_block() {
        let mut tags = InlineTags::default();
        let cleaner = Cleaner::new(&Links::default(), false);
        assert_eq!(
            tags.fragment("<abbr title=\"x\" onclick=\"y\">", &cleaner),
            "<abbr title=\"x\">"
        );
        assert_eq!(tags.fragment("<sup>", &cleaner), "<sup>");
        assert_eq!(tags.fragment("</abbr>", &cleaner), "</sup></abbr>");
        assert_eq!(tags.fragment("</abbr>", &cleaner), "");
        assert_eq!(tags.fragment("<mark>", &cleaner), "<mark>");
        assert_eq!(tags.close_all().as_deref(), Some("</mark>"));
    }
}
