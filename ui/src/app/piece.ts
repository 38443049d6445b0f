// The piece the desk edits is the library's `Piece`; this module says what a save sends.
import type { Piece, PieceEdit, SaveKind } from "../api/ipc";

export type PieceState = Piece;

/** What a save sends for `piece`: every editable field, based on `baseVersion`. Tags are
 *  left out (`null`) so a save never undoes a tag change made through the tag calls. */
export function editOf(piece: PieceState, kind: SaveKind, baseVersion = piece.version): PieceEdit {
  return {
    id: piece.id,
    base_version: baseVersion,
    kind,
    title: piece.title,
    kicker: piece.kicker,
    standfirst: piece.standfirst,
    body: piece.body,
    author: piece.author,
    author_role: piece.author_role,
    category: piece.category,
    lang: piece.lang,
    publication_date: piece.publication_date,
    issue_number: piece.issue_number,
    target_signs: piece.target_signs,
    slug: piece.slug,
    tags: null,
  };
}
