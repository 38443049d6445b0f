// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { setupSplitter } from "./layout";

describe("editor/preview split", () => {
  it("moves with the arrow keys, within 20–80 %, and reports the new value", () => {
    document.body.innerHTML = `<div id="panes"><div class="editor-pane"></div><div id="splitter" tabindex="0"></div></div>`;
    const panes = document.getElementById("panes")!;
    const splitter = document.getElementById("splitter")!;
    const seen: number[] = [];
    setupSplitter({ panes, splitter }, 50, (s) => seen.push(s));
    splitter.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    expect(splitter.getAttribute("aria-valuenow")).toBe("52");
    expect(panes.style.getPropertyValue("--split")).toBe("52%");
    splitter.dispatchEvent(new KeyboardEvent("keydown", { key: "End" }));
    splitter.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    expect(seen.at(-1)).toBe(80);
    splitter.dispatchEvent(new KeyboardEvent("keydown", { key: "Home" }));
    expect(seen.at(-1)).toBe(20);
  });
});
