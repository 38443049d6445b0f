// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { initialLang, setUiLang, t, translateDom } from "./index";

describe("i18n", () => {
  afterEach(() => setUiLang("fr", null));

  // Issue #11: under an unset, `C` or unsupported locale the desk of a French magazine
  // started in English. English is for English systems only; every other one gets French.
  it("starts in English on an English system and in French on any other", () => {
    expect(initialLang(null, "fr-FR")).toBe("fr");
    expect(initialLang(null, "fr")).toBe("fr");
    expect(initialLang(null, "en-US")).toBe("en");
    expect(initialLang(null, "en")).toBe("en");
    expect(initialLang(null, "EN_gb")).toBe("en");
    for (const other of ["de-DE", "es", "C", "POSIX", "", "eng", undefined]) expect(initialLang(null, other)).toBe("fr");
  });

  it("a remembered choice wins over the system language", () => {
    expect(initialLang("en", "fr-FR")).toBe("en");
    expect(initialLang("fr", "en-US")).toBe("fr");
    expect(initialLang("xx", "fr-CA")).toBe("fr");
  });

  // Issue #11: "Corbeille vidée : 1 articles supprimés" — a count that did not agree. Every
  // number followed by a word in either catalogue agrees through `{n|one|other}`.
  it("every counted word agrees with its number, in both languages", () => {
    for (const [lang, catalogue] of [["fr", fr], ["en", en]] as const) {
      for (const [key, message] of Object.entries(catalogue)) {
        const bare = [...message.matchAll(/\{(n|pieces|tags|categories|files|removed)\} (\p{L}+)/gu)].filter(([, , word]) => word.endsWith("s") && word !== "sans");
        expect(bare.map(([whole]) => `${lang} ${key}: ${whole}`)).toEqual([]);
      }
    }
    expect(t("trash.emptied", { n: 1 })).toBe("Corbeille vidée : 1 article supprimé.");
    expect(t("trash.emptied", { n: 3 })).toBe("Corbeille vidée : 3 articles supprimés.");
    expect(t("status.feuillets", { n: "1,5" })).toBe("1,5 feuillet");
    setUiLang("en", null);
    expect(t("trash.emptied", { n: 1 })).toBe("Trash emptied: 1 piece deleted.");
    expect(t("status.words", { n: "1,5" })).toBe("1,5 words");
    expect(t("status.feuillets", { n: "2" })).not.toMatch(/feuillet/);
  });

  it("fills placeholders and switches catalogue", () => {
    expect(t("save.saved", { time: "14:02" })).toBe("Enregistré à 14:02");
    setUiLang("en", null);
    expect(t("save.saved", { time: "14:02" })).toBe("Saved at 14:02");
  });

  it("remembers the choice in localStorage", () => {
    setUiLang("en", null);
    expect(localStorage.getItem("edito.uiLang")).toBe("en");
  });

  it("both catalogues have the same keys and no empty message", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const text of [...Object.values(fr), ...Object.values(en)]) expect(text.trim()).not.toBe("");
  });

  it("translates data-i18n attributes of the page", () => {
    document.body.innerHTML = `<button data-i18n="app.newPiece"></button><input data-i18n-label="app.title" data-i18n-placeholder="app.title">`;
    setUiLang("en", document);
    expect(document.querySelector("button")?.textContent).toBe("New piece");
    expect(document.querySelector("input")?.getAttribute("aria-label")).toBe("Title");
    expect(document.documentElement.lang).toBe("en");
    setUiLang("fr", document);
    translateDom(document);
    expect(document.querySelector("input")?.getAttribute("placeholder")).toBe("Titre");
  });
});
