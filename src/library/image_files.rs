//! Folders of image files named by their content id (`<root>/<id[..2]>/<id>`): the library's
//! own `images/` beside the library file, and the backups' `backups/images/`, shared by every
//! backup (an image is immutable, so each is copied once, not once a day).
//!
//! A file is written under a temporary name, fsynced, then renamed into place and its folder
//! synced: a crash leaves either no file or the whole file, never a partial one under the
//! image's name.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::images::ImageId;

/// The folder of image files beside a library file or inside a backups folder.
pub const IMAGES_DIR: &str = "images";

/// Temporary files of a write in progress start with this (never an id: ids are hex).
const PARTIAL_PREFIX: &str = ".partial-";

/// One folder of content-addressed image files.
#[derive(Debug, Clone)]
pub(crate) struct ImageFiles {
    root: PathBuf,
}

/// What a file under an image's name holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileState {
    /// The bytes hash to the id.
    Sound,
    /// No file.
    Missing,
    /// A file whose bytes do not hash to its id (damaged on disk, replaced by hand).
    Damaged,
}

impl ImageFiles {
    /// The image folder `root` (created on the first write).
    pub(crate) fn at(root: PathBuf) -> Self {
        ImageFiles { root }
    }

    /// The folder itself.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Where image `id` is kept: `<root>/<first two hex>/<id>` (256 subfolders at most, so no
    /// folder grows past what file managers and backup tools handle well).
    pub(crate) fn path(&self, id: &ImageId) -> PathBuf {
        self.root.join(&id.as_str()[..2]).join(id.as_str())
    }

    /// The bytes of image `id` (an `io::Error` of kind `NotFound` when it has no file).
    pub(crate) fn read(&self, id: &ImageId) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.path(id))
    }

    /// Whether the file of `id` is there and whole.
    pub(crate) fn state(&self, id: &ImageId) -> std::io::Result<FileState> {
        match self.read(id) {
            Ok(bytes) if ImageId::of_bytes(&bytes) == *id => Ok(FileState::Sound),
            Ok(_) => Ok(FileState::Damaged),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(FileState::Missing),
            Err(err) => Err(err),
        }
    }

    /// Makes sure `<root>/…/<id>` holds `bytes` (which hash to `id`), writing it atomically
    /// and durably unless a sound copy is already there.
    pub(crate) fn ensure(&self, id: &ImageId, bytes: &[u8]) -> std::io::Result<()> {
        if self.state(id)? == FileState::Sound {
            return Ok(());
        }
        let path = self.path(id);
        let shard = path.parent().unwrap_or(&self.root).to_path_buf();
        std::fs::create_dir_all(&shard)?;
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let partial = shard.join(format!(
            "{PARTIAL_PREFIX}{id}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = write_synced(&partial, bytes).and_then(|()| std::fs::rename(&partial, &path));
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        written?;
        // The rename, and a shard folder made just now, are durable only once their folders are.
        sync_dir(&shard)?;
        sync_dir(&self.root)
    }

    /// Copies image `id` from `other` unless a sound copy is already here; false when `other`
    /// has no sound copy either.
    pub(crate) fn copy_from(&self, other: &ImageFiles, id: &ImageId) -> std::io::Result<bool> {
        if self.state(id)? == FileState::Sound {
            return Ok(true);
        }
        match other.read(id) {
            Ok(bytes) if ImageId::of_bytes(&bytes) == *id => {
                self.ensure(id, &bytes)?;
                Ok(true)
            }
            Ok(_) => Ok(false),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(err) => Err(err),
        }
    }

    /// Removes the file of image `id` (and its shard folder when that leaves it empty).
    pub(crate) fn remove(&self, id: &ImageId) -> std::io::Result<()> {
        let path = self.path(id);
        match std::fs::remove_file(&path) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(err),
            _ => {}
        }
        if let Some(shard) = path.parent() {
            // Fails when other images are left in it, which is fine.
            let _ = std::fs::remove_dir(shard);
        }
        Ok(())
    }

    /// The ids of every image file in the folder.
    pub(crate) fn ids(&self) -> Vec<ImageId> {
        let Ok(shards) = std::fs::read_dir(&self.root) else {
            return Vec::new();
        };
        let mut ids: Vec<ImageId> = shards
            .filter_map(Result::ok)
            .filter_map(|shard| std::fs::read_dir(shard.path()).ok())
            .flatten()
            .filter_map(|entry| ImageId::parse(entry.ok()?.file_name().to_str()?))
            .collect();
        ids.sort();
        ids
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}
