// The library could not be opened — damaged, locked, read-only, from a newer Edito, missing
// (#13.18): the window still starts, says why in the UI's language (the error's code, worded in
// ui/src/i18n/errors.ts with what to do), and offers the way out it can take itself: put the
// newest backup back when the file is damaged or missing.
import { api, errorMessage } from "../api/ipc";
import { byId } from "./dom";
import { t } from "../i18n";
import { isUiError } from "../i18n/errors";
import type { ErrorCode } from "../api/types";

/** Codes for which restoring the newest backup is the way out. */
const RESTORABLE: ErrorCode[] = ["damaged", "not_a_library", "library_missing"];

/** Shows why the library did not open, and the restore button when it helps. */
export function showLibraryProblem(err: unknown): void {
  const text = byId("library-problem-text");
  const restore = byId<HTMLButtonElement>("library-problem-restore");
  text.textContent = t("app.openFailed", { message: errorMessage(err) });
  restore.hidden = !(isUiError(err) && RESTORABLE.includes(err.code));
  restore.onclick = async () => {
    restore.disabled = true;
    try {
      await api.restoreLatestBackup();
      location.reload();
    } catch (again) {
      text.textContent = t("app.openFailed", { message: errorMessage(again) });
      restore.disabled = false;
    }
  };
  byId("library-problem").hidden = false;
  byId("library-message").textContent = "";
  if (!restore.hidden) restore.focus();
}
