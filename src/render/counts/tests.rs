//! Count cases, and properties tying the fast paths (SIMD blocks, batched texts) to the
//! exact automaton with full grapheme segmentation.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::{count_text, Counter, Counts};

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

/// Pieces that exercise every class: ASCII, Latin letters, what typography writes, and the
/// characters that force the slow path (combining marks, emoji, other scripts, breaks).
const PIECES: &[&str] = &[
    "mot",
    "Mot",
    "l’année",
    "été",
    "42",
    "a",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u{c}",
    "\u{b}",
    ".",
    ",",
    "-",
    "(",
    "'",
    "\"",
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "«",
    "»",
    "—",
    "–",
    "…",
    "’",
    "€",
    "²",
    "µ",
    "\u{ad}",
    "\u{85}",
    "\u{2028}",
    "\u{200b}",
    "\u{301}",
    "e\u{301}",
    "👩‍👩‍👧",
    "🇫🇷",
    "ß",
    "ж",
    "日本",
    "\u{600}",
    "\u{2030}",
    "›",
    "\u{2060}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

/// The reference: the byte automaton alone over the whole text, signs by full grapheme
/// segmentation.
fn exact(text: &str) -> Counts {
    let mut counter = Counter::default();
    counter.automaton(text, 0, text.len());
    counter.signs = text
        .graphemes(true)
        .filter(|g| !matches!(*g, "\n" | "\r" | "\r\n"))
        .count();
    counter.finish()
}

#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Space,
    Break,
}

fn pieces() -> impl Strategy<Value = Vec<Piece>> {
    let piece = prop_oneof![
        6 => text().prop_map(Piece::Text),
        1 => Just(Piece::Space),
        1 => Just(Piece::Break),
    ];
    prop::collection::vec(piece, 0..12)
}

proptest! {
    /// The SIMD blocks (and their fallback to the automaton) count exactly like the
    /// automaton with grapheme segmentation.
    #[test]
    fn fast_path_counts_like_the_grapheme_path(text in text()) {
        prop_assert_eq!(count_text(&text), exact(&text));
    }

    /// Batching texts gives the counts of counting each text on its own, as the pipeline
    /// did before batching: a soft break is one space sign, a block boundary ends the word.
    #[test]
    fn batched_texts_count_like_separate_texts(pieces in pieces()) {
        let mut batched = Counter::default();
        let mut separate = Counter::default();
        for piece in &pieces {
            match piece {
                Piece::Text(text) => {
                    batched.add(text);
                    let counts = exact(text);
                    separate.automaton(text, 0, text.len());
                    separate.signs += counts.signs;
                }
                Piece::Space => {
                    batched.add_space();
                    separate.end_word();
                    separate.signs += 1;
                    separate.spaces += 1;
                }
                Piece::Break => {
                    batched.break_word();
                    separate.end_word();
                }
            }
        }
        prop_assert_eq!(batched.finish(), separate.finish());
    }
}

proptest! {
    /// Text written into the batch by the caller counts like the same text added.
    #[test]
    fn text_written_into_the_batch_counts_like_added_text(pieces in pieces()) {
        let mut added = Counter::default();
        let mut written = Counter::default();
        for piece in &pieces {
            match piece {
                Piece::Text(text) => {
                    added.add(text);
                    written.add_with(|batch| batch.push_str(text));
                }
                Piece::Space => {
                    added.add_space();
                    written.add_space();
                }
                Piece::Break => {
                    added.break_word();
                    written.break_word();
                }
            }
        }
        prop_assert_eq!(added.finish(), written.finish());
    }
}
