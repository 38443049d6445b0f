//! The Atom feed: well-formed XML with every element Atom 1.0 (RFC 4287) requires.

use roxmltree::{Document, Node};

use crate::export_support::{all_pieces, build_site, exporter};

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn child<'a>(node: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    node.children().find(|c| c.has_tag_name((ATOM, name)))
}

fn text<'a>(node: Node<'a, 'a>, name: &str) -> &'a str {
    child(node, name)
        .and_then(|c| c.text())
        .unwrap_or_else(|| panic!("missing <{name}>"))
}

fn is_rfc3339(s: &str) -> bool {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok()
}

fn feed(base_url: Option<&str>) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    build_site(&exporter(base_url), &all_pieces(), dir.path());
    std::fs::read_to_string(dir.path().join("feed.xml")).expect("feed")
}

#[test]
fn feed_has_the_required_atom_elements() {
    for base in [None, Some("https://example.org/archives")] {
        let xml = feed(base);
        let doc = Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        assert!(root.has_tag_name((ATOM, "feed")));
        assert!(!text(root, "id").is_empty());
        assert_eq!(text(root, "title"), "En-Contact — archives");
        assert!(is_rfc3339(text(root, "updated")));
        assert!(child(root, "author")
            .and_then(|a| child(a, "name"))
            .is_some());
        let entries: Vec<_> = root
            .children()
            .filter(|c| c.has_tag_name((ATOM, "entry")))
            .collect();
        assert_eq!(entries.len(), 3);
        let mut ids = Vec::new();
        for entry in &entries {
            ids.push(text(*entry, "id").to_owned());
            assert!(!text(*entry, "title").is_empty());
            assert!(is_rfc3339(text(*entry, "updated")));
            let link = child(*entry, "link").expect("link");
            assert_eq!(link.attribute("rel"), Some("alternate"));
            assert!(link
                .attribute("href")
                .is_some_and(|h| h.contains("articles/")));
            let content = child(*entry, "content").expect("content");
            assert_eq!(content.attribute("type"), Some("html"));
            assert!(
                content.text().is_some_and(|t| t.contains("<p>")),
                "content is escaped HTML"
            );
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 3, "entry ids are unique");
        // The feed's newest entry date is the feed's updated date.
        assert_eq!(text(root, "updated"), text(entries[0], "updated"));
    }
}

#[test]
fn feed_with_base_url_has_absolute_ids_and_self_link() {
    let xml = feed(Some("https://example.org/archives"));
    let doc = Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(text(root, "id"), "https://example.org/archives/");
    let self_link = root
        .children()
        .find(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
        .expect("self link");
    assert_eq!(
        self_link.attribute("href"),
        Some("https://example.org/archives/feed.xml")
    );
    let entry = child(root, "entry").expect("entry");
    assert_eq!(
        text(entry, "id"),
        "https://example.org/archives/articles/notes-de-terrain.html"
    );
}

#[test]
fn hostile_titles_keep_the_feed_well_formed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pieces = all_pieces();
    pieces.push(crate::export_support::piece("hostile.md"));
    build_site(&exporter(None), &pieces, dir.path());
    let xml = std::fs::read_to_string(dir.path().join("feed.xml")).expect("feed");
    let doc = Document::parse(&xml).expect("well-formed XML");
    let titles: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ATOM, "title")))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        titles.contains(&"<script>alert(«\u{a0}title\u{a0}»)</script> Titre"),
        "{titles:?}"
    );
    assert!(doc.descendants().all(|n| !n.has_tag_name("script")));
}

/// Each entry says its piece's language (RFC 4287 §2: `xml:lang` on any element): an English
/// piece in a French archive used to inherit the feed's `fr`, so readers hyphenated and
/// spoke it as French.
#[test]
fn every_entry_carries_its_piece_language() {
    let xml = feed(None);
    let doc = Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    let langs: Vec<(String, Option<&str>)> = root
        .children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .map(|e| {
            let lang = e.attribute((roxmltree::NS_XML_URI, "lang"));
            (text(e, "title").to_owned(), lang)
        })
        .collect();
    assert_eq!(langs.len(), 3);
    for (title, lang) in &langs {
        let expected = if title.starts_with("A letter") {
            "en"
        } else {
            "fr"
        };
        assert_eq!(*lang, Some(expected), "{title}: {langs:?}");
    }
}
