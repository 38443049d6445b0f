import { describe, expect, it } from "vitest";
import type { Piece } from "../api/ipc";
import { samplePiece as makePiece } from "../api/sample-piece";
import { editOf } from "./piece";

const samplePiece: Piece = makePiece();

describe("piece edits", () => {
  it("a save sends every editable field, the base version and the kind, never the tags", () => {
    const edit = editOf(samplePiece, "autosave");
    expect(edit).toMatchObject({ id: 7, base_version: 4, kind: "autosave", tags: null, slug: "t", lang: "en", target_signs: 3000 });
    for (const field of ["title", "kicker", "standfirst", "body", "author", "author_role", "category", "publication_date", "issue_number"] as const) {
      expect(edit[field]).toBe(samplePiece[field]);
    }
  });

  it("a save point on top of another version names that version", () => {
    expect(editOf(samplePiece, "save_point", 9)).toMatchObject({ base_version: 9, kind: "save_point" });
  });
});
