// French spacing made visible: no-break (U+00A0) and narrow no-break (U+202F) spaces get a
// faint marker, so the writer sees which spaces will never break a line. And they never do:
// WebKitGTK wraps CodeMirror's `break-spaces` lines *before* a no-break space that does not fit
// ("là" / ": 200 000"), marker or not, so each run of words glued by such spaces is drawn
// `white-space: pre` (always, whether the markers are shown or not). Not `nowrap`: in a
// collapsing context WebKit turns a space typed at the run's edge into U+00A0.
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

const glued = Decoration.mark({ class: "cm-glued" });
/** Words joined by no-break spaces: "là\u00A0:", "«\u00A0non\u00A0»", "200\u202F000". */
const GLUED_RUNS = /[^\s]*(?:[\u00A0\u202F]+[^\s]*)+/g;

/** One decoration per run of words glued by no-break spaces, which must stay on one line. */
export function gluedRuns(ranges: { from: number; text: string }[]): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, text } of ranges) {
    for (const match of text.matchAll(GLUED_RUNS)) {
      const start = from + (match.index ?? 0);
      builder.add(start, start + match[0].length, glued);
    }
  }
  return builder.finish();
}

type Ranges = { from: number; text: string }[];

function visibleText(view: EditorView): Ranges {
  return view.visibleRanges.map(({ from, to }) => ({ from, text: view.state.sliceDoc(from, to) }));
}

/** A view plugin drawing `build(visible text)`, rebuilt when the text or the viewport moves. */
function onVisibleText(build: (ranges: Ranges) => DecorationSet): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(visibleText(view));
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged) this.decorations = build(visibleText(update.view));
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

const theme = EditorView.baseTheme({
  ".cm-nbsp, .cm-nnbsp": { borderRadius: "2px" },
  ".cm-nbsp": { backgroundColor: "rgba(163, 57, 31, 0.16)" },
  ".cm-nnbsp": { backgroundColor: "rgba(31, 95, 191, 0.20)" },
  "&dark .cm-nbsp": { backgroundColor: "rgba(240, 140, 110, 0.28)" },
  "&dark .cm-nnbsp": { backgroundColor: "rgba(120, 170, 255, 0.30)" },
});

/** The markers. Only the visible part of the piece is scanned: cheap on a 20,000-word piece. */
export function spacingMarksExtension(): Extension {
  return [onVisibleText(spacingMarks), theme];
}

/** Lines never break inside a run of glued words (always on: it is how the text reads). */
export function noBreakAtNoBreakSpaces(): Extension {
  // `[^\s]` above already stops at U+00A0/U+202F (JavaScript counts them as \s), so a run
  // holds no breakable space and `pre` changes nothing else.
  return [onVisibleText(gluedRuns), EditorView.baseTheme({ ".cm-glued": { whiteSpace: "pre" } })];
}
