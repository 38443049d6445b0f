// The export and import dialog (#export-dialog, Ctrl+E): the open piece to a file in one of
// the core's formats (`export_formats`: page, fragment, Markdown…) or to the clipboard, the
// whole archive to a folder with a progress bar and a cancel button, and Markdown files
// brought into the library. The shell opens the exported folder itself (`open_last_export`):
// the web side gets no path-opening access. Paths are only picked, in native dialogs the shell
// draws and records (#13.17: the file commands refuse any other path); the fields show them.
// The E2E tests answer those dialogs through the debug-only `EDITO_TEST_PICKS`. An existing
// file Edito did not write for this piece is replaced only after "Replace" (#11.4). The
// site's address is kept with the library's site settings (`site_settings`).
import { api, desktop, type ExportFormatInfo, type SiteSettings } from "../api/ipc";
import { isUiError } from "../i18n/errors";
import { byId, openModal } from "../app/dom";
import { t, type MessageKey } from "../i18n";
import type { PieceSession } from "../session/session";
import { failureText, importSummary, progressText, siteSummary, suggestedName, withSuffix } from "./words";

export class ExportDialog {
  private readonly dialog = byId<HTMLDialogElement>("export-dialog");
  private readonly status = byId("export-status");
  private readonly progress = byId<HTMLProgressElement>("export-progress");
  private readonly progressText = byId("export-progress-text");
  private running = false;
  /** The archive export's job id, from its first progress event (null until then). */
  private job: number | null = null;
  /** Cancel was asked before the job's id arrived: cancel it as soon as it does. */
  private cancelWanted = false;
  private site: SiteSettings | null = null;
  /** The core's formats, once `export_formats` answered. */
  private readonly formats: Promise<ExportFormatInfo[]>;

  constructor(
    private readonly session: PieceSession,
    private readonly afterImport: () => Promise<void>,
  ) {
    this.formats = this.listFormats();
    byId("export-choose").addEventListener("click", () => void this.choosePieceFile());
    byId("export-piece").addEventListener("click", () => void this.exportPiece());
    byId("export-copy").addEventListener("click", () => void this.copyFragment());
    byId("export-site-choose").addEventListener("click", () => void this.pickInto("export-site-dir", desktop.pickFolder(t("export.dialogFolder"))));
    byId("export-site-run").addEventListener("click", () => void this.exportSite());
    byId("export-cancel").addEventListener("click", () => this.cancelSite());
    byId("export-open-folder").addEventListener("click", () => void api.openLastExport().catch((err) => this.fail(err)));
    byId("import-choose-files").addEventListener("click", () => void this.pickInto("import-path", desktop.pickImport(false, t("import.dialogFiles"))));
    byId("import-choose-folder").addEventListener("click", () => void this.pickInto("import-path", desktop.pickImport(true, t("import.dialogFolder"))));
    byId("export-replace").addEventListener("click", () => void this.exportPiece(true));
    byId("import-run").addEventListener("click", () => void this.importPaths());
    // Closing while an export runs would hide its progress: cancel it instead.
    this.dialog.addEventListener("cancel", () => {
      if (this.running) this.cancelSite();
    });
  }

  /** `opener`: the toolbar button, when it was clicked (drawn active while open). */
  open(opener: HTMLElement | null = null): void {
    void this.suggestName();
    this.say("");
    void this.loadSiteSettings();
    openModal(this.dialog, opener);
  }

  /** Shows the stored site address unless the writer already typed one. */
  private async loadSiteSettings(): Promise<void> {
    try {
      this.site = await api.siteSettings();
    } catch {
      return; // The field stays as it is; the export still works with what is typed.
    }
    const field = byId<HTMLInputElement>("export-base-url");
    if (field.value.trim() === "" && this.site.base_url) field.value = this.site.base_url;
  }

  /** One radio per format, the first checked; the file name follows the chosen format. */
  private async listFormats(): Promise<ExportFormatInfo[]> {
    const formats = await api.exportFormats().catch((err) => {
      this.fail(err);
      return [] as ExportFormatInfo[];
    });
    const group = byId("export-formats");
    group.replaceChildren(
      ...formats.map((info, i) => {
        const input = Object.assign(document.createElement("input"), { type: "radio", name: "export-format", value: info.format, checked: i === 0 });
        input.addEventListener("change", () => {
          // A message about the other format (its file, its refusal) no longer applies.
          this.say("");
          byId("export-replace").hidden = true;
          void this.suggestName();
        });
        const label = Object.assign(document.createElement("span"), { textContent: t(info.label_key as MessageKey) });
        label.dataset.i18n = info.label_key;
        const row = document.createElement("label");
        row.append(input, " ", label);
        return row;
      }),
    );
    return formats;
  }

  private async format(): Promise<ExportFormatInfo | undefined> {
    const formats = await this.formats;
    const checked = document.querySelector<HTMLInputElement>('input[name="export-format"]:checked');
    return formats.find((info) => info.format === checked?.value) ?? formats[0];
  }

  /** The piece's file name in the chosen format, as the path field's hint; a typed path keeps
   * its name but takes the format's extension. */
  private async suggestName(): Promise<void> {
    const piece = this.session.current();
    const format = await this.format();
    if (!piece || !format) return;
    const path = byId<HTMLInputElement>("export-path");
    path.placeholder = suggestedName(piece.slug, format);
    const typed = path.value.trim();
    if (typed) path.value = withSuffix(typed, format, await this.formats);
  }

  private async choosePieceFile(): Promise<void> {
    const piece = this.session.current();
    const format = await this.format();
    if (!format) return;
    await this.pickInto("export-path", desktop.pickSaveFile(format.format, suggestedName(piece?.slug ?? "", format), t("export.dialogSave")));
  }

  /** Puts what a native picker returned into the path field (several paths, one a line). */
  private async pickInto(fieldId: string, picked: Promise<string | string[] | null>): Promise<void> {
    try {
      const result = await picked;
      if (result === null) return;
      byId<HTMLInputElement>(fieldId).value = Array.isArray(result) ? result.join("\n") : result;
    } catch (err) {
      this.fail(err);
    }
  }

  private async exportPiece(replace = false): Promise<void> {
    const piece = this.session.current();
    const path = byId<HTMLInputElement>("export-path").value.trim();
    const replaceButton = byId("export-replace");
    replaceButton.hidden = true;
    if (!piece) return;
    if (!path) return this.say(t("export.needPath"), true);
    const format = await this.format();
    if (!format) return;
    // A page with images takes seconds: say so, in place of the last export's message, and
    // keep the button from starting the same export twice.
    const run = byId<HTMLButtonElement>("export-piece");
    run.disabled = true;
    this.say(t("export.pieceRunning"));
    try {
      await this.session.flush();
      await api.exportPiece(piece.id, format.format, path, replace);
      this.say(t("export.pieceDone", { path }));
    } catch (err) {
      this.fail(err);
      // Ask before replacing a file Edito did not write: the focus goes to the question's
      // answer, never to a control that replaces on Space by accident elsewhere.
      if (isUiError(err) && err.code === "would_replace") {
        replaceButton.hidden = false;
        replaceButton.focus();
      }
    } finally {
      run.disabled = false;
    }
  }

  private async copyFragment(): Promise<void> {
    const piece = this.session.current();
    if (!piece) return;
    try {
      await this.session.flush();
      await desktop.copy(await api.exportFragment(piece.id));
      this.say(t("export.copied"));
    } catch (err) {
      this.fail(err);
    }
  }

  private async exportSite(): Promise<void> {
    const dir = byId<HTMLInputElement>("export-site-dir").value.trim();
    if (!dir) return this.say(t("export.needFolder"), true);
    const status = byId<HTMLSelectElement>("export-site-status").value === "all" ? "all" : "published";
    const baseUrl = byId<HTMLInputElement>("export-base-url").value.trim();
    byId("export-open-folder").hidden = true;
    this.job = null;
    this.cancelWanted = false;
    this.showProgress(0, 0);
    const unlisten = await desktop
      .onJobProgress((p) => {
        if (p.kind !== "site_export" || (this.job !== null && p.job !== this.job)) return;
        if (this.job === null) {
          this.job = p.job;
          if (this.cancelWanted) this.cancelSite();
        }
        this.showProgress(p.done, p.total);
      })
      .catch(() => null);
    try {
      await this.session.flush();
      const site = { ...(this.site ?? (await api.siteSettings())), base_url: baseUrl || null };
      await api.saveSiteSettings(site);
      this.site = site;
      const report = await api.exportSite(dir, status, baseUrl || undefined);
      this.say(siteSummary(report));
      byId("export-open-folder").hidden = false;
    } catch (err) {
      this.fail(err);
    } finally {
      unlisten?.();
      this.running = false;
      this.job = null;
      byId("export-cancel").hidden = true;
    }
  }

  /** Stops the running archive export, or asks for it to stop as soon as its id is known. */
  private cancelSite(): void {
    if (this.job === null) {
      this.cancelWanted = true;
      return;
    }
    void api.cancelJob(this.job).catch(() => undefined);
  }

  private showProgress(done: number, total: number): void {
    this.running = true;
    byId("export-progress-box").hidden = false;
    byId("export-cancel").hidden = false;
    this.progress.max = Math.max(total, 1);
    this.progress.value = done;
    this.progressText.textContent = progressText(done, total);
  }

  private async importPaths(): Promise<void> {
    const paths = byId<HTMLTextAreaElement>("import-path").value.split("\n").map((p) => p.trim()).filter(Boolean);
    if (paths.length === 0) return this.say(t("import.needPath"), true);
    try {
      const report = await api.importPaths(paths);
      const list = byId("import-summary");
      list.replaceChildren(...importSummary(report).map((line) => Object.assign(document.createElement("li"), { textContent: line })));
      this.say(importSummary(report)[0]);
      await this.afterImport();
      const first = report.created[0] ?? report.updated[0];
      if (first) await this.session.open(first.id);
    } catch (err) {
      this.fail(err);
    }
  }

  private say(message: string, problem = false): void {
    this.status.textContent = message;
    this.status.dataset.kind = problem ? "error" : "ok";
  }

  private fail(err: unknown): void {
    this.say(failureText(err), true);
  }
}
