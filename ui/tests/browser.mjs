// Shared by the browser-only tests: Debian's chromium driven by playwright-core, the built UI
// served from ui/dist, the Tauri backend replaced by tests/mock-tauri.ts.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import ts from "typescript";
import { serveDist } from "./server.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const MOCK = mockScript();
export const NBSP = "\u00A0";

let browser;
let site;
let profile;

/** The mock backend as a plain script: types stripped, and no module wrapper (an init
 *  script runs as a classic script; the type-only import leaves an empty `export {}`); the
 *  preview page it returns carries the built-in theme's stylesheet, as the core's does. */
function mockScript() {
  const source = readFileSync(new URL("./mock-tauri.ts", import.meta.url), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  const theme = readFileSync(new URL("../../src/export/templates/style.css", import.meta.url), "utf8");
  return `window.__mockThemeCss = ${JSON.stringify(theme)};\n${outputText.replace(/^export \{\};?\s*$/m, "")}`;
}

/** Starts chromium and the static server (call in `before`). */
export async function startBrowser() {
  site = await serveDist();
  profile = mkdtempSync(join(tmpdir(), "edito-chromium-"));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    // playwright gives chromium a fresh temporary profile itself (it refuses --user-data-dir
    // in launch); `profile` is the scratch dir for anything else.
  });
}

/** Stops chromium and the server (call in `after`). */
export async function closeBrowser() {
  await browser?.close();
  site?.server.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
}

/** A fresh page on the desk, in `locale`, with `colorScheme`, the welcome piece open. */
export async function openDesk({ locale = "fr-FR", colorScheme = "light", init = "" } = {}) {
  const context = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(MOCK);
  // `init`: what a test sets on the mock before the app loads (`window.__mockReadOnly = true`).
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(site.url);
  await page.waitForFunction(() => document.getElementById("title")?.value === "Bienvenue dans Edito");
  await page.waitForFunction(() => document.getElementById("preview").contentDocument?.querySelector("[data-line]"));
  return { page, context, errors };
}

export async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export const text = (page, sel) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, sel);
export const editorText = (page) => page.evaluate(() => window.__edito.text());

