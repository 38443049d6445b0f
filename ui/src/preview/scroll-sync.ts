// Scroll sync between the editor and the preview, both ways, through the rendering
// pipeline's source map: every block element of the preview carries `data-line="N"` (its
// 1-based first source line). Positions between two anchors are interpolated, so long
// paragraphs scroll smoothly. The preview iframe runs no script: the parent listens to its
// document (same origin) instead.
import type { EditorView } from "@codemirror/view";

/** A block of the preview: its first source line and its top in the preview's document. */
export interface Anchor {
  line: number;
  top: number;
}

const topInDocument = (el: Element): number =>
  el.getBoundingClientRect().top + (el.ownerDocument.defaultView?.scrollY ?? 0);

/** The preview's anchors, by source line, keeping only those that go down the page. */
export function collectAnchors(doc: Document, topOf: (el: Element) => number = topInDocument): Anchor[] {
  const anchors: Anchor[] = [];
  doc.querySelectorAll("[data-line]").forEach((el) => {
    const line = Number(el.getAttribute("data-line"));
    if (!Number.isFinite(line) || line < 1) return;
    anchors.push({ line, top: topOf(el) });
  });
  anchors.sort((a, b) => a.line - b.line || a.top - b.top);
  // Nested blocks share a line (a list and its first item): keep the first; and drop any
  // anchor above its predecessor (floats, odd layouts) so the mapping stays monotonic.
  const clean: Anchor[] = [];
  for (const a of anchors) {
    const last = clean.at(-1);
    if (last && (a.line === last.line || a.top < last.top)) continue;
    clean.push(a);
  }
  return clean;
}

function withEnds(anchors: Anchor[], lines: number, height: number): Anchor[] {
  // Line 1 may start lower than the top (the title is set above the body): keep its anchor.
  const inner = anchors.filter((a) => a.line >= 1 && a.line <= lines && a.top > 0 && a.top < height);
  return [{ line: 1, top: 0 }, ...inner, { line: lines + 1, top: Math.max(height, inner.at(-1)?.top ?? 0) }];
}

/** Where (px from the preview's top) source line `line` (fractional) is shown. */
export function lineToOffset(anchors: Anchor[], line: number, lines: number, height: number): number {
  const pts = withEnds(anchors, lines, height);
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (line < b.line) return a.top + ((line - a.line) / (b.line - a.line)) * (b.top - a.top);
  }
  return height;
}

/** Which source line (fractional) is shown `offset` px from the preview's top. */
export function offsetToLine(anchors: Anchor[], offset: number, lines: number, height: number): number {
  const pts = withEnds(anchors, lines, height);
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (offset < b.top) return a.line + (b.top === a.top ? 0 : ((offset - a.top) / (b.top - a.top)) * (b.line - a.line));
  }
  return lines;
}

/** The source line of the preview block under a click, if it has one. */
export function lineOfClick(target: EventTarget | null): number | null {
  const el = target as Element | null;
  const block = el && typeof el.closest === "function" ? el.closest("[data-line]") : null;
  const line = Number(block?.getAttribute("data-line"));
  return Number.isFinite(line) && line >= 1 ? line : null;
}

export interface ScrollSync {
  /** The preview's content changed: its anchors must be measured again, and the editor leads
   *  (the preview's scroll position moved by new content is not the writer's scrolling). */
  invalidate(): void;
  /** Scrolls the preview to match the editor now. */
  syncPreview(): void;
  setEnabled(on: boolean): void;
}

/** A side of the sync: the editor's scroller or the preview's document. */
type Side = "editor" | "preview";

export function createScrollSync(view: EditorView, frame: HTMLIFrameElement, onLineClick: (line: number) => void): ScrollSync {
  let anchors: Anchor[] | null = null;
  const queued: Record<Side, boolean> = { editor: false, preview: false };
  let enabled = true;
  // The scrollTop this sync gave each side: a scroll event at that position is the echo of
  // our own move and is ignored; any other position is the writer's and leads.
  const echo: Record<Side, number | null> = { editor: null, preview: null };
  const previewDoc = () => frame.contentDocument;
  const scroller = () => previewDoc()?.scrollingElement ?? null;
  const measured = (doc: Document) => (anchors ??= collectAnchors(doc));
  const moveTo = (side: Side, el: Element, top: number) => {
    const before = el.scrollTop;
    el.scrollTop = top;
    echo[side] = Math.abs(el.scrollTop - before) >= 1 ? el.scrollTop : null;
  };
  const isEcho = (side: Side, el: Element | null) => {
    const expected = echo[side];
    echo[side] = null;
    return expected !== null && el !== null && Math.abs(el.scrollTop - expected) <= 1;
  };

  // The document top inside the editor's scroller (padding above the first line).
  const editorTopLine = (): number => {
    const height = view.scrollDOM.scrollTop - (view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop);
    const block = view.lineBlockAtHeight(Math.max(0, height));
    const line = view.state.doc.lineAt(block.from).number;
    return line + (block.height > 0 ? Math.min(1, Math.max(0, (height - block.top) / block.height)) : 0);
  };

  const syncPreview = () => {
    const doc = previewDoc();
    const el = scroller();
    if (!doc || !el || !enabled) return;
    const lines = view.state.doc.lines;
    moveTo("preview", el, lineToOffset(measured(doc), editorTopLine(), lines, el.scrollHeight));
  };

  const syncEditor = () => {
    const doc = previewDoc();
    const el = scroller();
    if (!doc || !el || !enabled) return;
    const lines = view.state.doc.lines;
    const at = offsetToLine(measured(doc), el.scrollTop, lines, el.scrollHeight);
    const n = Math.min(lines, Math.max(1, Math.floor(at)));
    const block = view.lineBlockAt(view.state.doc.line(n).from);
    const padding = view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop;
    moveTo("editor", view.scrollDOM, padding + block.top + (at - n) * block.height);
  };

  // One measurement per frame, however many scroll events arrive.
  const onScroll = (side: Side, el: () => Element | null, sync: () => void) => () => {
    if (isEcho(side, el()) || queued[side]) return;
    queued[side] = true;
    requestAnimationFrame(() => {
      queued[side] = false;
      sync();
    });
  };

  view.scrollDOM.addEventListener("scroll", onScroll("editor", () => view.scrollDOM, syncPreview), { passive: true });

  // WebKit (WebKitGTK: the real window) never calls listeners registered on a document that
  // may not run scripts, which is what the sandbox makes of the preview; Chromium does. So
  // the preview is watched from the parent: its scroll position, and the caret a click
  // leaves in it. Reading two properties 20 times a second is free.
  const previewScrolled = onScroll("preview", scroller, syncEditor);
  let lastTop = 0;
  // The caret last seen in the preview: a different one means the writer clicked.
  let caret: { node: Node | null; offset: number } = { node: null, offset: 0 };
  const currentCaret = (doc: Document) => {
    const sel = doc.getSelection();
    return { node: sel?.isCollapsed ? sel.anchorNode : null, offset: sel?.anchorOffset ?? 0 };
  };
  const watch = () => {
    const doc = previewDoc();
    const el = scroller();
    if (!doc || !el || !enabled) return;
    if (Math.abs(el.scrollTop - lastTop) >= 1) {
      lastTop = el.scrollTop;
      previewScrolled();
    }
    const now = currentCaret(doc);
    if (now.node !== caret.node || now.offset !== caret.offset) {
      caret = now;
      const node = now.node;
      // A new caret is a click (or caret browsing). Checking the focus is no use: WebKitGTK
      // leaves it in the parent. A caret our own patching moves lands on the article
      // container, which has no line.
      if (node) {
        const line = lineOfClick(node.nodeType === 1 ? node : node.parentElement);
        if (line !== null) onLineClick(line);
      }
    }
  };
  setInterval(watch, 50);

  const attach = () => {
    const doc = previewDoc();
    if (!doc) return;
    anchors = null;
    doc.defaultView?.addEventListener(
      "scroll",
      () => {
        lastTop = scroller()?.scrollTop ?? 0;
        previewScrolled();
      },
      { passive: true },
    );
    doc.addEventListener("click", (event) => {
      caret = currentCaret(doc);
      const line = lineOfClick(event.target);
      if (line !== null) onLineClick(line);
    });
  };
  frame.addEventListener("load", attach);
  if (previewDoc()?.readyState === "complete") attach();

  return {
    invalidate: () => {
      anchors = null;
      // New content moves or resets the preview's scroll (a page put in starts at the top):
      // taken as the writer's scrolling, it dragged the editor back to line 1 right after the
      // app restored the writer's place (issue #11 item 12). The editor leads instead.
      lastTop = scroller()?.scrollTop ?? 0;
      echo.preview = null;
      if (!queued.editor) {
        queued.editor = true;
        requestAnimationFrame(() => {
          queued.editor = false;
          syncPreview();
        });
      }
    },
    syncPreview,
    setEnabled: (on) => (enabled = on),
  };
}
