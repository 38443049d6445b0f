// A yes/no question in a modal dialog, for the actions that cannot be undone.
import { closeModal, openModal } from "./dom";

export interface ConfirmElements {
  dialog: HTMLDialogElement;
  message: HTMLElement;
  ok: HTMLButtonElement;
  cancel: HTMLButtonElement;
}

export class Confirm {
  private resolve: ((yes: boolean) => void) | null = null;

  constructor(private readonly el: ConfirmElements) {
    el.ok.addEventListener("click", () => this.answer(true));
    el.cancel.addEventListener("click", () => this.answer(false));
    el.dialog.addEventListener("close", () => this.answer(false));
  }

  /** Asks `question`; resolves true only when the writer confirms. */
  ask(question: string, confirmLabel: string): Promise<boolean> {
    this.el.message.textContent = question;
    this.el.ok.textContent = confirmLabel;
    openModal(this.el.dialog);
    this.el.cancel.focus();
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  private answer(yes: boolean): void {
    const resolve = this.resolve;
    this.resolve = null;
    closeModal(this.el.dialog);
    resolve?.(yes);
  }
}
