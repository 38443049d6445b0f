// Browser-only tests of the library-problem view (#13.18) against the mocked backend: a
// library that can only be read says so with its ways out, the focus on going on reading;
// "Choisir un autre dossier" asks the shell for its dialog, titled in the UI's language.
// Run: npm run build && node --test tests/library-problem.browser.test.mjs.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { closeBrowser, openDesk, startBrowser, text } from "./browser.mjs";

before(startBrowser);
after(closeBrowser);

describe("a read-only library", () => {
  it("is said read-only with what to do, the pieces still shown, going on reading focused", async () => {
    const { page, context, errors } = await openDesk({ init: "window.__mockReadOnly = true" });
    await page.waitForSelector("#library-problem:not([hidden])");
    assert.match(await text(page, "#library-problem-text"), /lecture seule.*aucune modification ne sera enregistrée.*choisissez un autre dossier/s);
    assert.equal(await page.evaluate(() => document.activeElement.id), "library-problem-read");
    assert.equal(await page.isVisible("#library-problem-choose"), true);
    assert.equal(await page.isVisible("#library-problem-restore"), false);
    // Cancelling the dialog leaves everything as it was; the title is the UI's words.
    await page.click("#library-problem-choose");
    await page.waitForFunction(() => window.__mockCalls.some((c) => c.cmd === "choose_library_folder"));
    const call = await page.evaluate(() => window.__mockCalls.find((c) => c.cmd === "choose_library_folder"));
    assert.equal(call.args.title, "Dossier de la bibliothèque Edito");
    assert.equal(await page.isVisible("#library-problem"), true);
    await page.click("#library-problem-read");
    assert.equal(await page.isVisible("#library-problem"), false);
    assert.equal(await page.inputValue("#title"), "Bienvenue dans Edito");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("a writable library shows no problem", async () => {
    const { page, context } = await openDesk();
    await page.waitForFunction(() => window.__mockCalls.some((c) => c.cmd === "library_read_only"));
    assert.equal(await page.isVisible("#library-problem"), false);
    await context.close();
  });
});
