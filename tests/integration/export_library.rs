//! Export and import against a real library: Markdown files → pieces → Markdown → pieces
//! keeps every field, a re-import updates (keeping a revision), refusals are reported while
//! the other files import, and the archive comes from the library's published pieces.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use edito::export::{to_markdown, Article, ExportError, ExportFormat, SiteSelection};
use edito::import::{import_paths_into, parse_markdown, ImportOutcome};
use edito::library::{Piece, PieceFilter, RevisionReason, Status};
use edito::Library;

use crate::export_support::{all_pieces, exporter, files_under, fixture};

/// A fresh library in `dir` holding the fixture pieces.
pub fn fixture_library(dir: &Path) -> (Library, ImportOutcome) {
    let library = Library::open_in(dir).expect("open library");
    let outcome = import_paths_into(&library, &[fixture("pieces")]).expect("import");
    assert!(outcome.refused.is_empty(), "{:?}", outcome.refused);
    (library, outcome)
}

fn piece_by_slug(library: &Library, slug: &str) -> Piece {
    let summary = library
        .list_pieces(&PieceFilter::default())
        .expect("list")
        .into_iter()
        .find(|s| s.slug == slug)
        .unwrap_or_else(|| panic!("no piece `{slug}`"));
    library.get_piece(summary.id).expect("get")
}

/// Writes every live piece of `library` as Markdown into `dir`.
fn export_markdown(library: &Library, dir: &Path) {
    let ex = exporter(None);
    for summary in library.list_pieces(&PieceFilter::default()).expect("list") {
        let piece = library.get_piece(summary.id).expect("get");
        ex.piece_to_file(
            library,
            &piece,
            ExportFormat::Markdown,
            &dir.join(format!("{}.md", piece.slug)),
        )
        .expect("export");
    }
}

#[test]
fn pieces_carry_every_field_of_the_imported_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, outcome) = fixture_library(dir.path());
    assert_eq!(outcome.created.len(), 4);
    for original in all_pieces() {
        let piece = piece_by_slug(&library, &original.slug);
        let article = Article::from(&piece);
        // The library dates its own changes; every other field is the file's.
        assert_eq!(
            Article {
                updated_at: original.updated_at.clone(),
                ..article
            },
            original,
            "{}",
            original.slug
        );
    }
    let full = piece_by_slug(&library, "edito-avril-2002");
    assert_eq!(full.fields.issue_number, Some(42));
    assert_eq!(full.fields.target_signs, Some(2500));
    assert_eq!(full.status, Status::Published);
    assert_eq!(full.extra["aliases"][0], "/2002/04/edito");
    assert_eq!(full.extra["weight"], 3);
    let zola = piece_by_slug(&library, "notes-de-terrain");
    assert_eq!(zola.extra["extra"]["cover"], "hiver.jpg");
    assert_eq!(zola.tags, ["Terrain", "Qualité"]);
}

#[test]
fn import_export_import_round_trip_keeps_every_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (first, _) = fixture_library(&dir.path().join("first"));
    let files = dir.path().join("exported");
    std::fs::create_dir(&files).expect("mkdir");
    export_markdown(&first, &files);
    let markdown = std::fs::read_to_string(files.join("edito-avril-2002.md")).expect("read");
    assert!(
        markdown.contains("layout: editorial") && markdown.contains("weight: 3"),
        "unknown keys written back: {markdown}"
    );

    let second = Library::open_in(&dir.path().join("second")).expect("open");
    let outcome = import_paths_into(&second, &[&files]).expect("import");
    assert_eq!(outcome.created.len(), 4, "{outcome:?}");
    for entry in &outcome.created {
        let a = piece_by_slug(&first, &entry.slug);
        let b = second.get_piece(entry.id).expect("get");
        assert_eq!(a.slug, b.slug);
        assert_eq!(a.fields, b.fields, "{}", a.slug);
        assert_eq!(a.status, b.status, "{}", a.slug);
        assert_eq!(a.tags, b.tags, "{}", a.slug);
        assert_eq!(a.extra, b.extra, "{}", a.slug);
    }

    // Importing the export back into the library it came from changes nothing.
    let again = import_paths_into(&first, &[&files]).expect("reimport");
    assert_eq!(
        (
            again.created.len(),
            again.updated.len(),
            again.unchanged.len()
        ),
        (0, 0, 4),
        "{again:?}"
    );
    let piece = piece_by_slug(&first, "edito-avril-2002");
    assert_eq!(piece.version, 1);
    assert!(first.list_revisions(piece.id).expect("history").is_empty());
}

#[test]
fn reimport_updates_the_piece_with_the_same_slug_and_keeps_a_revision() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(&dir.path().join("data")).expect("open");
    let file = dir.path().join("edito.md");
    std::fs::write(
        &file,
        "---\ntitle: Édito\nslug: edito\ntags: [Europe]\nweight: 1\n---\nPremière version.\n",
    )
    .expect("write");
    let first = import_paths_into(&library, &[&file]).expect("import");
    let id = first.created[0].id;
    std::fs::write(
        &file,
        "---\ntitle: Édito revu\nslug: edito\ntags: [Europe, Économie]\nstatus: ready\nweight: 2\n---\nDeuxième version.\n",
    )
    .expect("write");
    let second = import_paths_into(&library, &[&file]).expect("reimport");
    assert_eq!(second.updated.len(), 1, "{second:?}");
    assert_eq!(second.updated[0].id, id, "updated, not duplicated");
    assert_eq!(
        library
            .list_pieces(&PieceFilter::default())
            .expect("list")
            .len(),
        1
    );

    let piece = library.get_piece(id).expect("get");
    assert_eq!(piece.fields.title, "Édito revu");
    assert_eq!(piece.fields.body, "Deuxième version.\n");
    assert_eq!(piece.tags, ["Europe", "Économie"]);
    assert_eq!(piece.status, Status::Ready);
    assert_eq!(piece.extra["weight"], 2);
    let history = library.list_revisions(id).expect("history");
    let kept = history
        .iter()
        .find(|r| r.reason == RevisionReason::SavePoint)
        .expect("the state before the import is a save point revision");
    let old = library.get_revision(id, kept.number).expect("revision");
    assert_eq!(old.fields.body, "Première version.\n");
    assert_eq!(old.tags, ["Europe"]);
    assert_eq!(old.extra["weight"], 1);
    assert_eq!(
        library
            .status_history(id)
            .expect("status")
            .last()
            .map(|c| c.to),
        Some(Status::Ready)
    );
}

#[test]
fn refused_files_are_reported_with_reasons_while_the_others_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("open");
    // A piece in the trash still owns its slug: the file must not silently become `-2`.
    let trashed = library
        .create_piece(&edito::NewPiece {
            slug: Some("corbeille".into()),
            ..edito::NewPiece::default()
        })
        .expect("create");
    library.trash_piece(trashed.id).expect("trash");
    let trash_file = dir.path().join("corbeille.md");
    std::fs::write(&trash_file, "---\ntitle: Corbeille\n---\n").expect("write");

    let outcome =
        import_paths_into(&library, &[fixture("refused"), trash_file.clone()]).expect("import");
    let created: Vec<&str> = outcome.created.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(created, ["Un numéro ordinaire"]);
    let reason = |name: &str| -> &str {
        outcome
            .refused
            .iter()
            .find(|r| r.path.ends_with(name))
            .map(|r| r.reason.as_str())
            .unwrap_or_else(|| panic!("{name} not refused: {outcome:?}"))
    };
    assert!(reason("hors-serie.md").contains("`issue_number`"));
    assert!(reason("hors-serie.md").contains("HS-3"));
    assert!(reason("allemand.md").contains("`lang`"));
    assert!(reason("archive.md").contains("`status`"));
    assert!(reason("sans-front-matter.md").contains("front matter"));
    assert!(reason("corbeille.md").contains("trash"));
    assert_eq!(outcome.refused.len(), 5);
    let json = serde_json::to_value(&outcome).expect("json");
    assert_eq!(json["created"][0]["title"], "Un numéro ordinaire");
    assert!(json["refused"][0]["path"].is_string());
}

#[test]
fn site_from_the_library_publishes_its_published_pieces() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, _) = fixture_library(&dir.path().join("data"));
    let ex = exporter(Some("https://example.org/"));
    let out = dir.path().join("site");
    let mut last = (0, 0);
    let report = ex
        .site_from_library(
            &library,
            SiteSelection::Published,
            &out,
            &mut |done, total| last = (done, total),
            &AtomicBool::new(false),
        )
        .expect("site");
    assert_eq!(report.pieces, 3);
    assert_eq!(last.0, last.1);
    let files = files_under(&out);
    assert!(files.contains(&"articles/edito-avril-2002.html".to_string()));
    assert!(!files.contains(&"articles/un-brouillon-sans-date.html".to_string()));
    let all = ex
        .site_from_library(
            &library,
            SiteSelection::All,
            &out,
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
        .expect("site");
    assert_eq!(all.pieces, 4);
}

#[test]
fn cancelled_site_from_the_library_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, _) = fixture_library(&dir.path().join("data"));
    let out = dir.path().join("site");
    let err = exporter(None)
        .site_from_library(
            &library,
            SiteSelection::All,
            &out,
            &mut |_, _| {},
            &AtomicBool::new(true),
        )
        .expect_err("cancelled");
    assert!(matches!(err, ExportError::Cancelled), "{err}");
    assert!(!out.exists() || files_under(&out).is_empty());
}

#[test]
fn one_piece_exports_to_each_format_and_to_a_fragment_string() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, _) = fixture_library(&dir.path().join("data"));
    let piece = piece_by_slug(&library, "a-letter-from-london");
    let ex = exporter(None);
    let fragment = ex.piece_fragment(&library, &piece, true).expect("fragment");
    assert!(
        fragment.contains("<h1>A letter from London</h1>"),
        "{fragment}"
    );
    let bare = ex
        .piece_fragment(&library, &piece, false)
        .expect("fragment");
    assert!(
        !bare.contains("<h1>") && bare.contains("<em>tea</em>"),
        "{bare}"
    );
    let paths: Vec<(ExportFormat, PathBuf)> = [
        ExportFormat::Page,
        ExportFormat::Fragment,
        ExportFormat::Markdown,
    ]
    .into_iter()
    .map(|f| (f, dir.path().join(format!("{f:?}"))))
    .collect();
    for (format, path) in &paths {
        ex.piece_to_file(&library, &piece, *format, path)
            .expect("export");
    }
    let page = std::fs::read_to_string(&paths[0].1).expect("page");
    assert!(page.starts_with("<!doctype html>") && page.contains("lang=\"en\""));
    let markdown = std::fs::read_to_string(&paths[2].1).expect("markdown");
    assert_eq!(
        parse_markdown(&markdown).expect("parse"),
        Article::from(&piece)
    );
    assert_eq!(to_markdown(&Article::from(&piece)), markdown);
}
