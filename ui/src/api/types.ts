// The shapes the Tauri commands take and give, mirroring the Rust serde types of
// src/library/ (model.rs, filter.rs, search.rs, revisions.rs, diff.rs, status.rs, tags.rs)
// and of the export contract. Flattened Rust structs are flat objects here too.

export type Status = "idea" | "draft" | "review" | "ready" | "published";
export const STATUSES: readonly Status[] = ["idea", "draft", "review", "ready", "published"];
export type Lang = "fr" | "en";
export type SaveKind = "autosave" | "save_point";

/** `PieceFields`: everything a writer edits in one save. */
export interface PieceFields {
  title: string;
  kicker: string;
  standfirst: string;
  body: string;
  author: string;
  author_role: string;
  category: string;
  lang: Lang;
  publication_date: string | null;
  issue_number: number | null;
  target_signs: number | null;
}

/** `Piece`: a stored piece, its fields flattened in. */
export interface Piece extends PieceFields {
  id: number;
  slug: string;
  status: Status;
  tags: string[];
  created_at: string;
  updated_at: string;
  version: number;
  trashed_at: string | null;
}

/** `PieceSummary`: a line of the piece list. */
export interface PieceSummary {
  id: number;
  title: string;
  slug: string;
  status: Status;
  tags: string[];
  category: string;
  updated_at: string;
  publication_date: string | null;
}

/** `NewPiece`: everything but the title may be left out. */
export type NewPiece = Partial<PieceFields> & { slug?: string; status?: Status; tags?: string[] };

/** `PieceEdit`: a full save, based on the version the editor loaded. */
export interface PieceEdit extends PieceFields {
  id: number;
  base_version: number;
  kind: SaveKind;
  slug: string | null;
  tags: string[] | null;
}

/** `PieceFilter`. */
export interface PieceFilter {
  tags?: string[];
  statuses?: Status[];
  category?: string | null;
  published_from?: string | null;
  published_to?: string | null;
  in_trash?: boolean;
  limit?: number | null;
}

/** `SearchQuery`: the words and the list filters, flattened. */
export interface SearchQuery extends PieceFilter {
  text: string;
}

export interface SnippetSegment {
  text: string;
  highlight: boolean;
}

/** `SearchHit`: a summary with its score and highlighted snippet. */
export interface SearchHit extends PieceSummary {
  score: number;
  snippet: SnippetSegment[];
}

export interface StatusChange {
  from: Status | null;
  to: Status;
  changed_at: string;
}

export interface TagCount {
  name: string;
  count: number;
}

export type RevisionReason = "save_point" | "pause" | "interval" | "status_change" | "restore";

export interface RevisionSummary {
  number: number;
  reason: RevisionReason;
  version: number;
  title: string;
  saved_at: string;
  kept_at: string;
}

export interface Revision extends PieceFields {
  piece_id: number;
  number: number;
  reason: RevisionReason;
  version: number;
  saved_at: string;
  kept_at: string;
  slug: string;
  status: Status;
  tags: string[];
}

export type DiffOp = "equal" | "insert" | "delete";

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export interface FieldDiff {
  field: string;
  segments: DiffSegment[];
}

/** `RevisionDiff`: `to` is null when compared with the current text. */
export interface RevisionDiff {
  piece_id: number;
  from: number;
  to: number | null;
  fields: FieldDiff[];
  unified: string;
}

/** Length figures of the piece, computed by the rendering pipeline (French rules). */
export interface Counts {
  signs: number;
  signs_no_spaces: number;
  words: number;
  feuillets: number;
  reading_minutes: number;
}

/** `PreviewHead`: the plain fields set around the body, typeset by the core. */
export interface PreviewHead {
  kicker: string;
  title: string;
  standfirst: string;
  author: string;
  author_role: string;
}

/** `PreviewUpdate`: the blocks of the preview that changed since render `base`. */
export interface PreviewUpdate {
  /** This render's number, sent back as `shown` with the next request. */
  generation: number;
  /** The render this update applies to; `null`: replace every block. */
  base: number | null;
  /** Blocks kept as they are at the start. */
  keep_head: number;
  /** Blocks kept at the end, whose `data-line`s move by `line_shift`. */
  keep_tail: number;
  line_shift: number;
  /** The HTML of each new block between the kept ones. */
  blocks: string[];
  counts?: Counts;
}

export type ExportFormat = "page" | "fragment" | "markdown";

/** A single-piece format as `export_formats` lists it (Rust: `ExportFormatInfo`). */
export interface ExportFormatInfo {
  format: ExportFormat;
  /** Extension without the dot, for the save dialog's filter. */
  extension: string;
  /** End of the suggested file name, e.g. `.fragment.html`. */
  suffix: string;
  mime: string;
  /** Key of the format's name in the catalogue. */
  label_key: string;
}

/** What `export_site` reports at the end. */
export interface SiteReport {
  out_dir: string;
  pieces: number;
  tags: number;
  categories: number;
  files: number;
  /** Files of an earlier export that no longer belong and were deleted. */
  removed: string[];
}

/** What a long job does (`JobKind`, src-tauri/src/jobs.rs). */
export type JobKind = "site_export";

/** Payload of the `job-progress` event (`JobProgress`): `done` of `total` steps of job `job`.
 * A job's first event comes before any work, with `total` 0, and names the id to cancel. */
export interface JobProgress {
  job: number;
  kind: JobKind;
  done: number;
  total: number;
}

/** The archive's site settings stored in the library (`SiteSettings`, src/export/views.rs). */
export interface SiteSettings {
  title: string;
  description: string;
  base_url: string | null;
  lang: string;
  author: string;
}

/** A file and the piece it created or updated. */
export interface ImportedPiece {
  path: string;
  id: number;
  slug: string;
  title: string;
}

/** What `import_paths` reports (`ImportOutcome`), file by file. */
export interface ImportReport {
  created: ImportedPiece[];
  updated: ImportedPiece[];
  unchanged: ImportedPiece[];
  refused: { path: string; reason: string }[];
}

/** Every code a command can reject with (`ErrorCode`, src-tauri/src/error.rs); the words for
 * each are in ui/src/i18n/errors.ts, and a Rust test checks the three lists agree. */
export type ErrorCode =
  | "data_dir"
  | "not_a_library"
  | "damaged"
  | "read_only"
  | "too_new"
  | "not_found"
  | "revision_not_found"
  | "tag_not_found"
  | "conflict"
  | "in_trash"
  | "not_in_trash"
  | "invalid"
  | "busy"
  | "disk_full"
  | "backup"
  | "bad_backup"
  | "unreadable_revision"
  | "bad_setting"
  | "library"
  | "template"
  | "io"
  | "no_slug"
  | "unsafe_path"
  | "cancelled"
  | "bad_input"
  | "bad_base_url"
  | "bad_manifest"
  | "dictionary_missing"
  | "dictionary_unreadable"
  | "word_list"
  | "no_export_yet"
  | "open_folder_failed"
  | "internal";

/** The error shape every command rejects with (see src-tauri/src/error.rs): a code and its
 * parameters (`{ id }`, `{ field }`, `{ action, name, reason }`…), never words. */
export interface UiError {
  code: ErrorCode;
  params?: Record<string, string | number | null>;
  /** For `conflict`: the piece as it is now in the library. */
  current?: Piece;
}

/** `Misspelling` (src/spelling/): a word the dictionary of the piece's language does not know,
 * `from..to` in UTF-16 code units (CodeMirror positions). */
export interface Misspelling {
  from: number;
  to: number;
  word: string;
}
