//! Importing images with Markdown (issue #14): a TextBundle (Edito's own export, and one as
//! Ulysses or Bear write it, without front matter) and a plain Markdown file with relative
//! image paths. The images are copied into the library and the destinations become library
//! references; a missing or escaping image refuses the file with a reason.

use std::path::Path;

use edito::export::{ExportFormat, Exporter};
use edito::images::{inspect, ImageId};
use edito::import::import_paths_into;
use edito::{Library, NewPiece};

use crate::export_images::{png, sideways_jpeg};

fn library(dir: &Path) -> Library {
    Library::open_in(dir).expect("library")
}

/// The ids of the library references in `body`, in order.
fn references(body: &str) -> Vec<ImageId> {
    body.match_indices("edito:image/")
        .filter_map(|(at, _)| ImageId::from_reference(body.get(at..at + 44)?))
        .collect()
}

#[test]
fn a_textbundle_round_trip_keeps_the_piece_and_its_image() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = library(&dir.path().join("a"));
    let record = source
        .add_image(&sideways_jpeg(60, 90), Some("portrait.jpg"))
        .expect("add image");
    let mut new = NewPiece::default();
    new.fields.title = "Le portrait".into();
    new.fields.body = format!("Avant.\n\n![Portrait de Jean](edito:image/{})\n", record.id);
    let piece = source.create_piece(&new).expect("piece");
    let bundle = dir.path().join("le-portrait.textbundle");
    let exporter = Exporter::new(Default::default(), None).expect("theme");
    exporter
        .piece_to_file(&source, &piece, ExportFormat::TextBundle, &bundle)
        .expect("export the bundle");
    assert!(bundle.join("info.json").is_file() && bundle.join("text.md").is_file());

    let target = library(&dir.path().join("b"));
    let outcome = import_paths_into(&target, &[&bundle]).expect("import");
    assert_eq!(outcome.created.len(), 1, "{outcome:?}");
    let imported = target.get_piece(outcome.created[0].id).expect("piece");
    assert_eq!(imported.fields.title, "Le portrait");
    let ids = references(&imported.fields.body);
    assert_eq!(ids.len(), 1, "{}", imported.fields.body);
    assert!(imported
        .fields
        .body
        .contains("![Portrait de Jean](edito:image/"));
    // The image now lives in the library: upright, the size it was exported at.
    let stored = target.image(&ids[0]).expect("stored image");
    assert_eq!((stored.width, stored.height), (60, 90));
    let bytes = target.image_bytes(&ids[0]).expect("bytes");
    assert_eq!(inspect(&bytes).expect("image").height, 90);
    // And exports again from the new library, through its image storage.
    let page = dir.path().join("page.html");
    exporter
        .piece_to_file(&target, &imported, ExportFormat::Page, &page)
        .expect("page from the imported piece");
    assert!(std::fs::read_to_string(&page)
        .expect("page")
        .contains("alt=\"Portrait de Jean\""));
}

#[test]
fn a_textbundle_without_front_matter_takes_its_heading_as_title() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bundle = dir.path().join("Notes de voyage.textbundle");
    std::fs::create_dir_all(bundle.join("assets")).expect("mkdir");
    std::fs::write(
        bundle.join("info.json"),
        r#"{"version": 2, "type": "net.daringfireball.markdown"}"#,
    )
    .expect("info");
    std::fs::write(bundle.join("assets/le port.png"), png(40, 20, 9)).expect("asset");
    std::fs::write(
        bundle.join("text.md"),
        "# Carnet de Lisbonne\n\nLe matin, ![le port](assets/le%20port.png) sous la brume.\n",
    )
    .expect("text");
    let target = library(&dir.path().join("lib"));
    let outcome = import_paths_into(&target, &[&bundle]).expect("import");
    assert_eq!(outcome.created.len(), 1, "{outcome:?}");
    let piece = target.get_piece(outcome.created[0].id).expect("piece");
    assert_eq!(piece.fields.title, "Carnet de Lisbonne");
    assert!(
        !piece.fields.body.contains("# Carnet"),
        "{}",
        piece.fields.body
    );
    let ids = references(&piece.fields.body);
    assert_eq!(ids.len(), 1, "{}", piece.fields.body);
    let record = target.image(&ids[0]).expect("image");
    assert_eq!(record.original_name.as_deref(), Some("le port.png"));
}

#[test]
fn a_markdown_file_with_relative_image_paths_brings_its_images() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(dir.path().join("photos")).expect("mkdir");
    std::fs::create_dir_all(&notes).expect("mkdir");
    std::fs::write(dir.path().join("photos/quai.png"), png(30, 30, 1)).expect("image");
    std::fs::write(notes.join("phare.png"), png(30, 60, 2)).expect("image");
    std::fs::write(
        notes.join("escale.md"),
        "---\ntitle: Escale\nlead_image: phare.png\n---\n\n![le quai](../photos/quai.png) et ![le phare][phare], encore ![le quai](../photos/quai.png).\n\n[phare]: phare.png\n",
    )
    .expect("markdown");
    let target = library(&dir.path().join("lib"));
    let outcome = import_paths_into(&target, &[notes.join("escale.md")]).expect("import");
    assert_eq!(outcome.created.len(), 1, "{outcome:?}");
    let piece = target.get_piece(outcome.created[0].id).expect("piece");
    let body = &piece.fields.body;
    assert!(!body.contains(".png"), "{body}");
    let ids = references(body);
    assert_eq!(ids.len(), 3, "{body}");
    // In text order: the two uses of the quay, then the phare's definition line.
    assert_eq!(ids[0], ids[1], "the same file is one image");
    assert_eq!(
        piece.fields.lead_image.as_deref(),
        Some(ids[2].reference().as_str())
    );
    assert_eq!(target.images().expect("images").len(), 2);
}

#[test]
fn a_missing_or_escaping_image_refuses_the_file_with_its_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("perdu.md"),
        "---\ntitle: Perdu\n---\n\nTexte.\n\n![absent](absent.png)\n",
    )
    .expect("markdown");
    let bundle = dir.path().join("fuite.textbundle");
    std::fs::create_dir_all(&bundle).expect("mkdir");
    std::fs::write(dir.path().join("secret.png"), png(10, 10, 3)).expect("image");
    std::fs::write(bundle.join("text.md"), "# Fuite\n\n![x](../secret.png)\n").expect("text");
    let target = library(&dir.path().join("lib"));
    let outcome =
        import_paths_into(&target, &[dir.path().join("perdu.md"), bundle]).expect("import");
    assert!(outcome.created.is_empty(), "{outcome:?}");
    assert_eq!(outcome.refused.len(), 2, "{outcome:?}");
    let missing = &outcome.refused[0].reason;
    assert!(
        missing.contains("`absent.png` (line 3)") && missing.contains("cannot be added"),
        "{missing}"
    );
    assert!(
        outcome.refused[1]
            .reason
            .contains("inside the file's folder"),
        "{}",
        outcome.refused[1].reason
    );
    assert!(target.images().expect("images").is_empty());
}
