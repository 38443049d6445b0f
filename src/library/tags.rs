//! Tags of pieces: set, add, remove, and renamed or merged across all pieces, each change
//! keeping the pieces' versions and search index entries right.

use super::tables::tags::{clean, clean_list, ensure, find, key, tagged};
use super::tables::{fts, pieces, tags};
use super::{stored, time_stamp, Library, LibraryError, Piece, TagCount};

/// Runs `change` on the tags of the pieces carrying `tag`, keeping their index entries right:
/// out of the index before, back in after.
fn retag(
    tx: &rusqlite::Transaction<'_>,
    tag: i64,
    change: impl FnOnce() -> Result<(), LibraryError>,
) -> Result<(), LibraryError> {
    let ids = tagged(tx, tag)?;
    for &id in &ids {
        fts::unindex(tx, id)?;
    }
    change()?;
    for &id in &ids {
        stored::index(tx, id)?;
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
            let current = stored::load_live(tx, id)?;
            let wanted = clean_list(&change(&current.tags))?;
            if wanted == current.tags {
                return Ok(current);
            }
            fts::unindex(tx, id)?;
            tags::replace(tx, id, &wanted)?;
            pieces::touch(tx, id, &time_stamp::now())?;
            stored::index(tx, id)?;
            stored::load(tx, id)
        })
    }

    /// Every tag with the number of live pieces carrying it, most used first.
    pub fn list_tags(&self) -> Result<Vec<TagCount>, LibraryError> {
        self.read(tags::counts)
    }

    /// Renames a tag on every piece. If the new name matches another tag, the two are merged.
    /// Returns how many pieces carry the renamed tag.
    pub fn rename_tag(&self, from: &str, to: &str) -> Result<usize, LibraryError> {
        let to = clean(to)?;
        self.write(|tx| {
            let source = find(tx, from)?;
            let target = tags::by_key(tx, &key(&to))?;
            let merged_into = target.filter(|&t| t != source);
            retag(tx, source, || match merged_into {
                Some(target) => tags::merge_into(tx, source, target),
                None => tags::rename(tx, source, &to),
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
                    retag(tx, source_id, || tags::merge_into(tx, source_id, target_id))?;
                }
            }
            tags::drop_orphans(tx)?;
            Ok(tagged(tx, target_id)?.len())
        })
    }
}
