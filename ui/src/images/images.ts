// Images in the body: Ctrl+V of a picture, a file dropped on the editor, the toolbar button and
// its shortcut (the native picker). Each opens the image dialog while the core copies the file
// into the library, then puts `![alt](edito:image/<id>)` at the cursor (or where the file was
// dropped) as a paragraph of its own. Nothing here waits on the core while the writer types:
// the copy runs on the shell's blocking pool and the insertion is one editor transaction.
// With the cursor on an image already in the text, the button and its shortcut open the same
// dialog on that image: its alt text there (rewritten in the text as one undoable change), its
// caption and credit (the image's, for every use).
import type { EditorView } from "@codemirror/view";
import { api, type ImageRecord, type ImageText } from "../api/ipc";
import type { Notices } from "../app/desk";
import { t } from "../i18n";
import type { PieceSession } from "../session/session";
import { addFile, addPicked, carriesFiles, copyPasted, describe, fileName, imageFiles, pasteFailed, pastedImage, pickImage } from "./bring";
import type { ImageDialog } from "./dialog";
import { escapeAlt, imageAt, imageMarkdown, paragraphInsertion } from "./markdown";

export class BodyImages {
  constructor(
    private readonly view: EditorView,
    private readonly session: PieceSession,
    private readonly dialog: ImageDialog,
    private readonly notices: Notices,
    /** An image's caption or credit changed: the preview draws it again. */
    private readonly textsChanged: () => void = () => undefined,
  ) {
    // Listeners on the editor's own elements, in the capture phase: they see an image before
    // CodeMirror's paste and drop handlers (which would insert a file's text), and they
    // survive the editor state being replaced when another piece opens.
    view.contentDOM.addEventListener("paste", (event) => this.onPaste(event), { capture: true });
    view.dom.addEventListener("dragover", (event) => this.onDragOver(event), { capture: true });
    view.dom.addEventListener("drop", (event) => this.onDrop(event), { capture: true });
  }

  /** The toolbar button (`opener`) and its shortcut: the dialog on the image under the cursor,
   *  else the native picker, then the dialog. */
  async pick(opener: HTMLElement | null = null): Promise<void> {
    if (!this.session.current()) return;
    const at = this.view.state.selection.main.head;
    if (imageAt(this.view.state.doc.toString(), at)) return this.editAt(at, opener);
    try {
      const path = await pickImage();
      if (path) await this.bring(addPicked(path), at, opener, fileName(path));
    } catch (err) {
      this.notices.showError(err);
    }
  }

  private onPaste(event: ClipboardEvent): void {
    const at = this.view.state.selection.main.head;
    // A file of the disk goes through the native dialog first; a paste Edito cannot use says so.
    pastedImage(event)
      ?.then(copyPasted)
      .then((copy) => copy && this.bring(copy.pending, at, null, copy.name))
      .catch((err) => pasteFailed(this.notices, err));
  }

  private onDragOver(event: DragEvent): void {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  }

  private onDrop(event: DragEvent): void {
    const [file] = imageFiles(event.dataTransfer);
    if (!file) return;
    event.preventDefault();
    event.stopPropagation();
    const at = this.view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? this.view.state.selection.main.head;
    void this.bring(addFile(file, true), at, null, file.name);
  }

  /** The dialog on the image at `at`: the alt text of this use, the image's caption and
   *  credit; then the image's texts stored and this use's alt text rewritten in one change. */
  async editAt(at: number, opener: HTMLElement | null = null): Promise<void> {
    const piece = this.session.current()?.id;
    const use = imageAt(this.view.state.doc.toString(), at);
    if (!use) return;
    const save = (record: ImageRecord, text: ImageText) =>
      // The image's own alt text (proposed for its next uses) is kept once it has one.
      describe(record, { ...text, alt: record.alt.trim() === "" ? text.alt : record.alt });
    const choice = await this.dialog.ask(api.imageRecord(use.id), "edit", save, { opener, alt: use.alt });
    this.view.focus();
    if (!choice) return;
    this.textsChanged();
    // The text may have changed while the dialog was open (another piece, a conflict).
    const now = this.session.current()?.id === piece ? imageAt(this.view.state.doc.toString(), at) : null;
    if (!now || now.id !== use.id) return this.notices.showError(new Error(t("image.changedMeanwhile")));
    const alt = choice.text.decorative ? "" : escapeAlt(choice.text.alt);
    if (alt === this.view.state.doc.sliceString(now.altFrom, now.altTo)) return;
    this.view.dispatch({ changes: { from: now.altFrom, to: now.altTo, insert: alt }, userEvent: "input.image.alt" });
  }

  /** The dialog while the copy runs, then the insertion at `at` in the piece that was open. */
  private async bring(pending: Promise<ImageRecord>, at: number, opener: HTMLElement | null = null, name: string | null = null): Promise<void> {
    const piece = this.session.current()?.id;
    const choice = await this.dialog.ask(pending, "insert", describe, { opener, name });
    if (!choice) return this.view.focus();
    if (this.session.current()?.id !== piece) return this.notices.showError(new Error(t("image.otherPiece")));
    const doc = this.view.state.doc.toString();
    const change = paragraphInsertion(doc, Math.min(at, doc.length), imageMarkdown(choice.text.alt, choice.record.id));
    this.view.dispatch({
      changes: { from: change.from, to: change.to, insert: change.insert },
      selection: { anchor: change.cursor },
      scrollIntoView: true,
      userEvent: "input.image",
    });
    this.view.focus();
  }
}
