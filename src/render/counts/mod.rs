//! Length of a piece as a French editor measures it: *signes* (grapheme clusters of the
//! visible text), words, *feuillets* and reading time.

mod blocks;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::render::simd::{find, range};
use blocks::{Masks, BLOCK};

/// Signs in one *feuillet*, the press's unit of length.
pub const SIGNS_PER_FEUILLET: f64 = 1500.0;
/// Reading speed used for the reading time: an adult reading French prose silently.
pub const WORDS_PER_MINUTE: f64 = 230.0;

/// Length of a text. Serialized with snake_case field names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Counts {
    /// *Signes espaces comprises*: grapheme clusters of the visible text, spaces included.
    pub signs: usize,
    /// *Signes sans espaces*: the same without whitespace.
    pub signs_no_spaces: usize,
    /// Words, counted like common word processors do (see [`count_text`]).
    pub words: usize,
    /// *Feuillets*: `signs / 1500`.
    pub feuillets: f64,
    /// Reading time in minutes, at 230 words a minute.
    pub reading_minutes: f64,
}

/// Counts a plain field (title, chapô) the way the body is counted.
///
/// Word rule: a word is a maximal run of non-whitespace characters (no-break spaces
/// included as whitespace) that holds at least one letter or digit. So `l’année`,
/// `aujourd’hui` and `peut-être` are one word each, as in LibreOffice and Word, while a lone
/// `:`, `—` or `«` is not a word. Signs are grapheme clusters, so `é` typed as `e` + U+0301
/// is one sign.
pub fn count_text(plain: &str) -> Counts {
    let mut counter = Counter::default();
    counter.add(plain);
    counter.finish()
}

/// Incremental counter fed with the visible text of a document, piece by piece.
#[derive(Debug, Default, Clone)]
pub(crate) struct Counter {
    signs: usize,
    spaces: usize,
    words: usize,
    /// Automaton state: [`OUTSIDE`], [`IN_MARKS`] or [`IN_WORD`].
    state: u8,
    /// Text not counted yet. Texts arrive in small pieces (between two inline elements), and
    /// counting pays per call, so they are counted in batches (see [`Counter::push`]).
    pending: String,
    /// Counts nothing: the caller does not want counts (an export), and the batch only
    /// serves as typography's scratch buffer.
    off: bool,
}

/// Pending text is counted once it reaches this size, so the batch stays in cache.
const BATCH: usize = 8 * 1024;

impl Counter {
    /// A counter that counts nothing, for renders whose counts nobody reads.
    pub(crate) fn off() -> Self {
        Self {
            off: true,
            ..Self::default()
        }
    }

    /// Adds visible text; a word may continue from the previous piece (`**gr**as`).
    pub(crate) fn add(&mut self, text: &str) {
        self.push(text);
    }

    /// Queues `text` after the pending text. Counting the two together gives the same counts
    /// as counting them one after the other when the junction is a grapheme boundary either
    /// way: words and spaces come from an automaton that carries over anyway, and between two
    /// characters that always stand alone as a grapheme cluster (ASCII, Latin, the
    /// typographic signs) there is always a boundary (but in `\r\n`, where both ways count
    /// no sign). At any other junction the pending text is counted first, so a combining
    /// mark at the start of a text stays a sign of its own as before.
    fn push(&mut self, text: &str) {
        if text.is_empty() || self.off {
            return;
        }
        if !joins(&self.pending, text) {
            self.flush();
        }
        self.pending.push_str(text);
        if self.pending.len() >= BATCH {
            self.flush();
        }
    }

    /// Adds the visible text that `write` appends to the batch itself (typography writes
    /// its output there directly): the same as [`Counter::add`] with that text.
    pub(crate) fn add_with(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.pending.len();
        write(&mut self.pending);
        if self.off {
            self.pending.clear();
            return;
        }
        let (before, text) = self.pending.split_at(start);
        if text.is_empty() {
            return;
        }
        if !joins(before, text) {
            // What `push` does: the earlier text is counted on its own first.
            let mut pending = std::mem::take(&mut self.pending);
            self.count(&pending[..start]);
            pending.drain(..start);
            self.pending = pending;
        }
        if self.pending.len() >= BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            self.count(&pending);
            self.pending = pending;
            self.pending.clear();
        }
    }

    /// Counts a piece of text.
    ///
    /// This runs over every visible byte of every render, so it is built for speed: signs
    /// are a vectorized count of character starts; words and spaces come 64 bytes at a time
    /// from SIMD masks ([`blocks`]), and a block with a character outside the common ones
    /// goes through the exact byte automaton ([`Counter::automaton`]).
    fn count(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut simple = true;
        let mut i = 0;
        while i < bytes.len() {
            let masks = Masks::of(bytes, i);
            if masks.slow == 0 {
                let mut in_word = self.state == IN_WORD;
                let (words, spaces) = masks.count(&mut in_word);
                self.words += words;
                self.spaces += spaces;
                self.state = match (in_word, masks.ends_in_run()) {
                    (true, _) => IN_WORD,
                    (false, true) => IN_MARKS,
                    (false, false) => OUTSIDE,
                };
                i += BLOCK;
                continue;
            }
            // The block may start inside a character whose lead byte a fast block counted.
            let end = (i + BLOCK).min(bytes.len());
            while i < end && is_continuation(bytes[i]) {
                i += 1;
            }
            let (next, single) = self.automaton(text, i, end);
            simple &= single;
            i = next;
        }
        self.signs += if simple {
            simple_signs(bytes)
        } else {
            mixed_signs(text)
        };
    }

    /// Steps the byte automaton over `text[start..]` until at least `end`, skipping runs of
    /// letters in a tight loop and decoding only characters outside ASCII and Latin letters.
    /// Returns where it stopped (a character boundary) and whether every character met is a
    /// grapheme cluster on its own.
    fn automaton(&mut self, text: &str, start: usize, end: usize) -> (usize, bool) {
        let bytes = text.as_bytes();
        let mut state = self.state;
        let (mut spaces, mut words) = (0, 0);
        let mut simple = true;
        let mut i = start;
        while i < end {
            if LETTER_BYTES[usize::from(bytes[i])] {
                i += 1;
                while i < bytes.len() && LETTER_BYTES[usize::from(bytes[i])] {
                    i += 1;
                }
                state = IN_WORD;
                continue;
            }
            let mut step = STEPS[usize::from(state)][usize::from(bytes[i])];
            let mut len = 1;
            if step & SLOW != 0 {
                let (class, char_len, single) = slow_class(text, i);
                simple &= single;
                step = STEPS[usize::from(state)][class_byte(class)];
                len = char_len;
            }
            state = step & STATE;
            words += usize::from(step & EMIT_WORD != 0);
            spaces += usize::from(step & SPACE != 0);
            i += len;
        }
        self.state = state;
        self.words += words;
        self.spaces += spaces;
        (i, simple)
    }

    /// A space between two pieces of text (soft line break): one sign, ends the word.
    pub(crate) fn add_space(&mut self) {
        self.push(" ");
    }

    /// A block boundary: ends the word without adding a sign.
    pub(crate) fn break_word(&mut self) {
        // A line break: ends the word, counts no sign.
        self.push("\n");
    }

    fn end_word(&mut self) {
        if self.state == IN_WORD {
            self.words += 1;
        }
        self.state = OUTSIDE;
    }

    /// The totals.
    pub(crate) fn finish(mut self) -> Counts {
        self.flush();
        self.end_word();
        let signs_no_spaces = self.signs.saturating_sub(self.spaces);
        #[allow(clippy::cast_precision_loss)] // counts stay far below 2^52
        Counts {
            signs: self.signs,
            signs_no_spaces,
            words: self.words,
            feuillets: self.signs as f64 / SIGNS_PER_FEUILLET,
            reading_minutes: self.words as f64 / WORDS_PER_MINUTE,
        }
    }
}

/// Whether `text` may be counted together with the `pending` text before it: when the
/// junction is a grapheme boundary either way (see [`Counter::push`]). Inlined: it runs
/// for every text, and almost always decides on two ASCII bytes.
#[inline(always)]
fn joins(pending: &str, text: &str) -> bool {
    let (Some(&first), last) = (text.as_bytes().first(), pending.as_bytes().last()) else {
        return true;
    };
    match last {
        None => true,
        Some(last) if last.is_ascii() && first.is_ascii() => true,
        Some(_) => {
            pending.chars().next_back().is_some_and(is_single_grapheme)
                && text.chars().next().is_some_and(is_single_grapheme)
        }
    }
}

/// Signs of text whose characters all stand alone as grapheme clusters: the characters
/// that are not line breaks. Counted in chunks of 255 with byte-wide sums, which the
/// compiler turns into vector code (one pass, where a search for each line break stops at
/// every line of a code block).
fn simple_signs(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| {
            let signs = chunk.iter().fold(0u8, |sum, &b| {
                let sign = (b as i8) >= -0x40 && b != b'\n' && b != b'\r';
                sum.wrapping_add(u8::from(sign))
            });
            usize::from(signs)
        })
        .sum()
}

/// Signs of grapheme clusters, line breaks excluded.
fn grapheme_signs(text: &str) -> usize {
    text.graphemes(true)
        .filter(|g| !matches!(*g, "\n" | "\r" | "\r\n"))
        .count()
}

/// Signs of text holding characters that may join others in a cluster (combining marks,
/// emoji, other scripts). Only the regions around those go through grapheme segmentation:
/// a region runs from the character before such characters to the character after them,
/// and between two characters that stand alone there is always a cluster boundary (but in
/// `\r\n`, whose two halves count no sign either way), so the rest counts characters.
fn mixed_signs(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut signs, mut done, mut i) = (0, 0, 0);
    // Every character that does not stand alone is U+0300 or above: lead byte ≥ 0xCC.
    while let Some(at) = find(bytes, i, |v| range(v, 0xcc, 52)) {
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if is_single_grapheme(c) {
            i = at + c.len_utf8();
            continue;
        }
        let start = previous_char(bytes, at).max(done);
        let end = region_end(text, at);
        signs += simple_signs(&bytes[done..start]) + grapheme_signs(&text[start..end]);
        done = end;
        i = end;
    }
    signs + simple_signs(&bytes[done..])
}

/// Start of the character before byte `at` (or 0).
fn previous_char(bytes: &[u8], at: usize) -> usize {
    let mut start = at.saturating_sub(1);
    while start > 0 && is_continuation(bytes[start]) {
        start -= 1;
    }
    start
}

/// End of the region that starts with a joining character at `at`: past the joining
/// characters and one standing-alone character after them, unless another joining one
/// follows it.
fn region_end(text: &str, at: usize) -> usize {
    let mut end = at;
    let mut chars = text[at..].chars().peekable();
    while let Some(c) = chars.next() {
        end += c.len_utf8();
        if is_single_grapheme(c) && chars.peek().is_none_or(|&next| is_single_grapheme(next)) {
            break;
        }
    }
    end
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xc0 == 0x80
}

/// What a character does to the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter or digit: a sign, and makes its run a word.
    Word,
    /// Punctuation or a symbol: a sign, part of a run, but not enough for a word.
    Mark,
    /// Whitespace shown as a space: a sign that ends the word.
    Space,
    /// A line break: ends the word, not a sign.
    Break,
    /// A lead byte that needs the character decoded.
    Slow,
}

/// Automaton states: between words, in a run of punctuation only, in a real word.
const OUTSIDE: u8 = 0;
const IN_MARKS: u8 = 1;
const IN_WORD: u8 = 2;
/// Step bits: the next state (low two bits) and what the byte adds.
const STATE: u8 = 0b11;
const EMIT_WORD: u8 = 0b100;
const SPACE: u8 = 0b1000;
const SLOW: u8 = 0b1_0000;

/// `STEPS[state][byte]`. Bytes that decide nothing alone (lead bytes outside Latin letters)
/// are marked slow; a decoded character is fed back through the row of a representative
/// ASCII byte of its class (see [`class_byte`]).
static STEPS: [[u8; 256]; 3] = [steps(OUTSIDE), steps(IN_MARKS), steps(IN_WORD)];

/// Bytes that continue or start a word on their own: ASCII letters and digits, Latin
/// letters U+00C0..U+02FF and the continuation bytes of multi-byte characters.
static LETTER_BYTES: [bool; 256] = letter_bytes();

const fn letter_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = matches!(byte_class(byte as u8), Some(Class::Word) | None);
        byte += 1;
    }
    table
}

const fn byte_class(byte: u8) -> Option<Class> {
    Some(match byte {
        b'\n' | b'\r' => Class::Break,
        b' ' | b'\t' | 0x0c => Class::Space,
        b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => Class::Word,
        0..=0x7f => Class::Mark,
        // Continuation bytes: the lead byte already counted the character.
        0x80..=0xbf => return None,
        // U+00C0..U+02FF: Latin letters (× and ÷ count as letters here, a rounding).
        0xc3..=0xcb => Class::Word,
        _ => Class::Slow,
    })
}

const fn steps(state: u8) -> [u8; 256] {
    let mut row = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        row[byte] = match byte_class(byte as u8) {
            None => state,
            Some(Class::Word) => IN_WORD,
            Some(Class::Mark) => {
                if state == OUTSIDE {
                    IN_MARKS
                } else {
                    state
                }
            }
            Some(Class::Space) => OUTSIDE | SPACE | end_word_bit(state),
            Some(Class::Break) => OUTSIDE | end_word_bit(state),
            Some(Class::Slow) => SLOW,
        };
        byte += 1;
    }
    row
}

const fn end_word_bit(state: u8) -> u8 {
    if state == IN_WORD {
        EMIT_WORD
    } else {
        0
    }
}

/// An ASCII byte of the same class, to step the automaton for a decoded character.
fn class_byte(class: Class) -> usize {
    usize::from(match class {
        Class::Word => b'a',
        Class::Space => b' ',
        Class::Break => b'\n',
        Class::Mark | Class::Slow => b'.',
    })
}

/// Class, length and grapheme simplicity of the character at `i`. U+2000..U+203F (the
/// spaces, dashes and quotes typography writes) is read from its bytes without decoding.
fn slow_class(text: &str, i: usize) -> (Class, usize, bool) {
    let bytes = text.as_bytes();
    if bytes[i] == 0xe2 && bytes.get(i + 1) == Some(&0x80) {
        if let Some(&last) = bytes.get(i + 2) {
            let point = 0x2000 + u32::from(last & 0x3f);
            return (
                general_punctuation(point),
                3,
                !(0x200b..=0x200f).contains(&point),
            );
        }
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (classify(c), c.len_utf8(), is_single_grapheme(c))
}

fn general_punctuation(point: u32) -> Class {
    match point {
        0x2000..=0x200a | 0x202f => Class::Space,
        0x2028 | 0x2029 => Class::Break,
        _ => Class::Mark,
    }
}

fn classify(c: char) -> Class {
    if c.is_alphanumeric() {
        Class::Word
    } else if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
        Class::Break
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Mark
    }
}

/// Characters that always stand alone as a grapheme cluster, so counting chars is exact:
/// Latin scripts, their punctuation and the typographic signs the pipeline inserts. Any
/// other character (combining marks, emoji, ZWJ, CR, Hangul…) takes the full segmentation.
fn is_single_grapheme(c: char) -> bool {
    c < '\u{300}'
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{202f}'..='\u{205e}').contains(&c)
        || c == '\u{20ac}'
}

#[cfg(test)]
mod tests;
