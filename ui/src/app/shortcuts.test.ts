// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { actionFor, renderHelp, SHORTCUTS } from "./shortcuts";

const press = (key: string, init: KeyboardEventInit = {}) => new KeyboardEvent("keydown", { key, ...init });

describe("shortcuts", () => {
  it("maps the desk's key presses to actions", () => {
    expect(actionFor(press("p", { ctrlKey: true }))).toBe("quickOpen");
    expect(actionFor(press("n", { ctrlKey: true }))).toBe("new");
    expect(actionFor(press("f", { ctrlKey: true }))).toBe("find");
    expect(actionFor(press("F", { ctrlKey: true, shiftKey: true }))).toBe("search");
    expect(actionFor(press("s", { ctrlKey: true }))).toBe("save");
    expect(actionFor(press("e", { ctrlKey: true }))).toBe("export");
    expect(actionFor(press("F1"))).toBe("help");
    expect(actionFor(press("/", { ctrlKey: true }))).toBe("help");
    expect(actionFor(press("f", { ctrlKey: true, altKey: true }))).toBe("focus");
  });

  it("leaves plain typing and editor shortcuts to the editor", () => {
    expect(actionFor(press("p"))).toBeNull();
    expect(actionFor(press("b", { ctrlKey: true }))).toBeNull();
  });

  it("the help overlay lists every shortcut", () => {
    const table = document.createElement("table");
    renderHelp(table, "fr");
    expect(table.querySelectorAll("tr")).toHaveLength(SHORTCUTS.length);
    expect(table.textContent).toContain("Aller à un article");
    renderHelp(table, "en");
    expect(table.textContent).toContain("Ctrl+Shift+F");
  });
});
