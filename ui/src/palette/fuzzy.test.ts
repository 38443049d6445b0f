import { describe, expect, it } from "vitest";
import { fuzzyFilter, fuzzyScore } from "./fuzzy";

describe("quick open fuzzy matching", () => {
  it("matches letters in order, ignoring case and accents", () => {
    expect(fuzzyScore("edito", "Éditorial de mars")).not.toBeNull();
    expect(fuzzyScore("edm", "Éditorial de mars")).not.toBeNull();
    expect(fuzzyScore("xyz", "Éditorial de mars")).toBeNull();
    expect(fuzzyScore("srma", "mars")).toBeNull();
  });

  it("ranks word starts and runs first", () => {
    const titles = ["Le budget des communes", "Bienvenue dans Edito", "Budget : la Cour alerte"];
    expect(fuzzyFilter("budg", titles, (t) => t)[0]).toBe("Budget : la Cour alerte");
    expect(fuzzyFilter("bde", titles, (t) => t)[0]).toBe("Bienvenue dans Edito");
    expect(fuzzyFilter("cour", titles, (t) => t)).toEqual(["Budget : la Cour alerte"]);
  });

  it("an empty query keeps every title in its order", () => {
    expect(fuzzyFilter("", ["b", "a"], (t) => t)).toEqual(["b", "a"]);
  });
});
