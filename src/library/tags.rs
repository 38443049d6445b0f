//! Tags: many-to-many with pieces, names kept as first typed but matched without case or
//! accents ("Relation Client" is "relation client"), renamed and merged across all pieces.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{fts, pieces, time_stamp, Library, LibraryError, Piece};

/// Longest tag name accepted, in characters.
const MAX_TAG_CHARS: usize = 100;

/// A tag and how many live pieces carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    /// Name as first typed.
    pub name: String,
    /// Live (not trashed) pieces with this tag.
    pub count: i64,
}

/// A tag name tidied for storage: trimmed, inner whitespace collapsed, control characters
/// dropped (they would break the list separator). Refuses empty and overlong names.
pub(crate) fn clean(name: &str) -> Result<String, LibraryError> {
    let cleaned = name
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if cleaned.is_empty() {
        return Err(LibraryError::invalid("tag", "a tag cannot be empty"));
    }
    if cleaned.chars().count() > MAX_TAG_CHARS {
        return Err(LibraryError::invalid(
            "tag",
            format!("a tag has at most {MAX_TAG_CHARS} characters"),
        ));
    }
    Ok(cleaned)
}

/// The matching key of a tag: the folded name (no accents, lower case), see
/// [`crate::text::fold`].
pub(crate) fn key(name: &str) -> String {
    crate::text::fold(name)
}

/// True when both lists name the same tags in the same order, spelling aside.
pub(crate) fn same_tags(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| key(x) == key(y))
}

/// Cleans a list of names, dropping those that fold to a tag already in the list.
pub(crate) fn clean_list(names: &[String]) -> Result<Vec<String>, LibraryError> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let cleaned = clean(name)?;
        if !out.iter().any(|t| key(t) == key(&cleaned)) {
            out.push(cleaned);
        }
    }
    Ok(out)
}

/// The tags of a piece, in the order they were added.
pub(crate) fn of_piece(conn: &Connection, id: i64) -> Result<Vec<String>, LibraryError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM piece_tags pt JOIN tags t ON t.id = pt.tag_id
         WHERE pt.piece_id = ?1 ORDER BY pt.position, t.name",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Replaces the tags of a piece (already cleaned), creating unknown tags, dropping orphans.
pub(crate) fn replace(tx: &Transaction<'_>, id: i64, names: &[String]) -> Result<(), LibraryError> {
    tx.execute("DELETE FROM piece_tags WHERE piece_id = ?1", [id])?;
    for (position, name) in names.iter().enumerate() {
        let tag = ensure(tx, name)?;
        tx.execute(
            "INSERT OR IGNORE INTO piece_tags (piece_id, tag_id, position) VALUES (?1, ?2, ?3)",
            params![id, tag, position as i64],
        )?;
    }
    drop_orphans(tx)
}

/// The id of the tag matching `name`, created with this spelling if none matches.
fn ensure(tx: &Transaction<'_>, name: &str) -> Result<i64, LibraryError> {
    let key = key(name);
    tx.execute(
        "INSERT INTO tags (name, key) VALUES (?1, ?2) ON CONFLICT(key) DO NOTHING",
        params![name, key],
    )?;
    Ok(tx.query_row("SELECT id FROM tags WHERE key = ?1", [key], |r| r.get(0))?)
}

fn find(conn: &Connection, name: &str) -> Result<i64, LibraryError> {
    let cleaned = clean(name)?;
    conn.query_row("SELECT id FROM tags WHERE key = ?1", [key(&cleaned)], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or_else(|| LibraryError::TagNotFound(name.to_string()))
}

fn drop_orphans(tx: &Transaction<'_>) -> Result<(), LibraryError> {
    tx.execute(
        "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM piece_tags)",
        [],
    )?;
    Ok(())
}

/// The pieces carrying tag `tag`.
fn tagged(tx: &Transaction<'_>, tag: i64) -> Result<Vec<i64>, LibraryError> {
    let mut stmt = tx.prepare_cached("SELECT piece_id FROM piece_tags WHERE tag_id = ?1")?;
    let rows = stmt.query_map([tag], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Runs `change` on the tags of the pieces carrying `tag`, keeping their index entries right:
/// out of the index before, back in after.
fn retag(
    tx: &Transaction<'_>,
    tag: i64,
    change: impl FnOnce() -> Result<(), LibraryError>,
) -> Result<(), LibraryError> {
    let ids = tagged(tx, tag)?;
    for &id in &ids {
        fts::unindex(tx, id)?;
    }
    change()?;
    for &id in &ids {
        fts::index(tx, id)?;
    }
    Ok(())
}

impl Library {
    /// Replaces the tags of a piece.
    pub fn set_tags(&self, id: i64, names: &[String]) -> Result<Piece, LibraryError> {
        let names = clean_list(names)?;
        self.change_tags(id, move |_| names)
    }

    /// Adds tags to a piece; those it already has (in any spelling) are ignored.
    pub fn add_tags(&self, id: i64, names: &[String]) -> Result<Piece, LibraryError> {
        let added = clean_list(names)?;
        self.change_tags(id, move |current| {
            let mut all = current.to_vec();
            all.extend(added);
            all
        })
    }

    /// Removes tags from a piece, matched without case or accents; absent ones are ignored.
    pub fn remove_tags(&self, id: i64, names: &[String]) -> Result<Piece, LibraryError> {
        let removed: Vec<String> = clean_list(names)?.iter().map(|n| key(n)).collect();
        self.change_tags(id, move |current| {
            current
                .iter()
                .filter(|t| !removed.contains(&key(t)))
                .cloned()
                .collect()
        })
    }

    fn change_tags(
        &self,
        id: i64,
        change: impl FnOnce(&[String]) -> Vec<String>,
    ) -> Result<Piece, LibraryError> {
        self.write(|tx| {
            let current = pieces::load_live(tx, id)?;
            let wanted = clean_list(&change(&current.tags))?;
            if wanted == current.tags {
                return Ok(current);
            }
            fts::unindex(tx, id)?;
            replace(tx, id, &wanted)?;
            tx.execute(
                "UPDATE pieces SET version = version + 1, updated_at = ?2 WHERE id = ?1",
                params![id, time_stamp::now()],
            )?;
            fts::index(tx, id)?;
            pieces::load(tx, id)
        })
    }

    /// Every tag with the number of live pieces carrying it, most used first.
    pub fn list_tags(&self) -> Result<Vec<TagCount>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT t.name, count(p.id) AS n FROM tags t
                 JOIN piece_tags pt ON pt.tag_id = t.id
                 LEFT JOIN pieces p ON p.id = pt.piece_id AND p.trashed_at IS NULL
                 GROUP BY t.id ORDER BY n DESC, t.key",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(TagCount {
                    name: r.get(0)?,
                    count: r.get(1)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Renames a tag on every piece. If the new name matches another tag, the two are merged.
    /// Returns how many pieces carry the renamed tag.
    pub fn rename_tag(&self, from: &str, to: &str) -> Result<usize, LibraryError> {
        let to = clean(to)?;
        self.write(|tx| {
            let source = find(tx, from)?;
            let target: Option<i64> = tx
                .query_row("SELECT id FROM tags WHERE key = ?1", [key(&to)], |r| {
                    r.get(0)
                })
                .optional()?;
            let merged_into = target.filter(|&t| t != source);
            retag(tx, source, || match merged_into {
                Some(target) => merge_into(tx, source, target),
                None => {
                    tx.execute(
                        "UPDATE tags SET name = ?2, key = ?3 WHERE id = ?1",
                        params![source, to, key(&to)],
                    )?;
                    Ok(())
                }
            })?;
            Ok(tagged(tx, merged_into.unwrap_or(source))?.len())
        })
    }

    /// Merges tags `sources` into `target` (created if needed) on every piece.
    /// Returns how many pieces carry `target` afterwards.
    pub fn merge_tags(&self, sources: &[String], target: &str) -> Result<usize, LibraryError> {
        let target = clean(target)?;
        self.write(|tx| {
            let target_id = ensure(tx, &target)?;
            for source in sources {
                let source_id = find(tx, source)?;
                if source_id != target_id {
                    retag(tx, source_id, || merge_into(tx, source_id, target_id))?;
                }
            }
            drop_orphans(tx)?;
            Ok(tagged(tx, target_id)?.len())
        })
    }
}

/// Moves every use of tag `source` to `target` and deletes `source`.
fn merge_into(tx: &Transaction<'_>, source: i64, target: i64) -> Result<(), LibraryError> {
    tx.execute(
        "INSERT OR IGNORE INTO piece_tags (piece_id, tag_id, position)
         SELECT piece_id, ?2, position FROM piece_tags WHERE tag_id = ?1",
        params![source, target],
    )?;
    tx.execute("DELETE FROM tags WHERE id = ?1", [source])?;
    Ok(())
}
