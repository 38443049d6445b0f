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
