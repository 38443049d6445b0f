// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { markCurrent, patchPieceRow, renderPieceList, snippetNodes } from "./piece-list";

describe("piece list", () => {
  it("builds the snippet from text nodes and <mark>, so markup in a piece stays text", () => {
    const nodes = snippetNodes([
      { text: "avant <b>", highlight: false },
      { text: "année", highlight: true },
      { text: " après", highlight: false },
    ]);
    const p = document.createElement("p");
    p.append(...nodes);
    expect(p.innerHTML).toBe("avant &lt;b&gt;<mark>année</mark> après");
  });

  it("marks the current piece and shows the status", () => {
    const list = document.createElement("ul");
    const summary = { id: 2, title: "", slug: "s", status: "review" as const, tags: [], category: "", updated_at: "2026-11-29T10:00:00Z", publication_date: null };
    renderPieceList(list, [summary], 2, () => undefined);
    expect(list.querySelector("[aria-current=true]")?.textContent).toContain("Sans titre");
    expect(list.querySelector(".status-badge")?.getAttribute("data-status")).toBe("review");
  });

  it("patches one row after a save: new title and status, moved first, the others untouched", () => {
    const list = document.createElement("ul");
    const row = (id: number, title: string) => ({ id, title, slug: `s${id}`, status: "draft" as const, tags: [], category: "", updated_at: "2026-11-29T10:00:00Z", publication_date: null });
    renderPieceList(list, [row(1, "Un"), row(2, "Deux"), row(3, "Trois")], 1, () => undefined);
    const untouched = list.querySelector('[data-id="1"]');
    expect(patchPieceRow(list, { ...row(3, "Trois bis"), status: "review" }, true)).toBe(true);
    expect([...list.querySelectorAll(".piece-item__title")].map((el) => el.textContent)).toEqual(["Trois bis", "Un", "Deux"]);
    expect(list.querySelector('[data-id="3"] .status-badge')?.getAttribute("data-status")).toBe("review");
    expect(list.querySelector('[data-id="1"]')).toBe(untouched);
    expect(patchPieceRow(list, row(9, "Absent"), true)).toBe(false);
    markCurrent(list, 3);
    expect([...list.querySelectorAll("[aria-current=true]")].map((el) => el.getAttribute("data-id"))).toEqual(["3"]);
  });
});
