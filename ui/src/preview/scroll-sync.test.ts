// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import fixture from "./fixtures/source-map.html?raw";
import { collectAnchors, lineOfClick, lineToOffset, offsetToLine } from "./scroll-sync";

/** Lays the fixture out as if each block were 100 px below the previous one. */
function loadFixture(): Document {
  document.body.innerHTML = fixture;
  return document;
}
const fakeTop = (el: Element) => [...el.ownerDocument.querySelectorAll("[data-line]")].indexOf(el) * 100;

describe("scroll sync through data-line", () => {
  it("collects one anchor per source line, in order, from any block element", () => {
    const anchors = collectAnchors(loadFixture(), fakeTop);
    expect(anchors.map((a) => a.line)).toEqual([1, 3, 5, 6, 8, 10, 14, 16]);
    // The list (line 5) wins over its first item, which has the same line.
    expect(anchors[2]).toEqual({ line: 5, top: 200 });
  });

  it("maps a source line to the top of its block, interpolating inside a block", () => {
    const anchors = collectAnchors(loadFixture(), fakeTop);
    expect(lineToOffset(anchors, 3, 16, 2000)).toBe(100);
    expect(lineToOffset(anchors, 14, 16, 2000)).toBe(800);
    expect(lineToOffset(anchors, 12, 16, 2000)).toBe(750); // halfway between lines 10 and 14
    expect(lineToOffset(anchors, 1, 16, 2000)).toBe(0);
  });

  it("maps back from a preview offset to the same line", () => {
    const anchors = collectAnchors(loadFixture(), fakeTop);
    for (const line of [1, 3, 5, 8, 10, 12, 14, 16]) {
      expect(offsetToLine(anchors, lineToOffset(anchors, line, 16, 2000), 16, 2000)).toBeCloseTo(line, 5);
    }
  });

  it("still scrolls proportionally when the preview has no source map", () => {
    expect(lineToOffset([], 51, 100, 1000)).toBeCloseTo(500, 5);
    expect(offsetToLine([], 500, 100, 1000)).toBeCloseTo(51, 5);
  });

  it("keeps line 1 where it is when a title is set above the body", () => {
    const anchors = [{ line: 1, top: 200 }, { line: 5, top: 400 }];
    expect(lineToOffset(anchors, 1, 10, 1000)).toBe(200);
    expect(lineToOffset(anchors, 3, 10, 1000)).toBe(300);
    expect(offsetToLine(anchors, 100, 10, 1000)).toBe(1);
  });

  it("drops anchors that would make the mapping go backwards", () => {
    document.body.innerHTML = `<p data-line="2"></p><p data-line="4"></p><p data-line="6"></p>`;
    const tops = [100, 50, 300];
    const anchors = collectAnchors(document, (el) => tops[[...document.querySelectorAll("p")].indexOf(el as HTMLParagraphElement)]);
    expect(anchors).toEqual([
      { line: 2, top: 100 },
      { line: 6, top: 300 },
    ]);
  });

  it("a click anywhere in a block gives the block's source line", () => {
    loadFixture();
    expect(lineOfClick(document.querySelector("strong"))).toBe(6);
    expect(lineOfClick(document.querySelector("blockquote p"))).toBe(8);
    expect(lineOfClick(document.querySelector("code"))).toBe(10);
    expect(lineOfClick(document.querySelector("body > p:last-of-type"))).toBeNull();
  });
});
