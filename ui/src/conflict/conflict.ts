// The conflict dialog: a save was refused because the piece changed elsewhere (another
// window, the CLI). Both versions are shown side by side and the writer chooses; the dialog
// cannot be dismissed without a choice, so nothing is dropped silently.
import type { Piece } from "../api/ipc";
import { closeModal, openModal } from "../app/dom";
import { t } from "../i18n";

export type ConflictChoice = "mine" | "theirs";

export interface ConflictElements {
  dialog: HTMLDialogElement;
  mine: HTMLElement;
  theirs: HTMLElement;
  keepMine: HTMLButtonElement;
  takeTheirs: HTMLButtonElement;
}

/** The text a writer recognises a version by: kicker, title, standfirst, body. */
export function versionText(piece: Pick<Piece, "kicker" | "title" | "standfirst" | "body">): string {
  return [piece.kicker, piece.title || t("app.untitled"), piece.standfirst, piece.body].filter((s) => s.trim() !== "").join("\n\n");
}

export class ConflictDialog {
  private resolve: ((choice: ConflictChoice) => void) | null = null;

  constructor(private readonly el: ConflictElements) {
    el.keepMine.addEventListener("click", () => this.choose("mine"));
    el.takeTheirs.addEventListener("click", () => this.choose("theirs"));
    // Escape would close the dialog without a decision: refuse it.
    el.dialog.addEventListener("cancel", (event) => event.preventDefault());
  }

  /** Shows both versions and waits for the writer's choice. */
  ask(mine: Piece, theirs: Piece): Promise<ConflictChoice> {
    this.el.mine.textContent = versionText(mine);
    this.el.theirs.textContent = versionText(theirs);
    openModal(this.el.dialog);
    this.el.keepMine.focus();
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  private choose(choice: ConflictChoice): void {
    closeModal(this.el.dialog);
    this.resolve?.(choice);
    this.resolve = null;
  }
}
