// Quick open (Ctrl+P): a modal list of pieces filtered as you type (fuzzy on titles);
// arrows move, Enter opens, Escape closes. A combobox + listbox for screen readers.
import type { PieceSummary } from "../api/ipc";
import { t } from "../i18n";
import { fuzzyFilter } from "./fuzzy";

export interface PaletteElements {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  list: HTMLElement;
}

export class QuickOpen {
  private drafts: PieceSummary[] = [];
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

  open(drafts: PieceSummary[]): void {
    this.drafts = drafts;
    this.el.input.value = "";
    this.filter();
    if (!this.el.dialog.open) this.el.dialog.showModal();
    this.el.input.focus();
  }

  close(): void {
    if (this.el.dialog.open) this.el.dialog.close();
  }

  private filter(): void {
    this.shown = fuzzyFilter(this.el.input.value, this.drafts, (d) => d.title || t("app.untitled"));
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
      const draft = this.shown[this.active];
      if (draft) this.pick(draft.id);
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
      ...this.shown.slice(0, 50).map((draft, i) => {
        const option = doc.createElement("li");
        option.id = `palette-option-${draft.id}`;
        option.className = "palette__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", String(i === this.active));
        option.dataset.id = String(draft.id);
        option.textContent = draft.title.trim() || t("app.untitled");
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
