import { describe, expect, it } from "vitest";
import { gluedRuns, spacingMarks } from "./spacing-marks";

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

describe("runs glued by no-break spaces", () => {
  const runs = (text: string) => {
    const found: string[] = [];
    gluedRuns([{ from: 0, text }]).between(0, text.length, (from, to) => void found.push(text.slice(from, to)));
    return found;
  };

  it("takes the words on both sides of each no-break space, chained", () => {
    expect(runs("Il était là\u00A0: 200\u202F000 lecteurs, «\u00A0non\u00A0».")).toEqual(["là\u00A0:", "200\u202F000", "«\u00A0non\u00A0»."]);
  });

  it("leaves text without no-break spaces alone", () => {
    expect(runs("un deux trois")).toEqual([]);
  });
});
