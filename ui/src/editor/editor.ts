// The Markdown editor: CodeMirror 6 with the writing desk's features, each one a file of
// this folder, switched on and off through compartments without losing the undo history.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { Compartment, EditorSelection, EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { api, type Lang } from "../api/ipc";
import type { UiLang } from "../i18n";
import { findInPiece } from "./find";
import { focusMode } from "./focus-mode";
import { writerHighlight } from "./highlight";
import { frenchSpacing } from "./french-spacing";
import { markdownHelperKeys, pasteLinks, quoteContinuation } from "./markdown-helpers";
import { noBreakAtNoBreakSpaces, spacingMarksExtension } from "./spacing-marks";
import { CHECK_DELAY_MS, type SpellChecker, spellChecking } from "./spelling";
import { typewriterMode } from "./typewriter";

/** What the desk can switch; the piece language drives spell checking and French spacing. */
export interface EditorOptions {
  pieceLang: string;
  uiLang: UiLang;
  frenchTyping: boolean;
  showSpaces: boolean;
  focus: boolean;
  typewriter: boolean;
  /** Spell checking by the core in the piece's language (Réglages). */
  spelling: boolean;
  placeholder: string;
  label: string;
  /** A spell check failed (no dictionary installed…): tell the writer. */
  onSpellingError: (err: unknown) => void;
  /** Who checks the spelling (the core, through the preview driver when the desk has one). */
  checker: SpellChecker;
}

/** The core's checker, through the Tauri commands. */
export const coreSpellChecker: SpellChecker = {
  check: (markdown, lang) => api.checkSpelling(markdown, lang as Lang),
  suggest: (word, lang) => api.spellingSuggestions(word, lang as Lang),
  addWord: (word) => api.addSpellingWord(word),
};

export const DEFAULT_OPTIONS: EditorOptions = {
  pieceLang: "fr",
  uiLang: "fr",
  frenchTyping: true,
  showSpaces: true,
  focus: false,
  typewriter: false,
  spelling: true,
  placeholder: "",
  label: "",
  onSpellingError: (err) => console.warn("edito: spell check failed", err),
  checker: coreSpellChecker,
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
  spelling: new Compartment(),
};

/**
 * The spell checker for `o`, the same object while its settings stay the same: a new one would
 * make CodeMirror check the whole piece again on every unrelated option change.
 */
function spellingSlot(): (o: EditorOptions) => Extension {
  let key = "";
  let extension: Extension = [];
  return (o) => {
    const next = o.spelling ? `${o.pieceLang}` : "off";
    if (next !== key) {
      key = next;
      extension = o.spelling
        ? spellChecking({ checker: o.checker, lang: o.pieceLang, delay: CHECK_DELAY_MS, onError: (err) => o.onSpellingError(err) })
        : [];
    }
    return extension;
  };
}

function slotContents(o: EditorOptions, spelling: Extension): Map<Compartment, Extension> {
  const french = o.frenchTyping && o.pieceLang.startsWith("fr");
  return new Map<Compartment, Extension>([
    // The webview's own checker stays off here: it ignores the piece's language, skips text
    // already there and loses its marks on redraw; the core's checker (spelling.ts) replaces it.
    [slots.attrs, EditorView.contentAttributes.of({ "aria-label": o.label, spellcheck: "false", lang: o.pieceLang, autocorrect: "off" })],
    [slots.french, french ? frenchSpacing() : []],
    [slots.spaces, o.showSpaces ? spacingMarksExtension() : []],
    [slots.focus, o.focus ? focusMode() : []],
    [slots.typewriter, o.typewriter ? typewriterMode() : []],
    [slots.find, findInPiece(o.uiLang)],
    [slots.placeholder, placeholder(o.placeholder)],
    [slots.spelling, spelling],
  ]);
}

export function createEditor(
  parent: HTMLElement,
  onChange: (text: string) => void,
  initial: Partial<EditorOptions> = {},
): MarkdownEditor {
  let options: EditorOptions = { ...DEFAULT_OPTIONS, ...initial };
  const spelling = spellingSlot();
  const contents = () => slotContents(options, spelling(options));
  const extensions = (): Extension[] => [
    [...contents()].map(([slot, ext]) => slot.of(ext)),
    history(),
    // No Tab binding: Tab must leave the editor (no keyboard trap); Ctrl+] and Ctrl+[ indent.
    keymap.of([...markdownHelperKeys, ...defaultKeymap, ...historyKeymap]),
    markdown(),
    pasteLinks,
    quoteContinuation,
    writerHighlight(),
    EditorView.lineWrapping,
    noBreakAtNoBreakSpaces(),
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
      view.dispatch({ effects: [...contents()].map(([slot, ext]) => slot.reconfigure(ext)) });
    },
    goToLine(line) {
      const n = Math.min(Math.max(1, line), view.state.doc.lines);
      const pos = view.state.doc.line(n).from;
      view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: "start", yMargin: 40 }) });
    },
  };
}
