//! The `tags` and `piece_tags` tables: tag names kept as first typed but matched by a key
//! without case or accents ("Relation Client" is "relation client").

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::library::{LibraryError, TagCount, MAX_TAGS_PER_PIECE};

/// Longest tag name accepted, in characters.
const MAX_TAG_CHARS: usize = 100;

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
        "SELECT t.name AS name FROM piece_tags pt JOIN tags t ON t.id = pt.tag_id
         WHERE pt.piece_id = ?1 ORDER BY pt.position, t.name",
    )?;
    let rows = stmt.query_map([id], |r| r.get("name"))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Replaces the tags of a piece (already cleaned), creating unknown tags, dropping orphans.
/// Every way a piece gets tags ends here, so here the count is capped
/// ([`MAX_TAGS_PER_PIECE`]).
pub(crate) fn replace(tx: &Transaction<'_>, id: i64, names: &[String]) -> Result<(), LibraryError> {
    if names.len() > MAX_TAGS_PER_PIECE {
        return Err(LibraryError::invalid(
            "tags",
            format!(
                "a piece carries at most {MAX_TAGS_PER_PIECE} tags (this one would have {}): keep those a reader would look for",
                names.len()
            ),
        ));
    }
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
pub(crate) fn ensure(tx: &Transaction<'_>, name: &str) -> Result<i64, LibraryError> {
    let key = key(name);
    tx.execute(
        "INSERT INTO tags (name, key) VALUES (?1, ?2) ON CONFLICT(key) DO NOTHING",
        params![name, key],
    )?;
    Ok(tx.query_row("SELECT id FROM tags WHERE key = ?1", [key], |r| r.get("id"))?)
}

pub(crate) fn find(conn: &Connection, name: &str) -> Result<i64, LibraryError> {
    let cleaned = clean(name)?;
    by_key(conn, &key(&cleaned))?.ok_or_else(|| LibraryError::TagNotFound(name.to_string()))
}

pub(crate) fn drop_orphans(tx: &Transaction<'_>) -> Result<(), LibraryError> {
    tx.execute(
        "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM piece_tags)",
        [],
    )?;
    Ok(())
}

/// The pieces carrying tag `tag`.
pub(crate) fn tagged(tx: &Transaction<'_>, tag: i64) -> Result<Vec<i64>, LibraryError> {
    let mut stmt = tx.prepare_cached("SELECT piece_id FROM piece_tags WHERE tag_id = ?1")?;
    let rows = stmt.query_map([tag], |r| r.get("piece_id"))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The id of the tag whose key is `key`, if any.
pub(crate) fn by_key(conn: &Connection, key: &str) -> Result<Option<i64>, LibraryError> {
    Ok(conn
        .query_row("SELECT id FROM tags WHERE key = ?1", [key], |r| r.get("id"))
        .optional()?)
}

/// Gives tag `id` a new spelling (and so a new key).
pub(crate) fn rename(tx: &Transaction<'_>, id: i64, name: &str) -> Result<(), LibraryError> {
    tx.execute(
        "UPDATE tags SET name = ?2, key = ?3 WHERE id = ?1",
        params![id, name, key(name)],
    )?;
    Ok(())
}

/// Every tag with the number of live pieces carrying it, most used first.
pub(crate) fn counts(conn: &Connection) -> Result<Vec<TagCount>, LibraryError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name AS name, count(p.id) AS count FROM tags t
         JOIN piece_tags pt ON pt.tag_id = t.id
         LEFT JOIN pieces p ON p.id = pt.piece_id AND p.trashed_at IS NULL
         GROUP BY t.id ORDER BY count DESC, t.key",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(TagCount {
            name: r.get("name")?,
            count: r.get("count")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Moves every use of tag `source` to `target` and deletes `source`.
pub(crate) fn merge_into(
    tx: &Transaction<'_>,
    source: i64,
    target: i64,
) -> Result<(), LibraryError> {
    tx.execute(
        "INSERT OR IGNORE INTO piece_tags (piece_id, tag_id, position)
         SELECT piece_id, ?2, position FROM piece_tags WHERE tag_id = ?1",
        params![source, target],
    )?;
    tx.execute("DELETE FROM tags WHERE id = ?1", [source])?;
    Ok(())
}
