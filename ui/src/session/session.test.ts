import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Piece, PieceEdit } from "../api/ipc";
import { samplePiece as makePiece } from "../api/sample-piece";
import { Session, type SessionListener } from "./session";

const samplePiece: Piece = makePiece({
  title: "T", kicker: "K", standfirst: "S", body: "B", author: "A", author_role: "R", category: "C", lang: "fr",
  publication_date: null, issue_number: null, target_signs: null, tags: [],
});

const library = vi.hoisted(() => ({ pieces: new Map<number, Piece>(), saves: [] as PieceEdit[], conflictOnce: false, held: new Map<number, Promise<void>>() }));

vi.mock("../api/ipc", async (original) => {
  const actual = await original<typeof import("../api/ipc")>();
  const bump = (p: Piece): Piece => ({ ...p, version: p.version + 1, updated_at: `v${p.version + 1}` });
  return {
    ...actual,
    api: {
      getPiece: async (id: number) => {
        await library.held.get(id);
        return structuredClone(library.pieces.get(id));
      },
      savePiece: async (edit: PieceEdit) => {
        library.saves.push(edit);
        const stored = library.pieces.get(edit.id) as Piece;
        if (library.conflictOnce) {
          library.conflictOnce = false;
          const theirs = bump({ ...stored, body: "Leur version." });
          library.pieces.set(edit.id, theirs);
          throw { code: "conflict", message: "conflit", current: structuredClone(theirs) };
        }
        const { base_version: _b, kind: _k, tags: _t, slug, extra, ...fields } = edit;
        const saved = bump({ ...stored, ...fields, slug: slug ?? stored.slug, extra: extra ?? stored.extra });
        library.pieces.set(edit.id, saved);
        return structuredClone(saved);
      },
      setStatus: async (id: number, status: Piece["status"]) => {
        const saved = bump({ ...(library.pieces.get(id) as Piece), status });
        library.pieces.set(id, saved);
        return structuredClone(saved);
      },
    },
  };
});

/** Counts each event the features hear. */
function recorder() {
  const events: string[] = [];
  const listener: SessionListener = {
    loaded: () => events.push("loaded"),
    pieceChanged: () => events.push("pieceChanged"),
    saved: () => events.push("saved"),
    libraryChanged: () => events.push("libraryChanged"),
  };
  return { events, listener };
}

describe("open-piece session", () => {
  beforeEach(() => {
    library.pieces.clear();
    library.pieces.set(7, { ...samplePiece });
    library.saves.length = 0;
    library.held.clear();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("a save is heard once, with the saved piece; no list needs reading", async () => {
    const session = new Session({ ask: async () => "mine" });
    await session.open(7);
    const { events, listener } = recorder();
    session.listen(listener);
    session.update({ body: "Nouveau." });
    session.update({ body: "Nouveau texte." });
    await vi.advanceTimersByTimeAsync(1000);
    expect(library.saves.map((s) => s.body)).toEqual(["Nouveau texte."]);
    expect(events).toEqual(["pieceChanged", "saved"]);
    expect(session.current()).toMatchObject({ body: "Nouveau texte.", version: 5 });
  });

  it("a status change goes after the pending save and asks the lists to be read again", async () => {
    const session = new Session({ ask: async () => "mine" });
    await session.open(7);
    const { events, listener } = recorder();
    session.listen(listener);
    session.update({ title: "Titre" });
    const { api } = await import("../api/ipc");
    await session.change((id) => api.setStatus(id, "review"));
    expect(library.saves.map((s) => s.title)).toEqual(["Titre"]);
    expect(session.current()).toMatchObject({ title: "Titre", status: "review", version: 6 });
    expect(events).toEqual(["pieceChanged", "saved", "pieceChanged", "libraryChanged"]);
  });

  it("a conflict settled for the other version loads it, and nothing is saved over it", async () => {
    const ask = vi.fn(async () => "theirs" as const);
    const session = new Session({ ask });
    await session.open(7);
    const { events, listener } = recorder();
    session.listen(listener);
    library.conflictOnce = true;
    session.update({ body: "Ma version." });
    await session.flush();
    expect(ask).toHaveBeenCalledOnce();
    expect(session.current()?.body).toBe("Leur version.");
    expect(library.saves).toHaveLength(1);
    expect(events).toEqual(["loaded", "pieceChanged", "saved"]);
  });

  it("a conflict settled for the writer's version saves it on top of the other one", async () => {
    const session = new Session({ ask: async () => "mine" });
    await session.open(7);
    library.conflictOnce = true;
    session.update({ body: "Ma version." });
    await session.flush();
    expect(library.saves.map((s) => [s.body, s.kind, s.base_version])).toEqual([
      ["Ma version.", "save_point", 4],
      ["Ma version.", "save_point", 5],
    ]);
    expect(library.pieces.get(7)?.body).toBe("Ma version.");
  });

  // Regression: opening a piece then another before the first answered loaded whichever
  // answer came last — under load the first piece, though the writer had clicked the second.
  it("the piece opened last is the one loaded, whatever order the answers come in", async () => {
    library.pieces.set(8, { ...samplePiece, id: 8, title: "Autre" });
    let release = () => undefined as void;
    library.held.set(7, new Promise<void>((resolve) => (release = resolve)));
    const session = new Session({ ask: async () => "mine" });
    const loaded: (number | undefined)[] = [];
    session.listen({ loaded: (piece) => loaded.push(piece?.id) });
    const first = session.open(7);
    await session.open(8);
    release();
    await first;
    expect(session.current()?.id).toBe(8);
    expect(loaded).toEqual([8]);
  });
});
