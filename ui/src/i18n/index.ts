// The UI language: French or English, remembered; English only on an English system, French
// otherwise (the magazine is French).
// Every visible string goes through `t`; elements of index.html name their key in
// `data-i18n` (text), `data-i18n-label` (aria-label), `data-i18n-placeholder`, `data-i18n-title`.
import { en } from "./en";
import { fr, type MessageKey } from "./fr";

export type UiLang = "fr" | "en";
export type { MessageKey };

const STORAGE_KEY = "edito.uiLang";
const catalogues: Record<UiLang, Record<MessageKey, string>> = { fr, en };
let current: UiLang = "fr";
const listeners = new Set<(lang: UiLang) => void>();

/** The language to start with: the remembered choice, else English on an English system and
 *  French on any other — French, unsupported (`de-DE`), unset or `C` (issue #11: the desk
 *  of a French magazine started in English). WebKitGTK 2.50 reports an unset `LANG`, `LANG=C`
 *  and `C.UTF-8` as "C", but `LC_ALL=C` and a locale not installed as "en-US": those still
 *  start in English until the shell tells the page the process's own locale. */
export function initialLang(stored: string | null, navigatorLang: string | undefined): UiLang {
  if (stored === "fr" || stored === "en") return stored;
  return /^en(?:[-_]|$)/i.test(navigatorLang ?? "") ? "en" : "fr";
}

export function uiLang(): UiLang {
  return current;
}

/** The message for `key` in the current language, `{name}` placeholders filled from `vars`;
 *  `{name|one|other}` picks the word that agrees with the number in `name` ("1 article",
 *  "2 articles"): every count in the catalogues agrees this one way. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = catalogues[current][key] ?? fr[key];
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) => (name in vars ? (isSingular(vars[name], current) ? one : other) : whole))
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** French takes the singular below 2 ("0,8 feuillet", "1 article"), English only for 1.
 *  `n` may be a number already formatted for display ("1 234", "0,8", "—"). */
export function isSingular(n: string | number, lang: UiLang): boolean {
  const value = typeof n === "number" ? n : Number(n.replace(/[\s\u00A0\u202F,]/g, (c) => (c === "," ? "." : "")));
  if (!Number.isFinite(value)) return false;
  return lang === "fr" ? Math.abs(value) < 2 : Math.abs(value) === 1;
}

/** Numbers the way the reader of this language writes them (1 234 or 1,234). */
export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(current === "fr" ? "fr-FR" : "en-GB", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(n);
}

export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat(current === "fr" ? "fr-FR" : "en-GB", { hour: "2-digit", minute: "2-digit" }).format(date);
}

export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat(current === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** Switches language, remembers it, retranslates the page and tells the listeners. */
export function setUiLang(lang: UiLang, root: ParentNode | null = globalThis.document ?? null): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // A private or full storage only costs remembering the choice.
  }
  if (root) translateDom(root);
  for (const listener of listeners) listener(lang);
}

/** Picks the starting language from storage and the system, and translates the page. */
export function initI18n(root: ParentNode = document): UiLang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  current = initialLang(stored, navigator.language);
  translateDom(root);
  return current;
}

export function onLangChange(listener: (lang: UiLang) => void): void {
  listeners.add(listener);
}

/** Fills every `data-i18n*` element under `root` with the current language's text. */
export function translateDom(root: ParentNode): void {
  const set = (attr: string, apply: (el: HTMLElement, text: string) => void) => {
    root.querySelectorAll<HTMLElement>(`[${attr}]`).forEach((el) => {
      const key = el.getAttribute(attr) as MessageKey;
      if (key in fr) apply(el, t(key));
    });
  };
  set("data-i18n", (el, text) => (el.textContent = text));
  set("data-i18n-label", (el, text) => el.setAttribute("aria-label", text));
  set("data-i18n-placeholder", (el, text) => el.setAttribute("placeholder", text));
  set("data-i18n-title", (el, text) => el.setAttribute("title", text));
  const doc = (root as Node).ownerDocument ?? (root as Document);
  if (doc?.documentElement) doc.documentElement.lang = current;
}
