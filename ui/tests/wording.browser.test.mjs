// Every view in both UI languages (issue #11: "1 articles supprimés", "feuillets" in English,
// "Comme le systèm" cut off in the settings, the preview's hint under a title): each view is
// shown in French and English, photographed (EDITO_SCREENSHOTS=dir keeps the PNGs to look
// at), and checked for text of the other language, clipped labels and choices, and the hint.
// Run: npm run build && npm run test:browser.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import ts from "typescript";
import { closeBrowser, openDesk, startBrowser } from "./browser.mjs";

before(startBrowser);
after(closeBrowser);

/** A UI catalogue (ui/src/i18n/<lang>.ts) as a plain object. */
async function catalogue(lang) {
  const source = readFileSync(new URL(`../src/i18n/${lang}.ts`, import.meta.url), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString("base64")}`);
  return mod[lang];
}

/** The views a writer meets, each opened from the desk with the metadata panel shown. */
const VIEWS = {
  desk: async () => undefined,
  settings: async (page) => {
    await page.click("#open-settings");
    await page.waitForSelector("#settings[open]");
  },
  help: async (page) => {
    await page.keyboard.press("F1");
    await page.waitForSelector("#help[open]");
  },
  history: async (page) => {
    await page.click("#open-history");
    await page.waitForSelector("#history-dialog[open]");
    await page.waitForFunction(() => document.querySelector(".revision-item") || (document.getElementById("history-message").textContent && !document.getElementById("history-message").textContent.endsWith("…")));
  },
  export: async (page) => {
    await page.click("#open-export");
    await page.waitForSelector("#export-dialog[open]");
  },
  calendar: async (page) => {
    await page.fill("#meta-date", "12/04/2002");
    await page.click("#meta-date ~ .date-field__open");
    await page.waitForSelector(".date-field__calendar:not([hidden])");
  },
  trash: async (page) => {
    await page.click("#show-trash");
    await page.waitForSelector("#empty-trash:not([hidden])");
  },
};

/** The text the interface itself shows (the piece's own words left out). */
const interfaceText = (page) =>
  page.evaluate(() => {
    const skip = "#editor, #preview, #piece-list, #meta-tags, #meta-status-history, #history-diff, #history-list, #history-compare, #history-caption, #tag-list";
    const open = [...document.querySelectorAll("dialog[open]")];
    const roots = open.length ? open : [document.getElementById("app")];
    const parts = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest(skip) || !el.checkVisibility?.()) continue;
        if (el.closest("select") && !el.selected) continue;
        parts.push(node.textContent);
      }
      for (const el of root.querySelectorAll("[placeholder], [aria-label]")) {
        if (el.closest(skip)) continue;
        parts.push(el.getAttribute("placeholder") ?? "", el.getAttribute("aria-label") ?? "");
      }
    }
    return parts.join("\n");
  });

/** Labels, buttons and choices whose text does not fit (cut off, as "Comme le systèm" was). */
const clipped = (page) =>
  page.evaluate(() => {
    const out = [];
    const open = [...document.querySelectorAll("dialog[open]")];
    const root = open.length ? open[open.length - 1] : document.getElementById("app");
    const canvas = document.createElement("canvas").getContext("2d");
    for (const el of root.querySelectorAll("select, button, label, .figure")) {
      if (!el.checkVisibility?.() || el.closest("#piece-list, #tag-list, .visually-hidden")) continue;
      const style = getComputedStyle(el);
      if (el.tagName === "SELECT") {
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const option = el.options[el.selectedIndex];
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
        if (option && canvas.measureText(option.text).width > room) out.push(`select#${el.id}: "${option.text}"`);
      } else if (el.scrollWidth > el.clientWidth + 1 && style.overflow !== "visible") {
        out.push(`${el.tagName.toLowerCase()}#${el.id || el.className}: "${el.textContent.trim()}"`);
      }
    }
    return out;
  });

describe("every view in both languages", () => {
  for (const [locale, lang, other] of [["fr-FR", "fr", "en"], ["en-GB", "en", "fr"]]) {
    it(`${lang}: no word of the other language, nothing cut off`, async () => {
      const mine = await catalogue(lang);
      const theirs = await catalogue(other);
      // Sentences of the other catalogue that this one words differently (a word both share,
      // "Corbeille"/"Trash" aside, is no slip).
      const foreign = Object.entries(theirs)
        .filter(([key, value]) => value !== mine[key] && !/\{/.test(value) && value.length >= 6)
        .map(([, value]) => value);
      const shots = process.env.EDITO_SCREENSHOTS;
      if (shots) mkdirSync(shots, { recursive: true });
      for (const [name, open] of Object.entries(VIEWS)) {
        const { page, context } = await openDesk({ locale });
        await page.evaluate((l) => window.localStorage.getItem("edito.uiLang") === l || undefined, lang);
        if ((await page.evaluate(() => document.documentElement.lang)) !== lang) {
          await page.click("#open-settings");
          await page.selectOption("#ui-lang", lang);
          await page.keyboard.press("Escape");
        }
        await page.click("#toggle-metadata");
        await open(page);
        if (shots) await page.screenshot({ path: join(shots, `${name}-${lang}.png`) });
        const shown = await interfaceText(page);
        const slips = foreign.filter((sentence) => new RegExp(`(^|[^\\p{L}])${sentence.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "u").test(shown));
        assert.deepEqual(slips, [], `${name} (${lang}) shows the other language`);
        if (lang === "en") assert.doesNotMatch(shown, /feuillet/i, `${name}: "feuillets" is French`);
        assert.doesNotMatch(shown, /\b1 (articles|pieces|mots|words|signes|characters)\b/, `${name}: a count that does not agree`);
        assert.deepEqual(await clipped(page), [], `${name} (${lang}): text cut off`);
        await context.close();
      }
    });
  }

  // Issue #11: "L'aperçu … dès que vous écrivez" stayed under a title already written.
  it("the preview's hint shows only while nothing is written", async () => {
    const { page, context } = await openDesk();
    await page.click("#new-piece");
    const hint = () => page.evaluate(() => document.getElementById("preview").contentDocument.querySelector(".edito-empty")?.textContent ?? "");
    await page.waitForFunction(() => document.getElementById("preview").contentDocument.querySelector(".edito-empty"));
    assert.match(await hint(), /dès que vous écrivez/, `hint: ${await hint()}`);
    await page.fill("#title", "2002 : l'année");
    // The title is in the preview, and the hint is gone.
    await page.waitForFunction(() => document.getElementById("preview").contentDocument.body.textContent.includes("2002"));
    assert.equal(await hint(), "");
    await context.close();
  });
});
