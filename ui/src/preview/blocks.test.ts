// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import type { PreviewUpdate } from "../api/types";
import { PreviewBlocks } from "./blocks";

const update = (u: Partial<PreviewUpdate>): PreviewUpdate => ({
  generation: 1,
  base: null,
  keep_head: 0,
  keep_tail: 0,
  line_shift: 0,
  blocks: [],
  counts: { signs: 0, signs_no_spaces: 0, words: 0, feuillets: 0, reading_minutes: 0 },
  ...u,
});

function shown(blocks: string[]) {
  const body = document.createElement("article");
  const preview = new PreviewBlocks(() => body);
  expect(preview.apply(update({ blocks }))).toBe(true);
  return { body, preview };
}

describe("preview blocks", () => {
  it("replaces only the changed run and keeps the other blocks' nodes", () => {
    const { body, preview } = shown([`<p data-line="1">un</p>`, `<p data-line="3">deux</p>`, `<p data-line="5">trois</p>`]);
    const [first, , last] = [...body.children];
    const ok = preview.apply(update({ generation: 2, base: 1, keep_head: 1, keep_tail: 1, blocks: [`<p data-line="3">deux <em>!</em></p>`] }));
    expect(ok).toBe(true);
    expect(body.innerHTML).toBe(`<p data-line="1">un</p><p data-line="3">deux <em>!</em></p><p data-line="5">trois</p>`);
    expect(body.children[0]).toBe(first);
    expect(body.children[2]).toBe(last);
    expect(preview.shown()).toBe(2);
  });

  it("moves the lines of the kept blocks after an inserted paragraph, nested ones too", () => {
    const { body, preview } = shown([`<p data-line="1">un</p>`, `<ul data-line="3">\n<li data-line="3">a</li>\n</ul>`]);
    preview.apply(update({ generation: 2, base: 1, keep_head: 1, keep_tail: 1, line_shift: 2, blocks: [`<p data-line="3">neuf</p>`] }));
    expect(body.innerHTML).toBe(`<p data-line="1">un</p><p data-line="3">neuf</p><ul data-line="5">\n<li data-line="5">a</li>\n</ul>`);
  });

  it("removes deleted blocks, including raw HTML that made several nodes or none", () => {
    const { body, preview } = shown([`<p data-line="1">un</p>`, `<div>a</div><div>b</div>`, ``, `<p data-line="7">fin</p>`]);
    expect(body.childNodes.length).toBe(4);
    preview.apply(update({ generation: 2, base: 1, keep_head: 1, keep_tail: 1, line_shift: -4, blocks: [] }));
    expect(body.innerHTML).toBe(`<p data-line="1">un</p><p data-line="3">fin</p>`);
  });

  it("refuses an update made against another render, and then asks for everything", () => {
    const { body, preview } = shown([`<p data-line="1">un</p>`]);
    expect(preview.apply(update({ generation: 5, base: 4, keep_head: 1 }))).toBe(false);
    expect(preview.shown()).toBe(null);
    expect(body.innerHTML).toBe(`<p data-line="1">un</p>`);
    expect(preview.apply(update({ generation: 6, blocks: [`<p data-line="1">deux</p>`] }))).toBe(true);
    expect(body.innerHTML).toBe(`<p data-line="1">deux</p>`);
  });

  it("does not trust a page someone else changed", () => {
    const { body, preview } = shown([`<p data-line="1">un</p>`, `<p data-line="3">deux</p>`]);
    body.replaceChildren();
    expect(preview.apply(update({ generation: 2, base: 1, keep_head: 1, keep_tail: 0, blocks: [] }))).toBe(false);
    expect(preview.shown()).toBe(null);
  });
});
