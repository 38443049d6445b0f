// The desk's layout: the editor/preview split (drag or arrow keys on the separator), the
// preview shown or hidden, and distraction-free full screen.
import { clampSplit } from "../settings/preferences";

export interface LayoutElements {
  panes: HTMLElement;
  splitter: HTMLElement;
}

/** Makes the separator resize the editor; `onChange` gets the new split (percent). */
export function setupSplitter(el: LayoutElements, initial: number, onChange: (split: number) => void): (split: number) => void {
  const apply = (split: number) => {
    const value = clampSplit(split);
    el.panes.style.setProperty("--split", `${value}%`);
    el.splitter.setAttribute("aria-valuenow", String(value));
    return value;
  };
  apply(initial);
  const set = (split: number) => onChange(apply(split));

  el.splitter.addEventListener("keydown", (event) => {
    const now = Number(el.splitter.getAttribute("aria-valuenow"));
    const step = event.shiftKey ? 10 : 2;
    const next: Record<string, number> = { ArrowLeft: now - step, ArrowRight: now + step, Home: 20, End: 80 };
    if (event.key in next) {
      event.preventDefault();
      set(next[event.key]);
    }
  });
  el.splitter.addEventListener("pointerdown", (event) => {
    el.splitter.setPointerCapture(event.pointerId);
    el.panes.classList.add("is-resizing");
    const rect = () => {
      const editor = el.panes.querySelector<HTMLElement>(".editor-pane");
      return { left: editor?.getBoundingClientRect().left ?? 0, width: el.panes.getBoundingClientRect().width };
    };
    const move = (e: PointerEvent) => {
      const { left, width } = rect();
      if (width > 0) set(((e.clientX - left) / width) * 100);
    };
    const up = () => {
      el.panes.classList.remove("is-resizing");
      el.splitter.removeEventListener("pointermove", move);
      el.splitter.removeEventListener("pointerup", up);
    };
    el.splitter.addEventListener("pointermove", move);
    el.splitter.addEventListener("pointerup", up);
  });
  return (split) => void apply(split);
}

/** Full screen without distraction: the sidebar, toolbar and preview step aside. */
export async function toggleZen(app: HTMLElement): Promise<boolean> {
  const on = !app.classList.contains("is-zen");
  app.classList.toggle("is-zen", on);
  try {
    if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen?.();
    if (!on && document.fullscreenElement) await document.exitFullscreen?.();
  } catch {
    // The webview may refuse full screen: the quiet layout alone still helps.
  }
  return on;
}
