// The writing desk: ties the library list, the fields above the body, the editor, the
// preview, the status bar and autosave together. Every path that leaves a piece (switching,
// new piece, closing) flushes the pending save first.
import { api, errorMessage, type DraftSummary } from "../api/ipc";
import { Autosaver, type SaveState } from "../autosave/autosave";
import { createEditor, type EditorOptions, type MarkdownEditor } from "../editor/editor";
import { t, uiLang } from "../i18n";
import { filterDrafts, renderDraftList } from "../library/draft-list";
import { PerfLog } from "../perf/perf";
import { createPreview, type PreviewPane } from "../preview/preview";
import { createScrollSync, type ScrollSync } from "../preview/scroll-sync";
import { StatusBar } from "../status/status-bar";
import { editOf, pieceFromDraft, type PieceState } from "./piece";
import { describeSaveState } from "./save-state";

const PREVIEW_DEBOUNCE_MS = 120;

export interface DeskElements {
  list: HTMLElement;
  libraryMessage: HTMLElement;
  search: HTMLInputElement;
  newButton: HTMLButtonElement;
  kicker: HTMLInputElement;
  title: HTMLInputElement;
  standfirst: HTMLTextAreaElement;
  editor: HTMLElement;
  preview: HTMLIFrameElement;
  saveState: HTMLElement;
  counts: HTMLElement;
  gauge: HTMLElement;
  appError: HTMLElement;
}

export class Desk {
  private piece: PieceState | null = null;
  private drafts: DraftSummary[] = [];
  /** Editorial fields the backend does not store yet, kept for the session per piece. */
  private readonly remembered = new Map<number, Partial<PieceState>>();
  readonly editor: MarkdownEditor;
  readonly preview: PreviewPane;
  readonly scrollSync: ScrollSync;
  readonly status: StatusBar;
  readonly perf = new PerfLog();
  private readonly saver: Autosaver<PieceState>;
  private saveState: SaveState = { kind: "idle" };
  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private previewSeq = 0;

  constructor(
    private readonly el: DeskElements,
    editorOptions: Partial<EditorOptions> = {},
  ) {
    this.preview = createPreview(el.preview);
    this.editor = createEditor(el.editor, (text) => this.edited({ body: text }), editorOptions);
    this.scrollSync = createScrollSync(this.editor.view, el.preview, (line) => {
      this.editor.goToLine(line);
      this.editor.view.focus();
    });
    this.status = new StatusBar({ counts: el.counts, gauge: el.gauge });
    this.saver = new Autosaver<PieceState>(
      async (piece) => {
        const saved = await api.saveDraft(editOf(piece));
        if (this.piece?.id === saved.id) this.piece = { ...this.piece, updated_at: saved.updated_at };
        await this.refreshList();
      },
      (state) => this.showSaveState(state),
    );
    el.kicker.addEventListener("input", () => this.edited({ kicker: el.kicker.value }));
    el.title.addEventListener("input", () => this.edited({ title: el.title.value }));
    el.standfirst.addEventListener("input", () => this.edited({ standfirst: el.standfirst.value }));
    this.chainWithEnter([el.kicker, el.title, el.standfirst]);
    el.newButton.addEventListener("click", () => void this.newPiece());
    el.search.addEventListener("input", () => this.renderList());
  }

  /** First screen: the welcome piece on a new library, else the most recent piece. */
  async start(): Promise<void> {
    this.el.libraryMessage.textContent = t("app.loading");
    this.preview.showMessage(t("app.loading"));
    await api.offerWelcomeDraft();
    this.drafts = await api.listDrafts();
    if (this.drafts.length > 0) await this.open(this.drafts[0].id);
    else this.renderList();
  }

  /** Saves whatever is pending (Ctrl+S, window blur, close). */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  hasUnsaved(): boolean {
    return this.saver.hasUnsaved();
  }

  current(): PieceState | null {
    return this.piece;
  }

  draftList(): DraftSummary[] {
    return this.drafts;
  }

  async open(id: number): Promise<void> {
    await this.saver.flush();
    const draft = await api.getDraft(id);
    this.piece = pieceFromDraft(draft, this.remembered.get(id));
    const piece = this.piece;
    this.el.kicker.value = piece.kicker;
    this.el.title.value = piece.title;
    this.el.standfirst.value = piece.standfirst;
    this.editor.configure({ pieceLang: piece.lang });
    this.editor.load(piece.body);
    this.el.editor.setAttribute("lang", piece.lang);
    this.status.setTarget(piece.target_signs);
    this.status.setCounts(undefined);
    this.renderHead();
    this.renderPreview();
    await this.refreshList();
  }

  async newPiece(): Promise<void> {
    try {
      await this.saver.flush();
      const draft = await api.createDraft("");
      await this.open(draft.id);
      this.el.title.focus();
    } catch (err) {
      this.showError(err);
    }
  }

  /** Changes fields of the open piece (the metadata panel's entry point) and saves them. */
  update(patch: Partial<Omit<PieceState, "id">>): void {
    if (!this.piece) return;
    this.piece = { ...this.piece, ...patch };
    const { lang, target_signs, kicker, standfirst } = this.piece;
    this.remembered.set(this.piece.id, { lang, target_signs, kicker, standfirst });
    if ("lang" in patch) {
      this.editor.configure({ pieceLang: lang });
      this.el.editor.setAttribute("lang", lang);
    }
    if ("target_signs" in patch) this.status.setTarget(target_signs);
    if ("title" in patch || "kicker" in patch || "standfirst" in patch || "body" in patch) this.saver.schedule(this.piece);
    if ("title" in patch || "kicker" in patch || "standfirst" in patch) this.renderHead();
    if ("body" in patch) this.schedulePreview();
  }

  /** The UI language changed: redraw what the desk wrote itself. */
  relabel(): void {
    this.renderList();
    this.status.render();
    this.showSaveState(this.saveState);
    if (this.piece && this.piece.body.trim() === "") this.preview.showMessage(t("preview.empty"));
    this.editor.configure({ uiLang: uiLang(), placeholder: t("app.bodyPlaceholder"), label: t("app.body") });
  }

  private edited(patch: Partial<PieceState>): void {
    if ("body" in patch) this.perf.keystroke();
    this.update(patch);
  }

  private schedulePreview(): void {
    if (this.previewTimer !== null) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => this.renderPreview(), PREVIEW_DEBOUNCE_MS);
  }

  private renderHead(): void {
    const { kicker = "", title = "", standfirst = "" } = this.piece ?? {};
    this.preview.showHead({ kicker, title, standfirst });
  }

  private renderPreview(): void {
    const body = this.piece?.body ?? "";
    // Responses can overtake each other; only the newest request may paint.
    const seq = ++this.previewSeq;
    if (body.trim() === "") {
      this.preview.showMessage(t("preview.empty"));
      this.status.setCounts(undefined);
      return;
    }
    const done = this.perf.previewStarted(body.length);
    api
      .renderPreview(body)
      .then((preview) => {
        if (seq !== this.previewSeq) return;
        const answeredAt = performance.now();
        this.preview.show(preview.html);
        // Reading the height makes the layout happen now, inside the measurement.
        void this.preview.body()?.offsetHeight;
        done(answeredAt);
        this.scrollSync.invalidate();
        this.status.setCounts(preview.counts);
      })
      .catch((err) => this.showError(err));
  }

  private async refreshList(): Promise<void> {
    this.drafts = await api.listDrafts();
    this.renderList();
  }

  private renderList(): void {
    const query = this.el.search.value;
    const shown = filterDrafts(this.drafts, query);
    renderDraftList(this.el.list, shown, this.piece?.id ?? null, (id) => {
      this.open(id).catch((err) => this.showError(err));
    });
    let message = "";
    if (this.drafts.length === 0) message = t("app.emptyLibrary");
    else if (shown.length === 0) message = t("app.noMatch", { q: query.trim() });
    this.el.libraryMessage.textContent = message;
  }

  private chainWithEnter(fields: HTMLElement[]): void {
    fields.forEach((field, i) =>
      field.addEventListener("keydown", (event) => {
        if ((event as KeyboardEvent).key !== "Enter" || (event as KeyboardEvent).shiftKey) return;
        event.preventDefault();
        const next = fields[i + 1];
        if (next) next.focus();
        else this.editor.view.focus();
      }),
    );
  }

  private showSaveState(state: SaveState): void {
    this.saveState = state;
    this.el.saveState.textContent = describeSaveState(state);
    this.el.saveState.dataset.state = state.kind;
  }

  /** A problem the writer must know about, in words they can act on. */
  showError(err: unknown): void {
    this.el.appError.textContent = t("app.actionFailed", { message: errorMessage(err) });
    this.el.appError.hidden = false;
    setTimeout(() => (this.el.appError.hidden = true), 8000);
  }
}
