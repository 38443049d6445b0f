// The piece the desk edits: what the library gives (a draft) plus the editorial fields the
// desk shows above the body. The library branch fills `kicker`, `standfirst`, `lang` and
// `target_signs` from the piece record; until then they live in memory for the session.
import type { Draft, DraftEdit } from "../api/ipc";

export interface PieceState {
  id: number;
  /** Surtitre, above the title. */
  kicker: string;
  title: string;
  /** Chapô, the standfirst under the title. */
  standfirst: string;
  /** Markdown body. */
  body: string;
  /** Language of the piece ("fr", "en"…): spell checking and French spacing follow it. */
  lang: string;
  /** Target length in signes (characters with spaces); none = no gauge. */
  target_signs?: number;
  updated_at: string;
}

/** A draft from the backend as the desk's piece; fields the backend does not send yet get defaults. */
export function pieceFromDraft(draft: Draft, remembered: Partial<PieceState> = {}): PieceState {
  const extra = draft as Draft & Partial<PieceState>;
  return {
    id: draft.id,
    title: draft.title,
    body: draft.body,
    updated_at: draft.updated_at,
    kicker: extra.kicker ?? remembered.kicker ?? "",
    standfirst: extra.standfirst ?? remembered.standfirst ?? "",
    lang: extra.lang ?? remembered.lang ?? "fr",
    target_signs: extra.target_signs ?? remembered.target_signs,
  };
}

/** What the Autosaver sends for `piece`. */
export function editOf(piece: PieceState): DraftEdit {
  return { id: piece.id, title: piece.title, body: piece.body, kicker: piece.kicker, standfirst: piece.standfirst };
}
