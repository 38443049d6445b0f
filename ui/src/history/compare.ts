// Which two states the history compares: the revision picked in the list, and either the
// current text or another revision chosen in "Compare with". Two revisions are always shown
// older → newer, so an insertion reads as what was added over time, whichever was picked first.
import type { RevisionSummary } from "../api/ipc";

/** The `from`/`to` of `diff_revisions`: `to` null means the current text. */
export interface RevisionPair {
  from: number;
  to: number | null;
}

/** The pair for the revision `selected` in the list and `other` (null: the current text). */
export function comparePair(selected: number, other: number | null): RevisionPair {
  if (other === null || other === selected) return { from: selected, to: null };
  return { from: Math.min(selected, other), to: Math.max(selected, other) };
}

/** The revisions "Compare with" offers beside the current text: every one but `selected`. */
export function compareChoices(revisions: RevisionSummary[], selected: number): RevisionSummary[] {
  return revisions.filter((rev) => rev.number !== selected);
}

/** The choice in the select (`""`: the current text) as a revision number or null. */
export function otherOf(value: string): number | null {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}
