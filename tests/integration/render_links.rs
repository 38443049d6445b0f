//! The asset resolver of the render options: what link and image destinations become (a
//! folder beside an exported page, an app-served URL, a CMS's URL), in every render path, and
//! never a way around the URL safety check.

use std::borrow::Cow;

use edito::export::Article;
use edito::preview::PreviewSession;
use edito::render::{
    render, render_blocks, AssetResolver, LinkKind, Links, RenderOptions, UnderFolder,
};

fn assets() -> RenderOptions {
    RenderOptions {
        typography: false,
        links: Links::new(UnderFolder::new("assets", true)),
        ..RenderOptions::default()
    }
}

const PIECE: &str = "Voir ![la photo](photo.png) et [le PDF](photo.png).\n\n\
    <img src=\"photo.png\" alt=\"brute\">\n\n\
    Ligne <a href=\"photo.png\">brute</a> et [ailleurs](https://e.org/photo.png) [note](#n).\n";

#[test]
fn resolver_applies_to_images_and_links() {
    let html = render(PIECE, &assets()).html;
    assert!(
        html.contains("<img src=\"assets/photo.png\" alt=\"la photo\" />"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"assets/photo.png\">le PDF</a>"),
        "{html}"
    );
    // Raw HTML goes through the same resolver.
    assert!(
        html.contains("<img src=\"assets/photo.png\" alt=\"brute\">"),
        "{html}"
    );
    assert!(html.contains("<a href=\"assets/photo.png\""), "{html}");
    // URLs and fragments are not files of the piece.
    assert!(html.contains("href=\"https://e.org/photo.png\""), "{html}");
    assert!(html.contains("href=\"#n\""), "{html}");
    assert!(!html.contains("\"photo.png\""), "{html}");
}

#[test]
fn resolver_applies_in_the_source_mapped_preview() {
    let options = RenderOptions {
        source_map: true,
        ..assets()
    };
    let blocks = render_blocks(PIECE, &options);
    assert!(
        blocks
            .rendered
            .html
            .contains("<p data-line=\"1\">Voir <img src=\"assets/photo.png\""),
        "{}",
        blocks.rendered.html
    );
    let update = PreviewSession::new().update(PIECE, &options, None);
    let html = update.blocks.concat();
    assert!(html.contains("src=\"assets/photo.png\""), "{html}");
    assert!(html.contains("href=\"assets/photo.png\""), "{html}");
}

#[test]
fn without_a_resolver_destinations_stay_as_typed() {
    let html = render(
        PIECE,
        &RenderOptions {
            typography: false,
            ..RenderOptions::default()
        },
    )
    .html;
    assert!(
        html.contains("<img src=\"photo.png\" alt=\"la photo\" />"),
        "{html}"
    );
    assert!(!html.contains("assets/"), "{html}");
}

/// A resolver that answers with a hostile URL, as a buggy or compromised one might.
struct Hostile;

impl AssetResolver for Hostile {
    fn resolve<'u>(&self, _kind: LinkKind, _dest: &'u str) -> Cow<'u, str> {
        Cow::Borrowed("javascript:alert(1)")
    }
}

#[test]
fn unsafe_url_from_a_resolver_is_dropped() {
    let options = RenderOptions {
        links: Links::new(Hostile),
        ..RenderOptions::default()
    };
    let html = render(PIECE, &options).html;
    assert!(!html.contains("javascript"), "{html}");
    // As with a hostile URL typed in the piece, the link's text stays, plain.
    assert!(html.contains("le PDF"), "{html}");
    assert!(!html.contains("href="), "{html}");
}

#[test]
fn the_preview_sends_every_block_when_the_resolver_changes() {
    let mut session = PreviewSession::new();
    let first = session.update(PIECE, &assets(), None);
    let again = session.update(PIECE, &assets(), Some(first.generation));
    assert_eq!(
        again.base, None,
        "another resolver: nothing shown can be kept"
    );
}

#[test]
fn exporter_writes_destinations_through_its_resolver() {
    let mut article = Article {
        slug: "photo".into(),
        ..Article::default()
    };
    article.fields.title = "Photo".into();
    article.fields.body = PIECE.into();
    let exporter = edito::export::Exporter::new(Default::default(), None)
        .expect("built-in theme")
        .with_links(Links::new(UnderFolder::new("assets", false)));
    let page = exporter.page(&article).expect("page");
    assert!(page.contains("src=\"assets/photo.png\""), "{page}");
    // This resolver moves images only.
    assert!(page.contains("href=\"photo.png\""), "{page}");
}
