// The writer's preferences for the desk, remembered between sessions (localStorage):
// appearance, French typing, visible spaces, focus/typewriter modes, preview and split.
export type Theme = "auto" | "light" | "dark";

export interface Preferences {
  theme: Theme;
  frenchTyping: boolean;
  showSpaces: boolean;
  focus: boolean;
  typewriter: boolean;
  /** The core's spell checker on the body, in the piece's language. */
  spelling: boolean;
  previewVisible: boolean;
  /** The metadata panel beside the preview. */
  metadataVisible: boolean;
  /** Share of the width given to the editor, in percent (20–80). */
  split: number;
}

export const DEFAULT_PREFERENCES: Preferences = {
  theme: "auto",
  frenchTyping: true,
  showSpaces: true,
  focus: false,
  typewriter: false,
  spelling: true,
  previewVisible: true,
  metadataVisible: false,
  split: 50,
};

const KEY = "edito.preferences";

/** Reads the stored preferences, ignoring anything unknown or of the wrong type. */
export function parsePreferences(raw: string | null): Preferences {
  const prefs = { ...DEFAULT_PREFERENCES };
  if (!raw) return prefs;
  let stored: Record<string, unknown>;
  try {
    stored = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return prefs;
  }
  if (!stored || typeof stored !== "object") return prefs;
  for (const key of Object.keys(prefs) as (keyof Preferences)[]) {
    if (typeof stored[key] === typeof prefs[key]) (prefs as Record<string, unknown>)[key] = stored[key];
  }
  if (!["auto", "light", "dark"].includes(prefs.theme)) prefs.theme = "auto";
  prefs.split = clampSplit(prefs.split);
  return prefs;
}

export function clampSplit(split: number): number {
  return Math.min(80, Math.max(20, Math.round(split)));
}

export function loadPreferences(): Preferences {
  try {
    return parsePreferences(localStorage.getItem(KEY));
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

export function savePreferences(prefs: Preferences): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Only remembering is lost; the desk keeps working.
  }
}

/** Applies the theme: `data-theme` on <html> (auto leaves it to prefers-color-scheme). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === "auto") delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Whether the desk is dark now, whatever the reason. */
export function isDark(theme: Theme): boolean {
  if (theme !== "auto") return theme === "dark";
  return globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
}
