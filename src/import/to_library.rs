//! Import into the library: each article read by [`super::import_path`] becomes a piece, or
//! updates the piece with the same slug (a save point, so the state it replaces is kept as a
//! revision). Every file is handled on its own: a refused file never stops the others.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Serialize, Serializer};

use crate::export::Article;
use crate::library::{Library, LibraryError, NewPiece, Piece, PieceFilter};
use crate::text::slug_of;

use super::convert::article_edit;
use super::files::{import_path, ImportReport};
use super::images::attach_images;

/// What an import into the library did, file by file, in the order the files were read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportOutcome {
    /// Files that became new pieces.
    pub created: Vec<ImportedPiece>,
    /// Files that updated the piece with the same slug (its previous state is a revision).
    pub updated: Vec<ImportedPiece>,
    /// Files identical to the piece with the same slug: nothing was written.
    pub unchanged: Vec<ImportedPiece>,
    /// Files refused, with a reason a user can act on (unreadable, bad front matter, a value
    /// the library cannot store, a same-slug piece in the trash…).
    pub refused: Vec<RefusedFile>,
}

/// A file and the piece it created or updated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportedPiece {
    /// The file read.
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    /// The piece's id in the library.
    pub id: i64,
    /// The piece's slug.
    pub slug: String,
    /// The piece's title.
    pub title: String,
}

/// A file that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RefusedFile {
    /// The file.
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

impl ImportOutcome {
    /// Number of files that were created or updated in the library.
    pub fn written(&self) -> usize {
        self.created.len() + self.updated.len()
    }
}

/// Reads every path (files or folders, see [`import_path`]) and imports what it finds.
pub fn import_paths_into<P: AsRef<Path>>(
    library: &Library,
    paths: &[P],
) -> Result<ImportOutcome, LibraryError> {
    let mut report = ImportReport::default();
    for path in paths {
        let one = import_path(path.as_ref());
        report.imported.extend(one.imported);
        report.refused.extend(one.refused);
    }
    import_into(library, &report)
}

/// Writes the articles of `report` into `library`, matching existing pieces by slug (the
/// library's form of the article's slug, or of its title when it has none; never the
/// `sans-titre` fallback of a text without letters or digits), and carries the
/// report's refusals over. Fails as a whole only when the library cannot be read at all.
pub fn import_into(
    library: &Library,
    report: &ImportReport,
) -> Result<ImportOutcome, LibraryError> {
    let mut slugs = SlugIndex::load(library)?;
    let mut outcome = ImportOutcome::default();
    for (path, article) in &report.imported {
        let base = path.parent().unwrap_or(Path::new(""));
        let attached = attach_images(library, base, article);
        match attached.and_then(|article| import_one(library, &mut slugs, &article)) {
            Ok((kind, piece)) => {
                let entry = ImportedPiece {
                    path: path.clone(),
                    id: piece.id,
                    slug: piece.slug,
                    title: piece.fields.title,
                };
                match kind {
                    Written::Created => outcome.created.push(entry),
                    Written::Updated => outcome.updated.push(entry),
                    Written::Unchanged => outcome.unchanged.push(entry),
                }
            }
            Err(reason) => outcome.refused.push(RefusedFile {
                path: path.clone(),
                reason,
            }),
        }
    }
    outcome
        .refused
        .extend(report.refused.iter().map(|(path, reason)| RefusedFile {
            path: path.clone(),
            reason: reason.clone(),
        }));
    Ok(outcome)
}

enum Written {
    Created,
    Updated,
    Unchanged,
}

/// Slug → (piece id, in the trash), for live and trashed pieces: slugs are unique across
/// both, so a trashed piece still owns its slug.
struct SlugIndex(HashMap<String, (i64, bool)>);

impl SlugIndex {
    fn load(library: &Library) -> Result<Self, LibraryError> {
        let mut map = HashMap::new();
        for in_trash in [false, true] {
            let filter = PieceFilter {
                in_trash,
                ..PieceFilter::default()
            };
            for summary in library.list_pieces(&filter)? {
                map.insert(summary.slug, (summary.id, in_trash));
            }
        }
        Ok(Self(map))
    }
}

fn import_one(
    library: &Library,
    slugs: &mut SlugIndex,
    article: &Article,
) -> Result<(Written, Piece), String> {
    let new = NewPiece::from(article);
    // Only a real slug matches: `???` and `!!!` both fall back to `sans-titre`, and matching
    // on that overwrote an unrelated piece. A file whose slug and title hold no letter or
    // digit always makes a new piece.
    let key = new
        .slug
        .as_deref()
        .and_then(slug_of)
        .or_else(|| slug_of(&article.fields.title));
    match key.as_ref().and_then(|key| slugs.0.get(key).map(|found| (key, found))) {
        None => {
            let piece = library.create_piece(&new).map_err(|e| e.to_string())?;
            slugs.0.insert(piece.slug.clone(), (piece.id, false));
            Ok((Written::Created, piece))
        }
        Some((key, &(id, true))) => Err(format!(
            "a piece with the slug `{key}` is in the trash (id {id}): restore it with `edito trash --restore {id}` to update it, or empty the trash to import this file as a new piece"
        )),
        Some((_, &(id, false))) => update(library, id, article, &new),
    }
}

/// Replaces piece `id` with the article: fields, tags and unknown keys in one save point,
/// then the status (a status change of its own, as in the app).
fn update(
    library: &Library,
    id: i64,
    article: &Article,
    new: &NewPiece,
) -> Result<(Written, Piece), String> {
    let current = library.get_piece(id).map_err(|e| e.to_string())?;
    let edit = article_edit(article, &current);
    let mut piece = library.save_piece(&edit).map_err(|e| e.to_string())?;
    if let Some(status) = new.status.filter(|s| *s != piece.status) {
        piece = library
            .set_status(id, status)
            .map_err(|e| format!("the text was updated but not the status: {e}"))?;
    }
    let kind = if piece.version == current.version {
        Written::Unchanged
    } else {
        Written::Updated
    };
    Ok((kind, piece))
}

/// Paths as text in JSON even when they are not UTF-8, so a report never fails to print.
fn lossy_path<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::parse_markdown;
    use crate::library::PieceFields;

    fn import_text(library: &Library, text: &str) -> ImportOutcome {
        let report = ImportReport {
            imported: vec![(PathBuf::from("x.md"), parse_markdown(text).expect("parses"))],
            refused: Vec::new(),
        };
        import_into(library, &report).expect("import")
    }

    /// A file titled `!!!` replaced the piece `???`: both titles fall back to the slug
    /// `sans-titre`, and import matched on it. A fallback slug names nothing.
    #[test]
    fn import_never_matches_a_fallback_slug() {
        let dir = tempfile::tempdir().expect("test setup");
        let library = Library::open_in(dir.path()).expect("test setup");
        let new = NewPiece {
            fields: PieceFields {
                title: "???".into(),
                body: "Le texte à garder.\n".into(),
                ..PieceFields::default()
            },
            ..NewPiece::default()
        };
        let kept = library.create_piece(&new).expect("test setup");
        assert_eq!(kept.slug, crate::text::SLUG_FALLBACK);
        for text in [
            "---\ntitle: '!!!'\n---\nUn autre texte.\n",
            "---\ntitle: '!!!'\nslug: '«»'\n---\nEncore un autre.\n",
        ] {
            let outcome = import_text(&library, text);
            assert_eq!(outcome.created.len(), 1, "{outcome:?}");
            assert!(outcome.updated.is_empty() && outcome.unchanged.is_empty());
        }
        let after = library.get_piece(kept.id).expect("piece");
        assert_eq!(after.fields.body, "Le texte à garder.\n");
        assert_eq!(after.version, kept.version);
        // An explicit slug still finds its piece (export then import round trip).
        let outcome = import_text(
            &library,
            "---\ntitle: '???'\nslug: sans-titre\n---\nNouveau.\n",
        );
        assert_eq!(outcome.updated.len(), 1, "{outcome:?}");
    }
}
