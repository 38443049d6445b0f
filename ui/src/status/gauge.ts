// The target gauge: signes written against the piece's target length. Magazines count in
// signes (characters with spaces); ±5 % of the target is "on target", as a layout forgives.
import { formatNumber, t } from "../i18n";

export type GaugeLevel = "none" | "unknown" | "under" | "on" | "over";

export const TOLERANCE = 0.05;

export function gaugeLevel(signs: number | undefined, target: number | undefined): GaugeLevel {
  if (!target || target <= 0) return "none";
  if (signs === undefined) return "unknown";
  if (signs < target * (1 - TOLERANCE)) return "under";
  if (signs > target * (1 + TOLERANCE)) return "over";
  return "on";
}

/** What the gauge says in words: the same sentence is shown and read by screen readers. */
export function gaugeText(signs: number | undefined, target: number | undefined): string {
  const level = gaugeLevel(signs, target);
  if (level === "none") return t("gauge.none");
  const vars = { target: formatNumber(target ?? 0), signs: formatNumber(signs ?? 0), diff: formatNumber(Math.abs((target ?? 0) - (signs ?? 0))) };
  if (level === "unknown") return t("gauge.unknown", vars);
  return t(`gauge.${level}`, vars);
}

/** Fill of the bar, 0..1 (over-length shows full). */
export function gaugeFill(signs: number | undefined, target: number | undefined): number {
  if (!target || signs === undefined) return 0;
  return Math.min(1, Math.max(0, signs / target));
}
