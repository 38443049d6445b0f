// The status bar: the piece's length (signes with and without spaces, words, feuillets,
// reading time), the target gauge and the save state. Counts come with the preview from the
// backend; until it sends them every figure shows "—".
import type { Counts } from "../api/ipc";
import { formatNumber, t, type MessageKey } from "../i18n";
import { gaugeFill, gaugeLevel, gaugeText } from "./gauge";

export interface StatusElements {
  counts: HTMLElement;
  gauge: HTMLElement;
}

const FIGURES: [keyof Counts, MessageKey, number][] = [
  ["signs", "status.signs", 0],
  ["signs_no_spaces", "status.signsNoSpaces", 0],
  ["words", "status.words", 0],
  ["feuillets", "status.feuillets", 1],
  ["reading_minutes", "status.reading", 0],
];

/** One figure as text: "12 345 signes", or "— signes" while the count is unknown. */
export function figureText(counts: Counts | undefined, key: keyof Counts, message: MessageKey, digits: number): string {
  const value = counts?.[key];
  const n = value === undefined ? "—" : formatNumber(key === "reading_minutes" ? Math.max(1, Math.ceil(value)) : value, digits);
  return t(message, { n });
}

export class StatusBar {
  private counts: Counts | undefined;
  private target: number | undefined;

  constructor(private readonly el: StatusElements) {
    this.render();
  }

  setCounts(counts: Counts | undefined): void {
    this.counts = counts;
    this.render();
  }

  setTarget(target: number | undefined): void {
    this.target = target;
    this.render();
  }

  render(): void {
    // Say what the figures count: the body only, not the title, standfirst or signature
    // (issue #11: nothing said so, and the magazine's calibrage counts the whole piece).
    const scope = this.el.counts.ownerDocument.createElement("span");
    scope.className = "figure figure--scope";
    scope.textContent = t("status.scopeBody");
    scope.title = t("status.scopeBodyHint");
    this.el.counts.replaceChildren(
      scope,
      ...FIGURES.map(([key, message, digits]) => {
        const span = this.el.counts.ownerDocument.createElement("span");
        span.className = "figure";
        span.dataset.count = key;
        span.textContent = figureText(this.counts, key, message, digits);
        return span;
      }),
    );
    this.el.counts.dataset.source = this.counts ? "backend" : "none";
    this.renderGauge();
  }

  private renderGauge(): void {
    const signs = this.counts?.signs;
    const level = gaugeLevel(signs, this.target);
    const gauge = this.el.gauge;
    gauge.dataset.level = level;
    gauge.hidden = level === "none";
    const bar = gauge.querySelector<HTMLElement>(".gauge__fill");
    if (bar) bar.style.transform = `scaleX(${gaugeFill(signs, this.target)})`;
    const text = gauge.querySelector<HTMLElement>(".gauge__text");
    if (text) text.textContent = gaugeText(signs, this.target);
  }
}
