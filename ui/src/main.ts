// Entry point: builds the desk and makes sure closing the window never loses a keystroke.
import { getCurrentWindow } from "@tauri-apps/api/window";
import { errorMessage } from "./api/ipc";
import { Desk } from "./app/desk";
import "./styles.css";

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in index.html`);
  return el as T;
}

const desk = new Desk({
  list: byId("draft-list"),
  newButton: byId<HTMLButtonElement>("new-draft"),
  title: byId<HTMLInputElement>("title"),
  editor: byId("editor"),
  preview: byId<HTMLIFrameElement>("preview"),
  saveState: byId("save-state"),
});

desk.start().catch((err) => {
  byId("save-state").textContent = `Impossible d'ouvrir la bibliothèque : ${errorMessage(err)}`;
});

// Leaving the window (another app, a dialog) is a natural pause: save now.
window.addEventListener("blur", () => void desk.flush().catch(() => undefined));

// Closing waits for the last save; if it cannot be saved the window stays open, because
// closing would drop the text.
void getCurrentWindow().onCloseRequested(async (event) => {
  if (!desk.hasUnsaved()) return;
  try {
    await desk.flush();
  } catch {
    event.preventDefault();
  }
});
