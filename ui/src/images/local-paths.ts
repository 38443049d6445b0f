// Hand-typed images that point at the writer's disk (`![…](/home/…/photo.png)`, `file:///…`):
// they would show only on this computer and break every export elsewhere. After a pause the
// desk offers to copy the file into the library; the copy goes through the native dialog,
// opened on that very file for the writer to confirm (the shell reads only files a person
// chose in its dialogs: a piece imported from someone else cannot make Edito read a file by
// naming it), and the destination is then rewritten to the library reference, alt kept.
import type { EditorView } from "@codemirror/view";
import type { Notices } from "../app/desk";
import { t } from "../i18n";
import type { PieceSession } from "../session/session";
import { addPicked, pickImage } from "./bring";
import { localImages, reference, type LocalImage } from "./markdown";

/** How long the writer pauses before the offer shows (they may still be typing the path). */
export const OFFER_DELAY_MS = 1200;

export interface OfferElements {
  box: HTMLElement;
  text: HTMLElement;
  copy: HTMLButtonElement;
}

export class LocalImageOffer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private offered: LocalImage | null = null;

  constructor(
    private readonly view: EditorView,
    session: PieceSession,
    private readonly el: OfferElements,
    private readonly notices: Notices,
  ) {
    el.copy.addEventListener("click", () => void this.copy());
    session.listen({
      loaded: () => this.later(),
      edited: (_piece, patch) => {
        if (patch.body !== undefined) this.later();
      },
    });
  }

  /** Looks at the text again after the next pause. */
  private later(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), OFFER_DELAY_MS);
  }

  /** Shows the offer for the first local image of the text, or hides it when none is left. */
  check(): void {
    this.timer = null;
    const text = this.view.state.doc.toString();
    const [first] = text.includes("![") ? localImages(text) : [];
    this.offered = first ?? null;
    this.el.box.hidden = !first;
    if (first) this.el.text.textContent = t("image.localOffer", { name: baseName(first.path) });
  }

  /** The dialog on the typed file, the copy, then the destination rewritten where it is now. */
  private async copy(): Promise<void> {
    const offered = this.offered;
    if (!offered) return;
    try {
      const path = await pickImage(offered.path);
      if (!path) return;
      const record = await addPicked(path);
      // The text may have moved while the dialog was open: find the same destination again.
      const now = localImages(this.view.state.doc.toString()).find((img) => img.path === offered.path);
      if (now) {
        this.view.dispatch({ changes: { from: now.from, to: now.to, insert: reference(record.id) }, userEvent: "input.image" });
        this.notices.showNotice(t("image.localCopied", { name: baseName(offered.path) }));
      }
    } catch (err) {
      this.notices.showError(err);
    } finally {
      this.check();
    }
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
