import { describe, expect, it } from "vitest";
import { dateOrNull, distinctSorted, numberOrNull, parseTags } from "./fields";

describe("metadata fields", () => {
  it("numbers: empty and invalid are null, whole numbers pass", () => {
    expect(numberOrNull("")).toBeNull();
    expect(numberOrNull("12")).toBe(12);
    expect(numberOrNull("-3")).toBeNull();
    expect(numberOrNull("1.5")).toBeNull();
  });

  it("dates: only YYYY-MM-DD", () => {
    expect(dateOrNull("2026-12-01")).toBe("2026-12-01");
    expect(dateOrNull("")).toBeNull();
  });

  it("tags: comma separated, trimmed, repeats in any case dropped", () => {
    expect(parseTags(" Élections, élections ,budget  local,, ")).toEqual(["Élections", "budget local"]);
  });

  it("categories: distinct, French order", () => {
    expect(distinctSorted(["Société", "", "Économie", "Société", "Culture"])).toEqual(["Culture", "Économie", "Société"]);
  });
});
