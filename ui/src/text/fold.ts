// The core's accent folding (`edito::text::fold`, Rust), mirrored for the window's quick
// filters so "ecologie" finds what the library files under "Écologie": accents dropped,
// ligatures and the letters Unicode does not decompose spelled out in ASCII, typographic
// punctuation in its ASCII spelling, lower case. `tests/fixtures/fold.json` is written by the
// Rust rule and read by `fold.test.ts`: the two cannot drift apart unnoticed. The core
// transliterates every script; this mirror covers Latin letters and French typography, which
// is what the fixture checks.

/** Characters NFD does not split into a base letter and marks, as the core spells them. */
const SPELLED: Record<string, string> = {
  "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ẞ": "SS",
  "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
  "þ": "th", "Þ": "Th", "ı": "i", "ĳ": "ij", "Ĳ": "IJ",
  "\u2019": "'", "\u2018": "'", "\u201c": "\"", "\u201d": "\"", "«": "<<", "»": ">>",
  "\u2013": "-", "\u2014": "--", "\u2026": "...", "\u00a0": " ", "\u202f": " ", "€": "EUR",
};

const SPELLED_RE = new RegExp(`[${Object.keys(SPELLED).join("")}]`, "gu");

/** The folded form of `text`, for matching (see the Rust `fold`). */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(SPELLED_RE, (c) => SPELLED[c] ?? c)
    .toLowerCase();
}
