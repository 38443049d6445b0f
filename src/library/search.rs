//! Full-text search over title, kicker, standfirst, body and tags (FTS5, `unicode61
//! remove_diacritics 2`: `annee` finds "année"), ranked by bm25, combined with the list
//! filters. Snippets come back as segments, never as HTML built from the writer's text.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};

use super::snippet;
use super::tables::pieces::{summary_from_row, SUMMARY_COLUMNS};
use super::tables::TAG_LIST_SEPARATOR;
use super::{Library, LibraryError, PieceFilter, PieceSummary};

/// Results returned when the filter sets no limit.
const DEFAULT_LIMIT: u32 = 50;
/// Private-use characters FTS5 puts around matches; split out before anything leaves.
pub(super) const MARK_START: char = '\u{e000}';
pub(super) const MARK_END: char = '\u{e001}';
/// Words of context in a snippet.
pub(super) const SNIPPET_WORDS: u32 = 16;

/// A search: words (a trailing `*` makes a prefix: `rédac*`) and the list filters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct SearchQuery {
    /// The words to find, all of them (accents and case ignored). Empty: filters only.
    pub text: String,
    /// Tags, status, category, dates, trash, limit (50 when absent).
    #[serde(flatten)]
    pub filter: PieceFilter,
}

/// A run of snippet text, highlighted when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SnippetSegment {
    /// Plain text (insert as a text node; wrap in `<mark>` when `highlight`).
    pub text: String,
    /// True for a matched word.
    pub highlight: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    /// The piece, as in the list.
    #[serde(flatten)]
    pub piece: PieceSummary,
    /// bm25 score: lower is better (0 when the query had no words).
    pub score: f64,
    /// The best matching passage.
    pub snippet: Vec<SnippetSegment>,
}

impl Library {
    /// Pieces matching every word of `query.text` and its filters, best first.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, LibraryError> {
        let Some(fts_query) = fts_query(&query.text) else {
            let filter = PieceFilter {
                limit: Some(query.filter.limit.unwrap_or(DEFAULT_LIMIT)),
                ..query.filter.clone()
            };
            let pieces = self.list_pieces(&filter)?;
            return Ok(pieces
                .into_iter()
                .map(|piece| SearchHit {
                    piece,
                    score: 0.0,
                    snippet: Vec::new(),
                })
                .collect());
        };
        let limit = query.filter.limit.unwrap_or(DEFAULT_LIMIT);
        self.read(|conn| {
            let ranked = if query.filter.is_live_only() {
                rank_live(conn, &fts_query, limit)?
            } else {
                rank_filtered(conn, &fts_query, &query.filter, limit)?
            };
            // Summaries and snippets only for the few kept: computing them for every match
            // of a common word would cost more than the ranking itself.
            ranked
                .into_iter()
                .map(|(id, score)| hit(conn, &fts_query, &query.text, id, score))
                .collect()
        })
    }
}

/// The best `limit` live pieces, ranked by the index alone: no piece row is read while
/// ranking. Asks for as many more as there are trashed pieces, then drops those, so the
/// result is exactly the live top `limit`.
fn rank_live(
    conn: &Connection,
    fts_query: &str,
    limit: u32,
) -> Result<Vec<(i64, f64)>, LibraryError> {
    let trashed: i64 = conn
        .prepare_cached("SELECT count(*) FROM pieces WHERE trashed_at IS NOT NULL")?
        .query_row([], |r| r.get(0))?;
    let ranked: Vec<(i64, f64)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT rowid, rank FROM pieces_fts WHERE pieces_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![fts_query, i64::from(limit) + trashed],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        rows.collect::<Result<_, _>>()?
    };
    if trashed == 0 {
        return Ok(ranked);
    }
    let mut is_trashed =
        conn.prepare_cached("SELECT trashed_at IS NOT NULL FROM pieces WHERE id = ?1")?;
    let mut live = Vec::with_capacity(ranked.len());
    for (id, score) in ranked {
        if !is_trashed.query_row([id], |r| r.get::<_, bool>(0))? {
            live.push((id, score));
        }
    }
    live.truncate(limit as usize);
    Ok(live)
}

/// The best `limit` pieces passing `filter`, ranked in one join.
fn rank_filtered(
    conn: &Connection,
    fts_query: &str,
    filter: &PieceFilter,
    limit: u32,
) -> Result<Vec<(i64, f64)>, LibraryError> {
    let clause = filter.clause()?;
    // CROSS JOIN keeps the index as the outer loop: left to itself, the planner may walk
    // every live piece and probe the index once per piece.
    let sql = format!(
        "SELECT p.id, pieces_fts.rank FROM pieces_fts CROSS JOIN pieces p ON p.id = pieces_fts.rowid
         WHERE pieces_fts MATCH ? AND {} ORDER BY pieces_fts.rank LIMIT {limit}",
        clause.sql
    );
    let mut params = vec![Value::Text(fts_query.to_string())];
    params.extend(clause.params);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(params.iter()), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn hit(
    conn: &Connection,
    fts_query: &str,
    text: &str,
    id: i64,
    score: f64,
) -> Result<SearchHit, LibraryError> {
    let piece = conn
        .prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM pieces p WHERE p.id = ?1"
        ))?
        .query_row([id], summary_from_row)?;
    let body_bytes: i64 = conn
        .prepare_cached("SELECT octet_length(body) FROM pieces WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let snippet = if body_bytes as usize > snippet::LARGE_BODY_BYTES {
        snippet::windowed(conn, fts_query, &query_words(text), id)?
    } else {
        conn.prepare_cached(&format!(
            "SELECT snippet(pieces_fts, -1, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_WORDS})
             FROM pieces_fts WHERE pieces_fts MATCH ?1 AND rowid = ?2"
        ))?
        .query_row(rusqlite::params![fts_query, id], |r| r.get(0))?
    };
    Ok(SearchHit {
        piece,
        score,
        snippet: segments(&without_markdown(&snippet)),
    })
}

/// The words of a query, folded, each with whether it is a prefix (`rédac*`).
fn query_words(text: &str) -> Vec<(String, bool)> {
    text.split_whitespace()
        .flat_map(|chunk| {
            let prefix = chunk.ends_with('*');
            chunk
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(move |w| (crate::text::fold(w), prefix))
        })
        .collect()
}

/// The FTS5 query for what the writer typed: each word quoted (so `AND`, `"`, `-` or `:` in
/// the text are words, not syntax), a word with an apostrophe or hyphen kept as a phrase
/// (`l'année`), a trailing `*` kept as a prefix. `None` when there is no word at all.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let parts: Vec<String> = text
        .split_whitespace()
        .filter_map(|chunk| {
            let words: Vec<&str> = chunk
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                return None;
            }
            let phrase = words.join(" ");
            Some(if chunk.ends_with('*') {
                format!("\"{phrase}\" *")
            } else {
                format!("\"{phrase}\"")
            })
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A snippet of Markdown as the writer reads it: no heading, quote or list markers, no
/// emphasis or code marks, a link's text without its address, lines joined by a space
/// (issue #11: search excerpts showed `## Publier`). The match marks are kept.
fn without_markdown(snippet: &str) -> String {
    let mut out = String::with_capacity(snippet.len());
    for line in snippet.split('\n') {
        let mut rest = line.trim_start();
        loop {
            let marker = rest.trim_start_matches(['#', '>', '-', '+', '*']);
            let numbered = marker.trim_start_matches(|c: char| c.is_ascii_digit());
            let marker = numbered
                .strip_prefix(['.', ')'])
                .filter(|_| numbered.len() < marker.len())
                .unwrap_or(marker);
            if marker.len() == rest.len() || !marker.starts_with(' ') && !marker.is_empty() {
                break;
            }
            rest = marker.trim_start();
        }
        if rest.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '*' | '`' | '~' => {}
                '_' if !chars.peek().is_some_and(|n| n.is_alphanumeric())
                    || !out.chars().last().is_some_and(char::is_alphanumeric) => {}
                '!' if chars.peek() == Some(&'[') => {}
                '[' => {}
                ']' if chars.peek() == Some(&'(') => {
                    // The address is not text: skip to the closing parenthesis (or the end).
                    for skipped in chars.by_ref() {
                        if skipped == ')' {
                            break;
                        }
                    }
                }
                ']' => {}
                _ => out.push(c),
            }
        }
    }
    out
}

/// Splits FTS5's marked snippet into plain and highlighted runs.
fn segments(marked: &str) -> Vec<SnippetSegment> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut highlight = false;
    for c in marked.chars() {
        let next = match c {
            MARK_START => true,
            MARK_END => false,
            TAG_LIST_SEPARATOR => {
                text.push_str(", ");
                continue;
            }
            _ => {
                text.push(c);
                continue;
            }
        };
        if !text.is_empty() {
            out.push(SnippetSegment {
                text: std::mem::take(&mut text),
                highlight,
            });
        }
        highlight = next;
    }
    if !text.is_empty() {
        out.push(SnippetSegment { text, highlight });
    }
    out
}
