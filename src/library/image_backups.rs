//! Images in backups. A backup stays one `.db` file (its `images` rows); the image files go
//! into `backups/images/`, shared by every backup: an image never changes, so it is copied
//! once, when the first backup naming it is made, and removed when no backup left names it.
//! Restoring copies back into the library's `images/` every image the backup names.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::OpenFlags;

use super::image_files::{ImageFiles, IMAGES_DIR};
use super::images::images_dir_for;
use super::LibraryError;
use crate::images::ImageId;

/// The shared image folder of the backups in `backups_dir`.
pub(crate) fn backup_images(backups_dir: &Path) -> ImageFiles {
    ImageFiles::at(backups_dir.join(IMAGES_DIR))
}

/// The images the library file (or backup) at `db` lists; none for a library from before
/// images (no `images` table).
pub(crate) fn image_ids_in(db: &Path) -> rusqlite::Result<Vec<ImageId>> {
    let conn = rusqlite::Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'images'",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare("SELECT id FROM images ORDER BY id")?;
    let ids = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(ids
        .filter_map(Result::ok)
        .filter_map(|id| ImageId::parse(&id))
        .collect())
}

/// Copies into `backups_dir/images` every image the new backup `partial` lists that is not
/// there yet, from the library's own folder (`library` is the library file). An image whose
/// file is already missing or damaged in the library cannot be saved: it is skipped (the
/// backup of the text must still be made) and returned, for the integrity check to report.
pub(crate) fn save_images(
    library: &Path,
    partial: &Path,
    backups_dir: &Path,
) -> Result<Vec<ImageId>, String> {
    let from = images_dir_for(library);
    let to = backup_images(backups_dir);
    let mut skipped = Vec::new();
    for id in image_ids_in(partial).map_err(|e| e.to_string())? {
        match to.copy_from(&from, &id) {
            Ok(true) => {}
            Ok(false) => skipped.push(id),
            Err(err) => return Err(format!("image {id}: {err}")),
        }
    }
    Ok(skipped)
}

/// Removes from `backups_dir/images` the files no library file in `backups_dir` lists any
/// more (backups and libraries put aside by a restore alike). A backup that cannot be read
/// keeps every image: nothing is removed then.
pub(crate) fn prune_images(backups_dir: &Path) -> Result<(), LibraryError> {
    let store = backup_images(backups_dir);
    let Ok(entries) = std::fs::read_dir(backups_dir) else {
        return Ok(());
    };
    let mut listed = HashSet::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "db") && path.is_file() {
            match image_ids_in(&path) {
                Ok(ids) => listed.extend(ids),
                Err(_) => return Ok(()),
            }
        }
    }
    for id in store.ids() {
        if !listed.contains(&id) {
            store.remove(&id).map_err(|source| LibraryError::Backup {
                path: store.path(&id),
                source,
            })?;
        }
    }
    Ok(())
}

/// Copies into the library's `images/` (beside `library`) every image `backup` lists, from
/// the `images/` folder beside the backup. Returns the images the backup names but whose
/// files are not there (a backup copied without its `images` folder).
pub(crate) fn restore_images(backup: &Path, library: &Path) -> Result<Vec<ImageId>, LibraryError> {
    let io_err = |path: &Path, source: std::io::Error| LibraryError::Backup {
        path: path.to_path_buf(),
        source,
    };
    let from = backup_images(backup.parent().unwrap_or_else(|| Path::new(".")));
    let to = images_dir_for(library);
    let ids = image_ids_in(backup).map_err(|err| LibraryError::BadBackup {
        path: backup.to_path_buf(),
        reason: err.to_string(),
    })?;
    let mut missing = Vec::new();
    for id in ids {
        match to.copy_from(&from, &id) {
            Ok(true) => {}
            Ok(false) => missing.push(id),
            Err(source) => return Err(io_err(to.root(), source)),
        }
    }
    Ok(missing)
}
