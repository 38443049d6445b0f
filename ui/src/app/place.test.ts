import { describe, expect, it } from "vitest";
import { loadPlace, savePlace } from "./place";

function memory() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe("the writer's place", () => {
  it("reads back what was saved, and nothing from a damaged entry", () => {
    const storage = memory();
    expect(loadPlace(storage)).toBeNull();
    savePlace({ piece: 3, anchor: 120, head: 125, top: 480, focus: "body" }, storage);
    expect(loadPlace(storage)).toEqual({ piece: 3, anchor: 120, head: 125, top: 480, focus: "body" });
    storage.setItem("edito.place", "{nope");
    expect(loadPlace(storage)).toBeNull();
    storage.setItem("edito.place", JSON.stringify({ piece: -1, anchor: 0, head: 0, top: 0 }));
    expect(loadPlace(storage)).toBeNull();
  });
});
