// Images in the body: Ctrl+V of a picture, a file dropped on the editor, the toolbar button and
// its shortcut (the native picker). Each opens the image dialog while the core copies the file
// into the library, then puts `![alt](edito:image/<id>)` at the cursor (or where the file was
// dropped) as a paragraph of its own. Nothing here waits on the core while the writer types:
// the copy runs on the shell's blocking pool and the insertion is one editor transaction.
import type { EditorView } from "@codemirror/view";
import type { ImageRecord } from "../api/ipc";
import type { Notices } from "../app/desk";
import { t } from "../i18n";
import type { PieceSession } from "../session/session";
import { addFile, addPicked, carriesFiles, copyPasted, describe, imageFiles, pasteFailed, pastedImage, pickImage } from "./bring";
import type { ImageDialog } from "./dialog";
import { imageMarkdown, paragraphInsertion } from "./markdown";

export class BodyImages {
  constructor(
    private readonly view: EditorView,
    private readonly session: PieceSession,
    private readonly dialog: ImageDialog,
    private readonly notices: Notices,
  ) {
    // Listeners on the editor's own elements, in the capture phase: they see an image before
    // CodeMirror's paste and drop handlers (which would insert a file's text), and they
    // survive the editor state being replaced when another piece opens.
    view.contentDOM.addEventListener("paste", (event) => this.onPaste(event), { capture: true });
    view.dom.addEventListener("dragover", (event) => this.onDragOver(event), { capture: true });
    view.dom.addEventListener("drop", (event) => this.onDrop(event), { capture: true });
  }

  /** The toolbar button (`opener`) and its shortcut: the native picker, then the dialog. */
  async pick(opener: HTMLElement | null = null): Promise<void> {
    if (!this.session.current()) return;
    const at = this.view.state.selection.main.head;
    try {
      const path = await pickImage();
      if (path) await this.bring(addPicked(path), at, opener);
    } catch (err) {
      this.notices.showError(err);
    }
  }

  private onPaste(event: ClipboardEvent): void {
    const at = this.view.state.selection.main.head;
    // A file of the disk goes through the native dialog first; a paste Edito cannot use says so.
    pastedImage(event)
      ?.then(copyPasted)
      .then((copy) => copy && this.bring(copy.pending, at))
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
    void this.bring(addFile(file, true), at);
  }

  /** The dialog while the copy runs, then the insertion at `at` in the piece that was open. */
  private async bring(pending: Promise<ImageRecord>, at: number, opener: HTMLElement | null = null): Promise<void> {
    const piece = this.session.current()?.id;
    const choice = await this.dialog.ask(pending, "insert", describe, { opener });
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
