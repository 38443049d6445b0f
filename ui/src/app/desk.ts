// The writing desk: ties the fields above the body, the editor, the preview, the status bar
// and saving together. Every save names the version it was based on; every path that leaves
// a piece (switching, new piece, closing, blur, Ctrl+S) makes a save point first.
import { api, conflictOf, errorMessage, type Piece, type SaveKind } from "../api/ipc";
import { Autosaver, type SaveState } from "../autosave/autosave";
import type { ConflictDialog } from "../conflict/conflict";
import { createEditor, type EditorOptions, type MarkdownEditor } from "../editor/editor";
import { t, uiLang } from "../i18n";
import { PerfLog } from "../perf/perf";
import { autogrow } from "./autogrow";
import { createPreview, type PreviewPane } from "../preview/preview";
import { createScrollSync, type ScrollSync } from "../preview/scroll-sync";
import { StatusBar } from "../status/status-bar";
import { editOf, type PieceState } from "./piece";
import { describeSaveState } from "./save-state";

const PREVIEW_DEBOUNCE_MS = 120;
/** Fields the preview shows around the body (typeset by the core), and what they depend on. */
const HEAD_FIELDS = ["kicker", "title", "standfirst", "author", "author_role", "lang"] as const;

export interface DeskElements {
  kicker: HTMLInputElement;
  title: HTMLTextAreaElement;
  standfirst: HTMLTextAreaElement;
  editor: HTMLElement;
  preview: HTMLIFrameElement;
  saveState: HTMLElement;
  counts: HTMLElement;
  gauge: HTMLElement;
  appError: HTMLElement;
}

/** What the rest of the UI hears from the desk. */
export interface DeskListener {
  /** The open piece changed (opened, saved, tagged, restored…). */
  pieceChanged?(piece: PieceState): void;
  /** The library changed in a way the lists show (a title, a status, a new piece). */
  libraryChanged?(): void;
}

export class Desk {
  private piece: PieceState | null = null;
  readonly editor: MarkdownEditor;
  readonly preview: PreviewPane;
  readonly scrollSync: ScrollSync;
  readonly status: StatusBar;
  readonly perf = new PerfLog();
  private readonly saver: Autosaver<PieceState>;
  private readonly listeners: DeskListener[] = [];
  private saveState: SaveState = { kind: "idle" };
  private nextKind: SaveKind = "autosave";
  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private previewSeq = 0;
  private headSeq = 0;
  private readonly fitFields: (() => void)[];
  /** Library calls on the open piece run one at a time, so none is based on a stale version. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly el: DeskElements,
    private readonly conflicts: ConflictDialog,
    editorOptions: Partial<EditorOptions> = {},
  ) {
    this.preview = createPreview(el.preview);
    const onSpellingError = (err: unknown) => this.showNotice(t("spelling.unavailable", { message: errorMessage(err) }));
    this.editor = createEditor(el.editor, (text) => this.edited({ body: text }), { onSpellingError, ...editorOptions });
    this.scrollSync = createScrollSync(this.editor.view, el.preview, (line) => {
      this.editor.goToLine(line);
      this.editor.view.focus();
    });
    this.status = new StatusBar({ counts: el.counts, gauge: el.gauge });
    this.saver = new Autosaver<PieceState>(
      (piece) => this.exclusive(() => this.save(piece)),
      (state) => this.showSaveState(state),
    );
    this.fitFields = [autogrow(el.title, { singleParagraph: true }), autogrow(el.standfirst)];
    el.kicker.addEventListener("input", () => this.edited({ kicker: el.kicker.value }));
    el.title.addEventListener("input", () => this.edited({ title: el.title.value }));
    el.standfirst.addEventListener("input", () => this.edited({ standfirst: el.standfirst.value }));
    this.chainWithEnter([el.kicker, el.title, el.standfirst]);
  }

  listen(listener: DeskListener): void {
    this.listeners.push(listener);
  }

  /** First screen: the welcome piece on a new library, else the most recent piece. */
  async start(): Promise<void> {
    this.preview.showMessage(t("app.loading"));
    await api.offerWelcomeDraft();
    const pieces = await api.listPieces();
    if (pieces.length > 0) await this.open(pieces[0].id);
    else this.notify({ list: true });
  }

  /** A save point of whatever the writer typed (Ctrl+S, window blur, close, switching). */
  async flush(): Promise<void> {
    if (!this.saver.hasUnsaved()) return;
    this.nextKind = "save_point";
    try {
      await this.saver.flush();
    } finally {
      this.nextKind = "autosave";
    }
  }

  hasUnsaved(): boolean {
    return this.saver.hasUnsaved();
  }

  current(): PieceState | null {
    return this.piece;
  }

  async open(id: number): Promise<void> {
    if (this.piece) await this.flush();
    this.load(await api.getPiece(id));
    this.notify({ list: true });
  }

  async newPiece(): Promise<void> {
    try {
      if (this.piece) await this.flush();
      const piece = await api.createPiece({ title: "", lang: this.piece?.lang ?? "fr" });
      await this.open(piece.id);
      this.el.title.focus();
    } catch (err) {
      this.showError(err);
    }
  }

  /** Changes editable fields of the open piece (the metadata panel's entry point); saved soon. */
  update(patch: Partial<Omit<PieceState, "id" | "version" | "tags" | "status">>): void {
    if (!this.piece) return;
    this.piece = { ...this.piece, ...patch };
    if ("lang" in patch) this.applyLang();
    if ("target_signs" in patch) this.status.setTarget(this.piece.target_signs ?? undefined);
    this.saver.schedule(this.piece);
    if (HEAD_FIELDS.some((field) => field in patch)) this.renderHead();
    if ("body" in patch || "lang" in patch) this.schedulePreview();
  }

  /** Runs a library call on the open piece (tags, status, restore…) after the pending save,
   *  and takes the piece it returns as the new state. */
  async change(op: (id: number) => Promise<Piece>): Promise<Piece | null> {
    if (!this.piece) return null;
    await this.saver.flush();
    const id = this.piece.id;
    const piece = await this.exclusive(() => op(id));
    if (this.piece?.id !== piece.id) return piece;
    const textChanged = (["title", "kicker", "standfirst", "body"] as const).some((f) => piece[f] !== this.piece?.[f]);
    if (textChanged) this.load(piece);
    else this.accept(piece);
    this.notify({ list: true });
    return piece;
  }

  /** Forgets the open piece (moved to the trash) and opens the most recent other one. */
  async closeCurrent(): Promise<void> {
    this.piece = null;
    const pieces = await api.listPieces();
    if (pieces.length > 0) await this.open(pieces[0].id);
    else {
      this.editor.load("");
      this.preview.showMessage(t("app.emptyLibrary"));
      this.notify({ list: true });
    }
  }

  /** The UI language changed: redraw what the desk wrote itself. */
  relabel(): void {
    this.status.render();
    this.showSaveState(this.saveState);
    if (this.piece && this.piece.body.trim() === "") this.preview.showMessage(t("preview.empty"));
    this.editor.configure({ uiLang: uiLang(), placeholder: t("app.bodyPlaceholder"), label: t("app.body") });
  }

  /** A problem the writer must know about, in words they can act on. */
  showError(err: unknown): void {
    this.showNotice(t("app.actionFailed", { message: errorMessage(err) }));
  }

  /** A message in the desk's alert line, hidden again after a while. */
  showNotice(text: string): void {
    this.el.appError.textContent = text;
    this.el.appError.hidden = false;
    setTimeout(() => (this.el.appError.hidden = true), 8000);
  }

  private exclusive<R>(fn: () => Promise<R>): Promise<R> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** One save; a conflict asks the writer which version wins before anything is dropped. */
  private async save(piece: PieceState): Promise<void> {
    const kind = this.nextKind;
    this.nextKind = "autosave";
    const base = this.piece?.id === piece.id ? this.piece.version : piece.version;
    try {
      this.accept(await api.savePiece(editOf(piece, kind, base)));
    } catch (err) {
      const current = conflictOf(err);
      if (!current) throw err;
      const choice = await this.conflicts.ask(piece, current);
      if (choice === "mine") this.accept(await api.savePiece(editOf(piece, "save_point", current.version)));
      else if (this.piece?.id === current.id) this.load(current);
    }
    this.notify({ list: true });
  }

  /** Takes the library's bookkeeping of a saved piece without touching what the writer types. */
  private accept(saved: Piece): void {
    if (this.piece?.id !== saved.id) return;
    const { version, updated_at, slug, tags, status, trashed_at, created_at } = saved;
    this.piece = { ...this.piece, version, updated_at, slug, tags, status, trashed_at, created_at };
    this.notify({});
  }

  private load(piece: Piece): void {
    this.piece = { ...piece };
    this.el.kicker.value = piece.kicker;
    this.el.title.value = piece.title;
    this.el.standfirst.value = piece.standfirst;
    for (const fit of this.fitFields) fit();
    this.editor.load(piece.body);
    this.applyLang();
    this.status.setTarget(piece.target_signs ?? undefined);
    this.status.setCounts(undefined);
    this.renderHead();
    this.renderPreview();
    this.notify({});
  }

  private applyLang(): void {
    const lang = this.piece?.lang ?? "fr";
    this.editor.configure({ pieceLang: lang });
    this.el.editor.setAttribute("lang", lang);
    for (const field of [this.el.kicker, this.el.title, this.el.standfirst]) field.lang = lang;
  }

  private notify({ list = false }: { list?: boolean }): void {
    for (const l of this.listeners) {
      if (this.piece) l.pieceChanged?.(this.piece);
      if (list) l.libraryChanged?.();
    }
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
    const { kicker = "", title = "", standfirst = "", author = "", author_role = "", lang = "fr" } = this.piece ?? {};
    const seq = ++this.headSeq;
    api
      .typesetHead({ kicker, title, standfirst, author, author_role }, lang)
      .then((head) => {
        if (seq === this.headSeq) this.preview.showHead(head);
      })
      .catch((err) => this.showError(err));
  }

  private renderPreview(whole = false): void {
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
      .renderPreview(body, this.piece?.lang ?? "fr", whole ? null : this.preview.shown())
      .then((update) => {
        if (seq !== this.previewSeq) return;
        const answeredAt = performance.now();
        // An update made against a render this page never showed: ask for every block.
        if (!this.preview.show(update)) return this.renderPreview(true);
        // Reading the height makes the layout happen now, inside the measurement.
        void this.preview.body()?.offsetHeight;
        done(answeredAt);
        this.scrollSync.invalidate();
        this.status.setCounts(update.counts);
      })
      .catch((err) => this.showError(err));
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
}
