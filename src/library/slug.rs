//! Unique slugs in the library: the rule itself is [`crate::text::slugify`]; here a slug is
//! made unique among the pieces, and upgraded drafts get theirs.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::LibraryError;

pub use crate::text::slugify;

/// `slugify(wanted)`, suffixed `-2`, `-3`… until no other piece than `except` uses it.
pub(crate) fn unique(
    conn: &Connection,
    wanted: &str,
    except: Option<i64>,
) -> Result<String, LibraryError> {
    let base = slugify(wanted);
    let mut stmt = conn.prepare_cached("SELECT id FROM pieces WHERE slug = ?1")?;
    let mut candidate = base.clone();
    let mut n = 1;
    loop {
        let owner: Option<i64> = stmt.query_row([&candidate], |r| r.get(0)).optional()?;
        if owner.is_none() || owner == except {
            return Ok(candidate);
        }
        n += 1;
        candidate = format!("{base}-{n}");
    }
}

/// Migration step: gives every upgraded draft a slug derived from its title, replacing the
/// `~<id>` placeholders written by `0002_pieces.sql`.
pub(crate) fn derive_placeholder_slugs(tx: &Transaction<'_>) -> Result<(), LibraryError> {
    let rows: Vec<(i64, String)> = {
        let mut stmt =
            tx.prepare("SELECT id, title FROM pieces WHERE slug GLOB '~*' ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (id, title) in rows {
        let slug = unique(tx, &title, Some(id))?;
        tx.execute(
            "UPDATE pieces SET slug = ?2 WHERE id = ?1",
            params![id, slug],
        )?;
    }
    Ok(())
}
