//! Slugs: the ASCII name of a piece in URLs and exported file names. Only `[a-z0-9-]` ever
//! comes out of here, so a slug can never climb out of a folder (`../`, `/`, `\`).

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::LibraryError;

/// Longest slug kept: long enough to read, short enough for any file system.
const MAX_LEN: usize = 80;

/// Slug of a piece whose title has no letter or digit at all.
const FALLBACK: &str = "sans-titre";

/// ASCII slug of `text`: accents folded (`é` → `e`, `œ` → `oe`), lower case, every other run
/// of characters turned into one `-`, at most 80 characters cut at a word boundary.
/// Returns `sans-titre` when nothing is left.
pub fn slugify(text: &str) -> String {
    let folded = deunicode::deunicode(text).to_ascii_lowercase();
    let mut slug = String::with_capacity(folded.len().min(MAX_LEN + 1));
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() > MAX_LEN {
            break;
        }
    }
    if slug.len() > MAX_LEN {
        let cut = slug[..MAX_LEN]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(MAX_LEN);
        slug.truncate(cut);
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        FALLBACK.to_string()
    } else {
        slug.to_string()
    }
}

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
