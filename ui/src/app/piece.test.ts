import { describe, expect, it } from "vitest";
import type { Piece } from "../api/ipc";
import { editOf } from "./piece";

export const samplePiece: Piece = {
  id: 7, slug: "t", title: "T", kicker: "K", standfirst: "S", body: "B", author: "A", author_role: "R",
  category: "C", lang: "en", publication_date: "2026-12-01", issue_number: 12, target_signs: 3000,
  status: "draft", tags: ["x"], extra: {}, created_at: "c", updated_at: "u", version: 4, trashed_at: null,
};

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
