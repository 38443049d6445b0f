// The undo notice: after a destructive action (a piece to the trash, out of it, a version
// restored) a message with an "Annuler" button stays for several seconds. The keyboard focus
// goes to that button, never to a destructive control, so a stray Space undoes instead of
// destroying the next piece (issue #11: Space after "Mettre à la corbeille" trashed another one).
import { t } from "../i18n";

export interface UndoElements {
  box: HTMLElement;
  message: HTMLElement;
  undo: HTMLButtonElement;
}

/** How long the notice stays, in milliseconds. */
export const UNDO_MS = 10_000;

export class UndoNotice {
  private action: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly el: UndoElements,
    /** Where the focus goes when the notice leaves while holding it: somewhere a stray key
     *  edits nothing (the list row of the piece shown), never a text field. */
    private readonly focusAway: () => void,
    private readonly onError: (err: unknown) => void,
  ) {
    el.undo.addEventListener("click", () => void this.undo());
    el.box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.hide();
    });
  }

  /** Shows `message` with an undo button running `undo`; takes the keyboard focus. */
  show(message: string, undo: () => Promise<void>, ms = UNDO_MS): void {
    this.action = undo;
    this.el.message.textContent = message;
    this.el.undo.textContent = t("undo.button");
    this.el.box.hidden = false;
    this.el.undo.focus();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), ms);
  }

  /** True while an undo is offered. */
  isShown(): boolean {
    return !this.el.box.hidden;
  }

  private hide(): void {
    const hadFocus = this.el.box.contains(document.activeElement);
    this.action = null;
    this.el.box.hidden = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (hadFocus) this.focusAway();
  }

  private async undo(): Promise<void> {
    const action = this.action;
    this.hide();
    if (!action) return;
    try {
      await action();
    } catch (err) {
      this.onError(err);
    }
  }
}
