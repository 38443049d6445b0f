//! Unit tests of the library against a real SQLite file in a temporary directory.

use super::*;

fn temp_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("open library");
    (dir, library)
}

#[test]
fn created_draft_reads_back_identically() {
    let (_dir, library) = temp_library();
    let draft = library
        .create_draft("2002 : l'année", "« Bonjour »")
        .expect("create");
    assert_eq!(library.get_draft(draft.id).expect("get"), draft);
    assert_eq!(draft.title, "2002 : l'année");
    assert_eq!(draft.body, "« Bonjour »");
}

#[test]
fn list_puts_most_recently_saved_first() {
    let (_dir, library) = temp_library();
    let first = library.create_draft("Premier", "").expect("create");
    let second = library.create_draft("Second", "").expect("create");
    std::thread::sleep(std::time::Duration::from_millis(2));
    library
        .save_draft(&DraftEdit {
            id: first.id,
            title: "Premier".into(),
            body: "texte".into(),
        })
        .expect("save");
    let ids: Vec<i64> = library
        .list_drafts()
        .expect("list")
        .iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, vec![first.id, second.id]);
}

#[test]
fn save_survives_reopening_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = {
        let library = Library::open_in(dir.path()).expect("open");
        let draft = library.create_draft("Titre", "").expect("create");
        library
            .save_draft(&DraftEdit {
                id: draft.id,
                title: "Titre".into(),
                body: "**gras**".into(),
            })
            .expect("save");
        draft.id
    };
    let reopened = Library::open_in(dir.path()).expect("reopen");
    assert_eq!(reopened.get_draft(id).expect("get").body, "**gras**");
}

#[test]
fn saving_a_missing_draft_is_not_found() {
    let (_dir, library) = temp_library();
    let edit = DraftEdit {
        id: 42,
        title: "x".into(),
        body: "y".into(),
    };
    assert!(matches!(
        library.save_draft(&edit),
        Err(LibraryError::NotFound(42))
    ));
}

#[test]
fn welcome_draft_is_offered_once_only() {
    let (_dir, library) = temp_library();
    let welcome = library
        .offer_welcome_draft()
        .expect("offer")
        .expect("first time");
    assert!(welcome.body.contains("**gras**"));
    assert!(library
        .offer_welcome_draft()
        .expect("offer again")
        .is_none());
    assert_eq!(library.list_drafts().expect("list").len(), 1);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(crate::paths::LIBRARY_FILE);
    std::fs::write(
        &path,
        "ceci n'est pas une base de données, mais un texte assez long".repeat(20),
    )
    .expect("write");
    let err = Library::open_in(dir.path()).err().expect("must fail");
    assert!(matches!(err, LibraryError::NotALibrary { .. }), "{err:?}");
    assert!(err.to_string().contains("backup"));
    // The user's file is untouched: nothing was written over it.
    assert!(std::fs::read_to_string(&path)
        .expect("read")
        .starts_with("ceci n'est pas"));
}

#[test]
fn schema_version_is_recorded() {
    let (_dir, library) = temp_library();
    let version: u32 = library
        .conn()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("pragma");
    assert_eq!(version, SCHEMA_VERSION);
}
