// French spacing as you type (pieces in French): the Imprimerie nationale's rules, as
// magazines apply them — a no-break space (U+00A0) before `:` and inside « », a narrow
// no-break space (U+202F) before `;` `!` `?`. A plain space typed before is replaced, so the
// writer types as usual. Never inside code or URLs, never for `:` after a digit (10:30).
import { syntaxTree } from "@codemirror/language";
import type { EditorState, Extension, TransactionSpec } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export const NBSP = "\u00A0";
export const NNBSP = "\u202F";

const SPACE_BEFORE: Record<string, string> = { ":": NBSP, "»": NBSP, ";": NNBSP, "!": NNBSP, "?": NNBSP };
const CODE_NODES = new Set(["InlineCode", "CodeText", "FencedCode", "CodeBlock", "CodeMark", "URL", "Autolink", "HTMLBlock", "HTMLTag", "CommentBlock", "Comment"]);
const URL_SCHEME = /(?:^|[\s(<[])(?:https?|ftp|sftp|mailto|file|tel|ssh|git)$/i;

/** The change that typing `text` over `from..to` should make, or null to let it through. */
export function frenchSpacingInput(state: EditorState, from: number, to: number, text: string): TransactionSpec | null {
  if (text !== "«" && text !== " " && !(text in SPACE_BEFORE)) return null;
  if (inCodeOrUrl(state, from)) return null;
  const line = state.doc.lineAt(from);
  const before = state.sliceDoc(line.from, from);
  const prev = before.slice(-1);
  // The writer types « then a space out of habit: the no-break space is already there, and a
  // second space would be stored (and exported) after it. Only the cursor moves on.
  if (text === " ") return from === to && before.endsWith(`«${NBSP}`) ? { selection: { anchor: from }, userEvent: "input.type" } : null;
  if (text === "«") {
    const insert = `«${NBSP}`;
    return { changes: { from, to, insert }, selection: { anchor: from + insert.length }, userEvent: "input.type" };
  }
  if (text === ":" && /\d$/.test(before)) return null;
  // Line start, after a line break, or doubled punctuation (?!, !!) take no space.
  if (prev === "" || prev === "\t" || /[!?;:]/.test(prev) && text !== "»" && text !== ":") return null;
  const space = SPACE_BEFORE[text];
  let start = from;
  if (prev === " " || prev === NBSP || prev === NNBSP) start = from - 1;
  const insert = `${space}${text}`;
  return { changes: { from: start, to, insert }, selection: { anchor: start + insert.length }, userEvent: "input.type" };
}

/** True inside a code span or block, HTML, or a URL being typed. */
export function inCodeOrUrl(state: EditorState, pos: number): boolean {
  for (let node: ReturnType<typeof syntaxTree>["topNode"] | null = syntaxTree(state).resolveInner(pos, -1); node; node = node.parent) {
    if (CODE_NODES.has(node.name)) return true;
  }
  const line = state.doc.lineAt(pos);
  const before = state.sliceDoc(line.from, pos);
  // An unclosed backtick on this line: the writer is typing a code span the parser has not closed yet.
  if ((before.match(/`/g)?.length ?? 0) % 2 === 1) return true;
  if (/^\s*(```|~~~)/.test(line.text) || /^( {4}|\t)/.test(line.text)) return true;
  const token = before.split(/\s/).pop() ?? "";
  if (/:\/\/|^<?www\.|\]\(/.test(token)) return true;
  return URL_SCHEME.test(before);
}

/** The input handler; leave it out (compartment) to turn French spacing off. */
export function frenchSpacing(): Extension {
  return EditorView.inputHandler.of((view, from, to, text) => {
    if (view.composing) return false;
    const spec = frenchSpacingInput(view.state, from, to, text);
    if (!spec) return false;
    view.dispatch(spec);
    return true;
  });
}
