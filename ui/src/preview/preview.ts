// The preview pane: a sandboxed iframe (no scripts may run in it, whatever the HTML says) that
// shows the published page. Its frame — stylesheet, header with section, date and tags,
// signature — is the export theme's own `piece.html` rendered by the core (the user's
// templates when they have some, docs/TEMPLATES.md); the body's blocks, already sanitized by
// the core, go into the page's body slot. It stays paper-coloured in dark mode: it shows the
// page as it will be printed or published.
import type { PreviewUpdate } from "../api/types";
import { PreviewBlocks } from "./blocks";

/** The id of the element holding the body's blocks (`edito::export::PREVIEW_BODY_SLOT`). */
const BODY_ID = "edito-body";

/** Nothing is fetched but images (as the app allows them: the web, and the library's images
 *  from the app-served `edito-image:` scheme), nothing runs, no form posts, no other origin,
 *  no local file. Belt and braces with the sandbox. */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https: http: edito-image:; form-action 'none'; base-uri 'none'";

/** What the preview adds to any theme: the placeholder sentence and the pointer over blocks. */
const PREVIEW_STYLE = `
  [data-line] { cursor: text; }
  .edito-empty { color: #6b665d; font-style: italic; text-align: center; margin-top: 30vh; }
`;

/** Elements of a theme's page that could fetch, navigate or run: dropped from the frame. */
const UNSAFE = "script, link, meta, base, iframe, frame, frameset, object, embed, form, noscript, template, portal";

export interface PreviewPane {
  /** Applies the core's update (only the blocks that changed are replaced). False when it
   *  was made against another render than the one shown: ask again with `shown()` null. */
  show(update: PreviewUpdate): boolean;
  /** The render on screen (`generation`), or null when it shows none. */
  shown(): number | null;
  /** Puts the body into the page the core rendered around it (header, signature, theme). */
  showPage(html: string): void;
  /** Shows a calm placeholder sentence (empty piece, loading); "" shows an empty body. */
  showMessage(text: string): void;
  /** The container of the rendered body (inside the iframe's <body>). */
  body(): HTMLElement | null;
}

export function createPreview(frame: HTMLIFrameElement, lang = "fr"): PreviewPane {
  let ready = false;
  const queued = new Map<string, () => void>();
  frame.addEventListener("load", () => {
    ready = true;
    for (const write of queued.values()) write();
    queued.clear();
  });
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}"><style id="edito-preview-style">${PREVIEW_STYLE}</style></head><body><div id="${BODY_ID}"></div></body></html>`;

  // Before the frame has loaded, only the latest write of each kind is kept.
  const whenReady = (write: () => void, kind = "body") => {
    if (ready) write();
    else queued.set(kind, write);
  };
  const body = () => frame.contentDocument?.getElementById(BODY_ID) ?? null;
  const blocks = new PreviewBlocks(body);

  return {
    show(update: PreviewUpdate) {
      if (ready) return blocks.apply(update);
      // Until the frame is ready nothing counts as shown, so every answer comes whole and
      // keeping only the latest is right.
      if (update.base !== null) return false;
      whenReady(() => void blocks.apply(update));
      return true;
    },
    shown: () => (ready ? blocks.shown() : null),
    showMessage(text: string) {
      blocks.forget();
      whenReady(() => {
        const target = body();
        if (!target) return;
        if (!text) return target.replaceChildren();
        const p = target.ownerDocument.createElement("p");
        p.className = "edito-empty";
        p.textContent = text;
        target.replaceChildren(p);
      });
    },
    showPage(html: string) {
      whenReady(() => {
        const doc = frame.contentDocument;
        if (doc) placePage(doc, html);
      }, "page");
    },
    body,
  };
}

/**
 * Replaces the frame's page with `html` (a whole theme page) but keeps the body's blocks: the
 * element holding them moves into the new page's slot, so a title typed never re-lays the
 * body. The page is parsed inert (DOMParser runs and loads nothing) and stripped of anything
 * that could fetch or run before it enters the frame.
 */
export function placePage(doc: Document, html: string): void {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  for (const el of parsed.querySelectorAll(UNSAFE)) el.remove();
  for (const el of parsed.querySelectorAll("*")) {
    for (const attr of [...el.attributes]) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith("on") || value.startsWith("javascript:") || value.startsWith("file:")) el.removeAttribute(attr.name);
    }
  }
  placeBodySlot(parsed);
  const current = doc.getElementById(BODY_ID);
  const page = doc.importNode(parsed.body, true);
  const newSlot = page.querySelector(`#${BODY_ID}`);
  if (!newSlot) return;
  if (current) {
    for (const attr of [...current.attributes]) current.removeAttribute(attr.name);
    for (const attr of [...newSlot.attributes]) current.setAttribute(attr.name, attr.value);
    newSlot.replaceWith(current);
  }
  doc.body.replaceWith(page);
  for (const style of doc.head.querySelectorAll("style[data-theme]")) style.remove();
  for (const style of parsed.head.querySelectorAll("style")) {
    const copy = doc.createElement("style");
    copy.dataset.theme = "";
    copy.textContent = style.textContent;
    doc.head.append(copy);
  }
  doc.documentElement.lang = parsed.documentElement.lang || doc.documentElement.lang;
}

/** The page's body slot. When it is the only thing in its parent (the theme's `<div
 *  class="body">`), the parent itself holds the blocks, so `.body > p` rules apply as in the
 *  export. */
function placeBodySlot(parsed: Document): void {
  const slot = parsed.getElementById(BODY_ID);
  const parent = slot?.parentElement;
  if (!slot || !parent || parent === parsed.body) return;
  if (parent.children.length !== 1 || (parent.textContent ?? "").trim() !== "") return;
  slot.remove();
  parent.id = BODY_ID;
}
