// What renaming or merging a tag will do, worked out before asking the library: the library
// matches tags without case or accents, so "Ecologie" renamed onto an existing "écologie"
// is a merge, and the writer is asked first, told how many pieces it touches.
import { errorCode, errorMessage, type TagCount } from "../api/ipc";
import { formatNumber, t } from "../i18n";
import { fold } from "../text/fold";

/** Longest tag the library accepts, in characters (src/library/tags.rs). */
export const MAX_TAG_CHARS = 100;

/** The library's matching key: the folded name (src/library/tags.rs `key`). */
export function tagKey(name: string): string {
  return fold(name);
}

/** The name as the library will store it: trimmed, inner spaces collapsed. */
export function tidyTag(name: string): string {
  return name.split(/[\s\p{Cc}]+/u).filter(Boolean).join(" ");
}

export type RenamePlan =
  | { kind: "unchanged" }
  | { kind: "invalid"; message: string }
  | { kind: "rename"; to: string; affected: number }
  | { kind: "merge"; into: string; affected: number };

/** What renaming `from` to `typed` does, given the library's tags. */
export function planRename(from: TagCount, typed: string, tags: TagCount[]): RenamePlan {
  const to = tidyTag(typed);
  if (to === "") return { kind: "invalid", message: t("tags.emptyName") };
  if ([...to].length > MAX_TAG_CHARS) return { kind: "invalid", message: t("tags.tooLong", { n: MAX_TAG_CHARS }) };
  if (to === from.name) return { kind: "unchanged" };
  const other = tags.find((tag) => tag.name !== from.name && tagKey(tag.name) === tagKey(to));
  if (other) return { kind: "merge", into: other.name, affected: from.count };
  return { kind: "rename", to, affected: from.count };
}

/** The tags `source` may be merged into: all the others, alphabetically. */
export function mergeTargets(source: string, tags: TagCount[]): TagCount[] {
  return tags.filter((tag) => tag.name !== source).sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/** "1 article", "3 articles": the count of pieces, in words that agree with it. */
export function piecesLabel(n: number): string {
  return t("tags.pieces", { n: formatNumber(n) });
}

/** The question asked before a merge, with the number of pieces it touches. */
export function mergeQuestion(source: TagCount, target: string): string {
  return t("tags.confirmMerge", { from: source.name, to: target, pieces: piecesLabel(source.count) });
}

/** A failed rename or merge, in words a journalist can act on. */
export function tagErrorMessage(err: unknown): string {
  switch (errorCode(err)) {
    case "invalid":
      return t("tags.invalid", { n: MAX_TAG_CHARS });
    case "tag_not_found":
      return t("tags.gone");
    case "busy":
      return t("tags.busy");
    default:
      return t("app.actionFailed", { message: errorMessage(err) });
  }
}
