//! Tag and category pages of the archive (issue #12, kind 8): tags that differ only in
//! punctuation (`C++`, `C#`, `C`) used to share `tags/c.html`, titled after whichever came
//! first. Each distinct term gets its own page, under a name that does not move.

use edito::export::Article;
use edito::import::parse_markdown;

use crate::export_support::{build_site, exporter, files_under};

fn published(title: &str, tags: &str, category: &str) -> Article {
    parse_markdown(&format!(
        "---\ntitle: {title}\nstatus: published\ndate: 2024-01-01\ncategory: \"{category}\"\ntags: {tags}\n---\nCorps.\n"
    ))
    .expect("parse")
}

fn tag_pages(articles: &[Article]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    build_site(&exporter(None), articles, dir.path());
    files_under(dir.path())
        .into_iter()
        .filter(|f| f.starts_with("tags/") || f.starts_with("categories/"))
        .map(|f| {
            let html = std::fs::read_to_string(dir.path().join(&f)).expect("read");
            // `<h1><span class="kind">Tag</span> C++</h1>`
            let title = html
                .split("<h1")
                .nth(1)
                .and_then(|h| h.split("</span>").nth(1))
                .and_then(|h| h.split("</h1>").next())
                .unwrap_or_default()
                .trim()
                .to_owned();
            (f, title)
        })
        .collect()
}

#[test]
fn tags_differing_only_in_punctuation_get_their_own_pages() {
    let articles = [
        published("Un", "[\"C++\", Relation client]", "C#"),
        published("Deux", "[C, \"relation Client\"]", "C"),
        published(
            "Trois",
            "[\"C#\", \"c++\", \"Node.js\", Node js, \"#\"]",
            "Relation client",
        ),
    ];
    let pages = tag_pages(&articles);
    let names: Vec<&str> = pages.iter().map(|(f, _)| f.as_str()).collect();
    let tags: Vec<&&str> = names.iter().filter(|f| f.starts_with("tags/")).collect();
    // C++ (c++ is the same tag), C, C#, Node.js, Node js, #, Relation client.
    assert_eq!(tags.len(), 7, "{pages:?}");
    assert!(names.contains(&"tags/c.html"), "{names:?}");
    assert!(names.contains(&"tags/relation-client.html"), "{names:?}");
    assert!(names.contains(&"tags/node-js.html"), "{names:?}");
    let categories: Vec<&&str> = names
        .iter()
        .filter(|f| f.starts_with("categories/"))
        .collect();
    assert_eq!(categories.len(), 3, "{pages:?}");
    for (file, title) in &pages {
        assert!(!title.is_empty(), "{file} has no title");
    }
    let title_of = |tag: &str| {
        pages
            .iter()
            .filter(|(f, _)| f.starts_with("tags/"))
            .filter(|(_, t)| t.eq_ignore_ascii_case(tag))
            .count()
    };
    assert_eq!(title_of("C++"), 1, "{pages:?}");
    assert_eq!(title_of("C#"), 1);
    assert_eq!(title_of("C"), 1);
}

/// A page's name depends on its term only: adding other tags never renames it.
#[test]
fn a_tag_page_keeps_its_name_whatever_else_is_exported() {
    let alone = tag_pages(&[published("Un", "[\"C++\"]", "")]);
    let with_others = tag_pages(&[
        published("Deux", "[C, \"C#\", \"c ++\"]", ""),
        published("Un", "[\"C++\"]", ""),
    ]);
    let (file, _) = &alone[0];
    assert!(file.starts_with("tags/c-"), "{file}");
    assert!(
        with_others
            .iter()
            .any(|(f, t)| f == file && t.contains("C++")),
        "{with_others:?}"
    );
}
