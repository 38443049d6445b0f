//! Images in the library: stored once by content, read back checked, described, collected
//! when nothing refers to them, carried by backups and restores, checked for integrity.

use std::io::Cursor;

use image::{ImageFormat as Codec, Rgb, RgbImage};

use super::*;
use crate::images::{ImageError, ImageId};

/// A real PNG, `seed` making each one's bytes (and so its id) different.
fn photo(seed: u8) -> Vec<u8> {
    let image = RgbImage::from_fn(24, 16, |x, y| Rgb([seed, x as u8 * 10, y as u8 * 10]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, Codec::Png).expect("encode png");
    out.into_inner()
}

fn id_of(record: &ImageRecord) -> ImageId {
    ImageId::parse(&record.id).expect("id")
}

fn image_path(dir: &std::path::Path, id: &ImageId) -> std::path::PathBuf {
    dir.join("images").join(&id.as_str()[..2]).join(id.as_str())
}

/// Far in the future: every image counts as added before it (collection's grace skipped).
const LATER: &str = "9999-01-01T00:00:00.000Z";

#[test]
fn an_added_image_is_an_exact_copy_stored_once_by_content() {
    let (dir, library) = temp_library();
    let bytes = photo(1);
    let record = library
        .add_image(&bytes, Some("/home/anne/Photos/portrait.png"))
        .expect("add");
    let id = id_of(&record);
    assert_eq!(id, ImageId::of_bytes(&bytes));
    assert_eq!(
        (record.media_type.as_str(), record.width, record.height),
        ("image/png", 24, 16)
    );
    assert_eq!(record.byte_len, bytes.len() as u64);
    assert_eq!(record.original_name.as_deref(), Some("portrait.png"));
    let path = image_path(dir.path(), &id);
    assert_eq!(std::fs::read(&path).expect("file"), bytes);

    // Same bytes again: the same record (words kept), no second file.
    let described = library
        .describe_image(
            &id,
            &ImageText {
                alt: "  Portrait de Jean Dupont ".into(),
                decorative: false,
                caption: "Jean Dupont, en 2026".into(),
                credit: "Anne Martin".into(),
            },
        )
        .expect("describe");
    assert_eq!(described.alt, "Portrait de Jean Dupont");
    let again = library.add_image(&bytes, Some("copie.png")).expect("again");
    assert_eq!(again, described);
    assert_eq!(library.images().expect("list"), vec![described]);
    let files: Vec<_> = walkdir::WalkDir::new(dir.path().join("images"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .collect();
    assert_eq!(files.len(), 1);
    assert_eq!(library.image_bytes(&id).expect("bytes"), bytes);
}

#[test]
fn an_image_file_is_sized_before_it_is_read() {
    let (dir, library) = temp_library();
    // Sparse: 60 MB on paper, nothing on disk; reading it would take the whole 60 MB.
    let big = dir.path().join("scan.jpg");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(60 * 1024 * 1024))
        .expect("sparse file");
    let err = library.add_image_file(&big).expect_err("too large");
    assert!(
        matches!(err, LibraryError::Image(ImageError::TooLarge { bytes }) if bytes == 60 * 1024 * 1024),
        "{err:?}"
    );
    assert!(err.to_string().contains("over the limit of 50 MB"), "{err}");

    let folder = dir.path().join("Photos");
    std::fs::create_dir(&folder).expect("folder");
    let err = library.add_image_file(&folder).expect_err("a folder");
    assert!(
        err.to_string().contains("it is a folder, not a file"),
        "{err}"
    );
    let err = library
        .add_image_file(&dir.path().join("absent.jpg"))
        .expect_err("missing");
    assert!(err.to_string().contains("no such file"), "{err}");

    let file = dir.path().join("portrait.png");
    std::fs::write(&file, photo(2)).expect("write");
    let record = library.add_image_file(&file).expect("add file");
    assert_eq!(record.original_name.as_deref(), Some("portrait.png"));
}

#[test]
fn a_refused_image_leaves_no_file_and_no_row() {
    let (dir, library) = temp_library();
    let err = library
        .add_image(b"Bonjour, ceci est un texte.", Some("notes.txt"))
        .expect_err("refused");
    assert!(
        matches!(err, LibraryError::Image(ImageError::NotAnImage)),
        "{err:?}"
    );
    assert!(library.images().expect("list").is_empty());
    assert!(!dir.path().join("images").exists());
}

/// The images folder cannot be written (here a file stands where the folder should be, which
/// fails even for root, unlike a permission): the error says so, no row is written, and the
/// piece is as it was.
#[test]
fn an_unwritable_images_folder_is_a_clear_error_and_the_text_is_untouched() {
    let (dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("Édito", "Le texte."))
        .expect("create");
    std::fs::write(dir.path().join("images"), "pas un dossier").expect("block");
    let err = library.add_image(&photo(3), None).expect_err("not stored");
    assert!(
        matches!(err, LibraryError::ImageNotStored { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("the text is untouched"), "{err}");
    assert!(library.images().expect("list").is_empty());
    let after = library.get_piece(piece.id).expect("get");
    assert_eq!(
        (after.fields.body.as_str(), after.version),
        ("Le texte.", piece.version)
    );
}

#[test]
fn a_missing_or_changed_file_is_named_with_what_to_do() {
    let (dir, library) = temp_library();
    let id = id_of(&library.add_image(&photo(4), None).expect("add"));
    let path = image_path(dir.path(), &id);

    std::fs::write(&path, b"autre chose").expect("damage");
    let err = library.image_bytes(&id).expect_err("damaged");
    assert!(
        matches!(err, LibraryError::ImageFileDamaged { .. }),
        "{err:?}"
    );

    std::fs::remove_file(&path).expect("delete");
    let err = library.image_bytes(&id).expect_err("missing");
    assert!(
        matches!(err, LibraryError::ImageFileMissing { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("edito backup --restore"), "{err}");

    // Adding the picture again repairs it.
    library.add_image(&photo(4), None).expect("add again");
    assert_eq!(library.image_bytes(&id).expect("bytes"), photo(4));

    let unknown = ImageId::of_bytes(b"never added");
    assert!(matches!(
        library.image(&unknown),
        Err(LibraryError::ImageNotFound(_))
    ));
}

#[test]
fn describing_checks_lengths_and_the_image() {
    let (_dir, library) = temp_library();
    let id = id_of(&library.add_image(&photo(5), None).expect("add"));
    let long = ImageText {
        credit: "x".repeat(301),
        ..ImageText::default()
    };
    let err = library.describe_image(&id, &long).expect_err("too long");
    assert!(
        matches!(
            err,
            LibraryError::Invalid {
                field: "credit",
                ..
            }
        ),
        "{err:?}"
    );
    let decorative = ImageText {
        decorative: true,
        ..ImageText::default()
    };
    assert!(
        library
            .describe_image(&id, &decorative)
            .expect("describe")
            .decorative
    );
    let unknown = ImageId::of_bytes(b"x");
    assert!(matches!(
        library.describe_image(&unknown, &decorative),
        Err(LibraryError::ImageNotFound(_))
    ));
}

/// Collection removes only what nothing names: not an image in a body, in a trashed piece,
/// as a lead image or only in a revision, and not one added within the last day.
#[test]
fn collection_spares_every_image_something_still_names() {
    let (dir, library) = temp_library();
    let add = |seed| id_of(&library.add_image(&photo(seed), None).expect("add"));
    let (in_body, in_trash, as_lead, in_revision, unused) =
        (add(10), add(11), add(12), add(13), add(14));

    library
        .create_piece(&new_piece(
            "Corps",
            &format!("![Portrait]({})", in_body.reference()),
        ))
        .expect("create");
    let trashed = library
        .create_piece(&new_piece(
            "Corbeille",
            &format!("![x]({})", in_trash.reference()),
        ))
        .expect("create");
    library.trash_piece(trashed.id).expect("trash");
    let mut lead = new_piece("Une", "");
    lead.fields.lead_image = Some(as_lead.reference());
    library.create_piece(&lead).expect("create");
    let revised = library
        .create_piece(&new_piece(
            "Révisé",
            &format!("![y]({})", in_revision.reference()),
        ))
        .expect("create");
    library
        .save_piece(&edit_body(&revised, "Plus d'image.", SaveKind::SavePoint))
        .expect("save");

    // Within the grace period nothing goes, not even the unused image.
    assert_eq!(library.collect_images().expect("collect"), 0);
    assert_eq!(
        library.collect_images_added_before(LATER).expect("collect"),
        1
    );
    let left: Vec<ImageId> = library.images().expect("list").iter().map(id_of).collect();
    for kept in [&in_body, &in_trash, &as_lead, &in_revision] {
        assert!(left.contains(kept), "{kept} collected");
        assert!(image_path(dir.path(), kept).exists());
    }
    assert!(!left.contains(&unused));
    assert!(
        !image_path(dir.path(), &unused).exists(),
        "file removed with its row"
    );
}

#[test]
fn the_integrity_check_reports_lost_damaged_and_unknown_images() {
    let (dir, library) = temp_library();
    let lost = id_of(&library.add_image(&photo(20), None).expect("add"));
    let damaged = id_of(&library.add_image(&photo(21), None).expect("add"));
    assert_eq!(library.integrity_check().expect("check"), strings(&["ok"]));
    let unknown = ImageId::of_bytes(b"from another library");
    let piece = library
        .create_piece(&new_piece(
            "Trois images",
            &format!("![a]({})", unknown.reference()),
        ))
        .expect("create");

    std::fs::remove_file(image_path(dir.path(), &lost)).expect("delete");
    std::fs::write(image_path(dir.path(), &damaged), b"abimee").expect("damage");
    let problems = library.check_images().expect("check");
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.contains(&ImageProblem::Unknown {
        id: unknown.clone(),
        piece: piece.id
    }));
    let findings = library.integrity_check().expect("check").join("\n");
    assert!(
        findings.contains(&format!("image {lost}: its file")),
        "{findings}"
    );
    assert!(findings.contains("is missing"), "{findings}");
    assert!(
        findings.contains(&format!("image {damaged}: its file")),
        "{findings}"
    );
    assert!(findings.contains("is damaged"), "{findings}");
}

#[test]
fn a_backup_carries_the_images_and_a_restore_brings_them_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = photo(30);
    let (backup, id) = {
        let library = Library::open_in(dir.path()).expect("open");
        let id = id_of(
            &library
                .add_image(&bytes, Some("portrait.png"))
                .expect("add"),
        );
        library
            .create_piece(&new_piece(
                "Édito",
                &format!("![Portrait]({})", id.reference()),
            ))
            .expect("create");
        let backup = library.backup_now().expect("backup");
        // A second backup shares the copy: an image is saved once.
        library.backup_now().expect("second backup");
        (backup.path, id)
    };
    let saved = dir.path().join("backups").join("images");
    let saved_file = saved.join(&id.as_str()[..2]).join(id.as_str());
    assert_eq!(std::fs::read(&saved_file).expect("saved copy"), bytes);

    std::fs::remove_dir_all(dir.path().join("images")).expect("lose the images");
    let report = restore_backup(dir.path(), &backup).expect("restore");
    assert!(report.missing_images.is_empty());
    let library = Library::open_in(dir.path()).expect("reopen");
    assert_eq!(library.image_bytes(&id).expect("bytes"), bytes);
    assert_eq!(library.integrity_check().expect("check"), strings(&["ok"]));
}

#[test]
fn a_backup_moved_without_its_images_restores_the_text_and_names_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let elsewhere = tempfile::tempdir().expect("elsewhere");
    let (moved, id) = {
        let library = Library::open_in(dir.path()).expect("open");
        let id = id_of(&library.add_image(&photo(31), None).expect("add"));
        let backup = library.backup_now().expect("backup");
        let moved = elsewhere.path().join("library-20260101-000000.db");
        std::fs::copy(&backup.path, &moved).expect("copy the .db only");
        (moved, id)
    };
    std::fs::remove_dir_all(dir.path().join("images")).expect("lose the images");
    let report = restore_backup(dir.path(), &moved).expect("restore");
    assert_eq!(report.missing_images, vec![id.to_string()]);
}

#[test]
fn backups_forget_images_no_backup_lists_any_more() {
    let (dir, library) = temp_library();
    let id = id_of(&library.add_image(&photo(40), None).expect("add"));
    library.backup_now().expect("backup");
    let saved_file = dir
        .path()
        .join("backups/images")
        .join(&id.as_str()[..2])
        .join(id.as_str());
    assert!(saved_file.exists());
    assert_eq!(
        library.collect_images_added_before(LATER).expect("collect"),
        1
    );
    for _ in 0..BACKUPS_KEPT {
        library.backup_now().expect("backup");
    }
    // The first backup was pruned; no backup left lists the image.
    assert!(!saved_file.exists());
}

#[test]
fn placing_an_image_needs_alt_text_unless_decorative() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("Édito", "Le texte."))
        .expect("create");
    let id = id_of(&library.add_image(&photo(50), None).expect("add"));
    let end = |alt: &str| ImagePlacement::EndOfBody { alt: alt.into() };
    let err = library
        .place_image(piece.id, &id, &end("  "))
        .expect_err("no alt");
    assert!(
        matches!(err, LibraryError::Invalid { field: "alt", .. }),
        "{err:?}"
    );
    let decorative = ImageText {
        decorative: true,
        ..ImageText::default()
    };
    library.describe_image(&id, &decorative).expect("describe");
    let placed = library.place_image(piece.id, &id, &end("")).expect("place");
    assert_eq!(
        placed.fields.body,
        format!("Le texte.\n\n![]({})\n", id.reference())
    );
    let placed = library
        .place_image(piece.id, &id, &ImagePlacement::Lead)
        .expect("lead");
    assert_eq!(placed.fields.lead_image, Some(id.reference()));
}
