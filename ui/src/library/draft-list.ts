// The sidebar list of drafts: title and last save, the current one marked.
import type { DraftSummary } from "../api/ipc";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeStyle: "short" });

export function formatUpdated(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : dateFormat.format(date);
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
      title.textContent = draft.title.trim() || "Sans titre";
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
