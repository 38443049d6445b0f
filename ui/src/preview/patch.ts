// Updating a long preview without repainting all of it: the new HTML is parsed once, and
// only the run of top-level blocks that differ from what is shown is replaced. Typing in
// one paragraph of a 20,000-word piece then swaps one paragraph, not the whole page.

/** Makes `target`'s children equal to `html`'s top-level nodes, touching as few as possible. */
export function patchChildren(target: HTMLElement, html: string): { replaced: number } {
  const template = target.ownerDocument.createElement("template");
  template.innerHTML = html;
  const next = [...template.content.childNodes];
  const old = [...target.childNodes];
  let start = 0;
  while (start < next.length && start < old.length && old[start].isEqualNode(next[start])) start++;
  let endOld = old.length;
  let endNext = next.length;
  while (endOld > start && endNext > start && old[endOld - 1].isEqualNode(next[endNext - 1])) {
    endOld--;
    endNext--;
  }
  for (let i = start; i < endOld; i++) old[i].remove();
  const anchor = old[endOld] ?? null;
  const fresh = next.slice(start, endNext);
  for (const node of fresh) target.insertBefore(node, anchor);
  return { replaced: fresh.length };
}
