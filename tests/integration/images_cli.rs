//! `edito image …` against a real library: adding an image file to a piece (body or lead
//! image), listing and describing images, and the refusals a writer meets.

use std::path::Path;

use image::{Rgb, RgbImage};
use serde_json::Value;

use crate::support::{edito, stdout_ok};

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&stdout_ok(&edito(dir, args, b""))).expect("valid JSON")
}

fn new_piece(dir: &Path, body: &str) -> String {
    stdout_ok(&edito(dir, &["new", "--title", "Édito"], body.as_bytes()))
        .trim()
        .to_string()
}

/// A real 40×30 JPEG written to `path`.
fn write_photo(path: &Path) {
    RgbImage::from_fn(40, 30, |x, y| Rgb([x as u8 * 6, y as u8 * 8, 120]))
        .save(path)
        .expect("write jpeg");
}

/// A library with one piece whose body is `body`, and a photo beside it.
struct Desk {
    _dir: tempfile::TempDir,
    data: std::path::PathBuf,
    piece: String,
    photo: String,
}

fn desk(body: &str) -> Desk {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let piece = new_piece(&data, body);
    let photo = dir.path().join("portrait.jpg");
    write_photo(&photo);
    let photo = photo.to_str().expect("utf-8").to_string();
    Desk {
        _dir: dir,
        data,
        piece,
        photo,
    }
}

impl Desk {
    /// `edito image add PIECE FILE ARGS…`.
    fn add(&self, file: &str, args: &[&str]) -> std::process::Output {
        let mut all = vec!["image", "add", &self.piece, file];
        all.extend_from_slice(args);
        edito(&self.data, &all, b"")
    }

    fn piece(&self) -> Value {
        json(&self.data, &["show", &self.piece, "--json"])
    }
}

fn stderr(output: &std::process::Output) -> String {
    assert!(!output.status.success(), "expected a refusal");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn image_add_appends_a_paragraph_keeps_a_revision_and_survives_the_original() {
    let desk = desk("Le texte.");
    let d = &desk.data;
    let reference = stdout_ok(&desk.add(
        &desk.photo,
        &[
            "--alt",
            "Portrait [de] Jean",
            "--caption",
            "Jean Dupont",
            "--credit",
            "Anne Martin",
        ],
    ))
    .trim()
    .to_string();
    assert!(reference.starts_with("edito:image/"), "{reference}");
    let image_id = reference.trim_start_matches("edito:image/").to_string();

    assert_eq!(
        desk.piece()["body"],
        format!("Le texte.\n\n![Portrait \\[de\\] Jean]({reference})\n")
    );
    let history = json(d, &["history", &desk.piece, "--json"]);
    assert!(
        !history["revisions"]
            .as_array()
            .expect("revisions")
            .is_empty(),
        "the state before the image is kept as a revision"
    );

    // The original can go: the library has its own copy.
    std::fs::remove_file(&desk.photo).expect("delete original");
    let images = json(d, &["image", "list", "--json"]);
    let record = &images.as_array().expect("array")[0];
    assert_eq!(record["id"], image_id.as_str());
    assert_eq!(
        (&record["width"], &record["height"]),
        (&Value::from(40), &Value::from(30))
    );
    assert_eq!(record["media_type"], "image/jpeg");
    assert_eq!(record["original_name"], "portrait.jpg");
    assert_eq!(record["caption"], "Jean Dupont");
    assert_eq!(record["credit"], "Anne Martin");
    let copy = d.join("images").join(&image_id[..2]).join(&image_id);
    assert!(copy.is_file(), "{} missing", copy.display());
}

#[test]
fn image_add_lead_sets_the_lead_image_and_leaves_the_body() {
    let desk = desk("Le texte.");
    let reference = stdout_ok(&desk.add(&desk.photo, &["--alt", "Jean", "--lead"]));
    let piece = desk.piece();
    assert_eq!(piece["lead_image"], reference.trim());
    assert_eq!(piece["body"], "Le texte.");
}

// Broke: `edito show` printed every field but the lead image, so a piece's portrait and its
// texts could not be checked from the command line.
#[test]
fn show_prints_the_lead_image_with_its_alt_caption_and_credit() {
    let desk = desk("Le texte.");
    let reference = stdout_ok(&desk.add(
        &desk.photo,
        &[
            "--alt",
            "Portrait de Jean",
            "--caption",
            "À Lyon",
            "--credit",
            "Marie Curie",
            "--lead",
        ],
    ));
    let shown = stdout_ok(&edito(&desk.data, &["show", &desk.piece], b""));
    for line in [
        format!("lead image: {}", reference.trim()),
        "  file: portrait.jpg  40×30".to_owned(),
        "  alt: Portrait de Jean".to_owned(),
        "  caption: À Lyon".to_owned(),
        "  credit: Marie Curie".to_owned(),
    ] {
        assert!(shown.lines().any(|l| l == line), "{line:?} in {shown}");
    }
}

#[test]
fn image_add_refusals_say_what_to_do_and_leave_the_piece_as_it_was() {
    let desk = desk("Le texte.");
    let folder = Path::new(&desk.photo)
        .parent()
        .expect("folder")
        .to_path_buf();

    let err = stderr(&desk.add(&desk.photo, &[]));
    assert!(
        err.contains("--alt") && err.contains("--decorative"),
        "{err}"
    );

    let notes = folder.join("notes.jpg");
    std::fs::write(&notes, "Bonjour, ceci est un texte.").expect("write");
    let err = stderr(&desk.add(notes.to_str().expect("utf-8"), &["--alt", "x"]));
    assert!(err.contains("this file is not an image"), "{err}");

    let heic = folder.join("IMG_0001.jpg");
    std::fs::write(&heic, b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").expect("write");
    let err = stderr(&desk.add(heic.to_str().expect("utf-8"), &["--alt", "x"]));
    assert!(err.contains("HEIC images are not supported"), "{err}");

    let args = ["image", "add", "999", &desk.photo, "--alt", "x"];
    let err = stderr(&edito(&desk.data, &args, b""));
    assert!(err.contains("no piece with id 999"), "{err}");

    assert_eq!(desk.piece()["body"], "Le texte.");
    assert_eq!(
        json(&desk.data, &["image", "list", "--json"]),
        Value::Array(vec![])
    );
}

#[test]
fn image_describe_changes_only_what_is_given() {
    let desk = desk("");
    let d = &desk.data;
    let reference = stdout_ok(&desk.add(&desk.photo, &["--alt", "Jean", "--credit", "Anne"]));
    let record = json(
        d,
        &[
            "image",
            "describe",
            reference.trim(),
            "--caption",
            "En 2026",
            "--json",
        ],
    );
    assert_eq!(
        (&record["alt"], &record["caption"], &record["credit"]),
        (
            &Value::from("Jean"),
            &Value::from("En 2026"),
            &Value::from("Anne")
        )
    );
    let err = stderr(&edito(
        d,
        &["image", "describe", "portrait", "--alt", "x"],
        b"",
    ));
    assert!(err.contains("is not an image id"), "{err}");
}

/// `edito site` read the library's pieces but exported them without the library, so any piece
/// showing a library image refused the whole archive ("library images can only be exported
/// from the library"); the app's archive worked. The CLI archive now reads images from the
/// library: the photo's files are in `images/` once and the page points at them.
#[test]
fn site_from_the_library_exports_pieces_with_library_images() {
    let desk = desk("Le texte.");
    let reference = stdout_ok(&desk.add(&desk.photo, &["--alt", "Portrait de Jean"]))
        .trim()
        .to_string();
    assert!(reference.starts_with("edito:image/"), "{reference}");
    let out = desk.data.parent().expect("temp dir").join("site");
    let out_arg = out.to_str().expect("utf-8");
    let output = edito(&desk.data, &["site", out_arg, "--status", "all"], b"");
    stdout_ok(&output);

    let images: Vec<String> = std::fs::read_dir(out.join("images"))
        .expect("images/ written at the archive's root")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert!(!images.is_empty(), "no image files in images/");
    let page = html_pages(&out)
        .into_iter()
        .map(|p| std::fs::read_to_string(p).expect("page"))
        .find(|html| html.contains("Portrait de Jean"))
        .expect("a page shows the photo with its alt text");
    assert!(
        images
            .iter()
            .any(|name| page.contains(&format!("images/{name}"))),
        "the page points at none of {images:?}"
    );
}

/// Every `.html` file under `dir`, at any depth.
fn html_pages(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            pages.extend(html_pages(&path));
        } else if path.extension().is_some_and(|x| x == "html") {
            pages.push(path);
        }
    }
    pages
}

/// `edito export ID --format page > page.html` wrote a page pointing at `images/…` files that
/// were never written, without a word: standard output now says so on standard error, for
/// each format that points at such files, and stays quiet where the URLs are absolute.
#[test]
fn export_to_standard_output_says_the_images_are_left_behind() {
    let desk = desk("Le texte.");
    stdout_ok(&desk.add(&desk.photo, &["--alt", "Portrait de Jean"]));
    for format in ["page", "fragment", "markdown"] {
        let output = edito(
            &desk.data,
            &["export", &desk.piece, "--format", format],
            b"",
        );
        let page = stdout_ok(&output);
        assert!(page.contains("images/"), "{format}: {page}");
        let warning = String::from_utf8_lossy(&output.stderr);
        assert!(
            warning.contains("-o FILE") && warning.contains("1 library image"),
            "{format}: {warning}"
        );
    }
    let output = edito(
        &desk.data,
        &[
            "export",
            &desk.piece,
            "--format",
            "page",
            "--image-base-url",
            "https://example.org/media/",
        ],
        b"",
    );
    stdout_ok(&output);
    let quiet = String::from_utf8_lossy(&output.stderr);
    assert!(!quiet.contains("-o FILE"), "{quiet}");
}
