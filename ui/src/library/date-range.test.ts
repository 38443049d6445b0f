// Tests of the publication-date range: open sides, inclusive days, and a reversed range explained.
import { describe, expect, it } from "vitest";
import { dateRange } from "./date-range";
import { filterOf, renamedFilter } from "./sidebar";

describe("publication-date range", () => {
  it("leaves an empty side open", () => {
    expect(dateRange("", "")).toEqual({ ok: true, published_from: null, published_to: null });
    expect(dateRange("2026-01-01", "")).toEqual({ ok: true, published_from: "2026-01-01", published_to: null });
    expect(dateRange("", "2026-12-31")).toEqual({ ok: true, published_from: null, published_to: "2026-12-31" });
  });

  it("accepts a single day (both bounds are inclusive)", () => {
    expect(dateRange("2026-03-05", "2026-03-05")).toEqual({ ok: true, published_from: "2026-03-05", published_to: "2026-03-05" });
  });

  it("explains a range that ends before it starts instead of listing nothing", () => {
    const range = dateRange("2026-03-06", "2026-03-05");
    expect(range.ok).toBe(false);
    if (!range.ok) expect(range.message).toMatch(/après la date de fin/);
  });

  it("refuses what is not a day", () => {
    expect(dateRange("5 mars", "").ok).toBe(false);
  });

  it("combines with status, category and tags in one filter", () => {
    expect(filterOf("published", "Société", ["budget"], { published_from: "2026-01-01", published_to: null })).toEqual({
      statuses: ["published"],
      category: "Société",
      tags: ["budget"],
      published_from: "2026-01-01",
      published_to: null,
    });
  });
});

describe("tag filter after a rename", () => {
  it("follows the renamed tag and collapses a merge into one entry", () => {
    expect(renamedFilter(["Écologie", "budget"], "ecologie", "environnement")).toEqual(["environnement", "budget"]);
    expect(renamedFilter(["a", "b"], "a", "b")).toEqual(["b"]);
  });
});
