//! Bad input and hostile conditions: each gives a clear error and loses nothing.

use std::time::Duration;

use super::*;

#[test]
fn a_file_that_is_not_a_database_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(crate::paths::LIBRARY_FILE);
    std::fs::write(
        &path,
        "ceci n'est pas une base de données, mais un texte assez long".repeat(20),
    )
    .expect("write");
    let err = Library::open_in(dir.path()).expect_err("must fail");
    assert!(matches!(err, LibraryError::NotALibrary { .. }), "{err:?}");
    assert!(err.to_string().contains("backup"));
    // The user's file is untouched: nothing was written over it.
    assert!(std::fs::read_to_string(&path)
        .expect("read")
        .starts_with("ceci n'est pas"));
}

#[test]
fn a_corrupted_library_names_the_newest_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let backup = {
        let library = Library::open_in(dir.path()).expect("open");
        for i in 0..50 {
            library
                .create_piece(&new_piece(&format!("Pièce {i}"), &"du texte ".repeat(500)))
                .expect("create");
        }
        library.backup_now().expect("backup")
    };
    // Closing checkpointed the WAL into the file; now scribble over everything but page 1.
    let path = dir.path().join(crate::paths::LIBRARY_FILE);
    let mut bytes = std::fs::read(&path).expect("read");
    for byte in bytes.iter_mut().skip(4096) {
        *byte = 0xA5;
    }
    std::fs::write(&path, bytes).expect("corrupt");
    let err = match Library::open_in(dir.path()) {
        Err(err) => err,
        Ok(library) => library
            .list_pieces(&PieceFilter::default())
            .expect_err("reading a corrupted table fails"),
    };
    assert!(
        matches!(
            err,
            LibraryError::Corrupt { .. } | LibraryError::NotALibrary { .. }
        ),
        "{err:?}"
    );
    let name = backup
        .path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(err.to_string().contains(&name), "{err}");
    assert!(err.to_string().contains("edito backup --restore"), "{err}");
}

#[test]
fn a_data_dir_that_cannot_be_created_is_a_data_dir_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("un-fichier");
    std::fs::write(&file, "x").expect("write");
    // Root ignores permission bits, but nobody can create a folder inside a regular file.
    let err = Library::open_in(&file.join("edito")).expect_err("must fail");
    assert!(matches!(err, LibraryError::DataDir { .. }), "{err:?}");
    assert!(err.to_string().contains("--data-dir"));
}

#[test]
fn a_read_only_library_refuses_writes_and_keeps_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = {
        let library = Library::open_in(dir.path()).expect("open");
        library
            .create_piece(&new_piece("T", "intact"))
            .expect("create")
            .id
    };
    // Tests run as root, for whom chmod does not make a folder read-only; opening with
    // SQLITE_OPEN_READ_ONLY gives SQLite the same refusal a read-only medium would.
    let library =
        Library::open_read_only(&dir.path().join(crate::paths::LIBRARY_FILE)).expect("open ro");
    let piece = library.get_piece(id).expect("reads work");
    let err = library
        .save_piece(&edit_body(&piece, "perdu ?", SaveKind::SavePoint))
        .expect_err("write refused");
    assert!(matches!(err, LibraryError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("read-only"));
    assert_eq!(library.get_piece(id).expect("get").fields.body, "intact");
}

// #13.18: a WAL library on a read-only mount cannot be opened even read-only (SQLite cannot
// create its `-shm`), so it is opened as immutable; a path with `%`, `?` or `#` must still
// name the same file in that URI.
#[test]
fn the_immutable_uri_names_the_same_file() {
    assert_eq!(
        super::super::immutable_uri(Path::new("/mnt/clé 100%/a?b#c/library.db")),
        "file:/mnt/clé 100%25/a%3fb%23c/library.db?immutable=1"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let odd = dir.path().join("100% ?#");
    let id = Library::open_in(&odd)
        .expect("open")
        .create_piece(&new_piece("T", "lu"))
        .expect("create")
        .id;
    let uri = super::super::immutable_uri(&odd.join(crate::paths::LIBRARY_FILE));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(uri, flags).expect("open immutable");
    let body: String = conn
        .query_row("SELECT body FROM pieces WHERE id = ?1", [id], |r| r.get(0))
        .expect("read through the URI");
    assert_eq!(body, "lu");
}

// Regression (#13.18): the window's first call, the welcome offer, is a write; on a library
// never offered it, opened read-only, it failed and the window said the library could not be
// opened instead of showing its pieces to read.
#[test]
fn a_read_only_library_is_offered_no_welcome_piece() {
    let dir = tempfile::tempdir().expect("temp dir");
    Library::open_in(dir.path())
        .expect("open")
        .create_piece(&new_piece("T", "lu"))
        .expect("create");
    let path = dir.path().join(crate::paths::LIBRARY_FILE);
    let library = Library::open_read_only(&path).expect("open ro");
    assert!(library
        .offer_welcome_piece()
        .expect("no write tried")
        .is_none());
    assert_eq!(
        library
            .list_pieces(&Default::default())
            .expect("list")
            .len(),
        1
    );
}

// A writable library is opened for writing by `open_in_or_read_only`.
#[test]
fn a_writable_library_is_not_opened_read_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in_or_read_only(dir.path()).expect("open");
    assert!(!library.is_read_only());
    let ro = Library::open_read_only(&dir.path().join(crate::paths::LIBRARY_FILE)).expect("ro");
    assert!(ro.is_read_only());
}

#[test]
fn a_locked_library_times_out_as_busy() {
    let (dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("T", "avant"))
        .expect("create");
    library
        .set_busy_timeout(Duration::from_millis(50))
        .expect("timeout");
    let other =
        rusqlite::Connection::open(dir.path().join(crate::paths::LIBRARY_FILE)).expect("other");
    other.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let err = library
        .save_piece(&edit_body(&piece, "après", SaveKind::Autosave))
        .expect_err("busy");
    assert!(matches!(err, LibraryError::Busy), "{err:?}");
    other.execute_batch("ROLLBACK").expect("unlock");
    library
        .save_piece(&edit_body(&piece, "après", SaveKind::Autosave))
        .expect("saves once the lock is gone");
}

#[test]
fn disk_full_during_save_keeps_the_previous_content() {
    let (_dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("T", "précédent"))
        .expect("create");
    {
        let conn = library.conn();
        let pages: i64 = conn
            .pragma_query_value(None, "page_count", |r| r.get(0))
            .expect("count");
        // SQLite's own quota: the file may not grow, exactly as on a full disk.
        conn.pragma_update(None, "max_page_count", pages)
            .expect("cap");
    }
    let big = "Une longue phrase qui ne tiendra pas. ".repeat(50_000);
    let err = library
        .save_piece(&edit_body(&piece, &big, SaveKind::SavePoint))
        .expect_err("disk full");
    assert!(matches!(err, LibraryError::DiskFull), "{err:?}");
    let after = library.get_piece(piece.id).expect("get");
    assert_eq!(after, piece, "nothing of the failed save is visible");
    library
        .conn()
        .pragma_update(None, "max_page_count", 1_000_000_000)
        .expect("uncap");
    library
        .save_piece(&edit_body(&piece, &big, SaveKind::SavePoint))
        .expect("saves once there is room");
}

#[test]
fn empty_and_ten_thousand_character_titles_are_kept() {
    let (_dir, library) = temp_library();
    let empty = library
        .create_piece(&new_piece("", "corps"))
        .expect("empty");
    assert_eq!(empty.fields.title, "");
    assert_eq!(empty.slug, "sans-titre");
    let long_title = "Titre très long ".repeat(625);
    assert_eq!(long_title.chars().count(), 10_000);
    let long = library
        .create_piece(&new_piece(&long_title, ""))
        .expect("long");
    assert_eq!(
        library.get_piece(long.id).expect("get").fields.title,
        long_title
    );
    assert!(long.slug.len() <= 80 && long.slug.starts_with("titre-tres-long"));
    assert!(!long.slug.ends_with('-'));
}

#[test]
fn fifty_megabyte_body_round_trips_and_larger_is_refused() {
    let (_dir, library) = temp_library();
    let body = "Paragraphe de cinquante octets, à peu près : oui.\n".repeat(1_000_000);
    assert!(body.len() >= 50_000_000);
    let piece = library
        .create_piece(&new_piece("Gros", &body))
        .expect("create");
    let saved = library
        .save_piece(&edit_body(
            &piece,
            &format!("{body}fin"),
            SaveKind::SavePoint,
        ))
        .expect("save");
    assert!(library
        .get_piece(saved.id)
        .expect("get")
        .fields
        .body
        .ends_with("fin"));
    let too_big = "x".repeat(MAX_BODY_BYTES + 1);
    assert!(matches!(
        library.create_piece(&new_piece("Trop", &too_big)),
        Err(LibraryError::Invalid { field: "body", .. })
    ));
}

#[test]
fn colliding_slugs_get_numbered_suffixes() {
    let (_dir, library) = temp_library();
    let slugs: Vec<String> = (0..3)
        .map(|_| {
            library
                .create_piece(&new_piece("L'édito", ""))
                .expect("c")
                .slug
        })
        .collect();
    assert_eq!(slugs, strings(&["l-edito", "l-edito-2", "l-edito-3"]));
}

#[test]
fn slugs_cannot_traverse_paths() {
    let (_dir, library) = temp_library();
    for wanted in [
        "../../etc/passwd",
        "/absolu",
        "..\\windows\\system32",
        "a/../b",
        "..",
    ] {
        let mut new = new_piece("T", "");
        new.slug = Some(wanted.into());
        let slug = library.create_piece(&new).expect("create").slug;
        assert!(
            !slug.is_empty()
                && slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{wanted} gave {slug}"
        );
        assert!(!slug.starts_with('-') && !slug.contains(".."));
    }
}

#[test]
fn invalid_dates_are_refused_with_the_format() {
    let (_dir, library) = temp_library();
    let mut new = new_piece("T", "");
    new.fields.publication_date = Some("2026-02-30".into());
    let err = library.create_piece(&new).expect_err("refused");
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
}

// Regression (#13.14): 8 KB of random bytes in the middle of library.db went unnoticed: list,
// new and tag kept writing into the damaged file. The change is caught at open, because the
// file no longer matches the seal Edito left at close.
#[test]
fn random_bytes_in_the_middle_of_the_library_are_caught_at_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let library = Library::open_in(dir.path()).expect("open");
        for i in 0..60 {
            library
                .create_piece(&new_piece(&format!("Pièce {i}"), &"du texte ".repeat(400)))
                .expect("create");
        }
        library.backup_now().expect("backup");
    }
    let path = dir.path().join(crate::paths::LIBRARY_FILE);
    let mut bytes = std::fs::read(&path).expect("read");
    let middle = bytes.len() / 2;
    let mut x: u32 = 0x9e37_79b9;
    for byte in &mut bytes[middle..middle + 8192] {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *byte = x as u8;
    }
    std::fs::write(&path, &bytes).expect("damage");
    let err = Library::open_in(dir.path()).expect_err("damage is caught before any write");
    assert!(matches!(err, LibraryError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("edito backup --restore"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "nothing written"
    );
}

// The seal makes the check cheap: an untouched library is not read through at open, and a
// library closed cleanly is sealed.
#[test]
fn a_library_closed_cleanly_is_sealed_and_reopened_without_the_full_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(crate::paths::LIBRARY_FILE);
    drop(Library::open_in(dir.path()).expect("open"));
    assert_eq!(
        super::super::seal::sealed(&path),
        super::super::seal::stamp_of(&path)
    );
}

// Regression (#13.15): the -wal deleted while Edito writes gave "disk I/O error" to the next
// writer, and the first one kept "saving" into a deleted file. Both now say the library's
// files changed under Edito and what to do.
#[test]
fn a_wal_deleted_under_a_writer_says_the_files_changed() {
    let (dir, library) = temp_library();
    let piece = library
        .create_piece(&new_piece("T", "avant"))
        .expect("create");
    for suffix in ["-wal", "-shm"] {
        std::fs::remove_file(dir.path().join(format!("library.db{suffix}"))).expect("delete");
    }
    let err = library
        .save_piece(&edit_body(&piece, "après", SaveKind::SavePoint))
        .expect_err("a save into a deleted -wal is not reported saved");
    assert!(matches!(err, LibraryError::FilesChanged { .. }), "{err:?}");
    assert!(
        err.to_string().contains("close every Edito window"),
        "{err}"
    );
    let err = Library::open_in(dir.path()).expect_err("another writer is told too");
    assert!(matches!(err, LibraryError::FilesChanged { .. }), "{err:?}");
}
