// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { applyTheme, DEFAULT_PREFERENCES, loadPreferences, parsePreferences, savePreferences } from "./preferences";

describe("preferences", () => {
  it("falls back to the defaults on missing or broken storage", () => {
    expect(parsePreferences(null)).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences("{nope")).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences('{"theme":"purple","focus":"yes","split":99}')).toEqual({ ...DEFAULT_PREFERENCES, split: 80 });
  });

  it("remembers what the writer chose", () => {
    savePreferences({ ...DEFAULT_PREFERENCES, theme: "dark", frenchTyping: false, split: 61 });
    expect(loadPreferences()).toMatchObject({ theme: "dark", frenchTyping: false, split: 61 });
  });

  it("sets data-theme for light and dark, and removes it for auto", () => {
    const root = document.documentElement;
    applyTheme("dark", root);
    expect(root.dataset.theme).toBe("dark");
    applyTheme("auto", root);
    expect(root.dataset.theme).toBeUndefined();
  });
});
