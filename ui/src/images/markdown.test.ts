import { describe, expect, it } from "vitest";
import { escapeAlt, idOfReference, imageAt, imageMarkdown, localImages, localPath, paragraphInsertion, reference } from "./markdown";

const ID = "0123456789abcdef0123456789abcdef";

describe("image Markdown", () => {
  it("writes the library reference with the alt text escaped on one line", () => {
    expect(imageMarkdown("Portrait de Jean Dupont", ID)).toBe(`![Portrait de Jean Dupont](edito:image/${ID})`);
    expect(imageMarkdown("Un [crochet]\net \\ barre", ID)).toBe(`![Un \\[crochet\\] et \\\\ barre](edito:image/${ID})`);
    expect(imageMarkdown("", ID)).toBe(`![](edito:image/${ID})`);
    expect(escapeAlt("  deux   espaces ")).toBe("deux espaces");
  });

  it("reads a reference back, and only a well-formed one", () => {
    expect(idOfReference(reference(ID))).toBe(ID);
    expect(idOfReference(`edito:image/${ID.toUpperCase()}`)).toBeNull();
    expect(idOfReference("edito:image/../../etc")).toBeNull();
    expect(idOfReference(null)).toBeNull();
  });
});

describe("an image is its own paragraph", () => {
  const put = (doc: string, pos: number) => {
    const c = paragraphInsertion(doc, pos, "IMG");
    return { text: doc.slice(0, c.from) + c.insert + doc.slice(c.to), cursor: c.cursor };
  };

  it("in an empty piece", () => {
    expect(put("", 0)).toEqual({ text: "IMG\n\n", cursor: 5 });
  });

  it("in the middle of a line, splitting it without dangling spaces", () => {
    expect(put("Avant après", 6).text).toBe("Avant\n\nIMG\n\naprès");
  });

  it("at the end of a paragraph and before the next one, without piling blank lines", () => {
    expect(put("Un.\n\nDeux.", 3).text).toBe("Un.\n\nIMG\n\nDeux.");
    expect(put("Un.\n\nDeux.", 5).text).toBe("Un.\n\nIMG\n\nDeux.");
    expect(put("Un.\n", 4).text).toBe("Un.\n\nIMG\n\n");
  });

  it("leaves the cursor after the image, ready for the next paragraph", () => {
    const { text, cursor } = put("Un.", 3);
    expect(text.slice(cursor)).toBe("");
    expect(text.slice(0, cursor)).toBe("Un.\n\nIMG\n\n");
  });
});

describe("hand-typed images on the writer's disk", () => {
  it("finds absolute paths and file: URLs, with the destination's offsets", () => {
    const md = "Texte ![Portrait](/home/redac/photo.png) et ![Vue](file:///tmp/vue%20mer.jpg \"titre\").";
    const found = localImages(md);
    expect(found.map((f) => f.path)).toEqual(["/home/redac/photo.png", "/tmp/vue mer.jpg"]);
    expect(found.map((f) => md.slice(f.from, f.to))).toEqual(["/home/redac/photo.png", "file:///tmp/vue%20mer.jpg"]);
    expect(found[0].alt).toBe("Portrait");
  });

  it("leaves web addresses, library references and relative paths alone", () => {
    const md = `![a](https://exemple.fr/a.png) ![b](edito:image/${ID}) ![c](images/c.png) ![d](//cdn/x.png) ![e](file://serveur/x.png)`;
    expect(localImages(md)).toEqual([]);
  });

  it("knows the other local forms", () => {
    expect(localPath("~/Images/a.jpg")).toBe("~/Images/a.jpg");
    expect(localPath("C:\\Users\\a.jpg")).toBe("C:\\Users\\a.jpg");
    expect(localPath("file://localhost/tmp/a.png")).toBe("/tmp/a.png");
  });

  it("reads a destination in angle brackets (a path with spaces)", () => {
    const md = "![x](</home/redac/mes photos/a.png>)";
    const [found] = localImages(md);
    expect(found.path).toBe("/home/redac/mes photos/a.png");
    expect(md.slice(found.from, found.to)).toBe("</home/redac/mes photos/a.png>");
  });
});

describe("the library image under the cursor", () => {
  const doc = `Avant.\n\n![Un \\[port\\]](edito:image/${ID}) et ![x](photo.png)\n`;
  it("is found from anywhere on it, with its alt text's place and words", () => {
    const start = doc.indexOf("![");
    const use = imageAt(doc, start + 5);
    const written = `![Un \\[port\\]](edito:image/${ID})`;
    expect(use).toEqual({ from: start, to: start + written.length, altFrom: start + 2, altTo: start + 2 + "Un \\[port\\]".length, alt: "Un [port]", id: ID });
    expect(imageAt(doc, start)?.id).toBe(ID);
    expect(imageAt(doc, use!.to)?.id).toBe(ID);
  });
  it("is not found on plain text or on an image that is not the library's", () => {
    expect(imageAt(doc, 2)).toBeNull();
    expect(imageAt(doc, doc.indexOf("photo.png"))).toBeNull();
    expect(imageAt("", 0)).toBeNull();
  });
});
