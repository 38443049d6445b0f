// Spell checking in the piece's language: once the writer pauses, the core checks the whole
// piece (Hunspell dictionaries, src/spelling/) and the misspelt words get a wavy underline
// (.cm-misspelt). The marks live in editor state, so redraws and scrolling keep them; text
// typed while the core was answering is accounted for by mapping the answer through it.
// Ctrl+. (or the context menu) on a marked word offers the core's suggestions.
import { ChangeSet, type ChangeDesc, type EditorState, type Extension, Facet, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, keymap, ViewPlugin, type ViewUpdate } from "@codemirror/view";
import { t } from "../i18n";
import { type MenuItem, menuTheme, showMenu } from "./spelling-menu";

/** A word the core did not find, `from..to` in CodeMirror positions (UTF-16 code units). */
export interface Misspelling {
  from: number;
  to: number;
  word: string;
}

/** What the extension needs from the core (the Tauri commands, or a stand-in in tests). */
export interface SpellChecker {
  check(markdown: string, lang: string): Promise<Misspelling[]>;
  suggest(word: string, lang: string): Promise<string[]>;
  addWord(word: string): Promise<void>;
}

export interface SpellingConfig {
  checker: SpellChecker;
  /** The piece's language (`fr`, `en`): the dictionary the core uses. */
  lang: string;
  /** Pause after the last keystroke before asking the core, in ms. */
  delay: number;
  /** A check failed (no dictionary installed…): told once per failure kind. */
  onError: (err: unknown) => void;
}

/** Writers pause between sentences; half a second keeps the marks fresh without a request
 * per keystroke. */
export const CHECK_DELAY_MS = 500;

export const spellingConfig = Facet.define<SpellingConfig, SpellingConfig | null>({
  combine: (values) => values[values.length - 1] ?? null,
});

/** Replaces every mark with a fresh answer (already mapped to the current document). */
export const setMisspellings = StateEffect.define<Misspelling[]>();

/**
 * Moves marks through edits made since they were computed. A mark whose word was edited is
 * dropped: the old answer says nothing about the new word, and the next check will.
 */
export function mapMisspellings(marks: readonly Misspelling[], changes: ChangeDesc): Misspelling[] {
  if (changes.empty) return [...marks];
  const mapped: Misspelling[] = [];
  for (const mark of marks) {
    if (mark.to > changes.length || changes.touchesRange(mark.from, mark.to)) continue;
    const from = changes.mapPos(mark.from, 1);
    const to = changes.mapPos(mark.to, -1);
    if (to > from) mapped.push({ ...mark, from, to });
  }
  return mapped;
}

/** Keeps only marks that lie inside the document and still cover the word they name. */
export function validMisspellings(marks: readonly Misspelling[], state: EditorState): Misspelling[] {
  const length = state.doc.length;
  return marks.filter((m) => m.from >= 0 && m.to <= length && m.from < m.to && state.sliceDoc(m.from, m.to) === m.word);
}

const misspelt = Decoration.mark({ class: "cm-misspelt", attributes: { "aria-invalid": "spelling" } });

function decorations(marks: readonly Misspelling[]): DecorationSet {
  return Decoration.set(marks.map((m) => misspelt.range(m.from, m.to)), true);
}

interface MarksValue {
  marks: Misspelling[];
  decorations: DecorationSet;
}

export const misspellings = StateField.define<MarksValue>({
  create: () => ({ marks: [], decorations: Decoration.none }),
  update(value, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setMisspellings)) {
        const marks = validMisspellings(effect.value, tr.state);
        return { marks, decorations: decorations(marks) };
      }
    }
    if (!tr.docChanged) return value;
    const marks = mapMisspellings(value.marks, tr.changes);
    return { marks, decorations: decorations(marks) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

/** The marked word under position `pos` (inclusive at both ends, like a cursor after it). */
export function misspellingAt(state: EditorState, pos: number): Misspelling | null {
  return state.field(misspellings, false)?.marks.find((m) => m.from <= pos && pos <= m.to) ?? null;
}

/** One request in flight: its number, and the edits made since its text was taken. */
interface Pending {
  id: number;
  since: ChangeDesc;
}

/** Schedules checks: on open, after each pause in typing, and when the language changes. */
class Checker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastId = 0;
  private lastApplied = 0;
  private pending: Pending[] = [];
  private lastErrorCode: string | null = null;

  constructor(private readonly view: EditorView) {
    // Text already there when a piece opens is checked at once, without waiting for typing.
    this.schedule(0);
  }

  update(update: ViewUpdate) {
    for (const p of this.pending) p.since = p.since.composeDesc(update.changes.desc);
    const config = update.state.facet(spellingConfig);
    if (config !== update.startState.facet(spellingConfig)) {
      // Answers for the old language (or the old settings) must not land after the switch.
      this.pending = [];
      this.schedule(0);
    } else if (update.docChanged) this.schedule(config?.delay ?? CHECK_DELAY_MS);
  }

  destroy() {
    clearTimeout(this.timer);
    this.pending = [];
  }

  private schedule(delay: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  private async run() {
    const config = this.view.state.facet(spellingConfig);
    if (!config) return;
    const request: Pending = { id: ++this.lastId, since: ChangeSet.empty(this.view.state.doc.length).desc };
    this.pending.push(request);
    try {
      const found = await config.checker.check(this.view.state.doc.toString(), config.lang);
      this.lastErrorCode = null;
      this.apply(request, found);
    } catch (err) {
      this.report(config, err);
    } finally {
      this.pending = this.pending.filter((p) => p !== request);
    }
  }

  /** Newest answer wins: an older one arriving late is dropped. */
  private apply(request: Pending, found: Misspelling[]) {
    if (request.id < this.lastApplied || !this.pending.includes(request)) return;
    this.lastApplied = request.id;
    this.view.dispatch({ effects: setMisspellings.of(mapMisspellings(found, request.since)) });
  }

  /** The same failure (a missing dictionary) is told once, not after every pause. */
  private report(config: SpellingConfig, err: unknown) {
    const code = err && typeof err === "object" && "code" in err ? String((err as { code: unknown }).code) : "other";
    if (code === this.lastErrorCode) return;
    this.lastErrorCode = code;
    config.onError(err);
  }
}

const checking = ViewPlugin.fromClass(Checker);

/** Puts `replacement` in place of the marked word, if the word is still there. */
export function replaceMisspelling(view: EditorView, mark: Misspelling, replacement: string): boolean {
  if (view.state.sliceDoc(mark.from, mark.to) !== mark.word) return false;
  view.dispatch({
    changes: { from: mark.from, to: mark.to, insert: replacement },
    selection: { anchor: mark.from + replacement.length },
    userEvent: "input.spelling",
  });
  return true;
}

/** The menu's lines: the suggestions, else a note that there are none, then "add the word". */
async function menuItems(view: EditorView, mark: Misspelling, config: SpellingConfig): Promise<MenuItem[]> {
  let suggestions: string[] = [];
  try {
    suggestions = await config.checker.suggest(mark.word, config.lang);
  } catch (err) {
    config.onError(err);
  }
  const items: MenuItem[] = suggestions.map((word) => ({ label: word, choose: () => replaceMisspelling(view, mark, word) }));
  if (items.length === 0) items.push({ label: t("spelling.none") });
  items.push({ label: t("spelling.add", { word: mark.word }), choose: () => void addWord(view, mark.word, config) });
  return items;
}

/** The word joins the writer's list in the core; its marks go at once. */
async function addWord(view: EditorView, word: string, config: SpellingConfig): Promise<void> {
  try {
    await config.checker.addWord(word);
  } catch (err) {
    config.onError(err);
    return;
  }
  const rest = view.state.field(misspellings).marks.filter((m) => m.word !== word);
  view.dispatch({ effects: setMisspellings.of(rest) });
}

function openSuggestions(view: EditorView, mark: Misspelling, config: SpellingConfig): void {
  showMenu(view, mark.from, t("spelling.menu", { word: mark.word }), t("spelling.searching"), menuItems(view, mark, config));
}

/** Ctrl+. on (or just after) a marked word opens its suggestions. */
export function suggestAtCursor(view: EditorView): boolean {
  const mark = misspellingAt(view.state, view.state.selection.main.head);
  const config = view.state.facet(spellingConfig);
  if (!mark || !config) return false;
  openSuggestions(view, mark, config);
  return true;
}

const contextMenu = EditorView.domEventHandlers({
  contextmenu(event, view) {
    const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
    const mark = pos === null ? null : misspellingAt(view.state, pos);
    const config = view.state.facet(spellingConfig);
    if (!mark || !config) return false;
    event.preventDefault();
    view.dispatch({ selection: { anchor: mark.to } });
    openSuggestions(view, mark, config);
    return true;
  },
});

const theme = EditorView.baseTheme({
  // A wavy underline, not a colour alone: it reads for writers who do not tell red apart.
  // Longhands only: WebKitGTK drops the `underline wavy <colour>` shorthand and drew nothing.
  ".cm-misspelt": {
    textDecorationLine: "underline",
    textDecorationStyle: "wavy",
    textDecorationColor: "#c0392b",
    textDecorationSkipInk: "none",
    textUnderlineOffset: "3px",
  },
  "&dark .cm-misspelt": { textDecorationColor: "#ff8a7a" },
});

/** The extension: marks, scheduling, Ctrl+. and the context menu. */
export function spellChecking(config: SpellingConfig): Extension {
  return [spellingConfig.of(config), misspellings, checking, contextMenu, keymap.of([{ key: "Mod-.", run: suggestAtCursor }]), theme, menuTheme];
}
