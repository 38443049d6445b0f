// The revision history dialog (#history-dialog): the kept versions of the open piece (date,
// reason), the selected one compared word by word with the current text, and a way back to it.
import { api, errorMessage, type RevisionSummary } from "../api/ipc";
import type { Desk } from "../app/desk";
import { formatDateTime, t, type MessageKey } from "../i18n";
import { renderDiff } from "./diff-view";

export interface HistoryElements {
  dialog: HTMLDialogElement;
  list: HTMLElement;
  diff: HTMLElement;
  restore: HTMLButtonElement;
  message: HTMLElement;
}

export function reasonLabel(reason: string): string {
  return t(`history.reason.${reason}` as MessageKey);
}

export class HistoryDialog {
  private selected: number | null = null;

  constructor(
    private readonly el: HistoryElements,
    private readonly desk: Desk,
  ) {
    el.restore.addEventListener("click", () => void this.restore());
  }

  async open(): Promise<void> {
    const piece = this.desk.current();
    if (!piece) return;
    this.selected = null;
    this.el.restore.disabled = true;
    this.el.diff.replaceChildren();
    this.el.message.textContent = t("app.loading");
    if (!this.el.dialog.open) this.el.dialog.showModal();
    try {
      await this.desk.flush();
      const revisions = await api.listRevisions(piece.id);
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
        why.textContent = reasonLabel(rev.reason);
        button.append(when, why);
        button.addEventListener("click", () => void this.select(rev.number));
        item.append(button);
        return item;
      }),
    );
  }

  private async select(number: number): Promise<void> {
    const piece = this.desk.current();
    if (!piece) return;
    this.selected = number;
    for (const button of this.el.list.querySelectorAll<HTMLElement>(".revision-item")) {
      button.setAttribute("aria-pressed", String(button.dataset.number === String(number)));
    }
    try {
      const diff = await api.diffRevisions(piece.id, number);
      if (this.selected !== number) return;
      renderDiff(this.el.diff, diff.fields);
      this.el.restore.disabled = false;
    } catch (err) {
      this.el.message.textContent = t("app.actionFailed", { message: errorMessage(err) });
    }
  }

  private async restore(): Promise<void> {
    const number = this.selected;
    if (number === null) return;
    try {
      await this.desk.change((id) => api.restoreRevision(id, number));
      this.el.dialog.close();
      this.desk.editor.view.focus();
    } catch (err) {
      this.el.message.textContent = t("app.actionFailed", { message: errorMessage(err) });
    }
  }
}
