// The sidebar list of pieces: title, status and last save, the current one marked; search
// results add their snippet, the matched words in <mark> (built from text nodes, never HTML).
import type { PieceSummary, SearchHit, SnippetSegment, Status } from "../api/ipc";
import { formatDateTime, t, type MessageKey } from "../i18n";

export function formatUpdated(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : formatDateTime(date);
}

export function statusLabel(status: Status): string {
  return t(`status.${status}` as MessageKey);
}

/** The snippet as nodes: plain text, and <mark> around the words the search matched. */
export function snippetNodes(segments: SnippetSegment[]): Node[] {
  return segments.map((segment) => {
    if (!segment.highlight) return document.createTextNode(segment.text);
    const mark = document.createElement("mark");
    mark.textContent = segment.text;
    return mark;
  });
}

function itemBody(piece: PieceSummary): HTMLElement[] {
  const title = document.createElement("span");
  title.className = "piece-item__title";
  title.textContent = piece.title.trim() || t("app.untitled");
  const meta = document.createElement("span");
  meta.className = "piece-item__meta";
  const status = document.createElement("span");
  status.className = "status-badge";
  status.dataset.status = piece.status;
  status.textContent = statusLabel(piece.status);
  const updated = document.createElement("time");
  updated.className = "piece-item__date";
  updated.dateTime = piece.updated_at;
  updated.textContent = formatUpdated(piece.updated_at);
  meta.append(status, " ", updated);
  const parts = [title, meta];
  const snippet = (piece as Partial<SearchHit>).snippet;
  if (snippet?.length) {
    const p = document.createElement("span");
    p.className = "piece-item__snippet";
    p.append(...snippetNodes(snippet));
    parts.push(p);
  }
  return parts;
}

function pieceRow(piece: PieceSummary, currentId: number | null, onSelect: (id: number) => void): HTMLLIElement {
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "piece-item";
  button.dataset.id = String(piece.id);
  if (piece.id === currentId) button.setAttribute("aria-current", "true");
  button.append(...itemBody(piece));
  button.addEventListener("click", () => onSelect(piece.id));
  item.append(button);
  return item;
}

export function renderPieceList(
  list: HTMLElement,
  pieces: PieceSummary[],
  currentId: number | null,
  onSelect: (id: number) => void,
): void {
  list.replaceChildren(...pieces.map((piece) => pieceRow(piece, currentId, onSelect)));
}

/**
 * Redraws the row of `piece` after a save (its title, status and date), keeping a search
 * hit's snippet; with `toTop` it moves first, as the most recently saved piece. Returns false
 * when the list has no row for it (the caller decides whether to read the list again).
 */
export function patchPieceRow(list: HTMLElement, piece: PieceSummary, toTop: boolean): boolean {
  const button = list.querySelector<HTMLElement>(`.piece-item[data-id="${piece.id}"]`);
  const item = button?.closest("li");
  if (!button || !item) return false;
  const snippet = button.querySelector(".piece-item__snippet");
  button.replaceChildren(...itemBody(piece), ...(snippet ? [snippet] : []));
  if (toTop && list.firstElementChild !== item) list.prepend(item);
  return true;
}

/** Marks the row of the open piece (`aria-current`), and only that one. */
export function markCurrent(list: HTMLElement, currentId: number | null): void {
  for (const button of list.querySelectorAll<HTMLElement>(".piece-item")) {
    if (button.dataset.id === String(currentId)) button.setAttribute("aria-current", "true");
    else button.removeAttribute("aria-current");
  }
}

/** The trash: each piece with a button to put it back. */
export function renderTrashList(list: HTMLElement, pieces: PieceSummary[], onRestore: (id: number) => void): void {
  list.replaceChildren(
    ...pieces.map((piece) => {
      const item = document.createElement("li");
      item.className = "trash-item";
      item.dataset.id = String(piece.id);
      const restore = document.createElement("button");
      restore.type = "button";
      restore.className = "button trash-item__restore";
      restore.textContent = t("trash.restore");
      restore.setAttribute("aria-label", t("trash.restoreNamed", { title: piece.title.trim() || t("app.untitled") }));
      restore.addEventListener("click", () => onRestore(piece.id));
      item.append(...itemBody(piece), restore);
      return item;
    }),
  );
}
