// The image dialog: alt text (required, or the image marked decorative), caption and credit,
// shown as soon as an image is pasted, dropped or picked, while the core copies it into the
// library. Its answer is what the writer typed; the record's own texts fill the fields when
// the same image comes back (content-addressed: the same file is the same record).
import { errorMessage, imageUrl, type ImageRecord, type ImageText } from "../api/ipc";
import { byId, closeModal, openModal } from "../app/dom";
import { formatNumber, type MessageKey, t, uiLang } from "../i18n";

/** What the writer chose: the image and its texts. */
export interface ImageChoice {
  record: ImageRecord;
  text: ImageText;
}

/** Inserting in the text, choosing the piece's lead image, or changing the texts of an image
 *  already in the body or of the lead image (the words differ, and what the texts apply to is
 *  said: alt text per use, caption and credit per image). */
export type ImagePurpose = "insert" | "lead" | "edit" | "editLead";

/** Where the dialog was asked from. */
export interface AskOptions {
  /** The button that opened it, drawn as active while it is open (none: a paste, a drop, a
   *  shortcut). */
  opener?: HTMLElement | null;
  /** The file being copied, named in a refusal (none: a pasted picture). */
  name?: string | null;
  /** The alt text of the use being edited (its `![…]`), shown instead of the image's own. */
  alt?: string;
}

/** Another file to try after a refusal: the copy under way and its name (null: cancelled). */
export type PickAnother = () => Promise<{ pending: Promise<ImageRecord>; name: string } | null>;

const TITLES: Record<ImagePurpose, [title: MessageKey, confirm: MessageKey, scope: MessageKey | null]> = {
  insert: ["image.title", "image.confirm", null],
  lead: ["image.leadTitle", "image.confirmLead", null],
  edit: ["image.editTitle", "image.save", "image.scopeUse"],
  editLead: ["image.editLeadTitle", "image.save", "image.scopeLead"],
};

/** The alt text the dialog asks for is missing: neither words nor "decorative". */
export function altMissing(text: ImageText): boolean {
  return !text.decorative && text.alt.trim() === "";
}

/** "1 200 × 800 px, 245 Ko" in the UI's language. */
export function describeSize(record: Pick<ImageRecord, "width" | "height" | "byte_len">): string {
  const kb = record.byte_len / 1000;
  const fr = uiLang() === "fr";
  const size = kb >= 1000 ? `${formatNumber(kb / 1000, 1)} ${fr ? "Mo" : "MB"}` : `${formatNumber(Math.max(1, Math.round(kb)))} ${fr ? "Ko" : "KB"}`;
  return t("image.info", { width: formatNumber(record.width), height: formatNumber(record.height), size });
}

export class ImageDialog {
  private readonly dialog = byId<HTMLDialogElement>("image-dialog");
  private readonly form = byId<HTMLFormElement>("image-form");
  private readonly alt = byId<HTMLTextAreaElement>("image-alt");
  private readonly decorative = byId<HTMLInputElement>("image-decorative");
  private readonly caption = byId<HTMLInputElement>("image-caption");
  private readonly credit = byId<HTMLInputElement>("image-credit");
  private readonly thumb = byId<HTMLImageElement>("image-thumb");
  private readonly info = byId("image-info");
  private readonly error = byId("image-error");
  private readonly confirm = byId<HTMLButtonElement>("image-confirm");
  private readonly fields = byId("image-fields");
  private readonly another = byId<HTMLButtonElement>("image-another");
  private record: ImageRecord | null = null;
  private options: AskOptions = {};
  /** The copy the dialog waits for: an answer for an older one is dropped. */
  private pending: Promise<ImageRecord> | null = null;
  /** Ends the dialog shown now (with null when it is cancelled). */
  private settle: ((choice: ImageChoice | null) => void) | null = null;
  /** Stores the texts; the dialog stays open with the error when it fails. */
  private save: (record: ImageRecord, text: ImageText) => Promise<ImageRecord> = async (r) => r;

  /** `pickAnother`: the native picker and the copy of its file, for "Choisir un autre
   *  fichier" after a refusal. */
  constructor(private readonly pickAnother: PickAnother | null = null) {
    this.another.addEventListener("click", () => void this.tryAnother());
    this.decorative.addEventListener("change", () => this.syncDecorative());
    this.alt.addEventListener("input", () => this.alt.removeAttribute("aria-invalid"));
    // Alt text is one line (a line break would end the image's paragraph): Enter confirms.
    this.alt.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      this.form.requestSubmit();
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submit();
    });
    byId("image-cancel").addEventListener("click", () => closeModal(this.dialog));
    this.dialog.addEventListener("close", () => this.finish(null));
  }

  isOpen(): boolean {
    return this.dialog.open;
  }

  /**
   * Opens the dialog for the image `pending` will give (the core is copying it) and resolves
   * with the writer's choice, or null when cancelled or when the image was refused (the
   * refusal stays on screen, in the UI's language, until the writer closes the dialog).
   * `save` stores the texts on the record before the dialog closes.
   */
  ask(pending: Promise<ImageRecord>, purpose: ImagePurpose, save: (record: ImageRecord, text: ImageText) => Promise<ImageRecord>, options: AskOptions = {}): Promise<ImageChoice | null> {
    this.finish(null);
    this.save = save;
    this.options = options;
    this.form.reset();
    this.syncDecorative();
    this.alt.removeAttribute("aria-invalid");
    this.error.hidden = true;
    const [title, confirm, scope] = TITLES[purpose];
    byId("image-dialog-title").textContent = t(title);
    this.confirm.textContent = t(confirm);
    const note = byId("image-scope");
    note.textContent = scope ? t(scope) : "";
    note.hidden = !scope;
    const answer = new Promise<ImageChoice | null>((resolve) => (this.settle = resolve));
    this.wait(pending);
    openModal(this.dialog, options.opener ?? null);
    this.alt.focus();
    return answer;
  }

  /** The copying state: the form shown, nothing to confirm until the record arrives. */
  private wait(pending: Promise<ImageRecord>): void {
    this.pending = pending;
    this.record = null;
    this.fields.hidden = false;
    this.another.hidden = true;
    this.confirm.hidden = false;
    this.error.hidden = true;
    this.thumb.hidden = true;
    this.thumb.removeAttribute("src");
    this.info.textContent = t("image.copying");
    this.confirm.disabled = true;
    pending.then(
      (record) => pending === this.pending && this.show(record),
      (err) => pending === this.pending && this.fail(err),
    );
  }

  /** "Choisir un autre fichier": the picker, then the dialog waits for that file instead. */
  private async tryAnother(): Promise<void> {
    if (!this.pickAnother) return;
    try {
      const next = await this.pickAnother();
      if (!next || !this.settle) return;
      this.options = { ...this.options, name: next.name };
      this.wait(next.pending);
      this.alt.focus();
    } catch (err) {
      this.showError(errorMessage(err));
    }
  }

  /** The image is in the library: its picture, size and the texts it already has. */
  private show(record: ImageRecord): void {
    if (!this.settle) return;
    this.record = record;
    this.thumb.src = imageUrl(record.id);
    this.thumb.alt = t("image.preview");
    this.thumb.hidden = false;
    this.info.textContent = [describeSize(record), record.original_name].filter(Boolean).join(" — ");
    if (this.options.alt !== undefined) {
      // A use already in the text: its own alt text, the image's decorative mark.
      this.alt.value = this.options.alt;
      this.decorative.checked = record.decorative && this.options.alt.trim() === "";
      this.syncDecorative();
    } else if (this.alt.value.trim() === "" && !this.decorative.checked) {
      // What the writer already typed wins over the record's defaults.
      this.alt.value = record.alt;
      this.decorative.checked = record.decorative;
      this.syncDecorative();
    }
    if (this.caption.value === "") this.caption.value = record.caption;
    if (this.credit.value === "") this.credit.value = record.credit;
    this.confirm.disabled = false;
  }

  /** The file was refused: named, the reason in the UI's words, the texts' form hidden (there
   *  is no image to describe), and another file offered. */
  private fail(err: unknown): void {
    if (!this.settle) return;
    const name = this.options.name;
    this.info.textContent = name ? t("image.refusedFile", { name }) : t("image.refusedPaste");
    this.fields.hidden = true;
    this.confirm.hidden = true;
    this.another.hidden = !this.pickAnother;
    this.showError(errorMessage(err));
    (this.pickAnother ? this.another : byId("image-cancel")).focus();
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }

  private syncDecorative(): void {
    this.alt.disabled = this.decorative.checked;
    if (this.decorative.checked) this.alt.removeAttribute("aria-invalid");
  }

  private async submit(): Promise<void> {
    const record = this.record;
    if (!record) return;
    const text: ImageText = {
      alt: this.decorative.checked ? "" : this.alt.value.replace(/\s+/g, " ").trim(),
      decorative: this.decorative.checked,
      caption: this.caption.value.trim(),
      credit: this.credit.value.trim(),
    };
    if (altMissing(text)) {
      this.alt.setAttribute("aria-invalid", "true");
      this.showError(t("image.altNeeded"));
      this.alt.focus();
      return;
    }
    this.error.hidden = true;
    this.confirm.disabled = true;
    try {
      const saved = await this.save(record, text);
      const settle = this.settle;
      this.settle = null;
      closeModal(this.dialog);
      settle?.({ record: saved, text });
    } catch (err) {
      this.confirm.disabled = false;
      this.showError(errorMessage(err));
    }
  }

  private finish(choice: ImageChoice | null): void {
    const settle = this.settle;
    this.settle = null;
    settle?.(choice);
  }
}
