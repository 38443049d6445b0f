import { describe, expect, it } from "vitest";
import type { ExportFormatInfo } from "../api/ipc";
import { failureText, importSummary, progressText, suggestedName, withSuffix } from "./words";

// As `export_formats` lists them (the core's `ExportFormat::ALL`).
const info = (format: ExportFormatInfo["format"], extension: string, suffix: string): ExportFormatInfo => ({
  format,
  extension,
  suffix,
  mime: "",
  label_key: `export.${format}`,
});
const formats = {
  page: info("page", "html", ".html"),
  fragment: info("fragment", "html", ".fragment.html"),
  markdown: info("markdown", "md", ".md"),
};
const all = Object.values(formats);

describe("export words", () => {
  it("offers the slug with the format's extension", () => {
    expect(suggestedName("mon-edito", formats.page)).toBe("mon-edito.html");
    expect(suggestedName("mon-edito", formats.fragment)).toBe("mon-edito.fragment.html");
    expect(suggestedName("", formats.markdown)).toBe("article.md");
  });

  it("a typed path takes the chosen format's suffix", () => {
    expect(withSuffix("/tmp/a.html", formats.markdown, all)).toBe("/tmp/a.md");
    expect(withSuffix("/tmp/a.fragment.html", formats.page, all)).toBe("/tmp/a.html");
    expect(withSuffix("/tmp/a.md", formats.fragment, all)).toBe("/tmp/a.fragment.html");
    expect(withSuffix("/tmp/notes.txt", formats.page, all)).toBe("/tmp/notes.txt");
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
