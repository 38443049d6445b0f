// The Markdown editor: CodeMirror 6 with the writing desk's features, each one a file of
// this folder, switched on and off through compartments without losing the undo history.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { Compartment, EditorSelection, EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import type { UiLang } from "../i18n";
import { findInPiece } from "./find";
import { focusMode } from "./focus-mode";
import { writerHighlight } from "./highlight";
import { frenchSpacing } from "./french-spacing";
import { markdownHelperKeys, pasteLinks } from "./markdown-helpers";
import { spacingMarksExtension } from "./spacing-marks";
import { typewriterMode } from "./typewriter";

/** What the desk can switch; the piece language drives spell checking and French spacing. */
export interface EditorOptions {
  pieceLang: string;
  uiLang: UiLang;
  frenchTyping: boolean;
  showSpaces: boolean;
  focus: boolean;
  typewriter: boolean;
  placeholder: string;
  label: string;
}

export const DEFAULT_OPTIONS: EditorOptions = {
  pieceLang: "fr",
  uiLang: "fr",
  frenchTyping: true,
  showSpaces: true,
  focus: false,
  typewriter: false,
  placeholder: "",
  label: "",
};

export interface MarkdownEditor {
  view: EditorView;
  /** Replaces the whole document (switching pieces): fresh undo history, no `onChange`. */
  load(text: string): void;
  text(): string;
  configure(options: Partial<EditorOptions>): void;
  options(): EditorOptions;
  /** Puts the cursor at the start of 1-based `line` and scrolls it into view. */
  goToLine(line: number): void;
}

const slots = {
  attrs: new Compartment(),
  french: new Compartment(),
  spaces: new Compartment(),
  focus: new Compartment(),
  typewriter: new Compartment(),
  find: new Compartment(),
  placeholder: new Compartment(),
};

function slotContents(o: EditorOptions): Map<Compartment, Extension> {
  const french = o.frenchTyping && o.pieceLang.startsWith("fr");
  return new Map<Compartment, Extension>([
    [slots.attrs, EditorView.contentAttributes.of({ "aria-label": o.label, spellcheck: "true", lang: o.pieceLang, autocorrect: "off" })],
    [slots.french, french ? frenchSpacing() : []],
    [slots.spaces, o.showSpaces ? spacingMarksExtension() : []],
    [slots.focus, o.focus ? focusMode() : []],
    [slots.typewriter, o.typewriter ? typewriterMode() : []],
    [slots.find, findInPiece(o.uiLang)],
    [slots.placeholder, placeholder(o.placeholder)],
  ]);
}

export function createEditor(
  parent: HTMLElement,
  onChange: (text: string) => void,
  initial: Partial<EditorOptions> = {},
): MarkdownEditor {
  let options: EditorOptions = { ...DEFAULT_OPTIONS, ...initial };
  const extensions = (): Extension[] => [
    [...slotContents(options)].map(([slot, ext]) => slot.of(ext)),
    history(),
    // No Tab binding: Tab must leave the editor (no keyboard trap); Ctrl+] and Ctrl+[ indent.
    keymap.of([...markdownHelperKeys, ...defaultKeymap, ...historyKeymap]),
    markdown(),
    pasteLinks,
    writerHighlight(),
    EditorView.lineWrapping,
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: "", extensions: extensions() }) });
  return {
    view,
    // setState does not go through the update listener, so loading a piece is not an edit.
    load: (text) => view.setState(EditorState.create({ doc: text, extensions: extensions() })),
    text: () => view.state.doc.toString(),
    options: () => options,
    configure(next) {
      options = { ...options, ...next };
      view.dispatch({ effects: [...slotContents(options)].map(([slot, ext]) => slot.reconfigure(ext)) });
    },
    goToLine(line) {
      const n = Math.min(Math.max(1, line), view.state.doc.lines);
      const pos = view.state.doc.line(n).from;
      view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: "start", yMargin: 40 }) });
    },
  };
}
