//! Snippets of large pieces in bounded time. FTS5's `snippet()` scores a window at every
//! match against every other match, so its cost grows with the square of the matches: a
//! common word in a 4 MB piece took 2.3 s, in two 50 MB pieces 456 s. For a body past
//! [`LARGE_BODY_BYTES`], the snippet is taken by the same FTS5 function from a copy of the
//! piece whose body is cut to [`WINDOW_BYTES`] around the first match, in a temporary
//! in-memory index: same tokenizer, same highlighting, bounded work.

use rusqlite::{Connection, OptionalExtension};

use super::search::{MARK_END, MARK_START, SNIPPET_WORDS};
use super::LibraryError;

/// Bodies longer than this (bytes) get their snippet from a window.
pub(crate) const LARGE_BODY_BYTES: usize = 64 * 1024;

/// Bytes of body around the first match kept for the snippet.
const WINDOW_BYTES: usize = 4096;

/// The marked snippet of piece `id` for `fts_query`, from a window of its body around the
/// first of `words` (folded, with their prefix flag); empty when the window holds no match.
pub(crate) fn windowed(
    conn: &Connection,
    fts_query: &str,
    words: &[(String, bool)],
    id: i64,
) -> Result<String, LibraryError> {
    let (title, kicker, standfirst, body, tags): (String, String, String, String, String) = conn
        .prepare_cached(
            "SELECT title, kicker, standfirst, body, coalesce(tags_text, '') FROM pieces WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
    let at = first_match(&body, words).unwrap_or(0);
    let window = around(&body, at, WINDOW_BYTES);
    conn.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.snippet_window USING fts5(
             title, kicker, standfirst, body, tags_text,
             tokenize = 'unicode61 remove_diacritics 2');
         DELETE FROM temp.snippet_window;",
    )?;
    conn.prepare_cached(
        "INSERT INTO temp.snippet_window (rowid, title, kicker, standfirst, body, tags_text)
         VALUES (1, ?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(rusqlite::params![title, kicker, standfirst, window, tags])?;
    let snippet: Option<String> = conn
        .prepare_cached(&format!(
            "SELECT snippet(snippet_window, -1, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_WORDS})
             FROM temp.snippet_window WHERE snippet_window MATCH ?1"
        ))?
        .query_row([fts_query], |r| r.get(0))
        .optional()?;
    Ok(snippet.unwrap_or_default())
}

/// Byte offset of the first word of `text` equal to one of `words` (or starting with it,
/// for a prefix), compared as [`crate::text::fold`] folds them. One pass over the bytes:
/// a word is folded only when its first byte could start a match (the first letter of a
/// query word in either case, or a non-ASCII letter, which may fold to it), so a rare word
/// at the end of a 50 MB body costs a byte scan, not millions of folds (issue #13, item 8).
fn first_match(text: &str, words: &[(String, bool)]) -> Option<usize> {
    let words: Vec<(&str, bool)> = words
        .iter()
        .filter(|(w, _)| !w.is_empty())
        .map(|(w, prefix)| (w.as_str(), *prefix))
        .collect();
    let mut can_start = [false; 256];
    for (w, _) in &words {
        let first = w.as_bytes()[0];
        can_start[usize::from(first.to_ascii_lowercase())] = true;
        can_start[usize::from(first.to_ascii_uppercase())] = true;
    }
    can_start[0x80..].fill(true);
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some((start, end)) = next_word(text, at) {
        if can_start[usize::from(bytes[start])] && word_matches(&text[start..end], &words) {
            return Some(start);
        }
        at = end;
    }
    None
}

/// Whether `word` folds to one of `words` (or starts with a prefix one).
fn word_matches(word: &str, words: &[(&str, bool)]) -> bool {
    let equal = |folded: &str| {
        words.iter().any(|&(w, prefix)| {
            if prefix {
                folded.len() >= w.len()
                    && folded.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            } else {
                folded.eq_ignore_ascii_case(w)
            }
        })
    };
    // Folded query words are ASCII lower case: an ASCII word is compared in place.
    if word.is_ascii() {
        equal(word)
    } else {
        equal(&crate::text::fold(word))
    }
}

/// The next word (a run of alphanumeric characters, as the index's tokenizer splits) at or
/// after byte `from`, as a byte range; ASCII bytes are classified without decoding.
fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let is_word = |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    };
    let mut i = from;
    let start = loop {
        if i >= bytes.len() {
            return None;
        }
        let (word, len) = is_word(i);
        if word {
            break i;
        }
        i += len;
    };
    while i < bytes.len() {
        let (word, len) = is_word(i);
        if !word {
            break;
        }
        i += len;
    }
    Some((start, i))
}

/// About `size` bytes of `text` centred on byte `at`, cut on character boundaries.
fn around(text: &str, at: usize, size: usize) -> &str {
    let mut start = at.saturating_sub(size / 2);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + size).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_match_is_found_folded_and_cut_safely() {
        let words = vec![("redaction".to_owned(), false), ("anne".to_owned(), true)];
        let text = "Le café, la rédaction et l'année";
        let at = first_match(text, &words).expect("a match");
        assert!(text[at..].starts_with("rédaction"));
        assert_eq!(first_match("rien ici", &words), None);
        // A word starting with a non-ASCII letter is folded before it is compared; an
        // ASCII tail after one is not a word of its own.
        let words = vec![("oeuvre".to_owned(), false), ("unique".to_owned(), false)];
        let text = "caféunique, l'Œuvre";
        let at = first_match(text, &words).expect("a match");
        assert!(text[at..].starts_with("Œuvre"), "{}", &text[at..]);
        let accents = "é".repeat(100);
        let cut = around(&accents, 51, 11);
        assert!(cut.chars().all(|c| c == 'é'));
    }
}
