//! A cursor over one text event that copies untouched runs in bulk and lets the rules
//! replace the few bytes that matter (most prose bytes are letters and never stop it).
//! It writes the visible text where the pipeline wants it (the counter's batch) and notes
//! on the way whether the text holds a byte the HTML escapes, so the HTML body gets the
//! output in one copy, with no second screen for escapes.

use super::{NBSP, NNBSP};
use crate::render::simd::{eq, mask, range, LANES};

/// The table of bytes a scan stops at: the first bytes of a language's `rules`, and the
/// bytes the HTML body escapes (`&`, `<`, `>`), which the scan notes and copies.
pub(super) const fn stops(rules: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < rules.len() {
        table[rules[i] as usize] = true;
        i += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table
}

/// Whether the HTML body escapes `byte`.
fn is_escaped(byte: u8) -> bool {
    matches!(byte, b'&' | b'<' | b'>')
}

/// The first trigger byte of `bytes` at or after `from`. Every trigger of both languages is
/// ASCII punctuation or a digit (0x21..=0x3F), a capital from `I` to `X` (0x49..=0x58:
/// Roman ordinals, `Mme`) or the lead byte 0xC2 (`«`, `»`, `°`), so 16 bytes at a time are
/// screened for those candidates and only candidates look up the table: lower-case letters
/// and spaces, most of prose, are skipped without a per-byte branch.
pub(crate) fn find_trigger(bytes: &[u8], from: usize, triggers: &[bool; 256]) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let mut candidates = mask(bytes, at, b'a', |v| {
            range(v, 0x21, 31) | range(v, 0x49, 16) | eq(v, 0xc2)
        });
        while candidates != 0 {
            let i = at + candidates.trailing_zeros() as usize;
            if triggers[usize::from(bytes[i])] {
                return Some(i);
            }
            candidates &= candidates - 1;
        }
        at += LANES;
    }
    None
}

/// Scanning state: the input text, the position in it and the output being built.
#[derive(Debug)]
pub(crate) struct Scan<'t, 'o> {
    text: &'t str,
    pos: usize,
    /// The visible text, appended after what earlier texts left there (the counter's batch).
    out: &'o mut String,
    /// Where this text's output starts in `out`: the rules look back no further.
    start: usize,
    /// Whether the text holds a byte the HTML escapes (only the input brings them).
    has_escapes: bool,
    /// Last visible character before this text (from earlier events of the block).
    before: Option<char>,
    /// What shows right after this text (the pipeline knows the next event: a word for an
    /// emphasis or a code span, a space for a line break or the end of a block).
    after: Option<char>,
    /// Byte ranges of the output, from `start`, that the HTML sets as superscripts
    /// (`1<sup>er</sup>`): the visible text keeps the letters, the counts count them.
    sups: Vec<(usize, usize)>,
}

/// `c.is_alphanumeric()` with the answer known without a Unicode table look-up for what
/// surrounds the rules' triggers in French and English prose (see [`known_letter`]). The
/// number rules ask it at every number after a range dash (`1964–2009`), where the look-up
/// cost more than the rule.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        known_letter(c).unwrap_or_else(|| c.is_alphanumeric())
    }
}

/// Whether the non-ASCII `c` is a letter, where that needs no table: the Latin-1 letters
/// (`é`, `à`; not `×` `÷`) are, the no-break space and the General Punctuation block
/// (U+2000–U+206F: dashes, curly quotes, the narrow no-break space) hold no letter or digit.
#[inline]
fn known_letter(c: char) -> Option<bool> {
    match c {
        NBSP | '\u{2000}'..='\u{206f}' => Some(false),
        '\u{c0}'..='\u{ff}' => Some(!matches!(c, '×' | '÷')),
        _ => None,
    }
}

/// Spaces a typist may have put before punctuation or inside guillemets.
pub(crate) fn is_typed_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | NBSP | NNBSP)
}

impl<'t, 'o> Scan<'t, 'o> {
    /// A scan of `text` appending to `out` (a buffer the pipeline reuses, not cleared),
    /// between the visible characters `before` and `after` (`None`: start or end of block).
    pub(crate) fn new(
        text: &'t str,
        before: Option<char>,
        after: Option<char>,
        out: &'o mut String,
    ) -> Self {
        let start = out.len();
        Self {
            text,
            pos: 0,
            out,
            start,
            has_escapes: false,
            before,
            after,
            sups: Vec::new(),
        }
    }

    /// Writes `with` in place of the next `len` input bytes, as a superscript in the HTML.
    pub(crate) fn replace_sup(&mut self, len: usize, with: &str) {
        let from = self.out.len() - self.start;
        self.replace(len, with);
        self.sups.push((from, from + with.len()));
    }

    /// The superscript ranges of the output (see [`Scan::replace_sup`]).
    pub(crate) fn sups(&self) -> &[(usize, usize)] {
        &self.sups
    }

    /// Copies up to the next trigger byte and returns it, or copies the rest and stops.
    /// Bytes the HTML escapes are copied on the way, and noted.
    #[inline]
    pub(crate) fn next_trigger(&mut self, triggers: &[bool; 256]) -> Option<u8> {
        let bytes = self.text.as_bytes();
        let mut from = self.pos;
        while let Some(at) = find_trigger(bytes, from, triggers) {
            if is_escaped(bytes[at]) {
                // Copied with the run around it; the HTML escape comes after the rules.
                self.has_escapes = true;
                from = at + 1;
                continue;
            }
            self.out.push_str(&self.text[self.pos..at]);
            self.pos = at;
            return Some(bytes[at]);
        }
        self.out.push_str(&self.text[self.pos..]);
        self.pos = self.text.len();
        None
    }

    /// Whether the output holds a byte the HTML escapes.
    pub(crate) fn has_escapes(&self) -> bool {
        self.has_escapes
    }

    /// The last character written for this text.
    #[inline]
    pub(crate) fn last_written(&self) -> Option<char> {
        self.written().chars().next_back()
    }

    /// What this text has written to the output so far.
    #[inline]
    pub(crate) fn written(&self) -> &str {
        &self.out[self.start..]
    }

    /// The input from the current position (which starts with the trigger byte).
    #[inline]
    pub(crate) fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    /// The character after the current one: in this text, else the one shown after it.
    #[inline]
    pub(crate) fn next_char(&self) -> Option<char> {
        let mut chars = self.rest().chars();
        chars.next();
        chars.next().or(self.after)
    }

    /// The last visible character before this text (from earlier events of the block).
    #[inline]
    pub(crate) fn prev_before_text(&self) -> Option<char> {
        self.before
    }

    /// The character after the current one in this text only.
    #[inline]
    pub(crate) fn next_in_text(&self) -> Option<char> {
        let mut chars = self.rest().chars();
        chars.next();
        chars.next()
    }

    /// The last visible character before the current position, across events.
    #[inline]
    pub(crate) fn prev_char(&self) -> Option<char> {
        self.last_written().or(self.before)
    }

    /// Writes `with` in place of the next `len` input bytes.
    #[inline]
    pub(crate) fn replace(&mut self, len: usize, with: &str) {
        self.out.push_str(with);
        self.pos += len;
    }

    /// Writes a character without consuming input.
    #[inline]
    pub(crate) fn push(&mut self, c: char) {
        self.out.push(c);
    }

    /// Copies the current character unchanged.
    pub(crate) fn copy_char(&mut self) {
        // Mostly ASCII punctuation (`: ; ! ?`, a lone `.` or `-`): pushed as one byte,
        // without a copy of a one-byte slice.
        let Some(c) = self.rest().chars().next() else {
            return;
        };
        self.out.push(c);
        self.pos += c.len_utf8();
    }

    /// Skips spaces in the input (the typed spaces a rule replaces with its own).
    pub(crate) fn skip_spaces(&mut self) {
        let rest = self.rest();
        let trimmed = rest.trim_start_matches(is_typed_space);
        self.pos += rest.len() - trimmed.len();
    }

    /// Removes spaces at the end of the output; true when there were some.
    pub(crate) fn trim_spaces_end(&mut self) -> bool {
        let written = self.written();
        // A typed space ends with one of these bytes: for any other, nothing to decode.
        if !matches!(written.as_bytes().last(), Some(b' ' | b'\t' | 0xa0 | 0xaf)) {
            return false;
        }
        let trimmed = written.len() - written.trim_end_matches(is_typed_space).len();
        self.out.truncate(self.out.len() - trimmed);
        trimmed > 0
    }

    /// Whether the output ends with `word` as a whole word (`www` but not `awww`).
    pub(crate) fn out_ends_with_word(&self, word: &str) -> bool {
        self.written().strip_suffix(word).is_some_and(|head| {
            head.chars()
                .next_back()
                .or(self.before)
                .is_none_or(|c| !is_alphanumeric(c))
        })
    }

    /// Copies a URL written in the text verbatim: no rule applies inside
    /// `https://example.com/a--b...` or `www.exemple.fr:8080`. It ends at a space, a quote
    /// mark or a guillemet, and trailing punctuation is the sentence's, not the URL's (as
    /// GFM's extended autolinks read it): `"voir https://a.fr".` closes its quote.
    pub(crate) fn copy_url(&mut self) {
        let rest = self.rest();
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '«' | '»' | '“' | '”' | '<'))
            .unwrap_or(rest.len());
        let len = url_len(&rest[..end]);
        // A URL may hold `&`: it is copied without the scan seeing it.
        self.has_escapes |= rest.as_bytes()[..len].iter().any(|&b| is_escaped(b));
        self.replace(len, &rest[..len]);
    }

    /// Copies a run of ASCII digits; returns how many.
    #[inline]
    pub(crate) fn copy_digits(&mut self) -> usize {
        let rest = self.rest();
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        self.replace(len, &rest[..len]);
        len
    }

    /// Whether the hyphen at the position joins two numbers as a range (`1964-2009`), and not
    /// a date (`2024-05-12`), a code (`A4-5`) or a phone number (`01-23-45`).
    #[inline]
    pub(crate) fn is_number_range(&self) -> bool {
        let written = self.written();
        let head = written.trim_end_matches(|c: char| c.is_ascii_digit());
        let head_digits = written.len() - head.len();
        if head_digits == 0 {
            return false;
        }
        let before_ok = head
            .chars()
            .next_back()
            .is_none_or(|c| !(is_alphanumeric(c) || matches!(c, '-' | '–' | '.' | ',' | '/')));
        let tail = &self.rest()[1..];
        let tail_digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if tail_digits == 0 {
            return false;
        }
        let after = &tail.as_bytes()[tail_digits..];
        let after_ok = match after {
            [b'-' | b'/', ..] => false,
            [b'.' | b',', d, ..] => !d.is_ascii_digit(),
            [0xE2, 0x80, 0x93, ..] => false,
            _ => true,
        };
        before_ok && after_ok
    }
}

/// The length of a URL candidate without the punctuation that ends the sentence after it:
/// `.,;:!?'’` and a `)` with no `(` in the URL.
fn url_len(candidate: &str) -> usize {
    let mut url = candidate;
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’']);
        let trimmed = match trimmed.strip_suffix(')') {
            Some(inner) if inner.matches('(').count() < inner.matches(')').count() + 1 => inner,
            _ => trimmed,
        };
        if trimmed.len() == url.len() {
            return url.len();
        }
        url = trimmed;
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{find_trigger, is_alphanumeric};
    use crate::render::escape::escape_body_text;
    use crate::render::typography::{en, fr, Typographer};
    use crate::render::Lang;

    /// The typographed text and its HTML, written after what `visible` and `html` held.
    fn both(lang: Lang, texts: &[&str]) -> (String, String) {
        let mut typographer = Typographer::new(lang);
        let (mut visible, mut html) = (String::from("avant "), String::from("<p>"));
        for text in texts {
            typographer.apply_to(text, &mut visible, &mut html);
        }
        (visible, html)
    }

    /// The HTML written in the same scan is the visible text escaped, as the pipeline wrote
    /// it before (typography, then the body escape over its output), plus the superscripts
    /// of ordinals (the input's own `<` are escaped, so every `<sup>` is the rules').
    fn assert_html_is_escaped_visible(lang: Lang, texts: &[&str]) {
        let (visible, html) = both(lang, texts);
        let html = html.replace("<sup>", "").replace("</sup>", "");
        let mut expected = String::from("<p>");
        escape_body_text(&mut expected, &visible["avant ".len()..]);
        assert_eq!(html, expected, "{texts:?}");
    }

    #[test]
    fn html_is_the_escaped_typography() {
        for lang in [Lang::Fr, Lang::En] {
            assert_html_is_escaped_visible(
                lang,
                &[
                    "Tom & Jerry : <b> \"a<b\" l'été ",
                    "> 10 km ! https://a.fr/?a=1&b=<2> --",
                ],
            );
            assert_html_is_escaped_visible(lang, &["1964-2009 & <", ">\" ; www.x.fr&y ..."]);
        }
        let (visible, html) = both(Lang::Fr, &["a & b : \"c\""]);
        assert_eq!(visible, "avant a & b\u{a0}: «\u{a0}c\u{a0}»");
        assert_eq!(html, "<p>a &amp; b\u{a0}: «\u{a0}c\u{a0}»");
    }

    proptest! {
        #[test]
        fn html_is_the_escaped_typography_everywhere(
            texts in prop::collection::vec("[a-z0-9 &<>\"':;!?.\\-/«»\u{a0}]{0,30}", 1..4),
        ) {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            assert_html_is_escaped_visible(Lang::Fr, &texts);
            assert_html_is_escaped_visible(Lang::En, &texts);
        }
    }

    /// `find_trigger` screens for 0x21..=0x3F, 0x49..=0x58 and 0xC2 only: a trigger outside
    /// would be missed, so every language's table must stay inside.
    #[test]
    fn every_trigger_is_a_screened_candidate() {
        for table in [&fr::TRIGGERS, &en::TRIGGERS] {
            for (byte, &trigger) in table.iter().enumerate() {
                assert!(
                    !trigger
                        || (0x21..=0x3f).contains(&byte)
                        || (0x49..=0x58).contains(&byte)
                        || byte == 0xc2,
                    "{byte:#x}"
                );
            }
        }
    }

    /// The shortcuts answer as the standard library does for every character, so the
    /// rules that use them cannot change what they write.
    #[test]
    fn letter_tests_agree_with_the_standard_library() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn finds_the_first_trigger_across_lanes() {
        let text = "abcdefghijklmnopqrstuvwxyz le journal Lu l'été, (vu)";
        let at = find_trigger(text.as_bytes(), 0, &fr::TRIGGERS);
        assert_eq!(at, text.find('\''));
        assert_eq!(find_trigger(b"sans rien", 0, &fr::TRIGGERS), None);
        assert_eq!(find_trigger(b"a.b.c", 2, &fr::TRIGGERS), Some(3));
    }
}
