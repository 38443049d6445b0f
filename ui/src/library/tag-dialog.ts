// The tag dialog (#tag-dialog), opened from the "…" button beside a tag in the sidebar:
// rename the tag everywhere, or merge it into another one. Both are plain forms (Enter
// submits, Escape closes); a merge, even one a rename turns into, is confirmed first with the
// number of pieces it touches.
import { api, type TagCount } from "../api/ipc";
import type { Confirm } from "../app/confirm";
import { closeModal, openModal } from "../app/dom";
import { formatNumber, t } from "../i18n";
import { mergeQuestion, mergeTargets, piecesLabel, planRename, tagErrorMessage } from "./tag-edits";

export interface TagDialogElements {
  dialog: HTMLDialogElement;
  title: HTMLElement;
  count: HTMLElement;
  renameForm: HTMLFormElement;
  renameInput: HTMLInputElement;
  mergeForm: HTMLFormElement;
  mergeTarget: HTMLSelectElement;
  error: HTMLElement;
}

/** What the dialog needs from the sidebar: the current tags, and a way to show the result. */
export interface TagDialogHost {
  tags(): TagCount[];
  /** `from` now goes by `to` on `pieces` pieces: refresh lists, filters and the open piece. */
  tagReplaced(from: string, to: string, message: string): Promise<void>;
}

export class TagDialog {
  private tag: TagCount | null = null;
  private busy = false;

  constructor(
    private readonly el: TagDialogElements,
    private readonly host: TagDialogHost,
    private readonly confirm: Confirm,
  ) {
    el.renameForm.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.rename();
    });
    el.mergeForm.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.merge();
    });
  }

  /** Opens the dialog on `tag`, the rename field filled and selected. */
  open(tag: TagCount): void {
    this.tag = tag;
    this.el.title.textContent = t("tags.editTitle", { tag: tag.name });
    this.el.count.textContent = t("tags.usedBy", { pieces: piecesLabel(tag.count) });
    this.el.renameInput.value = tag.name;
    this.showError("");
    this.fillTargets(tag);
    openModal(this.el.dialog);
    this.el.renameInput.focus();
    this.el.renameInput.select();
  }

  private fillTargets(tag: TagCount): void {
    const targets = mergeTargets(tag.name, this.host.tags());
    this.el.mergeTarget.replaceChildren(...targets.map((other) => new Option(`${other.name} (${formatNumber(other.count)})`, other.name)));
    this.el.mergeForm.hidden = targets.length === 0;
  }

  private async rename(): Promise<void> {
    const tag = this.tag;
    if (!tag || this.busy) return;
    const plan = planRename(tag, this.el.renameInput.value, this.host.tags());
    if (plan.kind === "invalid") return this.showError(plan.message, true);
    if (plan.kind === "unchanged") return closeModal(this.el.dialog);
    if (plan.kind === "merge") {
      if (!(await this.confirm.ask(mergeQuestion(tag, plan.into), t("tags.mergeNow")))) return this.el.renameInput.focus();
      return this.run(tag.name, plan.into, () => api.mergeTags([tag.name], plan.into), "tags.merged");
    }
    return this.run(tag.name, plan.to, () => api.renameTag(tag.name, plan.to), "tags.renamed");
  }

  private async merge(): Promise<void> {
    const tag = this.tag;
    const target = this.el.mergeTarget.value;
    if (!tag || !target || this.busy) return;
    if (!(await this.confirm.ask(mergeQuestion(tag, target), t("tags.mergeNow")))) return this.el.mergeTarget.focus();
    return this.run(tag.name, target, () => api.mergeTags([tag.name], target), "tags.merged");
  }

  private async run(from: string, to: string, call: () => Promise<number>, done: "tags.renamed" | "tags.merged"): Promise<void> {
    this.busy = true;
    try {
      const n = await call();
      closeModal(this.el.dialog);
      await this.host.tagReplaced(from, to, t(done, { from, to, pieces: piecesLabel(n) }));
    } catch (err) {
      this.showError(tagErrorMessage(err));
    } finally {
      this.busy = false;
    }
  }

  /** `badName`: the typed name itself is the problem, so the field is marked invalid. */
  private showError(message: string, badName = false): void {
    this.el.error.textContent = message;
    this.el.error.hidden = message === "";
    this.el.renameInput.setAttribute("aria-invalid", String(badName));
  }
}
