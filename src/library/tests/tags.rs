//! Tags: matching without case or accents, counts, rename and merge.

use super::*;

#[test]
fn tags_match_without_case_or_accents_and_keep_first_spelling() {
    let (_dir, library) = temp_library();
    let a = library.create_piece(&new_piece("A", "")).expect("a");
    let b = library.create_piece(&new_piece("B", "")).expect("b");
    library
        .add_tags(a.id, &strings(&["Relation Client"]))
        .expect("tag a");
    let b = library
        .add_tags(b.id, &strings(&["relation client", "Économie", "economie"]))
        .expect("tag b");
    assert_eq!(b.tags, strings(&["Relation Client", "Économie"]));
    let tags = library.list_tags().expect("tags");
    assert_eq!(tags[0].name, "Relation Client");
    assert_eq!(tags[0].count, 2);
    let b = library
        .remove_tags(b.id, &strings(&["ECONOMIE"]))
        .expect("rm");
    assert_eq!(b.tags, strings(&["Relation Client"]));
    assert_eq!(
        library.list_tags().expect("tags").len(),
        1,
        "orphan tag dropped"
    );
}

#[test]
fn empty_tag_is_refused() {
    let (_dir, library) = temp_library();
    let a = library.create_piece(&new_piece("A", "")).expect("a");
    assert!(matches!(
        library.add_tags(a.id, &strings(&["  "])),
        Err(LibraryError::Invalid { field: "tag", .. })
    ));
}

#[test]
fn rename_changes_every_piece_and_the_search_index() {
    let (_dir, library) = temp_library();
    let mut new = new_piece("A", "");
    new.tags = strings(&["pub"]);
    let a = library.create_piece(&new).expect("a");
    assert_eq!(library.rename_tag("PUB", "Publicité").expect("rename"), 1);
    assert_eq!(
        library.get_piece(a.id).expect("a").tags,
        strings(&["Publicité"])
    );
    let hits = library
        .search(&SearchQuery {
            text: "publicite".into(),
            ..SearchQuery::default()
        })
        .expect("search");
    assert_eq!(hits.len(), 1);
    assert!(matches!(
        library.rename_tag("absent", "x"),
        Err(LibraryError::TagNotFound(_))
    ));
}

#[test]
fn merge_moves_pieces_to_the_target_tag() {
    let (_dir, library) = temp_library();
    let mut one = new_piece("A", "");
    one.tags = strings(&["pub", "réclame"]);
    let mut two = new_piece("B", "");
    two.tags = strings(&["réclame"]);
    let a = library.create_piece(&one).expect("a");
    let b = library.create_piece(&two).expect("b");
    let count = library
        .merge_tags(&strings(&["pub", "Reclame"]), "Publicité")
        .expect("merge");
    assert_eq!(count, 2);
    assert_eq!(
        library.get_piece(a.id).expect("a").tags,
        strings(&["Publicité"])
    );
    assert_eq!(
        library.get_piece(b.id).expect("b").tags,
        strings(&["Publicité"])
    );
    let names: Vec<String> = library
        .list_tags()
        .expect("tags")
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names, strings(&["Publicité"]));
}

#[test]
fn saved_tags_come_back_in_their_stored_spelling() {
    let (_dir, library) = temp_library();
    let mut first = new_piece("A", "");
    first.tags = strings(&["Relation Client"]);
    library.create_piece(&first).expect("a");
    let b = library.create_piece(&new_piece("B", "")).expect("b");
    let mut edit = edit_body(&b, "texte", SaveKind::Autosave);
    edit.tags = Some(strings(&["relation client", "Neuf"]));
    let saved = library.save_piece(&edit).expect("save");
    assert_eq!(saved.tags, strings(&["Relation Client", "Neuf"]));
    assert_eq!(library.get_piece(b.id).expect("get"), saved);
    assert!(library.check_search_index().expect("check"));
}

/// Two pieces with 10,000 tags each made `edito site` run 241 s and write 13 GB (each tag
/// page lists its pieces with all their tags). Every way a piece gets tags is capped.
#[test]
fn a_piece_carries_at_most_the_tag_cap() {
    let (_dir, library) = temp_library();
    let too_many: Vec<String> = (0..=MAX_TAGS_PER_PIECE).map(|i| format!("t{i}")).collect();
    let refused = |result: Result<Piece, LibraryError>| {
        assert!(
            matches!(result, Err(LibraryError::Invalid { field: "tags", .. })),
            "{result:?}"
        );
    };
    let mut new = new_piece("A", "");
    new.tags = too_many.clone();
    refused(library.create_piece(&new));
    let a = library.create_piece(&new_piece("A", "")).expect("a");
    refused(library.set_tags(a.id, &too_many));
    let full = library
        .set_tags(a.id, &too_many[..MAX_TAGS_PER_PIECE])
        .expect("the cap itself is fine");
    refused(library.add_tags(a.id, &strings(&["une de trop"])));
    let edit = PieceEdit {
        id: a.id,
        base_version: full.version,
        kind: SaveKind::SavePoint,
        fields: full.fields.clone(),
        slug: None,
        tags: Some(too_many),
        extra: None,
    };
    refused(library.save_piece(&edit));
    assert_eq!(
        library.get_piece(a.id).expect("a").tags.len(),
        MAX_TAGS_PER_PIECE
    );
}
