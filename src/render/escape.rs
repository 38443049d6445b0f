//! Escaping of body text (`&`, `<`, `>`) and of link URLs, byte for byte what
//! pulldown-cmark's `escape_html_body_text` and `escape_href` write, but screening 16 bytes
//! at a time: almost every byte needs no escape, and these run over all the visible text
//! and every link of every render.

use wide::u8x16;

use super::simd::{eq, mask, range, LANES};

/// Appends `text` to `out` with `&`, `<` and `>` escaped.
pub(crate) fn escape_body_text(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let mut hits = mask(bytes, at, b'a', |v| eq(v, b'&') | eq(v, b'<') | eq(v, b'>'));
        while hits != 0 {
            let i = at + hits.trailing_zeros() as usize;
            out.push_str(&text[copied..i]);
            out.push_str(match bytes[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                _ => "&gt;",
            });
            copied = i + 1;
            hits &= hits - 1;
        }
        at += LANES;
    }
    out.push_str(&text[copied..]);
}

/// Appends `url` to `out` escaped for an `href` or `src` attribute: `&` and `'` as
/// entities, every other byte outside the URL-safe ASCII set percent-encoded.
pub(crate) fn escape_href(out: &mut String, url: &str) {
    let bytes = url.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let mut hits = mask(bytes, at, b'a', is_href_unsafe);
        while hits != 0 {
            let i = at + hits.trailing_zeros() as usize;
            // Runs between unsafe bytes are ASCII; the run after the lead byte of a
            // multi-byte character is empty (its next byte is unsafe too), and not a slice.
            if let Some(run) = url.get(copied..i) {
                out.push_str(run);
            }
            push_href_escape(out, bytes[i]);
            copied = i + 1;
            hits &= hits - 1;
        }
        at += LANES;
    }
    if let Some(run) = url.get(copied..) {
        out.push_str(run);
    }
}

/// Bytes `escape_href` does not copy as they are: controls, space, non-ASCII and
/// `" & ' < > [ \ ] ` { | }` and DEL.
fn is_href_unsafe(v: u8x16) -> u8x16 {
    range(v, 0x80, 128)
        | range(v, 0, 0x21)
        | eq(v, b'"')
        | range(v, b'&', 2)
        | eq(v, b'<')
        | eq(v, b'>')
        | range(v, b'[', 3)
        | eq(v, b'`')
        | range(v, b'{', 3)
        | eq(v, 0x7f)
}

fn push_href_escape(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    match byte {
        b'&' => out.push_str("&amp;"),
        b'\'' => out.push_str("&#x27;"),
        _ => {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{escape_body_text, escape_href};

    fn pulldown_href(url: &str) -> String {
        let mut out = String::new();
        let _ = pulldown_cmark_escape::escape_href(&mut out, url);
        out
    }

    #[test]
    fn escapes_hrefs_like_pulldown_cmark() {
        for url in [
            "https://exemple.fr/a?b=1&c='d'#e",
            "https://exemple.fr/été «x» <y> [z] {w} |`\\\"",
            "mailto:rédaction@exemple.fr",
            "\u{7f}\u{1}\t a\u{a0}€😀",
            "",
        ] {
            let mut out = String::from("kept:");
            escape_href(&mut out, url);
            assert_eq!(out, format!("kept:{}", pulldown_href(url)), "{url}");
        }
    }

    proptest! {
        #[test]
        fn href_escape_matches_pulldown_cmark(url in "[\u{0}-\u{7f}éà€😀\u{a0}]{0,70}") {
            let mut out = String::new();
            escape_href(&mut out, &url);
            prop_assert_eq!(out, pulldown_href(&url));
        }
    }

    fn pulldown(text: &str) -> String {
        let mut out = String::new();
        let _ = pulldown_cmark_escape::escape_html_body_text(&mut out, text);
        out
    }

    #[test]
    fn escapes_like_pulldown_cmark() {
        let text = "a < b && c > d, « l’été » \"q\" 'x' <script>&amp;";
        let mut out = String::from("kept:");
        escape_body_text(&mut out, text);
        assert_eq!(out, format!("kept:{}", pulldown(text)));
    }

    proptest! {
        #[test]
        fn escape_matches_pulldown_cmark(text in "[a-zé<>&\"' \u{a0}’]{0,80}") {
            let mut out = String::new();
            escape_body_text(&mut out, &text);
            prop_assert_eq!(out, pulldown(&text));
        }
    }
}
