// @vitest-environment happy-dom
// The spell checker's editor side: marks mapped through edits made while the core answered,
// newest answer wins, marks kept in state (not lost on redraw), and suggestions applied.
import { ChangeSet, Compartment, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  mapMisspellings,
  type Misspelling,
  misspellingAt,
  misspellings,
  replaceMisspelling,
  type SpellChecker,
  spellChecking,
  suggestAtCursor,
  validMisspellings,
} from "./spelling";

const mark = (doc: string, word: string, from = doc.indexOf(word)): Misspelling => ({ from, to: from + word.length, word });

/** A stand-in for the core: marks every word of `bad`, answers when `release` is called. */
function fakeChecker(bad: string[]) {
  const answers: (() => void)[] = [];
  const calls: string[] = [];
  const checker: SpellChecker = {
    check: (markdown) => {
      calls.push(markdown);
      const found = bad.flatMap((word) => [...markdown.matchAll(new RegExp(word, "g"))].map((m) => mark(markdown, word, m.index)));
      return new Promise((resolve) => answers.push(() => resolve(found)));
    },
    suggest: async (word) => (word === "gouvernment" ? ["gouvernement", "gouvernent"] : []),
    addWord: async () => undefined,
  };
  return { checker, calls, release: (i: number) => answers[i]() };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let views: EditorView[] = [];
afterEach(() => {
  for (const v of views) v.destroy();
  views = [];
  vi.useRealTimers();
});

function editor(doc: string, checker: SpellChecker, delay = 50): EditorView {
  const view = new EditorView({
    parent: document.body,
    state: EditorState.create({ doc, extensions: spellChecking({ checker, lang: "fr", delay, onError: () => undefined }) }),
  });
  views.push(view);
  return view;
}

describe("mapping marks through edits", () => {
  const doc = "Le gouvernment et lannée.";
  const marks = [mark(doc, "gouvernment"), mark(doc, "lannée")];

  it("shifts marks after text typed before them", () => {
    const changes = ChangeSet.of({ from: 0, insert: "Hier, " }, doc.length);
    expect(mapMisspellings(marks, changes.desc).map((m) => m.from)).toEqual([marks[0].from + 6, marks[1].from + 6]);
  });

  it("drops the mark of a word edited since the check", () => {
    const at = marks[0].from + 5;
    const changes = ChangeSet.of({ from: at, insert: "e" }, doc.length);
    expect(mapMisspellings(marks, changes.desc).map((m) => m.word)).toEqual(["lannée"]);
  });

  it("drops a mark whose word was deleted, keeps the others in place", () => {
    const changes = ChangeSet.of({ from: marks[0].from, to: marks[0].to + 1 }, doc.length);
    const mapped = mapMisspellings(marks, changes.desc);
    expect(mapped).toEqual([{ ...marks[1], from: marks[1].from - 12, to: marks[1].to - 12 }]);
  });

  it("refuses marks that do not name the text they cover", () => {
    const state = EditorState.create({ doc });
    expect(validMisspellings([...marks, { from: 0, to: 2, word: "La" }, { from: 20, to: 99, word: "x" }], state)).toEqual(marks);
  });
});

describe("the extension in an editor", () => {
  it("checks text already there when the piece opens, without typing", async () => {
    const fake = fakeChecker(["gouvernment"]);
    const view = editor("Le gouvernment a parlé.", fake.checker);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    fake.release(0);
    await flush();
    expect(view.state.field(misspellings).marks.map((m) => m.word)).toEqual(["gouvernment"]);
    expect(view.contentDOM.querySelector(".cm-misspelt")?.textContent).toBe("gouvernment");
    expect(view.contentDOM.querySelector(".cm-misspelt")?.getAttribute("aria-invalid")).toBe("spelling");
  });

  it("maps an answer through what the writer typed while the core was checking", async () => {
    const fake = fakeChecker(["gouvernment"]);
    const view = editor("Le gouvernment a parlé.", fake.checker);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    view.dispatch({ changes: { from: 0, insert: "Hier, " } });
    fake.release(0);
    await flush();
    const [found] = view.state.field(misspellings).marks;
    expect(view.state.sliceDoc(found.from, found.to)).toBe("gouvernment");
  });

  it("lets the newest answer win when an older one arrives late", async () => {
    const fake = fakeChecker(["gouvernment", "lannée"]);
    const view = editor("Le gouvernment.", fake.checker, 0);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    view.dispatch({ changes: { from: view.state.doc.length, insert: " Pendant lannée." } });
    await vi.waitFor(() => expect(fake.calls).toHaveLength(2));
    fake.release(1);
    await flush();
    fake.release(0);
    await flush();
    expect(view.state.field(misspellings).marks.map((m) => m.word)).toEqual(["gouvernment", "lannée"]);
  });

  it("waits for a pause in typing before asking again", async () => {
    const fake = fakeChecker([]);
    const view = editor("Texte.", fake.checker, 200);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    vi.useFakeTimers();
    for (const letter of "abc") view.dispatch({ changes: { from: view.state.doc.length, insert: letter } });
    vi.advanceTimersByTime(150);
    expect(fake.calls).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(fake.calls).toEqual(["Texte.", "Texte.abc"]);
  });

  it("keeps the marks in state when the view redraws", async () => {
    const fake = fakeChecker(["lannée"]);
    const view = editor("Pendant lannée.", fake.checker);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    fake.release(0);
    await flush();
    view.dispatch({ effects: [] });
    view.requestMeasure();
    expect(misspellingAt(view.state, 10)?.word).toBe("lannée");
    expect(view.contentDOM.querySelectorAll(".cm-misspelt")).toHaveLength(1);
  });
});

describe("the piece's language", () => {
  it("checks again at once in the new language, dropping answers for the old one", async () => {
    const langs: string[] = [];
    const answers: ((found: Misspelling[]) => void)[] = [];
    const checker: SpellChecker = {
      check: (_markdown, lang) => {
        langs.push(lang);
        return new Promise((resolve) => answers.push(resolve));
      },
      suggest: async () => [],
      addWord: async () => undefined,
    };
    const slot = new Compartment();
    const config = (lang: string) => spellChecking({ checker, lang, delay: 10_000, onError: () => undefined });
    const view = new EditorView({ parent: document.body, state: EditorState.create({ doc: "Hello world.", extensions: slot.of(config("fr")) }) });
    views.push(view);
    await vi.waitFor(() => expect(langs).toEqual(["fr"]));
    view.dispatch({ effects: slot.reconfigure(config("en")) });
    await vi.waitFor(() => expect(langs).toEqual(["fr", "en"]));
    answers[0]([mark("Hello world.", "Hello")]);
    await flush();
    expect(view.state.field(misspellings).marks).toEqual([]);
    answers[1]([]);
    await flush();
    expect(view.state.field(misspellings).marks).toEqual([]);
  });
});

describe("suggestions", () => {
  it("opens a menu at the cursor's word and replaces the word with the choice", async () => {
    const fake = fakeChecker(["gouvernment"]);
    const view = editor("Le gouvernment a parlé.", fake.checker);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    fake.release(0);
    await flush();
    view.dispatch({ selection: { anchor: 5 } });
    expect(suggestAtCursor(view)).toBe(true);
    await vi.waitFor(() => expect(view.dom.querySelectorAll('[role="menuitem"]').length).toBe(3));
    const items = [...view.dom.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    expect(items.map((i) => i.textContent)).toEqual(["gouvernement", "gouvernent", "Ajouter « gouvernment » au dictionnaire"]);
    items[0].click();
    expect(view.state.doc.toString()).toBe("Le gouvernement a parlé.");
    expect(view.dom.querySelector('[role="menu"]')).toBeNull();
    expect(view.state.field(misspellings).marks).toEqual([]);
  });

  it("does nothing where there is no mark", () => {
    const view = editor("Bonjour.", fakeChecker([]).checker);
    expect(suggestAtCursor(view)).toBe(false);
  });

  it("does not replace a word that changed meanwhile", () => {
    const view = editor("Le gouvernment.", fakeChecker([]).checker);
    const stale = mark("Le gouvernment.", "gouvernment");
    view.dispatch({ changes: { from: 3, to: 5, insert: "Xx" } });
    expect(replaceMisspelling(view, stale, "gouvernement")).toBe(false);
    expect(view.state.doc.toString()).toBe("Le Xxuvernment.");
  });
});
