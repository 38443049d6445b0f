// The test API: the one object (`window.__edito`) through which the E2E and browser tests
// drive the app where the DOM alone cannot — the open piece, the editor's text and cursor,
// the measurements and the IPC calls. Production code exposes nothing else; tests never
// reach into CodeMirror or the desk's internals.
import { ipcCalls, type IpcCall, type Piece, type PieceSummary } from "../api/ipc";
import type { Sidebar } from "../library/sidebar";
import type { PerfSample, PerfSummary } from "../perf/perf";
import type { PiecePatch, Session } from "../session/session";
import type { Preferences } from "../settings/preferences";
import type { Controls } from "./controls";
import type { Desk } from "./desk";
import type { Action } from "./shortcuts";

export interface TestApi {
  /** A copy of the open piece as the writer sees it (unsaved edits included), or null. */
  current(): Piece | null;
  /** Opens piece `id` (after a save point of the open one). */
  open(id: number): Promise<void>;
  /** Edits fields of the open piece, as the metadata panel would. */
  update(patch: PiecePatch): void;
  flush(): Promise<void>;
  hasUnsaved(): boolean;
  /** The body in the editor. */
  text(): string;
  /** Replaces the whole body as one edit (saved and rendered like typing). */
  setText(text: string): void;
  /** Focuses the editor. */
  focusEditor(): void;
  /** Puts the selection at `anchor`..`head` (UTF-16 offsets in the body; `head` defaults to
   *  `anchor`, a cursor). A negative offset counts from the end of the body. */
  select(anchor: number, head?: number): void;
  /** Offsets of the start and end of 1-based line `n` (clamped to the body's lines). */
  lineStart(n: number): number;
  lineEnd(n: number): number;
  lineCount(): number;
  /** The 1-based line of the cursor. */
  cursorLine(): number;
  /** The first line visible at the top of the editor. */
  topLine(): number;
  /** Scrolls the editor so that line `n` is at its top. */
  scrollToLine(n: number): void;
  /** Scrolls the editor to `fraction` (0–1) of its height. */
  scrollToFraction(fraction: number): void;
  /** The pieces the sidebar knows (every live piece, most recent first). */
  pieces(): PieceSummary[];
  /** Reads the library's lists again, as after another process changed it. */
  reloadLibrary(): Promise<void>;
  /** Changes preferences (theme, focus mode…) as the settings would. */
  setPreferences(patch: Partial<Preferences>): void;
  /** Runs a desk action (quick open, export…) as its shortcut would. */
  run(action: Action): void;
  /** Keystroke → preview measurements. */
  perf: { clear(): void; summary(): PerfSummary; samples(): PerfSample[] };
  /** The commands sent so far (the last 500), oldest first. */
  ipcCalls(): IpcCall[];
}

declare global {
  interface Window {
    __edito?: TestApi;
  }
}

export function exposeTestApi({ desk, session, sidebar, controls }: { desk: Desk; session: Session; sidebar: Sidebar; controls: Controls }): TestApi {
  const view = desk.editor.view;
  const line = (n: number) => view.state.doc.line(Math.min(Math.max(1, n), view.state.doc.lines));
  const offset = (pos: number) => Math.min(view.state.doc.length, pos < 0 ? view.state.doc.length + pos : pos);
  const testApi: TestApi = {
    current: () => {
      const piece = session.current();
      return piece ? structuredClone(piece) : null;
    },
    open: (id) => session.open(id),
    update: (patch) => session.update(patch),
    flush: () => session.flush(),
    hasUnsaved: () => session.hasUnsaved(),
    text: () => desk.editor.text(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focusEditor: () => view.focus(),
    select: (anchor, head) => view.dispatch({ selection: { anchor: offset(anchor), head: head === undefined ? undefined : offset(head) } }),
    lineStart: (n) => line(n).from,
    lineEnd: (n) => line(n).to,
    lineCount: () => view.state.doc.lines,
    cursorLine: () => view.state.doc.lineAt(view.state.selection.main.head).number,
    topLine: () => {
      const h = view.scrollDOM.getBoundingClientRect().top - view.documentTop;
      return view.state.doc.lineAt(view.lineBlockAtHeight(Math.max(0, h)).from).number;
    },
    scrollToLine: (n) => {
      view.scrollDOM.scrollTop = view.lineBlockAt(line(n).from).top;
    },
    scrollToFraction: (fraction) => {
      view.scrollDOM.scrollTop = fraction * view.scrollDOM.scrollHeight;
    },
    pieces: () => sidebar.pieces(),
    reloadLibrary: () => sidebar.reload(),
    setPreferences: (patch) => controls.set(patch),
    run: (action) => controls.run(action),
    perf: { clear: () => desk.perf.clear(), summary: () => desk.perf.summary(), samples: () => [...desk.perf.samples] },
    ipcCalls,
  };
  window.__edito = testApi;
  return testApi;
}
