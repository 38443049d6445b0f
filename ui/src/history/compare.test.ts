// Tests of the revision pair shown by the history: current text by default, older → newer.
import { describe, expect, it } from "vitest";
import type { RevisionSummary } from "../api/ipc";
import { compareChoices, comparePair, otherOf } from "./compare";

const rev = (number: number): RevisionSummary => ({ number, reason: "save_point", version: number, title: "", saved_at: "", kept_at: "" });

describe("revision pair", () => {
  it("compares with the current text unless another revision is chosen", () => {
    expect(comparePair(3, null)).toEqual({ from: 3, to: null });
    expect(comparePair(3, 3)).toEqual({ from: 3, to: null });
  });

  it("orders two revisions older → newer whichever was picked first", () => {
    expect(comparePair(2, 5)).toEqual({ from: 2, to: 5 });
    expect(comparePair(5, 2)).toEqual({ from: 2, to: 5 });
  });

  it("offers every revision but the one selected", () => {
    expect(compareChoices([rev(3), rev(2), rev(1)], 2).map((r) => r.number)).toEqual([3, 1]);
  });

  it("reads the select's value: empty is the current text", () => {
    expect(otherOf("")).toBeNull();
    expect(otherOf("4")).toBe(4);
    expect(otherOf("x")).toBeNull();
  });
});
