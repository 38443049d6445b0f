// Applying the core's preview updates to the page, block by block. The core renders the
// whole piece and says which run of top-level blocks changed since the render shown here
// (src/preview/mod.rs); only that run is parsed and laid out again, so typing in one
// paragraph of a 20,000-word piece swaps one paragraph and never re-parses the page.
import type { PreviewUpdate } from "../api/types";

export class PreviewBlocks {
  /** DOM nodes each block of the shown render produced (raw HTML may give several, or none). */
  private nodeCounts: number[] = [];
  private generation: number | null = null;

  constructor(private readonly target: () => HTMLElement | null) {}

  /** The render on screen, to send as `shown`; `null` when the page holds something else. */
  shown(): number | null {
    return this.generation;
  }

  /** The page no longer shows a render (a message replaced it): the next one comes whole. */
  forget(): void {
    this.generation = null;
    this.nodeCounts = [];
  }

  /** Whether `update` applies to what is shown; an update for another render is refused
   *  (its answer overtook another), and the caller asks for every block instead. */
  accepts(update: PreviewUpdate): boolean {
    return update.base === null || update.base === this.generation;
  }

  /** Applies an accepted update. Returns false if the page did not hold the expected nodes
   *  (then nothing is trusted any more and the next render comes whole). */
  apply(update: PreviewUpdate): boolean {
    const target = this.target();
    if (!target || !this.accepts(update)) return this.fail();
    if (update.base === null) {
      target.replaceChildren();
      this.nodeCounts = [];
    }
    const counts = this.nodeCounts;
    if (sum(counts, 0, counts.length) !== target.childNodes.length) return this.fail();
    const tailFrom = counts.length - update.keep_tail;
    const start = sum(counts, 0, update.keep_head);
    const removed = sum(counts, update.keep_head, tailFrom);
    removeNodes(target, start, removed);
    const anchor = target.childNodes[start] ?? null;
    const fresh = update.blocks.map((html) => insertBlock(target, html, anchor));
    if (update.line_shift !== 0) shiftLines(anchor, update.line_shift);
    this.nodeCounts = [...counts.slice(0, update.keep_head), ...fresh, ...counts.slice(tailFrom)];
    this.generation = update.generation;
    return true;
  }

  private fail(): false {
    this.forget();
    return false;
  }
}

const sum = (values: number[], from: number, to: number) => {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i];
  return total;
};

function removeNodes(target: HTMLElement, start: number, count: number): void {
  if (count === 0) return;
  const range = target.ownerDocument.createRange();
  range.setStartBefore(target.childNodes[start]);
  range.setEndAfter(target.childNodes[start + count - 1]);
  range.deleteContents();
}

/** Parses one block's HTML (inert: a template runs nothing) and inserts its nodes. */
function insertBlock(target: HTMLElement, html: string, anchor: Node | null): number {
  const template = target.ownerDocument.createElement("template");
  template.innerHTML = html;
  const count = template.content.childNodes.length;
  target.insertBefore(template.content, anchor);
  return count;
}

/** Moves the source lines of every block from `from` to the end by `shift`. */
function shiftLines(from: Node | null, shift: number): void {
  for (let node = from; node; node = node.nextSibling) {
    // nodeType, not instanceof: the nodes live in the preview frame's realm.
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    const lined = element.hasAttribute("data-line") ? [element] : [];
    for (const el of [...lined, ...element.querySelectorAll("[data-line]")]) {
      el.setAttribute("data-line", String(Number(el.getAttribute("data-line")) + shift));
    }
  }
}
