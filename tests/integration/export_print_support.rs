//! Readers for the print exports' tests: the words a person reads on the exported page, in
//! an ICML document and in a DOCX archive, each read independently of Edito's writers.

use std::io::Read;

use edito::export::{Article, ExportFormat, Exporter};

/// The text of the page's `<article>` (kicker to signature) as a sorted list of words, split
/// at ASCII whitespace only (a no-break space joins its two sides, as on the page). Footnote
/// numbers are left out (Word and InDesign number notes themselves); soft hyphens too (the
/// print formats hyphenate themselves).
pub fn page_words(exporter: &Exporter, article: &Article) -> Vec<String> {
    let page = exporter.export(article, ExportFormat::Page).expect("page");
    let page = String::from_utf8(page.bytes).expect("utf-8");
    let start = page.find("<article").expect("an article");
    let end = page.find("</article>").expect("its end");
    let mut html = page[start..end].to_owned();
    for class in ["footnote-reference", "footnote-definition-label"] {
        html = without_elements(&html, &format!("<sup class=\"{class}\">"), "</sup>");
    }
    words(&html_text(&html).replace('\u{ad}', ""))
}

fn without_elements(html: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(open) {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find(close).expect("closed") + close.len();
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Text of an HTML fragment: inline tags vanish, block tags separate words, entities decoded.
pub fn html_text(html: &str) -> String {
    const INLINE: [&str; 14] = [
        "a", "em", "strong", "span", "sup", "sub", "time", "code", "del", "s", "i", "b", "abbr",
        "input",
    ];
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..at]));
        let end = rest[at..].find('>').expect("tag end") + at;
        let tag = rest[at + 1..end].trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !INLINE.contains(&name.to_ascii_lowercase().as_str()) {
            out.push(' ');
        }
        rest = &rest[end + 1..];
    }
    out.push_str(&decode_entities(rest));
    out
}

fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').expect("entity end");
        let entity = &after[..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ if entity.starts_with("#x") || entity.starts_with("#X") => {
                char::from_u32(u32::from_str_radix(&entity[2..], 16).expect("hex")).expect("char")
            }
            _ if entity.starts_with('#') => {
                char::from_u32(entity[1..].parse().expect("decimal")).expect("char")
            }
            other => panic!("unknown entity &{other};"),
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Words split at ASCII whitespace, sorted.
pub fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.sort();
    words
}

/// How many U+00A0 and U+202F `text` holds.
pub fn no_break_spaces(text: &str) -> usize {
    text.chars()
        .filter(|&c| c == '\u{a0}' || c == '\u{202f}')
        .count()
}

/// One part of a ZIP archive, as text.
pub fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no `{name}` in the DOCX"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8 part");
    text
}

/// The names of a ZIP archive's parts.
pub fn zip_names(bytes: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    archive.file_names().map(str::to_owned).collect()
}

/// The text of a WordprocessingML node: `w:t` as is, `w:tab` and `w:br` as a space.
pub fn word_text(node: roxmltree::Node) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        match n.tag_name().name() {
            "t" => out.push_str(n.text().unwrap_or_default()),
            "tab" | "br" => out.push(' '),
            _ => {}
        }
    }
    out
}
