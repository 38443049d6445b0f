// The open-piece session: the piece the desk edits, its saves (one library call at a time,
// each naming the version it was based on, a conflict settled by the writer), and the events
// the features hear. The sidebar, metadata panel, history and export dialogs depend on the
// small `PieceSession` interface, never on the desk that draws the piece.
import { api, conflictOf, type Piece, type SaveKind } from "../api/ipc";
import { Autosaver, type SaveState } from "../autosave/autosave";
import type { ConflictChoice } from "../conflict/conflict";
import { editOf, type PieceState } from "../app/piece";

/** The fields a writer edits through the session (the rest is the library's bookkeeping). */
export type PiecePatch = Partial<Omit<PieceState, "id" | "version" | "tags" | "status">>;

/** What the features hear. Each event fires once per change. */
export interface SessionListener {
  /** A piece was loaded whole (opened, created, restored, the other version taken in a
   *  conflict), or none is open any more (null): show its text. */
  loaded?(piece: PieceState | null): void;
  /** The writer edited `patch` (not yet saved). */
  edited?(piece: PieceState, patch: PiecePatch): void;
  /** The library answered for the open piece (a save, a tag or status change): its new
   *  bookkeeping (version, slug, status, tags, dates). */
  pieceChanged?(piece: PieceState): void;
  /** A save came back: the saved piece carries everything a list row shows, so a list
   *  patches that row instead of being read again. */
  saved?(piece: Piece): void;
  /** What the lists show may have changed in a way one row cannot tell (a new piece, the
   *  trash, tags, a status): read them again. */
  libraryChanged?(): void;
  /** The autosave indicator. */
  saveState?(state: SaveState): void;
}

/** What a feature may do with the open piece. */
export interface PieceSession {
  /** The open piece as the writer sees it (unsaved edits included), or null. */
  current(): PieceState | null;
  /** Makes a save point of the open piece, then opens piece `id`. */
  open(id: number): Promise<void>;
  /** Changes editable fields of the open piece; saved once the writer pauses. */
  update(patch: PiecePatch): void;
  /** Runs a library call on the open piece (tags, status, restore…) after the pending save,
   *  and takes the piece it returns as the new state; null when no piece is open. */
  change(op: (id: number) => Promise<Piece>): Promise<Piece | null>;
  /** A save point of whatever the writer typed; rejects if it cannot be saved. */
  flush(): Promise<void>;
  hasUnsaved(): boolean;
  /** Forgets the open piece (moved to the trash) and opens the most recent other one. */
  closeCurrent(): Promise<void>;
  /** Something changed the library outside the open piece (a piece back from the trash):
   *  the lists are read again. */
  changedLibrary(): void;
  /** Adds `listener`; returns the function that removes it. */
  listen(listener: SessionListener): () => void;
}

/** How a conflict is settled: the writer chooses between their text and the saved one. */
export interface ConflictResolver {
  ask(mine: Piece, theirs: Piece): Promise<ConflictChoice>;
}

/** The fields whose change means the editor must show the piece again. */
const TEXT_FIELDS = ["title", "kicker", "standfirst", "body"] as const;

export class Session implements PieceSession {
  private piece: PieceState | null = null;
  private readonly saver: Autosaver<PieceState>;
  private readonly listeners = new Set<SessionListener>();
  private nextKind: SaveKind = "autosave";
  /** The slug as the library last returned it: a save sends a slug only when the writer
   *  typed another, so the library's rule (the slug follows the title) is not undone by a
   *  save that was queued before the library's answer came back. */
  private storedSlug: string | null = null;
  /** Library calls on the open piece run one at a time, so none is based on a stale version. */
  private chain: Promise<unknown> = Promise.resolve();
  /** Numbers each open, new piece and close: only the latest one's answer is loaded. */
  private requests = 0;

  constructor(
    private readonly conflicts: ConflictResolver,
    autosave: { debounceMs?: number } = {},
  ) {
    this.saver = new Autosaver<PieceState>(
      (piece) => this.exclusive(() => this.save(piece)),
      (state) => this.emit((l) => l.saveState?.(state)),
      autosave,
    );
  }

  listen(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** First screen: the welcome piece on a new library, else piece `preferred` (the one open
   *  when the app was closed) if it is still live, else the most recent piece; then the lists
   *  are read for the first time. */
  async start(preferred: number | null = null): Promise<void> {
    const request = ++this.requests;
    await api.offerWelcomePiece();
    const pieces = await api.listPieces();
    // A piece opened meanwhile is the one the writer wants.
    if (request === this.requests) {
      const first = pieces.find((p) => p.id === preferred) ?? pieces[0];
      if (first) await this.open(first.id);
      else this.load(null);
    }
    this.emit((l) => l.libraryChanged?.());
  }

  current(): PieceState | null {
    return this.piece;
  }

  hasUnsaved(): boolean {
    return this.saver.hasUnsaved();
  }

  async flush(): Promise<void> {
    if (!this.saver.hasUnsaved()) return;
    this.nextKind = "save_point";
    try {
      await this.saver.flush();
    } finally {
      this.nextKind = "autosave";
    }
  }

  /** Opens piece `id`. When another piece is opened or created before it comes back, that
   *  one wins: answers are applied only for the latest request, whatever their order. */
  async open(id: number): Promise<void> {
    const request = ++this.requests;
    if (this.piece) await this.flush();
    const piece = await api.getPiece(id);
    if (request === this.requests) this.load(piece);
  }

  /** Creates an empty piece in the open piece's language and opens it; returns it. */
  async newPiece(): Promise<Piece> {
    const request = ++this.requests;
    if (this.piece) await this.flush();
    const piece = await api.createPiece({ title: "", lang: this.piece?.lang ?? "fr" });
    if (request === this.requests) this.load(piece);
    this.emit((l) => l.libraryChanged?.());
    return piece;
  }

  update(patch: PiecePatch): void {
    if (!this.piece) return;
    this.piece = { ...this.piece, ...patch };
    this.saver.schedule(this.piece);
    const piece = this.piece;
    this.emit((l) => l.edited?.(piece, patch));
  }

  async change(op: (id: number) => Promise<Piece>): Promise<Piece | null> {
    if (!this.piece) return null;
    await this.saver.flush();
    const id = this.piece.id;
    const piece = await this.exclusive(() => op(id));
    if (this.piece?.id !== piece.id) return piece;
    const textChanged = TEXT_FIELDS.some((f) => piece[f] !== this.piece?.[f]);
    if (textChanged) this.load(piece);
    else this.accept(piece);
    this.emit((l) => l.libraryChanged?.());
    return piece;
  }

  async closeCurrent(): Promise<void> {
    this.piece = null;
    const request = ++this.requests;
    const pieces = await api.listPieces();
    // A piece opened meanwhile is the one the writer wants.
    if (request === this.requests) {
      if (pieces.length > 0) await this.open(pieces[0].id);
      else this.load(null);
    }
    this.emit((l) => l.libraryChanged?.());
  }

  changedLibrary(): void {
    this.emit((l) => l.libraryChanged?.());
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
    let saved: Piece;
    try {
      saved = await api.savePiece(this.editOf(piece, kind, base));
    } catch (err) {
      const current = conflictOf(err);
      if (!current) throw err;
      const choice = await this.conflicts.ask(piece, current);
      if (choice === "mine") saved = await api.savePiece(this.editOf(piece, "save_point", current.version));
      else {
        if (this.piece?.id === current.id) this.load(current);
        saved = current;
      }
    }
    if (this.piece?.id === saved.id && this.piece.version !== saved.version) this.accept(saved);
    this.emit((l) => l.saved?.(saved));
  }

  private editOf(piece: PieceState, kind: SaveKind, base: number) {
    const edit = editOf(piece, kind, base);
    return piece.slug === this.storedSlug ? { ...edit, slug: null } : edit;
  }

  /** Takes the library's bookkeeping of a saved piece without touching what the writer types. */
  private accept(saved: Piece): void {
    if (this.piece?.id !== saved.id) return;
    const { version, updated_at, slug, tags, status, trashed_at, created_at } = saved;
    this.storedSlug = slug;
    this.piece = { ...this.piece, version, updated_at, slug, tags, status, trashed_at, created_at };
    const piece = this.piece;
    this.emit((l) => l.pieceChanged?.(piece));
  }

  private load(piece: Piece | null): void {
    this.piece = piece ? { ...piece } : null;
    this.storedSlug = piece?.slug ?? null;
    const loaded = this.piece;
    this.emit((l) => l.loaded?.(loaded));
    if (loaded) this.emit((l) => l.pieceChanged?.(loaded));
  }

  private emit(event: (listener: SessionListener) => void): void {
    for (const listener of this.listeners) event(listener);
  }
}
