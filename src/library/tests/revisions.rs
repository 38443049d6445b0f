//! Revisions: when states are kept, diff and non-destructive restore.

use super::*;

fn bodies(library: &Library, id: i64) -> Vec<String> {
    library
        .list_revisions(id)
        .expect("list")
        .iter()
        .map(|r| library.get_revision(id, r.number).expect("get").fields.body)
        .collect()
}

/// Pretends the last save happened `minutes` ago.
fn age_last_save(library: &Library, id: i64, minutes: i64) {
    let past = time::OffsetDateTime::now_utc() - time::Duration::minutes(minutes);
    library
        .conn()
        .execute(
            "UPDATE pieces SET updated_at = ?2 WHERE id = ?1",
            rusqlite::params![id, time_stamp::format(past)],
        )
        .expect("age");
}

#[test]
fn save_point_keeps_the_previous_state() {
    let (_dir, library) = temp_library();
    let piece = library.create_piece(&new_piece("T", "un")).expect("create");
    library
        .save_piece(&edit_body(&piece, "deux", SaveKind::SavePoint))
        .expect("save");
    assert_eq!(bodies(&library, piece.id), strings(&["un"]));
    let rev = &library.list_revisions(piece.id).expect("list")[0];
    assert_eq!(
        (rev.number, rev.reason, rev.version),
        (1, RevisionReason::SavePoint, 1)
    );
}

#[test]
fn consecutive_autosaves_are_coalesced_but_a_pause_is_kept() {
    let (_dir, library) = temp_library();
    let mut piece = library.create_piece(&new_piece("T", "a")).expect("create");
    for body in ["ab", "abc", "abcd"] {
        piece = library
            .save_piece(&edit_body(&piece, body, SaveKind::Autosave))
            .expect("autosave");
    }
    assert!(
        bodies(&library, piece.id).is_empty(),
        "typing bursts are coalesced"
    );
    age_last_save(&library, piece.id, 5);
    let piece = library
        .save_piece(&edit_body(&piece, "abcde", SaveKind::Autosave))
        .expect("after pause");
    assert_eq!(
        bodies(&library, piece.id),
        strings(&["abcd"]),
        "state before the pause kept"
    );
    assert_eq!(
        library.list_revisions(piece.id).expect("list")[0].reason,
        RevisionReason::Pause
    );
}

#[test]
fn status_change_keeps_the_state_before_it() {
    let (_dir, library) = temp_library();
    let piece = library.create_piece(&new_piece("T", "a")).expect("create");
    let piece = library
        .save_piece(&edit_body(&piece, "ab", SaveKind::Autosave))
        .expect("autosave");
    library
        .set_status(piece.id, Status::Review)
        .expect("status");
    let revs = library.list_revisions(piece.id).expect("list");
    assert_eq!(revs[0].reason, RevisionReason::StatusChange);
    assert_eq!(bodies(&library, piece.id), strings(&["ab"]));
}

#[test]
fn restore_is_non_destructive() {
    let (_dir, library) = temp_library();
    let mut piece = library
        .create_piece(&new_piece("T", "première version"))
        .expect("c");
    piece.fields.title = "Titre changé".into();
    let piece = library
        .save_piece(&edit_body(&piece, "seconde version", SaveKind::SavePoint))
        .expect("save");
    let restored = library.restore_revision(piece.id, 1).expect("restore");
    assert_eq!(restored.fields.body, "première version");
    assert_eq!(restored.fields.title, "T");
    assert_eq!(restored.version, piece.version + 1);
    // The state we restored over is itself a revision, so the restore can be undone.
    let revs = library.list_revisions(piece.id).expect("list");
    assert_eq!(revs[0].reason, RevisionReason::Restore);
    assert_eq!(
        library
            .get_revision(piece.id, revs[0].number)
            .expect("get")
            .fields
            .body,
        "seconde version"
    );
    assert!(matches!(
        library.restore_revision(piece.id, 99),
        Err(LibraryError::RevisionNotFound { number: 99, .. })
    ));
}

#[test]
fn diff_gives_word_segments_and_a_unified_body_diff() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("T", "Le chat dort.\nLa suite.\n"))
        .expect("create");
    let mut piece = library
        .save_piece(&edit_body(
            &piece,
            "Le chien dort.\nLa suite.\n",
            SaveKind::SavePoint,
        ))
        .expect("save 1");
    piece.fields.title = "T2".into();
    library
        .save_piece(&edit_body(
            &piece,
            "Le chien dort.\nLa suite.\n",
            SaveKind::SavePoint,
        ))
        .expect("save 2");
    let diff = library.diff_revisions(piece.id, 1, 2).expect("diff");
    assert_eq!(diff.fields.len(), 1);
    let body = &diff.fields[0];
    assert_eq!(body.field, "body");
    let deleted: Vec<&str> = body
        .segments
        .iter()
        .filter(|s| s.op == DiffOp::Delete)
        .map(|s| s.text.as_str())
        .collect();
    let inserted: Vec<&str> = body
        .segments
        .iter()
        .filter(|s| s.op == DiffOp::Insert)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!((deleted, inserted), (vec!["chat"], vec!["chien"]));
    assert!(diff.unified.contains("-Le chat dort.") && diff.unified.contains("+Le chien dort."));

    let to_current = library
        .diff_with_current(piece.id, 2)
        .expect("diff current");
    assert_eq!(to_current.fields[0].field, "title");
    assert!(
        to_current.unified.is_empty(),
        "bodies equal: {}",
        to_current.unified
    );
}

/// Issue #11: a mistaken 300-character deletion, autosaved seconds after the text was typed,
/// left no version holding the text as typed.
#[test]
fn a_large_deletion_keeps_the_text_before_it() {
    let (_dir, library) = temp_library();
    let typed = "Première phrase assez longue pour compter. ".repeat(8);
    let piece = library.create_piece(&new_piece("T", "")).expect("create");
    let piece = library
        .save_piece(&edit_body(&piece, &typed, SaveKind::Autosave))
        .expect("typed");
    // A small correction right after: no version (consecutive autosaves coalesce).
    let piece = library
        .save_piece(&edit_body(
            &piece,
            &format!("{typed}Fin."),
            SaveKind::Autosave,
        ))
        .expect("small edit");
    let kept_before = library.list_revisions(piece.id).expect("list").len();
    library
        .save_piece(&edit_body(&piece, "Fin.", SaveKind::Autosave))
        .expect("deletion");
    let revisions = library.list_revisions(piece.id).expect("list");
    assert_eq!(
        revisions.len(),
        kept_before + 1,
        "one version kept before the deletion"
    );
    let newest = &revisions[0];
    assert_eq!(newest.reason, RevisionReason::BeforeDeletion);
    let kept = library
        .get_revision(piece.id, newest.number)
        .expect("revision");
    assert_eq!(kept.fields.body, format!("{typed}Fin."));
}
