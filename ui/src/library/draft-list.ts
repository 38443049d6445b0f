// The sidebar list of pieces: title and last save, the current one marked, filtered by the
// library search box (titles, client-side, until the library's search arrives).
import type { DraftSummary } from "../api/ipc";
import { formatDateTime, t } from "../i18n";
import { fold } from "../palette/fuzzy";

export function formatUpdated(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : formatDateTime(date);
}

/** The drafts whose title contains every word of `query` (accents and case ignored). */
export function filterDrafts(drafts: DraftSummary[], query: string): DraftSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return drafts;
  return drafts.filter((d) => {
    const title = fold(d.title || t("app.untitled"));
    return words.every((w) => title.includes(w));
  });
}

export function renderDraftList(
  list: HTMLElement,
  drafts: DraftSummary[],
  currentId: number | null,
  onSelect: (id: number) => void,
): void {
  list.replaceChildren(
    ...drafts.map((draft) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "draft-item";
      button.dataset.id = String(draft.id);
      if (draft.id === currentId) button.setAttribute("aria-current", "true");
      const title = document.createElement("span");
      title.className = "draft-item__title";
      title.textContent = draft.title.trim() || t("app.untitled");
      const updated = document.createElement("time");
      updated.className = "draft-item__date";
      updated.dateTime = draft.updated_at;
      updated.textContent = formatUpdated(draft.updated_at);
      button.append(title, updated);
      button.addEventListener("click", () => onSelect(draft.id));
      item.append(button);
      return item;
    }),
  );
}
