//! A cursor over one text event that copies untouched runs in bulk and lets the rules
//! replace the few bytes that matter (most prose bytes are letters and never stop it).

use super::{NBSP, NNBSP};
use crate::render::simd::{eq, mask, range, LANES};

/// The first trigger byte of `bytes` at or after `from`. Every trigger of both languages is
/// ASCII punctuation or a digit (0x21..=0x3F) or the lead byte 0xC2 (`«`, `»`), so 16 bytes
/// at a time are screened for those candidates and only candidates look up the table: prose
/// letters and spaces are skipped without a per-byte branch.
pub(crate) fn find_trigger(bytes: &[u8], from: usize, triggers: &[bool; 256]) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let mut candidates = mask(bytes, at, b'a', |v| range(v, 0x21, 31) | eq(v, 0xc2));
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
pub(crate) struct Scan<'t> {
    text: &'t str,
    pos: usize,
    out: String,
    /// Last visible character before this text (from earlier events of the block).
    before: Option<char>,
}

/// Spaces a typist may have put before punctuation or inside guillemets.
pub(crate) fn is_typed_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | NBSP | NNBSP)
}

impl<'t> Scan<'t> {
    /// Starts at `first`, the first trigger byte; everything before it is copied as is.
    /// `out` is a scratch buffer reused across texts, so scanning does not allocate.
    pub(crate) fn new(text: &'t str, first: usize, before: Option<char>, mut out: String) -> Self {
        out.clear();
        out.reserve(text.len() + text.len() / 4 + 16);
        out.push_str(&text[..first]);
        Self {
            text,
            pos: first,
            out,
            before,
        }
    }

    /// Copies up to the next trigger byte and returns it, or copies the rest and stops.
    pub(crate) fn next_trigger(&mut self, triggers: &[bool; 256]) -> Option<u8> {
        let bytes = self.text.as_bytes();
        match find_trigger(bytes, self.pos, triggers) {
            Some(at) => {
                self.out.push_str(&self.text[self.pos..at]);
                self.pos = at;
                Some(bytes[at])
            }
            None => {
                self.out.push_str(&self.text[self.pos..]);
                self.pos = self.text.len();
                None
            }
        }
    }

    /// The output text.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// The input from the current position (which starts with the trigger byte).
    pub(crate) fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    /// The character after the current one, if this text has one.
    pub(crate) fn next_char(&self) -> Option<char> {
        let mut chars = self.rest().chars();
        chars.next();
        chars.next()
    }

    /// The last visible character before the current position, across events.
    pub(crate) fn prev_char(&self) -> Option<char> {
        self.out.chars().next_back().or(self.before)
    }

    /// Writes `with` in place of the next `len` input bytes.
    pub(crate) fn replace(&mut self, len: usize, with: &str) {
        self.out.push_str(with);
        self.pos += len;
    }

    /// Writes a character without consuming input.
    pub(crate) fn push(&mut self, c: char) {
        self.out.push(c);
    }

    /// Copies the current character unchanged.
    pub(crate) fn copy_char(&mut self) {
        let len = self.rest().chars().next().map_or(1, char::len_utf8);
        self.out.push_str(&self.text[self.pos..self.pos + len]);
        self.pos += len;
    }

    /// Skips spaces in the input (the typed spaces a rule replaces with its own).
    pub(crate) fn skip_spaces(&mut self) {
        let rest = self.rest();
        let trimmed = rest.trim_start_matches(is_typed_space);
        self.pos += rest.len() - trimmed.len();
    }

    /// Removes spaces at the end of the output; true when there were some.
    pub(crate) fn trim_spaces_end(&mut self) -> bool {
        let kept = self.out.trim_end_matches(is_typed_space).len();
        let trimmed = kept < self.out.len();
        self.out.truncate(kept);
        trimmed
    }

    /// Whether the output ends with `word` as a whole word (`www` but not `awww`).
    pub(crate) fn out_ends_with_word(&self, word: &str) -> bool {
        self.out.strip_suffix(word).is_some_and(|head| {
            head.chars()
                .next_back()
                .or(self.before)
                .is_none_or(|c| !c.is_alphanumeric())
        })
    }

    /// Copies a URL written in the text verbatim, up to the next space: no rule applies
    /// inside `https://example.com/a--b...` or `www.exemple.fr:8080`.
    pub(crate) fn copy_url(&mut self) {
        let rest = self.rest();
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        self.replace(len, &rest[..len]);
    }

    /// Copies a run of ASCII digits; returns how many.
    pub(crate) fn copy_digits(&mut self) -> usize {
        let rest = self.rest();
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        self.replace(len, &rest[..len]);
        len
    }

    /// Whether the hyphen at the position joins two numbers as a range (`1964-2009`), and not
    /// a date (`2024-05-12`), a code (`A4-5`) or a phone number (`01-23-45`).
    pub(crate) fn is_number_range(&self) -> bool {
        let head = self.out.trim_end_matches(|c: char| c.is_ascii_digit());
        let head_digits = self.out.len() - head.len();
        if head_digits == 0 {
            return false;
        }
        let before_ok = head
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '-' | '–' | '.' | ',' | '/')));
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

#[cfg(test)]
mod tests {
    use super::find_trigger;
    use crate::render::typography::{en, fr};

    /// `find_trigger` screens for 0x21..=0x3F and 0xC2 only: a trigger outside would be
    /// missed, so every language's table must stay inside.
    #[test]
    fn every_trigger_is_a_screened_candidate() {
        for table in [&fr::TRIGGERS, &en::TRIGGERS] {
            for (byte, &trigger) in table.iter().enumerate() {
                assert!(
                    !trigger || (0x21..=0x3f).contains(&byte) || byte == 0xc2,
                    "{byte:#x}"
                );
            }
        }
    }

    #[test]
    fn finds_the_first_trigger_across_lanes() {
        let text = "abcdefghijklmnopqrstuvwxyz, le journal (vu) l'été";
        let at = find_trigger(text.as_bytes(), 0, &fr::TRIGGERS);
        assert_eq!(at, text.find('\''));
        assert_eq!(find_trigger(b"sans rien", 0, &fr::TRIGGERS), None);
        assert_eq!(find_trigger(b"a.b.c", 2, &fr::TRIGGERS), Some(3));
    }
}
