// The metadata panel (#metadata-panel): author, category, dates, target length, slug, language,
// tags, status and its history, and the way to the trash. Text fields go through the
// session's saves; tags and status through their own library calls, after the pending save.
// The status history is read again only when the status (or the piece) changes.
import { api, errorMessage, STATUSES, type Piece, type TagCount } from "../api/ipc";
import { byId } from "../app/dom";
import type { UndoNotice } from "../app/undo-notice";
import { fieldHistory, type FieldHistory } from "../app/field-history";
import { DateField } from "../app/date-field";
import { formatDateTime, t } from "../i18n";
import { statusLabel } from "../library/piece-list";
import type { PieceSession } from "../session/session";
import { dateOrNull, distinctSorted, numberOrNull, parseTags } from "./fields";
import type { LeadImageField } from "./lead-image";
import { Suggestions } from "./suggestions";

type TextField = "author" | "author_role" | "category";

export class MetadataPanel {
  private readonly panel = byId("metadata-panel");
  private readonly error = byId("meta-error");
  private typedSlug: string | null = null;
  /** The piece and status whose history the panel shows (`id:status`). */
  private historyFor = "";
  private noteFor = -1;
  private readonly histories: FieldHistory[] = [];
  private readonly date: DateField;
  /** The piece whose values the text fields' undo histories start from. */
  private historiesFor = -1;
  // Names (proper nouns) are not spell-checked: author, section and tags have spellcheck off.
  private readonly categorySuggestions = new Suggestions(byId<HTMLInputElement>("meta-category"));
  private readonly tagSuggestions = new Suggestions(byId<HTMLInputElement>("meta-tag-input"), { list: true });

  constructor(
    private readonly session: PieceSession,
    private readonly categories: () => string[],
    private readonly undo: UndoNotice,
    private readonly lead: LeadImageField,
  ) {
    this.text("meta-author", "author");
    this.text("meta-author-role", "author_role");
    this.text("meta-category", "category");
    this.date = new DateField(byId<HTMLInputElement>("meta-date"), () => this.dateTyped());
    byId<HTMLInputElement>("meta-issue").addEventListener("input", (e) => this.session.update({ issue_number: numberOrNull(value(e)) }));
    byId<HTMLInputElement>("meta-target").addEventListener("input", (e) => this.session.update({ target_signs: numberOrNull(value(e)) }));
    byId<HTMLSelectElement>("meta-lang").addEventListener("change", (e) => this.session.update({ lang: value(e) === "en" ? "en" : "fr" }));
    byId<HTMLInputElement>("meta-slug").addEventListener("change", (e) => {
      const typed = value(e).trim();
      if (!typed) return;
      this.typedSlug = typed;
      byId("meta-slug-note").textContent = "";
      this.session.update({ slug: typed });
    });
    byId<HTMLSelectElement>("meta-status").addEventListener("change", (e) => void this.setStatus(value(e)));
    byId<HTMLInputElement>("meta-tag-input").addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      void this.addTags();
    });
    byId("meta-tag-add").addEventListener("click", () => void this.addTags());
    byId("meta-trash").addEventListener("click", () => void this.trash());
    session.listen({ pieceChanged: (piece) => this.show(piece) });
    // Tags can be renamed or merged from the sidebar while the panel is open: the
    // suggestions are read again whenever the writer comes to type a tag.
    byId("meta-tag-input").addEventListener("focus", () => void this.refreshTagOptions());
  }

  isOpen(): boolean {
    return !this.panel.hidden;
  }

  setOpen(open: boolean): void {
    this.panel.hidden = !open;
    const piece = this.session.current();
    if (open && piece) {
      this.show(piece);
      void this.refreshTagOptions();
    }
  }

  /** Fills the form from `piece`, leaving alone the field the writer is typing in. */
  show(piece: Piece): void {
    if (this.panel.hidden) return;
    const set = (id: string, v: string) => {
      const field = byId<HTMLInputElement>(id);
      if (document.activeElement !== field) field.value = v;
    };
    set("meta-author", piece.author);
    set("meta-author-role", piece.author_role);
    set("meta-category", piece.category);
    this.date.relabel();
    if (document.activeElement !== this.date.input) this.date.set(piece.publication_date ?? "");
    set("meta-issue", piece.issue_number === null ? "" : String(piece.issue_number));
    set("meta-target", piece.target_signs === null ? "" : String(piece.target_signs));
    set("meta-slug", piece.slug);
    set("meta-lang", piece.lang);
    set("meta-status", piece.status);
    if (this.historiesFor !== piece.id) for (const history of this.histories) history.reset();
    this.historiesFor = piece.id;
    this.showSlugNote(piece);
    this.renderTags(piece);
    this.lead.show(piece.lead_image);
    this.categorySuggestions.setNames(distinctSorted(this.categories()));
    if (this.historyFor !== `${piece.id}:${piece.status}`) void this.renderStatusHistory(piece);
  }

  /** A day typed or picked: saved when it is one, explained when it is not. */
  private dateTyped(): void {
    const typed = this.date.value();
    const day = dateOrNull(typed);
    this.date.input.setAttribute("aria-invalid", String(typed !== "" && !day));
    this.error.hidden = typed === "" || !!day;
    if (typed !== "" && !day) {
      this.error.textContent = t("library.badDate", { date: typed });
      return;
    }
    this.session.update({ publication_date: day });
  }

  private text(id: string, field: TextField): void {
    const input = byId<HTMLInputElement>(id);
    input.addEventListener("input", (e) => this.session.update({ [field]: value(e) }));
    this.histories.push(fieldHistory(input, () => this.session.update({ [field]: input.value })));
  }

  private showSlugNote(piece: Piece): void {
    const note = byId("meta-slug-note");
    if (piece.id !== this.noteFor) {
      note.textContent = "";
      this.typedSlug = null;
    }
    this.noteFor = piece.id;
    // Until the save comes back the piece carries the typed slug; the library then folds it
    // into [a-z0-9-] and makes it unique: say so.
    if (this.typedSlug === null || this.typedSlug === piece.slug) return;
    note.textContent = t("meta.slugAdjusted", { slug: piece.slug });
    this.typedSlug = null;
  }

  private renderTags(piece: Piece): void {
    byId("meta-tags").replaceChildren(
      ...piece.tags.map((name) => {
        const item = document.createElement("li");
        item.className = "tag-pill";
        item.dataset.tag = name;
        const label = document.createElement("span");
        label.textContent = name;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "tag-pill__remove";
        remove.textContent = "×";
        remove.setAttribute("aria-label", t("meta.removeTag", { tag: name }));
        remove.addEventListener("click", () => void this.run((id) => api.removeTags(id, [name])));
        item.append(label, remove);
        return item;
      }),
    );
  }

  private async refreshTagOptions(): Promise<void> {
    try {
      const tags: TagCount[] = await api.listTags();
      this.tagSuggestions.setNames(tags.map((tag) => tag.name));
    } catch {
      // Suggestions are a convenience; typing a tag still works without them.
    }
  }

  private async addTags(): Promise<void> {
    const input = byId<HTMLInputElement>("meta-tag-input");
    const names = parseTags(input.value);
    if (names.length === 0) return;
    if (await this.run((id) => api.addTags(id, names))) {
      input.value = "";
      void this.refreshTagOptions();
    }
  }

  private async setStatus(status: string): Promise<void> {
    const wanted = STATUSES.find((s) => s === status);
    if (wanted) await this.run((id) => api.setStatus(id, wanted));
  }

  /** To the trash, then the next piece opens and the focus goes to "Annuler": never left on
   *  this red button, where a Space would trash the next piece too. */
  private async trash(): Promise<void> {
    const piece = this.session.current();
    if (!piece || !(await this.run((id) => api.trashPiece(id)))) return;
    await this.session.closeCurrent();
    this.undo.show(t("trash.moved", { title: piece.title.trim() || t("app.untitled") }), async () => {
      await api.restoreFromTrash(piece.id);
      await this.session.open(piece.id);
      this.session.changedLibrary();
    });
  }

  /** A library call on the open piece; its error is shown in the panel. */
  private async run(op: (id: number) => Promise<Piece>): Promise<boolean> {
    this.error.hidden = true;
    try {
      await this.session.change(op);
      return true;
    } catch (err) {
      this.error.textContent = t("app.actionFailed", { message: errorMessage(err) });
      this.error.hidden = false;
      return false;
    }
  }

  private async renderStatusHistory(piece: Piece): Promise<void> {
    this.historyFor = `${piece.id}:${piece.status}`;
    try {
      const changes = await api.statusHistory(piece.id);
      byId("meta-status-history").replaceChildren(
        ...changes.map((change) => {
          const item = document.createElement("li");
          const time = document.createElement("time");
          time.dateTime = change.changed_at;
          time.textContent = formatDateTime(new Date(change.changed_at));
          item.append(time, " — ", change.from ? `${statusLabel(change.from)} → ${statusLabel(change.to)}` : statusLabel(change.to));
          return item;
        }),
      );
    } catch {
      byId("meta-status-history").replaceChildren();
    }
  }
}

function value(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

/** The status choices, in workflow order, for a <select>. */
export function fillStatusSelect(select: HTMLSelectElement): void {
  select.replaceChildren(...STATUSES.map((s) => new Option(statusLabel(s), s)));
}
