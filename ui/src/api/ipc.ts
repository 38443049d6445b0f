// Typed wrappers around the Tauri commands and plugins: the only place the UI names a command.
import { convertFileSrc, invoke, type InvokeArgs, type InvokeOptions } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { writeText } from "@tauri-apps/plugin-clipboard-manager";
import { errorText, isUiError } from "../i18n/errors";
import type * as T from "./types";

export type * from "./types";
export { STATUSES } from "./types";

/** One command the UI sent: its name, when (ms on the `performance.now()` clock), and how
 *  many UTF-16 code units of a piece's body it carried (0 when none). */
export interface IpcCall {
  command: string;
  at: number;
  bodyChars: number;
}

/** The last calls, oldest first; kept short so a long session does not grow it. */
const recentCalls: IpcCall[] = [];
const KEPT_CALLS = 500;

/** The text of a piece that `args` carries: a render's or a check's Markdown, or a save's body. */
function bodyChars(args: Record<string, unknown> | undefined): number {
  if (!args) return 0;
  if (typeof args.markdown === "string") return args.markdown.length;
  const edit = args.edit as { body?: unknown } | undefined;
  return typeof edit?.body === "string" ? edit.body.length : 0;
}

/** Every command goes through here, so the calls a typing pause costs can be counted. */
function call<R>(command: string, args?: Record<string, unknown>): Promise<R> {
  return callRaw<R>(command, args);
}

/** Like `call`, for a command whose body is raw bytes (an image: no JSON array of numbers,
 *  which would be four times its size and slow to parse on both sides). */
function callRaw<R>(command: string, args?: InvokeArgs, options?: InvokeOptions): Promise<R> {
  const json = args instanceof Uint8Array || args instanceof ArrayBuffer || Array.isArray(args) ? undefined : args;
  recentCalls.push({ command, at: performance.now(), bodyChars: bodyChars(json) });
  if (recentCalls.length > KEPT_CALLS) recentCalls.shift();
  return invoke<R>(command, args, options);
}

/** The header carrying a pasted or dropped image's file name, percent-encoded: header values
 *  cross as Latin-1, a name may be any Unicode (`NAME_HEADER` in src-tauri/src/commands/images.rs). */
export const IMAGE_NAME_HEADER = "x-edito-name";

/** The scheme the shell serves library images on (`edito-image://localhost/<id>` on Linux and
 *  macOS; src-tauri/src/image_scheme.rs). */
export const IMAGE_SCHEME = "edito-image";

/** The address the window shows library image `id` from (thumbnails; the preview gets the same
 *  address from the core's resolver). */
export function imageUrl(id: string): string {
  return convertFileSrc(id, IMAGE_SCHEME);
}

/** The commands sent so far (the last 500), for the test API's IPC budget checks. */
export function ipcCalls(): IpcCall[] {
  return [...recentCalls];
}

export const api = {
  listPieces: (filter?: T.PieceFilter) => call<T.PieceSummary[]>("list_pieces", { filter: filter ?? null }),
  getPiece: (id: number) => call<T.Piece>("get_piece", { id }),
  createPiece: (fresh: T.NewPiece) => call<T.Piece>("create_piece", { new: fresh }),
  savePiece: (edit: T.PieceEdit) => call<T.Piece>("save_piece", { edit }),
  offerWelcomePiece: () => call<T.Piece | null>("offer_welcome_piece"),
  setStatus: (id: number, status: T.Status) => call<T.Piece>("set_status", { id, status }),
  statusHistory: (id: number) => call<T.StatusChange[]>("status_history", { id }),
  trashPiece: (id: number) => call<T.Piece>("trash_piece", { id }),
  restoreFromTrash: (id: number) => call<T.Piece>("restore_from_trash", { id }),
  listTrash: () => call<T.PieceSummary[]>("list_trash"),
  emptyTrash: () => call<number>("empty_trash"),
  search: (query: T.SearchQuery) => call<T.SearchHit[]>("search", { query }),
  listTags: () => call<T.TagCount[]>("list_tags"),
  addTags: (id: number, names: string[]) => call<T.Piece>("add_tags", { id, names }),
  removeTags: (id: number, names: string[]) => call<T.Piece>("remove_tags", { id, names }),
  /** Renames a tag on every piece (a merge when the new name is another tag's); returns how many pieces carry it. */
  renameTag: (from: string, to: string) => call<number>("rename_tag", { from, to }),
  /** Merges `sources` into `target` on every piece; returns how many pieces carry `target`. */
  mergeTags: (sources: string[], target: string) => call<number>("merge_tags", { sources, target }),
  listRevisions: (id: number) => call<T.RevisionSummary[]>("list_revisions", { id }),
  getRevision: (id: number, number: number) => call<T.Revision>("get_revision", { id, number }),
  diffRevisions: (id: number, from: number, to?: number) =>
    call<T.RevisionDiff>("diff_revisions", { id, from, to: to ?? null }),
  restoreRevision: (id: number, number: number) => call<T.Piece>("restore_revision", { id, number }),
  /** The export theme's page for a piece's fields (its body is not sent), with the slot for
   *  the preview's blocks. */
  previewPage: (fields: Omit<T.Piece, "body">) => call<string>("preview_page", { article: { ...fields, body: "" } }),
  renderPreview: (markdown: string, lang: T.Lang, shown: number | null) =>
    call<T.PreviewUpdate>("render_preview", { markdown, lang, shown }),
  exportFormats: () => call<T.ExportFormatInfo[]>("export_formats"),
  /** `path` must come from `desktop.pickSaveFile` this session; `replace`: the writer agreed
   *  to replace a file Edito did not write for this piece (else `would_replace`). */
  exportPiece: (id: number, format: T.ExportFormat, path: string, replace = false) =>
    call<void>("export_piece", { id, format, path, replace }),
  exportFragment: (id: number) => call<string>("export_fragment", { id }),
  exportSite: (outDir: string, status: T.SiteSelection, baseUrl?: string) =>
    call<T.SiteReport>("export_site", { outDir, status, baseUrl: baseUrl || null }),
  /** Asks the running job `id` (from its first `job-progress` event) to stop. */
  cancelJob: (id: number) => call<void>("cancel_job", { id }),
  siteSettings: () => call<T.SiteSettings>("site_settings"),
  saveSiteSettings: (settings: T.SiteSettings) => call<void>("save_site_settings", { settings }),
  /** Opens the folder of the last archive export (the shell knows which folder it wrote). */
  openLastExport: () => call<void>("open_last_export"),
  /** Puts the newest backup back in place of a library that could not be opened. */
  restoreLatestBackup: () => call<void>("restore_latest_backup"),
  /** True when the open library can only be read: every write fails with `read_only`. */
  libraryReadOnly: () => call<boolean>("library_read_only"),
  /** The shell's folder dialog (`title` in the UI's language) for another library folder,
   *  opened (or created) and remembered by the shell; false: cancelled. Reload after true. */
  chooseLibraryFolder: (title: string) => call<boolean>("choose_library_folder", { title }),
  importPaths: (paths: string[]) => call<T.ImportOutcome>("import_paths", { paths }),
  checkSpelling: (markdown: string, lang: T.Lang) => call<T.Misspelling[]>("check_spelling", { markdown, lang }),
  /** Checks the text of preview render `generation` (the body does not cross again); null
   *  when the core has rendered something else since. */
  checkRenderedSpelling: (generation: number, lang: T.Lang) =>
    call<T.Misspelling[] | null>("check_rendered_spelling", { generation, lang }),
  spellingSuggestions: (word: string, lang: T.Lang) => call<string[]>("spelling_suggestions", { word, lang }),
  addSpellingWord: (word: string) => call<void>("add_spelling_word", { word }),
  /** Copies an image (pasted or dropped: its bytes) into the library; the same bytes twice
   *  give the same record. `name`: the original file's name, when it had one. */
  addImage: (bytes: Uint8Array, name: string | null) =>
    callRaw<T.ImageRecord>("add_image", bytes, name ? { headers: { [IMAGE_NAME_HEADER]: encodeURIComponent(name) } } : undefined),
  /** Copies into the library the image file `path`, which must come from `desktop.pickImage`. */
  addImagePicked: (path: string) => call<T.ImageRecord>("add_image_picked", { path }),
  /** Stores the image's default alt text, decorative flag, caption and credit. */
  describeImage: (id: string, text: T.ImageText) => call<T.ImageRecord>("describe_image", { id, text }),
  listImages: () => call<T.ImageRecord[]>("list_images"),
  /** One library image's record (its size and texts). */
  imageRecord: (id: string) => call<T.ImageRecord>("image_record", { id }),
};

/** The native pickers (drawn by the shell, which records what the writer chose: the file
 *  commands accept only those paths), the clipboard and the progress events of long jobs.
 *  `title` is the dialog's title in the UI's language; null: cancelled. */
export const desktop = {
  pickSaveFile: (format: T.ExportFormat, name: string, title: string) =>
    call<string | null>("pick_export_file", { format, name, title }),
  pickFolder: (title: string) => call<string | null>("pick_site_folder", { title }),
  pickImport: (folders: boolean, title: string) => call<string[] | null>("pick_import", { folders, title }),
  /** The native dialog for an image file; `near`: a path typed in the text, whose folder the
   *  dialog opens in with that file's name filled in (the person confirms it). */
  pickImage: (title: string, near: string | null = null) => call<string | null>("pick_image", { title, near }),
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
