// The library sidebar: full-text search (debounced) combined with the status, category and
// tag filters, the tag list with counts, and the trash. Plain listing goes through
// `list_pieces`, any text through `search`, so accents and case never matter.
import { api, type PieceFilter, type PieceSummary, type Status, type TagCount } from "../api/ipc";
import type { Confirm } from "../app/confirm";
import type { Desk } from "../app/desk";
import { formatNumber, t } from "../i18n";
import { renderDraftList, renderTrashList } from "./draft-list";

const SEARCH_DEBOUNCE_MS = 200;

export interface SidebarElements {
  list: HTMLElement;
  message: HTMLElement;
  search: HTMLInputElement;
  status: HTMLSelectElement;
  category: HTMLSelectElement;
  tags: HTMLElement;
  showTrash: HTMLButtonElement;
  emptyTrash: HTMLButtonElement;
}

/** The filter the sidebar's controls describe. */
export function filterOf(status: string, category: string, tags: Iterable<string>): PieceFilter {
  return {
    statuses: status ? [status as Status] : [],
    category: category || null,
    tags: [...tags],
  };
}

export class Sidebar {
  private all: PieceSummary[] = [];
  private readonly tagFilter = new Set<string>();
  private trash = false;
  private tagSignature = "";
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;

  constructor(
    private readonly el: SidebarElements,
    private readonly desk: Desk,
    private readonly confirm: Confirm,
  ) {
    el.search.addEventListener("input", () => this.schedule());
    el.status.addEventListener("change", () => void this.refresh());
    el.category.addEventListener("change", () => void this.refresh());
    el.showTrash.addEventListener("click", () => this.toggleTrash());
    el.emptyTrash.addEventListener("click", () => void this.emptyTrash());
    desk.listen({ libraryChanged: () => void this.reload() });
  }

  /** Every live piece, most recent first (quick open uses it). */
  pieces(): PieceSummary[] {
    return this.all;
  }

  /** The UI language changed: redraw everything, tag chips included. */
  relabel(): Promise<void> {
    this.tagSignature = "";
    return this.reload();
  }

  /** Reloads the whole library (categories, tags) and the current view. */
  async reload(): Promise<void> {
    try {
      const [all, tags] = await Promise.all([api.listPieces(), api.listTags()]);
      this.all = all;
      this.renderCategories();
      this.renderTags(tags);
      await this.refresh();
    } catch (err) {
      this.desk.showError(err);
    }
  }

  /** Redraws the list for the current text, filters and view. */
  async refresh(): Promise<void> {
    const seq = ++this.seq;
    const text = this.el.search.value.trim();
    const filter = filterOf(this.el.status.value, this.el.category.value, this.tagFilter);
    try {
      if (this.trash) {
        const pieces = await api.listTrash();
        if (seq !== this.seq) return;
        renderTrashList(this.el.list, pieces, (id) => void this.restore(id));
        return this.say(pieces.length === 0 ? t("trash.empty") : "");
      }
      const pieces = text ? await api.search({ text, ...filter }) : await api.listPieces(filter);
      if (seq !== this.seq) return;
      renderDraftList(this.el.list, pieces, this.desk.current()?.id ?? null, (id) => {
        this.desk.open(id).catch((err) => this.desk.showError(err));
      });
      const filtered = text !== "" || filter.statuses?.length || filter.category || this.tagFilter.size > 0;
      if (this.all.length === 0 && !filtered) this.say(t("app.emptyLibrary"));
      else if (pieces.length === 0) this.say(text ? t("app.noMatch", { q: text }) : t("library.noneFiltered"));
      else this.say("");
    } catch (err) {
      this.desk.showError(err);
    }
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), SEARCH_DEBOUNCE_MS);
  }

  private say(message: string): void {
    this.el.message.textContent = message;
  }

  private renderCategories(): void {
    const chosen = this.el.category.value;
    const names = [...new Set(this.all.map((p) => p.category.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, "fr"));
    const any = new Option(t("library.allCategories"), "");
    this.el.category.replaceChildren(any, ...names.map((name) => new Option(name, name)));
    this.el.category.value = names.includes(chosen) ? chosen : "";
  }

  private renderTags(tags: TagCount[]): void {
    for (const name of [...this.tagFilter]) if (!tags.some((tag) => tag.name === name)) this.tagFilter.delete(name);
    // Every save reloads the library: leave the chips alone when nothing changed, so a chip
    // being clicked or holding the keyboard focus is not replaced under the writer.
    const signature = JSON.stringify(tags);
    if (signature === this.tagSignature) return;
    this.tagSignature = signature;
    this.el.tags.replaceChildren(
      ...tags.map((tag) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "tag-chip";
        button.dataset.tag = tag.name;
        button.setAttribute("aria-pressed", String(this.tagFilter.has(tag.name)));
        const name = document.createElement("span");
        name.textContent = tag.name;
        const count = document.createElement("span");
        count.className = "tag-chip__count";
        count.textContent = formatNumber(tag.count);
        count.setAttribute("aria-label", t("library.tagCount", { n: tag.count }));
        button.append(name, " ", count);
        button.addEventListener("click", () => {
          if (this.tagFilter.has(tag.name)) this.tagFilter.delete(tag.name);
          else this.tagFilter.add(tag.name);
          button.setAttribute("aria-pressed", String(this.tagFilter.has(tag.name)));
          void this.refresh();
        });
        item.append(button);
        return item;
      }),
    );
  }

  private toggleTrash(): void {
    this.trash = !this.trash;
    this.el.showTrash.setAttribute("aria-pressed", String(this.trash));
    this.el.emptyTrash.hidden = !this.trash;
    void this.refresh();
  }

  private async restore(id: number): Promise<void> {
    try {
      await api.restoreFromTrash(id);
      await this.reload();
    } catch (err) {
      this.desk.showError(err);
    }
  }

  private async emptyTrash(): Promise<void> {
    if (!(await this.confirm.ask(t("trash.confirmEmpty"), t("trash.emptyNow")))) return;
    try {
      const n = await api.emptyTrash();
      await this.reload();
      this.say(t("trash.emptied", { n }));
    } catch (err) {
      this.desk.showError(err);
    }
  }
}
