// Browser-only tests of the built UI: Debian's chromium driven by playwright-core, the
// Tauri backend replaced by tests/mock-tauri.ts. Accessibility (axe-core: no serious or
// critical violation, light and dark, French), keyboard flows, French spacing, quick open,
// language switch, gauge, preview clicks. Run: npm run build && npm run test:browser.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { axe, closeBrowser, editorText, NBSP, openDesk, startBrowser, text } from "./browser.mjs";

before(startBrowser);
after(closeBrowser);

describe("accessibility (axe-core)", () => {
  for (const colorScheme of ["light", "dark"]) {
    it(`main view, French, ${colorScheme}: no serious or critical violation`, async () => {
      const { page, context, errors } = await openDesk({ colorScheme });
      assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
      // The palette follows the system: charcoal in dark mode, paper in light mode.
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, colorScheme === "dark" ? "rgb(28, 27, 25)" : "rgb(251, 249, 244)");
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });

    it(`dialogs (settings, shortcuts, quick open), ${colorScheme}: no serious or critical violation`, async () => {
      const { page, context } = await openDesk({ colorScheme });
      await page.click("#open-settings");
      await page.waitForSelector("#settings[open]");
      assert.deepEqual(await axe(page), []);
      await page.keyboard.press("Escape");
      await page.keyboard.press("F1");
      await page.waitForSelector("#help[open]");
      assert.deepEqual(await axe(page), []);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+p");
      await page.waitForSelector("#palette[open]");
      assert.deepEqual(await axe(page), []);
      await context.close();
    });
  }

  it("the theme chosen in the settings wins over the system's", async () => {
    const { page, context } = await openDesk({ colorScheme: "dark" });
    await page.evaluate(() => (document.documentElement.dataset.theme = "light"));
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(251, 249, 244)");
    await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), "rgb(233, 228, 218)");
    await context.close();
  });

  it("every control is reachable with Tab and shows a focus ring", async () => {
    const { page, context } = await openDesk();
    const reached = new Set();
    await page.focus("body");
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { id: el.id || el.className, outline: style.outlineStyle !== "none" || style.boxShadow !== "none" };
      });
      reached.add(info.id);
      if (["new-piece", "library-search", "title", "splitter", "toggle-focus"].includes(info.id)) assert.ok(info.outline, `${info.id} shows focus`);
    }
    for (const id of ["new-piece", "library-search", "kicker", "title", "standfirst", "cm-content", "splitter", "toggle-preview", "toggle-focus", "open-settings", "open-help"]) {
      assert.ok([...reached].some((r) => r.includes(id)), `${id} reachable by Tab (got ${[...reached].join(", ")})`);
    }
    await context.close();
  });
});

describe("writing", () => {
  it("French spacing is inserted while typing, and can be turned off", async () => {
    const { page, context } = await openDesk();
    await page.click("#new-piece");
    await page.waitForFunction(() => document.getElementById("title").value === "");
    await page.click(".cm-content");
    await page.keyboard.type("Note: à 10:30, vraiment? «oui»");
    assert.equal(await editorText(page), `Note${NBSP}: à 10:30, vraiment\u202F? «${NBSP}oui${NBSP}»`);
    await page.click("#open-settings");
    await page.uncheck("#french-typing");
    await page.keyboard.press("Escape");
    await page.click(".cm-content");
    await page.keyboard.press("End");
    await page.keyboard.type(" Fin!");
    assert.ok((await editorText(page)).endsWith(" Fin!"));
    assert.equal(await page.locator(".cm-nbsp").count() > 0, true, "no-break spaces are marked");
    await context.close();
  });

  // Issue #11: « then a space stored « + no-break space + space; the export kept both.
  it("typing « then a space stores one no-break space; > after a continued quote does not nest it", async () => {
    const { page, context } = await openDesk();
    await page.click("#new-piece");
    await page.waitForFunction(() => document.getElementById("title").value === "");
    await page.click(".cm-content");
    await page.keyboard.type("« oui »");
    assert.equal(await editorText(page), `«${NBSP}oui${NBSP}»`);
    // Issue #11: a "> item" house list nested the quote: Enter continued it, the next `>` nested it.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("> un");
    await page.keyboard.press("Enter");
    await page.keyboard.type("> deux");
    assert.equal(await editorText(page), `«${NBSP}oui${NBSP}»\n\n> un\n> deux`);
    await context.close();
  });

  it("an English piece gets no French spacing, and its editor says lang=en", async () => {
    const { page, context } = await openDesk();
    await page.keyboard.press("Control+n");
    await page.waitForFunction(() => document.getElementById("title").value === "" && document.activeElement.id === "title");
    await page.click("#toggle-metadata");
    await page.selectOption("#meta-lang", "en");
    assert.equal(await page.getAttribute(".cm-content", "lang"), "en");
    // The core's checker marks the body; the webview's own would mark every language at once.
    assert.equal(await page.getAttribute(".cm-content", "spellcheck"), "false");
    await page.click(".cm-content");
    await page.keyboard.type("Note: really?");
    assert.equal(await editorText(page), "Note: really?");
    await context.close();
  });

  it("the gauge moves with the counts against the target", async () => {
    const { page, context } = await openDesk();
    assert.equal(await page.getAttribute("#gauge", "data-level"), "none");
    await page.click("#toggle-metadata");
    await page.fill("#meta-target", "100");
    await page.waitForFunction(() => document.getElementById("gauge").dataset.level === "under");
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Encore quelques mots pour dépasser largement la longueur visée de cet article.");
    await page.waitForFunction(() => document.getElementById("gauge").dataset.level === "over");
    assert.match(await text(page, ".gauge__text"), /signes de trop/);
    assert.match(await text(page, '[data-count="words"]'), /^\d+ mots$/);
    await context.close();
  });

  it("Ctrl+B makes bold and Enter continues a list", async () => {
    const { page, context } = await openDesk();
    await page.click("#new-piece");
    await page.waitForFunction(() => document.getElementById("title").value === "");
    await page.click(".cm-content");
    await page.keyboard.type("- un");
    await page.keyboard.press("Enter");
    await page.keyboard.type("deux");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Control+b");
    assert.equal(await editorText(page), "- un\n- **deux**");
    await context.close();
  });

  it("clicking a preview block puts the cursor on its source line", async () => {
    const { page, context } = await openDesk();
    await page.frameLocator("#preview").locator('[data-line="5"]').click();
    const line = await page.evaluate(() => window.__edito.cursorLine());
    assert.equal(line, 5);
    await context.close();
  });

  it("the preview shows the typeset title above the body and the signature below it", async () => {
    const { page, context } = await openDesk();
    await page.fill("#title", "L'année");
    await page.click("#toggle-metadata");
    await page.fill("#meta-author", "Jean Martin");
    await page.fill("#meta-author-role", "Directeur de la rédaction");
    const preview = page.frameLocator("#preview");
    await preview.locator("h1", { hasText: "L\u2019année" }).waitFor();
    await preview.locator(".signature .author", { hasText: "Jean Martin" }).waitFor();
    assert.equal(await preview.locator(".signature .role").textContent(), "Directeur de la rédaction");
    // The theme's page: the body's blocks sit in its body element, under the header.
    assert.equal(await preview.locator("#edito-body").getAttribute("class"), "body");
    await context.close();
  });

  // Issue #11: at a 1280 px wide window a 40-letter word in the title ran past the preview
  // column. The theme's page (the real stylesheet, src/export/templates/style.css) breaks
  // any word wider than the column: title, standfirst and body stay inside the pane.
  it("a title word wider than the preview column wraps inside it", async () => {
    const { page, context } = await openDesk();
    const word = "Anticonstitutionnellementextraordinaires";
    await page.fill("#title", `Le ${word} du jour`);
    await page.fill("#standfirst", word.repeat(2));
    const preview = page.frameLocator("#preview");
    await preview.locator("h1", { hasText: word }).waitFor();
    const boxes = await page.evaluate(() => {
      const doc = document.getElementById("preview").contentDocument;
      // The right edge of the text itself (a range over it), not of its box.
      const right = (sel) => {
        const range = doc.createRange();
        range.selectNodeContents(doc.querySelector(sel));
        return Math.max(...[...range.getClientRects()].map((r) => r.right));
      };
      return { pane: doc.documentElement.clientWidth, column: doc.querySelector("main").getBoundingClientRect().right, title: right("h1"), standfirst: right(".standfirst"), scroll: doc.documentElement.scrollWidth };
    });
    assert.ok(boxes.pane < 640, `the preview column is narrow at 1280 px: ${boxes.pane}px`);
    assert.ok(boxes.title <= boxes.column + 0.5 && boxes.standfirst <= boxes.column + 0.5, JSON.stringify(boxes));
    assert.ok(boxes.scroll <= boxes.pane, `no sideways scrolling: ${JSON.stringify(boxes)}`);
    await context.close();
  });

  it("a long title wraps: the field grows instead of hiding its end", async () => {
    const { page, context } = await openDesk();
    await page.fill("#title", "Court");
    const short = await page.evaluate(() => document.getElementById("title").getBoundingClientRect().height);
    await page.fill("#title", "2002 : l'année de tous les dangers, des élections, de l'euro et des marchés nerveux");
    const long = await page.evaluate(() => document.getElementById("title").getBoundingClientRect().height);
    assert.ok(long > short * 1.5, `title field ${short}px → ${long}px`);
    await page.fill("#title", "Un\ntitre");
    assert.equal(await page.inputValue("#title"), "Un titre");
    await context.close();
  });

  it("focus mode dims all but the current paragraph", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-focus");
    await page.click(".cm-line >> nth=2");
    await page.waitForTimeout(400); // let the fade finish
    const dimmed = await page.evaluate(() => [...document.querySelectorAll(".cm-line")].map((l) => getComputedStyle(l).opacity));
    assert.ok(dimmed.filter((o) => o === "1").length >= 1);
    assert.ok(dimmed.filter((o) => Number(o) < 0.5).length >= 1);
    await context.close();
  });
});

describe("navigation and language", () => {
  it("Ctrl+P opens a piece by fuzzy title; Ctrl+Shift+F filters the library", async () => {
    const { page, context } = await openDesk();
    await page.keyboard.press("Control+p");
    await page.keyboard.type("budg");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.getElementById("title").value === "Le budget des communes");
    await page.keyboard.press("Control+Shift+F");
    assert.equal(await page.evaluate(() => document.activeElement.id), "library-search");
    await page.keyboard.type("zzz");
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 0);
    assert.match(await text(page, "#library-message"), /Aucun article/);
    await context.close();
  });

  it("English on an English system; the switch to French is remembered", async () => {
    const { page, context } = await openDesk({ locale: "en-US" });
    assert.equal(await text(page, "#new-piece"), "New piece");
    await page.click("#open-settings");
    await page.selectOption("#ui-lang", "fr");
    assert.equal(await text(page, "#new-piece"), "Nouvel article");
    await page.reload();
    await page.waitForFunction(() => document.getElementById("new-piece").textContent === "Nouvel article");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
    await context.close();
  });

  it("Ctrl+E opens the export dialog, Escape closes it", async () => {
    const { page, context } = await openDesk();
    await page.keyboard.press("Control+e");
    await page.waitForSelector("#export-dialog[open]");
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.getElementById("export-dialog").open), false);
    await context.close();
  });

  it("Ctrl+S saves at once", async () => {
    const { page, context } = await openDesk();
    await page.click(".cm-content");
    await page.keyboard.type("x");
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => document.getElementById("save-state").dataset.state === "saved");
    assert.ok(await page.evaluate(() => window.__mockPieces[0].body.includes("x")));
    await context.close();
  });
});
