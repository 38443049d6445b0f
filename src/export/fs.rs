//! Writing exports safely: names from a fixed character set, no way out of the chosen folder,
//! files replaced atomically (temporary file, then rename), and for an archive a manifest and
//! a journal (`manifest.rs`) so a re-export removes only its own stale pages and a killed
//! export is finished by the next one.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::error::ExportError;
use super::manifest::{self, Cleanup, Recovery};
use crate::text::slug_of;

/// Suffix of a file being written, renamed to its real name when complete.
pub(crate) const TEMP_SUFFIX: &str = ".edito-tmp";

/// The file-name stem for a piece: its slug put through the slug rule again (an imported
/// slug is whatever the file said), else its title's; never empty, only `[a-z0-9-]`, so
/// `../x` or `/etc/passwd` cannot name a path. Unlike a slug, a name is never made up: a
/// piece with neither letters nor digits in slug and title is refused.
pub fn safe_name(slug: &str, title: &str) -> Result<String, ExportError> {
    slug_of(slug)
        .or_else(|| slug_of(title))
        .ok_or_else(|| ExportError::NoSlug(title.to_owned()))
}

/// Writes `bytes` to `path` atomically: a sibling temporary file, then a rename over the
/// target, so a reader never sees a half-written file.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    check_folder_of(path)?;
    let temp = temp_name(path);
    write_new(&temp, path, bytes)?;
    fs::rename(&temp, path).map_err(|e| {
        let _ = fs::remove_file(&temp);
        ExportError::io("replace", path, e)
    })
}

/// Refuses, with what to do, to write `path` when the folder meant to hold it is missing
/// ([`ExportError::MissingFolder`]) or is a file, or has a file on its way
/// ([`ExportError::NotAFolder`]): the operating system's "No such file or directory" or
/// "Not a directory" names neither the folder nor the remedy.
pub fn check_folder_of(path: &Path) -> Result<(), ExportError> {
    let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    if folder.is_dir() {
        return Ok(());
    }
    let file = folder
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| a.exists() && !a.is_dir());
    Err(match file {
        Some(file) => ExportError::NotAFolder(file.to_path_buf()),
        None => ExportError::MissingFolder(folder.to_path_buf()),
    })
}

/// The temporary name `path` is written under.
pub(crate) fn temp_name(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(TEMP_SUFFIX);
    path.with_file_name(name)
}

/// Creates a fresh file at the temporary name `temp` (never following a symbolic link planted
/// at that name) on the way to `target`. Errors name `target`: the writer chose that file, the
/// temporary name is Edito's business.
fn write_new(temp: &Path, target: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let _ = fs::remove_file(temp);
    let mut file: File = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .map_err(|e| ExportError::io("create", target, e))?;
    file.write_all(bytes).map_err(|e| {
        let _ = fs::remove_file(temp);
        ExportError::io("write", target, e)
    })
}

/// Files of one archive export, staged under temporary names until [`Staging::commit`].
/// Dropping an uncommitted staging removes its temporary files, so an error or a cancel
/// leaves the folder as it was.
pub struct Staging {
    root: PathBuf,
    /// Files written under their temporary name: relative path → SHA-256.
    staged: BTreeMap<String, String>,
    /// Files already holding the exact bytes: left untouched (no write, same mtime).
    unchanged: BTreeMap<String, String>,
    /// What was found of an interrupted export and finished before this one.
    recovery: Recovery,
    committed: bool,
    /// The previous export's files (path → SHA-256), read on the first
    /// [`Staging::keep_if_unchanged`].
    previous: Option<BTreeMap<String, String>>,
    /// A folder several exports share (the `images/` beside exported pages): files of earlier
    /// exports stay listed and are never removed as stale.
    shared: bool,
}

impl Staging {
    /// Prepares to write into `root`, creating it if needed (not the folders above it: see
    /// [`check_folder_of`]); refuses a root that is not a real folder. Finishes an export of that folder that was interrupted while putting its
    /// pages in place, and removes the temporary files one left (see [`Staging::recovery`]).
    pub fn new(root: &Path) -> Result<Self, ExportError> {
        check_folder_of(root)?;
        if root.exists() && !root.is_dir() {
            return Err(ExportError::NotAFolder(root.to_path_buf()));
        }
        fs::create_dir_all(root).map_err(|e| ExportError::io("create folder", root, e))?;
        let root = root
            .canonicalize()
            .map_err(|e| ExportError::io("open folder", root, e))?;
        if !root.is_dir() {
            return Err(ExportError::UnsafePath(root));
        }
        let recovery = manifest::recover(&root)?;
        Ok(Self {
            root,
            staged: BTreeMap::new(),
            unchanged: BTreeMap::new(),
            recovery,
            committed: false,
            previous: None,
            shared: false,
        })
    }

    /// Like [`Staging::new`], for a folder several exports write into (the `images/` beside
    /// exported pages, shared by every page exported there): committing keeps the files of
    /// earlier exports listed in the manifest, and removes none.
    pub fn shared(root: &Path) -> Result<Self, ExportError> {
        let mut staging = Self::new(root)?;
        staging.shared = true;
        Ok(staging)
    }

    /// Keeps `relative` as it is, without its bytes, when it is a regular file whose SHA-256 is
    /// the one the previous export recorded for that name: an image file whose name says what
    /// it holds (image id and width) need not be decoded and encoded again. Returns whether it
    /// was kept.
    pub fn keep_if_unchanged(&mut self, relative: &str) -> Result<bool, ExportError> {
        if self.previous.is_none() {
            self.previous = Some(manifest::proven_files(&self.root)?);
        }
        let Some(recorded) = self
            .previous
            .as_ref()
            .and_then(|p| p.get(relative))
            .cloned()
        else {
            return Ok(false);
        };
        let target = self.target(relative)?;
        let intact = fs::symlink_metadata(&target).is_ok_and(|m| m.is_file())
            && fs::read(&target).is_ok_and(|bytes| manifest::sha256(&bytes) == recorded);
        if intact {
            self.staged.remove(relative);
            self.unchanged.insert(relative.to_owned(), recorded);
        }
        Ok(intact)
    }

    /// The canonical output folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// What was left by an interrupted export and put right before this one.
    pub(crate) fn recovery(&self) -> &Recovery {
        &self.recovery
    }

    /// Stages `bytes` for `relative` (`/`-separated, made of safe names only).
    pub fn stage(&mut self, relative: &str, bytes: &[u8]) -> Result<(), ExportError> {
        let target = self.target(relative)?;
        if let Some(parent) = target.parent() {
            self.ensure_dir(parent)?;
        }
        let hash = manifest::sha256(bytes);
        // A re-export mostly rewrites identical pages; leaving them alone saves the writes
        // (replacing a file by rename makes ext4 flush it) and keeps mtimes for sync tools.
        if same_content(&target, bytes) {
            self.unchanged.insert(relative.to_owned(), hash);
            return Ok(());
        }
        // Recorded before the write, so a failed write's temporary file is removed on drop.
        self.staged.insert(relative.to_owned(), hash);
        write_new(&temp_name(&target), &target, bytes)
    }

    /// Puts the staged files in place: writes the journal (from then on an interruption is
    /// finished by the next export), renames every staged file, writes the new manifest and
    /// removes the stale files of the previous export that Edito can prove it wrote.
    pub(crate) fn commit(mut self) -> Result<Cleanup, ExportError> {
        let mut files = self.unchanged.clone();
        files.extend(self.staged.iter().map(|(p, h)| (p.clone(), h.clone())));
        if self.shared {
            // Earlier exports' files still there stay listed, so none is ever stale.
            for (path, hash) in manifest::proven_files(&self.root)? {
                if !files.contains_key(&path) && self.target(&path).is_ok_and(|t| t.is_file()) {
                    files.insert(path, hash);
                }
            }
        }
        let journal = manifest::journal(&self.root, &files)?;
        journal.write(&self.root)?;
        // The journal now owns the temporary files: a failure below leaves them for the next
        // export to finish, instead of a half-replaced folder nobody repairs.
        self.committed = true;
        for relative in self.staged.keys() {
            let target = self.target(relative)?;
            fs::rename(temp_name(&target), &target)
                .map_err(|e| ExportError::io("replace", &target, e))?;
        }
        journal.finish(&self.root)
    }

    /// Maps a relative path to a target inside the root, refusing `..`, absolute parts and
    /// anything that is not a plain name.
    fn target(&self, relative: &str) -> Result<PathBuf, ExportError> {
        let path = Path::new(relative);
        let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain || relative.is_empty() {
            return Err(ExportError::UnsafePath(path.to_path_buf()));
        }
        Ok(self.root.join(path))
    }

    /// Creates `dir` inside the root, refusing to go through a symbolic link.
    fn ensure_dir(&self, dir: &Path) -> Result<(), ExportError> {
        let mut current = self.root.clone();
        for part in dir
            .strip_prefix(&self.root)
            .unwrap_or(Path::new(""))
            .components()
        {
            current.push(part);
            match fs::symlink_metadata(&current) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => return Err(ExportError::UnsafePath(current)),
                Err(_) => fs::create_dir(&current)
                    .map_err(|e| ExportError::io("create folder", &current, e))?,
            }
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        for relative in self.staged.keys() {
            if let Ok(target) = self.target(relative) {
                let _ = fs::remove_file(temp_name(&target));
            }
        }
    }
}

/// Whether `path` is a regular file (not a link) holding exactly `bytes`.
fn same_content(path: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|existing| existing == bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_ascii_and_cannot_name_a_path() {
        let name = |slug: &str| safe_name(slug, "titre").expect("a name");
        assert_eq!(name("L'Été à Paris !"), "l-ete-a-paris");
        assert_eq!(name("../../etc/passwd"), "etc-passwd");
        assert_eq!(name("/abs"), "abs");
        assert_eq!(name("C:\\Windows\\x"), "c-windows-x");
        assert_eq!(name("déjà-vu"), name(&name("déjà-vu")));
        assert_eq!(slug_of("???"), None);
        assert_eq!(name("???"), "titre");
        assert!(name(&"a".repeat(500)).len() <= crate::text::SLUG_MAX_LEN);
    }

    #[test]
    fn safe_name_falls_back_to_title_then_errors() {
        assert_eq!(safe_name("", "Mon titre").expect("test setup"), "mon-titre");
        assert!(matches!(safe_name("", "!!"), Err(ExportError::NoSlug(_))));
    }

    #[test]
    fn staged_paths_cannot_escape() {
        let dir = tempfile::tempdir().expect("test setup");
        let mut staging = Staging::new(dir.path()).expect("test setup");
        for bad in ["../x.html", "/etc/x", "a/../../x", ""] {
            assert!(staging.stage(bad, b"x").is_err(), "{bad}");
        }
    }

    /// A refused export named `x.html.edito-tmp`, a file the writer never chose (the window
    /// showed it): every write error names the file asked for.
    #[test]
    fn a_failed_write_names_the_chosen_file_not_the_temporary_one() {
        let dir = tempfile::tempdir().expect("test setup");
        let chosen = dir.path().join("missing-folder/x.html");
        let err = atomic_write(&chosen, b"x").expect_err("the folder does not exist");
        match &err {
            ExportError::MissingFolder(path) => {
                assert_eq!(path, &dir.path().join("missing-folder"))
            }
            other => panic!("unexpected error {other:?}"),
        }
        assert!(!err.to_string().contains(TEMP_SUFFIX), "{err}");
        let mut staging = Staging::new(dir.path()).expect("test setup");
        fs::write(
            dir.path().join("blocker"),
            "a file where a folder should be",
        )
        .expect("test setup");
        let err = staging
            .stage("blocker/y.html", b"y")
            .expect_err("a file blocks the folder");
        assert!(!err.to_string().contains(TEMP_SUFFIX), "{err}");
    }

    #[test]
    fn uncommitted_staging_leaves_nothing() {
        let dir = tempfile::tempdir().expect("test setup");
        {
            let mut staging = Staging::new(dir.path()).expect("test setup");
            staging.stage("a/b.html", b"x").expect("test setup");
        }
        assert!(!dir.path().join("a/b.html").exists());
        assert!(!dir.path().join("a/b.html.edito-tmp").exists());
    }

    #[cfg(unix)]
    #[test]
    fn stale_cleanup_does_not_follow_a_swapped_in_link() {
        let dir = tempfile::tempdir().expect("test setup");
        let outside = tempfile::tempdir().expect("test setup");
        let mut staging = Staging::new(dir.path()).expect("test setup");
        staging.stage("tags/x.html", b"x").expect("test setup");
        staging.commit().expect("test setup");
        fs::remove_dir_all(dir.path().join("tags")).expect("test setup");
        fs::write(outside.path().join("x.html"), "precious").expect("test setup");
        std::os::unix::fs::symlink(outside.path(), dir.path().join("tags")).expect("test setup");
        let staging = Staging::new(dir.path()).expect("test setup");
        staging.commit().expect("test setup");
        assert!(
            outside.path().join("x.html").exists(),
            "deleted a file outside the folder"
        );
    }

    #[test]
    fn identical_files_are_not_rewritten() {
        let dir = tempfile::tempdir().expect("test setup");
        let path = dir.path().join("a.html");
        fs::write(&path, "same").expect("test setup");
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(old))
            .expect("test setup");
        let mut staging = Staging::new(dir.path()).expect("test setup");
        staging.stage("a.html", b"same").expect("test setup");
        staging.stage("b.html", b"new").expect("test setup");
        assert!(staging.commit().expect("test setup").removed.is_empty());
        let mtime = fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("test setup");
        assert_eq!(mtime, old, "unchanged file was rewritten");
        let manifest = fs::read_to_string(dir.path().join(manifest::MANIFEST)).expect("test setup");
        assert!(manifest.contains("\"a.html\"") && manifest.contains("\"b.html\""));
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_subfolder_is_refused() {
        let dir = tempfile::tempdir().expect("test setup");
        let outside = tempfile::tempdir().expect("test setup");
        std::os::unix::fs::symlink(outside.path(), dir.path().join("tags")).expect("test setup");
        let mut staging = Staging::new(dir.path()).expect("test setup");
        let err = staging.stage("tags/x.html", b"x").expect_err("should fail");
        assert!(matches!(err, ExportError::UnsafePath(_)), "{err}");
        assert_eq!(fs::read_dir(outside.path()).expect("test setup").count(), 0);
    }
}
