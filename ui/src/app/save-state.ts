// The save indicator in the status bar: words a journalist reads at a glance.
import type { SaveState } from "../autosave/autosave";
import { formatTime, t } from "../i18n";

export function describeSaveState(state: SaveState): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "pending":
      return t("save.pending");
    case "saving":
      return t("save.saving");
    case "saved":
      return t("save.saved", { time: formatTime(state.at) });
    case "error":
      return t("save.error", { message: state.message });
  }
}
