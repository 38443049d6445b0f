import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Lang, Misspelling, PreviewUpdate } from "../api/ipc";
import { samplePiece } from "../api/sample-piece";
import { PerfLog } from "../perf/perf";
import { type PageFields, PreviewDriver, type PreviewCore } from "./driver";
import type { PreviewPane } from "./preview";

const head = (title: string, lang: Lang = "fr"): PageFields => {
  const { body: _body, ...fields } = samplePiece({ title, lang });
  return fields;
};
const counts = { signs: 0, signs_no_spaces: 0, words: 0, feuillets: 0, reading_minutes: 0 };
const update = (generation: number): PreviewUpdate => ({ generation, base: null, keep_head: 0, keep_tail: 0, line_shift: 0, blocks: [], counts });

/** A core whose answers the test releases one by one. */
function setup() {
  const renders: { markdown: string; resolve: (u: PreviewUpdate) => void }[] = [];
  const heads: string[] = [];
  const checks: string[] = [];
  let generation = 0;
  const core: PreviewCore = {
    renderPreview: (markdown) => new Promise((resolve) => renders.push({ markdown, resolve })),
    previewPage: async (h) => {
      heads.push(h.title);
      return `<h1>${h.title}</h1>`;
    },
    checkSpelling: async (markdown): Promise<Misspelling[]> => {
      checks.push(`text:${markdown}`);
      return [];
    },
    checkRenderedSpelling: async (g) => {
      checks.push(`render:${g}`);
      return g === generation ? [] : null;
    },
  };
  let shown: number | null = null;
  const pane: PreviewPane = {
    show: (u) => ((shown = u.generation), true),
    shown: () => shown,
    showPage: () => undefined,
    showMessage: () => undefined,
    body: () => null,
  };
  const painted: number[] = [];
  const hooks = { painted: () => painted.push(shown ?? -1), emptied: () => undefined, emptyMessage: () => "vide", error: (err: unknown) => { throw err; } };
  const driver = new PreviewDriver(pane, hooks, new PerfLog(), core, 100);
  const answer = async (i: number) => {
    generation += 1;
    renders[i].resolve(update(generation));
    await vi.advanceTimersByTimeAsync(0);
  };
  /** The core rendered something this driver did not ask for (its last text is another). */
  const renderedElsewhere = () => (generation += 1);
  return { driver, renders, heads, checks, painted, answer, renderedElsewhere };
}

describe("preview driver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("renders at once, with no fixed delay", () => {
    const { driver, renders } = setup();
    driver.setBody("Un.", "fr");
    expect(renders.map((r) => r.markdown)).toEqual(["Un."]);
  });

  it("keeps one render in flight and renders only the latest text typed meanwhile", async () => {
    const { driver, renders, painted, answer } = setup();
    driver.setBody("a", "fr");
    driver.setBody("ab", "fr");
    driver.setBody("abc", "fr");
    expect(renders.map((r) => r.markdown)).toEqual(["a"]);
    await answer(0);
    expect(renders.map((r) => r.markdown)).toEqual(["a", "abc"]);
    await answer(1);
    expect(painted).toEqual([1, 2]);
    expect(driver.pending()).toBe(false);
  });

  it("renders the page around the body once after a pause, and not again for the same fields", async () => {
    const { driver, heads } = setup();
    driver.setHead(head("T"));
    driver.setHead(head("Ti"));
    driver.setHead(head("Tit"));
    await vi.advanceTimersByTimeAsync(50);
    expect(heads).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(heads).toEqual(["Tit"]);
    driver.setHead(head("Tit"));
    await vi.advanceTimersByTimeAsync(200);
    expect(heads).toEqual(["Tit"]);
    driver.setHead(head("Tit", "en"));
    await vi.advanceTimersByTimeAsync(200);
    expect(heads).toEqual(["Tit", "Tit"]);
  });

  it("checks the spelling of the rendered text by its number, else sends the text", async () => {
    const { driver, checks, answer } = setup();
    driver.setBody("Texte.", "fr");
    await answer(0);
    await driver.checkSpelling("Texte.", "fr");
    expect(checks).toEqual(["render:1"]);
    await driver.checkSpelling("Texte changé.", "fr");
    expect(checks).toEqual(["render:1", "text:Texte changé."]);
  });

  it("sends the text when the core has rendered something else since", async () => {
    const { driver, checks, answer, renderedElsewhere } = setup();
    driver.setBody("Texte.", "fr");
    await answer(0);
    renderedElsewhere();
    expect(await driver.checkSpelling("Texte.", "fr")).toEqual([]);
    expect(checks).toEqual(["render:1", "text:Texte."]);
  });
});
