import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveState } from "./autosave";

describe("Autosaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(save: (v: string) => Promise<void>) {
    const states: SaveState["kind"][] = [];
    const saver = new Autosaver<string>(save, (s) => states.push(s.kind), {
      debounceMs: 500,
      retryDelaysMs: [100, 200],
    });
    return { saver, states };
  }

  it("saves only the last value once the writer pauses", async () => {
    const saved: string[] = [];
    const { saver } = setup(async (v) => void saved.push(v));
    saver.schedule("a");
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule("ab");
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toEqual(["ab"]);
    expect(saver.hasUnsaved()).toBe(false);
  });

  it("flush saves immediately without waiting for the debounce", async () => {
    const saved: string[] = [];
    const { saver, states } = setup(async (v) => void saved.push(v));
    saver.schedule("texte");
    await saver.flush();
    expect(saved).toEqual(["texte"]);
    expect(states.at(-1)).toBe("saved");
  });

  it("keeps a failed value and retries it until it is saved", async () => {
    let failuresLeft = 2;
    const saved: string[] = [];
    const { saver, states } = setup(async (v) => {
      if (failuresLeft-- > 0) throw { code: "busy", message: "occupé" };
      saved.push(v);
    });
    saver.schedule("précieux");
    await vi.advanceTimersByTimeAsync(500);
    expect(states).toContain("error");
    expect(saver.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    await vi.advanceTimersByTimeAsync(200);
    expect(saved).toEqual(["précieux"]);
    expect(saver.hasUnsaved()).toBe(false);
  });

  it("a value typed during a save is saved after it, never lost", async () => {
    const saved: string[] = [];
    let release: () => void = () => undefined;
    const { saver } = setup(
      (v) =>
        new Promise<void>((resolve) => {
          release = () => {
            saved.push(v);
            resolve();
          };
        }),
    );
    saver.schedule("v1");
    const first = saver.flush();
    saver.schedule("v2");
    release();
    await Promise.resolve();
    const second = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await first;
    await second;
    expect(saved).toEqual(["v1", "v2"]);
  });

  it("flush rejects when the save keeps failing, and the value stays pending", async () => {
    const { saver } = setup(async () => {
      throw new Error("disque plein");
    });
    saver.schedule("x");
    await expect(saver.flush()).rejects.toThrow("disque plein");
    expect(saver.hasUnsaved()).toBe(true);
  });
});
