// Bringing an image into the library from what the web side holds: the files of a paste or a
// drop (read here, sent to the core as raw bytes), or a file picked in the native dialog
// (only its path crosses; the shell reads it). Shared by the editor and the lead image field.
import { api, desktop, type ImageRecord } from "../api/ipc";
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

/**
 * The picture a paste brings, or null when it brings none (text: CodeMirror pastes it). Files
 * in the event's data are taken at once (the event is then cancelled). WebKitGTK gives a paste
 * of an image-only clipboard (a screenshot, "Copy image" in a viewer) an empty DataTransfer;
 * the async Clipboard API, which it allows during a paste event, reads the picture then.
 */
export function pastedImage(event: ClipboardEvent): Promise<File> | null {
  const [file] = imageFiles(event.clipboardData);
  if (file) {
    event.preventDefault();
    event.stopPropagation();
    return Promise.resolve(file);
  }
  if ((event.clipboardData?.types.length ?? 0) > 0 || !navigator.clipboard?.read) return null;
  return navigator.clipboard.read().then(async (items) => {
    for (const item of items) {
      const type = item.types.find((t) => t.startsWith("image/"));
      if (type) return new File([await item.getType(type)], "image", { type });
    }
    throw new Error("no picture on the clipboard");
  });
}

/** True when a drag carries files (the drop target then takes it). */
export function carriesFiles(data: DataTransfer | null): boolean {
  return !!data && [...(data.types ?? [])].includes("Files");
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
