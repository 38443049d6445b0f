// French spacing made visible: no-break (U+00A0) and narrow no-break (U+202F) spaces get a
// faint marker, so the writer sees which spaces will never break a line.
import { RangeSetBuilder, type Extension } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";

const nbsp = Decoration.mark({ class: "cm-nbsp", attributes: { title: "espace insécable" } });
const nnbsp = Decoration.mark({ class: "cm-nnbsp", attributes: { title: "espace fine insécable" } });
const SPACES = /[\u00A0\u202F]/g;

/** Decorations for the no-break spaces of `text`, which starts at document offset `offset`. */
export function spacingMarks(ranges: { from: number; text: string }[]): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, text } of ranges) {
    for (const match of text.matchAll(SPACES)) {
      const pos = from + (match.index ?? 0);
      builder.add(pos, pos + 1, match[0] === "\u00A0" ? nbsp : nnbsp);
    }
  }
  return builder.finish();
}

function visible(view: EditorView): DecorationSet {
  return spacingMarks(view.visibleRanges.map(({ from, to }) => ({ from, text: view.state.sliceDoc(from, to) })));
}

const theme = EditorView.baseTheme({
  ".cm-nbsp, .cm-nnbsp": { borderRadius: "2px" },
  ".cm-nbsp": { backgroundColor: "rgba(163, 57, 31, 0.16)" },
  ".cm-nnbsp": { backgroundColor: "rgba(31, 95, 191, 0.20)" },
  "&dark .cm-nbsp": { backgroundColor: "rgba(240, 140, 110, 0.28)" },
  "&dark .cm-nnbsp": { backgroundColor: "rgba(120, 170, 255, 0.30)" },
});

/** Only the visible part of the piece is scanned: cheap on a 20,000-word piece. */
export function spacingMarksExtension(): Extension {
  return [
    ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(view: EditorView) {
          this.decorations = visible(view);
        }
        update(update: ViewUpdate) {
          if (update.docChanged || update.viewportChanged) this.decorations = visible(update.view);
        }
      },
      { decorations: (plugin) => plugin.decorations },
    ),
    theme,
  ];
}
