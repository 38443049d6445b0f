// The lead image field of the metadata panel (the editor's portrait, the CMS's featured
// image): paste or drop an image on it, or pick a file; the image dialog asks its alt text,
// caption and credit; the piece's `lead_image` then holds its library reference. A thumbnail
// shows the image from the app-served address, with the texts the page will carry (alt text,
// caption, credit: the image's own, issue #14); "Modifier…" opens the dialog on them;
// "Retirer" empties the field.
import { api, imageUrl, type ImageRecord } from "../api/ipc";
import { byId } from "../app/dom";
import type { Notices } from "../app/desk";
import { t } from "../i18n";
import { addFile, addPicked, copyPasted, describe, fileName, imageFiles, pasteFailed, pastedImage, pickImage } from "../images/bring";
import type { ImageDialog } from "../images/dialog";
import { idOfReference, reference } from "../images/markdown";
import type { PieceSession } from "../session/session";

export class LeadImageField {
  private readonly zone = byId("meta-lead");
  private readonly thumb = byId<HTMLImageElement>("meta-lead-thumb");
  private readonly remove = byId<HTMLButtonElement>("meta-lead-remove");
  private readonly edit = byId<HTMLButtonElement>("meta-lead-edit");
  private readonly texts = byId("meta-lead-texts");
  /** The lead image shown, so a late answer for another one is dropped. */
  private shownId: string | null = null;

  constructor(
    private readonly session: PieceSession,
    private readonly dialog: ImageDialog,
    private readonly notices: Notices,
    /** The image's texts changed: the preview draws them again. */
    private readonly textsChanged: () => void = () => undefined,
  ) {
    byId("meta-lead-pick").addEventListener("click", () => void this.pick());
    this.edit.addEventListener("click", () => void this.editTexts());
    this.remove.addEventListener("click", () => {
      this.session.update({ lead_image: null });
      this.show(null);
      this.zone.focus();
    });
    this.zone.addEventListener("paste", (event) => {
      pastedImage(event)
        ?.then(copyPasted)
        .then((copy) => copy && this.choose(copy.pending, copy.name))
        .catch((err) => pasteFailed(this.notices, err));
    });
    this.zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      this.zone.classList.add("is-dragged-over");
    });
    this.zone.addEventListener("dragleave", () => this.zone.classList.remove("is-dragged-over"));
    this.zone.addEventListener("drop", (event) => {
      this.zone.classList.remove("is-dragged-over");
      const [file] = imageFiles(event.dataTransfer);
      if (!file) return;
      event.preventDefault();
      void this.choose(addFile(file, true), file.name);
    });
  }

  /** Shows the piece's lead image (`edito:image/<id>`), or the empty field. */
  show(lead: string | null, record: ImageRecord | null = null): void {
    const id = idOfReference(lead);
    this.shownId = id;
    this.thumb.hidden = !id;
    this.remove.hidden = !lead;
    this.edit.hidden = !id;
    if (id) {
      if (this.thumb.dataset.id !== id) this.thumb.src = imageUrl(id);
      this.thumb.dataset.id = id;
      this.thumb.alt = t("meta.leadImageAlt");
    } else {
      this.thumb.removeAttribute("src");
      delete this.thumb.dataset.id;
    }
    if (!id) return void (this.texts.hidden = true);
    if (record?.id === id) return this.showTexts(record);
    api.imageRecord(id).then(
      (found) => found.id === this.shownId && this.showTexts(found),
      () => id === this.shownId && (this.texts.hidden = true),
    );
  }

  /** Alt text (or "decorative", or the missing alt the export will ask for), caption, credit. */
  private showTexts(record: ImageRecord): void {
    const alt = byId("meta-lead-alt");
    const missing = !record.decorative && record.alt.trim() === "";
    alt.textContent = record.decorative ? t("meta.leadDecorative") : missing ? t("meta.leadNoAlt") : record.alt;
    alt.classList.toggle("is-missing", missing);
    for (const [name, value] of [["caption", record.caption], ["credit", record.credit]] as const) {
      byId(`meta-lead-${name}`).textContent = value;
      byId(`meta-lead-${name}`).hidden = value.trim() === "";
      byId(`meta-lead-${name}-label`).hidden = value.trim() === "";
    }
    this.texts.hidden = false;
  }

  /** "Modifier…": the dialog on the lead image's own texts; the page follows. */
  private async editTexts(): Promise<void> {
    const id = this.shownId;
    if (!id) return;
    const choice = await this.dialog.ask(api.imageRecord(id), "editLead", describe, { opener: this.edit });
    if (!choice) return;
    this.show(this.session.current()?.lead_image ?? null, choice.record);
    this.textsChanged();
  }

  private async pick(): Promise<void> {
    try {
      const path = await pickImage();
      if (path) await this.choose(addPicked(path), fileName(path), byId("meta-lead-pick"));
    } catch (err) {
      this.notices.showError(err);
    }
  }

  private async choose(pending: Promise<ImageRecord>, name: string | null, opener: HTMLElement | null = null): Promise<void> {
    const piece = this.session.current()?.id;
    const choice = await this.dialog.ask(pending, "lead", describe, { name, opener });
    if (!choice || this.session.current()?.id !== piece) return;
    const lead = reference(choice.record.id);
    this.session.update({ lead_image: lead });
    this.show(lead, choice.record);
    this.textsChanged();
  }
}
