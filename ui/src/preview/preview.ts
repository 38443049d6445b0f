// The preview pane: a sandboxed iframe (no scripts may run in it, whatever the HTML says)
// whose body receives the core's already-sanitized HTML. It stays paper-coloured in dark
// mode: it shows the page as it will be printed or published.
import type { PreviewHead, PreviewUpdate } from "../api/types";
import { PreviewBlocks } from "./blocks";

const PREVIEW_STYLE = `
  :root { color-scheme: light; }
  html { background: #fbf8f1; }
  body { margin: 0 auto; padding: 2.5rem 2.75rem 6rem; max-width: 36rem; background: #fbf8f1;
         color: #1d1c1a; font: 1.0625rem/1.62 Georgia, "DejaVu Serif", serif; hyphens: auto;
         text-rendering: optimizeLegibility; font-kerning: normal; }
  h1, h2, h3, h4 { font-family: Georgia, "DejaVu Serif", serif; line-height: 1.2; margin: 2rem 0 .75rem; }
  h1 { font-size: 2rem; letter-spacing: -.01em; } h2 { font-size: 1.35rem; } h3 { font-size: 1.1rem; }
  p { margin: 0 0 1rem; }
  a { color: #8a2f17; }
  blockquote { margin: 1.5rem 0; padding-left: 1.1rem; border-left: 3px solid #a3391f; font-style: italic; color: #3b3833; }
  code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; background: #f0ebe0; padding: 0 .2em; border-radius: 2px; }
  pre { overflow-x: auto; background: #f0ebe0; padding: .75rem 1rem; border-radius: 3px; }
  pre code { background: none; padding: 0; }
  table { border-collapse: collapse; margin: 1rem 0; } td, th { border: 1px solid #c9c2b4; padding: .25rem .5rem; }
  hr { border: 0; text-align: center; margin: 2rem 0; } hr::after { content: "❦"; color: #8a8378; }
  img { max-width: 100%; }
  [data-line] { cursor: text; }
  .edito-empty { color: #6b665d; font-style: italic; text-align: center; margin-top: 30vh; }
  .edito-head { margin: 0 0 2rem; }
  .edito-head:empty { display: none; }
  .edito-kicker { margin: 0 0 .4rem; font: 600 .75rem/1.4 "DejaVu Sans", sans-serif; letter-spacing: .14em; text-transform: uppercase; color: #9c3a20; }
  .edito-title { margin: 0 0 .8rem; font-size: 2.1rem; line-height: 1.15; letter-spacing: -.01em; }
  .edito-standfirst { margin: 0; font-size: 1.15rem; line-height: 1.5; font-style: italic; color: #3b3833; }
  .edito-signature { margin: 2.5rem 0 0; text-align: right; }
  .edito-signature:empty { display: none; }
  .edito-signature p { margin: 0; }
  .edito-author { font-weight: 700; }
  .edito-role { font-style: italic; color: #5a554c; }
`;

export interface PreviewPane {
  /** Applies the core's update (only the blocks that changed are replaced). False when it
   *  was made against another render than the one shown: ask again with `shown()` null. */
  show(update: PreviewUpdate): boolean;
  /** The render on screen (`generation`), or null when it shows none. */
  shown(): number | null;
  /** Sets the kicker, title and standfirst above the body and the signature below it. */
  showHead(head: PreviewHead): void;
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
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>${PREVIEW_STYLE}</style></head><body><header class="edito-head"></header><article id="edito-body"></article><footer class="edito-signature"></footer></body></html>`;

  // Before the frame has loaded, only the latest write of each kind is kept.
  const whenReady = (write: () => void, kind = "body") => {
    if (ready) write();
    else queued.set(kind, write);
  };
  const body = () => frame.contentDocument?.getElementById("edito-body") ?? null;
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
    showHead(head: PreviewHead) {
      whenReady(() => {
        const doc = frame.contentDocument;
        const top = doc?.querySelector(".edito-head");
        const bottom = doc?.querySelector(".edito-signature");
        if (!doc || !top || !bottom) return;
        top.replaceChildren(
          ...paragraphs(doc, [
            ["p", "edito-kicker", head.kicker],
            ["h1", "edito-title", head.title],
            ["p", "edito-standfirst", head.standfirst],
          ]),
        );
        bottom.replaceChildren(
          ...paragraphs(doc, [
            ["p", "edito-author", head.author],
            ["p", "edito-role", head.author_role],
          ]),
        );
      }, "head");
    },
    body,
  };
}

/** The non-empty fields as elements; text only, never markup. */
function paragraphs(doc: Document, parts: [string, string, string][]): HTMLElement[] {
  return parts
    .filter(([, , text]) => text.trim() !== "")
    .map(([tag, cls, text]) => {
      const el = doc.createElement(tag);
      el.className = cls;
      el.textContent = text;
      return el;
    });
}
