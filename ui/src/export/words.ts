// Export and import results in words a journalist reads: summaries and errors.
import type { ExportFormat, ImportOutcome, SiteReport } from "../api/ipc";
import { errorCode, errorMessage } from "../api/ipc";
import { formatNumber, t } from "../i18n";

export const EXTENSIONS: Record<ExportFormat, string> = { page: "html", fragment: "html", markdown: "md" };

/** The file name offered for a piece: its slug and the format's extension. */
export function suggestedName(slug: string, format: ExportFormat): string {
  return `${slug || "article"}${format === "fragment" ? ".fragment" : ""}.${EXTENSIONS[format]}`;
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

export function importSummary(report: ImportOutcome): string[] {
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
