// The shapes the Tauri commands take and give. Every one the Rust side defines is generated from
// the Rust serde types into ./generated.ts (src-tauri/src/contract.rs, `make types`; a test fails
// when it is stale) and re-exported here. This file adds only the UI's own shapes: inputs whose
// fields may all be left out (`#[serde(default)]` in Rust) and the error's envelope, whose
// parameters differ by code.
import type * as G from "./generated";

export type {
  Counts,
  DiffOp,
  DiffSegment,
  ExportFormat,
  ExportFormatInfo,
  ErrorCode,
  FieldDiff,
  ImageRecord,
  ImageText,
  ImportedPiece,
  ImportOutcome,
  JobKind,
  JobProgress,
  JsonValue,
  Lang,
  Misspelling,
  Piece,
  PieceEdit,
  PieceFields,
  PieceSummary,
  PreviewUpdate,
  RefusedFile,
  Revision,
  RevisionDiff,
  RevisionReason,
  RevisionSummary,
  SaveKind,
  SearchHit,
  SiteReport,
  SiteSelection,
  SiteSettings,
  SnippetSegment,
  Status,
  StatusChange,
  TagCount,
} from "./generated";

/** Every status, in workflow order (the compiler checks none of `Status` is missing). */
export const STATUSES = ["idea", "draft", "review", "ready", "published"] as const satisfies readonly G.Status[];
type MissingStatus = Exclude<G.Status, (typeof STATUSES)[number]>;
const everyStatusListed: [MissingStatus] extends [never] ? true : MissingStatus = true;
void everyStatusListed;

/** `NewPiece` as `create_piece` takes it: every field may be left out. */
export type NewPiece = Partial<G.NewPiece>;

/** `PieceFilter` as `list_pieces` takes it: every filter may be left out. */
export type PieceFilter = Partial<G.PieceFilter>;

/** `SearchQuery`: the words, and the list filters that may be left out. */
export type SearchQuery = Partial<G.SearchQuery> & { text: string };

/** The error shape every command rejects with (`UiError`, src-tauri/src/error.rs): a code and
 * its parameters (`{ id }`, `{ field }`, `{ action, name, reason }`…), never words; the words
 * are in ui/src/i18n/errors.ts. */
export interface UiError {
  code: G.ErrorCode;
  params?: Record<string, string | number | null>;
  /** For `conflict`: the piece as it is now in the library. */
  current?: G.Piece;
}
