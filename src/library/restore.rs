//! Putting a backup back, crash-safely. The steps leave a journal beside the library
//! (`library.db.restore.json`) for as long as the old file is not where it was, so whatever
//! the moment a restore is killed, the next open finds either the old library (the restore is
//! undone) or the new one (it is completed), and says which in a [`Recovery`].

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::backup::{backups_dir_for, check_backup, sidecar, SUFFIX};
use super::{image_backups, time_stamp, Library, LibraryError};
use crate::paths::LIBRARY_FILE;

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoreReport {
    /// The backup now in use.
    pub restored_from: PathBuf,
    /// Where the library that was replaced was put aside (never deleted), if there was one.
    pub previous_saved_as: Option<PathBuf>,
    /// Images the backup lists whose files were not in the `images` folder beside it (a
    /// backup file copied without that folder): the pieces show them as missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_images: Vec<String>,
}

/// What opening the library found of a restore that was interrupted (killed, power cut).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Recovery {
    /// The restore stopped before the backup was in place: the library is the one it was
    /// replacing, as it was.
    RestoreUndone {
        /// The backup that was being restored.
        backup: PathBuf,
    },
    /// The restore stopped after the backup was in place: it is now complete.
    RestoreCompleted {
        /// The backup now in use.
        backup: PathBuf,
        /// Where the replaced library was put aside.
        previous_saved_as: Option<PathBuf>,
    },
}

impl std::fmt::Display for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Recovery::RestoreUndone { backup } => write!(
                f,
                "a restore of `{}` was interrupted before it replaced the library: the library is as it was before (run `edito backup --restore` again if you still want it)",
                backup.display()
            ),
            Recovery::RestoreCompleted {
                backup,
                previous_saved_as,
            } => {
                write!(f, "an interrupted restore of `{}` was completed", backup.display())?;
                match previous_saved_as {
                    Some(aside) => write!(f, " (the replaced library is kept as `{}`)", aside.display()),
                    None => Ok(()),
                }
            }
        }
    }
}

/// The journal of a restore in progress: enough to undo or complete it.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    backup: PathBuf,
    aside: Option<PathBuf>,
}

/// Replaces the library of `data_dir` by `backup`, which must be a sound Edito library. The
/// current library (if any) is moved into the backups folder as
/// `library-before-restore-YYYYMMDD-HHMMSS[-N].db` (a name never reused), never deleted.
/// Close every [`Library`] on this folder first (the app, other commands).
///
/// Crash-safe: killed at any point, the next [`Library::open_file`] finds the old library or
/// the new one ([`Library::recovery`] says which).
pub fn restore_backup(data_dir: &Path, backup: &Path) -> Result<RestoreReport, LibraryError> {
    check_backup(backup)?;
    let library = data_dir.join(LIBRARY_FILE);
    // An earlier restore killed half-way is settled first, so its journal is not overwritten.
    recover(&library)?;
    let staged = staged_path(&library);
    // 1. The backup's images into the library's folder (adding files named by their content
    //    never harms the old library), then its bytes beside the target, on disk before
    //    anything else moves.
    let missing_images = image_backups::restore_images(backup, &library)?;
    copy_synced(backup, &staged)?;
    let aside = if library.exists() {
        let dir = backups_dir_for(&library);
        std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        Some(unique_aside(&dir))
    } else {
        None
    };
    // 2. The journal, before the old library leaves its place.
    write_journal(
        &library,
        &Journal {
            backup: backup.to_path_buf(),
            aside: aside.clone(),
        },
    )?;
    // 3. The old library aside: its -wal first (it holds the latest commits and must never sit
    //    beside the new file), then the file itself.
    if let Some(aside) = &aside {
        let wal = sidecar(&library, "-wal");
        if wal.exists() {
            rename_new(&wal, &sidecar(aside, "-wal"))?;
        }
        let _ = std::fs::remove_file(sidecar(&library, "-shm"));
        rename_new(&library, aside)?;
    }
    // 4. The backup in place, in one rename; then the journal goes.
    std::fs::rename(&staged, &library).map_err(io_err(&library))?;
    sync_dir(data_dir)?;
    remove_journal(&library)?;
    Library::open_file(&library)?;
    Ok(RestoreReport {
        restored_from: backup.to_path_buf(),
        previous_saved_as: aside,
        missing_images: missing_images.iter().map(ToString::to_string).collect(),
    })
}

/// Settles a restore interrupted on `library` (see [`Recovery`]); `None` when there was none.
/// A staged copy left without a journal is removed: the library itself was never touched.
pub(crate) fn recover(library: &Path) -> Result<Option<Recovery>, LibraryError> {
    let staged = staged_path(library);
    let journal_path = journal_path(library);
    let journal = match std::fs::read(&journal_path) {
        Ok(bytes) => serde_json::from_slice::<Journal>(&bytes).ok(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(io_err(&journal_path)(err)),
    };
    let Some(journal) = journal else {
        // No journal (or one killed while being written, before anything moved).
        remove_journal(library)?;
        remove_if_present(&staged)?;
        return Ok(None);
    };
    let recovery = if staged.exists() {
        // The backup never reached its place: put back whatever of the old library moved.
        if let Some(aside) = &journal.aside {
            let wal = sidecar(library, "-wal");
            let aside_wal = sidecar(aside, "-wal");
            if aside_wal.exists() && !wal.exists() {
                std::fs::rename(&aside_wal, &wal).map_err(io_err(&wal))?;
            }
            if aside.exists() && !library.exists() {
                std::fs::rename(aside, library).map_err(io_err(library))?;
            }
            // Killed between the hard link and the unlink of `rename_new`: both names are the
            // same file, and the aside must not keep following the live library.
            for (kept, extra) in [(library.to_path_buf(), aside.clone()), (wal, aside_wal)] {
                if same_file(&kept, &extra) {
                    std::fs::remove_file(&extra).map_err(io_err(&extra))?;
                }
            }
        }
        std::fs::remove_file(&staged).map_err(io_err(&staged))?;
        Recovery::RestoreUndone {
            backup: journal.backup,
        }
    } else {
        Recovery::RestoreCompleted {
            backup: journal.backup,
            previous_saved_as: journal.aside,
        }
    };
    if let Some(dir) = library.parent() {
        sync_dir(dir)?;
    }
    remove_journal(library)?;
    Ok(Some(recovery))
}

impl Library {
    /// What opening this library had to settle of an interrupted restore, if anything: the
    /// CLI prints it, the app shows it.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }
}

fn staged_path(library: &Path) -> PathBuf {
    sidecar(library, ".restoring")
}

fn journal_path(library: &Path) -> PathBuf {
    sidecar(library, ".restore.json")
}

/// `library-before-restore-STAMP[-N].db`, the first name not taken (with its -wal).
fn unique_aside(dir: &Path) -> PathBuf {
    let stamp = time_stamp::file_stamp(OffsetDateTime::now_utc());
    (1u32..)
        .map(|n| match n {
            1 => dir.join(format!("library-before-restore-{stamp}{SUFFIX}")),
            n => dir.join(format!("library-before-restore-{stamp}-{n}{SUFFIX}")),
        })
        .find(|p| !p.exists() && !sidecar(p, "-wal").exists())
        .unwrap_or_else(|| dir.join(format!("library-before-restore-{stamp}-x{SUFFIX}")))
}

/// Moves `from` to `to`, refusing to replace an existing `to` (a hard link then an unlink:
/// `rename` would silently overwrite a put-aside library of the same name).
fn rename_new(from: &Path, to: &Path) -> Result<(), LibraryError> {
    std::fs::hard_link(from, to).map_err(io_err(to))?;
    std::fs::remove_file(from).map_err(io_err(from))
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

fn copy_synced(from: &Path, to: &Path) -> Result<(), LibraryError> {
    std::fs::copy(from, to).map_err(io_err(from))?;
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(io_err(to))
}

fn write_journal(library: &Path, journal: &Journal) -> Result<(), LibraryError> {
    let path = journal_path(library);
    let partial = sidecar(&path, ".partial");
    let bytes = serde_json::to_vec(journal)?;
    let mut file = std::fs::File::create(&partial).map_err(io_err(&partial))?;
    file.write_all(&bytes)
        .and_then(|()| file.sync_all())
        .map_err(io_err(&partial))?;
    std::fs::rename(&partial, &path).map_err(io_err(&path))?;
    if let Some(dir) = library.parent() {
        sync_dir(dir)?;
    }
    Ok(())
}

fn remove_journal(library: &Path) -> Result<(), LibraryError> {
    remove_if_present(&journal_path(library))?;
    remove_if_present(&sidecar(&journal_path(library), ".partial"))
}

fn remove_if_present(path: &Path) -> Result<(), LibraryError> {
    // On a read-only mount, unlinking a file that is not there fails with EROFS, not
    // NotFound: look first, so a clean library on a read-only medium still opens (#13.18).
    if std::fs::symlink_metadata(path).is_err_and(|err| err.kind() == std::io::ErrorKind::NotFound)
    {
        return Ok(());
    }
    match std::fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(io_err(path)(err)),
        _ => Ok(()),
    }
}

/// Makes the renames in `dir` durable (a rename is only on disk once its folder is synced).
fn sync_dir(dir: &Path) -> Result<(), LibraryError> {
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err(dir))
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> LibraryError {
    let path = path.to_path_buf();
    move |source| LibraryError::Backup { path, source }
}
