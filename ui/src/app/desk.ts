// The writing desk: draws the open piece — the fields above the body, the editor, the preview
// and the status bar — and hands what the writer types to the session. Saving, conflicts and
// the other features live elsewhere: the session (session/session.ts) owns the piece, the
// preview driver (preview/driver.ts) decides when the core renders.
import { errorMessage, type Lang } from "../api/ipc";
import { EditorView } from "@codemirror/view";
import type { SaveState } from "../autosave/autosave";
import { coreSpellChecker, createEditor, type EditorOptions, type MarkdownEditor } from "../editor/editor";
import type { SpellChecker } from "../editor/spelling";
import { t, uiLang } from "../i18n";
import { PerfLog } from "../perf/perf";
import { type PageFields, PreviewDriver } from "../preview/driver";
import { createPreview, type PreviewPane } from "../preview/preview";
import { createScrollSync, type ScrollSync } from "../preview/scroll-sync";
import type { PiecePatch, Session } from "../session/session";
import { StatusBar } from "../status/status-bar";
import { autogrow } from "./autogrow";
import { fieldHistory, type FieldHistory } from "./field-history";
import { loadPlace, savePlace, type Place, type PlaceField } from "./place";
import type { PieceState } from "./piece";
import { describeSaveState } from "./save-state";

/** Fields the preview shows around the body (typeset by the core). */
/** The fields the page around the body shows (header, information line, signature). */
const HEAD_FIELDS = ["kicker", "title", "standfirst", "author", "author_role", "lang", "category", "publication_date", "issue_number", "lead_image"] as const;

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

/** Where features report a failure the writer must know about. */
export interface Notices {
  showError(err: unknown): void;
  /** A message that is not a failure (something done for the writer). */
  showNotice(text: string): void;
}

export class Desk implements Notices {
  readonly editor: MarkdownEditor;
  readonly preview: PreviewPane;
  readonly driver: PreviewDriver;
  readonly scrollSync: ScrollSync;
  readonly status: StatusBar;
  readonly perf = new PerfLog();
  private saveState: SaveState = { kind: "idle" };
  private readonly fitFields: (() => void)[];
  private readonly histories: FieldHistory[];

  constructor(
    private readonly el: DeskElements,
    readonly session: Session,
    editorOptions: Partial<EditorOptions> = {},
  ) {
    this.preview = createPreview(el.preview);
    this.driver = new PreviewDriver(
      this.preview,
      {
        painted: (counts) => {
          this.scrollSync.invalidate();
          this.status.setCounts(counts);
        },
        emptied: () => this.status.setCounts(undefined),
        relaid: () => this.scrollSync.invalidate(),
        emptyMessage: () => this.emptyMessage(),
        error: (err) => this.showError(err),
      },
      this.perf,
    );
    const onSpellingError = (err: unknown) => this.showNotice(t("spelling.unavailable", { message: errorMessage(err) }));
    // The check goes through the driver, which can name the last render instead of
    // sending the body again.
    const checker: SpellChecker = { ...coreSpellChecker, check: (markdown, lang) => this.driver.checkSpelling(markdown, lang as Lang) };
    this.editor = createEditor(el.editor, (text) => this.edited({ body: text }), { onSpellingError, checker, ...editorOptions });
    // The key event is where a keystroke's time starts (the perf figures run from it).
    this.editor.view.contentDOM.addEventListener("keydown", (event) => this.perf.keyDown(event.timeStamp), { capture: true });
    this.scrollSync = createScrollSync(this.editor.view, el.preview, (line) => {
      this.editor.goToLine(line);
      this.editor.view.focus();
    });
    this.status = new StatusBar({ counts: el.counts, gauge: el.gauge });
    this.fitFields = [autogrow(el.title, { singleParagraph: true }), autogrow(el.standfirst)];
    el.kicker.addEventListener("input", () => this.edited({ kicker: el.kicker.value }));
    el.title.addEventListener("input", () => this.edited({ title: el.title.value }));
    el.standfirst.addEventListener("input", () => this.edited({ standfirst: el.standfirst.value }));
    this.histories = (["kicker", "title", "standfirst"] as const).map((name) =>
      fieldHistory(el[name], () => {
        this.edited({ [name]: el[name].value });
        for (const fit of this.fitFields) fit();
      }),
    );
    this.chainWithEnter([el.kicker, el.title, el.standfirst]);
    session.listen({
      loaded: (piece) => this.load(piece),
      edited: (piece, patch) => this.show(piece, patch),
      // Tags and status change through their own calls: the page's information line follows.
      pieceChanged: (piece) => this.driver.setHead(headOf(piece)),
      saveState: (state) => this.showSaveState(state),
    });
  }

  /** An image's texts changed (caption, credit, the lead image's alt text): the page around
   *  the body and every block are drawn again, since the piece's own text did not change. */
  imageTextsChanged(): void {
    const piece = this.session.current();
    if (!piece) return;
    this.driver.setHead(headOf(piece), true);
    this.driver.setBody(piece.body, piece.lang, true);
  }

  /** First screen: the welcome piece on a new library, else the piece the writer had open,
   *  with its cursor, scroll and focus, else the most recent piece. */
  async start(): Promise<void> {
    this.preview.showMessage(t("app.loading"));
    const place = loadPlace();
    await this.session.start(place?.piece ?? null);
    if (place && this.session.current()?.id === place.piece) this.restorePlace(place);
    this.trackPlace();
  }

  /** Remembers where the writer is (piece, cursor, scroll, focused field). */
  rememberPlace(): void {
    const piece = this.session.current();
    if (!piece) return;
    const view = this.editor.view;
    const { anchor, head } = view.state.selection.main;
    const top = view.lineBlockAtHeight(Math.max(0, view.scrollDOM.scrollTop)).from;
    savePlace({ piece: piece.id, anchor, head, top, focus: this.focusedField() ?? this.lastFocus });
  }

  private lastFocus: PlaceField | null = null;

  private focusedField(): PlaceField | null {
    const active = document.activeElement;
    if (this.editor.view.hasFocus) return "body";
    for (const name of ["kicker", "title", "standfirst"] as const) if (active === this.el[name]) return name;
    return null;
  }

  private restorePlace(place: Place): void {
    const view = this.editor.view;
    const clamp = (n: number) => Math.min(n, view.state.doc.length);
    view.dispatch({ selection: { anchor: clamp(place.anchor), head: clamp(place.head) } });
    // After the first frames: at start-up the window may not have its size yet, and a scroll
    // asked before layout is lost (the E2E test saw the top line back at 1).
    const scroll = () => view.dispatch({ effects: EditorView.scrollIntoView(clamp(place.top), { y: "start" }) });
    scroll();
    requestAnimationFrame(() => requestAnimationFrame(scroll));
    this.lastFocus = place.focus;
    if (place.focus === "body") view.focus();
    else if (place.focus) this.el[place.focus].focus();
  }

  /** Saves the place a moment after the writer moves, scrolls or changes field. */
  private trackPlace(): void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      const now = this.focusedField();
      if (now) this.lastFocus = now;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => this.rememberPlace(), 300);
    };
    const view = this.editor.view;
    view.scrollDOM.addEventListener("scroll", later, { passive: true });
    for (const type of ["keyup", "mouseup", "focusin"]) document.addEventListener(type, later);
    this.session.listen({ loaded: later });
  }

  /** A new, empty piece, its title field ready for typing. */
  async newPiece(): Promise<void> {
    try {
      await this.session.newPiece();
      this.el.title.focus();
    } catch (err) {
      this.showError(err);
    }
  }

  /** The UI language changed: redraw what the desk wrote itself. */
  relabel(): void {
    this.status.render();
    this.showSaveState(this.saveState);
    const piece = this.session.current();
    if (piece && piece.body.trim() === "") this.preview.showMessage(this.emptyMessage());
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

  /** The hint in an empty preview, only while nothing at all is written: under a title the
   *  preview already shows the piece (issue #11: the hint stayed under an existing title). */
  private emptyMessage(): string {
    const piece = this.session.current();
    const headWritten = piece && [piece.kicker, piece.title, piece.standfirst].some((field) => field.trim() !== "");
    return headWritten ? "" : t("preview.empty");
  }

  private edited(patch: PiecePatch): void {
    if ("body" in patch) this.perf.keystroke();
    this.session.update(patch);
  }

  /** An edit (typed here or in the metadata panel): what it changes on screen. */
  private show(piece: PieceState, patch: PiecePatch): void {
    if ("lang" in patch) this.applyLang(piece.lang);
    if ("target_signs" in patch) this.status.setTarget(piece.target_signs ?? undefined);
    if (HEAD_FIELDS.some((field) => field in patch)) {
      this.driver.setHead(headOf(piece));
      if (piece.body.trim() === "") this.preview.showMessage(this.emptyMessage());
    }
    if ("body" in patch || "lang" in patch) this.driver.setBody(piece.body, piece.lang);
  }

  private load(piece: PieceState | null): void {
    if (!piece) {
      this.editor.load("");
      this.preview.showMessage(t("app.emptyLibrary"));
      return;
    }
    this.el.kicker.value = piece.kicker;
    this.el.title.value = piece.title;
    this.el.standfirst.value = piece.standfirst;
    for (const fit of this.fitFields) fit();
    for (const history of this.histories) history.reset();
    this.editor.load(piece.body);
    this.applyLang(piece.lang);
    this.status.setTarget(piece.target_signs ?? undefined);
    this.status.setCounts(undefined);
    this.driver.reset(piece.body, piece.lang, headOf(piece));
  }

  private applyLang(lang: Lang): void {
    this.editor.configure({ pieceLang: lang });
    this.el.editor.setAttribute("lang", lang);
    for (const field of [this.el.kicker, this.el.title, this.el.standfirst]) field.lang = lang;
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

/** Everything the page around the body is made of: the piece without its body. */
function headOf(piece: PieceState): PageFields {
  const { body: _body, ...fields } = piece;
  return fields;
}
