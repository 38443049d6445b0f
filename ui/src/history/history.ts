// The revision history dialog (#history-dialog): the kept versions of the open piece (date,
// reason), the selected one compared word by word with the current text or with any other
// version ("Compare with"), and a way back to the selected one.
import { api, errorMessage, type RevisionSummary } from "../api/ipc";
import { closeModal, openModal } from "../app/dom";
import type { UndoNotice } from "../app/undo-notice";
import { formatDateTime, t, type MessageKey } from "../i18n";
import { compareChoices, comparePair, otherOf, type RevisionPair } from "./compare";
import type { PieceSession } from "../session/session";
import { renderDiff } from "./diff-view";

export interface HistoryElements {
  dialog: HTMLDialogElement;
  list: HTMLElement;
  diff: HTMLElement;
  restore: HTMLButtonElement;
  message: HTMLElement;
  /** "Compare with": the current text or another revision. */
  compare: HTMLSelectElement;
  /** Says which two states the diff shows. */
  caption: HTMLElement;
}

export function reasonLabel(reason: string): string {
  return t(`history.reason.${reason}` as MessageKey);
}

export class HistoryDialog {
  private selected: number | null = null;
  private revisions: RevisionSummary[] = [];
  /** Bumped on every diff asked for: only the newest answer may paint. */
  private seq = 0;

  constructor(
    private readonly el: HistoryElements,
    private readonly session: PieceSession,
    /** Where the writer goes back to after a restore: the editor. */
    private readonly backToText: () => void,
    private readonly undo: UndoNotice,
  ) {
    el.restore.addEventListener("click", () => void this.restore());
    el.compare.addEventListener("change", () => void this.showDiff());
  }

  /** `opener`: the toolbar button, when it was clicked (drawn active while open). */
  async open(opener: HTMLElement | null = null): Promise<void> {
    const piece = this.session.current();
    if (!piece) return;
    this.selected = null;
    this.revisions = [];
    this.el.restore.disabled = true;
    this.el.compare.disabled = true;
    this.el.compare.replaceChildren(this.currentOption());
    this.el.caption.textContent = "";
    this.el.diff.replaceChildren();
    this.el.message.textContent = t("app.loading");
    openModal(this.el.dialog, opener);
    try {
      await this.session.flush();
      const revisions = await api.listRevisions(piece.id);
      this.revisions = revisions;
      this.renderList(revisions);
      this.el.message.textContent = revisions.length === 0 ? t("history.none") : "";
      if (revisions.length > 0) await this.select(revisions[0].number);
    } catch (err) {
      this.el.message.textContent = t("app.actionFailed", { message: errorMessage(err) });
    }
  }

  private renderList(revisions: RevisionSummary[]): void {
    this.el.list.replaceChildren(
      ...revisions.map((rev) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "revision-item";
        button.dataset.number = String(rev.number);
        const when = document.createElement("time");
        when.dateTime = rev.kept_at;
        when.textContent = formatDateTime(new Date(rev.saved_at));
        const why = document.createElement("span");
        why.className = "revision-item__reason";
        why.textContent = `${t("history.number", { n: rev.number })} · ${reasonLabel(rev.reason)}`;
        button.append(when, why);
        button.addEventListener("click", () => void this.select(rev.number));
        item.append(button);
        return item;
      }),
    );
  }

  private async select(number: number): Promise<void> {
    this.selected = number;
    for (const button of this.el.list.querySelectorAll<HTMLElement>(".revision-item")) {
      button.setAttribute("aria-pressed", String(button.dataset.number === String(number)));
    }
    this.fillCompare(number);
    await this.showDiff();
  }

  /** "Compare with" lists the current text and every other revision; a choice that became
   *  the selected revision falls back to the current text. */
  private fillCompare(selected: number): void {
    const chosen = otherOf(this.el.compare.value);
    const choices = compareChoices(this.revisions, selected);
    this.el.compare.replaceChildren(
      this.currentOption(),
      ...choices.map((rev) => new Option(t("history.revisionOption", { n: rev.number, when: this.when(rev.number), reason: reasonLabel(rev.reason) }), String(rev.number))),
    );
    this.el.compare.value = chosen !== null && choices.some((rev) => rev.number === chosen) ? String(chosen) : "";
    this.el.compare.disabled = false;
  }

  private currentOption(): HTMLOptionElement {
    return new Option(t("history.current"), "");
  }

  private async showDiff(): Promise<void> {
    const piece = this.session.current();
    const selected = this.selected;
    if (!piece || selected === null) return;
    const pair = comparePair(selected, otherOf(this.el.compare.value));
    const seq = ++this.seq;
    try {
      const diff = await api.diffRevisions(piece.id, pair.from, pair.to ?? undefined);
      if (seq !== this.seq) return;
      renderDiff(this.el.diff, diff.fields, t(pair.to === null ? "history.same" : "history.sameRevisions"));
      this.describe(pair);
      this.el.restore.disabled = false;
    } catch (err) {
      this.el.message.textContent = t("app.actionFailed", { message: errorMessage(err) });
    }
  }

  /** The caption and the diff region's name say which two states are compared. */
  private describe(pair: RevisionPair): void {
    const to = pair.to === null ? t("history.diffToCurrent") : t("history.diffToRevision", { n: pair.to, when: this.when(pair.to) });
    const caption = t("history.diffBetween", { n: pair.from, when: this.when(pair.from), to });
    this.el.caption.textContent = caption;
    this.el.diff.setAttribute("aria-label", caption);
  }

  private when(number: number): string {
    const rev = this.revisions.find((r) => r.number === number);
    return rev ? formatDateTime(new Date(rev.saved_at)) : "";
  }

  private async restore(): Promise<void> {
    const number = this.selected;
    if (number === null) return;
    try {
      const restored = await this.session.change((id) => api.restoreRevision(id, number));
      closeModal(this.el.dialog);
      this.backToText();
      if (!restored) return;
      // The library kept the text before the restore as the newest version: undoing restores it.
      const before = (await api.listRevisions(restored.id)).reduce<RevisionSummary | null>((a, r) => (!a || r.number > a.number ? r : a), null);
      if (!before) return;
      this.undo.show(t("history.restored", { n: number }), async () => {
        await this.session.change((id) => api.restoreRevision(id, before.number));
        this.backToText();
      });
    } catch (err) {
      this.el.message.textContent = t("app.actionFailed", { message: errorMessage(err) });
    }
  }
}
