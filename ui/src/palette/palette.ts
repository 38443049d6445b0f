// Quick open (Ctrl+P): a modal list of pieces filtered as you type (fuzzy on titles);
// arrows move, Enter opens, Escape closes. A combobox + listbox for screen readers.
import type { PieceSummary } from "../api/ipc";
import { closeModal, openModal } from "../app/dom";
import { t } from "../i18n";
import { fuzzyFilter } from "./fuzzy";

export interface PaletteElements {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  list: HTMLElement;
}

export class QuickOpen {
  private pieces: PieceSummary[] = [];
  private shown: PieceSummary[] = [];
  private active = 0;

  constructor(
    private readonly el: PaletteElements,
    private readonly onPick: (id: number) => void,
  ) {
    el.input.addEventListener("input", () => this.filter());
    el.input.addEventListener("keydown", (event) => this.key(event));
    el.list.addEventListener("click", (event) => {
      const option = (event.target as Element).closest<HTMLElement>("[data-id]");
      if (option) this.pick(Number(option.dataset.id));
    });
  }

  open(pieces: PieceSummary[]): void {
    this.pieces = pieces;
    this.el.input.value = "";
    this.filter();
    openModal(this.el.dialog);
    this.el.input.focus();
  }

  close(): void {
    closeModal(this.el.dialog);
  }

  private filter(): void {
    this.shown = fuzzyFilter(this.el.input.value, this.pieces, (p) => p.title || t("app.untitled"));
    this.active = 0;
    this.render();
  }

  private key(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + this.shown.length) % Math.max(1, this.shown.length);
      this.render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      const piece = this.shown[this.active];
      if (piece) this.pick(piece.id);
    }
  }

  private pick(id: number): void {
    this.close();
    this.onPick(id);
  }

  private render(): void {
    const doc = this.el.list.ownerDocument;
    if (this.shown.length === 0) {
      const empty = doc.createElement("li");
      empty.className = "palette__empty";
      empty.setAttribute("role", "option");
      empty.setAttribute("aria-disabled", "true");
      empty.id = "palette-empty";
      empty.textContent = t("palette.empty");
      this.el.list.replaceChildren(empty);
      this.el.input.removeAttribute("aria-activedescendant");
      return;
    }
    this.el.list.replaceChildren(
      ...this.shown.slice(0, 50).map((piece, i) => {
        const option = doc.createElement("li");
        option.id = `palette-option-${piece.id}`;
        option.className = "palette__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", String(i === this.active));
        option.dataset.id = String(piece.id);
        option.textContent = piece.title.trim() || t("app.untitled");
        return option;
      }),
    );
    const active = this.shown[this.active];
    if (active) {
      this.el.input.setAttribute("aria-activedescendant", `palette-option-${active.id}`);
      doc.getElementById(`palette-option-${active.id}`)?.scrollIntoView?.({ block: "nearest" });
    }
  }
}
