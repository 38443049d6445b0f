// Fuzzy matching of piece titles for quick open: the letters typed must appear in order;
// matches at word starts and in runs score higher. Accents and case are ignored, so "edito"
// finds "Éditorial".

import { fold } from "../text/fold";

/** A score (higher is better) or null when `query` does not match `title`. */
export function fuzzyScore(query: string, title: string): number | null {
  const q = fold(query).replace(/\s+/g, "");
  const s = fold(title);
  if (!q) return 0;
  let score = 0;
  let from = 0;
  let prev = -2;
  for (const ch of q) {
    const at = s.indexOf(ch, from);
    if (at < 0) return null;
    score += 1;
    if (at === prev + 1) score += 3; // a run of letters
    // A word start; the title is folded, so « is << and ’ is '.
    if (at === 0 || /[\s\-'"<(]/.test(s[at - 1])) score += 5;
    score -= Math.min(3, at - from) * 0.1; // gaps cost a little
    prev = at;
    from = at + 1;
  }
  return score - s.length * 0.01;
}

/** `items` matching `query`, best first; ties keep the original order (most recent first). */
export function fuzzyFilter<T>(query: string, items: T[], title: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, title(item)) }))
    .filter((m): m is { item: T; index: number; score: number } => m.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((m) => m.item);
}
