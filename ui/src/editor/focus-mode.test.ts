import { EditorState, Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { focusDecorations, paragraphAt } from "./focus-mode";

const doc = Text.of(["Premier", "paragraphe.", "", "Deuxième", "long", "paragraphe.", "", "Fin."]);

describe("focus mode", () => {
  it("finds the paragraph around the cursor", () => {
    expect(paragraphAt(doc, doc.line(5).from)).toEqual({ first: 4, last: 6 });
    expect(paragraphAt(doc, 0)).toEqual({ first: 1, last: 2 });
    expect(paragraphAt(doc, doc.line(8).to)).toEqual({ first: 8, last: 8 });
    expect(paragraphAt(doc, doc.line(3).from)).toEqual({ first: 3, last: 3 });
  });

  it("decorates only the lines of the current paragraph", () => {
    const state = EditorState.create({ doc, selection: { anchor: doc.line(4).from + 2 } });
    const lines: number[] = [];
    focusDecorations(state).between(0, doc.length, (from) => void lines.push(doc.lineAt(from).number));
    expect(lines).toEqual([4, 5, 6]);
  });
});
