//! Upgrading a foundation (schema 1) library in place: every draft becomes a piece.

use rusqlite::Connection;

use super::*;

/// Builds a library exactly as the foundation wrote it: the 0001 schema and its data.
fn version_one_library(path: &std::path::Path) {
    let conn = Connection::open(path).expect("create v1");
    conn.execute_batch("PRAGMA journal_mode = WAL;")
        .expect("wal");
    conn.execute_batch(include_str!("../../../migrations/0001_drafts.sql"))
        .expect("0001");
    conn.execute_batch(
        "INSERT INTO drafts (id, title, body, created_at, updated_at) VALUES
           (1, 'Bienvenue dans Edito', 'Du **gras**.', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z'),
           (2, 'L''année 2026', '« Texte »', '2026-11-02T10:00:00.000Z', '2026-11-03T10:00:00.000Z'),
           (3, 'L''année 2026', 'doublon', '2026-11-04T10:00:00.000Z', '2026-11-04T10:00:00.000Z'),
           (7, '', 'sans titre', '2026-11-05T10:00:00.000Z', '2026-11-05T10:00:00.000Z');
         INSERT INTO settings (key, value) VALUES ('welcome_offered', '2026-11-01T10:00:00.000Z');
         PRAGMA user_version = 1;",
    )
    .expect("data");
}

#[test]
fn foundation_library_upgrades_without_loss() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(crate::paths::LIBRARY_FILE);
    version_one_library(&path);
    let library = Library::open_file(&path).expect("upgrade");
    let expect = [
        (
            1,
            "Bienvenue dans Edito",
            "Du **gras**.",
            "bienvenue-dans-edito",
        ),
        (2, "L'année 2026", "« Texte »", "l-annee-2026"),
        (3, "L'année 2026", "doublon", "l-annee-2026-2"),
        (7, "", "sans titre", "sans-titre"),
    ];
    for (id, title, body, slug) in expect {
        let piece = library.get_piece(id).expect("every draft is a piece");
        assert_eq!(
            (
                piece.fields.title.as_str(),
                piece.fields.body.as_str(),
                piece.slug.as_str()
            ),
            (title, body, slug)
        );
        assert_eq!(piece.status, Status::Draft);
        assert_eq!(piece.version, 1);
        assert_eq!(library.status_history(id).expect("history").len(), 1);
    }
    assert_eq!(
        library.get_piece(2).expect("2").updated_at,
        "2026-11-03T10:00:00.000Z"
    );
    assert_eq!(
        library
            .list_pieces(&PieceFilter::default())
            .expect("list")
            .len(),
        4
    );
    let hits = library
        .search(&SearchQuery {
            text: "annee".into(),
            ..SearchQuery::default()
        })
        .expect("old drafts are indexed");
    assert_eq!(hits.len(), 2);
    assert!(
        library.offer_welcome_piece().expect("offer").is_none(),
        "settings kept"
    );
    assert_eq!(library.integrity_check().expect("check"), strings(&["ok"]));
}

#[test]
fn a_foundation_library_opened_read_only_asks_for_the_upgrade() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(crate::paths::LIBRARY_FILE);
    version_one_library(&path);
    let err = Library::open_read_only(&path).expect_err("needs upgrade");
    assert!(matches!(err, LibraryError::Invalid { .. }), "{err:?}");
    assert!(err.to_string().contains("upgraded"), "{err}");
    // Nothing was changed: a normal open still finds and upgrades every draft.
    assert_eq!(
        Library::open_file(&path)
            .expect("upgrade")
            .list_pieces(&PieceFilter::default())
            .expect("list")
            .len(),
        4
    );
}

/// Builds a library as the first editorial release wrote it (schema 2): a piece, and a
/// revision whose JSON snapshot predates `extra`.
fn version_two_library(path: &std::path::Path) {
    let conn = Connection::open(path).expect("create v2");
    conn.execute_batch("PRAGMA journal_mode = WAL;")
        .expect("wal");
    conn.execute_batch(include_str!("../../../migrations/0001_drafts.sql"))
        .expect("0001");
    conn.execute_batch(include_str!("../../../migrations/0002_pieces.sql"))
        .expect("0002");
    conn.execute_batch(
        r#"INSERT INTO pieces (id, slug, title, body, status, version, created_at, updated_at)
             VALUES (5, 'edito', 'Édito', 'Texte v2', 'review', 2,
                     '2026-11-20T10:00:00.000Z', '2026-11-21T10:00:00.000Z');
           INSERT INTO status_history (piece_id, from_status, to_status, changed_at)
             VALUES (5, NULL, 'review', '2026-11-20T10:00:00.000Z');
           INSERT INTO revisions (piece_id, number, reason, version, title, saved_at, kept_at, content)
             VALUES (5, 1, 'save_point', 1, 'Édito', '2026-11-20T10:00:00.000Z',
                     '2026-11-21T10:00:00.000Z',
                     '{"slug":"edito","title":"Édito","body":"Texte v1","lang":"fr","status":"review","tags":[]}');
           INSERT INTO pieces_fts (pieces_fts) VALUES ('rebuild');
           PRAGMA user_version = 2;"#,
    )
    .expect("data");
}

#[test]
fn schema_two_library_gains_an_empty_extra_and_keeps_its_revisions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(crate::paths::LIBRARY_FILE);
    version_two_library(&path);
    let library = Library::open_file(&path).expect("upgrade");
    let piece = library.get_piece(5).expect("piece kept");
    assert_eq!(
        (piece.fields.body.as_str(), piece.version, piece.status),
        ("Texte v2", 2, Status::Review)
    );
    assert!(piece.extra.is_empty());
    let old = library
        .get_revision(5, 1)
        .expect("old snapshot still reads");
    assert_eq!(old.fields.body, "Texte v1");
    assert!(old.extra.is_empty());
    // The upgraded piece takes unknown keys, and restoring the old snapshot clears them.
    let mut edit = edit_body(&piece, "Texte v3", SaveKind::SavePoint);
    edit.extra = Some(Extra::from([("weight".to_string(), serde_json::json!(3))]));
    let saved = library.save_piece(&edit).expect("save");
    assert_eq!(library.get_piece(5).expect("get").extra, saved.extra);
    let restored = library.restore_revision(5, 1).expect("restore");
    assert_eq!(restored.fields.body, "Texte v1");
    assert!(restored.extra.is_empty());
    assert_eq!(library.integrity_check().expect("check"), strings(&["ok"]));
}
