import { describe, expect, it } from "vitest";
import type { Piece } from "../api/ipc";
import { samplePiece as makePiece } from "../api/sample-piece";
import { filterOf, matchesFilter, summaryOf } from "./sidebar";

const piece: Piece = makePiece({
  id: 3, slug: "budget", title: "Le budget", kicker: "", standfirst: "", body: "Texte.", author: "", author_role: "",
  category: "Société", lang: "fr", publication_date: "2026-12-01", issue_number: null, target_signs: null,
  status: "review", tags: ["Économie", "communes"], version: 2,
});

describe("sidebar rows after a save", () => {
  it("a list row is the saved piece's summary", () => {
    expect(summaryOf(piece)).toEqual({ id: 3, title: "Le budget", slug: "budget", status: "review", tags: ["Économie", "communes"], category: "Société", updated_at: "u", publication_date: "2026-12-01" });
  });

  it("tells whether the saved piece belongs in the filtered list, by the library's rules", () => {
    const row = summaryOf(piece);
    const range = (published_from: string | null, published_to: string | null) => ({ published_from, published_to });
    expect(matchesFilter(row, filterOf("", "", []))).toBe(true);
    expect(matchesFilter(row, filterOf("review", "Société", ["economie"]))).toBe(true);
    expect(matchesFilter(row, filterOf("draft", "", []))).toBe(false);
    expect(matchesFilter(row, filterOf("", "Culture", []))).toBe(false);
    expect(matchesFilter(row, filterOf("", "", ["économie", "budget"]))).toBe(false);
    // Both ends of a date range are included; an undated piece falls in no range.
    expect(matchesFilter(row, filterOf("", "", [], range("2026-12-01", "2026-12-01")))).toBe(true);
    expect(matchesFilter(row, filterOf("", "", [], range(null, "2026-11-30")))).toBe(false);
    expect(matchesFilter({ ...row, publication_date: null }, filterOf("", "", [], range("2026-01-01", null)))).toBe(false);
  });
});
