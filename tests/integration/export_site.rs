//! The static archive: contents, relative links, re-export without stale pages, user files
//! kept, cancellation and broken templates leaving the folder untouched, progress reporting.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use edito::export::{Article, ExportError, Exporter, SiteSelection, MANIFEST};
use edito::library::{Lang, PieceFields, Status};

use crate::export_support::{all_pieces, build_site, exporter, files_under, settings};

#[test]
fn archive_has_index_pieces_tags_categories_feed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = build_site(&exporter(None), &all_pieces(), dir.path());
    // The draft is left out; the three published pieces are in.
    assert_eq!(report.pieces, 3);
    let files = files_under(dir.path());
    for expected in [
        "index.html",
        "feed.xml",
        "style.css",
        MANIFEST,
        "articles/edito-avril-2002.html",
        "articles/a-letter-from-london.html",
        "articles/notes-de-terrain.html",
        "tags/qualite.html",
        "tags/relation-client.html",
        "categories/editos-du-magazine-en-contact.html",
    ] {
        assert!(
            files.iter().any(|f| f == expected),
            "missing {expected} in {files:?}"
        );
    }
    assert!(!files.iter().any(|f| f.contains("brouillon")), "{files:?}");
    assert_eq!(
        report.files,
        files.len() - 1,
        "every file but the manifest is counted"
    );
}

#[test]
fn index_is_newest_first_and_tag_pages_merge_spellings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pieces = all_pieces();
    // "qualité" and "Qualité" are one tag (the library matches them the same way).
    pieces[2].tags.push("qualité".into());
    build_site(&exporter(None), &pieces, dir.path());
    let index = std::fs::read_to_string(dir.path().join("index.html")).expect("index");
    let pos = |s: &str| index.find(s).unwrap_or_else(|| panic!("{s} not in index"));
    assert!(pos("notes-de-terrain.html") < pos("a-letter-from-london.html"));
    assert!(pos("a-letter-from-london.html") < pos("edito-avril-2002.html"));
    let tag = std::fs::read_to_string(dir.path().join("tags/qualite.html")).expect("tag");
    assert!(tag.contains("../articles/notes-de-terrain.html"));
    assert!(tag.contains("../articles/edito-avril-2002.html"));
    assert!(tag.contains("../articles/a-letter-from-london.html"));
    assert!(
        tag.contains("</span> Qualité</h1>"),
        "first spelling names the page"
    );
    assert!(tag.contains("<link rel=\"stylesheet\" href=\"../style.css\">"));
}

#[test]
fn every_relative_link_resolves_inside_the_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    build_site(&exporter(None), &all_pieces(), dir.path());
    let mut checked = 0;
    for file in files_under(dir.path())
        .iter()
        .filter(|f| f.ends_with(".html"))
    {
        let page = dir.path().join(file);
        let html = std::fs::read_to_string(&page).expect("page");
        for link in html
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            if link.starts_with("http") || link.starts_with("mailto:") || link.starts_with('#') {
                continue;
            }
            let target = page.parent().expect("parent").join(link);
            let target = target
                .canonicalize()
                .unwrap_or_else(|_| panic!("{file}: broken link {link}"));
            assert!(
                target.starts_with(dir.path().canonicalize().expect("dir")),
                "{link}"
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} links checked");
}

#[test]
fn re_export_removes_stale_pages_and_keeps_user_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ex = exporter(None);
    let mut pieces = all_pieces();
    build_site(&ex, &pieces, dir.path());
    std::fs::write(dir.path().join("README.txt"), "mine").expect("write");
    std::fs::create_dir(dir.path().join("tags/extra")).expect("mkdir");
    std::fs::write(dir.path().join("tags/mine.html"), "mine").expect("write");
    // Unpublish the London letter: its page, its category and its own tags must go.
    let london = pieces
        .iter_mut()
        .find(|a| a.lang() == Lang::En)
        .expect("london");
    london.status = Status::Draft;
    let report = build_site(&ex, &pieces, dir.path());
    let files = files_under(dir.path());
    for gone in [
        "articles/a-letter-from-london.html",
        "categories/letters.html",
        "tags/europe.html",
    ] {
        assert!(!files.iter().any(|f| f == gone), "{gone} is stale");
        assert!(
            report.removed.iter().any(|f| f == gone),
            "{gone} not reported"
        );
    }
    assert!(files.iter().any(|f| f == "README.txt") && files.iter().any(|f| f == "tags/mine.html"));
    assert!(dir.path().join("tags/extra").is_dir());
    assert!(
        !files.iter().any(|f| f.ends_with(".edito-tmp")),
        "{files:?}"
    );
}

#[test]
fn cancel_leaves_the_folder_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ex = exporter(None);
    let pieces = all_pieces();
    build_site(&ex, &pieces, dir.path());
    let before = snapshot_of(dir.path());
    let mut renamed = pieces.clone();
    for piece in &mut renamed {
        piece.fields.title.push_str(" (v2)");
    }
    let cancel = AtomicBool::new(false);
    let mut calls = 0;
    let result = ex.site(
        &renamed,
        SiteSelection::Published,
        dir.path(),
        &mut |done, _| {
            calls += 1;
            if done == 2 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert!(matches!(result, Err(ExportError::Cancelled)), "{result:?}");
    assert_eq!(calls, 2);
    assert_eq!(
        snapshot_of(dir.path()),
        before,
        "folder changed by a cancelled export"
    );
}

#[test]
fn progress_counts_up_to_the_total() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut seen = Vec::new();
    let report = exporter(None)
        .site(
            &all_pieces(),
            SiteSelection::All,
            dir.path(),
            &mut |done, total| seen.push((done, total)),
            &AtomicBool::new(false),
        )
        .expect("site");
    assert_eq!(report.pieces, 4, "All includes the draft");
    let total = report.files;
    assert_eq!(seen.len(), total);
    assert!(seen
        .iter()
        .enumerate()
        .all(|(i, &(d, t))| d == i + 1 && t == total));
}

#[test]
fn broken_user_template_names_file_and_line_and_writes_nothing() {
    let templates = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        templates.path().join("tag.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n{{ term.name | no_such_filter }}\n{% endblock %}\n",
    )
    .expect("write");
    let ex = Exporter::new(settings(None), Some(templates.path())).expect("parses");
    let out = tempfile::tempdir().expect("temp dir");
    let err = ex
        .site(
            &all_pieces(),
            SiteSelection::Published,
            out.path(),
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
        .expect_err("broken template");
    let ExportError::Template { file, line, reason } = &err else {
        panic!("{err}");
    };
    assert!(
        file.ends_with("tag.html") && file.contains(&*templates.path().to_string_lossy()),
        "{file}"
    );
    assert_eq!(*line, 3, "{err}");
    assert!(reason.contains("no_such_filter"), "{reason}");
    assert!(
        files_under(out.path()).is_empty(),
        "nothing written: {:?}",
        files_under(out.path())
    );
}

#[test]
fn misspelt_variable_in_user_template_is_an_error_not_a_blank() {
    let templates = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        templates.path().join("piece.html"),
        "<h1>{{ piece.titel }}</h1>",
    )
    .expect("write");
    let ex = Exporter::new(settings(None), Some(templates.path())).expect("parses");
    let err = ex
        .page(&all_pieces()[0])
        .expect_err("undefined")
        .to_string();
    assert!(
        err.contains("piece.html") && err.contains("line 1") && err.contains("TEMPLATES.md"),
        "{err}"
    );
}

#[test]
fn syntax_error_in_user_template_fails_at_load() {
    let templates = tempfile::tempdir().expect("temp dir");
    std::fs::write(templates.path().join("index.html"), "<p>\n{% for x in %}\n").expect("write");
    let err = Exporter::new(settings(None), Some(templates.path()))
        .err()
        .expect("error")
        .to_string();
    assert!(
        err.contains("index.html") && err.contains("line 2"),
        "{err}"
    );
}

#[test]
fn user_override_replaces_the_built_in_theme() {
    let templates = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        templates.path().join("piece.html"),
        "<!doctype html><title>{{ piece.title }}</title><p>{{ piece.date.long }} {{ piece.extra.layout | default('-') }}</p>{{ piece.body | safe }}",
    )
    .expect("write");
    std::fs::write(templates.path().join("style.css"), "body{color:red}").expect("write");
    let ex = Exporter::new(settings(None), Some(templates.path())).expect("theme");
    let out = tempfile::tempdir().expect("temp dir");
    build_site(&ex, &all_pieces(), out.path());
    let page =
        std::fs::read_to_string(out.path().join("articles/edito-avril-2002.html")).expect("page");
    assert!(
        page.starts_with("<!doctype html><title>La relation client"),
        "{page}"
    );
    assert!(page.contains("<p>12 avril 2002 editorial</p>"), "{page}");
    let other =
        std::fs::read_to_string(out.path().join("articles/notes-de-terrain.html")).expect("page");
    assert!(other.contains("<p>5 janvier 2004 -</p>"), "{other}");
    assert_eq!(
        std::fs::read_to_string(out.path().join("style.css")).expect("css"),
        "body{color:red}"
    );
}

#[test]
fn duplicate_slugs_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().expect("temp dir");
    let piece = |title: &str| Article {
        fields: PieceFields {
            title: title.into(),
            ..PieceFields::default()
        },
        slug: "meme".into(),
        status: Status::Published,
        ..Article::default()
    };
    let report = build_site(&exporter(None), &[piece("Un"), piece("Deux")], dir.path());
    assert_eq!(report.pieces, 2);
    assert!(dir.path().join("articles/meme.html").is_file());
    assert!(dir.path().join("articles/meme-2.html").is_file());
}

fn snapshot_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).expect("read");
            (f, bytes)
        })
        .collect()
}

#[test]
fn empty_archive_still_has_a_valid_index_and_feed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = build_site(&exporter(None), &[], dir.path());
    assert_eq!((report.pieces, report.files), (0, 3));
    let feed = std::fs::read_to_string(dir.path().join("feed.xml")).expect("feed");
    let doc = roxmltree::Document::parse(&feed).expect("well-formed");
    assert!(doc.descendants().any(|n| n.has_tag_name("updated")));
}

#[test]
fn exporter_can_move_to_a_worker_thread() {
    // The app runs long exports off the UI thread.
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Exporter>();
}

#[test]
fn control_characters_do_not_break_the_feed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let piece = Article {
        fields: PieceFields {
            title: "Bip\u{7}\u{1b}[0m titre".into(),
            body: "Texte\u{0}\u{c} ici".into(),
            ..PieceFields::default()
        },
        tags: vec!["é\u{1}t\u{fffe}é".into()],
        status: Status::Published,
        ..Article::default()
    };
    build_site(&exporter(None), &[piece], dir.path());
    let feed = std::fs::read_to_string(dir.path().join("feed.xml")).expect("feed");
    roxmltree::Document::parse(&feed).expect("well-formed XML despite control characters");
    assert!(dir.path().join("tags/ete.html").is_file());
}

/// Total bytes of the files under `dir`.
fn archive_bytes(dir: &Path) -> u64 {
    files_under(dir)
        .iter()
        .map(|f| std::fs::metadata(dir.join(f)).map_or(0, |m| m.len()))
        .sum()
}

/// Published pieces, each carrying the same `tags` tags.
fn tagged_pieces(count: usize, tags: usize) -> Vec<Article> {
    (0..count)
        .map(|i| {
            let mut article = Article::default();
            article.fields.title = format!("Pièce {i}");
            article.slug = format!("piece-{i}");
            article.status = Status::Published;
            article.tags = (0..tags).map(|t| format!("étiquette {t}")).collect();
            article
        })
        .collect()
}

/// Two pieces with 10,000 tags made `edito site` write 13 GB in 241 s: a tag page lists its
/// pieces with all their tags. An archive shows at most MAX_TAGS_PER_PIECE per piece (a
/// library written before the cap included), and grows linearly with the pieces.
#[test]
fn archive_size_is_linear_in_pieces_and_capped_tags() {
    use edito::library::MAX_TAGS_PER_PIECE;
    let exporter = exporter(None);
    let dir = tempfile::tempdir().expect("temp dir");
    let report = build_site(&exporter, &tagged_pieces(2, 300), &dir.path().join("over"));
    assert_eq!(report.tags, MAX_TAGS_PER_PIECE, "tag pages past the cap");
    let sizes: Vec<u64> = [10, 20, 40]
        .iter()
        .map(|&n| {
            let out = dir.path().join(format!("n{n}"));
            build_site(&exporter, &tagged_pieces(n, MAX_TAGS_PER_PIECE), &out);
            archive_bytes(&out)
        })
        .collect();
    // Doubling the pieces at most doubles the archive (plus the fixed index, feed, style).
    for pair in sizes.windows(2) {
        assert!(pair[1] <= pair[0] * 2 + 20_000, "not linear: {sizes:?}");
    }
}
