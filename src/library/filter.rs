//! The filters shared by the piece list and the search (tags, status, category, publication
//! dates, trash), turned into one SQL `WHERE` clause with bound parameters, never spliced text.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::tables::tags;
use super::{time_stamp, LibraryError, Status};

/// Which pieces to list or search. The default is every live (not trashed) piece.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct PieceFilter {
    /// Pieces carrying *all* of these tags (matched without case or accents).
    pub tags: Vec<String>,
    /// Pieces in *any* of these statuses; every status when empty.
    pub statuses: Vec<Status>,
    /// Pieces of this *rubrique* (case-insensitive).
    pub category: Option<String>,
    /// Publication date on or after this day (`YYYY-MM-DD`).
    pub published_from: Option<String>,
    /// Publication date on or before this day (`YYYY-MM-DD`).
    pub published_to: Option<String>,
    /// The trash instead of the live pieces.
    pub in_trash: bool,
    /// At most this many results (all when `None`).
    pub limit: Option<u32>,
}

/// A `WHERE` clause on table alias `p` and its parameters, in order.
pub(crate) struct Clause {
    pub sql: String,
    pub params: Vec<Value>,
}

impl PieceFilter {
    /// The SQL condition selecting the pieces this filter keeps.
    pub(crate) fn clause(&self) -> Result<Clause, LibraryError> {
        let mut sql = String::from(if self.in_trash {
            "p.trashed_at IS NOT NULL"
        } else {
            "p.trashed_at IS NULL"
        });
        let mut params: Vec<Value> = Vec::new();
        if !self.tags.is_empty() {
            let keys: Vec<String> = tags::clean_list(&self.tags)?
                .iter()
                .map(|t| tags::key(t))
                .collect();
            sql.push_str(&format!(
                " AND p.id IN (SELECT pt.piece_id FROM piece_tags pt JOIN tags t ON t.id = pt.tag_id
                   WHERE t.key IN ({}) GROUP BY pt.piece_id HAVING count(*) = {})",
                placeholders(keys.len()),
                keys.len()
            ));
            params.extend(keys.into_iter().map(Value::Text));
        }
        if !self.statuses.is_empty() {
            sql.push_str(&format!(
                " AND p.status IN ({})",
                placeholders(self.statuses.len())
            ));
            params.extend(self.statuses.iter().map(|s| Value::Text(s.as_str().into())));
        }
        if let Some(category) = &self.category {
            sql.push_str(" AND p.category = ? COLLATE NOCASE");
            params.push(Value::Text(category.trim().to_string()));
        }
        for (bound, op, field) in [
            (&self.published_from, ">=", "published_from"),
            (&self.published_to, "<=", "published_to"),
        ] {
            if let Some(date) = bound {
                if !time_stamp::is_date(date) {
                    return Err(LibraryError::invalid(
                        field,
                        format!("`{date}` is not a date written YYYY-MM-DD"),
                    ));
                }
                sql.push_str(&format!(" AND p.publication_date {op} ?"));
                params.push(Value::Text(date.clone()));
            }
        }
        Ok(Clause { sql, params })
    }

    /// True when the filter only excludes the trash (the search box with no filter set).
    pub(crate) fn is_live_only(&self) -> bool {
        self.tags.is_empty()
            && self.statuses.is_empty()
            && self.category.is_none()
            && self.published_from.is_none()
            && self.published_to.is_none()
            && !self.in_trash
    }

    /// The SQL `LIMIT` value: -1 means no limit to SQLite.
    pub(crate) fn sql_limit(&self) -> i64 {
        self.limit.map_or(-1, i64::from)
    }
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}
