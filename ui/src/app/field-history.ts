// Undo and redo in the desk's plain text fields (kicker, title, standfirst, the details):
// the desk keeps each field's own history instead of the webview's, which WebKitGTK loses
// once other parts of the page change (issue #11: Ctrl+Z in the title did nothing once the
// title had been autosaved; emptying a title could only be undone from the history).
// Typing in one run is one step, as in the body's editor.

type TextField = HTMLInputElement | HTMLTextAreaElement;

interface Step {
  value: string;
  start: number;
  end: number;
}

/** Consecutive inputs closer than this are one undo step. */
const GROUP_MS = 800;
/** Steps kept per field. */
const LIMIT = 200;

export interface FieldHistory {
  /** Forgets the history and starts from the field's current value (a piece was loaded). */
  reset(): void;
  undo(): boolean;
  redo(): boolean;
}

/** Takes over undo/redo of `field`; `changed` hears a value set by undo or redo, as if typed. */
export function fieldHistory(field: TextField, changed: () => void, now: () => number = () => performance.now()): FieldHistory {
  let steps: Step[] = [];
  let index = 0;
  let lastInput = -Infinity;
  const snapshot = (): Step => ({ value: field.value, start: field.selectionStart ?? field.value.length, end: field.selectionEnd ?? field.value.length });
  const reset = () => {
    steps = [snapshot()];
    index = 0;
    lastInput = -Infinity;
  };
  const apply = (step: Step) => {
    field.value = step.value;
    field.setSelectionRange(step.start, step.end);
    changed();
  };
  const move = (by: -1 | 1): boolean => {
    const next = index + by;
    if (next < 0 || next >= steps.length) return false;
    index = next;
    lastInput = -Infinity;
    apply(steps[index]);
    return true;
  };
  const history: FieldHistory = { reset, undo: () => move(-1), redo: () => move(1) };

  field.addEventListener("input", (event) => {
    const type = (event as InputEvent).inputType ?? "";
    if (type === "historyUndo" || type === "historyRedo") return;
    const at = now();
    const typing = type === "insertText" || type === "deleteContentBackward";
    steps = steps.slice(0, index + 1);
    if (typing && at - lastInput < GROUP_MS && index > 0) steps[index] = snapshot();
    else steps.push(snapshot());
    if (steps.length > LIMIT) steps.shift();
    index = steps.length - 1;
    lastInput = typing ? at : -Infinity;
  });
  field.addEventListener("keydown", (event) => {
    const e = event as KeyboardEvent;
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const isUndo = key === "z" && !e.shiftKey;
    const isRedo = (key === "z" && e.shiftKey) || (key === "y" && !e.shiftKey);
    if (!isUndo && !isRedo) return;
    // The webview's own undo would replay its (lost or stale) history over ours.
    e.preventDefault();
    if (isUndo) history.undo();
    else history.redo();
  });
  // The Edit menu's Undo (a context menu) arrives as beforeinput.
  field.addEventListener("beforeinput", (event) => {
    const type = (event as InputEvent).inputType;
    if (type !== "historyUndo" && type !== "historyRedo") return;
    event.preventDefault();
    if (type === "historyUndo") history.undo();
    else history.redo();
  });
  reset();
  return history;
}
