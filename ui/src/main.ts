// Entry point: picks the UI language, builds the desk, its panels and dialogs and its
// controls, and makes sure closing the window never loses a keystroke.
import { getCurrentWindow } from "@tauri-apps/api/window";
import { showLibraryProblem, showReadOnlyLibrary } from "./app/library-problem";
import { api, errorMessage } from "./api/ipc";
import { Confirm } from "./app/confirm";
import { Controls } from "./app/controls";
import { Desk } from "./app/desk";
import { byId } from "./app/dom";
import { exposeTestApi } from "./app/test-api";
import { UndoNotice } from "./app/undo-notice";
import { ConflictDialog } from "./conflict/conflict";
import { ExportDialog } from "./export/export";
import { HistoryDialog } from "./history/history";
import { ImageDialog } from "./images/dialog";
import { pickAnother } from "./images/bring";
import { BodyImages } from "./images/images";
import { LocalImageOffer } from "./images/local-paths";
import { LeadImageField } from "./metadata/lead-image";
import { initI18n, onLangChange, t, uiLang } from "./i18n";
import { Sidebar } from "./library/sidebar";
import { fillStatusSelect, MetadataPanel } from "./metadata/panel";
import { Session } from "./session/session";
import { loadPreferences } from "./settings/preferences";
// The theme's variables first, then the frame, then each feature's sheet: later sheets may
// refine what the frame sets (a small button, a wide dialog), so this order is the cascade.
import "./theme.css";
import "./app/app.css";
import "./library/library.css";
import "./editor/editor.css";
import "./preview/preview.css";
import "./metadata/metadata.css";
import "./status/status.css";
import "./palette/palette.css";
import "./history/history.css";
import "./conflict/conflict.css";
import "./export/export.css";
import "./images/images.css";

initI18n(document);
const prefs = loadPreferences();

const conflicts = new ConflictDialog({
  dialog: byId("conflict-dialog"),
  mine: byId("conflict-mine"),
  theirs: byId("conflict-theirs"),
  keepMine: byId("conflict-keep-mine"),
  takeTheirs: byId("conflict-take-theirs"),
});
const confirm = new Confirm({ dialog: byId("confirm-dialog"), message: byId("confirm-message"), ok: byId("confirm-ok"), cancel: byId("confirm-cancel") });

const session = new Session(conflicts);
const desk = new Desk(
  {
    kicker: byId<HTMLInputElement>("kicker"),
    title: byId<HTMLTextAreaElement>("title"),
    standfirst: byId<HTMLTextAreaElement>("standfirst"),
    editor: byId("editor"),
    preview: byId<HTMLIFrameElement>("preview"),
    saveState: byId("save-state"),
    counts: byId("counts"),
    gauge: byId("gauge"),
    appError: byId("app-error"),
  },
  session,
  {
    uiLang: uiLang(),
    placeholder: t("app.bodyPlaceholder"),
    label: t("app.body"),
    frenchTyping: prefs.frenchTyping,
    showSpaces: prefs.showSpaces,
    focus: prefs.focus,
    typewriter: prefs.typewriter,
    spelling: prefs.spelling,
  },
);
const undo = new UndoNotice(
  { box: byId("undo-notice"), message: byId("undo-message"), undo: byId<HTMLButtonElement>("undo-button") },
  // Never a text field the writer did not choose: the row of the piece shown.
  () => sidebar.focusCurrentRow(),
  (err) => desk.showError(err),
);
const sidebar = new Sidebar(
  {
    list: byId("piece-list"),
    message: byId("library-message"),
    search: byId<HTMLInputElement>("library-search"),
    status: byId<HTMLSelectElement>("filter-status"),
    category: byId<HTMLSelectElement>("filter-category"),
    tags: byId("tag-list"),
    showTrash: byId<HTMLButtonElement>("show-trash"),
    emptyTrash: byId<HTMLButtonElement>("empty-trash"),
    from: byId<HTMLInputElement>("filter-from"),
    to: byId<HTMLInputElement>("filter-to"),
    dateError: byId("filter-dates-error"),
    clearFilters: byId<HTMLButtonElement>("clear-filters"),
    tagDialog: {
      dialog: byId<HTMLDialogElement>("tag-dialog"),
      title: byId("tag-dialog-title"),
      count: byId("tag-dialog-count"),
      renameForm: byId<HTMLFormElement>("tag-rename-form"),
      renameInput: byId<HTMLInputElement>("tag-rename-input"),
      mergeForm: byId<HTMLFormElement>("tag-merge-form"),
      mergeTarget: byId<HTMLSelectElement>("tag-merge-target"),
      error: byId("tag-dialog-error"),
    },
  },
  session,
  desk,
  confirm,
  undo,
);
byId("new-piece").addEventListener("click", () => void desk.newPiece());
fillStatusSelect(byId<HTMLSelectElement>("meta-status"));
const imageDialog = new ImageDialog(pickAnother);
const images = new BodyImages(desk.editor.view, session, imageDialog, desk, () => desk.imageTextsChanged());
new LocalImageOffer(desk.editor.view, session, { box: byId("image-offer"), text: byId("image-offer-text"), copy: byId<HTMLButtonElement>("image-offer-copy") }, desk);
const metadata = new MetadataPanel(session, () => sidebar.pieces().map((p) => p.category), undo, new LeadImageField(session, imageDialog, desk, () => desk.imageTextsChanged()));
const history = new HistoryDialog(
  { dialog: byId("history-dialog"), list: byId("history-list"), diff: byId("history-diff"), restore: byId("history-restore"), message: byId("history-message"),
    compare: byId<HTMLSelectElement>("history-compare"), caption: byId("history-caption") },
  session,
  () => desk.editor.view.focus(),
  undo,
);
const exporter = new ExportDialog(session, () => sidebar.reload());
const controls = new Controls(desk, prefs, { sidebar, metadata, history, exporter, images });
onLangChange(() => {
  desk.relabel();
  fillStatusSelect(byId<HTMLSelectElement>("meta-status"));
  void sidebar.relabel();
  const piece = session.current();
  if (piece) metadata.show(piece);
});

// The one object tests drive the app through (window.__edito); nothing else is exposed.
exposeTestApi({ desk, session, sidebar, controls });

desk
  .start()
  .then(async () => {
    if (await api.libraryReadOnly()) showReadOnlyLibrary();
  })
  .catch(showLibraryProblem);

// Leaving the window (another app, a dialog) is a natural pause: make a save point.
window.addEventListener("blur", () => {
  desk.rememberPlace();
  void session.flush().catch(() => undefined);
});

// Closing waits for the last save. If it cannot be saved (a read-only library, a full disk)
// closing would drop the text, so the window asks, staying open being the default: refusing
// silently left a read-only library's window impossible to close and said nothing (#13).
void getCurrentWindow().onCloseRequested(async (event) => {
  desk.rememberPlace();
  if (!session.hasUnsaved()) return;
  try {
    await session.flush();
  } catch (err) {
    const close = await confirm.ask(t("app.closeUnsaved", { message: errorMessage(err) }), t("app.closeAnyway"));
    if (!close) event.preventDefault();
  }
});
