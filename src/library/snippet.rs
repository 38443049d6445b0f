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
/// for a prefix), compared folded; one pass, folding only words that are not plain ASCII.
fn first_match(text: &str, words: &[(String, bool)]) -> Option<usize> {
    let matches = |word: &str| {
        // Folded query words are ASCII: an ASCII word is compared in place, no allocation.
        if word.is_ascii() {
            words.iter().any(|(w, prefix)| {
                let n = w.len();
                (if *prefix {
                    word.len() >= n
                } else {
                    word.len() == n
                }) && word.as_bytes()[..n].eq_ignore_ascii_case(w.as_bytes())
            })
        } else {
            let folded = crate::text::fold(word);
            words.iter().any(|(w, prefix)| {
                if *prefix {
                    folded.starts_with(w.as_str())
                } else {
                    folded == *w
                }
            })
        }
    };
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            if matches(&text[s..i]) {
                return Some(s);
            }
        }
    }
    None
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
        let accents = "é".repeat(100);
        let cut = around(&accents, 51, 11);
        assert!(cut.chars().all(|c| c == 'é'));
    }
}
