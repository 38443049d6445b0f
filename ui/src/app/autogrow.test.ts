import { describe, expect, it } from "vitest";
import { oneParagraph } from "./autogrow";

describe("title fields", () => {
  it("turn pasted line breaks into one space", () => {
    expect(oneParagraph("2002 :\nl'année\r\n  de tous les dangers")).toBe("2002 : l'année de tous les dangers");
    expect(oneParagraph("Sans saut")).toBe("Sans saut");
  });
});
