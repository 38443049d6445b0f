// The library could not be opened — damaged, locked, from a newer Edito, missing — or can only
// be read (#13.18): the window still starts, says why in the UI's language (the error's code,
// worded in ui/src/i18n/errors.ts with what to do), and offers the ways out it can take itself:
// put the newest backup back when the file is damaged or missing, choose another library
// folder (a dialog drawn by the shell, which opens and remembers it), or go on reading.
import { api, errorMessage } from "../api/ipc";
import { byId } from "./dom";
import { t } from "../i18n";
import { isUiError } from "../i18n/errors";
import type { ErrorCode } from "../api/types";

/** Codes for which restoring the newest backup is the way out. */
const RESTORABLE: ErrorCode[] = ["damaged", "not_a_library", "library_missing"];

/** Shows why the library did not open, with the restore button when it helps. */
export function showLibraryProblem(err: unknown): void {
  show(t("app.openFailed", { message: errorMessage(err) }), isUiError(err) && RESTORABLE.includes(err.code), false);
}

/** Says the open library can only be read: the desk shows its pieces, nothing typed can be
 *  saved (each save then fails with `read_only`, shown in the status bar, the text kept). */
export function showReadOnlyLibrary(): void {
  show(t("app.readOnlyLibrary"), false, true);
}

function show(message: string, restorable: boolean, readable: boolean): void {
  const view = byId("library-problem");
  const text = byId("library-problem-text");
  const restore = byId<HTMLButtonElement>("library-problem-restore");
  const choose = byId<HTMLButtonElement>("library-problem-choose");
  const read = byId<HTMLButtonElement>("library-problem-read");
  text.textContent = message;
  restore.hidden = !restorable;
  read.hidden = !readable;
  const attempt = (button: HTMLButtonElement, work: () => Promise<boolean>) => async () => {
    button.disabled = true;
    try {
      if (await work()) location.reload();
    } catch (again) {
      text.textContent = t("app.openFailed", { message: errorMessage(again) });
    } finally {
      button.disabled = false;
    }
  };
  restore.onclick = attempt(restore, async () => {
    await api.restoreLatestBackup();
    return true;
  });
  choose.onclick = attempt(choose, () => api.chooseLibraryFolder(t("app.chooseFolderTitle")));
  read.onclick = () => {
    view.hidden = true;
  };
  view.hidden = false;
  if (!readable) byId("library-message").textContent = "";
  (restorable ? restore : readable ? read : choose).focus();
}
