//! Differences between two states of a piece, with `similar`: word-level segments per field
//! for the UI to draw, and a unified line diff of the body for the terminal.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use super::{revisions, stored, Extra, Library, LibraryError, PieceFields};

/// Past this, `similar` returns a coarser (still correct) diff instead of blocking the UI.
const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// What happened to a segment of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    /// In both states.
    Equal,
    /// Only in the newer state.
    Insert,
    /// Only in the older state.
    Delete,
}

/// A run of text with one [`DiffOp`]. Plain text: the UI must insert it as text, not HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DiffSegment {
    /// Equal, insert or delete.
    pub op: DiffOp,
    /// The text.
    pub text: String,
}

/// The word-level difference of one field that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldDiff {
    /// Field name, as in the piece's JSON (`title`, `body`, `tags`…).
    pub field: String,
    /// Segments, in order; concatenating equal + delete gives the old text, equal + insert
    /// the new one.
    pub segments: Vec<DiffSegment>,
}

/// The difference between two states of a piece.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RevisionDiff {
    /// The piece.
    pub piece_id: i64,
    /// Older side: a revision number.
    pub from: i64,
    /// Newer side: a revision number, or `None` for the current state.
    pub to: Option<i64>,
    /// Fields that differ, in the order of the piece's fields. Empty when identical.
    pub fields: Vec<FieldDiff>,
    /// Unified line diff of the body (`---`/`+++` headers, `@@` hunks), for a terminal.
    pub unified: String,
}

impl Library {
    /// Differences from revision `from` to revision `to` of piece `id`.
    pub fn diff_revisions(
        &self,
        id: i64,
        from: i64,
        to: i64,
    ) -> Result<RevisionDiff, LibraryError> {
        self.read(|conn| {
            let old = revisions::load(conn, id, from)?;
            let new = revisions::load(conn, id, to)?;
            Ok(build(
                id,
                from,
                Some(to),
                (&old.fields, &old.tags, &old.extra),
                (&new.fields, &new.tags, &new.extra),
            ))
        })
    }

    /// Differences from revision `from` to the current state of piece `id`.
    pub fn diff_with_current(&self, id: i64, from: i64) -> Result<RevisionDiff, LibraryError> {
        self.read(|conn| {
            let old = revisions::load(conn, id, from)?;
            let current = stored::load(conn, id)?;
            Ok(build(
                id,
                from,
                None,
                (&old.fields, &old.tags, &old.extra),
                (&current.fields, &current.tags, &current.extra),
            ))
        })
    }
}

type State<'a> = (&'a PieceFields, &'a [String], &'a Extra);

fn build(
    piece_id: i64,
    from: i64,
    to: Option<i64>,
    old: State<'_>,
    new: State<'_>,
) -> RevisionDiff {
    let fields = texts(old)
        .into_iter()
        .zip(texts(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, a), (_, b))| FieldDiff {
            field: field.to_string(),
            segments: word_segments(&a, &b),
        })
        .collect();
    let to_label = to.map_or_else(|| "current".to_string(), |n| format!("revision {n}"));
    let unified = TextDiff::configure()
        .timeout(DIFF_DEADLINE)
        .diff_lines(old.0.body.as_str(), new.0.body.as_str())
        .unified_diff()
        .header(&format!("revision {from}"), &to_label)
        .to_string();
    RevisionDiff {
        piece_id,
        from,
        to,
        fields,
        unified,
    }
}

/// Every diffable field as text, in display order.
fn texts((f, tags, extra): State<'_>) -> Vec<(&'static str, String)> {
    let opt = |v: &Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    vec![
        ("kicker", f.kicker.clone()),
        ("title", f.title.clone()),
        ("standfirst", f.standfirst.clone()),
        ("body", f.body.clone()),
        ("author", f.author.clone()),
        ("author_role", f.author_role.clone()),
        ("category", f.category.clone()),
        ("lang", f.lang.as_str().to_string()),
        (
            "publication_date",
            f.publication_date.clone().unwrap_or_default(),
        ),
        ("issue_number", opt(&f.issue_number)),
        ("target_signs", opt(&f.target_signs)),
        ("lead_image", f.lead_image.clone().unwrap_or_default()),
        ("tags", tags.join(", ")),
        // Unknown front-matter keys, one `key: value` per line, so a change reads as a line.
        (
            "extra",
            extra.iter().map(|(k, v)| format!("{k}: {v}\n")).collect(),
        ),
    ]
}

/// Word-level diff, adjacent changes of the same kind merged into one segment.
fn word_segments(old: &str, new: &str) -> Vec<DiffSegment> {
    let diff = TextDiff::configure()
        .timeout(DIFF_DEADLINE)
        .diff_words(old, new);
    let mut segments: Vec<DiffSegment> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Insert => DiffOp::Insert,
            ChangeTag::Delete => DiffOp::Delete,
        };
        match segments.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => segments.push(DiffSegment {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diff lists its fields by hand (in display order, the head first): a field added to
    /// `PieceFields` must be added there too, or a change to it would not show in the history.
    #[test]
    fn every_piece_field_is_diffed() {
        let fields = PieceFields::default();
        let serialized = serde_json::to_value(&fields).expect("serialize");
        let mut wanted: Vec<&str> = serialized
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        wanted.extend(["tags", "extra"]);
        wanted.sort_unstable();
        let mut diffed: Vec<&str> = texts((&fields, &[], &Extra::default()))
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        diffed.sort_unstable();
        assert_eq!(diffed, wanted);
    }
}
