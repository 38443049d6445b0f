//! Unit tests of the library against a real SQLite file in a temporary directory.

use super::*;

mod backups;
mod bad_input;
mod images;
mod pieces;
mod revisions;
mod search;
mod tags;
mod unknown_keys;
mod upgrade;

pub(super) fn temp_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("open library");
    (dir, library)
}

/// A piece with this title and body, other fields default.
pub(super) fn new_piece(title: &str, body: &str) -> NewPiece {
    NewPiece {
        fields: PieceFields {
            title: title.into(),
            body: body.into(),
            ..PieceFields::default()
        },
        ..NewPiece::default()
    }
}

/// An edit of `piece` based on its current version, changing the body.
pub(super) fn edit_body(piece: &Piece, body: &str, kind: SaveKind) -> PieceEdit {
    PieceEdit {
        id: piece.id,
        base_version: piece.version,
        kind,
        fields: PieceFields {
            body: body.into(),
            ..piece.fields.clone()
        },
        slug: None,
        tags: None,
        extra: None,
    }
}

pub(super) fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}
