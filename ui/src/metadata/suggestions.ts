// Suggestions under a text field (tags, section): a listbox drawn by the page, not a native
// <datalist>. WebKitGTK's datalist popup stayed open over the other controls after the
// field lost focus; this one closes on blur, Escape, a choice, or a click anywhere else.
// Keyboard: ↓/↑ move, Enter takes the highlighted name; the field keeps focus throughout.
import { fold } from "../text/fold";

/** At most this many names under the field: a short list to read, not a scrolling one. */
const MAX_SHOWN = 8;

export interface SuggestionOptions {
  /** A comma-separated field (tags): only the part after the last comma is completed. */
  list?: boolean;
  /** Called after a name was taken (the field's value already holds it). */
  onPick?: () => void;
}

export class Suggestions {
  private names: string[] = [];
  private shown: string[] = [];
  private active = -1;
  private readonly box: HTMLUListElement;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly options: SuggestionOptions = {},
  ) {
    const doc = input.ownerDocument;
    this.box = doc.createElement("ul");
    this.box.id = `${input.id}-suggestions`;
    this.box.className = "suggestions";
    this.box.setAttribute("role", "listbox");
    this.box.hidden = true;
    input.insertAdjacentElement("afterend", this.box);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", this.box.id);
    input.setAttribute("aria-expanded", "false");
    input.addEventListener("input", () => this.open());
    input.addEventListener("blur", () => this.close());
    // Capture: the field's own Enter (add the tags) and the panel's Escape come after a pick.
    input.parentElement?.addEventListener("keydown", (e) => this.key(e), true);
    // A press on a name must not take focus from the field before the click picks it.
    this.box.addEventListener("mousedown", (e) => e.preventDefault());
    this.box.addEventListener("click", (e) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>("[role=option]");
      if (item?.dataset.index) this.pick(Number(item.dataset.index));
    });
    doc.addEventListener("pointerdown", (e) => {
      if (e.target !== input && !this.box.contains(e.target as Node)) this.close();
    });
  }

  /** The names to suggest from (already sorted). */
  setNames(names: string[]): void {
    this.names = names;
    if (!this.box.hidden) this.open();
  }

  isOpen(): boolean {
    return !this.box.hidden;
  }

  /** The part of the field being completed. */
  private typed(): string {
    const value = this.input.value;
    return this.options.list ? value.slice(value.lastIndexOf(",") + 1) : value;
  }

  private open(): void {
    const typed = fold(this.typed().trim());
    const taken = this.options.list ? new Set(this.input.value.split(",").map((n) => fold(n.trim()))) : new Set<string>();
    this.shown = typed === "" ? [] : this.names.filter((n) => fold(n).includes(typed) && (fold(n) === typed || !taken.has(fold(n)))).slice(0, MAX_SHOWN);
    if (this.shown.length === 1 && fold(this.shown[0]) === typed && this.typed().trim() === this.shown[0]) this.shown = [];
    this.active = -1;
    this.draw();
  }

  close(): void {
    this.shown = [];
    this.active = -1;
    this.draw();
  }

  private draw(): void {
    const doc = this.input.ownerDocument;
    this.box.replaceChildren(
      ...this.shown.map((name, i) => {
        const li = doc.createElement("li");
        li.id = `${this.box.id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", String(i === this.active));
        li.dataset.index = String(i);
        li.textContent = name;
        return li;
      }),
    );
    this.box.hidden = this.shown.length === 0;
    this.input.setAttribute("aria-expanded", String(!this.box.hidden));
    if (this.active >= 0) this.input.setAttribute("aria-activedescendant", `${this.box.id}-${this.active}`);
    else this.input.removeAttribute("aria-activedescendant");
  }

  private key(e: KeyboardEvent): void {
    if (e.target !== this.input || this.box.hidden) return;
    const move = (by: number) => {
      this.active = (this.active + by + this.shown.length) % this.shown.length;
      this.draw();
    };
    if (e.key === "ArrowDown") move(1);
    else if (e.key === "ArrowUp") move(-1);
    else if (e.key === "Escape") this.close();
    else if (e.key === "Enter" && this.active >= 0) this.pick(this.active);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  private pick(index: number): void {
    const name = this.shown[index];
    if (name === undefined) return;
    const value = this.input.value;
    this.input.value = this.options.list ? `${value.slice(0, value.lastIndexOf(",") + 1)}${value.includes(",") ? " " : ""}${name}` : name;
    this.close();
    this.input.dispatchEvent(new Event("input", { bubbles: true }));
    this.close();
    this.options.onPick?.();
  }
}
