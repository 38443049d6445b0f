// Export and import results in words a journalist reads: summaries and errors.
import type { ExportFormatInfo, ImportReport, SiteReport } from "../api/ipc";
import { errorCode, errorMessage } from "../api/ipc";
import { formatNumber, t } from "../i18n";

/** The file name offered for a piece: its slug and the format's suffix (the core's
 * `ExportFormat::file_name`). */
export function suggestedName(slug: string, format: Pick<ExportFormatInfo, "suffix">): string {
  return `${slug || "article"}${format.suffix}`;
}

/** `path` with its format suffix replaced by `format`'s (`a.html` → `a.md`); a path that ends
 * with no known suffix is left as typed. */
export function withSuffix(path: string, format: ExportFormatInfo, formats: ExportFormatInfo[]): string {
  // Longest first: `.fragment.html` before `.html`.
  const known = formats.map((info) => info.suffix).sort((a, b) => b.length - a.length);
  const suffix = known.find((s) => path.toLowerCase().endsWith(s));
  return suffix === undefined ? path : path.slice(0, path.length - suffix.length) + format.suffix;
}

export function progressText(done: number, total: number): string {
  return `${formatNumber(done)} / ${formatNumber(total)}`;
}

export function siteSummary(report: SiteReport): string {
  return t("export.siteDone", {
    pieces: formatNumber(report.pieces),
    files: formatNumber(report.files),
    tags: formatNumber(report.tags),
    categories: formatNumber(report.categories),
    removed: formatNumber(report.removed.length),
  });
}

export function importSummary(report: ImportReport): string[] {
  const lines = [
    t("import.done", { created: report.created.length, updated: report.updated.length, unchanged: report.unchanged.length, refused: report.refused.length }),
  ];
  for (const { path, reason } of report.refused) lines.push(t("import.refusedLine", { path, reason }));
  return lines;
}

/** A failed export or import, said so the writer knows what to do next. */
export function failureText(err: unknown): string {
  switch (errorCode(err)) {
    case "cancelled":
      return t("export.cancelled");
    case "":
      // Not a library error: the command itself is missing or the call broke.
      return t("export.unavailable", { message: errorMessage(err) });
    default:
      return t("export.failed", { message: errorMessage(err) });
  }
}
