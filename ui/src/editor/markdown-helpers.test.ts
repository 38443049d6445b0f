import { insertNewlineContinueMarkup, markdown } from "@codemirror/lang-markdown";
import { EditorSelection, EditorState, type StateCommand } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { insertLink, linkOnPaste, quoteMarkerInput, toggleLinePrefix, toggleWrap } from "./markdown-helpers";

function run(command: StateCommand, doc: string, anchor: number, head = anchor): EditorState {
  let state = EditorState.create({ doc, selection: EditorSelection.single(anchor, head), extensions: [markdown()] });
  command({ state, dispatch: (tr) => (state = tr.state) });
  return state;
}

describe("Markdown helpers", () => {
  it("Ctrl+B wraps the selection in ** and a second time unwraps it", () => {
    const bold = run(toggleWrap("**"), "un mot ici", 3, 6);
    expect(bold.doc.toString()).toBe("un **mot** ici");
    expect(bold.sliceDoc(bold.selection.main.from, bold.selection.main.to)).toBe("mot");
    const plain = run(toggleWrap("**"), bold.doc.toString(), bold.selection.main.from, bold.selection.main.to);
    expect(plain.doc.toString()).toBe("un mot ici");
  });

  it("Ctrl+I with no selection leaves the cursor between the marks", () => {
    const state = run(toggleWrap("_"), "ab", 1);
    expect(state.doc.toString()).toBe("a__b");
    expect(state.selection.main.head).toBe(2);
  });

  it("Ctrl+K makes a link with the placeholder URL selected", () => {
    const state = run(insertLink, "voir le site", 8, 12);
    expect(state.doc.toString()).toBe("voir le [site](url)");
    expect(state.sliceDoc(state.selection.main.from, state.selection.main.to)).toBe("url");
  });

  it("heading, list and quote shortcuts set and toggle the line prefix", () => {
    expect(run(toggleLinePrefix("## "), "Titre", 2).doc.toString()).toBe("## Titre");
    expect(run(toggleLinePrefix("## "), "## Titre", 2).doc.toString()).toBe("Titre");
    expect(run(toggleLinePrefix("# "), "### Titre", 2).doc.toString()).toBe("# Titre");
    expect(run(toggleLinePrefix("- "), "un\ndeux", 0, 5).doc.toString()).toBe("- un\n- deux");
    expect(run(toggleLinePrefix("> "), "Cité", 0).doc.toString()).toBe("> Cité");
  });

  it("Enter continues a list (lang-markdown's insertNewlineContinueMarkup)", () => {
    const state = run(insertNewlineContinueMarkup, "- un", 4);
    expect(state.doc.toString()).toBe("- un\n- ");
  });

  // Issue #11: a house-style "> item" list became a nested quotation: Enter continued the
  // quote and the next typed `>` nested it (`> >`).
  it("typing > over a continued quote marker does not nest the quote", () => {
    let state = run(insertNewlineContinueMarkup, "> un", 4);
    expect(state.doc.toString()).toBe("> un\n> ");
    const at = state.doc.length;
    const spec = quoteMarkerInput(state, at, at, ">");
    expect(spec).not.toBeNull();
    state = state.update(spec!).state;
    state = state.update({ changes: { from: state.selection.main.head, insert: " deux" } }).state;
    expect(state.doc.toString()).toBe("> un\n> deux");
    // A quote typed on purpose at the start of a line, or after text, is left alone.
    const fresh = EditorState.create({ doc: "un\n", extensions: [markdown()] });
    expect(quoteMarkerInput(fresh, 3, 3, ">")).toBeNull();
  });

  it("pasting a URL over a selection makes a link", () => {
    const state = EditorState.create({ doc: "lire ceci", selection: EditorSelection.single(5, 9) });
    const spec = linkOnPaste(state, " https://exemple.fr/a ");
    expect(spec).not.toBeNull();
    expect(state.update(spec!).state.doc.toString()).toBe("lire [ceci](https://exemple.fr/a)");
  });

  it("pasting text, or a URL with nothing selected, is an ordinary paste", () => {
    const selected = EditorState.create({ doc: "lire ceci", selection: EditorSelection.single(5, 9) });
    expect(linkOnPaste(selected, "du texte")).toBeNull();
    const empty = EditorState.create({ doc: "lire", selection: EditorSelection.single(4) });
    expect(linkOnPaste(empty, "https://exemple.fr")).toBeNull();
  });
});
