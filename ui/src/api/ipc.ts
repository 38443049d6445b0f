// Typed wrappers around the Tauri commands: the only place the UI names a command.
import { invoke } from "@tauri-apps/api/core";

export interface Draft {
  id: number;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface DraftSummary {
  id: number;
  title: string;
  updated_at: string;
}

/** What the Autosaver sends. `kicker` and `standfirst` are optional: a backend that does
 *  not know them yet ignores them (serde skips unknown fields). */
export interface DraftEdit {
  id: number;
  title: string;
  body: string;
  kicker?: string;
  standfirst?: string;
}

/** Length figures of the piece, computed by the rendering pipeline (French rules). */
export interface Counts {
  signs: number;
  signs_no_spaces: number;
  words: number;
  feuillets: number;
  reading_minutes: number;
}

/** `counts` is optional until the backend sends it; the status bar then shows "—". */
export interface Preview {
  html: string;
  counts?: Counts;
}

/** The error shape every command rejects with (see src-tauri/src/error.rs). */
export interface UiError {
  code: string;
  message: string;
}

export const api = {
  listDrafts: () => invoke<DraftSummary[]>("list_drafts"),
  getDraft: (id: number) => invoke<Draft>("get_draft", { id }),
  createDraft: (title: string) => invoke<Draft>("create_draft", { title }),
  saveDraft: (edit: DraftEdit) => invoke<Draft>("save_draft", { edit }),
  offerWelcomeDraft: () => invoke<Draft | null>("offer_welcome_draft"),
  renderPreview: (markdown: string) => invoke<Preview>("render_preview", { markdown }),
};

/** A message fit for the writer, whatever the command rejected with. */
export function errorMessage(err: unknown): string {
  if (err && typeof err === "object" && "message" in err) {
    return String((err as UiError).message);
  }
  return String(err);
}
