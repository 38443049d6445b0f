import { describe, expect, it } from "vitest";
import { filterDrafts } from "./draft-list";

const drafts = [
  { id: 1, title: "Éditorial de mars", updated_at: "" },
  { id: 2, title: "Le budget des communes", updated_at: "" },
  { id: 3, title: "", updated_at: "" },
];

describe("library search box", () => {
  it("keeps titles containing every word, ignoring accents and case", () => {
    expect(filterDrafts(drafts, "editorial").map((d) => d.id)).toEqual([1]);
    expect(filterDrafts(drafts, "COMMUNES budget").map((d) => d.id)).toEqual([2]);
    expect(filterDrafts(drafts, "sans titre").map((d) => d.id)).toEqual([3]);
    expect(filterDrafts(drafts, "zzz")).toEqual([]);
  });

  it("an empty search shows everything", () => {
    expect(filterDrafts(drafts, "  ")).toHaveLength(3);
  });
});
