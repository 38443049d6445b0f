//! Backups: made on demand, daily when due, pruned, restored without losing the current file.

use super::*;

#[test]
fn backup_is_a_complete_library() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("Sauvé", "texte"))
        .expect("create");
    let backup = library.backup_now().expect("backup");
    assert!(backup.path.starts_with(library.backups_dir()));
    let name = backup
        .path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("library-") && name.ends_with(".db"),
        "{name}"
    );
    let copy = Library::open_read_only(&backup.path).expect("open backup");
    assert_eq!(copy.get_piece(piece.id).expect("get").fields.body, "texte");
    assert_eq!(copy.integrity_check().expect("check"), strings(&["ok"]));
}

#[test]
fn backup_if_due_makes_one_a_day() {
    let (_dir, library) = temp_library();
    assert!(library.backup_if_due().expect("first").is_some());
    assert!(library.backup_if_due().expect("second").is_none());
}

// Regression: several backups in one second once reused a name freed by pruning, which
// sorted as the oldest and was pruned at once.
#[test]
fn only_the_newest_backups_are_kept() {
    let (_dir, library) = temp_library();
    let stranger = library.backups_dir().join("notes.txt");
    let mut made = Vec::new();
    for _ in 0..BACKUPS_KEPT + 3 {
        made.push(library.backup_now().expect("backup").path);
        std::fs::write(&stranger, "à moi").expect("write stranger");
    }
    let kept: Vec<_> = library
        .list_backups()
        .expect("list")
        .into_iter()
        .map(|b| b.path)
        .collect();
    assert_eq!(kept, made[3..].to_vec());
    assert!(stranger.exists(), "files we did not make are never pruned");
}

#[test]
fn restore_replaces_the_library_and_keeps_the_old_one_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (backup, id) = {
        let library = Library::open_in(dir.path()).expect("open");
        let piece = library
            .create_piece(&new_piece("T", "version sauvegardée"))
            .expect("c");
        let backup = library.backup_now().expect("backup");
        library
            .save_piece(&edit_body(&piece, "version après", SaveKind::SavePoint))
            .expect("save");
        (backup, piece.id)
    };
    let report = restore_backup(dir.path(), &backup.path).expect("restore");
    let library = Library::open_in(dir.path()).expect("reopen");
    assert_eq!(
        library.get_piece(id).expect("get").fields.body,
        "version sauvegardée"
    );
    let aside = report.previous_saved_as.expect("old library kept");
    let old = Library::open_file(&aside).expect("open old");
    assert_eq!(old.get_piece(id).expect("get").fields.body, "version après");
}

#[test]
fn restoring_a_file_that_is_not_a_library_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        Library::open_in(dir.path())
            .expect("open")
            .create_piece(&new_piece("T", ""))
            .expect("c");
    }
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "pas une base".repeat(100)).expect("write");
    let err = restore_backup(dir.path(), &junk).expect_err("refused");
    assert!(matches!(err, LibraryError::BadBackup { .. }), "{err:?}");
    let library = Library::open_in(dir.path()).expect("still opens");
    assert_eq!(
        library
            .list_pieces(&PieceFilter::default())
            .expect("list")
            .len(),
        1
    );
}

/// A library in `dir` with one piece, its backup, then a later save point: what a restore
/// must never lose is that later text.
fn library_with_later_work(dir: &std::path::Path, later: &str) -> (BackupInfo, i64) {
    let library = Library::open_in(dir).expect("open");
    let piece = library
        .create_piece(&new_piece("T", "sauvegardé"))
        .expect("create");
    let backup = library.backup_now().expect("backup");
    library
        .save_piece(&edit_body(&piece, later, SaveKind::SavePoint))
        .expect("save");
    (backup, piece.id)
}

// Regression (#13.1): the put-aside name had only a one-second stamp, so a second restore in
// the same second renamed its library over the first one's put-aside copy, and the work saved
// after the backup was gone.
#[test]
fn two_restores_in_one_second_keep_both_replaced_libraries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (backup, id) = library_with_later_work(dir.path(), "écrit après la sauvegarde");
    let first = restore_backup(dir.path(), &backup.path).expect("first restore");
    let second = restore_backup(dir.path(), &backup.path).expect("second restore");
    let (first, second) = (
        first.previous_saved_as.expect("first aside"),
        second.previous_saved_as.expect("second aside"),
    );
    assert_ne!(first, second, "a put-aside name is never reused");
    let old = Library::open_read_only(&first).expect("open first aside");
    assert_eq!(
        old.get_piece(id).expect("get").fields.body,
        "écrit après la sauvegarde"
    );
}

// Regression (#13.2): a missing or zero-length library.db beside backups was opened as a new
// empty library, whose daily backups then pushed the good ones out.
#[test]
fn a_missing_or_empty_library_with_backups_is_refused_with_the_restore_advice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (backup, _) = library_with_later_work(dir.path(), "plus tard");
    let file = dir.path().join(crate::paths::LIBRARY_FILE);
    for damage in ["empty", "missing"] {
        std::fs::write(&file, b"").expect("truncate");
        let _ = std::fs::remove_file(dir.path().join("library.db-wal"));
        if damage == "missing" {
            std::fs::remove_file(&file).expect("remove");
        }
        let err = Library::open_in(dir.path()).expect_err(damage);
        assert!(
            matches!(err, LibraryError::Missing { .. }),
            "{damage}: {err:?}"
        );
        let message = err.to_string();
        assert!(
            message.contains(&format!("edito backup --restore {}", backup.path.display())),
            "{message}"
        );
        assert_eq!(
            std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0),
            0,
            "{damage}: nothing was created over it"
        );
    }
    // Without backups, a missing library is simply a first start.
    std::fs::remove_dir_all(dir.path().join(BACKUPS_DIR)).expect("remove backups");
    Library::open_in(dir.path()).expect("a new library");
}

// Regression (#13.2): backups of a library that lost its pieces pushed out the last backup of
// the full library without a word.
#[test]
fn the_last_backup_of_a_larger_library_is_never_pruned_silently() {
    let (_dir, library) = temp_library();
    let pieces: Vec<_> = (0..40)
        .map(|i| {
            library
                .create_piece(&new_piece(&format!("Pièce {i}"), &"du texte ".repeat(400)))
                .expect("create")
        })
        .collect();
    let large = library
        .backup_now()
        .expect("backup of the full library")
        .path;
    for piece in &pieces {
        library.trash_piece(piece.id).expect("trash");
    }
    library.empty_trash().expect("empty trash");
    let mut last = None;
    for _ in 0..BACKUPS_KEPT + 2 {
        last = Some(library.backup_now().expect("backup"));
    }
    assert!(large.exists(), "the larger library's backup is kept");
    assert_eq!(last.expect("made").larger_kept, Some(large));
    assert_eq!(
        library.list_backups().expect("list").len(),
        BACKUPS_KEPT + 1
    );
}

// Regression (#13.4): a backup that failed (disk full) left an empty file that counted among
// the kept ones and became the backup the damage message recommended.
#[test]
fn empty_backup_files_are_never_listed_nor_recommended() {
    let (_dir, library) = temp_library();
    let good = library.backup_now().expect("backup").path;
    let empty = library.backups_dir().join("library-29991231-235959.db");
    std::fs::write(&empty, b"").expect("empty backup");
    let listed: Vec<_> = library
        .list_backups()
        .expect("list")
        .into_iter()
        .map(|b| b.path)
        .collect();
    assert_eq!(listed, vec![good.clone()]);
    assert_eq!(
        crate::library::backup::newest_in(&library.backups_dir()),
        Some(good)
    );
}

// #13.3: the journal's states, each as a kill would leave it; the kill sweep itself runs the
// CLI under strace (tests/integration/faults.rs).
#[test]
fn a_restore_killed_before_the_swap_is_undone_and_after_it_completed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (backup, id) = library_with_later_work(dir.path(), "le texte le plus récent");
    let file = dir.path().join(crate::paths::LIBRARY_FILE);
    let aside = dir
        .path()
        .join(BACKUPS_DIR)
        .join("library-before-restore-x.db");
    let journal = serde_json::json!({ "backup": backup.path, "aside": aside });
    // Killed after the old library moved aside, before the backup took its place.
    std::fs::write(file.with_extension("db.restore.json"), journal.to_string()).expect("journal");
    std::fs::copy(&backup.path, file.with_extension("db.restoring")).expect("staged");
    std::fs::rename(&file, &aside).expect("aside");
    let library = Library::open_in(dir.path()).expect("recovered");
    assert!(
        matches!(library.recovery(), Some(Recovery::RestoreUndone { .. })),
        "{:?}",
        library.recovery()
    );
    assert_eq!(
        library.get_piece(id).expect("get").fields.body,
        "le texte le plus récent"
    );
    drop(library);
    // Killed after the swap, before the journal went.
    std::fs::write(file.with_extension("db.restore.json"), journal.to_string()).expect("journal");
    let library = Library::open_in(dir.path()).expect("recovered");
    assert!(
        matches!(library.recovery(), Some(Recovery::RestoreCompleted { .. })),
        "{:?}",
        library.recovery()
    );
    assert!(!file.with_extension("db.restore.json").exists());
}
