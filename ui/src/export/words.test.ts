import { describe, expect, it } from "vitest";
import { failureText, importSummary, progressText, suggestedName } from "./words";

describe("export words", () => {
  it("offers the slug with the format's extension", () => {
    expect(suggestedName("mon-edito", "page")).toBe("mon-edito.html");
    expect(suggestedName("mon-edito", "fragment")).toBe("mon-edito.fragment.html");
    expect(suggestedName("", "markdown")).toBe("article.md");
  });

  it("progress reads n / N", () => {
    expect(progressText(3, 12)).toBe("3 / 12");
  });

  it("lists every refused file with its reason", () => {
    const lines = importSummary({ created: [{ path: "a.md", id: 1, slug: "a", title: "A" }], updated: [], unchanged: [], refused: [{ path: "b.pdf", reason: "not Markdown" }] });
    expect(lines[0]).toMatch(/1/);
    expect(lines[1]).toContain("b.pdf");
    expect(lines[1]).toContain("not Markdown");
  });

  it("an error with a code is worded from the catalogue, its parameters filled in", () => {
    const err = { code: "io", params: { action: "write", name: "a.html", reason: "storage_full" } };
    expect(failureText(err)).toBe("L'export n'a pas pu se faire : impossible d'écrire « a.html » (disque plein)");
  });
});
