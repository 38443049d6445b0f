// Browser-only tests of spell checking in the editor (the core's answers stood in for by
// tests/mock-tauri.ts): marks drawn on typed text, the suggestion menu reached by keyboard
// (Ctrl+.) and by right-click, accessible (axe-core), and the webview's own checker off.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { axe, closeBrowser, editorText, openDesk, startBrowser } from "./browser.mjs";

before(startBrowser);
after(closeBrowser);

/** Types `text` at the end of the body and waits for a wavy mark on `word`. */
async function typeAndWaitForMark(page, text, word) {
  await page.click(".cm-content");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
  await page.waitForFunction((w) => [...document.querySelectorAll(".cm-misspelt")].some((el) => el.textContent === w), word);
}

describe("spell checking", () => {
  it("marks a misspelt word, and Ctrl+. replaces it with a suggestion chosen by keyboard", async () => {
    const { page, context, errors } = await openDesk();
    assert.equal(await page.getAttribute(".cm-content", "spellcheck"), "false");
    await typeAndWaitForMark(page, "\n\nLe gouvernment parle.", "gouvernment");
    assert.equal(await page.getAttribute(".cm-misspelt", "aria-invalid"), "spelling");
    // Cursor on the word, then the shortcut.
    await page.keyboard.press("Home");
    await page.keyboard.press("Control+ArrowRight");
    await page.keyboard.press("Control+ArrowRight");
    await page.keyboard.press("Control+.");
    await page.waitForSelector('.cm-spelling-menu [role="menuitem"]:focus');
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.querySelector(".cm-spelling-menu"));
    assert.match(await editorText(page), /Le gouvernement parle\.$/);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("cm-content")), true);
    assert.equal(await page.locator(".cm-misspelt").count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("a right-click on a marked word opens the suggestions instead of the browser's menu", async () => {
    const { page, context } = await openDesk();
    await typeAndWaitForMark(page, " Le gouvernment.", "gouvernment");
    await page.click(".cm-misspelt", { button: "right" });
    await page.waitForSelector('.cm-spelling-menu [role="menuitem"]:focus');
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.querySelector(".cm-spelling-menu"));
    assert.match(await editorText(page), /Le gouvernent\.$/);
    await context.close();
  });

  it("Escape closes the menu and gives the keyboard back to the editor", async () => {
    const { page, context } = await openDesk();
    await typeAndWaitForMark(page, " lannée", "lannée");
    await page.keyboard.press("Control+.");
    await page.waitForSelector('.cm-spelling-menu[aria-label="Suggestions pour « lannée »"]');
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.querySelector(".cm-spelling-menu"));
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("cm-content")), true);
    await context.close();
  });
});
