//! What an archive folder records about Edito's own files, so a re-export removes only pages
//! Edito can prove it wrote, and a killed export is finished by the next one:
//! - the manifest (`.edito-export.json`) lists each file written with the SHA-256 of its
//!   bytes; a stale file is removed only if its name has the shape of an archive page and
//!   its bytes still hash to what Edito wrote. A planted or older manifest (names without
//!   hashes) can therefore never make Edito delete `mine.txt` or `.git/config`;
//! - the journal (`.edito-export.journal`) is written once every new page is staged, before
//!   the first rename, and removed after the last step; an export that finds one finishes
//!   the interrupted export first (renames its staged pages whose hash matches, writes its
//!   manifest, removes its stale pages) and says so;
//! - staged files are named `<page>.edito-tmp`; those an interrupted export left are removed
//!   at the start of the next one, so they never accumulate.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::ExportError;
use super::fs::{atomic_write, temp_name, TEMP_SUFFIX};

/// Name of the manifest kept in an archive folder.
pub const MANIFEST: &str = ".edito-export.json";

/// Name of the journal of an export being put in place.
pub(crate) const JOURNAL: &str = ".edito-export.journal";

/// Extensions of the files an archive holds: pages, feed, stylesheet, and the image files
/// exports write (`images::rendition` writes JPEG or PNG).
const PAGE_EXTENSIONS: [&str; 5] = ["html", "xml", "css", "jpg", "png"];

/// A file Edito wrote: its path relative to the archive and the SHA-256 of its bytes (hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Written {
    pub(crate) path: String,
    pub(crate) sha256: String,
}

/// A manifest line: with its hash (this version) or a bare name (manifests before hashes,
/// or planted ones), which proves nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
enum Listed {
    Proven(Written),
    Bare(String),
}

impl Listed {
    fn path(&self) -> &str {
        match self {
            Listed::Proven(w) => &w.path,
            Listed::Bare(p) => p,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    generator: String,
    files: Vec<Listed>,
}

/// The export being put in place: its new manifest and the stale files of the previous one.
#[derive(Serialize, Deserialize)]
pub(crate) struct Journal {
    files: Vec<Written>,
    stale: Vec<Listed>,
}

/// What finishing an export did to stale files.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Cleanup {
    /// Stale pages removed (relative paths).
    pub(crate) removed: Vec<String>,
    /// Stale files left in place: changed since Edito wrote them, or listed without a hash.
    pub(crate) kept: Vec<String>,
}

/// SHA-256 of `bytes`, in lower-case hex.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `relative` has the shape of a file an archive holds: at most one folder, names
/// of `[a-z0-9-]` (what slugs are made of), an `.html`, `.xml` or `.css` extension.
pub(crate) fn is_archive_path(relative: &str) -> bool {
    let parts: Vec<&str> = relative.split('/').collect();
    let plain = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let Some((file, folders)) = parts.split_last() else {
        return false;
    };
    let file_ok = file
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| plain(stem) && PAGE_EXTENSIONS.contains(&ext));
    file_ok
        && folders.len() <= 1
        && folders.iter().all(|f| plain(f))
        && Path::new(relative)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// The files the previous export listed (empty when there was none).
fn read_manifest(root: &Path) -> Result<Vec<Listed>, ExportError> {
    let path = root.join(MANIFEST);
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ExportError::io("read", path, e)),
    };
    let manifest: Manifest =
        serde_json::from_slice(&bytes).map_err(|_| ExportError::BadManifest(path))?;
    Ok(manifest.files)
}

/// The files the previous export proved it wrote: relative path → SHA-256.
pub(crate) fn proven_files(root: &Path) -> Result<BTreeMap<String, String>, ExportError> {
    Ok(read_manifest(root)?
        .into_iter()
        .filter_map(|listed| match listed {
            Listed::Proven(written) => Some((written.path, written.sha256)),
            Listed::Bare(_) => None,
        })
        .collect())
}

/// The journal for replacing the previous export by `files`.
pub(crate) fn journal(
    root: &Path,
    files: &BTreeMap<String, String>,
) -> Result<Journal, ExportError> {
    let stale = read_manifest(root)?
        .into_iter()
        .filter(|listed| !files.contains_key(listed.path()))
        .collect();
    let files = files
        .iter()
        .map(|(path, sha256)| Written {
            path: path.clone(),
            sha256: sha256.clone(),
        })
        .collect();
    Ok(Journal { files, stale })
}

impl Journal {
    /// Records the journal in `root`: from here on, an interrupted export is finished by the
    /// next one.
    pub(crate) fn write(&self, root: &Path) -> Result<(), ExportError> {
        let json = serde_json::to_vec(self).unwrap_or_default();
        atomic_write(&root.join(JOURNAL), &json)
    }

    /// The pages to rename into place.
    pub(crate) fn files(&self) -> &[Written] {
        &self.files
    }

    /// After every page is in place: writes the manifest, removes the stale files Edito can
    /// prove it wrote, then the journal.
    pub(crate) fn finish(&self, root: &Path) -> Result<Cleanup, ExportError> {
        let manifest = Manifest {
            generator: "edito".into(),
            files: self.files.iter().cloned().map(Listed::Proven).collect(),
        };
        let json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
        let path = root.join(MANIFEST);
        if fs::read(&path).ok().as_deref() != Some(&json[..]) {
            atomic_write(&path, &json)?;
        }
        let mut cleanup = Cleanup::default();
        for listed in &self.stale {
            let removed = match listed {
                Listed::Proven(written) => remove_if_proven(root, written),
                Listed::Bare(_) => false,
            };
            let list = if removed {
                &mut cleanup.removed
            } else {
                &mut cleanup.kept
            };
            list.push(listed.path().to_owned());
        }
        let _ = fs::remove_file(root.join(JOURNAL));
        Ok(cleanup)
    }
}

/// Removes `written` if it is an archive page, under real folders, and its bytes still hash
/// to what Edito wrote; then its folder if that is now empty.
fn remove_if_proven(root: &Path, written: &Written) -> bool {
    if !is_archive_path(&written.path) {
        return false;
    }
    let target = root.join(&written.path);
    let Some(parent) = target.parent() else {
        return false;
    };
    // A folder swapped for a link since the last export must not lead outside the root.
    if parent != root && !fs::symlink_metadata(parent).is_ok_and(|m| m.is_dir()) {
        return false;
    }
    let proven = fs::symlink_metadata(&target).is_ok_and(|m| m.is_file())
        && fs::read(&target).is_ok_and(|bytes| sha256(&bytes) == written.sha256);
    if !proven || fs::remove_file(&target).is_err() {
        return false;
    }
    if parent != root {
        // Fails harmlessly when the folder still holds files.
        let _ = fs::remove_dir(parent);
    }
    true
}

/// What [`recover`] found in an archive folder before an export.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Recovery {
    /// Pages of an interrupted export put in place (0 when there was none).
    pub(crate) finished: usize,
    /// Whether an interrupted export was found and finished.
    pub(crate) interrupted: bool,
    /// Temporary files of an interrupted export removed.
    pub(crate) temporary_removed: usize,
    /// Stale files the interrupted export removed or kept.
    pub(crate) cleanup: Cleanup,
}

/// Finishes an export that was interrupted after its journal was written, then removes the
/// temporary files an interrupted export left.
pub(crate) fn recover(root: &Path) -> Result<Recovery, ExportError> {
    let mut recovery = Recovery::default();
    let bytes = match fs::read(root.join(JOURNAL)) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(ExportError::io("read", root.join(JOURNAL), e)),
    };
    // Edito writes its journal atomically: one that does not parse is not Edito's.
    if let Some(journal) = bytes.and_then(|b| serde_json::from_slice::<Journal>(&b).ok()) {
        recovery.finished = finish_renames(root, &journal)?;
        recovery.cleanup = journal.finish(root)?;
        recovery.interrupted = true;
    }
    recovery.temporary_removed = remove_temporaries(root);
    Ok(recovery)
}

/// Renames the journal's staged pages whose bytes are those it recorded; returns how many.
fn finish_renames(root: &Path, journal: &Journal) -> Result<usize, ExportError> {
    let mut finished = 0;
    for written in journal.files() {
        if !is_archive_path(&written.path) {
            continue;
        }
        let target = root.join(&written.path);
        let temp = temp_name(&target);
        let staged = fs::symlink_metadata(&temp).is_ok_and(|m| m.is_file())
            && fs::read(&temp).is_ok_and(|b| sha256(&b) == written.sha256);
        if staged {
            fs::rename(&temp, &target).map_err(|e| ExportError::io("replace", &target, e))?;
            finished += 1;
        }
    }
    Ok(finished)
}

/// Removes `<archive file>.edito-tmp` files in the root and its first-level folders.
fn remove_temporaries(root: &Path) -> usize {
    let mut removed = 0;
    let mut folders = vec![String::new()];
    if let Ok(entries) = fs::read_dir(root) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push(format!("{name}/"));
            }
        }
    }
    for folder in folders {
        let Ok(entries) = fs::read_dir(root.join(&folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(TEMP_SUFFIX) else {
                continue;
            };
            let ours = is_archive_path(&format!("{folder}{stem}"))
                || (folder.is_empty() && (stem == MANIFEST || stem == JOURNAL));
            if ours
                && entry.file_type().is_ok_and(|t| t.is_file())
                && fs::remove_file(entry.path()).is_ok()
            {
                removed += 1;
            }
        }
    }
    removed
}

/// Whether an export into `root` was interrupted while putting its pages in place (the next
/// export into that folder finishes it).
pub fn export_interrupted(root: &Path) -> bool {
    root.join(JOURNAL).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_paths_are_pages_of_slug_names() {
        for ok in [
            "index.html",
            "feed.xml",
            "style.css",
            "articles/x-2.html",
            "tags/a.html",
        ] {
            assert!(is_archive_path(ok), "{ok}");
        }
        for bad in [
            "mine.txt",
            ".git/config",
            "../x.html",
            "a/b/c.html",
            "Articles/X.html",
            "x.html.edito-tmp",
            ".edito-export.json",
            "",
            "/etc/x.html",
        ] {
            assert!(!is_archive_path(bad), "{bad}");
        }
    }
}
