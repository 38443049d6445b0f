// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { errorCode, errorMessage } from "../api/ipc";
import type { UiError } from "../api/types";
import { errorCatalogues, errorText } from "./errors";
import { setUiLang } from "./index";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("error catalogue", () => {
  afterEach(() => setUiLang("fr", null));

  it("every code has a message in French and in English, with the same placeholders", () => {
    const { fr, en } = errorCatalogues;
    const codes = Object.keys(fr).sort();
    expect(Object.keys(en).sort()).toEqual(codes);
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes as (keyof typeof fr)[]) {
      expect(fr[code].trim(), code).not.toBe("");
      expect(en[code].trim(), code).not.toBe("");
      expect(placeholders(en[code]), code).toEqual(placeholders(fr[code]));
    }
  });

  // Regression (tester): the image dialog showed « ce fichier n'est pas une image : Edito
  // accepte… » — a fragment with no capital and no full stop. Shown alone in the dialog, the
  // refusals of an image are full sentences in both languages.
  it("the refusals of an image are full sentences (capital, full stop) in French and English", () => {
    for (const code of ["image_not_an_image", "image_unsupported", "image_corrupt", "image_too_large", "image_too_many_pixels", "image_not_stored"] as const) {
      for (const lang of ["fr", "en"] as const) {
        const text = errorText({ code, params: { format: "HEIC", megabytes: 63, megapixels: 48, reason: "read_only" } }, lang);
        expect(text, `${code} ${lang}`).toMatch(/^[A-ZÀ-Ý]/);
        expect(text, `${code} ${lang}`).toMatch(/\.$/);
      }
    }
  });

  it("fills the parameters and words the core's terms in the UI's language", () => {
    const err: UiError = { code: "io", params: { action: "create folder", name: "site", reason: "permission_denied" } };
    expect(errorText(err, "fr")).toBe("impossible de créer le dossier « site » (accès refusé)");
    expect(errorText(err, "en")).toBe("cannot create the folder “site” (permission denied)");
    expect(errorText({ code: "not_found", params: { id: 3 } }, "fr")).toBe("l'article n° 3 n'existe plus (supprimé ailleurs ?)");
    expect(errorText({ code: "invalid", params: { field: "publication_date" } }, "en")).toMatch(/^the publication date \(YYYY-MM-DD\) is not accepted/);
  });

  it("errorMessage follows the UI's language", () => {
    const err = { code: "busy" };
    expect(errorMessage(err)).toMatch(/^la bibliothèque est occupée/);
    setUiLang("en", null);
    expect(errorMessage(err)).toMatch(/^the library is busy/);
  });

  it("an unknown code gets a generic message in the UI's language, never the raw object", () => {
    const err = { code: "from_a_newer_shell", message: "English words" };
    expect(errorMessage(err)).toMatch(/^une erreur inattendue/);
    setUiLang("en", null);
    expect(errorMessage(err)).toMatch(/^something unexpected went wrong/);
    expect(errorCode(err)).toBe("from_a_newer_shell");
  });

  it("what is not a shell error is shown as it was thrown", () => {
    expect(errorMessage(new Error("boom"))).toBe("boom");
    expect(errorMessage("command export_site not found")).toBe("command export_site not found");
    expect(errorCode("plain")).toBe("");
  });
});
