//! Images described by a resolver (issue #14): the figure rule, `srcset`/`sizes`,
//! `width`/`height`, lazy loading after the first image, and the URL gate that lets the app's
//! image URL through only when a resolver produced it.

use std::borrow::Cow;

use edito::preview::PreviewSession;
use edito::render::{
    app_image_url, render, AppImage, AppImages, AssetResolver, ImageCandidate, ImageDescription,
    Lang, LinkKind, Links, RenderOptions,
};

const ID: &str = "0123456789abcdef0123456789abcdef";
const OTHER: &str = "fedcba9876543210fedcba9876543210";

/// A resolver describing every `edito:image/…` with two variants, a caption for [`ID`].
struct Described;

impl AssetResolver for Described {
    fn resolve<'u>(&self, _kind: LinkKind, dest: &'u str) -> Cow<'u, str> {
        Cow::Borrowed(dest)
    }

    fn image(&self, dest: &str) -> Option<ImageDescription> {
        let id = edito::render::image_reference_id(dest)?;
        let captioned = id == ID;
        Some(ImageDescription {
            src: format!("images/{id}-960.jpg"),
            size: Some((960, 640)),
            srcset: vec![
                ImageCandidate {
                    url: format!("images/{id}-480.jpg"),
                    width: 480,
                },
                ImageCandidate {
                    url: format!("images/{id}-960.jpg"),
                    width: 960,
                },
            ],
            sizes: Some("(max-width: 38rem) 100vw, 38rem".into()),
            caption: if captioned {
                "Le port, à l'aube".into()
            } else {
                String::new()
            },
            credit: if captioned {
                "Jean Dupont".into()
            } else {
                String::new()
            },
            class: None,
        })
    }
}

fn options(lang: Lang, resolver: impl AssetResolver + 'static) -> RenderOptions {
    RenderOptions {
        lang,
        links: Links::new(resolver),
        ..RenderOptions::default()
    }
}

#[test]
fn a_captioned_image_alone_in_its_paragraph_is_a_figure() {
    let markdown = format!("![Le port](edito:image/{ID})\n");
    let html = render(&markdown, &options(Lang::Fr, Described)).html;
    assert_eq!(
        html,
        format!(
            "<figure><img src=\"images/{ID}-960.jpg\" srcset=\"images/{ID}-480.jpg 480w, \
             images/{ID}-960.jpg 960w\" sizes=\"(max-width: 38rem) 100vw, 38rem\" \
             width=\"960\" height=\"640\" decoding=\"async\" alt=\"Le port\" />\
             <figcaption>Le port, à l’aube <span class=\"credit\">Photo\u{a0}: Jean Dupont\
             </span></figcaption></figure>\n"
        )
    );
    let english = render(&markdown, &options(Lang::En, Described)).html;
    assert!(
        english.contains("<span class=\"credit\">Photo: Jean Dupont</span>"),
        "{english}"
    );
}

#[test]
fn an_image_among_text_or_without_caption_stays_in_its_paragraph() {
    let among = format!("Voici ![Le port](edito:image/{ID}) au matin.\n");
    let html = render(&among, &options(Lang::Fr, Described)).html;
    assert!(html.starts_with("<p>Voici <img "), "{html}");
    assert!(!html.contains("figure"), "{html}");
    let bare = format!("![Le quai](edito:image/{OTHER})\n");
    let html = render(&bare, &options(Lang::Fr, Described)).html;
    assert!(html.starts_with("<p><img "), "{html}");
    assert!(!html.contains("figcaption"), "{html}");
    // Two images in one paragraph: no figure either.
    let two = format!("![a](edito:image/{ID}) ![b](edito:image/{ID})\n");
    let html = render(&two, &options(Lang::Fr, Described)).html;
    assert!(!html.contains("figure"), "{html}");
}

#[test]
fn images_after_the_first_load_lazily() {
    let markdown = format!(
        "![a](edito:image/{OTHER})\n\nTexte.\n\n![b](edito:image/{OTHER})\n\n![c](edito:image/{ID})\n"
    );
    let html = render(&markdown, &options(Lang::Fr, Described)).html;
    assert_eq!(html.matches("decoding=\"async\"").count(), 3, "{html}");
    assert_eq!(html.matches("loading=\"lazy\"").count(), 2, "{html}");
    let first = html.find("<img").expect("an image");
    let lazy = html.find("loading=\"lazy\"").expect("a lazy image");
    assert!(
        lazy > html[first..].find("/>").expect("closed") + first,
        "the first image must load at once: {html}"
    );
}

#[test]
fn the_preview_shows_library_images_through_the_app_url_with_their_caption() {
    let images = AppImages::new([(
        ID.to_owned(),
        AppImage {
            size: Some((4, 3)),
            caption: "Quai".into(),
            credit: "J. D.".into(),
        },
    )]);
    let markdown = format!("Titre\n\n![Jean](edito:image/{ID})\n");
    let options = RenderOptions {
        source_map: true,
        ..options(Lang::Fr, images)
    };
    let update = PreviewSession::new().update(&markdown, &options, None);
    let figure = &update.blocks[1];
    assert!(
        figure.starts_with("<figure data-line=\"3\"><img src=\"edito-image://localhost/"),
        "{figure}"
    );
    assert!(figure.contains(&app_image_url(ID)), "{figure}");
    assert!(figure.contains("width=\"4\" height=\"3\""), "{figure}");
    assert!(figure.contains("<figcaption>Quai"), "{figure}");
}

/// A typed app URL or library reference must not reach the page without a resolver: the
/// app's scheme serves library files, so only the preview's resolver, which checked the id,
/// may write one.
#[test]
fn typed_app_image_urls_are_refused_without_a_resolver_and_with_one() {
    let typed_app_url = format!(
        "![a](edito-image://localhost/{ID}) [c](edito-image://localhost/{ID})\n\n\
         <img src=\"edito-image://localhost/{ID}\" alt=\"d\"> <img src=\"edito:image/{ID}\" alt=\"e\">\n"
    );
    let typed_reference = format!("![b](edito:image/{ID})");
    let plain = RenderOptions::default();
    let preview = options(Lang::Fr, AppImages::default());
    for (markdown, options) in [
        (&typed_app_url, &plain),
        (&typed_reference, &plain),
        (&typed_app_url, &preview),
    ] {
        let html = render(markdown, options).html;
        assert!(!html.contains("edito-image:"), "{html}");
        assert!(!html.contains("edito:image"), "{html}");
        // The text of what was dropped stays.
        assert!(html.contains('a') || html.contains('b'), "{html}");
    }
    // Through the preview's resolver, the reference itself becomes the app URL.
    let html = render(&format!("![b](edito:image/{ID})"), &preview).html;
    assert!(html.contains(&app_image_url(ID)), "{html}");
}

/// A resolver whose description carries unsafe URLs: the image goes, an unsafe variant too.
struct Hostile;

impl AssetResolver for Hostile {
    fn resolve<'u>(&self, _kind: LinkKind, dest: &'u str) -> Cow<'u, str> {
        Cow::Borrowed(dest)
    }

    fn image(&self, dest: &str) -> Option<ImageDescription> {
        let src = if dest == "bad" {
            "javascript:alert(1)"
        } else {
            "ok.png"
        };
        Some(ImageDescription {
            src: src.into(),
            srcset: vec![
                ImageCandidate {
                    url: "data:text/html,x".into(),
                    width: 1,
                },
                ImageCandidate {
                    url: "ok.png, javascript:alert(1) 2".into(),
                    width: 2,
                },
                ImageCandidate {
                    url: "ok.png".into(),
                    width: 3,
                },
                ImageCandidate {
                    url: "edito-image://localhost/../../etc/passwd".into(),
                    width: 4,
                },
            ],
            ..ImageDescription::default()
        })
    }
}

#[test]
fn unsafe_urls_in_a_description_are_dropped() {
    let html = render(
        "![mauvaise](bad) ![bonne](good)",
        &options(Lang::Fr, Hostile),
    )
    .html;
    assert!(!html.contains("javascript"), "{html}");
    assert!(!html.contains("data:"), "{html}");
    assert!(!html.contains("passwd"), "{html}");
    assert!(html.contains("mauvaise"), "{html}");
    // One safe variant left: no `srcset` for a single file.
    assert!(
        html.contains("<img src=\"ok.png\" decoding=\"async\" alt=\"bonne\" />"),
        "{html}"
    );
}
