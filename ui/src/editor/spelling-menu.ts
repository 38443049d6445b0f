// The small menu of spelling suggestions shown under a misspelt word: a keyboard-operable
// ARIA menu (arrows, Enter, Escape) that gives focus back to the editor when it closes.
import { EditorView } from "@codemirror/view";

/** One line of the menu: a label and what choosing it does (none: shown, not choosable). */
export interface MenuItem {
  label: string;
  choose?: () => void;
}

const MENU_CLASS = "cm-spelling-menu";

/** Closes the menu of `view`, if one is open. */
export function closeMenu(view: EditorView, refocus = true): void {
  const menu = view.dom.querySelector(`.${MENU_CLASS}`);
  if (!menu) return;
  // Focus moves before the menu goes: removing the focused element first leaves it on <body>.
  if (refocus) view.contentDOM.focus({ preventScroll: true });
  menu.remove();
}

/**
 * Opens a menu under position `pos`, titled `title`, showing `waiting` until `items` resolve.
 * The menu lives in the editor's own element so the editor's theme styles it.
 */
export function showMenu(view: EditorView, pos: number, title: string, waiting: string, items: Promise<MenuItem[]>): void {
  closeMenu(view, false);
  const menu = document.createElement("div");
  menu.className = MENU_CLASS;
  menu.setAttribute("role", "menu");
  menu.setAttribute("aria-label", title);
  menu.setAttribute("aria-busy", "true");
  menu.append(entry({ label: waiting }));
  view.dom.append(menu);
  place(view, menu, pos);
  menu.addEventListener("keydown", (event) => onKey(view, menu, event));
  menu.addEventListener("focusout", (event) => {
    if (!menu.contains(event.relatedTarget as Node | null)) closeMenu(view, false);
  });
  // The menu sits outside the scrolling text: it follows its word when the text scrolls.
  const follow = () => (menu.isConnected ? place(view, menu, pos) : view.scrollDOM.removeEventListener("scroll", follow));
  view.scrollDOM.addEventListener("scroll", follow);
  menu.tabIndex = -1;
  menu.focus();
  void items.then((list) => fill(view, menu, pos, list));
}

function fill(view: EditorView, menu: HTMLElement, pos: number, list: MenuItem[]): void {
  if (!menu.isConnected) return;
  menu.replaceChildren(
    ...list.map((item) => {
      const el = entry(item);
      if (item.choose) {
        const choose = item.choose;
        el.addEventListener("click", () => {
          // Choose first: giving focus back first would let the editor see a stale selection.
          choose();
          closeMenu(view);
        });
      }
      return el;
    }),
  );
  menu.removeAttribute("aria-busy");
  // The suggestions changed its size: it may no longer fit where the waiting line did.
  place(view, menu, pos);
  focusable(menu)[0]?.focus();
}

function entry(item: MenuItem): HTMLElement {
  const el = document.createElement("button");
  el.type = "button";
  el.className = `${MENU_CLASS}__item`;
  el.setAttribute("role", "menuitem");
  el.tabIndex = -1;
  el.textContent = item.label;
  if (!item.choose) el.setAttribute("aria-disabled", "true");
  return el;
}

function focusable(menu: HTMLElement): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')];
}

/** Arrows move, Home/End jump, Escape and Tab close: the menu never traps the keyboard. */
function onKey(view: EditorView, menu: HTMLElement, event: KeyboardEvent): void {
  const items = focusable(menu);
  const at = items.indexOf(document.activeElement as HTMLElement);
  const move: Record<string, number | undefined> = {
    ArrowDown: (at + 1) % Math.max(items.length, 1),
    ArrowUp: (at - 1 + items.length) % Math.max(items.length, 1),
    Home: 0,
    End: items.length - 1,
  };
  if (event.key in move) {
    event.preventDefault();
    items[move[event.key] ?? 0]?.focus();
  } else if (event.key === "Escape" || event.key === "Tab") {
    event.preventDefault();
    event.stopPropagation();
    closeMenu(view);
  }
}

/** Space kept between the menu and the window's edges, in CSS pixels. */
const EDGE = 4;

/**
 * Puts the menu under the word at `pos`, or above it when there is no room below, shifted
 * left when it would pass the window's right edge (issue #11: clipped near the bottom and
 * right edges). Fixed to the window, so no pane's `overflow: hidden` cuts it either; the
 * menu must be in the page to be measured.
 */
function place(view: EditorView, menu: HTMLElement, pos: number): void {
  const box = view.dom.getBoundingClientRect();
  const word = view.coordsAtPos(pos) ?? { left: box.left, top: box.top, bottom: box.top };
  const { width, height } = menu.getBoundingClientRect();
  const room = { right: window.innerWidth - EDGE, bottom: window.innerHeight - EDGE };
  const below = word.bottom + EDGE;
  const above = word.top - EDGE - height;
  const top = below + height <= room.bottom || above < EDGE ? Math.min(below, room.bottom - height) : above;
  menu.style.left = `${Math.max(EDGE, Math.min(word.left, room.right - width))}px`;
  menu.style.top = `${Math.max(EDGE, top)}px`;
}

/** The menu's look, in the desk's colours. */
export const menuTheme = EditorView.baseTheme({
  [`.${MENU_CLASS}`]: {
    position: "fixed",
    zIndex: "20",
    maxHeight: `calc(100vh - ${2 * EDGE}px)`,
    overflowY: "auto",
    display: "flex",
    flexDirection: "column",
    minWidth: "12rem",
    padding: "4px",
    background: "var(--sheet, #fff)",
    color: "var(--ink, #1f1d1a)",
    border: "1px solid var(--line, #e0d9cb)",
    borderRadius: "6px",
    boxShadow: "0 8px 24px rgba(0, 0, 0, .18)",
    font: "14px/1.4 var(--sans, sans-serif)",
  },
  [`.${MENU_CLASS}__item`]: {
    font: "inherit",
    textAlign: "left",
    padding: "4px 10px",
    border: "none",
    borderRadius: "4px",
    background: "transparent",
    color: "inherit",
    cursor: "pointer",
  },
  [`.${MENU_CLASS}__item[aria-disabled="true"]`]: { color: "var(--muted, #5c5850)", cursor: "default" },
  [`.${MENU_CLASS}__item:focus, .${MENU_CLASS}__item:hover`]: {
    background: "var(--selection, #f3dccf)",
    outline: "2px solid var(--focus, #1d5fc4)",
    outlineOffset: "-2px",
  },
});
