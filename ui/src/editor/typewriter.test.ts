import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { typewriterMode } from "./typewriter";

function scrollTargets(userEvent: string) {
  const state = EditorState.create({ doc: "un\ndeux\ntrois", extensions: [typewriterMode()] });
  const tr = state.update({ changes: { from: 3, insert: "x" }, selection: { anchor: 4 }, userEvent });
  return tr.effects.map((e) => e.value as { y?: string; range?: { head: number } });
}

describe("typewriter mode", () => {
  it("asks to centre the cursor when the writer types", () => {
    const targets = scrollTargets("input.type");
    expect(targets).toHaveLength(1);
    expect(targets[0].y).toBe("center");
    expect(targets[0].range?.head).toBe(4);
  });

  it("leaves changes made by code alone (loading, remote edits)", () => {
    expect(scrollTargets("")).toHaveLength(0);
  });
});
