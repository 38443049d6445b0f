// The library sidebar: full-text search (debounced) combined with the status, category,
// publication-date and tag filters, the tag list with counts (each tag renamed or merged
// through its "…" button), and the trash. Plain listing goes through `list_pieces`, any text
// through `search`, so accents and case never matter. A save patches its one row; the lists
// are read again only when what they show can have changed (filters, tags, a new piece, the
// trash, an import, or another process — checked when the window comes back to the front).
import { api, type Piece, type PieceFilter, type PieceSummary, type Status, type TagCount } from "../api/ipc";
import type { Confirm } from "../app/confirm";
import type { Notices } from "../app/desk";
import type { UndoNotice } from "../app/undo-notice";
import { DateField } from "../app/date-field";
import { formatNumber, t } from "../i18n";
import type { PieceSession } from "../session/session";
import { dateRange } from "./date-range";
import { markCurrent, patchPieceRow, renderPieceList, renderTrashList } from "./piece-list";
import { TagDialog, type TagDialogElements } from "./tag-dialog";
import { tagKey } from "./tag-edits";

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
  from: HTMLInputElement;
  to: HTMLInputElement;
  dateError: HTMLElement;
  clearFilters: HTMLButtonElement;
  tagDialog: TagDialogElements;
}

/** The publication days of the filter (`YYYY-MM-DD` or null for an open side). */
export interface PublishedRange {
  published_from: string | null;
  published_to: string | null;
}

const OPEN_RANGE: PublishedRange = { published_from: null, published_to: null };

/** The filter the sidebar's controls describe. */
export function filterOf(status: string, category: string, tags: Iterable<string>, range: PublishedRange = OPEN_RANGE): PieceFilter {
  return {
    statuses: status ? [status as Status] : [],
    category: category || null,
    tags: [...tags],
    published_from: range.published_from,
    published_to: range.published_to,
  };
}

/** The tag filter after `from` became `to`: the same pieces stay selected. */
export function renamedFilter(filter: Iterable<string>, from: string, to: string): string[] {
  const out = [...filter].map((name) => (tagKey(name) === tagKey(from) ? to : name));
  return [...new Set(out)];
}

/** What a list row shows of `piece`. */
export function summaryOf(piece: Piece): PieceSummary {
  const { id, title, slug, status, tags, category, updated_at, publication_date } = piece;
  return { id, title, slug, status, tags, category, updated_at, publication_date };
}

/** True when `piece` belongs in a list filtered by `filter` (the library's rules: any of the
 *  statuses, the category, every tag without case or accents, the days inclusive). */
export function matchesFilter(piece: PieceSummary, filter: PieceFilter): boolean {
  const statuses = filter.statuses ?? [];
  const tags = filter.tags ?? [];
  const day = piece.publication_date;
  const dated = !filter.published_from && !filter.published_to
    ? true
    : !!day && (!filter.published_from || day >= filter.published_from) && (!filter.published_to || day <= filter.published_to);
  return (
    (statuses.length === 0 || statuses.includes(piece.status)) &&
    (!filter.category || piece.category === filter.category) &&
    tags.every((tag) => piece.tags.some((name) => tagKey(name) === tagKey(tag))) &&
    dated
  );
}

export class Sidebar {
  private all: PieceSummary[] = [];
  private readonly tagFilter = new Set<string>();
  private trash = false;
  private tags: TagCount[] = [];
  private tagSignature = "";
  /** Outcome of the last tag rename or merge, kept until the writer changes the filters. */
  private notice = "";
  private readonly tagDialog: TagDialog;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  private readonly from: DateField;
  private readonly to: DateField;

  constructor(
    private readonly el: SidebarElements,
    private readonly session: PieceSession,
    private readonly notices: Notices,
    private readonly confirm: Confirm,
    private readonly undo: UndoNotice,
  ) {
    el.search.addEventListener("input", () => this.schedule());
    el.status.addEventListener("change", () => this.filtersChanged());
    el.category.addEventListener("change", () => this.filtersChanged());
    this.from = new DateField(el.from, () => this.filtersChanged());
    this.to = new DateField(el.to, () => this.filtersChanged());
    el.clearFilters.addEventListener("click", () => this.clearFilters());
    el.showTrash.addEventListener("click", () => this.toggleTrash());
    el.emptyTrash.addEventListener("click", () => void this.emptyTrash());
    this.tagDialog = new TagDialog(el.tagDialog, { tags: () => this.tags, tagReplaced: (from, to, message) => this.tagReplaced(from, to, message) }, confirm);
    session.listen({
      loaded: (piece) => markCurrent(this.el.list, piece?.id ?? null),
      saved: (piece) => this.saved(piece),
      libraryChanged: () => void this.reload(),
    });
    // Another process (the CLI, a second window) may have changed the library meanwhile.
    window.addEventListener("focus", () => void this.reload());
  }

  /** Puts the keyboard focus on the list row of the piece shown, or, when it is not listed,
   *  on no control: a place where a stray key edits nothing (issue #11: after the undo notice
   *  left, the focus landed in the next piece's body and a key typed into it). */
  focusCurrentRow(): void {
    const row = this.el.list.querySelector<HTMLElement>('.piece-item[aria-current="true"]');
    if (row) row.focus();
    else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  }

  /** Every live piece, most recent first (quick open uses it). */
  pieces(): PieceSummary[] {
    return this.all;
  }

  /** The UI language changed: redraw everything, tag chips included. */
  relabel(): Promise<void> {
    this.tagSignature = "";
    this.from.relabel();
    this.to.relabel();
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
      this.notices.showError(err);
    }
  }

  /** A save came back: patch its row (and the categories it may add) instead of listing
   *  again, unless the change can move it in or out of the filtered list. */
  private saved(piece: Piece): void {
    const after = summaryOf(piece);
    const i = this.all.findIndex((p) => p.id === piece.id);
    const before = i >= 0 ? this.all[i] : undefined;
    if (i >= 0) this.all.splice(i, 1);
    this.all.unshift(after);
    if (before?.category !== after.category) this.renderCategories();
    if (this.trash) return;
    const range = dateRange(this.from.value(), this.to.value());
    const filter = filterOf(this.el.status.value, this.el.category.value, this.tagFilter, range.ok ? range : OPEN_RANGE);
    const searching = this.el.search.value.trim() !== "";
    const belongs = matchesFilter(after, filter);
    const hasRow = this.el.list.querySelector(`.piece-item[data-id="${piece.id}"]`) !== null;
    if (hasRow && belongs) patchPieceRow(this.el.list, after, !searching);
    // It left the filtered list, or entered it: only then is the list read again. A search
    // keeps its hits until the writer searches again.
    else if (hasRow || (belongs && !searching)) void this.refresh();
  }

  /** Redraws the list for the current text, filters and view. */
  async refresh(): Promise<void> {
    const seq = ++this.seq;
    try {
      if (this.trash) await this.showTrash(seq);
      else await this.showPieces(seq);
    } catch (err) {
      this.notices.showError(err);
    }
  }

  private async showTrash(seq: number): Promise<void> {
    const pieces = await api.listTrash();
    if (seq !== this.seq) return;
    renderTrashList(this.el.list, pieces, (id) => void this.restore(id));
    this.say(pieces.length === 0 ? t("trash.empty") : "");
    this.offerEmptying(pieces.length > 0);
  }

  private async showPieces(seq: number): Promise<void> {
    const text = this.el.search.value.trim();
    const range = this.checkedRange();
    if (!range) {
      this.el.list.replaceChildren();
      return;
    }
    const filter = filterOf(this.el.status.value, this.el.category.value, this.tagFilter, range);
    const pieces = text ? await api.search({ text, ...filter }) : await api.listPieces(filter);
    if (seq !== this.seq) return;
    renderPieceList(this.el.list, pieces, this.session.current()?.id ?? null, (id) => {
      this.session.open(id).catch((err) => this.notices.showError(err));
    });
    const filtered = text !== "" || filter.statuses?.length || filter.category || this.tagFilter.size > 0 || range.published_from || range.published_to;
    if (this.all.length === 0 && !filtered) this.say(t("app.emptyLibrary"));
    else if (pieces.length === 0) this.say(text ? t("app.noMatch", { q: text }) : t("library.noneFiltered"));
    else this.say("");
  }

  /** Empties the search box and every filter, and lists the whole library again. */
  clearFilters(): void {
    this.el.search.value = "";
    this.el.status.value = "";
    this.el.category.value = "";
    this.from.set("");
    this.to.set("");
    this.tagFilter.clear();
    for (const chip of this.el.tags.querySelectorAll(".tag-chip")) chip.setAttribute("aria-pressed", "false");
    this.filtersChanged();
  }

  /** The date range, or null (after explaining why) when it cannot select anything. */
  private checkedRange(): PublishedRange | null {
    const range = dateRange(this.from.value(), this.to.value());
    const message = range.ok ? "" : range.message;
    this.el.dateError.textContent = message;
    this.el.dateError.hidden = range.ok;
    for (const input of [this.el.from, this.el.to]) input.setAttribute("aria-invalid", String(!range.ok));
    if (!range.ok) this.say("");
    return range.ok ? range : null;
  }

  /** After a rename or merge: the filter follows the tag, lists and counts reload, and the
   *  open piece's tags are read again if it carried the old name. */
  private async tagReplaced(from: string, to: string, message: string): Promise<void> {
    const kept = renamedFilter(this.tagFilter, from, to);
    this.tagFilter.clear();
    for (const name of kept) this.tagFilter.add(name);
    const piece = this.session.current();
    if (piece?.tags.some((name) => tagKey(name) === tagKey(from))) {
      await this.session.change((id) => api.getPiece(id)).catch((err) => this.notices.showError(err));
    }
    this.notice = message;
    await this.reload();
    this.el.tags.querySelector<HTMLElement>(`.tag-chip[data-tag="${CSS.escape(to)}"]`)?.focus();
  }

  /** The writer changed what the list shows: an earlier notice (a tag renamed) has served. */
  private filtersChanged(): void {
    this.notice = "";
    void this.refresh();
  }

  private schedule(): void {
    this.notice = "";
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), SEARCH_DEBOUNCE_MS);
  }

  /** Shows `message`, or when there is none the standing notice: saves reload the list
   *  at any time, and must not wipe "tag renamed" before the writer has read it. */
  private say(message: string): void {
    this.el.message.textContent = message || this.notice;
  }

  private renderCategories(): void {
    const chosen = this.el.category.value;
    const names = [...new Set(this.all.map((p) => p.category.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, "fr"));
    const any = new Option(t("library.allCategories"), "");
    this.el.category.replaceChildren(any, ...names.map((name) => new Option(name, name)));
    this.el.category.value = names.includes(chosen) ? chosen : "";
  }

  private renderTags(tags: TagCount[]): void {
    this.tags = tags;
    for (const name of [...this.tagFilter]) if (!tags.some((tag) => tag.name === name)) this.tagFilter.delete(name);
    // Every save reloads the library: leave the chips alone when nothing changed, so a chip
    // being clicked or holding the keyboard focus is not replaced under the writer.
    const signature = JSON.stringify(tags);
    if (signature === this.tagSignature) return;
    this.tagSignature = signature;
    this.el.tags.replaceChildren(
      ...tags.map((tag) => {
        const item = document.createElement("li");
        item.className = "tag-item";
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
          this.filtersChanged();
        });
        item.append(button, this.editButton(tag));
        return item;
      }),
    );
  }

  /** The keyboard way to rename or merge a tag: a button of its own beside the chip. */
  private editButton(tag: TagCount): HTMLButtonElement {
    const edit = document.createElement("button");
    edit.type = "button";
    edit.className = "tag-edit";
    edit.dataset.tag = tag.name;
    edit.textContent = "…";
    edit.setAttribute("aria-haspopup", "dialog");
    edit.setAttribute("aria-label", t("tags.editNamed", { tag: tag.name }));
    edit.title = t("tags.editNamed", { tag: tag.name });
    edit.addEventListener("click", () => this.tagDialog.open(tag));
    return edit;
  }

  private toggleTrash(): void {
    this.trash = !this.trash;
    this.el.showTrash.setAttribute("aria-pressed", String(this.trash));
    this.el.emptyTrash.hidden = !this.trash;
    // Offered once the trash is read and found to hold something.
    this.offerEmptying(false);
    this.filtersChanged();
  }

  /** "Vider la corbeille" only when there is something to empty (issue #11: it was offered on
   *  an empty trash); the reason stays on screen in the list's message and in its tooltip. */
  private offerEmptying(filled: boolean): void {
    this.el.emptyTrash.disabled = !filled;
    this.el.emptyTrash.title = filled ? "" : t("trash.empty");
  }

  private async restore(id: number): Promise<void> {
    try {
      const piece = await api.restoreFromTrash(id);
      await this.reload();
      this.undo.show(t("trash.restored", { title: piece.title.trim() || t("app.untitled") }), async () => {
        await api.trashPiece(id);
        await this.reload();
      });
    } catch (err) {
      this.notices.showError(err);
    }
  }

  private async emptyTrash(): Promise<void> {
    if (!(await this.confirm.ask(t("trash.confirmEmpty"), t("trash.emptyNow")))) return;
    try {
      const n = await api.emptyTrash();
      await this.reload();
      this.say(t("trash.emptied", { n: formatNumber(n) }));
      // The button just used stays on screen: the focus leaves it for the trash toggle.
      this.el.showTrash.focus();
    } catch (err) {
      this.notices.showError(err);
    }
  }
}
