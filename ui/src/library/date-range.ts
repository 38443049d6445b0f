// The publication-date range of the library filters: two optional days (`YYYY-MM-DD`, what a
// date input gives), checked before asking the library, so a range that ends before it starts
// is explained to the writer instead of silently listing nothing.
import { t } from "../i18n";

export type DateRange =
  | { ok: true; published_from: string | null; published_to: string | null }
  | { ok: false; message: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The range the two inputs describe; empty inputs leave that side open. */
export function dateRange(from: string, to: string): DateRange {
  const start = from.trim();
  const end = to.trim();
  for (const day of [start, end]) {
    if (day !== "" && !DAY.test(day)) return { ok: false, message: t("library.badDate", { date: day }) };
  }
  // Same-width ISO days compare as text in calendar order.
  if (start !== "" && end !== "" && start > end) return { ok: false, message: t("library.badRange") };
  return { ok: true, published_from: start || null, published_to: end || null };
}
