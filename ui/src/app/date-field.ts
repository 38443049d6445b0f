// A day field for French writers: a text field that reads a typed day (12/04/2002, 12042002,
// 12 avril 2002, text/dates.ts) and a calendar button beside it. The calendar speaks the UI's
// language, starts on the field's day (not today's month) and moves by month or by year, a
// year also typed directly (issue #11: reaching 2002 took 24 years of clicks). An empty field
// shows only a grey format hint, never a date (the native field showed today's in grey).
import { formatDay, isoDay, parseDay } from "../text/dates";
import { t, uiLang } from "../i18n";

export class DateField {
  private readonly button: HTMLButtonElement;
  private readonly popup: HTMLDivElement;
  /** The value last reported: a day typed whole counts at once, and its change event later
   *  (on leaving the field) must not count it again. */
  private reported = "";
  /** The month the calendar shows (year, month 1–12). */
  private shown = { y: 0, m: 0 };

  constructor(
    readonly input: HTMLInputElement,
    /** The writer chose or typed a day (the ISO day, "" for none, or the unreadable text). */
    private readonly onChange: () => void,
  ) {
    const doc = input.ownerDocument;
    input.type = "text";
    input.inputMode = "numeric";
    input.autocomplete = "off";
    input.classList.add("date-field__input");
    this.button = Object.assign(doc.createElement("button"), { type: "button", className: "date-field__open", textContent: "▦" });
    this.popup = Object.assign(doc.createElement("div"), { className: "date-field__calendar", hidden: true });
    this.popup.setAttribute("role", "dialog");
    const wrap = Object.assign(doc.createElement("span"), { className: "date-field" });
    input.replaceWith(wrap);
    wrap.append(input, this.button, this.popup);
    this.relabel();
    input.addEventListener("change", () => this.commit());
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") this.commit();
    });
    // A whole day typed or pasted (a test's fill, a paste) counts at once.
    input.addEventListener("input", () => {
      const typed = input.value.trim();
      if (parseDay(typed) && (/\d{4}$/.test(typed) || /^\d{4}-\d{2}-\d{2}$/.test(typed))) this.changed();
    });
    this.button.addEventListener("click", () => (this.popup.hidden ? this.openCalendar() : this.closeCalendar()));
    this.popup.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        this.closeCalendar();
        input.focus();
      }
    });
    doc.addEventListener("pointerdown", (event) => {
      if (!this.popup.hidden && !wrap.contains(event.target as Node)) this.closeCalendar();
    });
  }

  /** The ISO day, "" when empty, or the typed text when it is not a day (for the message). */
  value(): string {
    const day = parseDay(this.input.value);
    return day ?? this.input.value.trim();
  }

  /** Shows `iso` (or nothing). */
  set(iso: string): void {
    this.input.value = iso ? formatDay(iso) : "";
    this.reported = this.value();
  }

  /** The UI language changed. */
  relabel(): void {
    this.input.placeholder = t("date.placeholder");
    this.button.setAttribute("aria-label", t("date.open"));
    this.button.title = t("date.open");
    if (!this.popup.hidden) this.renderCalendar();
  }

  private changed(): void {
    const now = this.value();
    if (now === this.reported) return;
    this.reported = now;
    this.onChange();
  }

  private commit(): void {
    const day = parseDay(this.input.value);
    if (day) this.input.value = formatDay(day);
    this.changed();
  }

  private openCalendar(): void {
    const day = parseDay(this.input.value);
    const today = new Date();
    const [y, m] = day ? day.split("-").map(Number) : [today.getFullYear(), today.getMonth() + 1];
    this.shown = { y, m };
    this.popup.hidden = false;
    this.renderCalendar();
    this.popup.querySelector<HTMLElement>("[aria-selected=true], .date-field__day")?.focus();
  }

  private closeCalendar(): void {
    this.popup.hidden = true;
  }

  private move(months: number): void {
    const index = this.shown.y * 12 + (this.shown.m - 1) + months;
    this.shown = { y: Math.floor(index / 12), m: (index % 12) + 1 };
    this.renderCalendar();
  }

  private renderCalendar(): void {
    const doc = this.popup.ownerDocument;
    const locale = uiLang() === "fr" ? "fr-FR" : "en-GB";
    const { y, m } = this.shown;
    const nav = (label: string, text: string, months: number) => {
      const b = Object.assign(doc.createElement("button"), { type: "button", className: "date-field__nav", textContent: text });
      b.setAttribute("aria-label", label);
      b.addEventListener("click", () => this.move(months));
      return b;
    };
    const month = Object.assign(doc.createElement("span"), {
      className: "date-field__month",
      textContent: new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1))),
    });
    const year = Object.assign(doc.createElement("input"), { type: "number", className: "date-field__year", value: String(y), min: "1", max: "9999" });
    year.setAttribute("aria-label", t("date.year"));
    year.addEventListener("change", () => {
      const typed = Number(year.value);
      if (Number.isInteger(typed) && typed >= 1 && typed <= 9999) {
        this.shown = { y: typed, m: this.shown.m };
        this.renderCalendar();
        this.popup.querySelector<HTMLInputElement>(".date-field__year")?.focus();
      }
    });
    const head = Object.assign(doc.createElement("div"), { className: "date-field__head" });
    head.append(nav(t("date.prevYear"), "«", -12), nav(t("date.prevMonth"), "‹", -1), month, year, nav(t("date.nextMonth"), "›", 1), nav(t("date.nextYear"), "»", 12));

    const grid = Object.assign(doc.createElement("div"), { className: "date-field__grid" });
    grid.setAttribute("role", "grid");
    const weekday = new Intl.DateTimeFormat(locale, { weekday: "narrow", timeZone: "UTC" });
    // Weeks start on Monday in France and Britain (2001-01-01 was a Monday).
    for (let i = 0; i < 7; i++) grid.append(Object.assign(doc.createElement("span"), { className: "date-field__weekday", textContent: weekday.format(new Date(Date.UTC(2001, 0, 1 + i))) }));
    const first = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
    for (let i = 0; i < first; i++) grid.append(doc.createElement("span"));
    const chosen = parseDay(this.input.value);
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const long = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });
    for (let d = 1; d <= days; d++) {
      const iso = isoDay(y, m, d)!;
      const b = Object.assign(doc.createElement("button"), { type: "button", className: "date-field__day", textContent: String(d) });
      b.dataset.day = iso;
      b.setAttribute("aria-label", long.format(new Date(Date.UTC(y, m - 1, d))));
      b.setAttribute("aria-selected", String(iso === chosen));
      b.addEventListener("click", () => {
        this.input.value = formatDay(iso);
        this.closeCalendar();
        this.input.focus();
        this.changed();
      });
      grid.append(b);
    }
    this.popup.setAttribute("aria-label", t("date.calendar"));
    this.popup.replaceChildren(head, grid);
  }
}
