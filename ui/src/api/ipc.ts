// Typed wrappers around the Tauri commands and plugins: the only place the UI names a command.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { writeText } from "@tauri-apps/plugin-clipboard-manager";
import { open, save } from "@tauri-apps/plugin-dialog";
import { errorText, isUiError } from "../i18n/errors";
import type * as T from "./types";

export type * from "./types";
export { STATUSES } from "./types";

export const api = {
  listPieces: (filter?: T.PieceFilter) => invoke<T.PieceSummary[]>("list_pieces", { filter: filter ?? null }),
  getPiece: (id: number) => invoke<T.Piece>("get_piece", { id }),
  createPiece: (fresh: T.NewPiece) => invoke<T.Piece>("create_piece", { new: fresh }),
  savePiece: (edit: T.PieceEdit) => invoke<T.Piece>("save_piece", { edit }),
  offerWelcomeDraft: () => invoke<T.Piece | null>("offer_welcome_draft"),
  setStatus: (id: number, status: T.Status) => invoke<T.Piece>("set_status", { id, status }),
  statusHistory: (id: number) => invoke<T.StatusChange[]>("status_history", { id }),
  trashPiece: (id: number) => invoke<T.Piece>("trash_piece", { id }),
  restoreFromTrash: (id: number) => invoke<T.Piece>("restore_from_trash", { id }),
  listTrash: () => invoke<T.PieceSummary[]>("list_trash"),
  emptyTrash: () => invoke<number>("empty_trash"),
  search: (query: T.SearchQuery) => invoke<T.SearchHit[]>("search", { query }),
  listTags: () => invoke<T.TagCount[]>("list_tags"),
  addTags: (id: number, names: string[]) => invoke<T.Piece>("add_tags", { id, names }),
  removeTags: (id: number, names: string[]) => invoke<T.Piece>("remove_tags", { id, names }),
  /** Renames a tag on every piece (a merge when the new name is another tag's); returns how many pieces carry it. */
  renameTag: (from: string, to: string) => invoke<number>("rename_tag", { from, to }),
  /** Merges `sources` into `target` on every piece; returns how many pieces carry `target`. */
  mergeTags: (sources: string[], target: string) => invoke<number>("merge_tags", { sources, target }),
  listRevisions: (id: number) => invoke<T.RevisionSummary[]>("list_revisions", { id }),
  getRevision: (id: number, number: number) => invoke<T.Revision>("get_revision", { id, number }),
  diffRevisions: (id: number, from: number, to?: number) =>
    invoke<T.RevisionDiff>("diff_revisions", { id, from, to: to ?? null }),
  restoreRevision: (id: number, number: number) => invoke<T.Piece>("restore_revision", { id, number }),
  typesetHead: (head: T.PreviewHead, lang: T.Lang) => invoke<T.PreviewHead>("typeset_head", { head, lang }),
  renderPreview: (markdown: string, lang: T.Lang, shown: number | null) =>
    invoke<T.PreviewUpdate>("render_preview", { markdown, lang, shown }),
  exportFormats: () => invoke<T.ExportFormatInfo[]>("export_formats"),
  exportPiece: (id: number, format: T.ExportFormat, path: string) => invoke<void>("export_piece", { id, format, path }),
  exportFragment: (id: number) => invoke<string>("export_fragment", { id }),
  exportSite: (outDir: string, status: "published" | "all", baseUrl?: string) =>
    invoke<T.SiteReport>("export_site", { outDir, status, baseUrl: baseUrl || null }),
  /** Asks the running job `id` (from its first `job-progress` event) to stop. */
  cancelJob: (id: number) => invoke<void>("cancel_job", { id }),
  siteSettings: () => invoke<T.SiteSettings>("site_settings"),
  saveSiteSettings: (settings: T.SiteSettings) => invoke<void>("save_site_settings", { settings }),
  /** Opens the folder of the last archive export (the shell knows which folder it wrote). */
  openLastExport: () => invoke<void>("open_last_export"),
  importPaths: (paths: string[]) => invoke<T.ImportReport>("import_paths", { paths }),
  checkSpelling: (markdown: string, lang: T.Lang) => invoke<T.Misspelling[]>("check_spelling", { markdown, lang }),
  spellingSuggestions: (word: string, lang: T.Lang) => invoke<string[]>("spelling_suggestions", { word, lang }),
  addSpellingWord: (word: string) => invoke<void>("add_spelling_word", { word }),
};

/** The native pickers, the clipboard and the progress events of long jobs. */
export const desktop = {
  pickSaveFile: (defaultPath: string, extension: string) =>
    save({ defaultPath, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] }),
  pickFolder: () => open({ directory: true, multiple: false }) as Promise<string | null>,
  pickImport: (directory: boolean) =>
    open({ directory, multiple: true, filters: directory ? undefined : [{ name: "Markdown", extensions: ["md", "markdown", "txt"] }] }),
  copy: (text: string) => writeText(text),
  onJobProgress: (handler: (p: T.JobProgress) => void): Promise<UnlistenFn> =>
    listen<T.JobProgress>("job-progress", (event) => handler(event.payload)),
};

/** A message fit for the writer in the UI's language, whatever the command rejected with: the
 * catalogue's words for a shell error (ui/src/i18n/errors.ts), else what the call threw. */
export function errorMessage(err: unknown): string {
  if (isUiError(err)) return errorText(err);
  if (err instanceof Error) return err.message;
  return String(err);
}

/** The piece as it is now, when `err` is a save refused because someone else saved first. */
export function conflictOf(err: unknown): T.Piece | null {
  if (isUiError(err) && err.code === "conflict") return err.current ?? null;
  return null;
}

/** The error's stable code (`invalid`, `not_found`…), or "" for anything else. */
export function errorCode(err: unknown): T.ErrorCode | "" {
  return isUiError(err) ? err.code : "";
}
