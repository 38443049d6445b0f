// The preview driver: decides when the core renders. The body is rendered as soon as the core
// is idle — no fixed delay — with at most one render in flight; text typed meanwhile is
// coalesced and the latest wins. The page around the body (the theme's header with kicker,
// title, standfirst, section, date and tags, and the signature) is rendered by the core after
// a short pause, and only when one of those fields changed. The spell checker can check
// the text of the last render by its number, so the body does not cross the bridge again.
import { api, type Counts, type Lang, type Misspelling, type Piece, type PreviewUpdate } from "../api/ipc";
import type { PerfLog } from "../perf/perf";
import type { PreviewPane } from "./preview";

/** Quiet time after the last change of a field around the body before the page is rendered, in ms. */
export const HEAD_DEBOUNCE_MS = 150;

/** What the driver reports back to the desk. */
export interface PreviewHooks {
  /** A render is on screen, with the counts of the text it showed. */
  painted(counts: Counts | undefined): void;
  /** The body is empty: there is nothing to count. */
  emptied(): void;
  /** The page around the body was replaced (the preview's layout changed without a render). */
  relaid?(): void;
  /** The placeholder for an empty body, in the UI's words. */
  emptyMessage(): string;
  error(err: unknown): void;
}

/** What the core can do for the driver (the Tauri commands, or a stand-in in tests). */
export interface PreviewCore {
  renderPreview(markdown: string, lang: Lang, shown: number | null): Promise<PreviewUpdate>;
  /** The theme's page for the piece's fields, with the slot for the body. */
  previewPage(fields: PageFields): Promise<string>;
  checkSpelling(markdown: string, lang: Lang): Promise<Misspelling[]>;
  checkRenderedSpelling(generation: number, lang: Lang): Promise<Misspelling[] | null>;
}

interface Wanted {
  body: string;
  lang: Lang;
}

/** The piece without its body: what the page around the body is made of. */
export type PageFields = Omit<Piece, "body">;

/** What the page shows: every field but the saves' bookkeeping and the slug (the page uses it
 *  only for its canonical address in <head>, which the preview drops). Since the slug follows
 *  the title, a save after a title was typed changed it and asked for the page a second time. */
const headKey = (fields: PageFields) => {
  const { version: _version, updated_at: _updated, slug: _slug, ...shown } = fields;
  return JSON.stringify(shown);
};

export class PreviewDriver {
  private wanted: Wanted | null = null;
  private whole = false;
  private busy = false;
  /** The text of the render on screen and its number, for spell checking by reference. */
  private rendered: { generation: number; body: string; lang: Lang } | null = null;
  private headTimer: ReturnType<typeof setTimeout> | null = null;
  private headSent = "";
  private headSeq = 0;
  /** Bumped when another piece is loaded: answers asked for the previous one are dropped. */
  private epoch = 0;
  /** Whether the body on screen is the current piece's (false from `reset` until its first
   *  render or placeholder is shown). */
  private bodyCurrent = true;
  /** The new piece's page, kept until its body is ready to go in with it. */
  private heldPage: string | null = null;

  constructor(
    private readonly pane: PreviewPane,
    private readonly hooks: PreviewHooks,
    private readonly perf: PerfLog,
    private readonly core: PreviewCore = api,
    private readonly headDelayMs = HEAD_DEBOUNCE_MS,
  ) {}

  /** Another piece is shown: its head now, its whole body as soon as the core is idle. */
  reset(body: string, lang: Lang, head: PageFields): void {
    this.epoch += 1;
    this.rendered = null;
    this.bodyCurrent = false;
    this.heldPage = null;
    this.setHead(head, true);
    this.setBody(body, lang, true);
  }

  /** The body (or its language) changed: render it as soon as the core is free. */
  setBody(body: string, lang: Lang, whole = false): void {
    this.wanted = { body, lang };
    this.whole ||= whole;
    if (!this.busy) void this.pump();
  }

  /** A field around the body changed: render the page after a pause, unless it reads as
   *  what was last sent. */
  setHead(head: PageFields, now = false): void {
    if (this.headTimer !== null) clearTimeout(this.headTimer);
    this.headTimer = null;
    const key = headKey(head);
    if (key === this.headSent && !now) return;
    if (now) return void this.showPage(head, key);
    this.headTimer = setTimeout(() => {
      this.headTimer = null;
      this.showPage(head, key);
    }, this.headDelayMs);
  }

  /** Misspellings in `markdown`: by reference to the last render when it is that text, else
   *  with the text itself. */
  async checkSpelling(markdown: string, lang: Lang): Promise<Misspelling[]> {
    const rendered = this.rendered;
    if (rendered && rendered.body === markdown && rendered.lang === lang) {
      const found = await this.core.checkRenderedSpelling(rendered.generation, lang);
      if (found) return found;
    }
    return this.core.checkSpelling(markdown, lang);
  }

  /** True while a render is in flight or waiting. */
  pending(): boolean {
    return this.busy || this.wanted !== null;
  }

  /** Asks the core for the page; the answer is dropped when a newer page was asked since. A
   *  new piece's page waits for that piece's body: painted alone it would frame the previous
   *  piece's body (the page comes back much sooner than a long body's render). */
  private showPage(head: PageFields, key: string): void {
    this.headSent = key;
    const seq = ++this.headSeq;
    this.core
      .previewPage(head)
      .then((page) => {
        if (seq !== this.headSeq) return;
        if (!this.bodyCurrent) return void (this.heldPage = page);
        this.pane.showPage(page);
        this.hooks.relaid?.();
      })
      .catch((err) => {
        if (seq === this.headSeq) this.hooks.error(err);
      });
  }

  /** The current piece's body is going on screen now: its page goes in with it. */
  private bodyShown(): void {
    this.bodyCurrent = true;
    if (this.heldPage === null) return;
    this.pane.showPage(this.heldPage);
    this.heldPage = null;
  }

  /** Renders the latest wanted text until none is left; one call at a time. */
  private async pump(): Promise<void> {
    this.busy = true;
    try {
      while (this.wanted) {
        const { body, lang } = this.wanted;
        this.wanted = null;
        const whole = this.whole;
        this.whole = false;
        if (body.trim() === "") {
          this.rendered = null;
          this.bodyShown();
          this.pane.showMessage(this.hooks.emptyMessage());
          this.hooks.emptied();
          continue;
        }
        await this.render(body, lang, whole);
      }
    } finally {
      this.busy = false;
    }
  }

  private async render(body: string, lang: Lang, whole: boolean): Promise<void> {
    const epoch = this.epoch;
    const done = this.perf.previewStarted(body.length);
    try {
      const update = await this.core.renderPreview(body, lang, whole ? null : this.pane.shown());
      // Asked for a piece no longer shown: `reset` has queued the current one's body.
      if (epoch !== this.epoch) return;
      const answeredAt = performance.now();
      // An update made against a render this page never showed: ask for every block. Every
      // answer is painted (it is newer than what is on screen), so the next one can be a
      // small change against it.
      if (!this.pane.show(update)) {
        this.wanted ??= { body, lang };
        this.whole = true;
        return;
      }
      this.bodyShown();
      // Reading the height makes the layout happen now, inside the measurement.
      void this.pane.body()?.offsetHeight;
      done(answeredAt);
      this.rendered = { generation: update.generation, body, lang };
      this.hooks.painted(update.counts);
    } catch (err) {
      if (epoch === this.epoch) this.hooks.error(err);
    }
  }
}
