// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { patchChildren } from "./patch";

describe("preview patching", () => {
  it("replaces only the blocks that changed and keeps the others' nodes", () => {
    const body = document.createElement("div");
    body.innerHTML = `<p data-line="1">un</p><p data-line="3">deux</p><p data-line="5">trois</p>`;
    const [first, , last] = [...body.children];
    const { replaced } = patchChildren(body, `<p data-line="1">un</p><p data-line="3">deux <em>!</em></p><p data-line="5">trois</p>`);
    expect(replaced).toBe(1);
    expect(body.innerHTML).toBe(`<p data-line="1">un</p><p data-line="3">deux <em>!</em></p><p data-line="5">trois</p>`);
    expect(body.children[0]).toBe(first);
    expect(body.children[2]).toBe(last);
  });

  it("handles inserted and removed blocks", () => {
    const body = document.createElement("div");
    body.innerHTML = `<p>a</p><p>c</p>`;
    patchChildren(body, `<p>a</p><p>b</p><p>c</p>`);
    expect(body.innerHTML).toBe(`<p>a</p><p>b</p><p>c</p>`);
    patchChildren(body, `<p>c</p>`);
    expect(body.innerHTML).toBe(`<p>c</p>`);
    patchChildren(body, ``);
    expect(body.innerHTML).toBe(``);
  });

  it("a changed data-line (lines added above) counts as a change", () => {
    const body = document.createElement("div");
    body.innerHTML = `<p data-line="1">a</p>`;
    patchChildren(body, `<p data-line="2">a</p>`);
    expect(body.innerHTML).toBe(`<p data-line="2">a</p>`);
  });
});
