//! Escaping of body text (`&`, `<`, `>`), byte for byte what pulldown-cmark's
//! `escape_html_body_text` writes, but screening 16 bytes at a time: almost every byte of
//! prose needs no escape, and this runs over all the visible text of every render.

use super::simd::{eq, mask, LANES};

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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::escape_body_text;

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
