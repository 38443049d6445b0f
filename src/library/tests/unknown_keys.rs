//! Unknown front-matter keys (`extra`): stored with the piece, kept by saves that leave them
//! out, snapshotted in revisions and brought back by a restore.

use super::*;

fn extra(pairs: &[(&str, serde_json::Value)]) -> Extra {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

#[test]
fn extra_is_stored_and_read_back() {
    let (_dir, library) = temp_library();
    let keys = extra(&[
        ("aliases", serde_json::json!(["/2002/04/edito"])),
        ("params", serde_json::json!({"a": [1, 2.5, true, null]})),
    ]);
    let piece = library
        .create_piece(&NewPiece {
            extra: keys.clone(),
            ..new_piece("Édito", "Texte")
        })
        .expect("create");
    assert_eq!(piece.extra, keys);
    assert_eq!(library.get_piece(piece.id).expect("get"), piece);
    let json = serde_json::to_value(&piece).expect("json");
    assert_eq!(json["extra"]["aliases"][0], "/2002/04/edito");
}

#[test]
fn a_save_without_extra_keeps_it() {
    // An editor that does not show the unknown keys must not erase them by leaving them out.
    let (_dir, library) = temp_library();
    let keys = extra(&[("weight", serde_json::json!(3))]);
    let piece = library
        .create_piece(&NewPiece {
            extra: keys.clone(),
            ..new_piece("T", "v1")
        })
        .expect("create");
    let json = serde_json::json!({
        "id": piece.id, "base_version": piece.version, "kind": "save_point",
        "title": "T", "body": "v2",
    });
    let edit: PieceEdit = serde_json::from_value(json.clone()).expect("edit from the UI");
    assert_eq!(edit.extra, None);
    let mut with_extra = json.clone();
    with_extra["extra"] = serde_json::json!({"weight": 4});
    let sent: PieceEdit = serde_json::from_value(with_extra).expect("edit with extra");
    assert_eq!(sent.extra, Some(extra(&[("weight", serde_json::json!(4))])));
    let saved = library.save_piece(&edit).expect("save");
    assert_eq!(saved.extra, keys);
    assert_eq!(library.get_piece(piece.id).expect("get").extra, keys);
}

#[test]
fn changing_only_extra_is_a_save_with_a_revision_and_restore_brings_it_back() {
    let (_dir, library) = temp_library();
    let before = extra(&[("layout", serde_json::json!("editorial"))]);
    let piece = library
        .create_piece(&NewPiece {
            extra: before.clone(),
            ..new_piece("T", "corps")
        })
        .expect("create");
    let mut edit = edit_body(&piece, "corps", SaveKind::SavePoint);
    edit.extra = Some(extra(&[("layout", serde_json::json!("wide"))]));
    let saved = library.save_piece(&edit).expect("save");
    assert_eq!(
        saved.version,
        piece.version + 1,
        "an extra-only change is a change"
    );
    assert_eq!(saved.extra["layout"], "wide");
    let history = library.list_revisions(piece.id).expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(
        library
            .get_revision(piece.id, history[0].number)
            .expect("revision")
            .extra,
        before
    );
    let diff = library
        .diff_with_current(piece.id, history[0].number)
        .expect("diff");
    let fields: Vec<&str> = diff.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["extra"], "an extra-only change shows in the diff");
    let restored = library
        .restore_revision(piece.id, history[0].number)
        .expect("restore");
    assert_eq!(restored.extra, before);
    // The same extra again changes nothing.
    let mut same = edit_body(&restored, "corps", SaveKind::SavePoint);
    same.extra = Some(before);
    assert_eq!(
        library.save_piece(&same).expect("save").version,
        restored.version
    );
}
