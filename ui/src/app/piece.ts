// The piece the desk edits is the library's `Piece`; this module says what a save sends.
import type { Piece, PieceEdit, SaveKind } from "../api/ipc";

export type PieceState = Piece;

/** What a save sends for `piece`: every editable field (whatever `PieceFields` holds: a field
 *  added in Rust reaches the save through the generated types, not a hand copy), based on
 *  `baseVersion`. Tags and unknown front-matter keys are left out (`null`: kept as stored), so a
 *  save never undoes a tag change made through the tag calls. */
export function editOf(piece: PieceState, kind: SaveKind, baseVersion = piece.version): PieceEdit {
  const { id, slug, version: _version, status: _status, tags: _tags, extra: _extra, created_at: _created, updated_at: _updated, trashed_at: _trashed, ...fields } = piece;
  return { ...fields, id, base_version: baseVersion, kind, slug, tags: null, extra: null };
}
