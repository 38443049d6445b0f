// Entry point: picks the UI language, builds the desk and its controls, and makes sure
// closing the window never loses a keystroke.
import { getCurrentWindow } from "@tauri-apps/api/window";
import { errorMessage } from "./api/ipc";
import { Controls } from "./app/controls";
import { Desk } from "./app/desk";
import { initI18n, onLangChange, t, uiLang } from "./i18n";
import { loadPreferences } from "./settings/preferences";
import "./styles.css";

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in index.html`);
  return el as T;
}

initI18n(document);
const prefs = loadPreferences();

const desk = new Desk(
  {
    list: byId("draft-list"),
    libraryMessage: byId("library-message"),
    search: byId<HTMLInputElement>("library-search"),
    newButton: byId<HTMLButtonElement>("new-draft"),
    kicker: byId<HTMLInputElement>("kicker"),
    title: byId<HTMLInputElement>("title"),
    standfirst: byId<HTMLTextAreaElement>("standfirst"),
    editor: byId("editor"),
    preview: byId<HTMLIFrameElement>("preview"),
    saveState: byId("save-state"),
    counts: byId("counts"),
    gauge: byId("gauge"),
    appError: byId("app-error"),
  },
  {
    uiLang: uiLang(),
    placeholder: t("app.bodyPlaceholder"),
    label: t("app.body"),
    frenchTyping: prefs.frenchTyping,
    showSpaces: prefs.showSpaces,
    focus: prefs.focus,
    typewriter: prefs.typewriter,
  },
);
const controls = new Controls(desk, prefs);
onLangChange(() => desk.relabel());

// For the E2E tests and the lead's wiring: the desk, its controls and the measurements.
Object.assign(window, { __editoDesk: desk, __editoControls: controls, __editoPerf: desk.perf });

desk.start().catch((err) => {
  const banner = byId("app-error");
  banner.textContent = t("app.openFailed", { message: errorMessage(err) });
  banner.hidden = false;
  byId("library-message").textContent = "";
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
