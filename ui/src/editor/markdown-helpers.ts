// Markdown helpers for a writer who does not want to type syntax: bold, italic, link,
// heading, list and quote shortcuts; pasting a URL over a selection makes a link. Smart list
// continuation (Enter) comes with @codemirror/lang-markdown's keymap; typing `>` over a
// continued quote marker does not nest the quote.
import { EditorSelection, type EditorState, type Extension, type StateCommand, type TransactionSpec } from "@codemirror/state";
import { EditorView, type KeyBinding } from "@codemirror/view";

/** Wraps each selection in `mark` (`**`, `_`), or unwraps it when it is already wrapped. */
export function toggleWrap(mark: string): StateCommand {
  return ({ state, dispatch }) => {
    const tr = state.changeByRange((range) => {
      const n = mark.length;
      const before = state.sliceDoc(range.from - n, range.from);
      const after = state.sliceDoc(range.to, range.to + n);
      if (before === mark && after === mark) {
        return {
          changes: [{ from: range.from - n, to: range.from }, { from: range.to, to: range.to + n }],
          range: EditorSelection.range(range.anchor - n, range.head - n),
        };
      }
      return {
        changes: [{ from: range.from, insert: mark }, { from: range.to, insert: mark }],
        range: EditorSelection.range(range.anchor + n, range.head + n),
      };
    });
    dispatch(state.update(tr, { userEvent: "input", scrollIntoView: true }));
    return true;
  };
}

/** `[selection](url)` with `url` selected, ready to be typed or pasted over. */
export const insertLink: StateCommand = ({ state, dispatch }) => {
  const tr = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    const insert = `[${text}](url)`;
    const urlFrom = range.from + text.length + 3;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: text ? EditorSelection.range(urlFrom, urlFrom + 3) : EditorSelection.cursor(range.from + 1),
    };
  });
  dispatch(state.update(tr, { userEvent: "input", scrollIntoView: true }));
  return true;
};

const BLOCK_PREFIX = /^(#{1,6} |> |[-*+] |\d+[.)] )/;

/** Sets the prefix of every selected line (`## `, `- `, `> `); the same prefix again removes it. */
export function toggleLinePrefix(prefix: string): StateCommand {
  return ({ state, dispatch }) => {
    const changes = [];
    const seen = new Set<number>();
    for (const range of state.selection.ranges) {
      for (let pos = range.from; pos <= range.to; ) {
        const line = state.doc.lineAt(pos);
        if (!seen.has(line.number)) {
          seen.add(line.number);
          const existing = BLOCK_PREFIX.exec(line.text)?.[0] ?? "";
          const insert = existing === prefix ? "" : prefix;
          changes.push({ from: line.from, to: line.from + existing.length, insert });
        }
        pos = line.to + 1;
      }
    }
    dispatch(state.update({ changes, userEvent: "input", scrollIntoView: true }));
    return true;
  };
}

const URL = /^(https?:\/\/|mailto:)\S+$/i;

/** Pasting a URL over selected words links them instead of replacing them. */
export function linkOnPaste(state: EditorState, pasted: string): TransactionSpec | null {
  const url = pasted.trim();
  if (!URL.test(url) || state.selection.ranges.every((r) => r.empty)) return null;
  return state.changeByRange((range) => {
    if (range.empty) return { changes: { from: range.from, insert: url }, range: EditorSelection.cursor(range.from + url.length) };
    const insert = `[${state.sliceDoc(range.from, range.to)}](${url})`;
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(range.from + insert.length) };
  });
}

export const pasteLinks = EditorView.domEventHandlers({
  paste(event, view) {
    const text = event.clipboardData?.getData("text/plain") ?? "";
    const spec = linkOnPaste(view.state, text);
    if (!spec) return false;
    view.dispatch(view.state.update(spec, { userEvent: "input.paste", scrollIntoView: true }));
    event.preventDefault();
    return true;
  },
});

/** The keys, also listed in the help overlay (see app/shortcuts.ts). */
export const markdownHelperKeys: KeyBinding[] = [
  { key: "Mod-b", run: toggleWrap("**") },
  { key: "Mod-i", run: toggleWrap("_") },
  { key: "Mod-k", run: insertLink },
  { key: "Mod-Alt-1", run: toggleLinePrefix("# ") },
  { key: "Mod-Alt-2", run: toggleLinePrefix("## ") },
  { key: "Mod-Alt-3", run: toggleLinePrefix("### ") },
  { key: "Mod-Shift-8", run: toggleLinePrefix("- ") },
  { key: "Mod-Shift-9", run: toggleLinePrefix("> ") },
];

/** Typing `>` over the quote marker Enter just continued: the change it should make, or null.
 *  Enter after a `> ` line continues the quote; a writer typing a house-style "> item" list
 *  then types `>` again, which nested the quote (`> >`, issue #11). The typed `>` replaces the
 *  continued marker, so the line reads as typed. */
export function quoteMarkerInput(state: EditorState, from: number, to: number, text: string): TransactionSpec | null {
  if (text !== ">" || from !== to) return null;
  const line = state.doc.lineAt(from);
  const before = state.sliceDoc(line.from, from);
  if (!/^ {0,3}> ?$/.test(before) || line.number === 1) return null;
  const previous = state.doc.line(line.number - 1).text;
  if (!/^ {0,3}>/.test(previous) || /^ {0,3}> ?>/.test(previous)) return null;
  const start = line.from + before.indexOf(">");
  return { changes: { from: start, to: from, insert: ">" }, selection: { anchor: start + 1 }, userEvent: "input.type" };
}

/** The input handler for [`quoteMarkerInput`]. */
export const quoteContinuation: Extension = EditorView.inputHandler.of((view, from, to, text) => {
  const spec = quoteMarkerInput(view.state, from, to, text);
  if (!spec) return false;
  view.dispatch(spec);
  return true;
});
