// The save indicator in the status bar: words a journalist reads at a glance.
import type { SaveState } from "../autosave/autosave";

const timeFormat = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit" });

export function describeSaveState(state: SaveState): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "pending":
      return "Modifications non enregistrées";
    case "saving":
      return "Enregistrement…";
    case "saved":
      return `Enregistré à ${timeFormat.format(state.at)}`;
    case "error":
      return `Échec de l'enregistrement : ${state.message} — nouvel essai automatique`;
  }
}
