// The writing desk: ties the draft list, the title field, the editor, the preview and
// autosave together. Every path that leaves a draft (switching, new draft, closing) flushes
// the pending save first.
import { api, errorMessage, type Draft, type DraftEdit } from "../api/ipc";
import { Autosaver, type SaveState } from "../autosave/autosave";
import { createEditor } from "../editor/editor";
import { renderDraftList } from "../library/draft-list";
import { createPreview } from "../preview/preview";
import { describeSaveState } from "./save-state";

const PREVIEW_DEBOUNCE_MS = 120;

export interface DeskElements {
  list: HTMLElement;
  newButton: HTMLButtonElement;
  title: HTMLInputElement;
  editor: HTMLElement;
  preview: HTMLIFrameElement;
  saveState: HTMLElement;
}

export class Desk {
  private current: Draft | null = null;
  private readonly editor;
  private readonly preview;
  private readonly saver: Autosaver<DraftEdit>;
  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private previewSeq = 0;

  constructor(private readonly el: DeskElements) {
    this.preview = createPreview(el.preview);
    this.editor = createEditor(el.editor, (text) => this.edited(text));
    this.saver = new Autosaver<DraftEdit>(
      async (edit) => {
        const saved = await api.saveDraft(edit);
        if (this.current?.id === saved.id) this.current = { ...this.current, updated_at: saved.updated_at };
        await this.refreshList();
      },
      (state) => this.showSaveState(state),
    );
    el.title.addEventListener("input", () => this.edited(this.editor.text()));
    el.newButton.addEventListener("click", () => void this.newDraft());
  }

  /** First screen: the welcome draft on a new library, else the most recent draft. */
  async start(): Promise<void> {
    await api.offerWelcomeDraft();
    const drafts = await api.listDrafts();
    if (drafts.length > 0) await this.open(drafts[0].id);
    else await this.refreshList();
  }

  /** Saves whatever is pending; used before closing the window. */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  hasUnsaved(): boolean {
    return this.saver.hasUnsaved();
  }

  async open(id: number): Promise<void> {
    await this.saver.flush();
    this.current = await api.getDraft(id);
    this.el.title.value = this.current.title;
    this.editor.load(this.current.body);
    this.renderPreview(this.current.body);
    await this.refreshList();
  }

  private async newDraft(): Promise<void> {
    try {
      await this.saver.flush();
      const draft = await api.createDraft("");
      await this.open(draft.id);
      this.el.title.focus();
    } catch (err) {
      this.showSaveState({ kind: "error", message: errorMessage(err) });
    }
  }

  private edited(body: string): void {
    if (!this.current) return;
    this.saver.schedule({ id: this.current.id, title: this.el.title.value, body });
    this.schedulePreview(body);
  }

  private schedulePreview(body: string): void {
    if (this.previewTimer !== null) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => this.renderPreview(body), PREVIEW_DEBOUNCE_MS);
  }

  private renderPreview(body: string): void {
    // Responses can overtake each other; only the newest request may paint.
    const seq = ++this.previewSeq;
    api
      .renderPreview(body)
      .then((preview) => {
        if (seq === this.previewSeq) this.preview.show(preview.html);
      })
      .catch((err) => this.showSaveState({ kind: "error", message: errorMessage(err) }));
  }

  private async refreshList(): Promise<void> {
    const drafts = await api.listDrafts();
    renderDraftList(this.el.list, drafts, this.current?.id ?? null, (id) => {
      this.open(id).catch((err) => this.showSaveState({ kind: "error", message: errorMessage(err) }));
    });
  }

  private showSaveState(state: SaveState): void {
    this.el.saveState.textContent = describeSaveState(state);
    this.el.saveState.dataset.state = state.kind;
  }
}
