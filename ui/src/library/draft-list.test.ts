// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderDraftList, snippetNodes } from "./draft-list";

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
    renderDraftList(list, [summary], 2, () => undefined);
    expect(list.querySelector("[aria-current=true]")?.textContent).toContain("Sans titre");
    expect(list.querySelector(".status-badge")?.getAttribute("data-status")).toBe("review");
  });
});
