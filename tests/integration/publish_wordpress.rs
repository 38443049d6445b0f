//! Publishing to a real WordPress (issue #15's "Done when"), through the core and the CLI:
//! one post per piece whatever the number of publishes, the typography byte for byte, images
//! uploaded once, schedules, edits made on the site never overwritten, errors worded, and the
//! password nowhere but its store.

use std::path::Path;

use edito::library::{NewPiece, PieceEdit, PieceFields, SaveKind};
use edito::publish::{self, PostStatus, PublishError, PublishOptions, Secrets, SiteAccount};
use edito::Library;
use serde_json::{json, Value};

use crate::support::edito;
use crate::wordpress::{wordpress_or_skip, Site};

const SECTION: &str = "Editos du magazine En-Contact";

/// A PNG of `width` × `height` whose pixels depend on `seed` (so each is a new image).
fn png(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x as u8).wrapping_mul(seed),
            (y as u8).wrapping_add(seed),
            seed,
        ])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Png)
        .expect("png");
    bytes.into_inner()
}

/// A library in `dir` knowing `site` as `name`, its password in a file of `dir`.
fn library_with_site(dir: &Path, site: &Site, name: &str) -> (Library, Secrets) {
    let library = Library::open_in(dir).expect("library");
    let secrets = site.add_to(&library, dir, name);
    (library, secrets)
}

/// The model editorial: section, tags, date, standfirst, a portrait with alt text as lead
/// image, a photo in the body, guillemets and no-break spaces. `seed` makes its images new.
fn model_editorial(library: &Library, title: &str, seed: u8) -> i64 {
    let portrait = library
        .add_image(&png(60, 80, seed), Some("portrait.png"))
        .expect("portrait");
    let portrait_id = edito::images::ImageId::parse(&portrait.id).expect("id");
    library
        .describe_image(
            &portrait_id,
            &edito::library::ImageText {
                alt: "Portrait de l’auteur".into(),
                ..Default::default()
            },
        )
        .expect("describe");
    let photo = library
        .add_image(&png(90, 60, seed.wrapping_add(1)), Some("port.png"))
        .expect("photo");
    let body = format!(
        "Le printemps revient\u{a0}: « les petites mains » de l’édition s’activent.\n\n\
         ![Le port au matin](edito:image/{})\n\n\
         Et vous\u{202f}? L’été sera « chaud ». Repère {}.",
        photo.id,
        marker(seed)
    );
    let new = NewPiece {
        fields: PieceFields {
            title: title.into(),
            standfirst: "Ce que l’on doit aux « petites mains ».".into(),
            body,
            author: "Jean Dupont".into(),
            author_role: "Directeur de la rédaction".into(),
            category: SECTION.into(),
            publication_date: Some("2002-04-12".into()),
            lead_image: Some(format!("edito:image/{}", portrait.id)),
            ..PieceFields::default()
        },
        tags: vec!["édition".into(), "printemps".into()],
        ..NewPiece::default()
    };
    library.create_piece(&new).expect("piece").id
}

/// A word only the pieces of `seed` contain, to find their posts on the shared site (other
/// tests publish at the same time).
fn marker(seed: u8) -> String {
    format!("editoseed{seed}")
}

/// How many uploads of library image `id` the site has (their file names start with the id).
fn uploads_of(site: &Site, id: &str) -> usize {
    site.count(&format!("/wp/v2/media?per_page=100&search={}", &id[..16]))
}

/// The library ids of the piece's images: lead image first, then the body's.
fn image_ids(library: &Library, piece: i64) -> Vec<String> {
    let piece = library.get_piece(piece).expect("piece");
    let lead = piece.fields.lead_image.clone().unwrap_or_default();
    let mut ids = vec![lead.trim_start_matches("edito:image/").to_owned()];
    ids.extend(
        edito::export::images::used_images(&piece.fields.body)
            .into_iter()
            .map(|u| u.id.as_str().to_owned()),
    );
    ids
}

fn raw<'a>(post: &'a Value, key: &str) -> &'a str {
    post[key]["raw"].as_str().unwrap_or_default()
}

fn options(status: PostStatus) -> PublishOptions {
    PublishOptions {
        status,
        ..PublishOptions::default()
    }
}

/// The "Done when" of issue #15 for one piece: published with category, tags, date, excerpt
/// and featured image; the site stores title and content byte for byte as sent; re-published
/// after an edit, it stays one post with no new upload.
#[test]
fn model_editorial_is_one_post_with_its_fields_and_typography() {
    let site = wordpress_or_skip!();
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, secrets) = library_with_site(dir.path(), site, "mag");
    let id = model_editorial(&library, "L’été des « petites mains »", 3);
    let images = image_ids(&library, id);
    assert_eq!(images.len(), 2);

    let report = publish::publish(&library, &secrets, "mag", id, &options(PostStatus::Publish))
        .expect("publish");
    assert!(report.created);
    assert_eq!(report.status, "publish");
    assert_eq!(report.images_uploaded, 2);

    let sent = library
        .publication(id, "mag")
        .expect("read")
        .expect("recorded")
        .sent;
    let (status, post) = site.get(&format!("/wp/v2/posts/{}?context=edit", report.post_id));
    assert_eq!(status, 200, "{post}");
    // Byte for byte: WordPress neither re-typesets nor mangles what Edito sent.
    assert_eq!(raw(&post, "title"), sent.title);
    assert_eq!(raw(&post, "content"), sent.content);
    assert_eq!(raw(&post, "excerpt"), sent.excerpt);
    for c in ['\u{202f}', '\u{a0}', '«', '»', '’'] {
        assert!(
            sent.content.contains(c),
            "{c:?} missing from {}",
            sent.content
        );
    }
    assert!(
        sent.title.contains('«') && sent.title.contains('’'),
        "{}",
        sent.title
    );
    assert!(
        sent.content.contains("Jean Dupont"),
        "signature kept: {}",
        sent.content
    );
    assert!(
        post["date"]
            .as_str()
            .unwrap_or("")
            .starts_with("2002-04-12"),
        "{}",
        post["date"]
    );

    // Exactly one post in the section, with the piece's tags.
    let categories = site
        .get(&format!("/wp/v2/categories?search={}", "En-Contact"))
        .1;
    let category = categories
        .as_array()
        .and_then(|a| a.iter().find(|c| c["name"] == SECTION))
        .expect("the section became a category");
    let category_id = category["id"].as_i64().expect("id");
    assert_eq!(post["categories"], json!([category_id]));
    let tag_names: Vec<String> = post["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| {
            site.get(&format!("/wp/v2/tags/{t}")).1["name"]
                .as_str()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    assert_eq!(tag_names, ["édition", "printemps"]);
    let in_section = |site: &Site| {
        site.count(&format!(
            "/wp/v2/posts?categories={category_id}&status=any&per_page=100&search={}",
            marker(3)
        ))
    };
    assert_eq!(in_section(site), 1);

    // The portrait is the featured image, with its alt text; the body's photo is an upload
    // marked `wp-image-<id>` (WordPress then adds its srcset).
    let featured = post["featured_media"].as_i64().expect("featured");
    assert_ne!(featured, 0);
    let media = site.get(&format!("/wp/v2/media/{featured}")).1;
    assert_eq!(media["alt_text"], "Portrait de l’auteur");
    assert!(
        sent.content.contains("class=\"wp-image-"),
        "{}",
        sent.content
    );
    for image in &images {
        assert_eq!(uploads_of(site, image), 1, "{image}");
    }

    // Edit in Edito, publish again: the same post, no new media.
    let piece = library.get_piece(id).expect("piece");
    let edit = PieceEdit {
        id,
        base_version: piece.version,
        kind: SaveKind::SavePoint,
        fields: PieceFields {
            body: format!("{}\n\nUn paragraphe de plus.", piece.fields.body),
            ..piece.fields.clone()
        },
        slug: None,
        tags: None,
        extra: None,
    };
    library.save_piece(&edit).expect("edit");
    let again = publish::publish(&library, &secrets, "mag", id, &options(PostStatus::Publish))
        .expect("publish again");
    assert_eq!(again.post_id, report.post_id);
    assert!(!again.created);
    assert_eq!((again.images_uploaded, again.images_reused), (0, 2));
    assert_eq!(in_section(site), 1);
    for image in &images {
        assert_eq!(uploads_of(site, image), 1, "{image}");
    }
    let post = site
        .get(&format!("/wp/v2/posts/{}?context=edit", report.post_id))
        .1;
    assert!(raw(&post, "content").contains("Un paragraphe de plus."));
    assert_eq!(library.publication_history(id).expect("history").len(), 2);
}

/// A date in the future schedules the post: WordPress answers `future`, and so does Edito.
#[test]
fn a_future_date_schedules_the_post() {
    let site = wordpress_or_skip!();
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, secrets) = library_with_site(dir.path(), site, "mag");
    let id = model_editorial(&library, "Rendez-vous en 2099", 5);
    let report = publish::publish(
        &library,
        &secrets,
        "mag",
        id,
        &PublishOptions {
            status: PostStatus::Future,
            date: Some("2099-04-12T08:00".into()),
            ..PublishOptions::default()
        },
    )
    .expect("schedule");
    assert_eq!(report.status, "future");
    let post = site
        .get(&format!("/wp/v2/posts/{}?context=edit", report.post_id))
        .1;
    assert_eq!(post["status"], "future");
    assert_eq!(post["date"], "2099-04-12T08:00:00");
}

/// An edit made in wp-admin since the last publish is not overwritten (the REST API has no
/// lock): Edito refuses and names what differs; `force` replaces it. A post deleted on the
/// site is created again only when asked.
#[test]
fn an_edit_on_the_site_is_not_overwritten() {
    let site = wordpress_or_skip!();
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, secrets) = library_with_site(dir.path(), site, "mag");
    let id = model_editorial(&library, "Un titre d’Edito", 7);
    let draft = options(PostStatus::Draft);
    let report = publish::publish(&library, &secrets, "mag", id, &draft).expect("publish");
    let route = format!("/wp/v2/posts/{}", report.post_id);
    let (status, _) = site.post(&route, &json!({"title": "Titre corrigé sur le site"}));
    assert_eq!(status, 200);

    let err = publish::publish(&library, &secrets, "mag", id, &draft).expect_err("refused");
    match &err {
        PublishError::EditedOnSite { post_id, fields } => {
            assert_eq!(*post_id, report.post_id);
            assert_eq!(fields, &["title"]);
        }
        other => panic!("expected EditedOnSite, got {other:?}"),
    }
    assert!(
        err.message(edito::Lang::Fr).contains("titre"),
        "{}",
        err.message(edito::Lang::Fr)
    );
    let post = site.get(&format!("{route}?context=edit")).1;
    assert_eq!(raw(&post, "title"), "Titre corrigé sur le site");

    let forced = PublishOptions {
        force: true,
        ..draft.clone()
    };
    let replaced = publish::publish(&library, &secrets, "mag", id, &forced).expect("forced");
    assert_eq!(replaced.post_id, report.post_id);
    let post = site.get(&format!("{route}?context=edit")).1;
    assert_eq!(raw(&post, "title"), "Un titre d’Edito");

    assert_eq!(site.delete(&format!("{route}?force=true")), 200);
    let err = publish::publish(&library, &secrets, "mag", id, &draft).expect_err("deleted");
    assert!(matches!(err, PublishError::PostDeleted { .. }), "{err:?}");
    let recreate = PublishOptions {
        recreate: true,
        ..draft
    };
    let again = publish::publish(&library, &secrets, "mag", id, &recreate).expect("recreated");
    assert!(again.created);
    assert_ne!(again.post_id, report.post_id);
    assert_eq!(
        again.images_uploaded, 0,
        "the images were still on the site"
    );
}

/// A wrong application password: a clear French message, and nothing created on the site.
#[test]
fn a_wrong_password_is_said_in_french_and_creates_nothing() {
    let site = wordpress_or_skip!();
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("library");
    let id = model_editorial(&library, "Jamais publié", 9);
    let images = image_ids(&library, id);
    drop(library);
    let add = |check: &[&str]| {
        let mut args = vec![
            "sites", "add", "mag", "--url", &site.url, "--user", &site.user,
        ];
        args.extend_from_slice(check);
        edito(dir.path(), &args, b"abcd efgh ijkl mnop qrst uvwx\n")
    };
    // Checked when added…
    let added = add(&[]);
    assert!(!added.status.success());
    let stderr = String::from_utf8_lossy(&added.stderr);
    assert!(stderr.contains("401"), "{stderr}");
    // …and when publishing, in French under a French locale.
    assert!(add(&["--no-check"]).status.success());
    let mut child = std::process::Command::new(crate::support::edito_binary());
    let output = child
        .args(["--data-dir", &dir.path().display().to_string()])
        .args([
            "publish",
            &id.to_string(),
            "--site",
            "mag",
            "--status",
            "publish",
        ])
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("EDITO_SECRETS", "file")
        .env("EDITO_CONFIG_DIR", dir.path().join("config"))
        .output()
        .expect("publish");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("le site refuse l’utilisateur")
            && stderr.contains("mot de passe d’application (401)"),
        "{stderr}"
    );
    let posts = format!("/wp/v2/posts?status=any&search={}", marker(9));
    assert_eq!(site.count(&posts), 0);
    for image in &images {
        assert_eq!(uploads_of(site, image), 0, "{image}");
    }
}

/// The application password goes to its store (here the fallback file, mode 0600) and
/// nowhere else: not the library file or its WAL, not the CLI's output.
#[test]
fn the_password_never_reaches_the_library_or_the_output() {
    let site = wordpress_or_skip!();
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("library");
    let id = model_editorial(&library, "Secret bien gardé", 11);
    drop(library);
    let added = edito(
        dir.path(),
        &[
            "sites", "add", "mag", "--url", &site.url, "--user", &site.user,
        ],
        format!("{}\n", site.application_password).as_bytes(),
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let listed = edito(dir.path(), &["sites", "list"], b"");
    let published = edito(
        dir.path(),
        &["publish", &id.to_string(), "--site", "mag", "--json"],
        b"",
    );
    assert!(
        published.status.success(),
        "{}",
        String::from_utf8_lossy(&published.stderr)
    );
    let report: Value = serde_json::from_slice(&published.stdout).expect("json");
    assert_eq!(report["status"], "draft");

    let secret = site.application_password.as_bytes();
    let contains = |bytes: &[u8]| bytes.windows(secret.len()).any(|w| w == secret);
    for output in [&added, &listed, &published] {
        assert!(!contains(&output.stdout) && !contains(&output.stderr));
    }
    let store = dir
        .path()
        .join("config")
        .join(edito::publish::secrets::FALLBACK_FILE);
    for entry in walkdir::WalkDir::new(dir.path()) {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() && entry.path() != store {
            let bytes = std::fs::read(entry.path()).expect("read");
            assert!(
                !contains(&bytes),
                "the password is in {}",
                entry.path().display()
            );
        }
    }
    assert!(contains(&std::fs::read(&store).expect("store")));
}

/// What is not a WordPress site, or not there, is said as such before anything is sent.
#[test]
fn not_wordpress_and_unreachable_are_told_apart() {
    let site = wordpress_or_skip!();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let nowhere = SiteAccount::new("x", &format!("http://127.0.0.1:{port}"), "u").expect("site");
    let err = publish::wordpress::WordPress::connect(&nowhere, "p")
        .err()
        .expect("refused");
    assert!(matches!(err, PublishError::Unreachable { .. }), "{err:?}");
    // A web server that is not WordPress: 404 for everything, `/wp-json/` included.
    let server = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let address = server.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in server.incoming().flatten() {
            let mut stream = stream;
            let mut request = [0u8; 4096];
            let _ = std::io::Read::read(&mut stream, &mut request);
            let _ = std::io::Write::write_all(
                &mut stream,
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    let elsewhere = SiteAccount::new("x", &format!("http://{address}"), "u").expect("site");
    let err = publish::wordpress::WordPress::connect(&elsewhere, "p")
        .err()
        .expect("refused");
    assert!(
        matches!(err, PublishError::NotWordPress { status: 404, .. }),
        "{err:?}"
    );
    let _ = site;
}

/// A publish that fails after its uploads says what was done, and the next attempt reuses
/// the uploads instead of sending the images again. The failure here is the site's own: a
/// tag made only of markup (`<br>`) is empty once WordPress strips tags, and refused.
#[test]
fn a_failed_publish_reports_its_steps_and_the_next_reuses_them() {
    let site = wordpress_or_skip!();
    let dir = tempfile::tempdir().expect("temp dir");
    let (library, secrets) = library_with_site(dir.path(), site, "mag");
    let id = model_editorial(&library, "Publication interrompue", 13);
    library
        .set_tags(id, &["printemps".into(), "<br>".into()])
        .expect("tags");
    let draft = options(PostStatus::Draft);
    let err = publish::publish(&library, &secrets, "mag", id, &draft).expect_err("refused tag");
    match &err {
        PublishError::Interrupted { done, source } => {
            assert_eq!(done, &["2 of 2 images uploaded", "post not created"]);
            assert!(
                matches!(**source, PublishError::Rejected { .. }),
                "{source:?}"
            );
        }
        other => panic!("expected Interrupted, got {other:?}"),
    }
    let french = err.message(edito::Lang::Fr);
    assert!(
        french.starts_with("2 images sur 2 envoyées, article non créé"),
        "{french}"
    );
    assert_eq!(
        site.count(&format!("/wp/v2/posts?status=any&search={}", marker(13))),
        0
    );

    library.set_tags(id, &["printemps".into()]).expect("tags");
    let report = publish::publish(&library, &secrets, "mag", id, &draft).expect("publish");
    assert!(report.created);
    assert_eq!((report.images_uploaded, report.images_reused), (0, 2));
    for image in image_ids(&library, id) {
        assert_eq!(uploads_of(site, &image), 1, "{image}");
    }
}
