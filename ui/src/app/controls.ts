// The desk's controls around the editor: toolbar toggles, settings, help, history and export
// dialogs, the metadata panel, quick open, the library search box and the global shortcuts.
// Preferences are applied here and remembered.
import { openSearchPanel } from "@codemirror/search";
import { setUiLang, uiLang, type UiLang } from "../i18n";
import type { ExportDialog } from "../export/export";
import type { HistoryDialog } from "../history/history";
import type { BodyImages } from "../images/images";
import type { Sidebar } from "../library/sidebar";
import type { MetadataPanel } from "../metadata/panel";
import { QuickOpen } from "../palette/palette";
import { applyTheme, savePreferences, type Preferences, type Theme } from "../settings/preferences";
import type { Desk } from "./desk";
import { byId, followDialogs, openModal } from "./dom";
import { setupSplitter, toggleZen } from "./layout";
import { actionFor, renderHelp, type Action } from "./shortcuts";

/** The panels and dialogs the controls open. */
export interface Panels {
  sidebar: Sidebar;
  metadata: MetadataPanel;
  history: HistoryDialog;
  exporter: ExportDialog;
  images: BodyImages;
}

/** The toolbar button of each action that opens a dialog: the button looks active while the
 *  dialog is open for its action, whether clicked or by its shortcut (issue #11), and not
 *  when the same dialog serves something else (the image dialog of a paste or a drop). */
const DIALOG_BUTTONS: Partial<Record<Action, string>> = { help: "open-help", history: "open-history", export: "open-export", image: "insert-image" };

export class Controls {
  private readonly palette: QuickOpen;

  constructor(
    private readonly desk: Desk,
    private prefs: Preferences,
    private readonly panels: Panels,
  ) {
    this.palette = new QuickOpen(
      { dialog: byId("palette"), input: byId("palette-input"), list: byId("palette-list") },
      (id) => void this.desk.session.open(id).then(() => this.desk.editor.view.focus()).catch((err) => this.desk.showError(err)),
    );
    setupSplitter({ panes: byId("panes"), splitter: byId("splitter") }, prefs.split, (split) => this.set({ split }));
    this.toggle("toggle-preview", "previewVisible");
    this.toggle("toggle-focus", "focus");
    this.toggle("toggle-typewriter", "typewriter");
    byId("open-help").addEventListener("click", () => this.run("help"));
    byId("toggle-metadata").addEventListener("click", () => this.run("metadata"));
    byId("open-history").addEventListener("click", () => this.run("history"));
    byId("open-export").addEventListener("click", () => this.run("export"));
    byId("insert-image").addEventListener("click", () => this.run("image"));
    byId("open-settings").addEventListener("click", () => this.openSettings(byId("open-settings")));
    this.wireSettings();
    followDialogs(byId("desk"));
    window.addEventListener("keydown", (event) => this.onKey(event), { capture: true });
    globalThis.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", () => this.apply());
    this.apply();
  }

  /** Runs a desk action (from a shortcut, a toolbar button, or a test). A dialog it opens is
   *  the action's toolbar button's (`opener`), drawn active while open. */
  run(action: Action): void {
    const button = DIALOG_BUTTONS[action];
    const opener = button ? byId(button) : null;
    const editor = this.desk.editor;
    switch (action) {
      case "quickOpen":
        return this.palette.open(this.panels.sidebar.pieces());
      case "new":
        return void this.desk.newPiece();
      case "find":
        editor.view.focus();
        openSearchPanel(editor.view);
        return;
      case "search":
        return byId<HTMLInputElement>("library-search").focus();
      case "save":
        return void this.desk.session.flush().catch(() => undefined);
      case "export":
        return this.panels.exporter.open(opener);
      case "history":
        return void this.panels.history.open(opener);
      case "metadata":
        return this.set({ metadataVisible: !this.prefs.metadataVisible });
      case "help":
        renderHelp(byId("help-table"), uiLang());
        return openModal(byId<HTMLDialogElement>("help"), opener);
      case "preview":
        return this.set({ previewVisible: !this.prefs.previewVisible });
      case "focus":
        return this.set({ focus: !this.prefs.focus });
      case "typewriter":
        return this.set({ typewriter: !this.prefs.typewriter });
      case "fullscreen":
        return void toggleZen(byId("app"));
      case "image":
        return void this.panels.images.pick(opener);
    }
  }

  set(patch: Partial<Preferences>): void {
    this.prefs = { ...this.prefs, ...patch };
    savePreferences(this.prefs);
    this.apply();
  }

  private apply(): void {
    const p = this.prefs;
    applyTheme(p.theme);
    byId("app").classList.toggle("is-preview-hidden", !p.previewVisible);
    byId("toggle-preview").setAttribute("aria-pressed", String(p.previewVisible));
    byId("toggle-focus").setAttribute("aria-pressed", String(p.focus));
    byId("toggle-typewriter").setAttribute("aria-pressed", String(p.typewriter));
    byId("toggle-metadata").setAttribute("aria-pressed", String(p.metadataVisible));
    this.panels.metadata.setOpen(p.metadataVisible);
    this.desk.scrollSync.setEnabled(p.previewVisible);
    this.desk.editor.configure({ focus: p.focus, typewriter: p.typewriter, frenchTyping: p.frenchTyping, showSpaces: p.showSpaces, spelling: p.spelling });
  }

  private toggle(id: string, key: "previewVisible" | "focus" | "typewriter"): void {
    byId(id).addEventListener("click", () => this.set({ [key]: !this.prefs[key] }));
  }

  private onKey(event: KeyboardEvent): void {
    const action = actionFor(event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    this.run(action);
  }

  private openSettings(opener: HTMLElement): void {
    byId<HTMLSelectElement>("ui-lang").value = uiLang();
    byId<HTMLSelectElement>("theme").value = this.prefs.theme;
    byId<HTMLInputElement>("french-typing").checked = this.prefs.frenchTyping;
    byId<HTMLInputElement>("show-spaces").checked = this.prefs.showSpaces;
    byId<HTMLInputElement>("spelling").checked = this.prefs.spelling;
    openModal(byId<HTMLDialogElement>("settings"), opener);
  }

  private wireSettings(): void {
    byId<HTMLSelectElement>("ui-lang").addEventListener("change", (e) => {
      setUiLang((e.target as HTMLSelectElement).value as UiLang);
    });
    byId<HTMLSelectElement>("theme").addEventListener("change", (e) => this.set({ theme: (e.target as HTMLSelectElement).value as Theme }));
    byId<HTMLInputElement>("french-typing").addEventListener("change", (e) => this.set({ frenchTyping: (e.target as HTMLInputElement).checked }));
    byId<HTMLInputElement>("show-spaces").addEventListener("change", (e) => this.set({ showSpaces: (e.target as HTMLInputElement).checked }));
    byId<HTMLInputElement>("spelling").addEventListener("change", (e) => this.set({ spelling: (e.target as HTMLInputElement).checked }));
  }
}

