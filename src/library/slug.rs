//! Unique slugs in the library: the rule itself is [`crate::text::slugify`]; here a slug is
//! made unique among the pieces, and upgraded drafts get theirs.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{LibraryError, Piece, Status};

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

/// True while `piece`'s slug still follows its title: the slug is the one its title gives
/// (`slugify(title)`, or that made unique with `-2`, `-3`…, `sans-titre` for an empty title)
/// and the piece was never published. A slug typed by hand differs from the title's, so it
/// stays; a published piece keeps its address because readers' links point to it (issue #11:
/// a titled piece kept `sans-titre`, which then named its export).
pub(crate) fn follows_title(conn: &Connection, piece: &Piece) -> Result<bool, LibraryError> {
    if !derived_from(&piece.slug, &piece.fields.title) {
        return Ok(false);
    }
    let published: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM pieces WHERE id = ?1 AND status = ?2)
                 OR EXISTS (SELECT 1 FROM status_history WHERE piece_id = ?1 AND to_status = ?2)",
        )?
        .query_row(params![piece.id, Status::Published], |r| r.get(0))?;
    Ok(!published)
}

/// True when `slug` is `slugify(title)` or `slugify(title)-N`.
fn derived_from(slug: &str, title: &str) -> bool {
    let base = slugify(title);
    match slug.strip_prefix(base.as_str()) {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        None => false,
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
