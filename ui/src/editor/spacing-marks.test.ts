import { describe, expect, it } from "vitest";
import { spacingMarks } from "./spacing-marks";

describe("visible French spacing", () => {
  it("marks no-break and narrow no-break spaces with their own class", () => {
    const set = spacingMarks([{ from: 10, text: "Note\u00A0: vrai\u202F?" }]);
    const found: [number, number, string][] = [];
    set.between(0, 100, (from, to, deco) => void found.push([from, to, deco.spec.class]));
    expect(found).toEqual([
      [14, 15, "cm-nbsp"],
      [21, 22, "cm-nnbsp"],
    ]);
  });

  it("leaves ordinary spaces unmarked", () => {
    expect(spacingMarks([{ from: 0, text: "un deux trois" }]).size).toBe(0);
  });
});
