//! Length of a piece as a French editor measures it: *signes* (grapheme clusters of the
//! visible text), words, *feuillets* and reading time.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// Signs in one *feuillet*, the press's unit of length.
pub const SIGNS_PER_FEUILLET: f64 = 1500.0;
/// Reading speed used for the reading time: an adult reading French prose silently.
pub const WORDS_PER_MINUTE: f64 = 230.0;

/// Length of a text. Serialized with snake_case field names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
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
    /// Inside a run of non-whitespace characters.
    in_word: bool,
    /// The current run holds a letter or a digit.
    word_counts: bool,
}

impl Counter {
    /// Adds visible text; a word may continue from the previous piece (`**gr**as`).
    pub(crate) fn add(&mut self, text: &str) {
        let mut simple = true;
        let mut chars = 0;
        for c in text.chars() {
            simple &= is_single_grapheme(c);
            chars += 1;
            if c.is_whitespace() {
                self.end_word();
                if c == '\n' {
                    chars -= 1;
                } else {
                    self.spaces += 1;
                }
            } else {
                self.in_word = true;
                self.word_counts |= c.is_alphanumeric();
            }
        }
        self.signs += if simple {
            chars
        } else {
            text.graphemes(true)
                .filter(|g| *g != "\n" && *g != "\r\n")
                .count()
        };
    }

    /// A space between two pieces of text (soft line break): one sign, ends the word.
    pub(crate) fn add_space(&mut self) {
        self.end_word();
        self.signs += 1;
        self.spaces += 1;
    }

    /// A block boundary: ends the word without adding a sign.
    pub(crate) fn break_word(&mut self) {
        self.end_word();
    }

    fn end_word(&mut self) {
        if self.in_word && self.word_counts {
            self.words += 1;
        }
        self.in_word = false;
        self.word_counts = false;
    }

    /// The totals.
    pub(crate) fn finish(mut self) -> Counts {
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

/// Characters that always stand alone as a grapheme cluster, so counting chars is exact:
/// Latin scripts, their punctuation and the typographic signs the pipeline inserts. Any
/// other character (combining marks, emoji, ZWJ, CR, Hangul…) takes the full segmentation.
fn is_single_grapheme(c: char) -> bool {
    (c < '\u{300}' && c != '\r')
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{202f}'..='\u{205e}').contains(&c)
        || c == '\u{20ac}'
}

#[cfg(test)]
mod tests {
    use super::count_text;

    #[test]
    fn elided_article_is_one_word() {
        let counts = count_text("l’année dernière");
        assert_eq!(counts.words, 2);
        assert_eq!(counts.signs, 16);
        assert_eq!(counts.signs_no_spaces, 15);
    }

    #[test]
    fn combining_accent_is_one_sign() {
        assert_eq!(count_text("e\u{301}te\u{301}").signs, 3);
        assert_eq!(count_text("👩‍👩‍👧 ok").signs, 4);
    }

    #[test]
    fn punctuation_alone_is_not_a_word() {
        assert_eq!(count_text("Note\u{a0}: oui — non\u{202f}!").words, 3);
    }

    #[test]
    fn feuillet_is_1500_signs() {
        let counts = count_text(&"a".repeat(3000));
        assert!((counts.feuillets - 2.0).abs() < f64::EPSILON);
    }
}
