// Browser-only tests of the library's panels and dialogs, against the mocked backend
// (tests/mock-tauri.ts): accessibility of each (axe-core, light and dark), search with
// highlighted snippets, filters, tags, trash, metadata, history, conflicts, export and import.
// Run: npm run build && npm run test:browser.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { axe, closeBrowser, editorText, openDesk, startBrowser, text } from "./browser.mjs";

before(startBrowser);
after(closeBrowser);

const calls = (page, cmd) => page.evaluate((c) => window.__mockCalls.filter((x) => x.cmd === c).map((x) => x.args), cmd);

describe("panels: accessibility (axe-core)", () => {
  for (const colorScheme of ["light", "dark"]) {
    it(`metadata panel, search results, trash, ${colorScheme}`, async () => {
      const { page, context, errors } = await openDesk({ colorScheme });
      await page.click("#toggle-metadata");
      await page.waitForSelector("#metadata-panel:not([hidden])");
      await page.fill("#library-search", "essai");
      await page.waitForSelector(".piece-item__snippet mark");
      assert.deepEqual(await axe(page), []);
      await page.click("#show-trash");
      await page.waitForSelector("#empty-trash:not([hidden])");
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });

    it(`history, conflict, export and confirm dialogs, ${colorScheme}`, async () => {
      const { page, context } = await openDesk({ colorScheme });
      await page.click(".cm-content");
      await page.keyboard.type(" Ajout.");
      await page.keyboard.press("Control+s");
      await page.keyboard.press("Control+Alt+h");
      await page.waitForSelector("#history-diff ins");
      assert.deepEqual(await axe(page), []);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+e");
      await page.waitForSelector("#export-dialog[open]");
      assert.deepEqual(await axe(page), []);
      await page.keyboard.press("Escape");
      await page.evaluate(() => (window.__mockConflictOnce = true));
      await page.click(".cm-content");
      await page.keyboard.type("!");
      await page.waitForSelector("#conflict-dialog[open]");
      assert.deepEqual(await axe(page), []);
      await page.click("#conflict-take-theirs");
      // Emptying is offered only when the trash holds something.
      await page.click("#toggle-metadata");
      await page.click("#meta-trash");
      await page.click("#show-trash");
      await page.waitForSelector(".trash-item");
      await page.click("#empty-trash");
      await page.waitForSelector("#confirm-dialog[open]");
      assert.deepEqual(await axe(page), []);
      await context.close();
    });
  }
});

describe("library sidebar", () => {
  it("search ignores accents, shows the snippet with <mark>, and combines with the status filter", async () => {
    const { page, context } = await openDesk();
    await page.fill("#library-search", "deuxieme");
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 1);
    assert.equal(await text(page, ".piece-item__title"), "Bienvenue dans Edito");
    assert.equal(await text(page, ".piece-item__snippet mark"), "deuxieme");
    // Markup in a snippet stays text.
    assert.equal(await page.locator(".piece-item__snippet b").count(), 0);
    await page.selectOption("#filter-status", "published");
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 0);
    const last = (await calls(page, "search")).at(-1);
    assert.deepEqual(last.query.statuses, ["published"]);
    assert.equal(last.query.text, "deuxieme");
    await context.close();
  });

  it("the tag list counts pieces and filters by tag; the category filter lists categories", async () => {
    const { page, context } = await openDesk();
    await page.waitForSelector('.tag-chip[data-tag="édito"]');
    assert.match(await text(page, '.tag-chip[data-tag="édito"]'), /édito\s+1/);
    await page.click('.tag-chip[data-tag="édito"]');
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 1);
    assert.equal(await page.getAttribute('.tag-chip[data-tag="édito"]', "aria-pressed"), "true");
    await page.click('.tag-chip[data-tag="édito"]');
    await page.selectOption("#filter-category", "Société");
    await page.waitForFunction(() => document.querySelector(".piece-item__title")?.textContent === "Le budget des communes" && document.querySelectorAll(".piece-item").length === 1);
    await context.close();
  });

  it("a piece goes to the trash from the panel, comes back, and the trash empties after confirmation", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    await page.click("#meta-trash");
    await page.waitForFunction(() => document.getElementById("title").value === "Le budget des communes");
    await page.click("#show-trash");
    await page.waitForSelector('.trash-item[data-id="1"]');
    await page.click('.trash-item[data-id="1"] .trash-item__restore');
    await page.waitForFunction(() => !document.querySelector(".trash-item"));
    assert.match(await text(page, "#library-message"), /corbeille est vide/);
    await page.click("#show-trash");
    await page.click("#meta-trash");
    await page.click("#show-trash");
    await page.waitForSelector(".trash-item");
    await page.click("#empty-trash");
    await page.click("#confirm-cancel");
    assert.equal(await page.locator(".trash-item").count(), 1);
    await page.click("#empty-trash");
    await page.click("#confirm-ok");
    await page.waitForFunction(() => !document.querySelector(".trash-item"));
    // Issue #11: the count did not agree ("1 articles supprimés").
    assert.equal(await text(page, "#library-message"), "Corbeille vidée : 1 article supprimé.");
    assert.notEqual(await page.evaluate(() => document.activeElement.id), "empty-trash", "focus leaves the destructive button");
    await context.close();
  });
});

describe("toolbar buttons that open a dialog", () => {
  // Issue #11: "Historique" stayed highlighted after its dialog was left. A button that opens
  // a dialog looks active (as a toggle that is on) while its dialog is shown, and like any
  // idle button once it is closed — by Escape, by its own button, or by a shortcut.
  it("look active exactly while their dialog is shown", async () => {
    const { page, context } = await openDesk();
    const look = (id) =>
      page.evaluate((i) => {
        const s = getComputedStyle(document.getElementById(i));
        return `${s.backgroundColor} ${s.color} ${s.borderTopColor}`;
      }, id);
    const on = await look("toggle-preview");
    const idle = await look("open-export");
    assert.notEqual(on, idle);
    const closes = {
      Escape: () => page.keyboard.press("Escape"),
      "its Fermer button": () => page.click("#history-dialog form[method=dialog] button"),
    };
    for (const [how, close] of Object.entries(closes)) {
      await page.click("#open-history");
      await page.waitForSelector("#history-dialog[open]");
      assert.equal(await look("open-history"), on, `active while shown (${how})`);
      await close();
      await page.waitForSelector("#history-dialog:not([open])", { state: "attached" });
      await page.mouse.move(5, 790);
      assert.equal(await look("open-history"), idle, `idle once closed by ${how}`);
    }
    await page.keyboard.press("Control+e");
    await page.waitForSelector("#export-dialog[open]");
    assert.deepEqual([await look("open-export"), await look("open-history")], [on, idle], "opened by its shortcut");
    await page.keyboard.press("Escape");
    await page.mouse.move(5, 790);
    assert.equal(await look("open-export"), idle);
    await context.close();
  });
});

describe("trash: emptying only what is there", () => {
  // Issue #11: "Vider la corbeille" was offered, looking usable, on an empty trash. It must
  // look unavailable, do nothing, and say why; it becomes usable once a piece is trashed.
  it("Vider la corbeille looks unavailable on an empty trash and says why", async () => {
    const { page, context } = await openDesk();
    await page.click("#show-trash");
    await page.waitForFunction(() => document.getElementById("library-message").textContent === "La corbeille est vide.");
    const looks = () =>
      page.evaluate(() => {
        const button = document.getElementById("empty-trash");
        const box = button.getBoundingClientRect();
        return { shown: box.width > 0 && box.height > 0, opacity: Number(getComputedStyle(button).opacity), tooltip: button.title, reason: document.getElementById("library-message").innerText };
      });
    const empty = await looks();
    assert.ok(!empty.shown || empty.opacity <= 0.6, `looks unavailable: ${JSON.stringify(empty)}`);
    assert.equal(empty.reason, "La corbeille est vide.");
    assert.equal(empty.tooltip, "La corbeille est vide.");
    await page.click("#empty-trash", { force: true });
    assert.equal(await page.evaluate(() => document.getElementById("confirm-dialog").open), false, "nothing to confirm");
    await page.click("#show-trash");
    await page.click("#toggle-metadata");
    await page.click("#meta-trash");
    await page.click("#show-trash");
    await page.waitForSelector(".trash-item");
    const filled = await looks();
    assert.deepEqual([filled.shown, filled.opacity, filled.tooltip], [true, 1, ""]);
    await context.close();
  });
});

describe("destructive actions can be undone", () => {
  const focused = (page) => page.evaluate(() => ({ id: document.activeElement.id, danger: document.activeElement.classList.contains("button--danger") }));
  const visible = (page, sel) => page.evaluate((s) => { const el = document.querySelector(s); return !!el && !el.hidden && el.getBoundingClientRect().height > 0; }, sel);

  // Issue #11: after "Mettre à la corbeille" the next piece opened with the focus still on the
  // red button, and a Space trashed it silently.
  it("trash leaves the focus on Annuler, and Space brings the piece back", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    await page.click("#meta-trash");
    await page.waitForFunction(() => document.getElementById("title").value === "Le budget des communes");
    assert.ok(await visible(page, "#undo-notice"));
    assert.equal(await text(page, "#undo-message"), "« Bienvenue dans Edito » est dans la corbeille.");
    assert.equal(await text(page, "#undo-button"), "Annuler");
    assert.deepEqual(await focused(page), { id: "undo-button", danger: false });
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.getElementById("title").value === "Bienvenue dans Edito");
    assert.equal(await page.evaluate(() => window.__mockPieces.filter((p) => p.trashed_at).length), 0, "nothing is left in the trash");
    assert.ok(!(await visible(page, "#undo-notice")));
    await context.close();
  });

  // Issue #11: when the notice left, the focus went into the next piece's body, so a stray key
  // edited a text the writer had not chosen. It goes to the list row of the piece shown.
  for (const how of ["times out", "is dismissed with Escape"]) {
    it(`when the undo notice ${how}, the focus is on the shown piece's row and a stray key edits nothing`, async () => {
      const { page, context } = await openDesk();
      if (how === "times out") await page.clock.install();
      await page.click("#toggle-metadata");
      await page.click("#meta-trash");
      await page.waitForFunction(() => document.getElementById("title").value === "Le budget des communes");
      assert.deepEqual(await focused(page), { id: "undo-button", danger: false });
      const body = await editorText(page);
      if (how === "times out") await page.clock.runFor(11_000);
      else await page.keyboard.press("Escape");
      await page.waitForFunction(() => document.getElementById("undo-notice").hidden);
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el.tagName, editable: el.isContentEditable || el.matches("input, textarea, select"), text: el.querySelector(".piece-item__title")?.innerText ?? "" };
      });
      assert.deepEqual(where, { tag: "BUTTON", editable: false, text: "Le budget des communes" });
      await page.keyboard.type("zq");
      assert.equal(await editorText(page), body, "the body is untouched");
      assert.equal(await page.evaluate(() => document.getElementById("title").value), "Le budget des communes");
      await context.close();
    });
  }

  it("a piece restored from the trash can be sent back with Annuler", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    await page.click("#meta-trash");
    await page.click("#show-trash");
    await page.click('.trash-item[data-id="1"] .trash-item__restore');
    await page.waitForFunction(() => document.getElementById("undo-message").textContent === "« Bienvenue dans Edito » est sorti de la corbeille.");
    assert.deepEqual(await focused(page), { id: "undo-button", danger: false });
    await page.click("#undo-button");
    await page.waitForSelector('.trash-item[data-id="1"]');
    await context.close();
  });
});

describe("metadata panel", () => {
  it("edits are saved with the full piece, the base version and tags left alone", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    await page.fill("#meta-author", "Claire Dupont");
    await page.fill("#meta-category", "Société");
    await page.fill("#meta-date", "2026-12-01");
    await page.fill("#meta-issue", "42");
    await page.waitForFunction(() => window.__mockPieces[0].issue_number === 42);
    const edit = (await calls(page, "save_piece")).at(-1).edit;
    assert.equal(edit.author, "Claire Dupont");
    assert.equal(edit.category, "Société");
    assert.equal(edit.publication_date, "2026-12-01");
    assert.equal(edit.tags, null);
    assert.equal(edit.kind, "autosave");
    assert.equal(typeof edit.base_version, "number");
    await context.close();
  });

  // Regression: the native <datalist> of tags stayed open over the other controls in
  // WebKitGTK. The suggestions are now the page's own list: shown while typing, gone on
  // Escape, on a click elsewhere and when the field is left.
  it("tag and section suggestions close on Escape, outside click and blur", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    const tagList = page.locator("#meta-tag-input-suggestions");
    await page.click("#meta-tag-input");
    await page.keyboard.type("édi");
    await tagList.waitFor({ state: "visible" });
    assert.deepEqual(await tagList.locator("[role=option]").allTextContents(), ["édito"]);
    await page.keyboard.press("Escape");
    await tagList.waitFor({ state: "hidden" });
    assert.equal(await page.evaluate(() => document.getElementById("metadata-panel").hidden), false, "Escape closed the list, not the panel");
    await page.keyboard.type("t");
    await tagList.waitFor({ state: "visible" });
    await page.click(".meta-field label[for=meta-status]");
    await tagList.waitFor({ state: "hidden" });
    await page.click("#meta-tag-input");
    await page.keyboard.press("Backspace");
    await tagList.waitFor({ state: "visible" });
    await page.keyboard.press("Tab");
    await tagList.waitFor({ state: "hidden" });
    // Arrow then Enter takes a name; the section field completes the same way.
    await page.fill("#meta-category", "");
    await page.click("#meta-category");
    await page.keyboard.type("soc");
    const sectionList = page.locator("#meta-category-suggestions");
    await sectionList.waitFor({ state: "visible" });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await sectionList.waitFor({ state: "hidden" });
    assert.equal(await page.inputValue("#meta-category"), "Société");
    // Names are not spell-checked.
    for (const id of ["meta-author", "meta-category", "meta-tag-input"]) {
      assert.equal(await page.evaluate((i) => document.getElementById(i).spellcheck, id), false, id);
    }
    await context.close();
  });

  it("tags are added and removed through their calls; the status changes and its history shows", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    await page.fill("#meta-tag-input", "budget, Élections");
    await page.keyboard.press("Enter");
    await page.waitForSelector('.tag-pill[data-tag="Élections"]');
    assert.deepEqual((await calls(page, "add_tags")).at(-1).names, ["budget", "Élections"]);
    await page.click('.tag-pill[data-tag="budget"] .tag-pill__remove');
    await page.waitForFunction(() => !document.querySelector('.tag-pill[data-tag="budget"]'));
    await page.selectOption("#meta-status", "review");
    await page.waitForFunction(() => document.querySelector('.piece-item[aria-current="true"] .status-badge')?.dataset.status === "review");
    await page.click(".meta-history summary");
    assert.match(await text(page, "#meta-status-history"), /Brouillon → À relire/);
    // A save after the tag and status calls is based on their version: no conflict.
    await page.click(".cm-content");
    await page.keyboard.type("x");
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => document.getElementById("save-state").dataset.state === "saved");
    await context.close();
  });

  it("an adjusted slug is shown; the language follows into the preview call", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    await page.fill("#meta-slug", "Mon Édito 2026!");
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => document.getElementById("meta-slug-note").textContent.includes("mon-edito-2026"));
    await page.selectOption("#meta-lang", "en");
    await page.waitForFunction(() => window.__mockCalls.some((c) => c.cmd === "render_preview" && c.args.lang === "en"));
    await context.close();
  });
});

describe("history and conflicts", () => {
  it("a save point keeps the old text; restoring it puts it back in the editor", async () => {
    const { page, context } = await openDesk();
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Nouveau.");
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => document.getElementById("save-state").dataset.state === "saved");
    assert.equal((await calls(page, "save_piece")).at(-1).edit.kind, "save_point");
    await page.click("#open-history");
    await page.waitForSelector(".revision-item");
    assert.match(await text(page, ".revision-item"), /Enregistrement/);
    await page.waitForSelector("#history-diff ins");
    assert.match(await text(page, "#history-diff ins"), /Nouveau/);
    await page.click("#history-restore");
    await page.waitForFunction(() => !document.getElementById("history-dialog").open);
    assert.ok(!(await editorText(page)).includes("Nouveau"));
    // Issue #11: a restore replaced the text with no way back but the history. It says so,
    // and Annuler (holding the focus) puts the text back.
    assert.match(await text(page, "#undo-message"), /^Version n° \d+ restaurée/);
    assert.equal(await page.evaluate(() => document.activeElement.id), "undo-button");
    await page.click("#undo-button");
    await page.waitForFunction(() => window.__edito.text().endsWith(" Nouveau."));
    await context.close();
  });

  // Issue #11: at 1280×820 the buttons sat on the comparison and the whole dialog scrolled;
  // fields showed their code names (author_role); nothing said what the history keeps.
  it("at 1280×820 only the comparison scrolls, the buttons stay reachable, fields are worded", async () => {
    const { page, context } = await openDesk();
    await page.setViewportSize({ width: 1280, height: 820 });
    await page.evaluate(() => window.__edito.setText(Array.from({ length: 120 }, (_, i) => `Paragraphe ${i + 1} du texte.`).join("\n\n")));
    await page.evaluate(() => window.__edito.update({ author: "Marie Durand", author_role: "Directrice" }));
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => document.getElementById("save-state").dataset.state === "saved");
    await page.evaluate(() => window.__edito.setText("Tout autre texte."));
    await page.evaluate(() => window.__edito.update({ author: "", author_role: "" }));
    await page.click("#open-history");
    await page.waitForSelector("#history-diff del");
    const layout = await page.evaluate(() => {
      const dialog = document.getElementById("history-dialog");
      const diff = document.getElementById("history-diff");
      const restore = document.getElementById("history-restore").getBoundingClientRect();
      const hit = document.elementFromPoint(restore.x + restore.width / 2, restore.y + restore.height / 2);
      return {
        dialogScrolls: dialog.scrollHeight > dialog.clientHeight + 1,
        diffScrolls: diff.scrollHeight > diff.clientHeight,
        restoreInView: restore.bottom <= innerHeight && restore.top >= 0,
        restoreOnTop: hit?.id === "history-restore",
        headings: [...diff.querySelectorAll("h3")].map((h) => h.textContent),
        policy: document.getElementById("history-policy").textContent,
      };
    });
    assert.deepEqual(
      { ...layout, policy: undefined },
      { dialogScrolls: false, diffScrolls: true, restoreInView: true, restoreOnTop: true, headings: ["Texte de l'article", "Auteur", "Fonction de l'auteur"], policy: undefined },
    );
    assert.match(layout.policy, /avant toute suppression de plus d'une phrase/);
    await context.close();
  });

  it("a conflict shows both versions; keeping mine saves on top of the other version", async () => {
    const { page, context } = await openDesk();
    await page.evaluate(() => (window.__mockConflictOnce = true));
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Mien.");
    await page.keyboard.press("Control+s");
    await page.waitForSelector("#conflict-dialog[open]");
    assert.match(await text(page, "#conflict-mine"), /Mien\./);
    assert.match(await text(page, "#conflict-theirs"), /autre fenêtre/);
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.getElementById("conflict-dialog").open), true, "Escape does not drop a version");
    await page.click("#conflict-keep-mine");
    await page.waitForFunction(() => window.__mockPieces[0].body.endsWith("Mien."));
    await context.close();
  });

  it("taking the other version puts it in the editor", async () => {
    const { page, context } = await openDesk();
    await page.evaluate(() => (window.__mockConflictOnce = true));
    await page.click(".cm-content");
    await page.keyboard.type("z");
    await page.waitForSelector("#conflict-dialog[open]");
    await page.click("#conflict-take-theirs");
    await page.waitForFunction(() => window.__edito.text() === "Version d'une autre fenêtre.");
    await context.close();
  });
});

describe("export and import", () => {
  // #13.17 / #11.4: paths come from the shell's dialogs only (titled in the UI's language); the
  // extension follows the format; a file Edito did not write is replaced only after asking.
  it("a picked path exports the piece; a bad folder is said in words; replacing asks first", async () => {
    const { page, context } = await openDesk();
    await page.keyboard.press("Control+e");
    await page.click("#export-piece");
    assert.match(await text(page, "#export-status"), /Cliquez sur « Choisir… »/);
    assert.equal(await page.getAttribute("#export-path", "readonly"), "", "the field only shows the choice");
    await page.evaluate(() => (window.__mockNextPick = "/nope/a.html"));
    await page.click("#export-choose");
    await page.waitForFunction(() => document.getElementById("export-path").value === "/nope/a.html");
    assert.deepEqual(await page.evaluate(() => window.__mockPickTitles), ["Exporter l'article sous"]);
    await page.click("#export-piece");
    await page.waitForFunction(() => document.getElementById("export-status").dataset.kind === "error");
    assert.equal(await text(page, "#export-status"), "L'export n'a pas pu se faire : impossible d'écrire « a.html » (introuvable : le dossier n'existe pas ?)");
    await page.check('input[name="export-format"][value="markdown"]');
    // The picked file name follows the chosen format's extension.
    await page.waitForFunction(() => document.getElementById("export-path").value === "/nope/a.md");
    await page.evaluate(() => {
      window.__mockNextPick = "/tmp/edito.md";
      window.__mockExisting = ["/tmp/edito.md"];
    });
    await page.click("#export-choose");
    await page.waitForFunction(() => document.getElementById("export-path").value === "/tmp/edito.md");
    await page.click("#export-piece");
    await page.waitForSelector("#export-replace:not([hidden])");
    assert.match(await text(page, "#export-status"), /existe déjà et n'a pas été écrit par Edito/);
    assert.equal(await page.evaluate(() => window.__mockFiles["/tmp/edito.md"]), undefined, "nothing replaced yet");
    assert.equal(await page.evaluate(() => document.activeElement.id), "export-replace");
    await page.click("#export-replace");
    await page.waitForFunction(() => window.__mockFiles["/tmp/edito.md"] === "markdown");
    assert.match(await text(page, "#export-status"), /exporté dans \/tmp\/edito\.md/);
    assert.equal(await page.isHidden("#export-replace"), true);
    await page.click("#export-copy");
    await page.waitForFunction(() => window.__mockClipboard === "<article>Bienvenue dans Edito</article>");
    await context.close();
  });

  // #16: Word and ICML are offered by their names, and the picked file takes their extension.
  it("the dialog offers Word and ICML, and the file name follows them", async () => {
    const { page, context } = await openDesk();
    await page.keyboard.press("Control+e");
    const label = async (format) => (await text(page, `label:has(input[value="${format}"])`))?.trim();
    assert.equal(await label("docx"), "Word (styles nommés, pour la rédaction)");
    assert.equal(await label("icml"), "ICML pour InDesign (styles nommés)");
    await page.evaluate(() => (window.__mockNextPick = "/tmp/edito.html"));
    await page.click("#export-choose");
    await page.waitForFunction(() => document.getElementById("export-path").value === "/tmp/edito.html");
    await page.check('input[name="export-format"][value="docx"]');
    await page.waitForFunction(() => document.getElementById("export-path").value === "/tmp/edito.docx");
    await page.click("#export-piece");
    await page.waitForFunction(() => window.__mockFiles["/tmp/edito.docx"] === "docx");
    await page.check('input[name="export-format"][value="icml"]');
    await page.waitForFunction(() => document.getElementById("export-path").value === "/tmp/edito.icml");
    await context.close();
  });

  // Regression (tester): a page export with images ran for seconds with nothing shown and the
  // Exporter button live, « Article exporté dans …md » stayed up during the next export, and a
  // red « Cliquez sur « Choisir… » » stayed up after the format changed.
  for (const [locale, running] of [["fr-FR", "Export en cours…"], ["en-GB", "Exporting…"]]) {
    it(`a running piece export says so with its button disabled, in place of the last message (${locale})`, async () => {
      const { page, context } = await openDesk({ locale });
      await page.keyboard.press("Control+e");
      await page.click("#export-piece");
      await page.waitForFunction(() => document.getElementById("export-status").dataset.kind === "error");
      await page.check('input[name="export-format"][value="markdown"]');
      assert.equal(await text(page, "#export-status"), "", "the other format's refusal is gone");
      await page.evaluate(() => (window.__mockNextPick = "/tmp/edito.md"));
      await page.click("#export-choose");
      await page.waitForFunction(() => document.getElementById("export-path").value === "/tmp/edito.md");
      await page.click("#export-piece");
      await page.waitForFunction(() => window.__mockFiles["/tmp/edito.md"] === "markdown" && !document.getElementById("export-piece").disabled);
      assert.match(await text(page, "#export-status"), /edito\.md/);
      await page.evaluate(() => (window.__mockExportDelay = 1500));
      await page.click("#export-piece");
      assert.equal(await text(page, "#export-status"), running);
      assert.equal(await page.isDisabled("#export-piece"), true);
      await page.waitForFunction(() => !document.getElementById("export-piece").disabled, null, { timeout: 5000 });
      assert.match(await text(page, "#export-status"), /edito\.md/);
      await context.close();
    });
  }

  it("the archive export shows n / N progress, then a summary and the open-folder button", async () => {
    const { page, context } = await openDesk();
    await page.keyboard.press("Control+e");
    await page.click("#export-site-choose");
    await page.waitForFunction(() => document.getElementById("export-site-dir").value === "/tmp/picked-folder");
    await page.fill("#export-base-url", "https://exemple.fr/archives/");
    await page.click("#export-site-run");
    await page.waitForSelector("#export-cancel:not([hidden])");
    await page.waitForFunction(() => document.getElementById("export-progress-text").textContent === "4 / 4");
    await page.waitForSelector("#export-open-folder:not([hidden])");
    assert.match(await text(page, "#export-status"), /Archives exportées : 2 articles/);
    assert.equal(await page.isHidden("#export-cancel"), true);
    await page.click("#export-open-folder");
    await page.waitForFunction(() => window.__mockOpened === true);
    // The address is kept with the library's site settings, not in the page.
    assert.equal(await page.evaluate(() => window.__mockSite.base_url), "https://exemple.fr/archives/");
    await context.close();
  });

  it("import lists refused files with their reason and opens the imported piece", async () => {
    const { page, context } = await openDesk();
    await page.keyboard.press("Control+e");
    await page.click("#import-choose-files");
    await page.waitForFunction(() => document.getElementById("import-path").value === "/tmp/picked.md");
    await page.click("#import-run");
    await page.waitForFunction(() => document.getElementById("title").value === "Importé");
    assert.match(await text(page, "#import-summary"), /1 créés, 0 mis à jour, 0 inchangés, 1 refusés.*x\.pdf : not a Markdown file/s);
    await context.close();
  });
});
