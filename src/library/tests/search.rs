//! Full-text search: accent folding, ranking, snippets, filters, hostile queries.

use super::*;

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        ..SearchQuery::default()
    }
}

fn ids(hits: &[SearchHit]) -> Vec<i64> {
    hits.iter().map(|h| h.piece.id).collect()
}

#[test]
fn accents_and_case_are_folded() {
    let (_dir, library) = temp_library();
    let mut new = new_piece("Bilan de l'année", "La Relation client avant tout.");
    new.tags = strings(&["Stratégie"]);
    let piece = library.create_piece(&new).expect("create");
    for text in ["annee", "ANNÉE", "relation", "strategie", "relat*"] {
        assert_eq!(
            ids(&library.search(&query(text)).expect(text)),
            vec![piece.id],
            "{text}"
        );
    }
    assert!(library.search(&query("absent")).expect("absent").is_empty());
}

#[test]
fn a_snippet_from_the_tags_shows_them_comma_separated() {
    let (_dir, library) = temp_library();
    let mut new = new_piece("T", "");
    new.tags = strings(&["Alpha", "Bêta"]);
    library.create_piece(&new).expect("create");
    let hits = library.search(&query("beta")).expect("search");
    let text: String = hits[0].snippet.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(text, "Alpha, Bêta");
    assert_eq!(hits[0].piece.tags, strings(&["Alpha", "Bêta"]));
}

/// Issue #11: the sidebar's excerpts showed raw Markdown (`## Publier`, `**`, link addresses).
#[test]
fn snippets_show_the_text_without_markdown_syntax() {
    let (_dir, library) = temp_library();
    library
        .create_piece(&new_piece(
            "Guide",
            "## Publier\n\n> Un **texte** _net_, un [lien](https://exemple.fr/a) `code`.\n\n- premier_point",
        ))
        .expect("create");
    let hits = library.search(&query("publier")).expect("search");
    let text: String = hits[0].snippet.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(text, "Publier Un texte net, un lien code. premier_point");
}

#[test]
fn title_matches_rank_above_body_matches() {
    let (_dir, library) = temp_library();
    let body = library
        .create_piece(&new_piece(
            "Autre chose",
            "On parle ici de fidélité, une fois.",
        ))
        .expect("body");
    let title = library
        .create_piece(&new_piece("La fidélité", "Un texte."))
        .expect("title");
    assert_eq!(
        ids(&library.search(&query("fidelite")).expect("s")),
        vec![title.id, body.id]
    );
}

#[test]
fn snippet_marks_matches_as_segments_never_html() {
    let (_dir, library) = temp_library();
    library
        .create_piece(&new_piece(
            "T",
            "Avant <script>alert(1)</script> la fidélité après.",
        ))
        .expect("create");
    let hits = library.search(&query("fidelite")).expect("search");
    let marked: Vec<&SnippetSegment> = hits[0].snippet.iter().filter(|s| s.highlight).collect();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].text, "fidélité");
    let all: String = hits[0].snippet.iter().map(|s| s.text.as_str()).collect();
    assert!(
        all.contains("<script>"),
        "text is returned as text, for the UI to escape"
    );
    assert!(!all.contains('\u{e000}') && !all.contains('\u{e001}'));
}

#[test]
fn text_and_filters_combine() {
    let (_dir, library) = temp_library();
    let mut a = new_piece("Europe A", "");
    a.tags = strings(&["Politique"]);
    let a = library.create_piece(&a).expect("a");
    let b = library.create_piece(&new_piece("Europe B", "")).expect("b");
    library.set_status(b.id, Status::Ready).expect("status");
    let mut q = query("europe");
    q.filter.tags = strings(&["politique"]);
    assert_eq!(ids(&library.search(&q).expect("tag")), vec![a.id]);
    let mut q = query("europe");
    q.filter.statuses = vec![Status::Ready];
    assert_eq!(ids(&library.search(&q).expect("status")), vec![b.id]);
    library.trash_piece(a.id).expect("trash");
    assert_eq!(
        ids(&library.search(&query("europe")).expect("live")),
        vec![b.id]
    );
}

#[test]
fn fts_syntax_in_queries_is_taken_as_words() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece(
            "T",
            "NEAR AND OR \"guillemets\" : tiret-bas l'année",
        ))
        .expect("create");
    for text in [
        "\"",
        "AND",
        "NEAR(",
        "l'année",
        "tiret-bas",
        "col:umn",
        "*",
        "-",
        "^x",
    ] {
        let hits = library.search(&query(text));
        assert!(hits.is_ok(), "{text}: {hits:?}");
    }
    assert_eq!(
        ids(&library.search(&query("l'annee")).expect("s")),
        vec![piece.id]
    );
}

#[test]
fn saves_keep_the_index_in_sync() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("T", "ancien"))
        .expect("create");
    library
        .save_piece(&edit_body(&piece, "nouveau", SaveKind::Autosave))
        .expect("save");
    assert!(library.search(&query("ancien")).expect("old").is_empty());
    assert_eq!(library.search(&query("nouveau")).expect("new").len(), 1);
    assert!(library.check_search_index().expect("check"));
}

#[test]
fn index_check_catches_a_piece_changed_behind_its_back() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("T", "indexé"))
        .expect("create");
    assert!(library.check_search_index().expect("check"));
    library
        .conn()
        .execute(
            "UPDATE pieces SET body = 'changé en douce' WHERE id = ?1",
            [piece.id],
        )
        .expect("sneak");
    assert!(!library.check_search_index().expect("check"));
}

#[test]
fn every_kind_of_write_keeps_the_index_exact() {
    let (_dir, library) = temp_library();
    let mut new = new_piece("Europe", "corps");
    new.tags = strings(&["pub", "réclame"]);
    let piece = library.create_piece(&new).expect("create");
    let piece = library
        .save_piece(&edit_body(&piece, "autre corps", SaveKind::SavePoint))
        .expect("save");
    library
        .add_tags(piece.id, &strings(&["Neuf"]))
        .expect("add");
    library.rename_tag("neuf", "Nouveau").expect("rename");
    library
        .merge_tags(&strings(&["pub"]), "Réclame")
        .expect("merge");
    library.restore_revision(piece.id, 1).expect("restore");
    library.set_status(piece.id, Status::Ready).expect("status");
    let other = library
        .create_piece(&new_piece("Jetable", "x"))
        .expect("other");
    library.trash_piece(other.id).expect("trash");
    library.empty_trash().expect("empty");
    assert!(library.check_search_index().expect("check"));
    library.optimize().expect("optimize");
    assert!(library.check_search_index().expect("check after optimize"));
    let hits = library.search(&query("reclame corps")).expect("search");
    assert_eq!(ids(&hits), vec![piece.id]);
}

#[test]
fn empty_text_lists_with_filters() {
    let (_dir, library) = temp_library();
    library.create_piece(&new_piece("A", "")).expect("a");
    let hits = library.search(&query("  ")).expect("search");
    assert_eq!(hits.len(), 1);
    assert!(hits[0].snippet.is_empty());
}

#[test]
fn limit_counts_live_pieces_only_when_the_best_are_trashed() {
    let (_dir, library) = temp_library();
    // More occurrences rank higher: piece i mentions the word i + 1 times.
    let made: Vec<i64> = (0..5)
        .map(|i| {
            let body = "fidélité ".repeat(i + 1) + &"autre ".repeat(20);
            library
                .create_piece(&new_piece("T", &body))
                .expect("create")
                .id
        })
        .collect();
    library.trash_piece(made[4]).expect("trash best");
    library.trash_piece(made[3]).expect("trash second");
    let mut q = query("fidelite");
    q.filter.limit = Some(2);
    let hits = library.search(&q).expect("search");
    assert_eq!(ids(&hits), vec![made[2], made[1]]);
}

/// A common word in a 4 MB piece took 2.3 s to find and two 50 MB pieces 456 s: FTS5's
/// snippet scores every match against every other. A large body's snippet now comes from a
/// window around its first match; it still shows and highlights the match, accents and
/// prefixes folded as the index folds them. (Time: docs/PERFORMANCE.md, measured.)
#[test]
fn large_piece_snippet_comes_from_a_window_around_the_match() {
    let (_dir, library) = temp_library();
    let filler = "texte courant sans rien de notable ".repeat(8_000);
    let body = format!("{filler}la Rédaction décide {filler}rédaction encore\n");
    let piece = library
        .create_piece(&new_piece("Gros", &body))
        .expect("piece");
    for text in ["redaction", "rédac*", "REDACTION decide"] {
        let hit = only_hit(&library, text, piece.id);
        assert!(
            marked(&hit).contains(&"Rédaction"),
            "{text}: {:?}",
            hit.snippet
        );
        let shown: usize = hit.snippet.iter().map(|s| s.text.len()).sum();
        assert!(shown < 1_000, "a snippet, not the body");
    }
}

/// Issue #13, item 8: a word found once, at the end of a large body, is located by a scan
/// that folds only the words that could match; the snippet must still show it, found with
/// or without accents and in any case, as the index (and `text::fold`) folds them. The
/// filler is made of words starting with `é` and `E`, the candidates the scan must fold.
#[test]
fn a_single_match_at_the_end_of_a_large_body_is_shown_in_the_snippet() {
    let (_dir, library) = temp_library();
    let filler = "Été épreuve énorme Économie entre elle ".repeat(4_000);
    let body = format!("{filler}et enfin l'Épilogue.\n");
    let piece = library
        .create_piece(&new_piece("Gros", &body))
        .expect("piece");
    for text in ["epilogue", "ÉPILOGUE", "épilo*", "Epilogue enfin"] {
        let hit = only_hit(&library, text, piece.id);
        assert!(
            marked(&hit).contains(&"Épilogue"),
            "{text}: {:?}",
            hit.snippet
        );
    }
}

/// The one hit of searching `text`, checked to be piece `id`.
fn only_hit(library: &Library, text: &str, id: i64) -> SearchHit {
    let mut hits = library.search(&query(text)).expect("search");
    assert_eq!(hits.len(), 1, "{text}");
    assert_eq!(hits[0].piece.id, id);
    hits.remove(0)
}

/// The highlighted words of a hit's snippet.
fn marked(hit: &SearchHit) -> Vec<&str> {
    hit.snippet
        .iter()
        .filter(|s| s.highlight)
        .map(|s| s.text.as_str())
        .collect()
}
