// Focus mode: everything but the paragraph being written fades, iA Writer style. Only the
// current paragraph's lines are decorated; a class on the editor dims the rest by CSS, so a
// long piece costs nothing more.
import type { EditorState, Extension, Text } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";

/** The line numbers (1-based, inclusive) of the paragraph holding `pos`: the run of non-blank lines. */
export function paragraphAt(doc: Text, pos: number): { first: number; last: number } {
  const here = doc.lineAt(pos).number;
  if (doc.line(here).text.trim() === "") return { first: here, last: here };
  let first = here;
  while (first > 1 && doc.line(first - 1).text.trim() !== "") first--;
  let last = here;
  while (last < doc.lines && doc.line(last + 1).text.trim() !== "") last++;
  return { first, last };
}

const current = Decoration.line({ class: "cm-focus-current" });

export function focusDecorations(state: EditorState): DecorationSet {
  const { first, last } = paragraphAt(state.doc, state.selection.main.head);
  const ranges = [];
  for (let n = first; n <= last; n++) ranges.push(current.range(state.doc.line(n).from));
  return Decoration.set(ranges);
}

const theme = EditorView.baseTheme({
  "&.cm-focus-mode .cm-line": { opacity: "0.3", transition: "opacity 160ms ease" },
  "&.cm-focus-mode .cm-line.cm-focus-current": { opacity: "1" },
});

export function focusMode(): Extension {
  return [
    EditorView.editorAttributes.of({ class: "cm-focus-mode" }),
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = focusDecorations(view.state);
        }
        update(update: ViewUpdate) {
          if (update.docChanged || update.selectionSet) this.decorations = focusDecorations(update.state);
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
    theme,
  ];
}
