// A whole `Piece` for unit tests, every field set: the one place a test fixture names them
// all, so a field added in Rust (and so in ./generated.ts) is added to the tests here once.
import type { Piece } from "./types";

/** A stored piece with every field set, `overrides` applied on top. */
export function samplePiece(overrides: Partial<Piece> = {}): Piece {
  return {
    id: 7, slug: "t", title: "T", kicker: "K", standfirst: "S", body: "B", author: "A", author_role: "R",
    category: "C", lang: "en", publication_date: "2026-12-01", issue_number: 12, target_signs: 3000, lead_image: null,
    status: "draft", tags: ["x"], extra: {}, created_at: "c", updated_at: "u", version: 4, trashed_at: null,
    ...overrides,
  };
}
