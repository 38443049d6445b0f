// Bringing an image into the library from what the web side holds: the files of a paste or a
// drop (read here, sent to the core as raw bytes), or a file picked in the native dialog
// (only its path crosses; the shell reads it). Shared by the editor and the lead image field.
import { api, desktop, type ImageRecord } from "../api/ipc";
import type { Notices } from "../app/desk";
import { t } from "../i18n";

/** Text files dropped on the editor stay CodeMirror's (it inserts their text). */
const TEXT_FILE = /\.(md|markdown|txt|text)$/i;

/** The files of a paste or a drop that should become images: every file that is not plain
 *  text (a PDF is sent too, and the core says "not an image" in the writer's language). */
export function imageFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files: File[] = [];
  // Clipboard images come as items (WebKit names them "image.png"); dropped files as files.
  for (const item of data.items ?? []) {
    if (item.kind !== "file") continue;
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  if (files.length === 0) files.push(...(data.files ?? []));
  return files.filter((file) => !file.type.startsWith("text/") && !TEXT_FILE.test(file.name));
}

/** The image types the core takes, in the order a paste prefers them. */
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];

/** File names the core may take as images (a file copied in a file manager). */
const IMAGE_NAME = /\.(png|jpe?g|webp|gif|heic|heif)$/i;

/** What a paste brings: picture bytes, or a file of the writer's disk (copied in a file
 *  manager: only its path is known, and the shell reads only files chosen in its dialogs). */
export type Pasted = { file: File } | { path: string };

/** A paste that brought nothing Edito can use; its message is a full sentence for the writer. */
export class PasteRefused extends Error {}

/** Says why a paste brought nothing (`PasteRefused`), or that a step of it failed. */
export function pasteFailed(notices: Notices, err: unknown): void {
  if (err instanceof PasteRefused) notices.showNotice(err.message);
  else notices.showError(err);
}

/** The local image files named by a `text/uri-list` (`file://` URLs, `#` lines are comments). */
export function imagePaths(uriList: string): string[] {
  const paths: string[] = [];
  for (const line of uriList.split(/\r?\n/)) {
    const url = line.trim();
    if (!url.startsWith("file://")) continue;
    try {
      const path = decodeURIComponent(new URL(url).pathname);
      if (IMAGE_NAME.test(path)) paths.push(path);
    } catch {
      // Not a URL after all: not a file to bring.
    }
  }
  return paths;
}

/**
 * What a paste brings, or null when it is text for CodeMirror to paste (left untouched).
 * Files in the event's data are taken at once (the event is then cancelled); a file copied in
 * a file manager comes as a `file://` URL. WebKitGTK gives a paste of an image-only clipboard
 * (a screenshot, "Copy image" in a viewer, `xclip -t image/jpeg`) an event with no file (empty,
 * or listing only the image type); the async Clipboard API, which it allows during a paste
 * event, reads the picture then. Rejects with a message for the writer when the clipboard
 * holds nothing Edito can use.
 */
export function pastedImage(event: ClipboardEvent): Promise<Pasted> | null {
  const data = event.clipboardData;
  const [file] = imageFiles(data);
  const take = (): void => {
    event.preventDefault();
    event.stopPropagation();
  };
  if (file) {
    take();
    return Promise.resolve({ file });
  }
  const types = [...(data?.types ?? [])];
  const uris = types.includes("text/uri-list") ? (data?.getData("text/uri-list") ?? "") : "";
  const [path] = imagePaths(uris);
  if (path) {
    take();
    return Promise.resolve({ path });
  }
  const text = types.some((type) => type.startsWith("text/") && type !== "text/uri-list");
  if (text) return null;
  if (types.some((type) => type !== "Files" && !type.startsWith("image/") && type !== "text/uri-list")) return null;
  take();
  if (uris.includes("file://")) return Promise.reject(new PasteRefused(t("image.pasteNotImage")));
  if (!navigator.clipboard?.read) return Promise.reject(new PasteRefused(t("image.pasteNothing")));
  return navigator.clipboard.read().then(
    async (items) => {
      for (const item of items) {
        // A type the core takes first; another image type still goes (the core says why not).
        const type = IMAGE_TYPES.find((known) => item.types.includes(known)) ?? item.types.find((type) => type.startsWith("image/"));
        if (type) return { file: new File([await item.getType(type)], "image", { type }) };
      }
      throw new PasteRefused(t("image.pasteNothing"));
    },
    () => {
      throw new PasteRefused(t("image.pasteNothing"));
    },
  );
}

/** True when a drag carries files (the drop target then takes it). */
export function carriesFiles(data: DataTransfer | null): boolean {
  return !!data && [...(data.types ?? [])].includes("Files");
}

/** Starts copying what a paste brought into the library: picture bytes at once; a file of the
 *  writer's disk once they confirmed it in the native dialog, opened on it (null when they
 *  cancel). `pending` is the copy under way, for the image dialog to wait on. */
export async function copyPasted(pasted: Pasted): Promise<{ pending: Promise<ImageRecord>; name: string | null } | null> {
  if ("file" in pasted) return { pending: addFile(pasted.file, false), name: null };
  const path = await pickImage(pasted.path);
  return path ? { pending: addPicked(path), name: fileName(path) } : null;
}

/** The last part of a path (`/home/a/photo.heic` → `photo.heic`). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The native picker, then the copy of the chosen file (null when cancelled): the image
 *  dialog's "Choisir un autre fichier" after a refusal. */
export async function pickAnother(): Promise<{ pending: Promise<ImageRecord>; name: string } | null> {
  const path = await pickImage();
  return path ? { pending: addPicked(path), name: fileName(path) } : null;
}

/** Copies `file` into the library. `named`: a file the writer had on disk (a drop), whose
 *  name is worth keeping; a pasted picture's is the browser's own ("image.png"). */
export async function addFile(file: File, named: boolean): Promise<ImageRecord> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return api.addImage(bytes, named ? file.name : null);
}

/** The native dialog for an image file: its path, or null when the writer cancelled. */
export function pickImage(near: string | null = null): Promise<string | null> {
  return desktop.pickImage(t(near ? "image.localCopyTitle" : "image.pickTitle"), near);
}

/** Copies a file picked in the dialog into the library. */
export function addPicked(path: string): Promise<ImageRecord> {
  return api.addImagePicked(path);
}

/** Stores the texts the writer gave (the default alt proposed next time, caption, credit). */
export function describe(record: ImageRecord, text: { alt: string; decorative: boolean; caption: string; credit: string }): Promise<ImageRecord> {
  const same = record.alt === text.alt && record.decorative === text.decorative && record.caption === text.caption && record.credit === text.credit;
  return same ? Promise.resolve(record) : api.describeImage(record.id, text);
}
