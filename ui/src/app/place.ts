// Where the writer was: the open piece, the body's cursor and scroll, and the field holding
// the keyboard focus — remembered in the webview's storage as they change, and restored when
// the app opens again (issue #11: reopening put the cursor at the top, lost the scroll and the
// focus, and once opened the most recently changed piece instead of the one being written).

const STORAGE_KEY = "edito.place";

/** The field that had the focus: a head field or the body. */
export type PlaceField = "kicker" | "title" | "standfirst" | "body";

export interface Place {
  /** The open piece's id. */
  piece: number;
  /** The body's selection, UTF-16 offsets. */
  anchor: number;
  head: number;
  /** The body's scroll: the UTF-16 offset of the first line at the top of the editor (line
   *  heights are measured anew after a restart, so pixels would drift). */
  top: number;
  focus: PlaceField | null;
}

/** The remembered place, or null when none (or an unreadable one) is stored. */
export function loadPlace(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): Place | null {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<Place>;
    const whole = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0;
    if (!whole(p.piece) || !whole(p.anchor) || !whole(p.head) || !whole(p.top)) return null;
    const focus = ["kicker", "title", "standfirst", "body"].includes(p.focus as string) ? (p.focus as PlaceField) : null;
    return { piece: p.piece!, anchor: p.anchor!, head: p.head!, top: p.top!, focus };
  } catch {
    return null;
  }
}

export function savePlace(place: Place, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(place));
  } catch {
    // A full or private storage only costs finding the place again.
  }
}
