// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderDiff } from "./diff-view";

describe("diff view", () => {
  it("wraps insertions and deletions, keeps markup as text", () => {
    const box = document.createElement("div");
    renderDiff(box, [
      { field: "title", segments: [{ op: "equal", text: "Même" }] },
      { field: "body", segments: [{ op: "equal", text: "Le " }, { op: "delete", text: "vieux" }, { op: "insert", text: "<b>neuf</b>" }] },
    ]);
    expect(box.querySelectorAll("section")).toHaveLength(1);
    expect(box.querySelector(".diff-text")?.innerHTML).toBe("Le <del>vieux</del><ins>&lt;b&gt;neuf&lt;/b&gt;</ins>");
  });

  it("says so when nothing changed", () => {
    const box = document.createElement("div");
    renderDiff(box, [{ field: "body", segments: [{ op: "equal", text: "x" }] }]);
    expect(box.textContent).toMatch(/identique/);
  });
});
