//! Creating, reading, listing and saving pieces.

use super::*;

#[test]
fn created_piece_reads_back_identically_with_every_field() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&NewPiece {
            fields: PieceFields {
                title: "2002 : l'année".into(),
                kicker: "Édito".into(),
                standfirst: "Un chapô.".into(),
                body: "« Bonjour »".into(),
                author: "Jean Dupont".into(),
                author_role: "Directeur de la rédaction".into(),
                category: "Editos du magazine En-Contact".into(),
                lang: Lang::En,
                publication_date: Some("2026-12-01".into()),
                issue_number: Some(42),
                target_signs: Some(2500),
                lead_image: Some("image:9f86d081884c7d65.jpg".into()),
            },
            status: Some(Status::Idea),
            tags: strings(&["Relation client", "Économie"]),
            slug: None,
            extra: Extra::default(),
        })
        .expect("create");
    assert_eq!(library.get_piece(piece.id).expect("get"), piece);
    assert_eq!(piece.slug, "2002-l-annee");
    assert_eq!(piece.status, Status::Idea);
    assert_eq!(piece.tags, strings(&["Relation client", "Économie"]));
    assert_eq!(piece.fields.issue_number, Some(42));
    assert_eq!(piece.version, 1);
}

#[test]
fn piece_json_is_flat_snake_case() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("Titre", "texte"))
        .expect("create");
    let json = serde_json::to_value(&piece).expect("json");
    for key in [
        "id",
        "slug",
        "title",
        "body",
        "author_role",
        "lang",
        "status",
        "tags",
        "version",
    ] {
        assert!(json.get(key).is_some(), "missing {key} in {json}");
    }
    assert_eq!(json["lang"], "fr");
    assert_eq!(json["status"], "draft");
    let back: Piece = serde_json::from_value(json).expect("round trip");
    assert_eq!(back, piece);
}

#[test]
fn list_puts_most_recently_saved_first() {
    let (_dir, library) = temp_library();
    let first = library
        .create_piece(&new_piece("Premier", ""))
        .expect("create");
    let second = library
        .create_piece(&new_piece("Second", ""))
        .expect("create");
    std::thread::sleep(std::time::Duration::from_millis(2));
    library
        .save_piece(&edit_body(&first, "texte", SaveKind::Autosave))
        .expect("save");
    let ids: Vec<i64> = library
        .list_pieces(&PieceFilter::default())
        .expect("list")
        .iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, vec![first.id, second.id]);
}

#[test]
fn list_filters_combine_tags_status_category_and_dates() {
    let (_dir, library) = temp_library();
    let mut a = new_piece("A", "");
    a.tags = strings(&["Europe", "Économie"]);
    a.fields.category = "Editos".into();
    a.fields.publication_date = Some("2026-01-15".into());
    let mut b = new_piece("B", "");
    b.tags = strings(&["europe"]);
    b.status = Some(Status::Review);
    b.fields.publication_date = Some("2026-03-01".into());
    let a = library.create_piece(&a).expect("a");
    let b = library.create_piece(&b).expect("b");
    let ids = |filter: PieceFilter| -> Vec<i64> {
        let mut ids: Vec<i64> = library
            .list_pieces(&filter)
            .expect("list")
            .iter()
            .map(|p| p.id)
            .collect();
        ids.sort();
        ids
    };
    let tags = |t: &[&str]| PieceFilter {
        tags: strings(t),
        ..PieceFilter::default()
    };
    assert_eq!(ids(tags(&["EUROPE"])), vec![a.id, b.id]);
    assert_eq!(ids(tags(&["europe", "economie"])), vec![a.id]);
    assert_eq!(
        ids(PieceFilter {
            statuses: vec![Status::Review],
            ..PieceFilter::default()
        }),
        vec![b.id]
    );
    assert_eq!(
        ids(PieceFilter {
            category: Some("editos".into()),
            ..PieceFilter::default()
        }),
        vec![a.id]
    );
    assert_eq!(
        ids(PieceFilter {
            published_from: Some("2026-02-01".into()),
            published_to: Some("2026-12-31".into()),
            ..PieceFilter::default()
        }),
        vec![b.id]
    );
}

#[test]
fn stale_save_is_refused_with_the_current_piece() {
    let (_dir, library) = temp_library();
    let piece = library.create_piece(&new_piece("T", "v1")).expect("create");
    let window_a = edit_body(&piece, "from A", SaveKind::Autosave);
    let window_b = edit_body(&piece, "from B", SaveKind::Autosave);
    let saved = library.save_piece(&window_a).expect("A saves first");
    assert_eq!(saved.version, piece.version + 1);
    match library.save_piece(&window_b) {
        Err(LibraryError::Conflict { current }) => {
            assert_eq!(current.fields.body, "from A");
            assert_eq!(current.version, saved.version);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(
        library.get_piece(piece.id).expect("get").fields.body,
        "from A"
    );
}

#[test]
fn unchanged_save_keeps_version_and_timestamp() {
    let (_dir, library) = temp_library();
    let piece = library.create_piece(&new_piece("T", "x")).expect("create");
    let same = library
        .save_piece(&edit_body(&piece, "x", SaveKind::SavePoint))
        .expect("save");
    assert_eq!(same, piece);
}

#[test]
fn saving_a_missing_piece_is_not_found() {
    let (_dir, library) = temp_library();
    let mut edit = edit_body(
        &library.create_piece(&new_piece("T", "")).expect("create"),
        "y",
        SaveKind::Autosave,
    );
    edit.id = 42;
    assert!(matches!(
        library.save_piece(&edit),
        Err(LibraryError::NotFound(42))
    ));
}

#[test]
fn status_changes_are_dated_in_the_history() {
    let (_dir, library) = temp_library();
    let piece = library.create_piece(&new_piece("T", "")).expect("create");
    library
        .set_status(piece.id, Status::Review)
        .expect("review");
    let back = library
        .set_status(piece.id, Status::Draft)
        .expect("back to draft");
    assert_eq!(back.status, Status::Draft);
    let history = library.status_history(piece.id).expect("history");
    let moves: Vec<(Option<Status>, Status)> = history.iter().map(|c| (c.from, c.to)).collect();
    assert_eq!(
        moves,
        vec![
            (None, Status::Draft),
            (Some(Status::Draft), Status::Review),
            (Some(Status::Review), Status::Draft)
        ]
    );
    assert!(history
        .iter()
        .all(|c| time_stamp::parse(&c.changed_at).is_some()));
}

#[test]
fn status_parses_french_names() {
    assert_eq!("Prêt".parse::<Status>().expect("prêt"), Status::Ready);
    assert_eq!(
        "publié".parse::<Status>().expect("publié"),
        Status::Published
    );
    assert!("fini".parse::<Status>().is_err());
}

#[test]
fn trash_restore_and_empty() {
    let (_dir, library) = temp_library();
    let keep = library
        .create_piece(&new_piece("Garder", ""))
        .expect("create");
    let gone = library
        .create_piece(&new_piece("Jeter", "mot"))
        .expect("create");
    library.trash_piece(gone.id).expect("trash");
    let live: Vec<i64> = library
        .list_pieces(&PieceFilter::default())
        .expect("list")
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(live, vec![keep.id]);
    assert_eq!(library.list_trash().expect("trash")[0].id, gone.id);
    let stale = edit_body(&gone, "edit", SaveKind::Autosave);
    assert!(matches!(
        library.save_piece(&stale),
        Err(LibraryError::InTrash(_))
    ));

    library.restore_from_trash(gone.id).expect("restore");
    assert!(library.list_trash().expect("trash").is_empty());
    library.trash_piece(gone.id).expect("trash again");
    assert_eq!(library.empty_trash().expect("empty"), 1);
    assert!(matches!(
        library.get_piece(gone.id),
        Err(LibraryError::NotFound(_))
    ));
    assert!(library.get_piece(keep.id).is_ok());
}

#[test]
fn welcome_piece_is_offered_once_only() {
    let (_dir, library) = temp_library();
    let welcome = library
        .offer_welcome_piece()
        .expect("offer")
        .expect("first time");
    assert!(welcome.fields.body.contains("**gras**"));
    assert!(library
        .offer_welcome_piece()
        .expect("offer again")
        .is_none());
    assert_eq!(
        library
            .list_pieces(&PieceFilter::default())
            .expect("list")
            .len(),
        1
    );
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

#[test]
fn edit_json_from_the_ui_needs_only_id_version_and_fields() {
    let edit: PieceEdit = serde_json::from_str(
        r#"{"id": 3, "base_version": 7, "kind": "save_point", "title": "T", "body": "B",
            "lang": "en", "publication_date": "2026-12-01"}"#,
    )
    .expect("parse");
    assert_eq!(edit.kind, SaveKind::SavePoint);
    assert_eq!(edit.fields.lang, Lang::En);
    assert_eq!(edit.fields.kicker, "");
    assert_eq!((edit.slug, edit.tags), (None, None));
    let bad = serde_json::from_str::<PieceEdit>(r#"{"id": 3, "base_version": 7, "lang": "de"}"#);
    assert!(bad.is_err());
}

/// Issue #11: a piece created empty kept the address `sans-titre` after its title was typed,
/// and that address named its export file.
#[test]
fn slug_follows_the_title_until_typed_by_hand() {
    let (_dir, library) = temp_library();
    let piece = library.create_piece(&new_piece("", "")).expect("create");
    assert_eq!(piece.slug, "sans-titre");
    let retitle = |piece: &Piece, title: &str, slug: Option<&str>| {
        let mut edit = edit_body(piece, &piece.fields.body, SaveKind::Autosave);
        edit.fields.title = title.into();
        edit.slug = slug.map(str::to_owned);
        library.save_piece(&edit).expect("save")
    };
    let piece = retitle(&piece, "2002", Some("sans-titre"));
    assert_eq!(
        piece.slug, "2002",
        "the save sent the old slug back unchanged"
    );
    let piece = retitle(&piece, "2002 : l'année de tous les dangers", None);
    assert_eq!(piece.slug, "2002-l-annee-de-tous-les-dangers");
    let piece = retitle(&piece, "2002 : l'année", Some("edito-2002"));
    assert_eq!(piece.slug, "edito-2002", "typed by hand");
    let piece = retitle(&piece, "Un autre titre", Some("edito-2002"));
    assert_eq!(piece.slug, "edito-2002", "a slug typed by hand stays");
}

#[test]
fn slug_follows_the_title_with_its_unique_suffix() {
    let (_dir, library) = temp_library();
    library
        .create_piece(&new_piece("Édito", ""))
        .expect("first");
    let second = library.create_piece(&new_piece("", "")).expect("second");
    let mut edit = edit_body(&second, "", SaveKind::Autosave);
    edit.fields.title = "Édito".into();
    let second = library.save_piece(&edit).expect("save");
    assert_eq!(second.slug, "edito-2");
    let mut edit = edit_body(&second, "", SaveKind::Autosave);
    edit.fields.title = "Édito de mars".into();
    assert_eq!(
        library.save_piece(&edit).expect("save").slug,
        "edito-de-mars"
    );
}

/// A published piece keeps its address: readers' links point to it.
#[test]
fn slug_of_a_published_piece_stays() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("Premier titre", ""))
        .expect("create");
    library
        .set_status(piece.id, Status::Published)
        .expect("publish");
    let piece = library
        .set_status(piece.id, Status::Draft)
        .expect("back to draft");
    let mut edit = edit_body(&piece, "", SaveKind::Autosave);
    edit.fields.title = "Titre corrigé".into();
    assert_eq!(
        library.save_piece(&edit).expect("save").slug,
        "premier-titre"
    );
}
