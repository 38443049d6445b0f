// The desk's keyboard shortcuts: one table drives both the global key handler and the help
// overlay, so the overlay can never list a shortcut that does not exist.
import { t, type MessageKey } from "../i18n";

export type Action =
  | "quickOpen"
  | "new"
  | "find"
  | "search"
  | "save"
  | "export"
  | "help"
  | "preview"
  | "focus"
  | "typewriter"
  | "fullscreen"
  | "metadata"
  | "history"
  | "image";

export interface Shortcut {
  /** As shown to the writer. */
  keys: string;
  label: MessageKey;
  /** Handled by the desk (global); editor-only shortcuts have none. */
  action?: Action;
  match?: (e: KeyboardEvent) => boolean;
}

const ctrl = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const key = (e: KeyboardEvent, k: string) => e.key.toLowerCase() === k;

export const SHORTCUTS: Shortcut[] = [
  { keys: "Ctrl+P", label: "shortcut.quickOpen", action: "quickOpen", match: (e) => ctrl(e) && !e.shiftKey && !e.altKey && key(e, "p") },
  { keys: "Ctrl+N", label: "shortcut.new", action: "new", match: (e) => ctrl(e) && !e.shiftKey && !e.altKey && key(e, "n") },
  { keys: "Ctrl+F", label: "shortcut.find", action: "find", match: (e) => ctrl(e) && !e.shiftKey && !e.altKey && key(e, "f") },
  { keys: "Ctrl+Maj+F", label: "shortcut.search", action: "search", match: (e) => ctrl(e) && e.shiftKey && !e.altKey && key(e, "f") },
  { keys: "Ctrl+S", label: "shortcut.save", action: "save", match: (e) => ctrl(e) && !e.altKey && key(e, "s") },
  { keys: "Ctrl+E", label: "shortcut.export", action: "export", match: (e) => ctrl(e) && !e.shiftKey && !e.altKey && key(e, "e") },
  { keys: "F1 / Ctrl+/", label: "shortcut.help", action: "help", match: (e) => e.key === "F1" || (ctrl(e) && (e.key === "/" || e.code === "Slash")) },
  { keys: "Ctrl+B", label: "shortcut.bold" },
  { keys: "Ctrl+I", label: "shortcut.italic" },
  { keys: "Ctrl+K", label: "shortcut.link" },
  { keys: "Ctrl+.", label: "shortcut.spelling" },
  { keys: "Ctrl+Alt+1 … 3", label: "shortcut.heading" },
  { keys: "Ctrl+Maj+8", label: "shortcut.list" },
  { keys: "Ctrl+Maj+9", label: "shortcut.quote" },
  { keys: "Ctrl+Alt+P", label: "shortcut.preview", action: "preview", match: (e) => ctrl(e) && e.altKey && key(e, "p") },
  { keys: "Ctrl+Alt+F", label: "shortcut.focus", action: "focus", match: (e) => ctrl(e) && e.altKey && key(e, "f") },
  { keys: "Ctrl+Alt+M", label: "shortcut.typewriter", action: "typewriter", match: (e) => ctrl(e) && e.altKey && key(e, "m") },
  { keys: "Ctrl+Alt+I", label: "shortcut.metadata", action: "metadata", match: (e) => ctrl(e) && e.altKey && key(e, "i") },
  { keys: "Ctrl+Alt+H", label: "shortcut.history", action: "history", match: (e) => ctrl(e) && e.altKey && key(e, "h") },
  { keys: "Ctrl+Alt+G", label: "shortcut.image", action: "image", match: (e) => ctrl(e) && e.altKey && key(e, "g") },
  { keys: "F11", label: "shortcut.fullscreen", action: "fullscreen", match: (e) => e.key === "F11" },
];

/** The desk action for a key press, if any. */
export function actionFor(event: KeyboardEvent): Action | null {
  for (const s of SHORTCUTS) if (s.action && s.match?.(event)) return s.action;
  return null;
}

/** Shows keys in the UI language ("Maj" is French for Shift). */
export function displayKeys(keys: string, lang: string): string {
  return lang === "fr" ? keys : keys.replace(/Maj/g, "Shift");
}

/** Fills the help overlay's table. */
export function renderHelp(table: HTMLTableElement, lang: string): void {
  const doc = table.ownerDocument;
  const body = doc.createElement("tbody");
  for (const s of SHORTCUTS) {
    const row = doc.createElement("tr");
    const keys = doc.createElement("td");
    const kbd = doc.createElement("kbd");
    kbd.textContent = displayKeys(s.keys, lang);
    keys.append(kbd);
    const what = doc.createElement("td");
    what.textContent = t(s.label);
    row.append(keys, what);
    body.append(row);
  }
  table.replaceChildren(body);
}
