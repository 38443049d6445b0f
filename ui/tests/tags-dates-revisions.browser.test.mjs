// Browser-only tests of the library tools against the mocked backend (tests/mock-tauri.ts):
// renaming and merging a tag from the keyboard, the publication-date range filter, and any
// two revisions compared, each view checked with axe-core in light and dark.
// Run: npm run build && npm run test:browser.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { axe, closeBrowser, editorText, openDesk, startBrowser, text } from "./browser.mjs";

before(startBrowser);
after(closeBrowser);

const calls = (page, cmd) => page.evaluate((c) => window.__mockCalls.filter((x) => x.cmd === c).map((x) => x.args), cmd);
const chips = (page) => page.evaluate(() => [...document.querySelectorAll(".tag-chip")].map((c) => c.textContent.replace(/\s+/g, " ").trim()));
const titles = (page) => page.evaluate(() => [...document.querySelectorAll("#piece-list .piece-item__title")].map((e) => e.textContent));

/** Gives the mocked pieces tags and publication dates, and lets the sidebar reload them. */
async function seed(page, byId) {
  await page.evaluate(async (patch) => {
    for (const [id, fields] of Object.entries(patch)) Object.assign(window.__mockPieces.find((d) => d.id === Number(id)), fields);
    await window.__edito.reloadLibrary();
  }, byId);
}

/** Opens the tag dialog of `tag` from the keyboard: focus its "…" button, press Enter. */
async function editTag(page, tag) {
  await page.focus(`.tag-edit[data-tag="${tag}"]`);
  await page.keyboard.press("Enter");
  await page.waitForSelector("#tag-dialog[open]");
}

describe("tags, dates and revisions: accessibility (axe-core)", () => {
  for (const colorScheme of ["light", "dark"]) {
    it(`tag dialog, merge confirmation, date range error, revision pair, ${colorScheme}`, async () => {
      const { page, context, errors } = await openDesk({ colorScheme });
      await page.waitForSelector('.tag-edit[data-tag="édito"]');
      assert.deepEqual(await axe(page), []);
      await seed(page, { 2: { tags: ["budget"] } });
      await editTag(page, "budget");
      assert.deepEqual(await axe(page), []);
      await page.click("#tag-merge");
      await page.waitForSelector("#confirm-dialog[open]");
      assert.deepEqual(await axe(page), []);
      await page.click("#confirm-cancel");
      await page.keyboard.press("Escape");
      await page.fill("#filter-from", "2026-06-01");
      await page.fill("#filter-to", "2026-01-01");
      await page.waitForSelector("#filter-dates-error:not([hidden])");
      assert.deepEqual(await axe(page), []);
      await page.click("#clear-filters");
      await page.click(".cm-content");
      await page.keyboard.type(" Un.");
      await page.keyboard.press("Control+s");
      await page.keyboard.type(" Deux.");
      await page.keyboard.press("Control+s");
      await page.keyboard.press("Control+Alt+h");
      await page.waitForSelector("#history-compare option[value='1']", { state: "attached" });
      await page.selectOption("#history-compare", "1");
      await page.waitForFunction(() => document.getElementById("history-caption").textContent.includes("version"));
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe("tag rename and merge", () => {
  it("renames a tag from the keyboard: chips, filter, list and the open piece's tags follow", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    await page.waitForSelector('.tag-pill[data-tag="édito"]');
    await page.click('.tag-chip[data-tag="édito"]');
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 1);
    await editTag(page, "édito");
    assert.match(await text(page, "#tag-dialog-title"), /édito/);
    assert.equal(await text(page, "#tag-dialog-count"), "Utilisé par 1 article.");
    // The field holds the old name, selected: typing replaces it.
    await page.keyboard.type("Éditorial");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.getElementById("tag-dialog").open);
    assert.deepEqual((await calls(page, "rename_tag")).at(-1), { from: "édito", to: "Éditorial" });
    await page.waitForSelector('.tag-chip[data-tag="Éditorial"]');
    assert.deepEqual(await chips(page), ["Éditorial 1"]);
    // The tag filter followed the new name: still pressed, still one piece.
    assert.equal(await page.getAttribute('.tag-chip[data-tag="Éditorial"]', "aria-pressed"), "true");
    assert.deepEqual(await titles(page), ["Bienvenue dans Edito"]);
    await page.waitForSelector('.tag-pill[data-tag="Éditorial"]');
    assert.equal(await page.locator('.tag-pill[data-tag="édito"]').count(), 0);
    assert.match(await text(page, "#library-message"), /« édito » s'appelle désormais « Éditorial »/);
    // Focus lands on the renamed chip, not on the page body.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.tag), "Éditorial");
    // A save reloads the list at any moment: the notice stays until the filters change.
    await page.evaluate(() => window.__edito.reloadLibrary());
    assert.match(await text(page, "#library-message"), /s'appelle désormais « Éditorial »/);
    await page.selectOption("#filter-status", "draft");
    await page.waitForFunction(() => document.getElementById("library-message").textContent === "");
    await context.close();
  });

  it("merges into another tag only after a confirmation that counts the pieces", async () => {
    const { page, context } = await openDesk();
    await seed(page, { 2: { tags: ["budget", "communes"] } });
    await editTag(page, "budget");
    const options = await page.evaluate(() => [...document.querySelectorAll("#tag-merge-target option")].map((o) => o.value));
    assert.deepEqual(options, ["communes", "édito"]);
    await page.selectOption("#tag-merge-target", "édito");
    await page.focus("#tag-merge");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#confirm-dialog[open]");
    assert.match(await text(page, "#confirm-message"), /^Fusionner « budget » dans « édito » \(1 article\) \?/);
    await page.keyboard.press("Enter"); // the focus is on "Annuler": nothing happens
    await page.waitForFunction(() => !document.getElementById("confirm-dialog").open);
    assert.equal((await calls(page, "merge_tags")).length, 0);
    assert.equal(await page.evaluate(() => document.getElementById("tag-dialog").open), true);
    await page.click("#tag-merge");
    await page.click("#confirm-ok");
    await page.waitForFunction(() => !document.getElementById("tag-dialog").open);
    assert.deepEqual((await calls(page, "merge_tags")).at(-1), { sources: ["budget"], target: "édito" });
    await page.waitForFunction(() => !document.querySelector('.tag-chip[data-tag="budget"]'));
    assert.match(await text(page, '.tag-chip[data-tag="édito"]'), /édito\s+2/);
    assert.match(await text(page, "#library-message"), /fusionné dans « édito » \(2 articles\)/);
    await context.close();
  });

  it("a rename onto another tag's name, in any spelling, is announced as a merge", async () => {
    const { page, context } = await openDesk();
    await seed(page, { 2: { tags: ["budget"] } });
    await editTag(page, "budget");
    await page.fill("#tag-rename-input", "EDITO");
    await page.click("#tag-rename");
    await page.waitForSelector("#confirm-dialog[open]");
    assert.match(await text(page, "#confirm-message"), /Fusionner « budget » dans « édito »/);
    await page.click("#confirm-ok");
    await page.waitForFunction(() => !document.querySelector('.tag-chip[data-tag="budget"]'));
    assert.deepEqual((await calls(page, "merge_tags")).at(-1), { sources: ["budget"], target: "édito" });
    assert.equal((await calls(page, "rename_tag")).length, 0);
    await context.close();
  });

  it("explains an empty name and a failed call in journalist words, in French and English", async () => {
    const { page, context } = await openDesk();
    await editTag(page, "édito");
    await page.fill("#tag-rename-input", "   ");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#tag-dialog-error:not([hidden])");
    assert.match(await text(page, "#tag-dialog-error"), /ne peut pas être vide/);
    assert.equal(await page.getAttribute("#tag-rename-input", "aria-invalid"), "true");
    assert.equal((await calls(page, "rename_tag")).length, 0);
    await page.evaluate(() => (window.__mockTagError = { code: "tag_not_found", params: { tag: "édito" } }));
    await page.fill("#tag-rename-input", "Autre");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.getElementById("tag-dialog-error").textContent.includes("n'existe plus"));
    assert.doesNotMatch(await text(page, "#tag-dialog-error"), /not found/);
    assert.equal(await page.evaluate(() => document.getElementById("tag-dialog").open), true);
    await context.close();

    const en = await openDesk({ locale: "en-GB" });
    await editTag(en.page, "édito");
    await en.page.evaluate(() => (window.__mockTagError = { code: "busy" }));
    await en.page.fill("#tag-rename-input", "Other");
    await en.page.keyboard.press("Enter");
    await en.page.waitForFunction(() => document.getElementById("tag-dialog-error").textContent.includes("busy"));
    assert.match(await text(en.page, "#tag-dialog-error"), /try again in a moment/);
    await en.context.close();
  });
});

describe("publication-date range", () => {
  const dated = { 1: { publication_date: "2026-03-10", status: "published" }, 2: { publication_date: "2026-06-01", status: "published" } };

  it("filters by a range, combines with the search and the status, and is cleared with the other filters", async () => {
    const { page, context } = await openDesk();
    await seed(page, dated);
    await page.fill("#filter-from", "2026-05-01");
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 1);
    assert.deepEqual(await titles(page), ["Le budget des communes"]);
    const listed = (await calls(page, "list_pieces")).at(-1).filter;
    assert.equal(listed.published_from, "2026-05-01");
    assert.equal(listed.published_to, null);
    await page.fill("#filter-to", "2026-06-01");
    await page.selectOption("#filter-status", "published");
    await page.fill("#library-search", "communes");
    await page.waitForFunction(() => document.querySelector(".piece-item__snippet") !== null);
    const searched = (await calls(page, "search")).at(-1).query;
    assert.deepEqual([searched.text, searched.statuses, searched.published_from, searched.published_to], ["communes", ["published"], "2026-05-01", "2026-06-01"]);
    await page.fill("#filter-to", "2026-05-31");
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 0);
    assert.match(await text(page, "#library-message"), /Aucun article/);
    await page.click("#clear-filters");
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 2);
    const cleared = await page.evaluate(() => ["library-search", "filter-status", "filter-category", "filter-from", "filter-to"].map((id) => document.getElementById(id).value));
    assert.deepEqual(cleared, ["", "", "", "", ""]);
    await context.close();
  });

  it("explains a range that ends before it starts instead of showing an empty list", async () => {
    const { page, context } = await openDesk();
    await seed(page, dated);
    await page.fill("#filter-from", "2026-07-01");
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 0);
    const before = (await calls(page, "list_pieces")).length;
    await page.fill("#filter-to", "2026-04-01");
    await page.waitForSelector("#filter-dates-error:not([hidden])");
    assert.match(await text(page, "#filter-dates-error"), /date de début est après la date de fin/);
    assert.equal(await page.getAttribute("#filter-to", "aria-invalid"), "true");
    assert.equal(await text(page, "#library-message"), "");
    // The reversed range never reached the library.
    assert.equal((await calls(page, "list_pieces")).length, before);
    // The trash does not filter by date: a reversed range does not hide it.
    await page.click("#show-trash");
    await page.waitForFunction(() => document.getElementById("library-message").textContent === "La corbeille est vide.");
    await page.click("#show-trash");
    await page.waitForSelector("#filter-dates-error:not([hidden])");
    await page.fill("#filter-from", "2026-03-01");
    await page.waitForFunction(() => document.getElementById("filter-dates-error").hidden);
    await page.waitForFunction(() => document.querySelectorAll(".piece-item").length === 1);
    assert.deepEqual(await titles(page), ["Bienvenue dans Edito"]);
    assert.equal(await page.getAttribute("#filter-to", "aria-invalid"), "false");
    await context.close();
  });
});

// Issue #11: typing 12042002 left the publication date empty; the calendar opened on today's
// month (24 years of clicks to 2002) in the system's language; empty "Publié du / au"
// filters showed today's date in grey.
describe("typing and picking days", () => {
  const shown = (page, id) => page.evaluate((i) => ({ value: document.getElementById(i).value, hint: document.getElementById(i).placeholder }), id);

  it("the publication date takes 12042002, 12/04/2002 or 12 avril 2002 as typed", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    for (const typed of ["12042002", "12/04/2002", "12 avril 2002"]) {
      await page.fill("#meta-date", "");
      await page.press("#meta-date", "Enter");
      await page.type("#meta-date", typed);
      await page.press("#meta-date", "Tab");
      await page.waitForFunction(() => window.__edito.current().publication_date === "2002-04-12");
      assert.equal((await shown(page, "meta-date")).value, "12/04/2002", typed);
      await page.evaluate(() => window.__edito.update({ publication_date: null }));
    }
    await page.fill("#meta-date", "31/02/2002");
    await page.press("#meta-date", "Tab");
    await page.waitForSelector("#meta-error:not([hidden])");
    assert.match(await text(page, "#meta-error"), /« 31\/02\/2002 » n'est pas une date : tapez-la comme 12\/04\/2002/);
    await context.close();
  });

  it("the calendar speaks the UI language, opens on the field's day and moves by year", async () => {
    const { page, context } = await openDesk();
    // Empty filters show a format hint, never a day.
    assert.deepEqual(await shown(page, "filter-from"), { value: "", hint: "jj/mm/aaaa" });
    await page.click("#toggle-metadata");
    await page.fill("#meta-date", "12/04/2002");
    await page.press("#meta-date", "Tab");
    await page.click("#meta-date ~ .date-field__open");
    await page.waitForSelector(".date-field__calendar:not([hidden])");
    const heading = () => page.evaluate(() => {
      const cal = [...document.querySelectorAll(".date-field__calendar")].find((c) => !c.hidden);
      return `${cal.querySelector(".date-field__month").textContent} ${cal.querySelector(".date-field__year").value}`;
    });
    assert.equal(await heading(), "avril 2002");
    assert.equal(await page.getAttribute('.date-field__day[aria-selected="true"]', "data-day"), "2002-04-12");
    await page.click('.date-field__calendar:not([hidden]) [aria-label="Année suivante"]');
    assert.equal(await heading(), "avril 2003");
    await page.click('.date-field__calendar:not([hidden]) [aria-label="Mois précédent"]');
    assert.equal(await heading(), "mars 2003");
    await page.fill(".date-field__calendar:not([hidden]) .date-field__year", "1998");
    await page.press(".date-field__calendar:not([hidden]) .date-field__year", "Enter");
    assert.equal(await heading(), "mars 1998");
    await page.click('.date-field__calendar:not([hidden]) [data-day="1998-03-05"]');
    await page.waitForFunction(() => window.__edito.current().publication_date === "1998-03-05");
    assert.equal((await shown(page, "meta-date")).value, "05/03/1998");
    // The filters use the same field: a typed day filters.
    await page.fill("#filter-from", "01/01/2000");
    await page.press("#filter-from", "Enter");
    await page.waitForFunction(() => window.__mockCalls.filter((c) => c.cmd === "list_pieces").at(-1).args.filter?.published_from === "2000-01-01");
    await context.close();
  });
});

describe("compare any two revisions", () => {
  /** Three kept versions of the welcome piece, oldest first, each a sentence longer. */
  async function seedRevisions(page) {
    await page.evaluate(() => {
      const d = window.__mockPieces[0];
      const at = (h) => `2026-11-2${h}T10:00:00.000Z`;
      const rev = (number, body) => ({ ...structuredClone(d), body, number, reason: "save_point", saved_at: at(number), kept_at: at(number) });
      window.__mockRevisions.set(1, [rev(3, "Un deux trois"), rev(2, "Un deux"), rev(1, "Un")]);
    });
  }

  it("compares the selected version with another one, older → newer, from the keyboard", async () => {
    const { page, context } = await openDesk();
    await seedRevisions(page);
    await page.keyboard.press("Control+Alt+h");
    await page.waitForSelector("#history-diff ins");
    // By default: the newest version against the current text.
    assert.deepEqual((await calls(page, "diff_revisions")).at(-1), { id: 1, from: 3, to: null });
    assert.match(await text(page, "#history-caption"), /version n° 3 .* et le texte actuel/);
    // Pick version 1 in the list, then "Compare with" version 2, all with the keyboard.
    await page.focus('.revision-item[data-number="1"]');
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector('.revision-item[data-number="1"]').getAttribute("aria-pressed") === "true");
    const options = await page.evaluate(() => [...document.querySelectorAll("#history-compare option")].map((o) => o.value));
    assert.deepEqual(options, ["", "3", "2"]);
    await page.focus("#history-compare");
    await page.selectOption("#history-compare", "2");
    await page.waitForFunction(() => document.getElementById("history-caption").textContent.includes("n° 2"));
    assert.deepEqual((await calls(page, "diff_revisions")).at(-1), { id: 1, from: 1, to: 2 });
    assert.equal(await text(page, "#history-diff ins"), " deux");
    assert.match(await page.getAttribute("#history-diff", "aria-label"), /version n° 1 .* et la version n° 2/);
    // Picked the other way round (3 selected, compared with 1): still older → newer.
    await page.click('.revision-item[data-number="3"]');
    await page.selectOption("#history-compare", "1");
    await page.waitForFunction(() => document.getElementById("history-caption").textContent.includes("n° 3"));
    assert.deepEqual((await calls(page, "diff_revisions")).at(-1), { id: 1, from: 1, to: 3 });
    assert.equal(await text(page, "#history-diff ins"), " deux trois");
    // Back to the current text.
    await page.selectOption("#history-compare", "");
    await page.waitForFunction(() => document.getElementById("history-caption").textContent.includes("texte actuel"));
    assert.deepEqual((await calls(page, "diff_revisions")).at(-1), { id: 1, from: 3, to: null });
    await context.close();
  });

  it("restores the version selected in the list, whatever it is compared with", async () => {
    const { page, context } = await openDesk({ locale: "en-GB" });
    await seedRevisions(page);
    await page.click("#open-history");
    await page.waitForSelector('.revision-item[data-number="2"]');
    await page.click('.revision-item[data-number="2"]');
    await page.selectOption("#history-compare", "3");
    await page.waitForFunction(() => document.getElementById("history-caption").textContent.includes("version no. 2"));
    assert.match(await text(page, "#history-caption"), /^Differences between version no\. 2 .* and version no\. 3/);
    await page.click("#history-restore");
    await page.waitForFunction(() => !document.getElementById("history-dialog").open);
    assert.deepEqual((await calls(page, "restore_revision")).at(-1), { id: 1, number: 2 });
    assert.equal(await editorText(page), "Un deux");
    await context.close();
  });

  it("says when the two versions are the same", async () => {
    const { page, context } = await openDesk();
    await page.evaluate(() => {
      const d = window.__mockPieces[0];
      const rev = (number) => ({ ...structuredClone(d), number, reason: "pause", saved_at: d.updated_at, kept_at: d.updated_at });
      window.__mockRevisions.set(1, [rev(2), rev(1)]);
    });
    await page.keyboard.press("Control+Alt+h");
    await page.waitForSelector("#history-compare option[value='1']", { state: "attached" });
    await page.selectOption("#history-compare", "1");
    await page.waitForFunction(() => document.getElementById("history-diff").textContent === "Ces deux versions sont identiques.");
    await context.close();
  });
});
